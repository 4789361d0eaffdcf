"""Dialogs for the log of lessons given: record one, and the overview per school year."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import os_errors
from desktop.classroom.lesson_log import (
    GROUP_MAX,
    TEACHER_MAX,
    GivenLesson,
    LessonLog,
    LessonLogError,
    SchoolYear,
    checked,
)
from desktop.i18n import _, format_date, format_number, ngettext
from desktop.ui.widgets import named

Series = Sequence[tuple[str, str]]  # (lesson id, title) in series order


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


OVERVIEW_ROWS = 10  # the overview shows this many lessons before it scrolls


def fit_columns(table: QTableWidget, wide: int) -> None:
    """Every column as wide as its contents; the ``wide`` one takes what is left. Wider than
    the view: a horizontal scroll bar, and nothing is cut."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.resizeColumnsToContents()
    spare = table.viewport().width() - header.length()
    if spare > 0:
        header.resizeSection(wide, header.sectionSize(wide) + spare)


def fit_height(table: QTableWidget, rows: int) -> None:
    """As high as its rows (at most ``rows`` of them, then it scrolls): no half row."""
    shown = min(table.rowCount(), rows)
    height = table.horizontalHeader().height() + 2 * table.frameWidth()
    height += sum(table.rowHeight(row) for row in range(shown))
    scroll_bar = table.horizontalScrollBar()
    if scroll_bar.maximum() > 0:
        height += scroll_bar.sizeHint().height()
    table.setFixedHeight(height)


class RecordLessonDialog(QDialog):
    """Asks for the day, group, lesson and (optional) initials, and adds them to the log."""

    def __init__(
        self,
        log: LessonLog,
        series: Series,
        lesson: tuple[str, str] | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
        level: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recordLesson")
        self.setWindowTitle(_("Les vastleggen"))
        self.log = log
        self.today = today
        self.saved: GivenLesson | None = None

        intro = named(QLabel(wordWrap=True), "recordIntro")
        intro.setText(
            _(
                "Leg vast welke les je gaf, voor het preventieplan van de school. "
                "Vul alleen de klas in, nooit namen van leerlingen."
            )
        )
        self.date = named(QDateEdit(), "recordDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d-M-yyyy")
        self.date.setDate(_qdate(today()))
        self.date.setMaximumDate(_qdate(today()))
        self.group = named(QLineEdit(), "recordGroup")
        self.group.setMaxLength(GROUP_MAX)
        self.group.setPlaceholderText(_("bijvoorbeeld 2B"))
        self.lesson = named(QComboBox(), "recordLesson")
        for ident, title in series:
            self.lesson.addItem(title, ident)
        if lesson is not None:  # the lesson just given, also if it is not part of the series
            if self.lesson.findData(lesson[0]) < 0:
                self.lesson.addItem(lesson[1], lesson[0])
            self.lesson.setCurrentIndex(self.lesson.findData(lesson[0]))
        from desktop.ui.pages.lessons import LEVEL_LABELS

        self.level = named(QComboBox(), "recordLevel")
        self.level.addItem(_("onbekend"), "")
        for key, label in LEVEL_LABELS.items():
            self.level.addItem(_(label), key)
        self.level.setCurrentIndex(max(0, self.level.findData(level)))
        self.teacher = named(QLineEdit(), "recordTeacher")
        self.teacher.setMaxLength(TEACHER_MAX)
        self.teacher.setPlaceholderText(_("optioneel"))
        self.error = named(QLabel(wordWrap=True), "fieldError")
        self.error.hide()

        form = QFormLayout()
        form.addRow(_("Datum"), self.date)
        form.addRow(_("Groep of klas"), self.group)
        form.addRow(_("Les"), self.lesson)
        form.addRow(_("Niveau"), self.level)
        form.addRow(_("Initialen docent"), self.teacher)
        buttons = QDialogButtonBox()
        self.save_button = named(
            buttons.addButton(_("Vastleggen"), QDialogButtonBox.ButtonRole.AcceptRole), "recordSave"
        )
        self.skip_button = named(
            buttons.addButton(_("Niet nu"), QDialogButtonBox.ButtonRole.RejectRole), "recordSkip"
        )
        self.save_button.setDefault(True)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        column = QVBoxLayout(self)
        column.addWidget(intro)
        column.addLayout(form)
        column.addWidget(self.error)
        column.addWidget(buttons)
        self.group.setFocus()
        self.resize(460, self.sizeHint().height())

    def save(self) -> None:
        qdate = self.date.date()
        try:
            entry = checked(
                day=dt.date(qdate.year(), qdate.month(), qdate.day()),
                group=self.group.text(),
                lesson_id=self.lesson.currentData() or "",
                lesson_title=self.lesson.currentText(),
                teacher=self.teacher.text(),
                level=self.level.currentData() or "",
                today=self.today(),
            )
            self.log.add(entry)
        except LessonLogError as error:
            self._show_error(str(error))
            {"group": self.group, "teacher": self.teacher, "lesson": self.lesson}.get(
                error.field, self.date
            ).setFocus()
            return
        except OSError as error:
            self._show_error(
                _("De les is niet opgeslagen: {reason}.").format(reason=os_errors.reason(error))
            )
            return
        self.saved = entry
        self.accept()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


class LessonLogDialog(QDialog):
    """Which lessons were given in a school year, to how many groups, and each time one was."""

    def __init__(
        self,
        log: LessonLog,
        series: Series,
        folder: Path,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lessonLogDialog")
        self.folder = folder  # where an export is suggested
        self.setWindowTitle(_("Gegeven lessen"))
        self.log = log
        self.series = list(series)
        self.today = today
        self.last_message: QMessageBox | None = None

        self.year = named(QComboBox(), "schoolYear")
        self.year.currentIndexChanged.connect(self.refresh)
        self.summary = named(QLabel(wordWrap=True), "logSummary")
        self.overview = named(QTableWidget(0, 3), "logOverview")
        self.overview.setHorizontalHeaderLabels([_("Les"), _("Groepen"), _("Keer gegeven")])
        self.entries = named(QTableWidget(0, 4), "logEntries")
        self.entries.setHorizontalHeaderLabels([_("Datum"), _("Groep"), _("Les"), _("Docent")])
        for table in (self.overview, self.entries):
            table.verticalHeader().hide()
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            table.setWordWrap(False)
            table.setTextElideMode(Qt.TextElideMode.ElideNone)  # scroll, never cut a title
            table.viewport().installEventFilter(self)

        self.add_button = named(QPushButton(_("Les toevoegen…")), "logAdd")
        self.remove_button = named(QPushButton(_("Verwijderen")), "logRemove")
        self.export_button = named(QPushButton(_("Opslaan als CSV…")), "logExport")
        close = QPushButton(_("Sluiten"))
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove_selected)
        self.export_button.clicked.connect(self.choose_export)
        close.clicked.connect(self.accept)
        self.entries.itemSelectionChanged.connect(self._update_buttons)

        top = QHBoxLayout()
        top.addWidget(QLabel(_("Schooljaar")))
        top.addWidget(self.year)
        top.addStretch(1)
        top.addWidget(self.export_button)
        actions = QHBoxLayout()
        actions.addWidget(self.add_button)
        actions.addWidget(self.remove_button)
        actions.addStretch(1)
        actions.addWidget(close)
        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addWidget(self.summary)
        column.addWidget(named(QLabel(_("Per les")), "sectionLabel"))
        column.addWidget(self.overview)
        column.addWidget(named(QLabel(_("Alle keren")), "sectionLabel"))
        column.addWidget(self.entries, 1)
        column.addLayout(actions)
        self.resize(760, 620)
        self._fill_years()

    # ---------------------------------------------------------------- contents
    def _fill_years(self, keep: SchoolYear | None = None) -> None:
        self.year.blockSignals(True)
        self.year.clear()
        for year in self.log.years(self.today()):
            self.year.addItem(year.title, year.first)
        if keep is not None:
            self.year.setCurrentIndex(max(0, self.year.findData(keep.first)))
        self.year.blockSignals(False)
        self.refresh()

    @property
    def school_year(self) -> SchoolYear:
        first = self.year.currentData()
        return SchoolYear(first) if first is not None else SchoolYear.of(self.today())

    def refresh(self) -> None:
        year = self.school_year
        rows = self.log.overview(year, self.series)
        self.overview.setRowCount(len(rows))
        for row, count in enumerate(rows):
            cells = [count.title, format_number(count.groups), format_number(count.times)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.overview.setItem(row, column, item)
        given = self.log.in_year(year)
        self.entries.setRowCount(len(given))
        for row, entry in enumerate(given):
            cells = [
                format_date(entry.day, "medium"),
                entry.group,
                entry.lesson_title,
                entry.teacher,
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row)
                self.entries.setItem(row, column, item)
        self._shown = given
        groups = len({e.group.casefold() for e in given})
        lessons = len({e.lesson_id for e in given})
        if given:
            times = ngettext("{n} keer een les gegeven", "{n} keer een les gegeven", len(given))
            # {count}, not {n}: "{n} les" is the lesson list's, with a plain plural
            different = ngettext("{count} les", "{count} verschillende lessen", lessons)
            group_count = ngettext("{n} groep", "{n} groepen", groups)
            counts = ", ".join(
                [
                    times.format(n=format_number(len(given))),
                    different.format(count=format_number(lessons)),
                    group_count.format(n=format_number(groups)),
                ]
            )
            self.summary.setText(_("In {year}: {counts}.").format(year=year.title, counts=counts))
        else:
            self.summary.setText(
                _("In {year} is nog geen les vastgelegd. Na elke les vraagt de app erom.").format(
                    year=year.title
                )
            )
        self.export_button.setEnabled(bool(given))
        self._update_buttons()
        self._fit_tables()

    def _fit_tables(self) -> None:
        fit_height(self.overview, OVERVIEW_ROWS)
        fit_columns(self.overview, wide=0)
        fit_columns(self.entries, wide=2)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:  # a table's view got its new width
            self._fit_tables()
        return False

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self.entries.selectedItems()))

    # ---------------------------------------------------------------- actions
    def add(self) -> RecordLessonDialog:
        dialog = RecordLessonDialog(self.log, self.series, today=self.today, parent=self)
        dialog.setModal(True)
        dialog.accepted.connect(
            lambda: self._fill_years(SchoolYear.of(dialog.saved.day) if dialog.saved else None)
        )
        dialog.show()
        return dialog

    def remove_selected(self) -> None:
        rows = {item.row() for item in self.entries.selectedItems()}
        if not rows:
            return
        entry = self._shown[rows.pop()]
        try:
            self.log.remove(entry)
        except OSError as error:
            self._tell(
                _("Verwijderen is niet gelukt: {reason}.").format(reason=os_errors.reason(error))
            )
            return
        self._fill_years(self.school_year)

    def choose_export(self) -> None:
        year = self.school_year
        suggested = self.folder / _("gegeven-lessen-{year}.csv").format(year=year.label)
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Gegeven lessen opslaan"), str(suggested), _("CSV-bestand (*.csv)")
        )
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> bool:
        from toolkit.atomic import write_atomic

        try:
            # utf-8-sig: spreadsheet programs then read the diacritics right
            write_atomic(path, self.log.csv(self.school_year).encode("utf-8-sig"), mode=0o644)
        except OSError as error:
            self._tell(
                _("Het bestand is niet opgeslagen: {reason}. Kies een andere map.").format(
                    reason=os_errors.reason(error)
                )
            )
            return False
        return True

    def _tell(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, _("Gegeven lessen"), text, parent=self)
        box.setModal(True)
        box.show()
        self.last_message = box
