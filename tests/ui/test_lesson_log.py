"""The lesson log in the window: offered when a presentation ends, the overview, CSV export."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from desktop.classroom.lesson_log import LessonLog, SchoolYear, checked
from desktop.ui.app import Built
from desktop.ui.lesson_log_dialog import LessonLogDialog, RecordLessonDialog
from tests.ui.test_lessons_page import FIXTURES, page_with


def test_ending_a_presentation_offers_to_record_it(built: Built, qtbot: QtBot) -> None:
    window = built.window
    page = page_with(built, FIXTURES)
    session = window.start_presentation(page.library.lessons[0], None)  # type: ignore[union-attr]
    qtbot.keyClick(session.console, Qt.Key.Key_Escape)
    dialog = window.record_dialog
    assert isinstance(dialog, RecordLessonDialog)
    assert dialog.lesson.currentData() == "proefles"
    assert dialog.level.currentData() == "onderbouw"

    dialog.save_button.click()  # no group yet
    assert dialog.isVisible()
    assert "Vul de groep" in dialog.error.text()
    assert not built.profile.paths.lesson_log_file.exists()

    qtbot.keyClicks(dialog.group, "2B")
    qtbot.keyClicks(dialog.teacher, "KV")
    dialog.save_button.click()
    assert not dialog.isVisible()
    saved = LessonLog(built.profile.paths.lesson_log_file).entries
    assert [(e.lesson_id, e.group, e.teacher, e.day, e.level) for e in saved] == [
        ("proefles", "2B", "KV", dt.date.today(), "onderbouw")  # the level it was given at
    ]


def test_skipping_records_nothing(built: Built) -> None:
    dialog = built.window.offer_lesson_record(("proefles", "Proefles"))
    dialog.skip_button.click()
    assert not built.profile.paths.lesson_log_file.exists()


def test_a_future_date_cannot_be_chosen(built: Built) -> None:
    dialog = built.window.offer_lesson_record(("proefles", "Proefles"))
    dialog.date.setDate(QDate.currentDate().addDays(3))
    assert dialog.date.date() == QDate.currentDate()


def log_with_lessons(path: Path) -> LessonLog:
    log = LessonLog(path)
    today = dt.date.today()
    for days, group in ((1, "2B"), (2, "2B"), (3, "3A")):
        day = today - dt.timedelta(days=days)
        if SchoolYear.of(day) != SchoolYear.of(today):
            day = SchoolYear.of(today).start
        log.add(checked(day=day, group=group, lesson_id="proefles", lesson_title="Proefles",
                        today=today))  # fmt: skip
    return log


def test_the_overview_per_school_year(built: Built, qtbot: QtBot, tmp_path: Path) -> None:
    page = page_with(built, FIXTURES)
    log_with_lessons(built.profile.paths.lesson_log_file)
    with qtbot.waitSignal(page.log_requested):
        page.log_button.click()
    dialog = built.window.findChild(LessonLogDialog)
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.year.currentText() == SchoolYear.of(dt.date.today()).label.replace("-", "–")
    overview = [
        [dialog.overview.item(0, column).text() for column in range(3)]
    ]  # fmt: skip
    assert overview == [["Proefles met elke soort dia", "2", "3"]]
    assert dialog.entries.rowCount() == 3
    assert "3 keer een les gegeven" in dialog.summary.text()

    target = tmp_path / "export.csv"
    assert dialog.export_to(str(target))
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "Datum;Groep;Les;Niveau;Docent"
    assert len(lines) == 4

    dialog.entries.selectRow(0)
    dialog.remove_button.click()
    assert dialog.entries.rowCount() == 2
    assert len(LessonLog(built.profile.paths.lesson_log_file).entries) == 2


def test_an_export_to_a_folder_that_cannot_be_written_says_so(built: Built, tmp_path: Path) -> None:
    log = log_with_lessons(tmp_path / "log.json")
    dialog = LessonLogDialog(log, [], tmp_path, parent=built.window)
    blocked = tmp_path / "blocked"
    blocked.write_text("a file, not a folder")
    assert not dialog.export_to(str(blocked / "export.csv"))
    assert dialog.last_message is not None
    assert "niet opgeslagen" in dialog.last_message.text()
    assert blocked.read_text() == "a file, not a folder"


def test_a_broken_log_file_is_announced(built: Built) -> None:
    path = built.profile.paths.lesson_log_file
    path.write_text("{kapot")
    assert built.window.lesson_log.entries == []
    assert built.window.notice.isVisibleTo(built.window)
    assert "lessen-gegeven.kapot-" in built.window.notice.text.text()


def test_the_teacher_guide_opens_in_the_chosen_language(built: Built, qtbot: QtBot) -> None:
    from desktop.language import apply_language
    from desktop.ui.guide_dialog import GuideDialog

    page = page_with(built, FIXTURES)
    with qtbot.waitSignal(page.guide_requested):
        page.guide_button.click()
    dialog = built.window.findChild(GuideDialog)
    assert dialog is not None
    assert dialog.isVisible()
    text = dialog.text.toPlainText()
    assert "Als een leerling iets vertelt" in text
    assert "#" not in text.splitlines()[0]  # Markdown rendered, not shown raw
    apply_language("en")
    try:
        assert "If a pupil tells you something" in built.window.open_guide().text.toPlainText()
    finally:
        apply_language("nl")


def test_the_printing_page_prints_a_lesson_plan(built: Built) -> None:
    from desktop.ui.print_dialog import LessonPlanPrintDialog

    page = built.window.printing_page
    built.window.show_page(page)
    assert page.lesson_choice.count() == 6  # the shipped series
    page.lesson_choice.setCurrentIndex(1)
    page.lesson_button.click()
    dialog = built.window.findChild(LessonPlanPrintDialog)
    assert dialog is not None
    assert dialog.lesson.id == "loverboymethode"
    assert len(dialog.document) >= 3
    assert dialog.file_name().startswith("lesplan-02-loverboymethode")
