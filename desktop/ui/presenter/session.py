"""The presenter session: both windows, put on the screens by the rules of
``desktop.classroom.screen_layout``, and put there again when a screen comes or goes.

With one screen (or a mirrored projector) the slide is full screen and the console stays
hidden: the teacher's keys still work, and the notes never reach what the class sees.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import QObject, QRect, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from desktop.classroom.presenter import Presentation
from desktop.classroom.screen_layout import Placement, Screen, fit_window, place
from desktop.ui.presenter.keys import PresenterKeys
from desktop.ui.presenter.render import SlideRenderer
from desktop.ui.presenter.windows import AudienceWindow, PresenterConsole
from desktop.ui.window_places import qrect, rect_of, remember_place
from desktop.window_state import WindowStates

CONSOLE_SIZE = (1280, 800)
CONSOLE = "presenter-console"  # its name in desktop.window_state


REASSERT_MS = 250  # after a window changed screens: a window manager has handled the move


class ScreenLike(Protocol):
    """What the session reads of a screen: a QScreen, or a fake one in a test."""

    def name(self) -> str: ...
    def geometry(self) -> QRect: ...
    def availableGeometry(self) -> QRect: ...


def describe(screens: Sequence[ScreenLike], primary: ScreenLike | None) -> list[Screen]:
    """The screens as ``desktop.classroom.screen_layout`` sees them. Separate X screens
    (QScreens that are not each other's virtual siblings) are separate desktops."""
    desktops: list[list[object]] = []
    described = []
    for screen in screens:
        desktop = next((i for i, d in enumerate(desktops) if screen in d), None)
        if desktop is None:
            if isinstance(screen, QScreen):
                siblings: list[object] = list(screen.virtualSiblings()) or [screen]
            else:  # fakes share one desktop
                siblings = [s for s in screens if not isinstance(s, QScreen)]
            desktops.append(siblings)
            desktop = len(desktops) - 1
        described.append(
            Screen(
                name=screen.name(),
                geometry=rect_of(screen.geometry()),
                available=rect_of(screen.availableGeometry()),
                primary=screen is primary,
                desktop=desktop,
            )
        )
    return described


class PresenterSession(QObject):
    """Opens both windows, puts them on the screens, and closes them at the end.

    ``screens`` and ``primary`` are where the screens come from (Qt's own by default; a test
    gives fakes); ``states`` keeps the console's size between runs. A PDF deck brings its own
    ``renderer`` (with its pages) and ``console`` (notes that can be typed).
    """

    finished = Signal()

    def __init__(
        self,
        presentation: Presentation,
        *,
        states: WindowStates | None = None,
        screens: Callable[[], Sequence[ScreenLike]] | None = None,
        primary: Callable[[], ScreenLike | None] | None = None,
        renderer: SlideRenderer | None = None,
        console: type[PresenterConsole] = PresenterConsole,
    ) -> None:
        super().__init__()
        self.presentation = presentation
        self.states = states
        self.list_screens = screens or QGuiApplication.screens
        self.primary_screen = primary or QGuiApplication.primaryScreen
        self.renderer = renderer or SlideRenderer()
        self.audience = AudienceWindow(self.renderer)
        self.audience.setWindowTitle(presentation.lesson.title)
        self.console = console(presentation, self.renderer)
        self.keys = PresenterKeys(presentation, self.swap_screens)
        self.keys.on_typed = self.console.show_typed
        for window in (self.audience, self.console):
            window.installEventFilter(self.keys)
        presentation.changed.connect(self.refresh)
        presentation.finished.connect(self.close)
        self.console.closing.connect(presentation.end)
        self.swapped = False
        self.prefer_audience: str | None = None  # a screen just plugged in: the projector
        self.placement: Placement | None = None
        self.closed = False
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenAdded.connect(self.screen_added)
            app.screenRemoved.connect(self.screen_removed)
            app.primaryScreenChanged.connect(self.screens_changed)
        self._watched: list[QScreen] = []
        for screen in QGuiApplication.screens():
            self._watch(screen)
        self._console_placed = False

    def start(self) -> None:
        self.refresh()
        self.place_windows()

    def refresh(self) -> None:
        p = self.presentation
        self.audience.canvas.show_view(p.audience_slide(), p.blank)
        if self.console.isVisible():  # hidden (one screen): filled when it shows again
            self.console.refresh()

    # ---------------------------------------------------------------- screens
    def screens_changed(self) -> None:
        """A screen was plugged in, pulled out, mirrored or moved: place both windows anew,
        by the default rule (a swap was for the screens there were)."""
        self.swapped = False
        QTimer.singleShot(0, self, self.place_windows)  # after Qt has moved its windows

    def screen_added(self, screen: QScreen) -> None:
        self.prefer_audience = screen.name()
        self._watch(screen)
        self.screens_changed()

    def screen_removed(self, screen: QScreen) -> None:
        if screen in self._watched:
            self._watched.remove(screen)
            screen.geometryChanged.disconnect(self.screens_changed)
        if self.prefer_audience == screen.name():
            self.prefer_audience = None
        self.swapped = False
        self.place_windows(leaving=screen)  # now, so the console does not linger
        self.screens_changed()

    def _watch(self, screen: QScreen) -> None:
        """A screen's geometry changes when the system mirrors it or moves it."""
        if isinstance(screen, QScreen) and screen not in self._watched:
            self._watched.append(screen)
            screen.geometryChanged.connect(self.screens_changed)

    def place_windows(self, leaving: object = None) -> None:
        """Put the slide full screen on its screen and the console on the laptop's, or hide
        the console when there is no second, separate screen."""
        if self.closed:
            return
        screens = [s for s in self.list_screens() if s is not leaving]
        placement = place(
            describe(screens, self.primary_screen()),
            swapped=self.swapped,
            prefer_audience=self.prefer_audience,
        )
        self.placement = placement
        if placement is None:
            return
        if placement.console is None:
            self.console.hide()  # before the slide covers the screen: never under it either
            self._full_screen(self.audience, screens[placement.audience])
            self.audience.raise_()
            self.audience.activateWindow()
            return
        self._console_on(screens[placement.console])
        self._full_screen(self.audience, screens[placement.audience])
        self.console.raise_()
        self.console.activateWindow()

    def _move_to(self, window: QWidget, screen: ScreenLike) -> bool:
        """Give ``window`` to ``screen``; True when it changed screens."""
        window.winId()  # create the native window so it can be given a screen
        handle = window.windowHandle()
        if handle is None or not isinstance(screen, QScreen) or handle.screen() is screen:
            return False
        if window.isFullScreen():
            window.showNormal()  # leave full screen before moving: a window manager keeps it
        handle.setScreen(screen)  # on separate X screens this makes a new native window
        return True

    def _full_screen(self, window: QWidget, screen: ScreenLike) -> None:
        moved = self._move_to(window, screen)
        if moved or window.geometry() != screen.geometry():
            # Off the screen and on again: a full-screen window keeps its place otherwise.
            window.hide()
            window.setGeometry(screen.geometry())
        window.showFullScreen()
        if moved:  # a window manager may still be handling the move: ask once more, later
            QTimer.singleShot(REASSERT_MS, window, lambda: self._still_full(window, screen))

    def _still_full(self, window: QWidget, screen: ScreenLike) -> None:
        """After a move (a projector plugged in), the slide is full screen on its screen."""
        if self.closed or not window.isVisible():
            return
        if not window.isFullScreen() or window.geometry() != screen.geometry():
            window.setGeometry(screen.geometry())
            window.showFullScreen()

    def _console_on(self, screen: ScreenLike) -> None:
        area = rect_of(screen.availableGeometry())
        console = self.console
        if not console.isVisible():
            console.refresh()  # not kept up to date while hidden
        moved = self._move_to(console, screen)
        if (
            moved
            or not self._console_placed
            or not area.contains_point(*rect_of(console.geometry()).centre)
        ):
            saved = self.states.get(CONSOLE) if self.states is not None else None
            # Its own last size on the same screen; on another, the saved or usual one.
            last = rect_of(console.normalGeometry()) if self._console_placed and not moved else None
            minimum = (console.minimumWidth(), console.minimumHeight())
            rect = fit_window(
                last or (saved.rect if saved else None), CONSOLE_SIZE, minimum, [area]
            )
            console.setGeometry(qrect(rect))
            self._console_placed = True
            if saved is not None and saved.maximized and last is None:
                console.showMaximized()
                return
        console.show()  # again after a move: a new native window is not mapped by itself

    def swap_screens(self) -> None:
        """S: exchange the slide and the console. With one picture there is nothing to swap,
        and nothing happens."""
        if self.placement is None or not self.placement.can_swap:
            return
        self.swapped = not self.swapped
        self.place_windows()

    # ---------------------------------------------------------------- the end
    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenAdded.disconnect(self.screen_added)
            app.screenRemoved.disconnect(self.screen_removed)
            app.primaryScreenChanged.disconnect(self.screens_changed)
        for screen in self._watched:
            screen.geometryChanged.disconnect(self.screens_changed)
        self._watched.clear()
        if self._console_placed and self.console.isVisible():
            remember_place(self.console, self.states, CONSOLE)
        self.console.timer.stop()
        self.audience.close()
        self.console.closing.disconnect(self.presentation.end)
        self.console.close()
        self.audience.deleteLater()  # top-level windows without a parent: free them now
        self.console.deleteLater()
        self.finished.emit()
