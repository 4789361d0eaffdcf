"""What keeps case text from being seen: auto-lock, the hide key, no screen capture.

:class:`VaultGuard` is made once by the main window. While the vault is open it watches for
input (auto-lock after the settings' idle minutes, and at once when the computer slept or the
application is suspended), and on Windows excludes the app's windows from screen capture and
screen sharing (``SetWindowDisplayAffinity``; a no-op elsewhere). The hide key
(Ctrl+Shift+Space, in every window of the app, the presenter's too) locks the vault, blacks
out the projector and minimises every window at once.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt
from PySide6.QtGui import QClipboard, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from desktop.concerns.idle import IdleWatch, LockReason
from desktop.concerns.session import VaultSession

log = logging.getLogger(__name__)

HIDE_KEY = "Ctrl+Shift+Space"
LOCK_KEY = "Ctrl+L"
WDA_NONE = 0x0
WDA_EXCLUDEFROMCAPTURE = 0x11  # Windows 10 2004 and later; older versions ignore the call


ON_WINDOWS = sys.platform == "win32"


def _user32() -> Any:
    import ctypes

    return ctypes.windll.user32  # type: ignore[attr-defined,unused-ignore]


def set_capture_excluded(window: QWidget, excluded: bool) -> bool:
    """Keep ``window`` out of screenshots, recordings and shared screens (Windows only).

    Returns True when the platform took the request.
    """
    if not ON_WINDOWS:
        return False
    try:
        user32 = _user32()
        affinity = WDA_EXCLUDEFROMCAPTURE if excluded else WDA_NONE
        return bool(user32.SetWindowDisplayAffinity(int(window.winId()), affinity))
    except (AttributeError, OSError):  # an old Windows: nothing to do
        log.info("screen capture exclusion not available")
        return False


class VaultGuard(QObject):
    """Auto-lock, Ctrl+L, the hide key and capture exclusion for ``window``."""

    def __init__(
        self,
        session: VaultSession,
        window: QWidget,
        minutes: Callable[[], int],
        *,
        idle: IdleWatch | None = None,
    ) -> None:
        super().__init__(window)
        self.session = session
        self.window = window
        self.minutes = minutes
        self.idle = idle or IdleWatch(minutes(), parent=self)
        self.idle.expired.connect(self._expired)
        self.hidden_by_key = 0  # how often the hide key was used (for tests)
        self.extra_hide: list[Callable[[], None]] = []  # e.g. black out the projector

        # The keys work in every window of the app, dialogs and the presenter included: an
        # application event filter sees them before any window (a QShortcut of the main
        # window is switched off while a modal dialog blocks it).
        self.keys = _GuardKeys(self)
        self.capture_windows: set[int] = set()  # windows kept out of screen capture now
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.keys)

        self._copied_while_open = False
        clipboard = QGuiApplication.clipboard()
        clipboard.dataChanged.connect(self._clipboard_changed)
        clipboard.selectionChanged.connect(self._clipboard_changed)
        session.opened.connect(self._opened)
        if session.is_open:  # made after the vault opened (tests): watch from now
            self._opened()
        session.locked.connect(self._locked)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._application_state)
        from desktop.concerns.platform_events import PlatformEvents

        self.platform = PlatformEvents(self)
        self.platform.going_away.connect(self._going_away)
        self.platform.watch(int(window.winId()) if sys.platform == "win32" else None)

    def _going_away(self, _what: str) -> None:
        if self.session.is_open:
            self.session.lock(LockReason.SLEEP)

    def _opened(self) -> None:
        self.idle.set_minutes(self.minutes())
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)
        self.idle.start()
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible():
                self.exclude_from_capture(widget)

    def exclude_from_capture(self, widget: QWidget) -> None:
        """Keep a window of the app out of screen capture while the vault is open."""
        if not self.session.is_open or not widget.isWindow():
            return
        key = id(widget)
        if key not in self.capture_windows and set_capture_excluded(widget, True):
            self.capture_windows.add(key)
            widget.destroyed.connect(lambda _obj=None, k=key: self.capture_windows.discard(k))

    def _locked(self, _reason: str) -> None:
        clipboard = QGuiApplication.clipboard()
        for mode, owned in (
            (QClipboard.Mode.Clipboard, clipboard.ownsClipboard()),
            (QClipboard.Mode.Selection, clipboard.ownsSelection()),
        ):
            if owned or self._copied_while_open:
                clipboard.clear(mode)  # text copied from one of our windows may be case text
        self._copied_while_open = False
        self.idle.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.idle)
        if self.capture_windows:
            for widget in QApplication.topLevelWidgets():
                if id(widget) in self.capture_windows:
                    set_capture_excluded(widget, False)
            self.capture_windows.clear()

    def _clipboard_changed(self) -> None:
        """Something was copied: by us if one of our windows has the focus (or, on X11 and
        Wayland, if we own the clipboard now)."""
        clipboard = QGuiApplication.clipboard()
        if self.session.is_open and (
            QGuiApplication.focusWindow() is not None
            or clipboard.ownsClipboard()
            or clipboard.ownsSelection()
        ):
            self._copied_while_open = True

    def _expired(self, reason: str) -> None:
        self.session.lock(reason)

    def _application_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended and self.session.is_open:
            self.session.lock(LockReason.SLEEP)

    def settings_changed(self) -> None:
        self.idle.set_minutes(self.minutes())

    def hide_everything(self) -> None:
        """Lock the vault, black out the projector, minimise every window: at once."""
        self.hidden_by_key += 1
        self.session.lock(LockReason.HIDE)
        for blank in self.extra_hide:
            blank()
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and widget.isWindow() and not widget.property("audience"):
                widget.showMinimized()
        log.info("everything hidden by the hide key")


class _GuardKeys(QObject):
    """The hide key and Ctrl+L in any window; new windows kept out of capture."""

    def __init__(self, guard: VaultGuard) -> None:
        super().__init__(guard)
        self.guard = guard
        control = Qt.KeyboardModifier.ControlModifier
        self.hide = QKeyCombination(control | Qt.KeyboardModifier.ShiftModifier, Qt.Key.Key_Space)
        self.lock = QKeyCombination(control, Qt.Key.Key_L)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            combination = event.keyCombination()
            if combination == self.hide:
                self.guard.hide_everything()
                return True
            if combination == self.lock and self.guard.session.is_open:
                self.guard.session.lock(LockReason.BUTTON)
                return True
        elif kind == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            self.guard.exclude_from_capture(watched)
        return False
