"""A new case, and a case's details: suspected forms and the optional pupil profile.

The code is given by the vault (the year, then a number: 2026-001). The profile is only
what a referral may need: an age band, the school type and year, never a name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.concerns.case_header import SCHOOL_TYPE_LABELS
from desktop.concerns.session import VaultSession
from desktop.i18n import _, current_language
from desktop.ui.widgets import named

if TYPE_CHECKING:
    from desktop.vault.records import CaseRow


class CaseDetailsDialog(QDialog):
    """Forms and profile of ``row``, or of a new case when ``row`` is None."""

    saved = Signal(str)  # the case code

    def __init__(
        self,
        session: VaultSession,
        *,
        row: CaseRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        from desktop.vault.vocabulary import AGE_BANDS, SCHOOL_YEARS
        from desktop.vault.vocabulary import Form as SuspectedForm
        from toolkit.signal_card import load_signal_card

        self.session = session
        self.row = row
        card = load_signal_card(current_language())
        self.code_label = named(QLabel(), "newCaseCode")
        self.forms: dict[str, QCheckBox] = {}
        forms_row = QHBoxLayout()
        for form in SuspectedForm:
            box = named(QCheckBox(card.forms[form.value]), f"form_{form.value}")
            box.setChecked(row is not None and form in row.forms)
            self.forms[form.value] = box
            forms_row.addWidget(box)
        forms_row.addStretch(1)
        self.age_band = named(QComboBox(), "ageBand")
        self.age_band.addItem(_("(niet ingevuld)"), None)
        for band in AGE_BANDS:
            self.age_band.addItem(_("{band} jaar").format(band=band), band)
        self.school_type = named(QComboBox(), "schoolType")
        self.school_type.addItem(_("(niet ingevuld)"), None)
        for key, label in SCHOOL_TYPE_LABELS.items():
            self.school_type.addItem(_(label), key)
        self.school_year = named(QComboBox(), "schoolYear")
        self.school_year.addItem(_("(niet ingevuld)"), None)
        for year in SCHOOL_YEARS:
            self.school_year.addItem(str(year), year)
        if row is not None:
            for combo, value in (
                (self.age_band, row.age_band),
                (self.school_type, row.school_type),
                (self.school_year, row.school_year),
            ):
                combo.setCurrentIndex(max(combo.findData(value), 0))
        self.note = named(QLabel(wordWrap=True), "profileNote")
        self.note.setText(
            _(
                "Alleen wat een verwijzing nodig kan hebben. Nooit een naam of geboortedatum: "
                "de melding heeft een code."
            )
        )
        self.error = named(QLabel(wordWrap=True), "fieldError")
        layout = QFormLayout()
        layout.addRow(_("Code"), self.code_label)
        layout.addRow(_("Vermoeden van"), forms_row)
        layout.addRow(_("Leeftijd"), self.age_band)
        layout.addRow(_("Schooltype"), self.school_type)
        layout.addRow(_("Leerjaar"), self.school_year)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("saveCase")
        self.ok_button.setText(_("Melding maken") if row is None else _("Opslaan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Annuleren"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(layout)
        column.addWidget(self.note)
        column.addWidget(self.error)
        column.addWidget(buttons)
        if row is None:
            self.setWindowTitle(_("Nieuwe melding"))
            self.code_label.setText(
                _("{code} (wordt toegekend bij het maken)").format(code=session.vault.next_code())
            )
        else:
            self.setWindowTitle(_("Gegevens van melding {code}").format(code=row.code))
            self.code_label.setText(row.code)

    def chosen_forms(self) -> list[str]:
        return [key for key, box in self.forms.items() if box.isChecked()]

    def save(self) -> str | None:
        from desktop.vault.errors import VaultError

        details = {
            "forms": self.chosen_forms(),
            "age_band": self.age_band.currentData(),
            "school_type": self.school_type.currentData(),
            "school_year": self.school_year.currentData(),
        }
        try:
            if self.row is None:
                code = self.session.vault.create_case(**details)
            else:
                code = self.row.code
                self.session.vault.set_details(code, **details)
        except VaultError as error:
            self.error.setText(error.message())
            return None
        self.saved.emit(code)
        self.session.changed(code)
        self.accept()
        return code
