"""The presenter's windows on one screen, two, a mirrored projector, and screens that come and
go during a lesson: fake screens in process, real ones (the offscreen plugin's config file) in
a fresh interpreter."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.classroom.presenter import Presentation
from desktop.ui.presenter.session import CONSOLE, PresenterSession
from desktop.window_state import WindowStates
from lessons.library import read_lesson
from tests.conftest import ROOT, run_python
from tests.ui.fake_screens import BEAMER, LAPTOP, SMALL_LAPTOP, FakeScreen, FakeScreens

FIXTURE = ROOT / "tests" / "fixtures" / "lessons" / "nl" / "00-proefles.yaml"


OPEN: list[PresenterSession] = []


@pytest.fixture(autouse=True)
def _close_sessions() -> Iterator[None]:
    """A session left open would still answer Qt's screen signals in the next test."""
    yield
    while OPEN:
        OPEN.pop().close()


def open_session(
    qtbot: QtBot, screens: FakeScreens, states: WindowStates | None = None
) -> PresenterSession:
    presentation = Presentation(read_lesson(FIXTURE), FIXTURE.parent, "bovenbouw")
    session = PresenterSession(
        presentation, states=states, screens=screens, primary=screens.primary
    )
    OPEN.append(session)  # closed (both windows too) by _close_sessions
    session.start()
    return session


def covers(window: QWidget, screen: FakeScreen) -> bool:
    """Full screen on ``screen``. (The offscreen plugin gives a full-screen window the size of
    its one real screen, so only the place is compared.)"""
    return window.isFullScreen() and window.geometry().topLeft() == screen.geometry().topLeft()


def inside(window: QWidget, screen: FakeScreen) -> bool:
    return screen.geometry().contains(window.geometry())


def test_two_screens_slide_on_the_projector_console_on_the_laptop(qtbot: QtBot) -> None:
    session = open_session(qtbot, FakeScreens(LAPTOP, BEAMER))
    assert session.audience.isFullScreen()
    assert covers(session.audience, BEAMER)
    assert session.console.isVisible()
    assert LAPTOP.availableGeometry().contains(session.console.geometry())


def test_five_swaps_keep_both_windows_visible_on_different_screens(qtbot: QtBot) -> None:
    session = open_session(qtbot, FakeScreens(LAPTOP, BEAMER))
    for number in range(1, 6):
        session.swap_screens()
        assert session.audience.isVisible(), number
        assert session.console.isVisible(), number
        assert session.audience.isFullScreen()
        slide, console = (LAPTOP, BEAMER) if number % 2 else (BEAMER, LAPTOP)
        assert covers(session.audience, slide), number
        assert console.availableGeometry().contains(session.console.geometry()), number


def test_one_screen_swap_does_nothing(qtbot: QtBot) -> None:
    session = open_session(qtbot, FakeScreens(LAPTOP))
    for _ in range(5):
        session.swap_screens()
        assert not session.swapped
        assert session.audience.isFullScreen()
        assert covers(session.audience, LAPTOP)
        assert not session.console.isVisible()


@pytest.mark.parametrize(
    "mirror", [FakeScreen("beamer", 0, 0, 1366, 768), FakeScreen("beamer", 0, 0, 1024, 768)]
)
def test_a_mirrored_projector_gets_the_slide_and_never_the_console(
    qtbot: QtBot, mirror: FakeScreen
) -> None:
    session = open_session(qtbot, FakeScreens(LAPTOP, mirror))
    assert session.audience.isFullScreen()
    assert not session.console.isVisible()
    session.swap_screens()
    assert not session.console.isVisible()


def test_projector_pulled_out_and_plugged_in_again(qtbot: QtBot) -> None:
    screens = FakeScreens(LAPTOP, BEAMER)
    session = open_session(qtbot, screens)
    session.swap_screens()  # the teacher had swapped: a new screen undoes it
    screens.screens.remove(BEAMER)
    session.screen_removed(BEAMER)  # type: ignore[arg-type]
    assert not session.console.isVisible()  # at once: the slide covers the laptop
    assert session.audience.isFullScreen()
    assert covers(session.audience, LAPTOP)
    qtbot.wait(10)  # the second look, after Qt moved its windows
    assert not session.console.isVisible()

    other = FakeScreen("hdmi-2", 1366, 0, 1024, 768)
    screens.screens.append(other)
    session.screen_added(other)  # type: ignore[arg-type]
    qtbot.waitUntil(session.console.isVisible)
    assert not session.swapped
    assert covers(session.audience, other)
    assert LAPTOP.availableGeometry().contains(session.console.geometry())


def test_a_new_screen_gets_the_slide_even_with_a_monitor_there(qtbot: QtBot) -> None:
    monitor = FakeScreen("monitor", 1366, 0, 1920, 1080)
    screens = FakeScreens(LAPTOP, monitor)
    session = open_session(qtbot, screens)
    assert covers(session.audience, monitor)
    beamer = FakeScreen("beamer", 3286, 0, 1024, 768)
    screens.screens.append(beamer)
    session.screen_added(beamer)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: session.placement is not None and session.placement.audience == 2)
    assert covers(session.audience, beamer)
    assert inside(session.console, LAPTOP)


def test_qt_screen_signals_reach_the_session(qtbot: QtBot) -> None:
    screens = FakeScreens(LAPTOP, BEAMER)
    session = open_session(qtbot, screens)
    screens.screens.remove(BEAMER)
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    app.primaryScreenChanged.emit(app.primaryScreen())
    qtbot.waitUntil(lambda: not session.console.isVisible())
    session.close()
    screens.screens.append(BEAMER)
    app.primaryScreenChanged.emit(app.primaryScreen())  # a closed session does nothing
    qtbot.wait(10)


def test_the_console_fits_a_small_laptop_and_remembers_its_size(
    qtbot: QtBot, tmp_path: Path
) -> None:
    states = WindowStates(tmp_path / "vensters.json")
    screens = FakeScreens(SMALL_LAPTOP, BEAMER)
    session = open_session(qtbot, screens, states)
    console = session.console
    area = SMALL_LAPTOP.availableGeometry()
    assert area.contains(console.geometry())
    assert console.minimumSizeHint().width() <= area.width()
    assert console.minimumSizeHint().height() <= area.height() - 40
    qtbot.wait(10)
    for part in (
        console.lesson_time, console.slide_time, console.notes, console.next_slide,
        console.current, console.next_button, console.previous_button, console.end_button,
        console.swap_button, console.black_button, console.white_button, console.reveal_button,
    ):  # fmt: skip
        assert part.isVisible(), part.objectName()
        where = QRect(part.mapTo(console, part.rect().topLeft()), part.size())
        assert console.rect().contains(where), part.objectName()
        assert part.width() > 20, part.objectName()
        assert part.height() > 10, part.objectName()
    console.setGeometry(QRect(40, 60, 900, 600))
    session.close()
    saved = WindowStates(tmp_path / "vensters.json").get(CONSOLE)
    assert saved is not None
    assert (saved.rect.width, saved.rect.height) == (900, 600)

    again = open_session(qtbot, FakeScreens(LAPTOP, BEAMER), states)
    assert (again.console.width(), again.console.height()) == (900, 600)


def write_screens(path: Path, *screens: tuple[str, int, int, int, int]) -> str:
    dpi = {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    entries = [
        {"name": name, "x": x, "y": y, "width": w, "height": h, **dpi}
        for name, x, y, w, h in screens
    ]
    path.write_text(json.dumps({"screens": entries}))
    return f"offscreen:configfile={path}"


REAL = (
    "from pathlib import Path\n"
    "from PySide6.QtWidgets import QApplication\n"
    "from desktop.classroom.presenter import Presentation\n"
    "from desktop.ui.presenter.session import PresenterSession\n"
    "from lessons.library import read_lesson\n"
    "app = QApplication([])\n"
    f"path = Path({str(FIXTURE)!r})\n"
    "s = PresenterSession(Presentation(read_lesson(path), path.parent, 'bovenbouw'))\n"
    "s.start(); app.processEvents()\n"
    "print('primary', app.primaryScreen().name())\n"
    "def state(label):\n"
    "    a, c = s.audience, s.console\n"
    "    cs = c.windowHandle().screen().name() if c.windowHandle() else '-'\n"
    "    print(label, a.windowHandle().screen().name(), cs,\n"
    "          a.isVisible(), c.isVisible(), a.isFullScreen())\n"
    "state('start')\n"
    "for n in range(5):\n"
    "    s.swap_screens(); app.processEvents(); state(f'swap{n + 1}')\n"
)


def real_run(platform: str) -> list[list[str]]:
    result = run_python(REAL, env={"QT_QPA_PLATFORM": platform})
    assert result.returncode == 0, result.stderr
    return [line.split() for line in result.stdout.splitlines()]


def test_two_real_screens_and_five_swaps(tmp_path: Path) -> None:
    platform = write_screens(
        tmp_path / "screens.json", ("laptop", 0, 0, 1366, 768), ("beamer", 1366, 0, 1920, 1080)
    )
    lines = real_run(platform)
    laptop = lines[0][1]  # the primary screen (the offscreen plugin picks one)
    beamer = next(name for name in ("laptop", "beamer") if name != laptop)
    assert lines[1] == ["start", beamer, laptop, "True", "True", "True"]
    for number, line in enumerate(lines[2:], start=1):
        slide, console = (laptop, beamer) if number % 2 else (beamer, laptop)
        assert line[1:] == [slide, console, "True", "True", "True"], line


def test_a_real_mirrored_pair_has_no_console(tmp_path: Path) -> None:
    platform = write_screens(
        tmp_path / "screens.json", ("laptop", 0, 0, 1366, 768), ("beamer", 0, 0, 1366, 768)
    )
    lines = real_run(platform)
    for line in lines[1:]:
        assert line[3:] == ["True", "False", "True"], line


def test_a_console_shown_again_shows_where_the_lesson_is(qtbot: QtBot) -> None:
    screens = FakeScreens(LAPTOP)
    session = open_session(qtbot, screens)
    for _ in range(3):
        session.presentation.next()
    screens.screens.append(BEAMER)
    session.screen_added(BEAMER)  # type: ignore[arg-type]
    qtbot.waitUntil(session.console.isVisible)
    assert session.console.position.text().startswith("Dia 4 van")
    assert session.console.slide_list.currentRow() == 3
