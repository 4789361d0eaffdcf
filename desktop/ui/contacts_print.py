"""Contactenblad afdrukken: the school's contacts sheet (sociale kaart) in the print dialog.

The sheet is made by :func:`desktop.printing.contacts_sheet_pdf` from the settings: the
coordinator, the contacts the school entered (Instellingen, "Contactenblad (sociale kaart)") and
the national lines. Without contacts it still prints, with empty rows to write them in, and
the dialog says where to add them.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from desktop import i18n, printing
from desktop.i18n import LANGUAGE_NAMES, LANGUAGES, _
from desktop.school_profile import SchoolProfile
from desktop.ui.print_dialog import PdfPreviewDialog
from desktop.ui.widgets import named


class ContactsSheetPrintDialog(PdfPreviewDialog):
    """The contacts sheet in the language chosen (the app's, at first)."""

    def __init__(self, profile: SchoolProfile, parent: QWidget | None = None) -> None:
        super().__init__(_("Contactenblad afdrukken"), profile.paths.documents, parent)
        self.profile = profile
        self.language = self.add_choice(
            _("Taal:"), "printLanguage", [(LANGUAGE_NAMES[code], code) for code in LANGUAGES]
        )
        self.language.setCurrentIndex(self.language.findData(i18n.current_language()))
        self.advice = named(QLabel(wordWrap=True), "contactsAdvice")
        self.advice.setText(self._advice())
        self.advice.setVisible(bool(self.advice.text()))
        self.form.addRow(self.advice)
        self.refresh()

    def _advice(self) -> str:
        """Where to add what the sheet lacks; "" when it has contacts and a coordinator."""
        settings = self.profile.settings
        parts = []
        if not settings.contacts:
            parts.append(
                _(
                    "Er staan nog geen regionale contacten in de instellingen: het blad heeft "
                    "lege regels om ze op te schrijven. Voeg ze toe bij Instellingen, "
                    "Contactenblad (sociale kaart)."
                )
            )
        if not (settings.coordinator_name or settings.coordinator_phone):
            parts.append(
                _("De zorgcoördinator van de school vul je in bij Instellingen, Zorgcoördinator.")
            )
        return " ".join(parts)

    def refresh(self) -> None:
        if hasattr(self, "advice"):  # all choices are there
            super().refresh()

    def build(self) -> bytes:
        return printing.contacts_sheet_pdf(
            self.profile.settings, self.language.currentData(), logo=self.profile.logo()
        )

    def file_name(self) -> str:
        return printing.contacts_sheet_file_name(self.language.currentData())


def open_contacts_sheet_printing(page: QWidget) -> ContactsSheetPrintDialog | None:
    """Open the dialog over the main window of ``page``, with the school's settings (its
    ``profile``); None where there is none (a page shown on its own)."""
    window = page.window()
    profile = getattr(window, "profile", None)
    if not isinstance(profile, SchoolProfile):
        return None
    dialog = ContactsSheetPrintDialog(profile, window)
    dialog.setModal(True)
    dialog.show()
    return dialog
