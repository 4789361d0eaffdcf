"""The privacy and fact check that runs on a concern's free text before it is saved.

:func:`check` returns what in a text looks like personal data (a name, e-mail address, phone
number, BSN, postcode, address, date of birth or social-media account) and, for an
observation's facts field (``facts=True``), words of interpretation ("volgens mij", "lijkt",
"waarschijnlijk") that belong in the interpretation field. Each :class:`Finding` is a kind and
character offsets; :func:`kind_label` and :func:`kind_hint` say in the app's language what it
is and what the coordinator can do.

The check warns; it never changes the text and it never logs what it found or the text it
read. It is fast enough to run as the coordinator types (well under 10 ms for 2,000
characters): the patterns are compiled once, the word lists read once on first use.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from desktop.concerns import patterns
from desktop.concerns.names import find_names
from desktop.i18n import N_, _


class FindingKind(StrEnum):
    """What a finding is; the values are stable ids (command-line output, tests, settings)."""

    NAME = "name"
    EMAIL = "email"
    PHONE = "phone"
    BSN = "bsn"
    POSTCODE = "postcode"
    ADDRESS = "address"
    BIRTH_DATE = "birth_date"
    HANDLE = "handle"
    INTERPRETATION = "interpretation"


@dataclass(frozen=True, slots=True)
class Finding:
    """``text[start:end]`` looks like ``kind``. Offsets count characters; ``end`` is exclusive."""

    kind: FindingKind
    start: int
    end: int


KIND_LABELS: Mapping[FindingKind, str] = MappingProxyType(
    {
        FindingKind.NAME: N_("Naam"),
        FindingKind.EMAIL: N_("E-mailadres"),
        FindingKind.PHONE: N_("Telefoonnummer"),
        FindingKind.BSN: N_("BSN"),
        FindingKind.POSTCODE: N_("Postcode"),
        FindingKind.ADDRESS: N_("Adres"),
        FindingKind.BIRTH_DATE: N_("Geboortedatum"),
        FindingKind.HANDLE: N_("Account op sociale media"),
        FindingKind.INTERPRETATION: N_("Interpretatie"),
    }
)
"""A short Dutch name for each kind, marked for translation; show it with :func:`kind_label`."""

KIND_HINTS: Mapping[FindingKind, str] = MappingProxyType(
    {
        FindingKind.NAME: N_(
            "Gebruik een rol of de code in plaats van een naam "
            "(bijvoorbeeld 'mentor', 'de leerling')."
        ),
        FindingKind.EMAIL: N_(
            "Laat het e-mailadres weg; schrijf hooguit van wie het is "
            "(bijvoorbeeld 'het adres van de oom')."
        ),
        FindingKind.PHONE: N_(
            "Laat het telefoonnummer weg; schrijf hooguit van wie het is. "
            "Nummers van hulplijnen mogen blijven staan."
        ),
        FindingKind.BSN: N_(
            "Een BSN hoort niet in het logboek. Haal het weg; de administratie van de school "
            "heeft het al."
        ),
        FindingKind.POSTCODE: N_("Laat de postcode weg; een wijk of plaats is meestal genoeg."),
        FindingKind.ADDRESS: N_(
            "Laat straat en huisnummer weg; beschrijf de plek in algemene woorden "
            "(bijvoorbeeld 'een woning vlak bij school')."
        ),
        FindingKind.BIRTH_DATE: N_(
            "Noteer de leeftijd of het leerjaar in plaats van de geboortedatum."
        ),
        FindingKind.HANDLE: N_(
            "Laat de accountnaam weg; noem alleen het platform "
            "(bijvoorbeeld 'een account op Snapchat')."
        ),
        FindingKind.INTERPRETATION: N_(
            "Dit klinkt als een interpretatie. Zet die in het veld Interpretatie; "
            "houd hier alleen wat je zag of hoorde."
        ),
    }
)
"""One line of advice per kind, in Dutch, marked for translation; see :func:`kind_hint`."""


def kind_label(kind: FindingKind) -> str:
    """The label of ``kind`` in the current language."""
    return _(KIND_LABELS[kind])


def kind_hint(kind: FindingKind) -> str:
    """The advice for ``kind`` in the current language."""
    return _(KIND_HINTS[kind])


# Where two findings overlap, the more specific kind wins: an e-mail address over the name in
# it, an address over a street that looks like a name.
_DETECTORS: tuple[tuple[FindingKind, Callable[[str], Iterable[tuple[int, int]]]], ...] = (
    (FindingKind.EMAIL, patterns.find_emails),
    (FindingKind.HANDLE, patterns.find_handles),
    (FindingKind.PHONE, patterns.find_phones),
    (FindingKind.BSN, patterns.find_bsns),
    (FindingKind.BIRTH_DATE, patterns.find_birth_dates),
    (FindingKind.POSTCODE, patterns.find_postcodes),
    (FindingKind.ADDRESS, patterns.find_addresses),
    (FindingKind.NAME, find_names),
)


def check(text: str, *, facts: bool = False) -> list[Finding]:
    """What in ``text`` looks like personal data, and with ``facts`` also interpretation.

    The findings are sorted by ``start`` and never overlap: of two overlapping candidates the
    more specific kind is kept (e-mail, account, phone, BSN, date of birth, postcode, address,
    name, interpretation, in that order), and of two of one kind the longer.
    """
    detectors = list(_DETECTORS)
    if facts:
        detectors.append((FindingKind.INTERPRETATION, patterns.find_interpretations))
    kept: list[Finding] = []  # sorted by start, never overlapping
    starts: list[int] = []
    for kind, detect in detectors:
        spans = sorted(set(detect(text)), key=lambda span: (span[0] - span[1], span[0]))
        for start, end in spans:
            at = bisect.bisect_left(starts, start)
            free = start < end and (at == 0 or kept[at - 1].end <= start)
            if free and (at == len(kept) or end <= kept[at].start):
                kept.insert(at, Finding(kind, start, end))
                starts.insert(at, start)
    return kept
