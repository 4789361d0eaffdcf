"""Checks on what the screens hand to the vault, with messages for the form.

Every text field takes any Unicode text up to :data:`MAX_TEXT_CHARS` characters and comes back
exactly as given; choices must be one of the vocabulary's ids; dates are calendar dates.
Problems raise :class:`InvalidInput` naming the field.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Iterable
from typing import TypeVar

from desktop.i18n import N_
from desktop.vault.errors import InvalidInput
from desktop.vault.vocabulary import (
    AGE_BANDS,
    SCHOOL_TYPES,
    SCHOOL_YEARS,
    Answer,
    CaseStatus,
    EntryKind,
    Form,
    RecipientKind,
    SharingBasis,
    StepStatus,
)

MAX_TEXT_CHARS = 100_000
MAX_SIGNALS = 200
SIGNAL_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")  # as on the signal card
PLAIN_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
SHA256_HEX = re.compile(r"^[0-9a-f]{64}$")


E = TypeVar("E", CaseStatus, EntryKind, Form, StepStatus, Answer, RecipientKind, SharingBasis)


def choice(kind: type[E], value: object, field: str) -> E:
    try:
        return kind(str(value))
    except ValueError:
        raise InvalidInput(field, N_("Deze keuze is niet bekend.")) from None


def forms(values: Iterable[Form | str]) -> list[Form]:
    chosen = {choice(Form, v, "forms") for v in values}
    return [f for f in Form if f in chosen]


def forms_column(chosen: Iterable[Form]) -> str:
    """``",sexual,criminal,"``: the forms in :class:`Form` order, a comma around each."""
    present = set(chosen)
    return "," + "".join(f"{f.value}," for f in Form if f in present)


def profile(age_band: str | None, school_type: str | None, school_year: int | None) -> None:
    if age_band is not None and age_band not in AGE_BANDS:
        raise InvalidInput("age_band", N_("Deze keuze is niet bekend."))
    if school_type is not None and school_type not in SCHOOL_TYPES:
        raise InvalidInput("school_type", N_("Deze keuze is niet bekend."))
    if school_year is not None and (
        type(school_year) is not int or school_year not in SCHOOL_YEARS
    ):
        raise InvalidInput("school_year", N_("Kies een leerjaar van 1 tot en met 6."))


def calendar_date(field: str, value: object) -> dt.date:
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise InvalidInput(field, N_("Kies een datum."))
    return value


def texts(**fields: str) -> dict[str, str]:
    """The fields unchanged, after checking that each is text the vault can keep."""
    for name, value in fields.items():
        if not isinstance(value, str):
            raise InvalidInput(name, N_("Vul tekst in."))
        if len(value) > MAX_TEXT_CHARS:
            raise InvalidInput(
                name, N_("Deze tekst is te lang: ten hoogste {n} tekens."), n=MAX_TEXT_CHARS
            )
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise InvalidInput(
                name, N_("Deze tekst bevat tekens die niet kunnen worden opgeslagen.")
            ) from None
    return dict(fields)


def signal_ids(values: Iterable[str]) -> list[str]:
    ids = list(values)
    if len(ids) > MAX_SIGNALS or not all(isinstance(s, str) and SIGNAL_ID.match(s) for s in ids):
        raise InvalidInput("signals", N_("Een of meer signalen zijn niet bekend."))
    return ids


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
