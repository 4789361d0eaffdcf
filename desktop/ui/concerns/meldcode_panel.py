"""The meldcode's five steps for one case, as a guided panel (step 4: the afwegingskader).

Each step keeps its status, date, who (a role) and a note; a skipped step needs a reason, which
the vault asks for and the panel shows in place. Saving a step adds a row: earlier states stay.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.concerns import meldcode
from desktop.concerns.entry_kinds import ROLES
from desktop.concerns.session import VaultSession
from desktop.i18n import _, format_date
from desktop.ui.concerns.afweging_form import AfwegingForm
from desktop.ui.concerns.ask import ask
from desktop.ui.concerns.case_table import to_date
from desktop.ui.concerns.privacy_gate import PrivacyGate
from desktop.ui.widgets import named

if TYPE_CHECKING:
    from desktop.vault.records import CaseDetail, StepView


class StepBox(QGroupBox):
    def __init__(self, session: VaultSession, code: str, number: int) -> None:
        super().__init__()
        self.setObjectName(f"step{number}")
        self.session = session
        self.code = code
        self.number = number
        self.help = named(QLabel(wordWrap=True), "stepHelp")
        self.status = named(QComboBox(), f"stepStatus{number}")
        for key in meldcode.STEP_STATUS_LABELS:
            self.status.addItem("", key)
        self.done_on = named(QDateEdit(), f"stepDate{number}")
        self.done_on.setCalendarPopup(True)
        self.done_on.setDisplayFormat("dd-MM-yyyy")
        self.done_on.setMaximumDate(QDate.currentDate())
        self.done_on.setDate(QDate.currentDate())
        self.who = named(QComboBox(), f"stepWho{number}")
        self.who.setEditable(True)
        self.who.addItems([""] + [_(role) for role in ROLES])
        self.note = named(QLineEdit(), f"stepNote{number}")
        self.saved_at = named(QLabel(), "stepSaved")
        self.error = named(QLabel(wordWrap=True), "fieldError")
        self.gate = PrivacyGate(self.error)
        self.save_button = named(QPushButton(), f"saveStep{number}")
        self.save_button.clicked.connect(self.save)
        self.status.currentIndexChanged.connect(self._status_changed)
        self.labels = [QLabel(), QLabel(), QLabel()]
        self.form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.status)
        row.addWidget(self.done_on)
        self.form.addRow(self.labels[0], row)
        self.form.addRow(self.labels[1], self.who)
        self.form.addRow(self.labels[2], self.note)
        bottom = QHBoxLayout()
        bottom.addWidget(self.saved_at, 1)
        bottom.addWidget(self.save_button)
        column = QVBoxLayout(self)
        column.addWidget(self.help)
        column.addLayout(self.form)
        column.addWidget(self.error)
        column.addLayout(bottom)
        self.view: StepView | None = None
        self.dirty = False  # typed but not saved: a reload after another save keeps it
        self.status.currentIndexChanged.connect(self._edited)
        self.done_on.dateChanged.connect(self._edited)
        self.who.currentTextChanged.connect(self._edited)
        self.note.textEdited.connect(self._edited)
        self._filling = False
        self.retranslate()

    def _edited(self) -> None:
        if not self._filling:
            self.dirty = True

    def retranslate(self) -> None:
        self.setTitle(meldcode.step_title(self.number))
        self.help.setText(meldcode.step_help(self.number))
        for index in range(self.status.count()):
            key = self.status.itemData(index)
            self.status.setItemText(index, _(meldcode.STEP_STATUS_LABELS[key]))
        for label, text in zip(
            self.labels, (_("Status en datum"), _("Wie (rol)"), _("Notitie")), strict=True
        ):
            label.setText(text)
        self.save_button.setText(_("Stap opslaan"))
        self._status_changed()
        self.saved_at.setText(meldcode.saved_text(self.view.saved_at if self.view else None))

    def _status_changed(self) -> None:
        skipped = self.status.currentData() == "skipped"
        self.note.setPlaceholderText(
            _("Waarom is deze stap overgeslagen? (verplicht)")
            if skipped
            else _("Wat is er gedaan of afgesproken?")
        )
        self.done_on.setEnabled(self.status.currentData() in ("done", "skipped", "in_progress"))

    def show_step(self, view: StepView) -> None:
        self.view = view
        self.saved_at.setText(meldcode.saved_text(view.saved_at))
        if self.dirty:
            return
        self._filling = True
        self.status.setCurrentIndex(max(self.status.findData(view.status.value), 0))
        if view.done_on is not None:
            day = view.done_on
            self.done_on.setDate(QDate(day.year, day.month, day.day))
        self.who.setCurrentText(view.who)
        self.note.setText(view.note)
        self.error.setText("")
        self._filling = False

    def save(self) -> bool:
        from desktop.vault.errors import VaultError

        status = str(self.status.currentData())
        who, note = self.who.currentText().strip(), self.note.text().strip()
        if not self.gate.allows({"step_who": who, "note": note}):
            return False
        try:
            self.session.vault.set_step(
                self.code,
                self.number,
                status,
                done_on=to_date(self.done_on.date()) if self.done_on.isEnabled() else None,
                who=who,
                note=note,
            )
        except VaultError as error:
            self.error.setText(error.message())
            return False
        self.error.setText("")
        self.dirty = False
        self.session.changed(self.code)
        return True

    def forget(self) -> None:
        self.view = None
        self.dirty = False
        self.note.setText("")  # setText, not clear(): no undo brings it back
        self.who.setCurrentText("")


class MeldcodePanel(QScrollArea):
    """Acute banner, the five steps, and the afwegingskader inside step 4."""

    def __init__(self, session: VaultSession, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meldcodePanel")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.session = session
        self.code = code
        self.acute = named(QLabel(wordWrap=True), "acuteBanner")
        self.acute.hide()
        self.acute_button = named(QPushButton(), "markAcute")
        self.acute_button.clicked.connect(self.toggle_acute)
        self.steps = [StepBox(session, code, n) for n in range(1, 6)]
        self.afweging = AfwegingForm(session, code)
        self.afweging.saved.connect(lambda: session.changed(code))
        self.steps[3].layout().addWidget(self.afweging)  # type: ignore[union-attr]
        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(self.acute)
        column.addWidget(self.acute_button, 0, Qt.AlignmentFlag.AlignLeft)
        for box in self.steps:
            column.addWidget(box)
        column.addStretch(1)
        self.setWidget(content)
        self._acute_on = False
        self.retranslate()

    def retranslate(self) -> None:
        for box in self.steps:
            box.retranslate()
        self.afweging.retranslate()
        self.acute_button.setText(
            _("Niet meer acuut") if self._acute_on else _("Acute onveiligheid vastleggen")
        )

    def show_detail(self, detail: CaseDetail) -> None:
        for box, view in zip(self.steps, detail.steps, strict=True):
            box.show_step(view)
        self.afweging.show_detail(detail)
        acute_on = detail.row.acute_on
        self._acute_on = acute_on is not None
        if acute_on is not None:
            self.acute.setText(
                _("Acuut sinds {date}.").format(date=format_date(acute_on, "long"))
                + " "
                + _(meldcode.ACUTE_MEANING)
            )
        self.acute.setVisible(acute_on is not None)
        self.retranslate()

    def toggle_acute(self) -> None:
        if self._acute_on:
            self.question = ask(
                self,
                _("Niet meer acuut?"),
                _(
                    "Is de acute onveiligheid voorbij? Leg in de tijdlijn vast waarom, met wie "
                    "je dat hebt besproken en wat er is afgesproken."
                ),
                QMessageBox.StandardButton.Yes,
                lambda: self._set_acute(None),
            )
            return
        self._set_acute(dt.date.today())

    def _set_acute(self, on: dt.date | None) -> None:
        from desktop.vault.errors import VaultError

        if not self.session.is_open:
            return
        try:
            self.session.vault.set_acute(self.code, on)
        except VaultError as error:
            self.acute.setText(error.message())
            self.acute.show()
            return
        self.session.changed(self.code)

    def forget(self) -> None:
        for box in self.steps:
            box.forget()
        self.afweging.forget()
        self.acute.clear()
