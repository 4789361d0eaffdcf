from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.ui.app import Built
from desktop.ui.pages.lessons import LessonsPage
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "lessons"


def page_with(built: Built, root: Path) -> LessonsPage:
    page = built.window.lessons_page
    page.lessons_root = root
    page.library = None
    page.ensure_loaded()
    return page


def test_loads_after_first_paint(built: Built, qtbot: QtBot) -> None:
    page = built.window.lessons_page
    qtbot.waitUntil(lambda: page.library is not None, timeout=3000)


def test_list_and_details(built: Built) -> None:
    page = page_with(built, FIXTURES)
    assert page.list.count() == 1
    assert "Proefles met elke soort dia" in page.list.item(0).text()
    assert "20 minuten" in page.list.item(0).text()
    detail = page.detail.toPlainText()
    for expected in (
        "Leerdoelen",
        "Voorbereiding",
        "Groepsafspraken",
        "Nazorg",
        "NOTITIE-UITLEG-GEHEIM",
    ):
        assert expected in detail
    assert [page.level.itemData(i) for i in range(page.level.count())] == [
        "onderbouw",
        "bovenbouw",
    ]  # no "all slides": a class sees one level
    assert page.start_button.isEnabled()


def test_the_details_and_planned_minutes_are_one_levels(built: Built, tmp_path: Path) -> None:
    page = page_with(built, FIXTURES)
    assert page.level.currentData() == "onderbouw"  # nothing picked yet: the first level
    detail = page.detail.toPlainText()
    assert "Gepland voor onderbouw: 19 minuten · 8 dia's" in detail
    assert "Verdieping" not in detail  # the bovenbouw slide
    page.level.setCurrentIndex(page.level.findData("bovenbouw"))
    page.level.activated.emit(page.level.currentIndex())
    detail = page.detail.toPlainText()
    assert "Gepland voor bovenbouw: 20 minuten · 9 dia's · 1 dia mag u overslaan (1 min)" in detail
    assert "Verdieping (Tekst · 1 min · overslaan mag)" in detail


def test_the_level_is_remembered_between_runs(qtbot: QtBot, basedir: Path) -> None:
    from desktop.ui.app import build

    first = build(["--basedir", str(basedir)], install_hooks=False)
    qtbot.addWidget(first.window)
    page = page_with(first, FIXTURES)
    page.level.setCurrentIndex(page.level.findData("bovenbouw"))
    page.level.activated.emit(page.level.currentIndex())
    saved = (basedir / "config" / "niveau.json").read_text(encoding="utf-8")
    assert "bovenbouw" in saved
    assert "proefles" not in saved
    first.window.close()
    second = build(["--basedir", str(basedir)], install_hooks=False)
    qtbot.addWidget(second.window)
    assert page_with(second, FIXTURES).level.currentData() == "bovenbouw"


def test_the_plan_is_printed_at_the_chosen_level(built: Built) -> None:
    page = page_with(built, FIXTURES)
    page.level.setCurrentIndex(page.level.findData("bovenbouw"))
    page.level.activated.emit(page.level.currentIndex())
    page.plan_button.click()
    from desktop.ui.print_dialog import LessonPlanPrintDialog

    dialog = built.window.findChild(LessonPlanPrintDialog)
    assert dialog is not None
    assert dialog.lesson.levels == ["bovenbouw"]
    assert "extra-bovenbouw" in [s.id for s in dialog.lesson.slides]
    assert "bovenbouw" in dialog.windowTitle()
    assert dialog.file_name() == "lesplan-00-proefles-bovenbouw-nl.pdf"
    dialog.close()


def test_the_plan_carries_the_schools_name_from_the_settings(built: Built) -> None:
    import io

    from pypdf import PdfReader

    built.profile.save({"school_name": "OSG De Brug"})
    page = page_with(built, FIXTURES)
    dialog = built.window.open_lesson_plan_printing(page.current_lesson())  # type: ignore[arg-type]
    first = PdfReader(io.BytesIO(dialog.build())).pages[0].extract_text()
    assert "OSG De Brug" in first
    dialog.close()


def test_everything_follows_a_language_switch(built: Built, qtbot: QtBot) -> None:
    from desktop.language import apply_language

    page = built.window.lessons_page
    page.ensure_loaded()  # the shipped series
    page.select("criminele-uitbuiting")
    page.level.setCurrentIndex(page.level.findData("mbo"))
    page.level.activated.emit(page.level.currentIndex())
    built.window.show_page(built.window.settings_page)  # switched from Instellingen → Taal
    apply_language("en")
    try:
        qtbot.waitUntil(lambda: page.library is not None and page.library.language == "en")
        titles = [page.list.item(i).text() for i in range(page.list.count())]
        assert titles[0].startswith("1. What is human trafficking?")
        assert "minutes" in titles[0]
        assert page.status.text() == "6 lessons"
        assert page.current_lesson() is not None
        assert page.current_lesson().lesson.id == "criminele-uitbuiting"  # type: ignore[union-attr]
        assert page.current_lesson().lesson.language == "en"  # type: ignore[union-attr]
        assert page.level.currentData() == "mbo"
        assert [page.level.itemText(i) for i in range(page.level.count())] == [
            "lower years",
            "upper years",
            "mbo (vocational)",
            "easy language",  # lesson 3 has an easy-language level too
        ]
        assert page.level_label.text() == "Level:"
        detail = page.detail.toPlainText()
        assert "Learning goals" in detail
        assert "Planned for mbo (vocational)" in detail
        assert "Leerdoelen" not in detail
        built.window.show_page(page)
        page.start_current()
        session = built.window.session
        assert session is not None  # it closes its own windows when it ends
        assert session.presentation.lesson.language == "en"
        assert session.presentation.level == "mbo"
        session.presentation.end()
    finally:
        apply_language("nl")
    qtbot.waitUntil(lambda: page.library is not None and page.library.language == "nl")
    assert page.status.text() == "6 lessen"


def test_broken_lesson_is_listed_with_its_error(built: Built, tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "nl", tmp_path / "nl")
    (tmp_path / "nl" / "02-kapot.yaml").write_text("id: kapot\nlanguage: nl\n", encoding="utf-8")
    page = page_with(built, tmp_path)
    assert page.list.count() == 2
    assert "02-kapot.yaml" in page.list.item(1).text()
    assert "1 lesbestand met een fout" in page.status.text()
    page.list.setCurrentRow(1)
    assert "kan niet worden geladen" in page.detail.toPlainText()
    assert "02-kapot.yaml" in page.detail.toPlainText()
    assert not page.start_button.isEnabled()
    page.list.setCurrentRow(0)
    assert page.start_button.isEnabled()


def test_start_presents_the_chosen_level_and_ends(built: Built, qtbot: QtBot) -> None:
    page = page_with(built, FIXTURES)
    page.level.setCurrentIndex(page.level.findData("onderbouw"))
    page.start_button.click()
    session = built.window.session
    assert session is not None
    qtbot.addWidget(session.audience)
    qtbot.addWidget(session.console)
    assert session.presentation.level == "onderbouw"
    assert session.audience.isVisible()
    with qtbot.waitSignal(built.window.presentation_finished) as blocker:
        qtbot.keyClick(session.console, Qt.Key.Key_Escape)
    assert blocker.args[0].lesson.id == "proefles"
    assert built.window.session is None
    offered = built.window.record_dialog  # modal: it would block the next test's window
    assert offered is not None
    assert offered.isVisible()
    offered.skip_button.click()


def test_f5_starts_from_any_page(built: Built, qtbot: QtBot) -> None:
    page_with(built, FIXTURES)
    built.window.show_page(built.window.settings_page)
    qtbot.keyClick(built.window, Qt.Key.Key_F5)
    session = built.window.session
    assert session is not None
    qtbot.addWidget(session.audience)
    qtbot.addWidget(session.console)
    assert built.window.current_page() is built.window.lessons_page
    session.presentation.end()


def test_the_level_box_is_wide_enough_to_read(built: Built) -> None:
    page = built.window.lessons_page
    page.ensure_loaded()
    box = page.level
    widest = max(box.fontMetrics().horizontalAdvance(box.itemText(i)) for i in range(box.count()))
    assert box.count() >= 1
    assert box.minimumSizeHint().width() >= widest  # "onderbouw", not "onderbou"
