"""The settings page's recipients of referral letters: a list, and a dialog to add or change one.

The list is part of the page's values (:mod:`desktop.ui.pages.entry_list`). The rules live in
:mod:`desktop.recipients`.
"""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit, QWidget

from desktop.i18n import _
from desktop.recipients import (
    MAX_NAME,
    MAX_ORGANISATION,
    MAX_RECIPIENTS,
    RECIPIENT_FIELD_LABELS,
    RecipientEntry,
    entry_problems,
    kind_label,
)
from desktop.ui.pages.entry_list import EntriesBox, EntryDialog, EntryRules, line_edit
from desktop.ui.widgets import named
from desktop.vault.vocabulary import RecipientKind


class RecipientDialog(EntryDialog[RecipientEntry]):
    """Add or change one recipient."""

    prefix = "recipient"
    rules = EntryRules(
        kinds=tuple(kind.value for kind in RecipientKind),
        kind_label=kind_label,
        field_labels=RECIPIENT_FIELD_LABELS,
        problems=entry_problems,
        make=RecipientEntry,
    )

    def make_fields(self) -> dict[str, QWidget]:
        self.organisation = line_edit("organisation", MAX_ORGANISATION)
        self.name = line_edit("name", MAX_NAME)
        self.address = named(QPlainTextEdit(), "address")
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(self.address.fontMetrics().lineSpacing() * 6 + 16)
        return {"organisation": self.organisation, "name": self.name, "address": self.address}

    def texts(self) -> tuple[str, str]:
        return (
            _("Ontvanger toevoegen") if self.is_new else _("Ontvanger wijzigen"),
            _(
                "Zoals de ontvanger boven de verwijsbrief komt. Vul alleen gegevens van de "
                "organisatie in, nooit van een leerling."
            ),
        )

    def retranslate(self) -> None:
        super().retranslate()
        self.organisation.setPlaceholderText(_("de naam zoals die boven de brief komt"))
        self.name.setPlaceholderText(_("optioneel, bijvoorbeeld een contactpersoon of team"))
        self.address.setPlaceholderText(_("Straat en nummer of postbus\nPostcode en plaats"))


class RecipientsBox(EntriesBox[RecipientEntry]):
    """The group "Ontvangers van verwijsbrieven" on the settings page."""

    max_entries = MAX_RECIPIENTS
    dialog_type = RecipientDialog

    def tooltip(self, entry: RecipientEntry) -> str:
        return "\n".join(filter(None, [entry.organisation, entry.address]))

    def texts(self) -> dict[str, str]:
        return {
            "title": _("Ontvangers van verwijsbrieven"),
            "explain": _(
                "De organisaties waaraan de school verwijsbrieven stuurt, zoals de regionale "
                "zorgcoördinator mensenhandel en Veilig Thuis in je regio. Schoolsignaal kent "
                "geen regionale namen of nummers: vul ze hier zelf in. Alleen gegevens van "
                "organisaties en hun medewerkers, nooit van leerlingen."
            ),
            "empty": _("Nog geen ontvangers. Kies Toevoegen… om er een in te vullen."),
            "full": _("Ten hoogste {n} ontvangers. Verwijder er eerst een."),
        }
