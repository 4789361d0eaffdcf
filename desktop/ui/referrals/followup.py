"""The follow-up of a case's referrals: each letter sent, its status, and when to look again.

A referral is "verstuurd" when its letter leaves; the coordinator records when it was received,
when the recipient responded, and when it is done ("afgerond"), each with its date, and may set
a date to check on it again. Open referrals show in the case list.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _, format_date
from desktop.ui.concerns.privacy_gate import PrivacyGate
from desktop.ui.referrals.dates import any_date, day_of, past_date
from desktop.ui.widgets import named

if TYPE_CHECKING:
    from desktop.concerns.session import VaultSession
    from desktop.vault.records import ReferralView


def referral_line(referral: ReferralView) -> list[str]:
    from desktop.vault.sharing import REFERRAL_STATUS_LABELS
    from desktop.vault.vocabulary import BASIS_LABELS, RECIPIENT_LABELS

    status = _("{status} op {date}").format(
        status=_(REFERRAL_STATUS_LABELS[referral.status]),
        date=format_date(referral.status_on, "short"),
    )
    return [
        format_date(referral.made_at.date(), "short"),
        f"{_(RECIPIENT_LABELS[referral.recipient_kind])}: {referral.recipient}",
        _(BASIS_LABELS[referral.basis]),
        status,
        format_date(referral.recheck_on, "short") if referral.recheck_on else "–",
    ]


class ReferralsTab(QWidget):
    """The case view's "Verwijzingen" tab."""

    new_letter = Signal()

    def __init__(self, session: VaultSession, code: str) -> None:
        super().__init__()
        self.session = session
        self.code = code
        self.referrals: tuple[ReferralView, ...] = ()
        self.table = named(QTableWidget(0, 5), "referralTable")
        self.table.setHorizontalHeaderLabels(
            [_("Gemaakt"), _("Ontvanger"), _("Grondslag"), _("Status"), _("Opnieuw bekijken")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        for index in range(5):  # the recipient takes what the others leave
            mode = (
                QHeaderView.ResizeMode.Stretch
                if index == 1
                else QHeaderView.ResizeMode.ResizeToContents
            )
            header.setSectionResizeMode(index, mode)
        self.table.setWordWrap(True)
        self.table.doubleClicked.connect(lambda _i: self.follow_up())
        self.empty = QLabel(
            _("Er is nog geen verwijsbrief gemaakt voor deze melding."), wordWrap=True
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.letter_button = named(QPushButton(_("Nieuwe verwijsbrief…")), "newLetter")
        self.update_button = named(QPushButton(_("Status bijwerken…")), "updateReferral")
        self.letter_button.clicked.connect(self.new_letter)
        self.update_button.clicked.connect(self.follow_up)
        buttons = QHBoxLayout()
        buttons.addWidget(self.letter_button)
        buttons.addWidget(self.update_button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.addLayout(buttons)
        column.addWidget(self.empty)
        column.addWidget(self.table, 1)

    def show_referrals(self, referrals: tuple[ReferralView, ...]) -> None:
        self.referrals = tuple(sorted(referrals, key=lambda r: r.made_at, reverse=True))
        self.table.setRowCount(len(self.referrals))
        for row, referral in enumerate(self.referrals):
            for column, text in enumerate(referral_line(referral)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeRowsToContents()
        self.empty.setVisible(not self.referrals)
        self.table.setVisible(bool(self.referrals))
        self.update_button.setEnabled(bool(self.referrals))
        if self.referrals:
            self.table.selectRow(0)

    def forget(self) -> None:
        self.referrals = ()
        self.table.setRowCount(0)

    def follow_up(self) -> QDialog | None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.referrals):
            return None
        dialog = FollowUpDialog(self.session, self.code, self.referrals[row], parent=self)
        dialog.open()
        return dialog


class FollowUpDialog(QDialog):
    def __init__(
        self,
        session: VaultSession,
        code: str,
        referral: ReferralView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        from desktop.vault.sharing import REFERRAL_STATUS_LABELS

        self.session = session
        self.code = code
        self.referral = referral
        self.setWindowTitle(_("Verwijzing bijwerken"))
        self.status = named(QComboBox(), "referralStatus")
        for status, label in REFERRAL_STATUS_LABELS.items():
            self.status.addItem(_(label), status.value)
        self.status.setCurrentIndex(max(self.status.findData(referral.status.value), 0))
        self.on = past_date("referralStatusOn")
        self.recheck_wanted = named(QCheckBox(_("Opnieuw bekijken op")), "referralRecheckWanted")
        self.recheck = any_date("referralRecheckOn")
        self.recheck.setDate(self.recheck.date().addDays(14))
        if referral.recheck_on is not None:
            self.recheck_wanted.setChecked(True)
            day = referral.recheck_on
            self.recheck.setDate(QDate(day.year, day.month, day.day))
        self.recheck.setEnabled(self.recheck_wanted.isChecked())
        self.recheck_wanted.toggled.connect(self.recheck.setEnabled)
        self.note = named(QPlainTextEdit(), "referralNote")
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(_("Bijvoorbeeld: wie reageerde, wat is afgesproken"))
        self.note.setMaximumHeight(90)
        self.error = named(QLabel(wordWrap=True), "fieldError")
        self.gate = PrivacyGate(self.error)
        summary = QLabel(" · ".join(referral_line(referral)[:3]), wordWrap=True)
        form = QFormLayout()
        form.addRow(summary)
        form.addRow(_("Status"), self.status)
        form.addRow(_("Op"), self.on)
        form.addRow(self.recheck_wanted, self.recheck)
        form.addRow(_("Notitie"), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(_("Opslaan"))
        ok.setObjectName("saveReferralStatus")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Annuleren"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.error)
        column.addWidget(buttons)
        self.resize(520, 320)

    def recheck_on(self) -> dt.date | None:
        return day_of(self.recheck) if self.recheck_wanted.isChecked() else None

    def save(self) -> bool:
        from desktop.vault.errors import VaultError
        from desktop.vault.sharing import ReferralStatus

        note = self.note.toPlainText().strip()
        if note and not self.gate.allows({"note": note}):
            return False
        try:
            self.session.vault.update_referral(
                self.code,
                self.referral.id,
                ReferralStatus(self.status.currentData()),
                day_of(self.on),
                recheck_on=self.recheck_on(),
                note=note,
            )
        except VaultError as error:
            self.error.setText(error.message())
            return False
        self.session.changed(self.code)
        self.accept()
        return True
