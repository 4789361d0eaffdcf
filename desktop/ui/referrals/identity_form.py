"""The pupil in one letter: name, date of birth and gender, only where the recipient needs them.

Typed for this letter, printed in it, stored nowhere. Forgetting sets the fields' text rather
than clearing them, so that no undo brings a name back.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit

from desktop.i18n import _
from desktop.referrals.choices import Identity
from desktop.ui.widgets import named

MAX_CHARS = 100


class IdentityForm(QGroupBox):
    changed = Signal()

    def __init__(self) -> None:
        super().__init__(_("De leerling in deze brief"))
        self.name = named(QLineEdit(), "pupilName")
        self.birth = named(QLineEdit(), "pupilBirth")
        self.gender = named(QLineEdit(), "pupilGender")
        self.birth.setPlaceholderText(_("bijvoorbeeld 14-03-2011"))
        form = QFormLayout(self)
        note = QLabel(
            _(
                "De brief noemt de leerling bij de code van de melding. Vul naam of "
                "geboortedatum alleen in als de ontvanger die nodig heeft: ze komen in deze "
                "brief en worden nergens bewaard."
            ),
            wordWrap=True,
        )
        form.addRow(note)
        form.addRow(_("Naam"), self.name)
        form.addRow(_("Geboortedatum"), self.birth)
        form.addRow(_("Geslacht"), self.gender)
        for field in self.fields():
            field.setMaxLength(MAX_CHARS)
            field.textChanged.connect(self.changed)

    def fields(self) -> tuple[QLineEdit, QLineEdit, QLineEdit]:
        return self.name, self.birth, self.gender

    def value(self) -> Identity:
        return Identity(self.name.text(), self.birth.text(), self.gender.text())

    def forget(self) -> None:
        for field in self.fields():
            field.blockSignals(True)
            field.setText("")  # setText, not clear(): no undo brings it back
