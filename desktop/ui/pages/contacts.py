"""The settings page's contacts for the contacts sheet (sociale kaart): a list, and a dialog to
add or change one.

The list is part of the page's values (:mod:`desktop.ui.pages.entry_list`), like the recipients
of referral letters. The rules live in :mod:`desktop.contacts`.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.contacts import (
    CONTACT_FIELD_LABELS,
    KINDS,
    LIMITS,
    MAX_CONTACTS,
    ContactEntry,
    entry_problems,
    kind_label,
)
from desktop.i18n import _
from desktop.ui.pages.entry_list import EntriesBox, EntryDialog, EntryRules, line_edit


class ContactDialog(EntryDialog[ContactEntry]):
    """Add or change one contact: kind, organisation, person or department, phone, e-mail and a
    short note."""

    prefix = "contact"
    rules = EntryRules(KINDS, kind_label, CONTACT_FIELD_LABELS, entry_problems, ContactEntry)

    def make_fields(self) -> dict[str, QWidget]:
        edits = {name: line_edit(name, limit) for name, limit in LIMITS.items()}
        self.organisation, self.name = edits["organisation"], edits["name"]
        self.phone, self.email, self.note = edits["phone"], edits["email"], edits["note"]
        return dict(edits)

    def texts(self) -> tuple[str, str]:
        title = _("Contact toevoegen") if self.is_new else _("Contact wijzigen")
        intro = _(
            "Zoals het contact op het contactenblad komt. Een telefoonnummer of e-mailadres is "
            "nodig. Alleen gegevens van organisaties en hun medewerkers, nooit van een leerling."
        )
        return title, intro

    def retranslate(self) -> None:
        super().retranslate()
        self.organisation.setPlaceholderText(_("bijvoorbeeld Veilig Thuis en de naam van de regio"))
        self.name.setPlaceholderText(_("optioneel, bijvoorbeeld een contactpersoon of team"))
        self.phone.setPlaceholderText(_("bijvoorbeeld 030-1234567"))
        self.email.setPlaceholderText(_("naam@organisatie.nl"))
        self.note.setPlaceholderText(_("bijvoorbeeld: bereikbaar ma–vr, vraag naar team jeugd"))


class ContactsBox(EntriesBox[ContactEntry]):
    """The group "Contactenblad (sociale kaart)" on the settings page."""

    max_entries = MAX_CONTACTS
    columns = ("kind", "organisation", "name", "phone")
    fitted = (0, 3)  # the kind and the phone number: the rest for organisation and person
    dialog_type = ContactDialog

    def tooltip(self, entry: ContactEntry) -> str:
        parts = (entry.organisation, entry.name, entry.phone, entry.email, entry.note)
        return "\n".join(filter(None, parts))

    def texts(self) -> dict[str, str]:
        explain = _(
            "Wie de school belt bij zorgen over uitbuiting: de regionale zorgcoördinator "
            "mensenhandel, Veilig Thuis in je regio, de wijkagent, de leerplichtambtenaar. Ze "
            "komen op het contactenblad (Printen), na de zorgcoördinator van de school en vóór "
            "de landelijke nummers. Schoolsignaal kent geen regionale namen of nummers: vul ze "
            "hier zelf in."
        )
        empty = _(
            "Nog geen contacten. Kies Toevoegen… om er een in te vullen; tot dan heeft het "
            "contactenblad lege regels om ze op te schrijven."
        )
        full = _("Ten hoogste {n} contacten. Verwijder er eerst een.")
        return {"title": _("Contactenblad (sociale kaart)"), "explain": explain, "empty": empty,
                "full": full}  # fmt: skip
