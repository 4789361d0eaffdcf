"""Dialogs and keys: Qt's own dialogs in the app's language and legible inside the main
window, a visible keyboard focus, the page shortcuts beside the pages' names, and the lesson
log's counts and tables."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QFontMetrics, QImage
from PySide6.QtWidgets import QFileDialog, QLabel, QListView, QWidget
from pytestqt.qtbot import QtBot

from desktop.classroom.lesson_log import LessonLog, checked
from desktop.language import apply_language, with_mnemonic
from desktop.ui.app import Built
from desktop.ui.lesson_log_dialog import LessonLogDialog
from desktop.ui.sidebar import ACCESSIBLE_DESCRIPTION_ROLE, HINT_ROLE, WIDTH
from desktop.ui.style import FOCUS, FOCUS_ON_NAVY, NAV_HINT_MARGIN, NAVY


def file_dialog(built: Built, qtbot: QtBot) -> QFileDialog:
    dialog = QFileDialog(built.window, "Opslaan", "", "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.resize(800, 500)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def label(dialog: QFileDialog, name: str) -> str:
    found = dialog.findChild(QLabel, name)
    assert found is not None
    return found.text()


def test_file_dialogs_speak_the_apps_language_and_follow_a_switch(
    built: Built, qtbot: QtBot
) -> None:
    dialog = file_dialog(built, qtbot)
    assert label(dialog, "fileTypeLabel") == "Bestanden van &type:"  # not "Files of &type:"
    assert label(dialog, "lookInLabel") == "Zoeken in:"
    assert label(dialog, "fileNameLabel") == "Bestands&naam:"
    apply_language("en")
    qtbot.waitUntil(lambda: label(dialog, "fileTypeLabel") == "Files of &type:", timeout=2000)
    assert label(dialog, "lookInLabel") == "&Look in:"
    apply_language("nl")
    qtbot.waitUntil(lambda: label(dialog, "fileTypeLabel") == "Bestanden van &type:")


def test_mnemonics_go_before_the_same_letter_where_the_translation_has_it() -> None:
    assert with_mnemonic("Bestanden van type:", "t") == "Bestanden van &type:"
    assert with_mnemonic("Zoeken in:", "l") == "Zoeken in:"
    assert with_mnemonic("Opslaan", "s") == "Op&slaan"


def test_the_file_dialogs_sidebar_is_not_navy(built: Built, qtbot: QtBot) -> None:
    dialog = file_dialog(built, qtbot)
    sidebar = dialog.findChild(QListView, "sidebar")
    assert sidebar is not None
    corner = sidebar.viewport().grab().toImage().pixelColor(4, sidebar.viewport().height() - 4)
    assert corner != QColor(NAVY)
    assert corner.lightness() > 200  # dark text on a light list


def test_the_sidebars_numbers_are_qts() -> None:
    assert Qt.ItemDataRole.UserRole + 1 == HINT_ROLE
    assert Qt.ItemDataRole.AccessibleDescriptionRole.value == ACCESSIBLE_DESCRIPTION_ROLE


def shown_at_1024(built: Built, qtbot: QtBot) -> None:
    window = built.window
    window.showNormal()
    window.resize(1024, 768)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)


def pixel(widget: QWidget, at: QPoint) -> QColor:
    image: QImage = widget.grab().toImage()
    return image.pixelColor(at)


def test_the_navigation_shows_keyboard_focus(built: Built, qtbot: QtBot) -> None:
    shown_at_1024(built, qtbot)
    navigation = built.window.navigation
    navigation.setCurrentRow(1)
    row = navigation.visualItemRect(navigation.item(1))
    top_edge = QPoint(row.center().x(), row.top())
    built.window.lessons_page.detail.setFocus()
    assert pixel(navigation, top_edge) != QColor(FOCUS_ON_NAVY)
    navigation.setFocus(Qt.FocusReason.TabFocusReason)
    assert navigation.hasFocus()
    assert pixel(navigation, top_edge) == QColor(FOCUS_ON_NAVY)


def test_the_lesson_text_shows_keyboard_focus(built: Built, qtbot: QtBot) -> None:
    shown_at_1024(built, qtbot)
    detail = built.window.lessons_page.detail
    left_edge = QPoint(0, detail.height() // 2)
    built.window.navigation.setFocus()
    assert pixel(detail, left_edge) != QColor(FOCUS)
    detail.setFocus(Qt.FocusReason.TabFocusReason)
    assert pixel(detail, left_edge) == QColor(FOCUS)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_page_shortcuts_beside_the_names_fit_the_sidebar(
    built: Built, qtbot: QtBot, language: str
) -> None:
    apply_language(language)
    shown_at_1024(built, qtbot)
    navigation = built.window.navigation
    assert navigation.width() == WIDTH
    names = QFontMetrics(navigation.font())
    for row in range(navigation.count()):
        item = navigation.item(row)
        assert item.data(HINT_ROLE) == f"Ctrl+{row + 1}"
        assert item.toolTip() == f"{item.text()} (Ctrl+{row + 1})"
        hint = QFontMetrics(navigation.font()).horizontalAdvance(item.data(HINT_ROLE))
        # the name from its left padding, a gap, the hint to its margin: within the row
        used = 4 + 16 + names.horizontalAdvance(item.text()) + 12 + hint + NAV_HINT_MARGIN
        assert used <= navigation.viewport().width(), item.text()
    hints = navigation.grab().toImage()
    row = navigation.visualItemRect(navigation.item(2))
    # the hint is painted: light pixels near the right edge of an unselected row
    xs = range(row.right() - NAV_HINT_MARGIN - 30, row.right() - NAV_HINT_MARGIN)
    assert any(hints.pixelColor(x, row.center().y()).lightness() > 150 for x in xs)


def one_lesson_log(path: Path) -> LessonLog:
    log = LessonLog(path)
    today = dt.date.today()
    log.add(checked(day=today, group="2B", lesson_id="wat-is-mensenhandel",
                    lesson_title="Wat is mensenhandel? Een lange titel die niet mag worden "
                    "afgesneden in de tabel", teacher="KV", today=today))  # fmt: skip
    return log


def test_the_lesson_log_counts_in_the_singular(built: Built, tmp_path: Path) -> None:
    log = one_lesson_log(tmp_path / "log.json")
    dialog = LessonLogDialog(log, [], tmp_path, parent=built.window)
    assert dialog.summary.text().endswith(": 1 keer een les gegeven, 1 les, 1 groep.")
    apply_language("en")
    english = LessonLogDialog(log, [], tmp_path, parent=built.window)
    assert english.summary.text().endswith(": 1 lesson given, 1 lesson, 1 group.")


def test_the_lesson_log_tables_are_not_clipped(built: Built, qtbot: QtBot, tmp_path: Path) -> None:
    log = one_lesson_log(tmp_path / "log.json")
    series = [(f"les-{n}", f"Les {n}: over mensenhandel") for n in range(1, 7)]
    dialog = LessonLogDialog(log, series, tmp_path, parent=built.window)
    qtbot.addWidget(dialog)
    dialog.resize(900, 620)
    dialog.show()
    qtbot.waitExposed(dialog)
    for table in (dialog.overview, dialog.entries):
        header = table.horizontalHeader()
        for column in range(table.columnCount()):
            needed = max(table.sizeHintForColumn(column), header.sectionSizeHint(column))
            assert header.sectionSize(column) >= needed
        assert header.length() <= table.viewport().width() + 1  # wide enough: no scrolling
        assert not table.horizontalScrollBar().isVisible()
    # every lesson of the overview in view: no half row, no vertical scrolling
    overview = dialog.overview
    last = overview.rowCount() - 1
    assert overview.rowViewportPosition(last) + overview.rowHeight(last) <= (
        overview.viewport().height()
    )
    dialog.resize(420, 620)  # too narrow for the long title: scroll, never cut
    qtbot.waitUntil(lambda: dialog.entries.horizontalScrollBar().isVisible(), timeout=2000)
    header = dialog.entries.horizontalHeader()
    assert header.sectionSize(2) >= dialog.entries.sizeHintForColumn(2)
