"""Checks on what the screens hand to the vault, with messages for the form.

Every text field takes any Unicode text up to :data:`MAX_TEXT_CHARS` characters and comes back
exactly as given; choices must be one of the vocabulary's ids; dates are calendar dates in the
years :data:`FIRST_YEAR` to :data:`LAST_YEAR`; numbers are whole numbers (``int``, not a float
or a bool); a list is a list (a string given where a list belongs is refused, not taken letter
by letter). Problems raise :class:`InvalidInput` naming the field.

A refusal never repeats the value it was given (a case text or a file name could reach a log
that way): the messages say what is wrong and what to do, with limits only. The checks are
also made outside ``except`` blocks, so that the refusal does not carry the failed conversion
(a ``UnicodeEncodeError`` holds the whole text) as its context.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TypeVar

from desktop.i18n import N_
from desktop.vault import kdf, recovery
from desktop.vault.errors import InvalidInput
from desktop.vault.sharing import ConsentForm, ConsentFrom, NotToldReason, ReferralStatus
from desktop.vault.vocabulary import (
    AGE_BANDS,
    SCHOOL_TYPES,
    SCHOOL_YEARS,
    Answer,
    CaseStatus,
    ClosingOutcome,
    EntryKind,
    Form,
    RecipientKind,
    SharingBasis,
    StepStatus,
)

MAX_TEXT_CHARS = 100_000
MAX_SEARCH_CHARS = 200
MAX_SIGNALS = 200
MAX_SIGNAL_CHARS = 64
MAX_SECTIONS = 100
MAX_ENTRY_LINKS = 1000  # entries of the chronology one afwegingskader record refers to
MAX_NAME_BYTES = 255  # one part of a file's path, on every file system the app runs on
FIRST_YEAR, LAST_YEAR = 1900, 2199  # far inside what dt.date can add a retention period to
FIRST_DAY, LAST_DAY = dt.date(FIRST_YEAR, 1, 1), dt.date(LAST_YEAR, 12, 31)
ENTRY_IDS = range(1, 2**63)  # SQLite's INTEGER PRIMARY KEY
SIGNAL_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")  # as on the signal card; fullmatch
PLAIN_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,39}")  # fullmatch
SHA256_HEX = re.compile(r"[0-9a-fA-F]{64}")  # fullmatch
CASE_CODE = re.compile(r"[0-9]{4}-[0-9]{3,12}")  # ``2026-001``; fullmatch


E = TypeVar(
    "E",
    CaseStatus,
    ClosingOutcome,
    EntryKind,
    Form,
    StepStatus,
    Answer,
    RecipientKind,
    SharingBasis,
    ConsentFrom,
    ConsentForm,
    NotToldReason,
    ReferralStatus,
)

UNKNOWN_CHOICE = N_("Deze keuze is niet bekend.")
PICK_FROM_LIST = N_("Kies een of meer uit de lijst.")
NOT_OF_THIS_CASE = N_("Koppel alleen notities uit de tijdlijn van deze melding.")


def choice(kind: type[E], value: object, field: str) -> E:
    """The member of ``kind`` whose id is ``value`` (a member itself, or its id)."""
    if isinstance(value, str):
        for member in kind:
            if member.value == value:
                return member
    raise InvalidInput(field, UNKNOWN_CHOICE)


def listed(field: str, values: object, limit: int, problem: str = PICK_FROM_LIST) -> list[object]:
    """The items of ``values``, a list, tuple, set or other iterable of at most ``limit``.

    A string (or bytes) is refused rather than taken letter by letter, and so is anything
    that is not a collection at all.
    """
    if isinstance(values, str | bytes | bytearray) or not isinstance(values, Iterable):
        raise InvalidInput(field, problem)
    items = list(itertools.islice(values, limit + 1))
    if len(items) > limit:
        raise InvalidInput(field, problem)
    return items


def forms(values: Iterable[Form | str]) -> list[Form]:
    chosen = {choice(Form, v, "forms") for v in listed("forms", values, len(Form) * 4)}
    return [f for f in Form if f in chosen]


def statuses(value: object) -> list[CaseStatus]:
    """One status, or a list of them (a filter of the case list)."""
    wanted = [value] if isinstance(value, str) else listed("status", value, len(CaseStatus) * 4)
    return [choice(CaseStatus, s, "status") for s in wanted]


def answers(values: object) -> tuple[Answer, Answer, Answer, Answer, Answer]:
    """The afwegingskader's five answers, in order."""
    problem = N_("Het afwegingskader heeft vijf vragen.")
    given = listed("answers", values, 5, problem)
    if len(given) != 5:
        raise InvalidInput("answers", problem)
    first, second, third, fourth, fifth = (choice(Answer, a, "answers") for a in given)
    return first, second, third, fourth, fifth


def answer_dates(
    values: object, five: tuple[Answer, Answer, Answer, Answer, Answer], today: dt.date
) -> list[dt.date | None]:
    """The date each of the afwegingskader's answers was given: a date for an answered
    question, None for one not answered yet. Not given (None): ``today`` for each answer."""
    if values is None:
        return [None if a is Answer.UNKNOWN else today for a in five]
    problem = N_("Geef bij elke beantwoorde vraag een datum, en bij een open vraag geen.")
    given = listed("answered_on", values, 5, problem)
    if len(given) != 5 or any(
        (answer is Answer.UNKNOWN) != (day is None) for answer, day in zip(five, given, strict=True)
    ):
        raise InvalidInput("answered_on", problem)
    return [optional_date("answered_on", day) for day in given]


def linked_entries(values: object) -> list[int]:
    """Entry ids, each once, in the order given (whether they are the case's is checked
    where the case is at hand)."""
    given = listed("entry_ids", values, MAX_ENTRY_LINKS, NOT_OF_THIS_CASE)
    ids = [whole_number("entry_ids", i, ENTRY_IDS, NOT_OF_THIS_CASE) for i in given]
    return list(dict.fromkeys(ids))


def forms_column(chosen: Iterable[Form]) -> str:
    """``",sexual,criminal,"``: the forms in :class:`Form` order, a comma around each."""
    present = set(chosen)
    return "," + "".join(f"{f.value}," for f in Form if f in present)


def profile(age_band: object, school_type: object, school_year: object) -> None:
    if age_band is not None and (not isinstance(age_band, str) or age_band not in AGE_BANDS):
        raise InvalidInput("age_band", UNKNOWN_CHOICE)
    if school_type is not None and (
        not isinstance(school_type, str) or school_type not in SCHOOL_TYPES
    ):
        raise InvalidInput("school_type", UNKNOWN_CHOICE)
    if school_year is not None:
        whole_number(
            "school_year", school_year, SCHOOL_YEARS, N_("Kies een leerjaar van 1 tot en met 6.")
        )


def whole_number(field: str, value: object, allowed: range, problem: str, **limits: int) -> int:
    """``value`` if it is an ``int`` (not a bool, not a float) in ``allowed``."""
    if type(value) is not int or value not in allowed:
        raise InvalidInput(field, problem, **limits)
    return value


def retention_months(value: object, allowed: range) -> int:
    return whole_number(
        "retention_months",
        value,
        allowed,
        N_("Kies een bewaartermijn van {low} tot en met {high} maanden."),
        low=allowed.start,
        high=allowed.stop - 1,
    )


def step(value: object, allowed: range) -> int:
    return whole_number(
        "step", value, allowed, N_("De meldcode heeft vijf stappen: kies 1 tot en met 5.")
    )


def year(value: object) -> int:
    return whole_number(
        "year",
        value,
        range(FIRST_YEAR, LAST_YEAR + 1),
        N_("Kies een jaar van {first} tot en met {last}."),
        first=FIRST_YEAR,
        last=LAST_YEAR,
    )


def entry_id(value: object) -> int:
    return whole_number(
        "entry_id",
        value,
        ENTRY_IDS,
        N_("Deze notitie is niet gevonden. Open de melding opnieuw en kies de notitie daar."),
    )


def case_code(value: object) -> str:
    """A case code as the vault makes them (``2026-001``); whether it exists is not checked."""
    if not isinstance(value, str) or not CASE_CODE.fullmatch(value):
        raise InvalidInput(
            "code",
            N_("Dit is geen code van een melding (zoals 2026-001). Kies de melding in de lijst."),
        )
    return value


def calendar_date(field: str, value: object) -> dt.date:
    """A date (not a datetime) in the years :data:`FIRST_YEAR` to :data:`LAST_YEAR`."""
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise InvalidInput(field, N_("Kies een datum."))
    if not FIRST_DAY <= value <= LAST_DAY:
        raise InvalidInput(
            field,
            N_("Kies een datum in de jaren {first} tot en met {last}."),
            first=FIRST_YEAR,
            last=LAST_YEAR,
        )
    return value


def flag(field: str, value: object) -> bool:
    """A yes or no (``True``/``False``, nothing else)."""
    if type(value) is not bool:
        raise InvalidInput(field, N_("Kies ja of nee."))
    return value


def optional_date(field: str, value: object) -> dt.date | None:
    return None if value is None else calendar_date(field, value)


def encodable(text: str) -> bool:
    """Whether ``text`` can be written as UTF-8 (a lone surrogate cannot)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def texts(**fields: object) -> dict[str, str]:
    """The fields unchanged, after checking that each is text the vault can keep."""
    kept: dict[str, str] = {}
    for name, value in fields.items():
        if not isinstance(value, str):
            raise InvalidInput(name, N_("Vul tekst in."))
        if len(value) > MAX_TEXT_CHARS:
            raise InvalidInput(
                name, N_("Deze tekst is te lang: ten hoogste {n} tekens."), n=MAX_TEXT_CHARS
            )
        if not encodable(value):
            raise InvalidInput(
                name, N_("Deze tekst bevat tekens die niet kunnen worden opgeslagen.")
            )
        kept[name] = value
    return kept


def reason(field: str, value: object, problem: str) -> str:
    """Text that says why (a correction, a status change, a step skipped): not empty, not
    only spaces; ``problem`` is the message when it is."""
    text = texts(**{field: value})[field]
    if not text.strip():
        raise InvalidInput(field, problem)
    return text


def search_text(value: object) -> str | None:
    """What to search the cases for: None, or text of at most :data:`MAX_SEARCH_CHARS`."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidInput("text", N_("Vul tekst in."))
    if len(value) > MAX_SEARCH_CHARS:
        raise InvalidInput("text", N_("Zoek op ten hoogste {n} tekens."), n=MAX_SEARCH_CHARS)
    if not encodable(value):
        raise InvalidInput(
            "text", N_("De zoektekst bevat tekens die niet kunnen worden gezocht. Typ hem opnieuw.")
        )
    return value


def signal_ids(values: object) -> list[str]:
    problem = N_("Een of meer signalen zijn niet bekend.")
    ids = listed("signals", values, MAX_SIGNALS, problem)
    if not all(
        isinstance(s, str) and len(s) <= MAX_SIGNAL_CHARS and SIGNAL_ID.fullmatch(s) for s in ids
    ):
        raise InvalidInput("signals", problem)
    return [str(s) for s in ids]


DOCUMENT_KINDS = ("referral_letter",)


def document_kind(value: object) -> str:
    """The kind of document made from a case: one the vault knows (``referral_letter``), so
    that no other name skips the rules a referral letter is held to."""
    if not isinstance(value, str) or value not in DOCUMENT_KINDS:
        raise InvalidInput("what", N_("Dit soort document is niet bekend."))
    return value


def sha256(value: object) -> str:
    """A SHA-256 in hexadecimal, in lower case."""
    if not isinstance(value, str) or not SHA256_HEX.fullmatch(value):
        raise InvalidInput(
            "sha256",
            N_(
                "De controlecode van het document klopt niet: 64 tekens, cijfers en a tot en met f."
            ),
        )
    return value.lower()


def section_ids(values: object) -> list[str]:
    problem = N_("Een of meer onderdelen van het document zijn niet bekend.")
    ids = listed("sections", values, MAX_SECTIONS, problem)
    if not all(isinstance(s, str) and PLAIN_ID.fullmatch(s) for s in ids):
        raise InvalidInput("sections", problem)
    return [str(s) for s in ids]


def file_path(field: str, value: object) -> Path:
    """A file's path: text or a path object, that the file system can take."""
    if not isinstance(value, str | os.PathLike):
        raise InvalidInput(field, N_("Kies een bestand."))
    name = os.fspath(value)
    if not isinstance(name, str) or not name or not Path(name).name:  # "", "/", "C:\\"
        raise InvalidInput(field, N_("Kies een bestand."))
    if "\x00" in name or not _file_system_can_take(name) or _too_long(name):
        raise InvalidInput(
            field, N_("Deze bestandsnaam kan niet worden gebruikt. Kies een andere naam.")
        )
    return Path(name)


def _too_long(name: str) -> bool:
    """Whether a part of the path is longer than file systems allow (255 bytes)."""
    return any(len(os.fsencode(part)) > MAX_NAME_BYTES for part in Path(name).parts)


def _file_system_can_take(name: str) -> bool:
    try:
        os.fsencode(name)
    except UnicodeEncodeError:
        return False
    return True


def one_secret(passphrase: object, recovery_key: object) -> None:
    """A passphrase or a recovery key, one of the two, as text (to open a vault)."""
    if passphrase is None and recovery_key is None:
        raise InvalidInput("passphrase", N_("Vul het wachtwoord of de herstelsleutel in."))
    if passphrase is not None and recovery_key is not None:
        raise InvalidInput(
            "passphrase", N_("Vul het wachtwoord óf de herstelsleutel in, niet allebei.")
        )
    if passphrase is not None:
        kdf.check_passphrase_text(passphrase)
    else:
        recovery.check_text(recovery_key)


def escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus ``months`` calendar months; the 31st becomes the month's last day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        with contextlib.suppress(ValueError):
            return dt.date(year, month, min(day.day, candidate))
    raise AssertionError("unreachable")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)
