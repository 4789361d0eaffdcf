from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QListWidget, QTextBrowser, QWidget
from pytestqt.qtbot import QtBot

from desktop.classroom.presenter import AudienceSlide, Presentation
from desktop.ui.presenter.session import PresenterSession
from lessons.library import LoadedLesson, read_lesson
from tests.conftest import ROOT, run_python
from tests.ui.fake_screens import BEAMER, LAPTOP, FakeScreens

FIXTURE = ROOT / "tests" / "fixtures" / "lessons" / "nl" / "00-proefles.yaml"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def loaded() -> LoadedLesson:
    return LoadedLesson(read_lesson(FIXTURE), FIXTURE)


@pytest.fixture
def session(qtbot: QtBot, loaded: LoadedLesson) -> Iterator[PresenterSession]:
    presentation = Presentation(loaded.lesson, loaded.folder, "bovenbouw")
    result = PresenterSession(presentation)
    qtbot.addWidget(result.audience)
    qtbot.addWidget(result.console)
    result.start()
    yield result
    result.close()  # else it would still answer Qt's screen signals in later tests


@pytest.fixture
def two_screens(qtbot: QtBot, loaded: LoadedLesson) -> Iterator[PresenterSession]:
    screens = FakeScreens(LAPTOP, BEAMER)
    presentation = Presentation(loaded.lesson, loaded.folder, "bovenbouw")
    result = PresenterSession(presentation, screens=screens, primary=screens.primary)
    qtbot.addWidget(result.audience)
    qtbot.addWidget(result.console)
    result.start()
    yield result
    result.close()  # else it would still answer Qt's screen signals in later tests


def where(p: Presentation) -> tuple[str, int]:
    return p.slide.id, p.step


def test_steps_reveal_and_levels(loaded: LoadedLesson) -> None:
    p = Presentation(loaded.lesson, loaded.folder, "onderbouw")
    assert "extra-bovenbouw" not in [s.id for s in p.slides]
    assert "extra-bovenbouw" in [
        s.id for s in Presentation(loaded.lesson, loaded.folder, "bovenbouw").slides
    ]
    assert p.go_to(5)
    assert where(p) == ("quiz", 0)
    assert p.audience_slide().answer is None
    assert p.can_reveal()
    p.next()  # the first press on a quiz reveals the answer
    assert where(p) == ("quiz", 1)
    assert p.audience_slide().answer == 3
    assert "Jongens en meisjes" in p.audience_slide().explanation
    p.next()
    assert where(p) == ("casus", 0)
    assert p.audience_slide().part_number == 1
    p.next()
    assert where(p) == ("casus", 1)
    assert p.audience_slide().questions == ("Wat valt je op?", "Met wie kan Noor praten?")
    p.previous()
    p.previous()
    assert where(p) == ("quiz", 1)  # back into the previous slide, fully built
    assert not p.go_to(99)
    p.last()
    assert p.slide.kind == "closing"
    p.next()
    assert p.slide.kind == "closing"  # the end stays the end
    p.first()
    assert where(p) == ("opening", 0)


def test_blank_screens_and_end(loaded: LoadedLesson, qtbot: QtBot) -> None:
    p = Presentation(loaded.lesson, loaded.folder, "bovenbouw")
    p.toggle_blank("black")
    assert p.blank == "black"
    p.toggle_blank("white")
    assert p.blank == "white"
    p.next()  # a key press brings the slide back, it does not skip one
    assert p.blank is None
    assert where(p) == ("opening", 0)
    with qtbot.waitSignal(p.finished):
        p.end()
    with qtbot.assertNotEmitted(p.finished):
        p.end()


def test_timers_with_a_clock(loaded: LoadedLesson) -> None:
    clock = FakeClock()
    p = Presentation(loaded.lesson, loaded.folder, "bovenbouw", clock=clock)
    clock.now += 90
    p.next()
    clock.now += 30
    assert p.lesson_elapsed() == 120
    assert p.slide_elapsed() == 30
    assert p.planned_lesson_seconds() == 20 * 60
    assert p.planned_slide_seconds() == 120


def test_audience_view_has_no_notes(loaded: LoadedLesson) -> None:
    p = Presentation(loaded.lesson, loaded.folder, "bovenbouw")
    assert "notes" not in {f.name for f in dataclasses.fields(AudienceSlide)}
    for index in range(p.count):
        for step in range(p.slides[index].steps):
            view = p.audience_slide(index, step)
            assert "GEHEIM" not in repr(view)


def test_help_slide_uses_the_signal_card(loaded: LoadedLesson) -> None:
    p = Presentation(loaded.lesson, loaded.folder, "bovenbouw")
    p.go_to(8)
    view = p.audience_slide()
    assert [h.name for h in view.help_lines] == ["Kindertelefoon", "Fier chat", "Politie"]
    assert view.help_lines[0].contact == "0800-0432"


@pytest.mark.parametrize(
    ("screens", "window_name"),
    [("session", "audience"), ("two_screens", "audience"), ("two_screens", "console")],
)
def test_every_key(
    request: pytest.FixtureRequest, qtbot: QtBot, screens: str, window_name: str
) -> None:
    session: PresenterSession = request.getfixturevalue(screens)
    top: QWidget = getattr(session, window_name)
    assert top.isVisible()
    top.activateWindow()
    # Keys go where the system sends them: to the focused widget, else to the window.
    window = top.focusWidget() or top
    assert not [
        w.objectName() or type(w).__name__
        for w in top.findChildren(QWidget)
        if w.focusPolicy() != Qt.FocusPolicy.NoFocus and w.isVisible()
    ]
    p = session.presentation
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_PageDown):
        p.first()
        qtbot.keyClick(window, key)
        assert where(p) == ("uitleg", 0), key
    for key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp):
        p.go_to(3)
        qtbot.keyClick(window, key)
        assert where(p) == ("uitleg", 0), key
    qtbot.keyClick(window, Qt.Key.Key_End)
    assert p.slide.kind == "closing"
    qtbot.keyClick(window, Qt.Key.Key_Home)
    assert where(p) == ("opening", 0)
    qtbot.keyClicks(window, "6")
    qtbot.keyClick(window, Qt.Key.Key_Return)
    assert where(p) == ("casus", 0)
    qtbot.keyClick(window, Qt.Key.Key_B)
    assert p.blank == "black"
    qtbot.keyClick(window, Qt.Key.Key_Period)
    assert p.blank is None
    qtbot.keyClick(window, Qt.Key.Key_W)
    assert p.blank == "white"
    qtbot.keyClick(window, Qt.Key.Key_W)
    assert p.blank is None
    p.go_to(5)
    qtbot.keyClick(window, Qt.Key.Key_R)
    assert where(p) == ("quiz", 1)
    two = session.console.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_S)  # one screen: nothing to swap, and nothing happens
    assert session.swapped is two
    assert session.audience.isVisible()
    assert session.console.isVisible() is two
    with qtbot.waitSignal(session.finished):
        qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert session.closed
    assert session.presentation.ended


def texts_of(window: QWidget) -> str:
    found = [window.windowTitle(), window.toolTip(), window.accessibleName()]
    for child in window.findChildren(QWidget):
        found += [child.toolTip(), child.accessibleName(), child.windowTitle()]
        if isinstance(child, (QLabel, QAbstractButton)):
            found.append(child.text())
        if isinstance(child, QTextBrowser):
            found.append(child.toPlainText())
        if isinstance(child, QListWidget):
            found += [child.item(i).text() for i in range(child.count())]
    return "\n".join(found)


def test_notes_reach_the_console_and_never_the_audience(
    session: PresenterSession, loaded: LoadedLesson
) -> None:
    p = session.presentation
    assert "NOTITIE-OPENING-GEHEIM" in session.console.notes.toPlainText()
    for _ in range(p.count * 2):
        assert "GEHEIM" not in texts_of(session.audience)
        p.next()
    # Pixels: the same slide with other notes looks exactly the same on the projector.
    p.first()
    before = session.audience.canvas.grab().toImage()
    changed = loaded.lesson.model_copy(
        update={
            "slides": [
                s.model_copy(update={"notes": "ANDERE NOTITIE"}) for s in loaded.lesson.slides
            ]
        }
    )
    other = PresenterSession(Presentation(changed, loaded.folder, "bovenbouw"))
    other.audience.resize(session.audience.size())
    other.start()
    other.audience.resize(session.audience.size())
    after = other.audience.canvas.grab().toImage()
    other.close()
    assert before == after


def test_one_screen_shows_the_slide_full_screen_and_no_console(session: PresenterSession) -> None:
    assert session.audience.isVisible()
    assert session.audience.isFullScreen()
    assert not session.console.isVisible()  # a mirrored projector would show the notes


def test_two_screens_put_the_audience_on_the_projector(tmp_path: Path) -> None:
    config = tmp_path / "screens.json"
    dpi = {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    screens = [
        {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, **dpi},
        {"name": "beamer", "x": 1366, "y": 0, "width": 1920, "height": 1080, **dpi},
    ]
    config.write_text(json.dumps({"screens": screens}))
    code = (
        "from pathlib import Path\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from desktop.classroom.presenter import Presentation\n"
        "from desktop.ui.presenter.session import PresenterSession\n"
        "from lessons.library import read_lesson\n"
        "app = QApplication([])\n"
        f"path = Path({str(FIXTURE)!r})\n"
        "s = PresenterSession(Presentation(read_lesson(path), path.parent, 'bovenbouw'))\n"
        "s.start(); app.processEvents()\n"
        "def names():\n"
        "    console = s.console.windowHandle().screen().name()\n"
        "    return console, s.audience.windowHandle().screen().name()\n"
        "print('start', *names(), s.audience.isFullScreen())\n"
        "s.swap_screens(); app.processEvents()\n"
        "print('swapped', *names(), s.audience.isFullScreen())\n"
    )
    result = run_python(code, env={"QT_QPA_PLATFORM": f"offscreen:configfile={config}"})
    assert result.returncode == 0, result.stderr
    start = result.stdout.split("\n")[0].split()
    swapped = result.stdout.split("\n")[1].split()
    assert start[1] != start[2]  # console and audience on different screens
    assert start[3] == "True"  # full screen on the projector
    assert (swapped[1], swapped[2]) == (start[2], start[1])


def test_a_statement_must_stay_clear_of_the_agree_bar(loaded: LoadedLesson, qapp: object) -> None:
    from desktop.ui.presenter.render import SlideRenderer

    renderer = SlideRenderer()
    presentation = Presentation(loaded.lesson, loaded.folder, "bovenbouw")
    index = next(i for i, s in enumerate(presentation.slides) if s.kind == "statement")
    view = presentation.audience_slide(index, 0)
    assert renderer.fits(view)
    words = "Een stelling die veel te lang is voor het scherm boven de knoppen eens en oneens"
    longer = dataclasses.replace(view, statement=" ".join([words] * 3))
    assert renderer.content_height(longer) < 1080 - 120 - 80  # the old, too lenient limit
    assert not renderer.fits(longer)


# ---------------------------------------------------------------- levels, reveal, school contact
def test_a_class_never_sees_another_levels_slides(loaded: LoadedLesson) -> None:
    lower = Presentation(loaded.lesson, loaded.folder, "onderbouw")
    assert all(s.levels is None or "onderbouw" in s.levels for s in lower.slides)
    with pytest.raises(ValueError, match="no level 'mbo'"):
        Presentation(loaded.lesson, loaded.folder, "mbo")  # the lesson has no mbo version


def _with_reveal(loaded: LoadedLesson) -> Presentation:
    from lessons.model import RevealItem, RevealSlide

    reveal = RevealSlide(
        kind="reveal",
        id="mythen",
        title="Mythe of feit?",
        notes="NOTITIE-REVEAL-GEHEIM: lees eerst voor.",
        items=[
            RevealItem(text='"Alleen meisjes."', answer="**Nee:** ANTWOORD-EEN"),
            RevealItem(text='"Dat zie je zo."', answer="**Nee:** ANTWOORD-TWEE"),
        ],
        answer="UITLEG-NA-ONTHULLEN",
    )
    lesson = loaded.lesson.model_copy(update={"slides": [reveal, *loaded.lesson.slides]})
    return Presentation(lesson, loaded.folder, "bovenbouw")


def test_a_reveal_slide_waits_for_r(loaded: LoadedLesson, qapp: object) -> None:
    from desktop.ui.presenter.render import SlideRenderer

    p = _with_reveal(loaded)
    hidden = p.audience_slide()
    assert p.can_reveal()
    assert not hidden.revealed
    assert [text for text, _answer in hidden.items] == ['"Alleen meisjes."', '"Dat zie je zo."']
    assert all(answer == "" for _text, answer in hidden.items)
    html = SlideRenderer()._html(hidden)
    assert "Alleen meisjes" in html
    assert "ANTWOORD" not in html
    assert "UITLEG-NA-ONTHULLEN" not in html
    assert "GEHEIM" not in repr(hidden)
    assert p.next_preview() is not None
    assert p.next_preview().revealed
    p.reveal()  # R, or the console's "Antwoord tonen (R)"
    shown = p.audience_slide()
    assert where(p) == ("mythen", 1)
    assert not p.can_reveal()
    html = SlideRenderer()._html(shown)
    assert "ANTWOORD-EEN" in html
    assert "ANTWOORD-TWEE" in html
    assert "UITLEG-NA-ONTHULLEN" in html
    p.next()
    assert where(p) == ("opening", 0)
    p.previous()
    assert where(p) == ("mythen", 1)  # back: the answers stay shown
    p.previous()
    assert where(p) == ("mythen", 0)  # and once more: hidden again
    p.next()  # the next key press reveals, as on a quiz
    assert where(p) == ("mythen", 1)


def test_the_console_reveals_a_reveal_slide(qtbot: QtBot, loaded: LoadedLesson) -> None:
    screens = FakeScreens(LAPTOP, BEAMER)  # two screens: the console shows
    session = PresenterSession(_with_reveal(loaded), screens=screens, primary=screens.primary)
    qtbot.addWidget(session.audience)
    qtbot.addWidget(session.console)
    session.start()
    try:
        assert session.console.isVisible()
        assert session.console.reveal_button.isEnabled()
        session.console.reveal_button.click()
        assert session.audience.canvas.view is not None
        assert session.audience.canvas.view.revealed
        assert not session.console.reveal_button.isEnabled()
    finally:
        session.close()


def test_the_help_slide_shows_the_schools_own_contact(loaded: LoadedLesson, qapp: object) -> None:
    from desktop.ui.presenter.render import SlideRenderer
    from toolkit.school_contact import SchoolContact

    school = SchoolContact(
        school="Het Baken", name="Mevr. Jansen", role="zorgcoördinator", phone="030 123 4567"
    )
    p = Presentation(loaded.lesson, loaded.folder, "bovenbouw", school=school)
    help_number = next(i for i, s in enumerate(p.slides, 1) if s.kind == "help")
    p.go_to(help_number)
    view = p.audience_slide()
    assert view.school is not None
    assert view.school.name == "Mevr. Jansen, zorgcoördinator"
    assert view.school.contact == "030 123 4567"
    assert view.school.text == "Het Baken"
    renderer = SlideRenderer()
    html = renderer._html(view)
    assert "Mevr. Jansen" in html
    assert "030 123 4567" in html
    assert "OP SCHOOL" in html
    assert renderer.fits(view)
    assert [h.name for h in view.help_lines] == ["Kindertelefoon", "Fier chat", "Politie"]
    # No contact in the settings (or only a school name): nothing of the school's on the slide.
    for empty in (None, SchoolContact(), SchoolContact(school="Het Baken")):
        bare = Presentation(loaded.lesson, loaded.folder, "bovenbouw", school=empty)
        bare.go_to(help_number)
        assert bare.audience_slide().school is None
        assert "OP SCHOOL" not in renderer._html(bare.audience_slide())


def test_the_app_puts_the_settings_contact_on_the_help_slide(qtbot: QtBot, basedir: Path) -> None:
    from desktop.ui.app import build

    built = build(["--basedir", str(basedir)], install_hooks=False)
    qtbot.addWidget(built.window)
    built.profile.save(
        {
            "school_name": "Het Baken",
            "coordinator_name": "Mevr. Jansen",
            "coordinator_email": "zorg@hetbaken.nl",
        }
    )
    lesson = LoadedLesson(read_lesson(FIXTURE), FIXTURE)
    session = built.window.start_presentation(lesson, "bovenbouw")
    try:
        p = session.presentation
        p.go_to(next(i for i, s in enumerate(p.slides, 1) if s.kind == "help"))
        school = p.audience_slide().school
        assert school is not None
        assert school.name == "Mevr. Jansen"
        assert school.contact == "zorg@hetbaken.nl"
    finally:
        p.end()


def test_the_console_marks_slides_that_can_be_skipped(session: PresenterSession) -> None:
    console = session.console
    p = session.presentation
    rows = [console.slide_list.item(i) for i in range(console.slide_list.count())]
    skippable = [i for i, slide in enumerate(p.slides) if slide.skippable]
    assert skippable == [next(i for i, s in enumerate(p.slides) if s.id == "extra-bovenbouw")]
    assert "(overslaan mag)" in rows[skippable[0]].text()
    assert rows[skippable[0]].font().italic()
    assert not [r for i, r in enumerate(rows) if i not in skippable and "overslaan" in r.text()]
    p.go_to(skippable[0])  # the slide before it: the preview says what comes may go
    console.refresh()  # (kept up to date only while shown; one screen here)
    assert console.next_label.text() == "Hierna (overslaan mag)"
    p.go_to(skippable[0] + 1)
    console.refresh()
    assert "overslaan mag" in console.position.text()
    p.go_to(1)
    console.refresh()
    assert console.next_label.text() == "Hierna"
