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
    assert "alleen bovenbouw" in detail
    assert [page.level.itemData(i) for i in range(page.level.count())] == [
        None,
        "onderbouw",
        "bovenbouw",
    ]
    assert page.start_button.isEnabled()


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
