"""What each kind of chronology entry asks for, and in which words.

An observation (waarneming) keeps facts, the pupil's own words and the interpretation apart,
and says who saw or heard it as a role; a consultation (collegiale consultatie, or advice from
Veilig Thuis) says with whom; a conversation (gesprek) with the pupil or parents may hold a
spontaneous disclosure (onthulling), which makes the case acute.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.i18n import N_


@dataclass(frozen=True)
class EntryFields:
    date_label: str
    facts_label: str
    facts_placeholder: str
    who_label: str
    pupil_words: bool = False
    interpretation: bool = True
    signals: bool = False
    disclosure: bool = False
    observed: bool = False  # the facts are what was seen or heard: interpretation is flagged


KINDS: dict[str, EntryFields] = {
    "observation": EntryFields(
        date_label=N_("Wanneer gezien of gehoord"),
        facts_label=N_("Wat zag of hoorde je? Alleen feiten"),
        facts_placeholder=N_(
            "Bijvoorbeeld: Na het achtste uur stapte de leerling bij het hek in een auto met "
            "een oudere jongen."
        ),
        who_label=N_("Wie zag of hoorde het (een rol, geen naam)"),
        pupil_words=True,
        signals=True,
        disclosure=True,
        observed=True,
    ),
    "conversation": EntryFields(
        date_label=N_("Datum van het gesprek"),
        facts_label=N_("Wat is besproken?"),
        facts_placeholder=N_("Wat vertelde de leerling of de ouder, en wat is afgesproken?"),
        who_label=N_("Wie waren erbij (rollen)"),
        pupil_words=True,
        disclosure=True,
        observed=True,
    ),
    "consultation": EntryFields(
        date_label=N_("Datum van de consultatie"),
        facts_label=N_("Wat is besproken en geadviseerd?"),
        facts_placeholder=N_("Bijvoorbeeld: advies van Veilig Thuis, anoniem besproken."),
        who_label=N_("Met wie (rol of organisatie)"),
    ),
    "decision": EntryFields(
        date_label=N_("Datum van het besluit"),
        facts_label=N_("Wat is besloten, en waarom?"),
        facts_placeholder="",
        who_label=N_("Wie besloot (rollen)"),
        interpretation=False,
    ),
    "note": EntryFields(
        date_label=N_("Datum"),
        facts_label=N_("Notitie"),
        facts_placeholder="",
        who_label=N_("Van wie (rol)"),
    ),
}

ROLES = (
    N_("mentor"),
    N_("docent"),
    N_("zorgcoördinator"),
    N_("teamleider"),
    N_("conciërge"),
    N_("schoolmaatschappelijk werker"),
    N_("vertrouwenspersoon"),
    N_("medeleerling"),
    N_("ouder of verzorger"),
    N_("Veilig Thuis"),
)
