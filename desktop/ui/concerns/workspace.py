"""The open concern log: a tool bar, the case list and the open case.

Everything here holds case text, so :meth:`Workspace.forget` destroys it: the rows, the open
case view and every dialog opened from here. The page calls it when the vault locks.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.concerns.case_list import CaseFilter
from desktop.concerns.idle import LockReason
from desktop.concerns.session import VaultSession
from desktop.i18n import _
from desktop.ui.concerns.case_table import CaseListPanel
from desktop.ui.widgets import named

if TYPE_CHECKING:
    from desktop.ui.concerns.case_view import CaseView

log = logging.getLogger(__name__)

NARROW_WIDTH = 860  # below this the list and a case take turns


class Workspace(QWidget):
    """The list on the left, the chosen case on the right."""

    new_case_requested = Signal()
    backups_requested = Signal()
    audit_requested = Signal()
    letter_requested = Signal(str)  # a case code

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.case_view: CaseView | None = None
        self.dialogs: list[QDialog] = []  # opened from here; closed when the vault locks
        self.unsaved_lost = False  # a form with unsaved text was closed by a lock

        self.new_button = named(QPushButton(), "newCase")
        self.backups_button = named(QPushButton(), "backups")
        self.audit_button = named(QPushButton(), "auditLog")
        self.lock_button = named(QPushButton(), "lockVault")
        self.notices = named(QLabel(wordWrap=True), "vaultNotices")
        self.notices.setTextFormat(Qt.TextFormat.PlainText)
        self.notices.hide()
        self.notice_action = named(QPushButton(), "noticeBackups")
        self.notice_action.hide()
        notices = QHBoxLayout()
        notices.addWidget(self.notices, 1)
        notices.addWidget(self.notice_action, 0, Qt.AlignmentFlag.AlignTop)
        bar = QHBoxLayout()
        bar.addWidget(self.new_button)
        bar.addStretch(1)
        bar.addWidget(self.backups_button)
        bar.addWidget(self.audit_button)
        bar.addWidget(self.lock_button)

        self.list_panel = CaseListPanel()
        self.right = named(QStackedWidget(), "caseArea")
        self.nothing_chosen = named(QLabel(wordWrap=True), "noCaseChosen")
        self.nothing_chosen.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.right.addWidget(self.nothing_chosen)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.list_panel)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([900, 300])  # the list wide (7 columns) until a case opens

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(bar)
        column.addLayout(notices)
        column.addWidget(self.splitter, 1)

        self.new_button.clicked.connect(self.new_case_requested)
        self.backups_button.clicked.connect(self.backups_requested)
        self.notice_action.clicked.connect(self.backups_requested)
        self.audit_button.clicked.connect(self.audit_requested)
        self.lock_button.clicked.connect(lambda: session.lock(LockReason.BUTTON))
        self.list_panel.filter_changed.connect(self.reload)
        self.list_panel.case_chosen.connect(self.open_case)
        session.cases_changed.connect(self._cases_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.new_button.setText(_("Nieuwe melding"))
        self.backups_button.setText(_("Reservekopieën"))
        self.notice_action.setText(_("Reservekopie maken…"))
        self.audit_button.setText(_("Auditlog"))
        self.lock_button.setText(_("Vergrendelen"))
        self.lock_button.setToolTip(_("Vergrendel de kluis (Ctrl+L)"))
        self.nothing_chosen.setText(_("Kies links een melding, of maak een nieuwe."))
        self.list_panel.retranslate()
        if self.case_view is not None:
            self.case_view.retranslate()

    # ---------------------------------------------------------------- cases
    def reload(self, _filter: CaseFilter | None = None) -> None:
        if not self.session.is_open:
            return
        query = self.list_panel.filter.query()
        rows = self.session.vault.cases(**query)
        keep = self.case_view.code if self.case_view is not None else None
        self.list_panel.show_rows(rows, keep)

    def _cases_changed(self, code: str) -> None:
        from desktop.vault.errors import CaseNotFound

        self.reload()
        if self.case_view is not None and code in ("", self.case_view.code):
            try:
                self.case_view.reload()
            except CaseNotFound:  # gone: a backup from before it was restored
                self._drop_case_view()

    def open_case(self, code: str) -> CaseView | None:
        from desktop.ui.concerns.case_view import CaseView

        if self.case_view is not None and self.case_view.code == code:
            return self.case_view
        if self.case_view is None:
            total = sum(self.splitter.sizes())
            self.splitter.setSizes([total * 2 // 5, total - total * 2 // 5])
        self._drop_case_view()
        view = CaseView(self.session, code)
        view.back_button.clicked.connect(self.close_case)
        view.letter_requested.connect(self.letter_requested)
        self.case_view = view
        self.right.addWidget(view)
        self.right.setCurrentWidget(view)
        self._fit()
        return view

    def close_case(self) -> None:
        """Back to the list (the narrow layout's "Alle meldingen"), wide again."""
        self._drop_case_view()
        total = sum(self.splitter.sizes())
        self.splitter.setSizes([total * 3 // 4, total - total * 3 // 4])
        self._fit()

    @property
    def narrow(self) -> bool:
        """Too narrow for the list beside a case (a small laptop): one at a time."""
        return self.width() < NARROW_WIDTH

    def _fit(self) -> None:
        one_at_a_time = self.narrow and self.case_view is not None
        self.list_panel.setVisible(not one_at_a_time)
        if self.case_view is not None:
            self.case_view.back_button.setVisible(one_at_a_time)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _drop_case_view(self) -> None:
        if self.case_view is not None:
            view, self.case_view = self.case_view, None
            self.right.removeWidget(view)
            view.forget()
            view.deleteLater()
        self.right.setCurrentWidget(self.nothing_chosen)

    def show_notices(self, lines: list[str], *, backup_action: bool = False) -> None:
        """Say ``lines`` above the list; ``backup_action``: with a button to the backups."""
        self.notices.setText("\n\n".join(lines))
        self.notices.setVisible(bool(lines))
        self.notice_action.setVisible(bool(lines) and backup_action)

    def keep_dialog(self, dialog: QDialog) -> QDialog:
        """Track a dialog with case text so that locking closes it."""
        self.dialogs.append(dialog)
        dialog.finished.connect(lambda _r, d=dialog: self._dialog_done(d))
        return dialog

    def _dialog_done(self, dialog: QDialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)

    def forget(self) -> None:
        """Destroy every piece of case text this screen holds (the vault locked).

        An entry form with unsaved text goes too (nothing may stay on screen); the page says
        so after the next unlock (:attr:`unsaved_lost`).
        """
        from desktop.ui.concerns.entry_form import EntryDialog

        if self.case_view is not None:
            forms = self.case_view.findChildren(EntryDialog)
            self.unsaved_lost = self.unsaved_lost or any(f.has_unsaved_text() for f in forms)
            for form in forms:
                form.discard()
        for dialog in list(self.dialogs):
            dialog.reject()
            dialog.deleteLater()
        self.dialogs.clear()
        self._drop_case_view()
        self.list_panel.clear()
        self.show_notices([])
