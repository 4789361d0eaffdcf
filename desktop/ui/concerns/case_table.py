"""The case list: a table model over the vault's rows, and the filter bar above it.

The model holds plain :class:`~desktop.vault.records.CaseRow` values and formats only the
cells that are painted, so 10,000 cases show as fast as a plain list. ``clear()`` drops every
row when the vault locks.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.concerns.case_list import (
    HEADERS,
    SHORT_FORMS,
    CaseFilter,
    Column,
    cell,
    referrals_tip,
    sort_key,
)
from desktop.i18n import _, ngettext
from desktop.ui.widgets import named

if TYPE_CHECKING:
    from desktop.vault.records import CaseRow

Index = QModelIndex | QPersistentModelIndex
OVERDUE = QColor("#b00020")
COLUMNS = list(Column)
WIDTHS = {
    Column.CODE: 76,
    Column.STATUS: 140,
    Column.FORMS: 86,
    Column.LAST_ENTRY: 98,
    Column.STEP: 84,
    Column.RECHECK: 158,
    Column.REFERRALS: 90,  # the last column takes what is left
}
# A narrow list (a case open beside it, a small laptop) hides these first, in this order: what
# needs doing (status, re-check, open referrals) stays in view.
HIDE_FIRST = (Column.LAST_ENTRY, Column.FORMS, Column.STEP)
# then these give up room, in turns, down to the least width each keeps (cut with "…")
SHRINK = ((Column.RECHECK, 132), (Column.STATUS, 110), (Column.RECHECK, 96), (Column.STATUS, 84))


class CaseTableModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[CaseRow] = []
        self.today = dt.date.today()
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, rows: list[CaseRow], today: dt.date | None = None) -> None:
        self.beginResetModel()
        self.rows = rows
        self.today = today or dt.date.today()
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def code_at(self, row: int) -> str | None:
        return self.rows[row].code if 0 <= row < len(self.rows) else None

    def row_of(self, code: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.code == code), -1)

    # ---------------------------------------------------------------- the model
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell(row, column, self.today)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column is Column.RECHECK and row.overdue(self.today):
                return QBrush(OVERDUE)
            if column is Column.STATUS and row.acute_on:
                return QBrush(OVERDUE)
            if column is Column.REFERRALS and row.referral_overdue(self.today):
                return QBrush(OVERDUE)
        if role == Qt.ItemDataRole.FontRole and column is Column.CODE:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole and column is Column.REFERRALS:
            return referrals_tip(row, self.today)
        if role == Qt.ItemDataRole.ToolTipRole and column is Column.STATUS:
            return cell(row, column, self.today)  # the whole text where the column cuts it
        overdue = column is Column.RECHECK and row.overdue(self.today)
        if role == Qt.ItemDataRole.ToolTipRole and overdue:
            return _("De herbeoordeling (vraag 5 van het afwegingskader) is verlopen.")
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _(HEADERS[COLUMNS[section]])
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        chosen = COLUMNS[column]
        self.rows.sort(
            key=lambda r: sort_key(r, chosen), reverse=order == Qt.SortOrder.DescendingOrder
        )
        self.layoutChanged.emit()


class CaseListPanel(QWidget):
    """The filters and the table; ``case_chosen(code)`` when a case is opened."""

    case_chosen = Signal(str)
    filter_changed = Signal(object)  # CaseFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter = CaseFilter()
        self.search = named(QLineEdit(), "caseSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(120)
        self.status = named(QComboBox(), "statusFilter")
        self.form = named(QComboBox(), "formFilter")
        self.since = date_filter("sinceFilter")
        self.until = date_filter("untilFilter")
        self.count = named(QLabel(), "caseCount")
        for combo in (self.status, self.form):  # narrow windows: the list shrinks, not clips
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
        self.model = CaseTableModel(self)
        self.table = named(QTableView(), "caseTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(False)  # rows come newest first; a header click sorts
        self.table.horizontalHeader().setSectionsClickable(True)
        self.table.horizontalHeader().sectionClicked.connect(self._sort_by)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)  # Tab goes on to the case; arrows move rows
        self.table.setWordWrap(False)
        for column, width in WIDTHS.items():
            self.table.setColumnWidth(column.value, width)
        self._sort_order = Qt.SortOrder.AscendingOrder

        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.status, 1)
        filters.addWidget(self.form, 1)
        self.since_label = QLabel()
        self.until_label = QLabel()
        dates = QHBoxLayout()
        dates.addWidget(self.since_label)
        dates.addWidget(self.since)
        dates.addWidget(self.until_label)
        dates.addWidget(self.until)
        dates.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addLayout(dates)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

        self._typing = QTimer(self, singleShot=True, interval=150)
        self._typing.timeout.connect(self._apply)
        self.search.textChanged.connect(lambda _t: self._typing.start())
        for combo in (self.status, self.form):
            combo.currentIndexChanged.connect(self._apply)
        for edit in (self.since, self.until):
            edit.dateChanged.connect(self._apply)
        self.table.activated.connect(self._activated)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _prev: self._activated(current)
        )
        self.retranslate()
        self.filter = self.current_filter()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Hide the columns of :data:`HIDE_FIRST` one by one until the rest fit the table."""
        room = self.table.viewport().width()
        hidden: set[Column] = set()
        for column in HIDE_FIRST:
            if sum(w for c, w in WIDTHS.items() if c not in hidden) <= room:
                break
            hidden.add(column)
        widths = {c: w for c, w in WIDTHS.items() if c not in hidden}
        for column, least in SHRINK:  # still too wide: these give up room, cut with "…"
            excess = sum(widths.values()) - room
            if excess > 0:
                widths[column] = max(least, widths[column] - excess)
        for column in COLUMNS:
            self.table.setColumnHidden(column.value, column in hidden)
            if column in widths and column is not Column.REFERRALS:
                self.table.setColumnWidth(column.value, widths[column])

    def retranslate(self) -> None:
        self.search.setPlaceholderText(_("Zoek op code of tekst"))
        _refill(
            self.status,
            [
                (_("Alle lopende"), "active"),
                (_("Alle, ook gesloten"), None),
                (_("Open"), "open"),
                (_("Volgen"), "monitoring"),
                (_("Gemeld of doorverwezen"), "referred"),
                (_("Gesloten"), "closed"),
            ],
        )
        _refill(
            self.form,
            [(_("Alle vormen"), None)] + [(_(label), key) for key, label in SHORT_FORMS.items()],
        )
        self.since_label.setText(_("Geopend van"))
        self.until_label.setText(_("tot en met"))
        for edit in (self.since, self.until):
            edit.setSpecialValueText(_("(alle)"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self._say_count()

    def current_filter(self) -> CaseFilter:
        return CaseFilter(
            status=self.status.currentData(),
            form=self.form.currentData(),
            text=self.search.text(),
            since=chosen_date(self.since),
            until=chosen_date(self.until),
        )

    def _apply(self) -> None:
        self._typing.stop()
        self.filter = self.current_filter()
        self.filter_changed.emit(self.filter)

    def show_rows(self, rows: list[CaseRow], keep: str | None = None) -> None:
        self.model.set_rows(rows)
        header = self.table.horizontalHeader()
        if header.isSortIndicatorShown():  # the coordinator's sort stays after a reload
            self.model.sort(header.sortIndicatorSection(), self._sort_order)
        self._say_count()
        if keep is not None and (row := self.model.row_of(keep)) >= 0:
            self.table.selectRow(row)

    def clear(self) -> None:
        """Forget every row and every filter text (the vault locked)."""
        self.model.clear()
        self.search.blockSignals(True)
        self.search.setText("")  # setText, not clear(): no undo brings it back
        self.search.blockSignals(False)
        self.filter = CaseFilter(status=self.status.currentData())
        self._say_count()

    def _say_count(self) -> None:
        n = self.model.rowCount()
        self.count.setText(ngettext("{n} melding", "{n} meldingen", n).format(n=n))

    def _sort_by(self, column: int) -> None:
        self._sort_order = (
            Qt.SortOrder.DescendingOrder
            if self._sort_order == Qt.SortOrder.AscendingOrder
            else Qt.SortOrder.AscendingOrder
        )
        self.model.sort(column, self._sort_order)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.horizontalHeader().setSortIndicator(column, self._sort_order)

    def _activated(self, index: QModelIndex) -> None:
        code = self.model.code_at(index.row()) if index.isValid() else None
        if code is not None:
            self.case_chosen.emit(code)


def to_date(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class DateFilter(QDateEdit):
    """A date edit whose lowest date means "no limit" and shows as "(alle)".

    Tab leaves it like any field: a date edit uses Tab to go from day to month to year, and
    with "(alle)" showing it has no sections, so Tab would never leave it.
    """

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)  # the next field, not the next section


def date_filter(name: str) -> QDateEdit:
    edit = named(DateFilter(), name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd-MM-yyyy")
    edit.setMinimumDate(QDate(2000, 1, 1))
    edit.setDate(edit.minimumDate())  # the minimum shows as "(alle)": no limit
    return edit


def chosen_date(edit: QDateEdit) -> dt.date | None:
    if edit.date() == edit.minimumDate():
        return None
    return to_date(edit.date())


def _refill(combo: QComboBox, items: list[tuple[str, object]]) -> None:
    """Replace the items (texts in the current language), keeping the chosen one."""
    chosen = combo.currentIndex()
    combo.blockSignals(True)
    combo.clear()
    for text, data in items:
        combo.addItem(text, data)
    combo.setCurrentIndex(max(chosen, 0))
    combo.blockSignals(False)
