"""Signals ticked on the signal card, to a new case or to one already open.

The coordinator chooses; the observation form then opens with those signals ticked, so that
the first entry says what was seen, when and by whom (a signal alone is not a fact).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.concerns.session import VaultSession
from desktop.i18n import _, ngettext
from desktop.ui.widgets import named


class SignalsTargetDialog(QDialog):
    """New case, or add to a chosen one; ``target()`` is None for a new case."""

    def __init__(
        self, session: VaultSession, signal_count: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        from desktop.vault.vocabulary import STATUS_LABELS, CaseStatus

        self.setWindowTitle(_("Zorgmelding met deze signalen"))
        self.explain = QLabel(
            ngettext(
                "Je hebt {n} signaal aangevinkt. Leg vast wat je zag of hoorde en wanneer.",
                "Je hebt {n} signalen aangevinkt. Leg vast wat je zag of hoorde en wanneer.",
                signal_count,
            ).format(n=signal_count),
            wordWrap=True,
        )
        self.new_case = named(QRadioButton(_("Een nieuwe melding")), "toNewCase")
        self.existing = named(QRadioButton(_("Toevoegen aan een bestaande melding:")), "toCase")
        self.cases = named(QComboBox(), "targetCase")
        open_rows = [r for r in session.vault.cases() if r.status is not CaseStatus.CLOSED]
        for row in open_rows:
            self.cases.addItem(f"{row.code} – {_(STATUS_LABELS[row.status])}", row.code)
        self.existing.setEnabled(bool(open_rows))
        self.cases.setEnabled(False)
        self.existing.toggled.connect(self.cases.setEnabled)
        self.new_case.setChecked(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Verder"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Annuleren"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        for widget in (self.explain, self.new_case, self.existing, self.cases):
            column.addWidget(widget)
        column.addWidget(buttons)

    def target(self) -> str | None:
        return self.cases.currentData() if self.existing.isChecked() else None
