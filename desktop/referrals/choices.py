"""What the coordinator chose for one letter, and whether a letter may be made from it.

Nothing here is stored as it is: the vault keeps the recipient's kind and organisation, the
basis, who was told, the ids of the entries and the PDF's hash (``desktop.vault.documents``).
The pupil's :class:`Identity` is typed for one letter and printed in it, and kept nowhere.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from desktop.i18n import N_, _

if TYPE_CHECKING:
    from desktop.recipients import RecipientEntry
    from desktop.vault.records import CaseRow
    from desktop.vault.sharing import Basis, Told


class EntryUse(StrEnum):
    """How one chronology entry goes into the letter. Left out unless the coordinator ticks it."""

    LEFT_OUT = "left_out"
    FACTS_ONLY = "facts_only"  # the facts, the pupil's words, who and the signals
    WITH_INTERPRETATION = "with_interpretation"  # and the interpretation, printed apart


ENTRY_USE_LABELS = {
    EntryUse.LEFT_OUT: N_("Niet opnemen"),
    EntryUse.FACTS_ONLY: N_("Alleen feiten"),
    EntryUse.WITH_INTERPRETATION: N_("Met interpretatie"),
}

# The sections the coordinator writes or edits, in the letter's order (toolkit.referral_letter).
TEXT_KEYS = ("reason", "pupil", "meldcode", "safety", "knows", "request", "involved", "contact")


@dataclass(frozen=True)
class Identity:
    """The pupil's name, date of birth and gender, where the recipient needs them: typed in
    the export dialog, printed in that one letter, stored nowhere. Empty by default: the
    letter names the pupil by the case's code."""

    name: str = ""
    date_of_birth: str = ""
    gender: str = ""

    def __repr__(self) -> str:  # never into a log or a traceback's locals by accident
        return "Identity(…)"

    def words(self) -> tuple[str, ...]:
        """The parts of the name a file name must not hold (three letters or more)."""
        return tuple(w.casefold() for w in self.name.split() if len(w) >= 3)

    def named_in(self, text: str) -> bool:
        """Whether ``text`` holds a part of the typed name (or the date of birth)."""
        folded = text.casefold()
        birth = self.date_of_birth.strip()
        return any(w in folded for w in self.words()) or bool(birth and birth in text)


@dataclass(frozen=True)
class LetterChoices:
    recipient: RecipientEntry | None = None
    basis: Basis | None = None
    told: Told | None = None
    pupil_16_plus: bool | None = None  # the case's age band, or the coordinator's answer
    entries: Mapping[int, EntryUse] = field(default_factory=dict)
    texts: Mapping[str, str] = field(default_factory=dict)
    identity: Identity = field(default_factory=Identity)

    def __repr__(self) -> str:
        return "LetterChoices(…)"

    def ticked(self) -> tuple[int, ...]:
        return tuple(i for i, use in self.entries.items() if use is not EntryUse.LEFT_OUT)


def kept_texts(choices: LetterChoices) -> dict[str, str]:
    """The free text the vault keeps with the referral (it does not keep the letter's own
    words): the conflict van plichten's answers and why a party was not told."""
    texts = {}
    basis = choices.basis
    if basis is not None and basis.conflict is not None:
        texts["conflict_why"] = basis.conflict.why_only_way
        texts["conflict_efforts"] = basis.conflict.consent_efforts
    if choices.told is not None:
        why = (choices.told.pupil.explanation, choices.told.parents.explanation)
        texts["told_explanation"] = "\n".join(w for w in why if w)
    return {key: text for key, text in texts.items() if text.strip()}


def problems(
    choices: LetterChoices, row: CaseRow, *, signatory_name: str, today: dt.date
) -> dict[str, str]:
    """What stands between these choices and a letter, by field, in words that say how to
    fix it. Empty: the letter may be made. The law's rules are the vault's
    (:func:`desktop.vault.sharing_rules.problems`), so the vault refuses the same things."""
    from desktop.vault import sharing_rules
    from desktop.vault.vocabulary import RecipientKind

    found: dict[str, str] = {}
    if choices.recipient is None:
        found["recipient"] = _(
            "Kies een ontvanger. Staat de organisatie er niet bij? Voeg haar toe bij "
            "Instellingen, onder Ontvangers van verwijsbrieven."
        )
        kind = RecipientKind.OTHER
    else:
        kind = RecipientKind(choices.recipient.kind)
    found.update(
        sharing_rules.problems(
            kind,
            choices.basis,
            choices.told,
            pupil_16_plus=choices.pupil_16_plus,
            today=today,
            opened_on=row.opened_on,
        )
    )
    named = [key for key, text in kept_texts(choices).items() if choices.identity.named_in(text)]
    if named:
        found[named[0]] = _(
            "Deze tekst noemt de naam die je voor de brief typte. De kluis bewaart deze tekst "
            "bij de verwijzing, en een naam hoort daar niet in: laat hem weg of gebruik de "
            "code van de melding."
        )
    if not choices.texts.get("request", "").strip():
        found["request"] = _("Schrijf de hulpvraag: wat vraagt de school van de ontvanger?")
    if not signatory_name.strip():
        found["signatory"] = _(
            "De brief wordt ondertekend door de zorgcoördinator. Vul diens naam in bij "
            "Instellingen."
        )
    return found
