"""The form of a chronology entry: a new one, or a correction of one (with a reason).

Before saving, every free-text field is checked for personal data and the facts for words
of interpretation (``desktop.concerns.entry_check``). What was found is highlighted in the
field and listed below the form, with "Aanpassen" (go to it) and "Toch opslaan".
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QShortcut,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.concerns.entry_check import FieldFinding, findings_text, review
from desktop.concerns.entry_kinds import KINDS, ROLES
from desktop.concerns.session import VaultSession
from desktop.i18n import _
from desktop.ui.concerns.ask import ask
from desktop.ui.concerns.case_table import to_date
from desktop.ui.concerns.signal_picker import SignalPicker
from desktop.ui.widgets import named

if TYPE_CHECKING:
    from desktop.vault.records import EntryView

FOUND = QColor("#ffe08a")


def text_field(name: str, lines: int = 4) -> QPlainTextEdit:
    field = named(QPlainTextEdit(), name)
    field.setTabChangesFocus(True)  # Tab moves on: the form is reachable by keyboard
    field.setMinimumHeight(22 * lines)
    return field


class EntryDialog(QDialog):
    """A new entry of ``kind`` for case ``code``, or a correction of ``entry``."""

    saved = Signal(int)  # the entry's id

    def __init__(
        self,
        session: VaultSession,
        code: str,
        kind: str,
        *,
        signals: tuple[str, ...] = (),
        entry: EntryView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.code = code
        self.kind = kind
        self.entry = entry
        self.spec = KINDS[kind]
        self.findings: list[FieldFinding] = []
        self.checked_text: dict[str, str] | None = None  # what "Toch opslaan" applies to
        self.setWindowTitle(self._title())
        screen = QGuiApplication.primaryScreen()  # a small laptop: the buttons stay on screen
        room = screen.availableGeometry().height() - 60 if screen is not None else 760
        self.resize(720, max(480, min(760, room)))

        self.date = named(QDateEdit(), "occurredOn")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd-MM-yyyy")
        self.date.setMaximumDate(QDate.currentDate())
        self.date.setMinimumDate(QDate.currentDate().addYears(-10))  # no typo back to 1900
        self.date.setDate(QDate.currentDate())
        self.facts = text_field("facts", 5)
        self.facts.setPlaceholderText(_(self.spec.facts_placeholder))
        self.pupil_words = text_field("pupilWords", 3)
        self.pupil_words.setPlaceholderText(_("Letterlijk, tussen aanhalingstekens mag"))
        self.interpretation = text_field("interpretation", 3)
        self.interpretation.setPlaceholderText(
            _("Wat denk je dat het betekent? Dit blijft apart van de feiten.")
        )
        self.who = named(QComboBox(), "who")
        self.who.setEditable(True)
        self.who.addItems([_(role) for role in ROLES])
        self.who.setCurrentText("")
        who_line = self.who.lineEdit()
        assert who_line is not None  # an editable combo box has one
        who_line.setPlaceholderText(_("bijvoorbeeld: mentor"))
        self.who_line = who_line
        self.disclosure = named(QCheckBox(), "disclosure")
        self.disclosure.setText(_("Spontane onthulling: de leerling vertelde dit uit zichzelf"))
        self.disclosure.setToolTip(_("Een spontane onthulling maakt de melding acuut."))
        self.signal_picker = SignalPicker(signals) if self.spec.signals else None
        self.reason = named(QLineEdit(), "correctionReason")
        self.reason.setPlaceholderText(_("Waarom wordt deze tekst gecorrigeerd?"))
        self.found = named(QLabel(wordWrap=True), "privacyFindings")
        self.found.setTextFormat(Qt.TextFormat.PlainText)
        self.found.hide()
        self.error = named(QLabel(wordWrap=True), "fieldError")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(_(self.spec.date_label), self.date)
        form.addRow(_(self.spec.facts_label), self.facts)
        if self.spec.pupil_words:
            form.addRow(_("Woorden van de leerling"), self.pupil_words)
        if self.spec.interpretation:
            form.addRow(_("Interpretatie (apart)"), self.interpretation)
        form.addRow(_(self.spec.who_label), self.who)
        if self.signal_picker is not None:
            form.addRow(_("Signalen van de signalenkaart"), self.signal_picker)
        if self.spec.disclosure:
            form.addRow("", self.disclosure)
        if entry is not None:
            form.addRow(_("Reden van de correctie"), self.reason)
        holder = QWidget()
        holder.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(holder)

        self.buttons = QDialogButtonBox()
        self.save_button = named(
            self.buttons.addButton(_("Opslaan"), QDialogButtonBox.ButtonRole.AcceptRole),
            "saveEntry",
        )
        self.edit_button = named(QPushButton(_("Aanpassen")), "adjustEntry")
        self.anyway_button = named(QPushButton(_("Toch opslaan")), "saveAnyway")
        for button in (self.edit_button, self.anyway_button):
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            button.hide()
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Annuleren"))
        self.save_button.clicked.connect(lambda: self.save())
        self.anyway_button.clicked.connect(lambda: self.save(anyway=True))
        self.edit_button.clicked.connect(self.go_to_first_finding)
        self.buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(lambda: self.save())
        for text_box in (self.facts, self.pupil_words, self.interpretation):
            text_box.installEventFilter(self)  # a text box keeps Ctrl+Enter for itself
        self.save_button.setToolTip(_("Opslaan (Ctrl+Enter)"))
        self._saved = False

        column = QVBoxLayout(self)
        column.addWidget(scroll, 1)
        column.addWidget(self.found)
        column.addWidget(self.error)
        column.addWidget(self.buttons)

        self._recheck = QTimer(self, singleShot=True, interval=400)
        self._recheck.timeout.connect(self.highlight)
        for field in self.text_fields().values():
            if isinstance(field, QPlainTextEdit):
                field.textChanged.connect(self._recheck.start)
        if entry is not None:
            self._fill(entry)
        self.facts.setFocus()

    def _title(self) -> str:
        from desktop.vault.vocabulary import ENTRY_KIND_LABELS, EntryKind

        label = _(ENTRY_KIND_LABELS[EntryKind(self.kind)])
        if self.entry is not None:
            return _("{kind} corrigeren – melding {code}").format(kind=label, code=self.code)
        return _("{kind} – melding {code}").format(kind=label, code=self.code)

    def _fill(self, entry: EntryView) -> None:
        text = entry.current
        day = text.occurred_on
        self.date.setDate(QDate(day.year, day.month, day.day))
        self.facts.setPlainText(text.facts)
        self.pupil_words.setPlainText(text.pupil_words)
        self.interpretation.setPlainText(text.interpretation)
        self.who.setCurrentText(text.who)
        if self.signal_picker is not None:
            for row in range(self.signal_picker.list.count()):
                item = self.signal_picker.list.item(row)
                ticked = item.data(Qt.ItemDataRole.UserRole) in text.signals
                item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self.disclosure.setEnabled(False)  # a disclosure is recorded once, with the entry

    # ---------------------------------------------------------------- values
    def text_fields(self) -> dict[str, QPlainTextEdit | QLineEdit]:
        fields: dict[str, QPlainTextEdit | QLineEdit] = {"facts": self.facts}
        if self.spec.pupil_words:
            fields["pupil_words"] = self.pupil_words
        if self.spec.interpretation:
            fields["interpretation"] = self.interpretation
        fields["who"] = self.who_line
        if self.entry is not None:
            fields["reason"] = self.reason
        return fields

    def values(self) -> dict[str, str]:
        return {
            name: (f.toPlainText() if isinstance(f, QPlainTextEdit) else f.text()).strip()
            for name, f in self.text_fields().items()
        }

    def occurred_on(self) -> dt.date:
        return to_date(self.date.date())

    # ---------------------------------------------------------------- the check
    def highlight(self) -> list[FieldFinding]:
        """Mark what the privacy and fact check finds, in the fields; returns the findings."""
        values = {
            name: f.toPlainText() if isinstance(f, QPlainTextEdit) else f.text()
            for name, f in self.text_fields().items()
        }
        self.findings = review(values, observed=self.spec.observed)
        fields = self.text_fields()
        for name, field in fields.items():
            if not isinstance(field, QPlainTextEdit):
                continue
            marks = []
            for finding in (f for f in self.findings if f.field == name):
                selection = QTextEdit.ExtraSelection()
                cursor = QTextCursor(field.document())
                cursor.setPosition(finding.start)
                cursor.setPosition(finding.end, QTextCursor.MoveMode.KeepAnchor)
                fmt = QTextCharFormat()
                fmt.setBackground(FOUND)
                selection.cursor = cursor
                selection.format = fmt
                marks.append(selection)
            field.setExtraSelections(marks)
        if not self.findings:
            self.found.hide()
            self.edit_button.hide()
            self.anyway_button.hide()
        return self.findings

    def go_to_first_finding(self) -> None:
        if not self.findings:
            return
        first = self.findings[0]
        field = self.text_fields()[first.field]
        field.setFocus()
        if isinstance(field, QPlainTextEdit):
            cursor = field.textCursor()
            cursor.setPosition(first.start)
            cursor.setPosition(first.end, QTextCursor.MoveMode.KeepAnchor)
            field.setTextCursor(cursor)
        else:
            field.setSelection(first.start, first.end - first.start)

    # ---------------------------------------------------------------- saving
    def save(self, *, anyway: bool = False) -> bool:
        values = self.values()
        if not values["facts"]:
            self.error.setText(_("Vul eerst in wat je zag of hoorde."))
            self.facts.setFocus()
            return False
        if self.entry is not None and not values.get("reason"):
            self.error.setText(_("Geef een reden voor de correctie."))
            self.reason.setFocus()
            return False
        findings = self.highlight()
        if findings and not (anyway and self.checked_text == values):
            self.checked_text = values
            self.found.setText(findings_text(findings))
            self.found.show()
            self.edit_button.show()
            self.anyway_button.show()
            self.error.setText("")
            return False
        return self._write(values)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in a one-line field (the signal search, who) saves nothing by accident: the
        dialog would take it for its default button. Ctrl+Enter saves."""
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if plain and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.save()
            return True
        return super().eventFilter(watched, event)

    def has_unsaved_text(self) -> bool:
        """Something typed that is not saved (the entry's own text, for a correction)."""
        if self._saved:
            return False
        if self.entry is None:
            return any(self.values().values())
        current = self.entry.current
        before = {
            "facts": current.facts,
            "pupil_words": current.pupil_words,
            "interpretation": current.interpretation,
            "who": current.who,
        }
        typed = self.values()
        return any(typed.get(k, v) != v for k, v in before.items()) or bool(typed.get("reason"))

    def reject(self) -> None:
        """Escape, Annuleren or the window's close: ask before typed text is thrown away."""
        if self.has_unsaved_text() and self.session.is_open:
            self.question = ask(
                self,
                _("Niet opgeslagen"),
                _("De tekst van deze notitie is niet opgeslagen. Weggooien?"),
                QMessageBox.StandardButton.Discard,
                self.discard,
            )
            return
        super().reject()

    def discard(self) -> None:
        """Close without asking (the vault locked: nothing may stay on screen)."""
        super().reject()

    def _write(self, values: dict[str, str]) -> bool:
        from desktop.vault.errors import VaultError

        signals = self.signal_picker.ticked() if self.signal_picker is not None else ()
        try:
            vault = self.session.vault
            if self.entry is None:
                entry_id = vault.add_entry(
                    self.code,
                    self.kind,
                    occurred_on=self.occurred_on(),
                    facts=values["facts"],
                    pupil_words=values.get("pupil_words", ""),
                    interpretation=values.get("interpretation", ""),
                    who=values["who"],
                    signals=signals,
                    disclosure=self.disclosure.isChecked(),
                )
            else:
                vault.edit_entry(
                    self.entry.id,
                    occurred_on=self.occurred_on(),
                    facts=values["facts"],
                    pupil_words=values.get("pupil_words", ""),
                    interpretation=values.get("interpretation", ""),
                    who=values["who"],
                    signals=signals if self.signal_picker is not None else None,
                    reason=values["reason"],
                )
                entry_id = self.entry.id
        except VaultError as error:
            self.error.setText(error.message())
            return False
        self._saved = True
        self.saved.emit(entry_id)
        self.accept()
        return True
