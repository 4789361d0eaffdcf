"""A case's status, changed with a reason; closing says how, and when the case will go.

Closing offers "Vermoeden niet bevestigd" first: where a suspicion proved unfounded, the file
must say so explicitly (domain.md 3). The retention period (settings) runs from the closing
date; the dialog says on which date the case will be purged.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.concerns.session import VaultSession
from desktop.i18n import _, format_date, ngettext
from desktop.ui.concerns.privacy_gate import PrivacyGate
from desktop.ui.widgets import named


class StatusDialog(QDialog):
    def __init__(self, session: VaultSession, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from desktop.vault.vocabulary import CLOSING_OUTCOME_LABELS, STATUS_LABELS

        self.session = session
        self.code = code
        current = session.vault.case(code).row.status
        self.setWindowTitle(_("Status van melding {code}").format(code=code))
        self.status = named(QComboBox(), "newStatus")
        for status, label in STATUS_LABELS.items():
            self.status.addItem(_(label), status.value)
        self.status.setCurrentIndex(max(self.status.findData(current.value), 0))
        self.outcome = named(QComboBox(), "closingOutcome")
        for outcome, label in CLOSING_OUTCOME_LABELS.items():
            self.outcome.addItem(_(label), outcome.value)
        self.outcome_label = QLabel(_("Hoe is de melding afgesloten?"))
        self.reason = named(QPlainTextEdit(), "statusReason")
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(_("Waarom verandert de status? (verplicht)"))
        self.reason.setMaximumHeight(110)
        self.consequence = named(QLabel(wordWrap=True), "statusConsequence")
        self.error = named(QLabel(wordWrap=True), "fieldError")
        self.gate = PrivacyGate(self.error)
        form = QFormLayout()
        form.addRow(_("Nieuwe status"), self.status)
        form.addRow(self.outcome_label, self.outcome)
        form.addRow(_("Reden"), self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("saveStatus")
        self.ok_button.setText(_("Opslaan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Annuleren"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.consequence)
        column.addWidget(self.error)
        column.addWidget(buttons)
        self.status.currentIndexChanged.connect(self._status_changed)
        self.outcome.currentIndexChanged.connect(self._status_changed)
        self._status_changed()
        self.resize(560, 360)

    def closing(self) -> bool:
        return bool(self.status.currentData() == "closed")

    def _status_changed(self) -> None:
        from desktop.vault.validation import add_months

        closing = self.closing()
        self.outcome.setVisible(closing)
        self.outcome_label.setVisible(closing)
        if closing:
            months = self.session.retention_months()
            purge = add_months(dt.date.today(), months)
            text = ngettext(
                "Na het sluiten blijft de melding {months} maand bewaard en wordt na {date} "
                "verwijderd, ook uit de reservekopieën op deze computer.",
                "Na het sluiten blijft de melding {months} maanden bewaard en wordt na {date} "
                "verwijderd, ook uit de reservekopieën op deze computer.",
                months,
            ).format(months=months, date=format_date(purge, "long"))
            if self.outcome.currentData() == "not_confirmed":
                text = (
                    _("In het dossier komt expliciet te staan dat het vermoeden niet is bevestigd.")
                    + " "
                    + text
                )
            self.consequence.setText(text)
        else:
            self.consequence.setText("")

    def save(self) -> bool:
        from desktop.vault.errors import VaultError

        reason = self.reason.toPlainText().strip()
        if not reason:
            self.error.setText(_("Schrijf op waarom de status verandert."))
            self.reason.setFocus()
            return False
        if not self.gate.allows({"status_reason": reason}):
            return False
        try:
            self.session.vault.set_status(
                self.code,
                str(self.status.currentData()),
                reason=reason,
                outcome=self.outcome.currentData() if self.closing() else None,
                retention_months=self.session.retention_months(),
            )
        except VaultError as error:
            self.error.setText(error.message())
            return False
        self.session.changed(self.code)
        self.accept()
        return True
