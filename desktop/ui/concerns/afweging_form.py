"""Step 4 of the meldcode: the afwegingskader's five questions as a decision record.

Each answer has its date; the record says who was consulted and which chronology entries it
rests on, and for question 5 when to weigh again. The recommendation
(:func:`desktop.vault.vocabulary.recommend`) is shown as the answers change. Saving adds a
new record; earlier ones stay.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.concerns import meldcode
from desktop.concerns.session import VaultSession
from desktop.i18n import _
from desktop.ui.concerns.case_table import to_date
from desktop.ui.concerns.privacy_gate import PrivacyGate
from desktop.ui.widgets import named

if TYPE_CHECKING:
    from desktop.vault.records import CaseDetail


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class AfwegingForm(QGroupBox):
    saved = Signal()

    def __init__(self, session: VaultSession, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("afwegingskader")
        self.session = session
        self.code = code
        self.questions: list[QLabel] = []
        self.answers: list[QComboBox] = []
        self.dates: list[QDateEdit] = []
        grid = QGridLayout()
        for number in range(1, 6):
            label = named(QLabel(wordWrap=True), f"question{number}")
            answer = named(QComboBox(), f"answer{number}")
            for key in ("unknown", "yes", "no"):
                answer.addItem("", key)
            answer.currentIndexChanged.connect(self._answers_changed)
            day = named(QDateEdit(), f"answered{number}")
            day.setCalendarPopup(True)
            day.setDisplayFormat("dd-MM-yyyy")
            day.setMaximumDate(QDate.currentDate())
            day.setDate(QDate.currentDate())
            day.setEnabled(False)
            grid.addWidget(label, number - 1, 0)
            grid.addWidget(answer, number - 1, 1)
            grid.addWidget(day, number - 1, 2)
            self.questions.append(label)
            self.answers.append(answer)
            self.dates.append(day)
        grid.setColumnStretch(0, 1)
        self.recommendation = named(QLabel(wordWrap=True), "recommendation")
        self.consulted = named(QLineEdit(), "consulted")
        self.entries = named(QListWidget(), "linkedEntries")
        self.entries.setMaximumHeight(120)
        self.entries.setWordWrap(True)
        self.recheck = named(QDateEdit(), "recheckOn")
        self.recheck.setCalendarPopup(True)
        self.recheck.setDisplayFormat("dd-MM-yyyy")
        self.recheck.setMinimumDate(QDate.currentDate())  # a re-check lies ahead
        self.recheck.setDate(QDate.currentDate().addMonths(3))
        self.recheck.setEnabled(False)
        self.recheck_on = named(QCheckBox(), "recheckWanted")
        self.recheck_on.toggled.connect(self.recheck.setEnabled)
        recheck_row = QWidget()
        recheck_layout = QHBoxLayout(recheck_row)
        recheck_layout.setContentsMargins(0, 0, 0, 0)
        recheck_layout.addWidget(self.recheck_on)
        recheck_layout.addWidget(self.recheck, 1)
        self.note = named(QLineEdit(), "afwegingNote")
        self.history = named(QLabel(wordWrap=True), "afwegingHistory")
        self.error = named(QLabel(wordWrap=True), "fieldError")
        self.gate = PrivacyGate(self.error)
        self.save_button = named(QPushButton(), "saveAfweging")
        self.save_button.clicked.connect(self.save)
        self.labels = [QLabel(wordWrap=True) for _row in range(4)]
        self.form = QFormLayout()
        for label, field in zip(
            self.labels, (self.consulted, self.entries, recheck_row, self.note), strict=True
        ):
            self.form.addRow(label, field)
        column = QVBoxLayout(self)
        column.addLayout(grid)
        column.addWidget(self.recommendation)
        column.addLayout(self.form)
        column.addWidget(self.history)
        column.addWidget(self.error)
        column.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        self.acute = False  # the case is acute: question 2 is yes
        self.dirty = False  # typed but not saved: a reload after another save keeps it
        self._filling = False
        for answer in self.answers:
            answer.currentIndexChanged.connect(self._edited)
        for day in self.dates:
            day.dateChanged.connect(self._edited)
        for line in (self.consulted, self.note):
            line.textEdited.connect(self._edited)
        self.recheck.dateChanged.connect(self._edited)
        self.recheck_on.toggled.connect(self._edited)
        self.entries.itemChanged.connect(self._edited)
        self.retranslate()

    def _edited(self) -> None:
        if not self._filling:
            self.dirty = True

    def retranslate(self) -> None:
        self.setTitle(_("Afwegingskader"))
        for number, label in enumerate(self.questions, start=1):
            label.setText(f"{number}. {meldcode.question(number)}")
        for answer in self.answers:
            for index in range(answer.count()):
                answer.setItemText(index, _(meldcode.ANSWER_LABELS[answer.itemData(index)]))
        labels = (
            _("Met wie overlegd (rollen)"),
            _("Gebaseerd op deze notities"),
            _("Opnieuw wegen (vraag 5)"),
            _("Toelichting"),
        )
        for label, text in zip(self.labels, labels, strict=True):
            label.setText(text)
        self.recheck_on.setText(_("op"))
        self.consulted.setPlaceholderText(_("bijvoorbeeld: mentor, Veilig Thuis (anoniem advies)"))
        self.save_button.setText(_("Afweging opslaan"))
        self._answers_changed()

    def chosen_answers(self) -> list[str]:
        return [str(a.currentData()) for a in self.answers]

    def _answers_changed(self) -> None:
        from desktop.vault.vocabulary import RECOMMENDATION_LABELS, Answer, recommend

        chosen = self.chosen_answers()
        for answer, day in zip(chosen, self.dates, strict=True):
            day.setEnabled(answer != "unknown")
        outcome = recommend(tuple(Answer(a) for a in chosen))  # type: ignore[arg-type]
        text = _("Advies: {advice}").format(advice=_(RECOMMENDATION_LABELS[outcome]))
        if self.acute and chosen[1] == Answer.UNKNOWN.value:
            text += " " + _(
                "Deze melding is acuut (een spontane onthulling of acute onveiligheid): "
                "vraag 2 is dan ja."
            )
        self.recommendation.setText(text)

    def show_detail(self, detail: CaseDetail) -> None:
        self.acute = detail.row.acute_on is not None
        self.history.setText(meldcode.history_text(detail))
        if self.dirty:
            return
        self._filling = True
        try:
            self._fill(detail)
        finally:
            self._filling = False

    def _fill(self, detail: CaseDetail) -> None:
        chosen_entries: set[int] = set()
        current = detail.assessment
        for index, answer in enumerate(self.answers):
            value = current.answers[index].value if current is not None else "unknown"
            answer.blockSignals(True)
            answer.setCurrentIndex(max(answer.findData(value), 0))
            answer.blockSignals(False)
            when = current.answered_on[index] if current is not None else None
            self.dates[index].setDate(_qdate(when) if when else QDate.currentDate())
        if current is not None:
            self.consulted.setText(current.consulted)
            self.note.setText(current.note)
            chosen_entries = set(current.entry_ids)
            self.recheck_on.setChecked(current.recheck_on is not None)
            if current.recheck_on is not None:  # an overdue one shows as it was saved
                self.recheck.setMinimumDate(min(_qdate(current.recheck_on), QDate.currentDate()))
                self.recheck.setDate(_qdate(current.recheck_on))
        self.entries.clear()
        for entry in detail.entries:
            item = QListWidgetItem(meldcode.entry_choice(entry))
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            checked = entry.id in chosen_entries
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.entries.addItem(item)
        self.error.setText("")
        self._answers_changed()

    def linked_entries(self) -> list[int]:
        return [
            int(self.entries.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.entries.count())
            if self.entries.item(row).checkState() == Qt.CheckState.Checked
        ]

    def save(self) -> bool:
        from desktop.vault.errors import VaultError

        chosen = self.chosen_answers()
        answered_on = [
            to_date(day.date()) if answer != "unknown" else None
            for answer, day in zip(chosen, self.dates, strict=True)
        ]
        recheck = self.recheck.date() if self.recheck_on.isChecked() else None
        consulted, note = self.consulted.text().strip(), self.note.text().strip()
        if not self.gate.allows({"consulted": consulted, "note": note}):
            return False
        try:
            self.session.vault.set_answers(
                self.code,
                chosen,
                answered_on=answered_on,
                consulted=consulted,
                entry_ids=self.linked_entries(),
                recheck_on=to_date(recheck) if recheck is not None else None,
                note=note,
            )
        except VaultError as error:
            self.error.setText(error.message())
            return False
        self.error.setText("")
        self.dirty = False
        self.saved.emit()
        return True

    def forget(self) -> None:
        self.dirty = False
        self.entries.clear()
        self.consulted.setText("")  # setText, not clear(): no undo brings it back
        self.note.setText("")  # setText, not clear(): no undo brings it back
        self.history.clear()
