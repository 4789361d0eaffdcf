"""Auditlog: every event of the vault's audit log in words, filtered, checked, and on paper.

At the top the chain check's result (``Vault.verify_audit`` in words, green or red); then
the filters (kind group, case code, text, first and last day: an
:class:`~desktop.concerns.audit_paper.AuditSelection`) and the events they pick, newest
first. "Exporteren als PDF…" shows the picked events as the printed log
(``toolkit.audit_report``), oldest first as a log reads; each save and print of it is itself
logged (``Vault.record_audit_export``: the channel, the number of rows, the PDF's SHA-256).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.concerns import audit_paper, audit_words
from desktop.concerns.audit_paper import AuditSelection
from desktop.concerns.session import VaultSession
from desktop.i18n import N_, _, ngettext
from desktop.ui.concerns.ask import tell
from desktop.ui.concerns.case_table import chosen_date, date_filter
from desktop.ui.print_dialog import PdfPreviewDialog
from desktop.ui.widgets import named
from desktop.vault.audit import AuditReport
from desktop.vault.records import AuditEventView

Index = QModelIndex | QPersistentModelIndex
HEADERS = (N_("Nr."), N_("Wanneer"), N_("Wat"), N_("Melding"), N_("Details"))
CHAIN_STYLE = {
    True: "#chainResult { background: #e8f3ec; color: #2d6a4f; border: 1px solid #b7dcc4; "
    "border-radius: 6px; padding: 8px 10px; }",
    False: "#chainResult { background: #fdecee; color: #9b2226; border: 1px solid #f0b8bd; "
    "border-radius: 6px; padding: 8px 10px; font-weight: 600; }",
}


class AuditTableModel(QAbstractTableModel):
    """The events shown, each put into words when first painted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.events: list[AuditEventView] = []
        self._words: dict[int, tuple[str, str, str, str, str]] = {}

    def set_events(self, events: list[AuditEventView]) -> None:
        self.beginResetModel()
        self.events = events
        self._words = {}
        self.endResetModel()

    def clear(self) -> None:
        self.set_events([])

    def cells(self, row: int) -> tuple[str, str, str, str, str]:
        found = self._words.get(row)
        if found is None:
            event = self.events[row]
            found = (
                str(event.seq),
                audit_words.when(event),
                audit_words.label(event.kind),
                event.case_code or "",
                audit_words.describe(event),
            )
            self._words[row] = found
        return found

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.events)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self.cells(index.row())[index.column()]
            return text if role == Qt.ItemDataRole.DisplayRole or index.column() == 4 else None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _(HEADERS[section])
        return None


class AuditLogDialog(QDialog):
    def __init__(
        self,
        session: VaultSession,
        *,
        keep: Callable[[QDialog], QDialog],
        school: Callable[[], str],
        documents_folder: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.keep = keep
        self.school = school
        self.documents_folder = documents_folder
        self.events: list[AuditEventView] = []  # the whole log, oldest first
        self.picked: list[AuditEventView] = []  # what the filters pick, oldest first
        self.report = AuditReport(0, ())
        self.setWindowTitle(_("Auditlog"))
        self.setModal(True)

        self.explain = named(QLabel(wordWrap=True), "auditExplain")
        self.chain = named(QLabel(wordWrap=True), "chainResult")
        self.group = named(QComboBox(), "auditGroup")
        self.group.addItem(_("Alle soorten"), None)
        for key in audit_words.KIND_GROUPS:
            self.group.addItem(audit_words.group_label(key), key)
        self.code = named(QLineEdit(), "auditCode")
        self.code.setPlaceholderText(_("Code van de melding"))
        self.code.setClearButtonEnabled(True)
        self.code.setMinimumWidth(170)
        self.text = named(QLineEdit(), "auditText")
        self.text.setPlaceholderText(_("Zoek in de tekst"))
        self.text.setClearButtonEnabled(True)
        self.since = date_filter("auditSince")
        self.until = date_filter("auditUntil")
        for edit in (self.since, self.until):
            edit.setSpecialValueText(_("(alle)"))
        self.model = AuditTableModel(self)
        self.table = named(QTableView(), "auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for index, width in enumerate((56, 170, 200, 90)):
            self.table.setColumnWidth(index, width)
        self.count = named(QLabel(), "auditCount")
        self.export_button = named(QPushButton(_("Exporteren als PDF…")), "exportAudit")
        self.close_button = named(QPushButton(_("Sluiten")), "closeAudit")

        filters = QHBoxLayout()
        filters.addWidget(self.group, 2)
        filters.addWidget(self.code, 1)
        filters.addWidget(self.text, 2)
        filters.addWidget(QLabel(_("van")))
        filters.addWidget(self.since)
        filters.addWidget(QLabel(_("tot en met")))
        filters.addWidget(self.until)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.close_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(20, 18, 20, 16)
        column.setSpacing(10)
        column.addWidget(self.explain)
        column.addWidget(self.chain)
        column.addLayout(filters)
        column.addWidget(self.table, 1)
        column.addLayout(bottom)

        self.explain.setText(
            _(
                "Alles wat er met de kluis is gebeurd: openen, vastleggen, exporteren, "
                "reservekopieën. Nieuwste bovenaan. Elke regel is met de vorige verbonden, "
                "zodat een weggehaalde of veranderde regel opvalt."
            )
        )
        self._typing = QTimer(self, singleShot=True, interval=150)
        self._typing.timeout.connect(self.apply)
        for field in (self.code, self.text):
            field.textChanged.connect(lambda _t: self._typing.start())
        self.group.currentIndexChanged.connect(self.apply)
        for edit in (self.since, self.until):
            edit.dateChanged.connect(self.apply)
        self.export_button.clicked.connect(self.export)
        self.close_button.clicked.connect(self.accept)
        self.load()
        self.resize(1000, 700)

    # ---------------------------------------------------------------- the log
    def load(self) -> None:
        """Read the log and check its chain again; then filter."""
        if not self.session.is_open:
            return
        vault = self.session.vault
        self.events = vault.audit_log()
        self.report = vault.verify_audit()
        ok, text = audit_words.chain_result(self.report)
        self.chain.setText(text)
        self.chain.setProperty("ok", ok)
        self.chain.setStyleSheet(CHAIN_STYLE[ok])
        self.apply()

    def selection(self) -> AuditSelection:
        return AuditSelection(
            group=self.group.currentData(),
            case_code=self.code.text(),
            text=self.text.text(),
            since=chosen_date(self.since),
            until=chosen_date(self.until),
        )

    def apply(self) -> None:
        self._typing.stop()
        self.picked = self.selection().apply(self.events)
        self.model.set_events(list(reversed(self.picked)))
        self.count.setText(
            ngettext(
                "{shown} van {total} regel", "{shown} van {total} regels", len(self.events)
            ).format(shown=len(self.picked), total=len(self.events))
        )

    # ---------------------------------------------------------------- on paper
    def export(self) -> AuditPrintDialog | None:
        if not self.session.is_open:
            return None
        dialog = AuditPrintDialog(
            self.session,
            list(self.picked),
            self.report,
            self.selection(),
            school=self.school(),
            made=audit_paper.vault_made(self.events),
            documents_folder=self.documents_folder,
            parent=self,
        )
        self.keep(dialog)
        dialog.recorded.connect(self.load)
        dialog.open()
        return dialog

    def done(self, result: int) -> None:
        self.model.clear()  # no case code stays behind in the table
        self.events, self.picked = [], []
        super().done(result)


class AuditPrintDialog(PdfPreviewDialog):
    """The picked events as the printed audit log; each save and print logged."""

    recorded = Signal(int)  # the number of the audit event that logged a save or print

    def __init__(
        self,
        session: VaultSession,
        picked: list[AuditEventView],
        report: AuditReport,
        selection: AuditSelection,
        *,
        school: str,
        made: str,
        documents_folder: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_("Auditlog afdrukken"), documents_folder, parent)
        self.session = session
        self.picked = picked
        self.report = report
        self.selection = selection
        self.school = school
        self.made = made
        self.today = dt.date.today()
        self.setModal(True)
        self.refresh()

    def build(self) -> bytes:
        return audit_paper.audit_pdf(
            self.picked,
            self.report,
            self.selection,
            school=self.school,
            made=self.made,
            today=self.today,
        )

    def file_name(self) -> str:
        return audit_paper.file_name(self.today)

    def audit(self, action: str, path: str) -> None:
        """Log the save or print in the vault: the channel, the rows and the PDF's hash
        (never the file's name or the printer's)."""
        from desktop.vault.errors import VaultError

        channel = "export" if action == "export" else "print"
        try:
            seq = self.session.vault.record_audit_export(
                channel, len(self.picked), audit_paper.sha256(self.pdf_bytes)
            )
        except VaultError as error:
            said = (
                _("De auditlog is opgeslagen, maar dat kon niet worden vastgelegd: {reason}")
                if channel == "export"
                else _("De auditlog is afgedrukt, maar dat kon niet worden vastgelegd: {reason}")
            )
            tell(self, _("Niet vastgelegd"), said.format(reason=error.message()))
            return
        self.recorded.emit(seq)
