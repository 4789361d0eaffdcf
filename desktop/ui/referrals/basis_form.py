"""The grounds of a letter: the basis for sharing and who was told, in one form.

A basis is chosen, never assumed: none is ticked at first. Consent asks who gave it, when and
how; conflict van plichten asks why sharing is the only way to prevent serious harm and what
was done to get consent. For the pupil and for the parents: told on a date, or which reason
not to applied (the meldcode's reasons, or the school's own, explained). The rules themselves
are the vault's (``desktop.vault.sharing``); this form only asks.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from desktop.ui.referrals.dates import day_of, past_date
from desktop.ui.widgets import named, shrinkable
from desktop.vault.sharing import (
    CONSENT_FORM_LABELS,
    CONSENT_FROM_LABELS,
    NOT_TOLD_LABELS,
    Basis,
    ConflictOfDuties,
    Consent,
    ConsentForm,
    ConsentFrom,
    NotToldReason,
    Telling,
    Told,
)
from desktop.vault.vocabulary import BASIS_LABELS, SharingBasis

TOLD = "told"


MAX_CHARS = 2000  # an answer, not a file; the vault keeps it with the referral


def _text_box(name: str, placeholder: str) -> QPlainTextEdit:
    box = named(QPlainTextEdit(), name)
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    box.setFixedHeight(72)
    box.textChanged.connect(lambda: _cap(box))
    return box


def _cap(box: QPlainTextEdit) -> None:
    text = box.toPlainText()
    if len(text) > MAX_CHARS:
        box.setPlainText(text[:MAX_CHARS])
        cursor = box.textCursor()
        cursor.setPosition(MAX_CHARS)
        box.setTextCursor(cursor)


class TellingRow(QWidget):
    """One party: "Ja, op <date>", or a reason not to (with an explanation)."""

    changed = Signal()

    def __init__(self, name: str) -> None:
        super().__init__()
        self.choice = named(QComboBox(), f"{name}Told")
        self.choice.addItem(_("Kies…"), None)
        self.choice.addItem(_("Ja, ingelicht op"), TOLD)
        for reason, label in NOT_TOLD_LABELS.items():
            self.choice.addItem(_("Nee: {reason}").format(reason=_(label)), reason.value)
        shrinkable(self.choice)
        self.date: QDateEdit = past_date(f"{name}ToldOn")
        self.explanation = named(QLineEdit(), f"{name}NotToldWhy")
        self.explanation.setMaxLength(300)
        row = QVBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.choice, 1)
        top.addWidget(self.date)
        row.addLayout(top)
        row.addWidget(self.explanation)
        self.choice.currentIndexChanged.connect(self._show)
        self.date.dateChanged.connect(self.changed)
        self.explanation.textChanged.connect(self.changed)
        self._show()

    def _show(self) -> None:
        data = self.choice.currentData()
        self.date.setVisible(data == TOLD)
        self.explanation.setVisible(data not in (None, TOLD))
        self.explanation.setPlaceholderText(
            _("Welke reden uit de meldcode van de school? (verplicht)")
            if data == NotToldReason.OTHER.value
            else _("Toelichting (niet verplicht)")
        )
        self.changed.emit()

    def value(self) -> Telling | None:
        data = self.choice.currentData()
        if data is None:
            return None
        if data == TOLD:
            return Telling(told_on=day_of(self.date))
        return Telling(reason=NotToldReason(data), explanation=self.explanation.text().strip())


class BasisForm(QWidget):
    """Basis, consent or conflict details, the age question for CoMensha, and who was told."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.kinds = QButtonGroup(self)
        basis_box = QGroupBox(_("Grondslag voor het delen (verplicht)"))
        basis_column = QVBoxLayout(basis_box)
        self.radios: dict[SharingBasis, QRadioButton] = {}
        for kind, label in BASIS_LABELS.items():
            radio = named(QRadioButton(_(label)), f"basis_{kind.value}")
            self.kinds.addButton(radio)
            self.radios[kind] = radio
            basis_column.addWidget(radio)
        self.consent = QWidget()
        consent_form = QFormLayout(self.consent)
        consent_form.setContentsMargins(24, 0, 0, 0)
        self.consent_by = named(QComboBox(), "consentBy")
        self.consent_by.addItem(_("Kies…"), None)  # never assumed: the coordinator says who
        for who, label in CONSENT_FROM_LABELS.items():
            self.consent_by.addItem(_(label), who.value)
        self.consent_on = past_date("consentOn")
        self.consent_form = named(QComboBox(), "consentForm")
        self.consent_form.addItem(_("Kies…"), None)
        for form, label in CONSENT_FORM_LABELS.items():
            self.consent_form.addItem(_(label), form.value)
        consent_form.addRow(_("Gegeven door"), self.consent_by)
        consent_form.addRow(_("Op"), self.consent_on)
        consent_form.addRow(_("Vorm"), self.consent_form)
        self.conflict = QWidget()
        conflict_column = QVBoxLayout(self.conflict)
        conflict_column.setContentsMargins(24, 0, 0, 0)
        self.conflict_why = _text_box(
            "conflictWhy", _("Waarom is delen de enige manier om ernstige schade te voorkomen?")
        )
        self.conflict_efforts = _text_box(
            "conflictEfforts", _("Wat is gedaan om toestemming te krijgen?")
        )
        conflict_column.addWidget(self.conflict_why)
        conflict_column.addWidget(self.conflict_efforts)
        basis_column.insertWidget(1, self.consent)
        basis_column.addWidget(self.conflict)
        self.age_question = QWidget()
        age_row = QHBoxLayout(self.age_question)
        age_row.setContentsMargins(0, 0, 0, 0)
        self.age_label = QLabel(_("Is de leerling 16 jaar of ouder?"), wordWrap=True)
        self.age_label.setMinimumWidth(120)
        self.age = named(QComboBox(), "pupil16Plus")
        self.age.addItem(_("Kies…"), None)
        self.age.addItem(_("Ja, 16 of ouder"), True)
        self.age.addItem(_("Nee, jonger dan 16"), False)
        age_row.addWidget(self.age_label, 1)
        age_row.addWidget(self.age)
        basis_column.addWidget(self.age_question)

        told_box = QGroupBox(_("Ingelicht over deze verwijzing (verplicht)"))
        told_form = QFormLayout(told_box)
        self.pupil = TellingRow("pupil")
        self.parents = TellingRow("parents")
        told_form.addRow(_("Leerling"), self.pupil)
        told_form.addRow(_("Ouders"), self.parents)
        hint = QLabel(
            _(
                "Bespreek een verwijzing eerst met de leerling en/of ouders, tenzij dat de "
                "veiligheid in gevaar brengt of het contact zou verbreken."
            ),
            wordWrap=True,
        )
        hint.setObjectName("hint")
        told_form.addRow(hint)

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(basis_box)
        column.addWidget(told_box)
        self.kinds.buttonToggled.connect(lambda *_a: self._show())
        for combo in (self.consent_by, self.consent_form, self.age):
            shrinkable(combo, 12)
            combo.currentIndexChanged.connect(self.changed)
        self.consent_on.dateChanged.connect(self.changed)
        for box in (self.conflict_why, self.conflict_efforts):
            box.textChanged.connect(self.changed)
        self.pupil.changed.connect(self.changed)
        self.parents.changed.connect(self.changed)
        self.ask_age(False)
        self._show()

    def ask_age(self, ask: bool) -> None:
        """Show the age question (CoMensha, and the case's age band does not say)."""
        self.age_question.setVisible(ask)

    def kind(self) -> SharingBasis | None:
        for kind, radio in self.radios.items():
            if radio.isChecked():
                return kind
        return None

    def _show(self) -> None:
        kind = self.kind()
        self.consent.setVisible(kind is SharingBasis.CONSENT)
        self.conflict.setVisible(kind is SharingBasis.CONFLICT_OF_DUTIES)
        self.changed.emit()

    def basis(self) -> Basis | None:
        kind = self.kind()
        if kind is None:
            return None
        if kind is SharingBasis.CONSENT:
            by, form = self.consent_by.currentData(), self.consent_form.currentData()
            consent = Consent(
                # not chosen yet: None, which the rules (desktop.vault.sharing) ask for
                given_by=ConsentFrom(by) if by is not None else None,  # type: ignore[arg-type]
                given_on=day_of(self.consent_on),
                form=ConsentForm(form) if form is not None else None,  # type: ignore[arg-type]
            )
            return Basis(kind, consent=consent)
        if kind is SharingBasis.CONFLICT_OF_DUTIES:
            conflict = ConflictOfDuties(
                why_only_way=self.conflict_why.toPlainText().strip(),
                consent_efforts=self.conflict_efforts.toPlainText().strip(),
            )
            return Basis(kind, conflict=conflict)
        return Basis(kind)

    def told(self) -> Told | None:
        pupil, parents = self.pupil.value(), self.parents.value()
        if pupil is None and parents is None:
            return None
        return Told(pupil=pupil or Telling(), parents=parents or Telling())

    def answered_16_plus(self) -> bool | None:
        answer = self.age.currentData()
        return None if answer is None else bool(answer)
