"""Reading the vault: the case list with its filters, case codes, the log's state.

Functions over an open :class:`~sqlalchemy.orm.Session`; they return the plain dataclasses of
``desktop.vault.records``, never live ORM objects.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import String, exists, func, or_, select, type_coerce
from sqlalchemy.orm import Session

from desktop.vault.audit import GENERATION_KEY, HEAD_KEY
from desktop.vault.errors import CaseNotFound
from desktop.vault.records import CaseRow
from desktop.vault.schema import Case, Entry, Meta
from desktop.vault.validation import escape_like
from desktop.vault.vocabulary import CaseStatus, Form


def next_code(session: Session, year: int) -> str:
    """The code the next case opened in ``year`` gets (``YYYY-NNN``), without taking it."""
    return _free_code(session, year)[0]


def take_code(session: Session, year: int) -> str:
    """``YYYY-NNN``, numbered on per year; a number is never given twice, also after purging."""
    code, number = _free_code(session, year)
    key = f"{COUNTER_PREFIX}{year}"
    counter = session.get(Meta, key)
    if counter is None:
        session.add(Meta(key=key, value=str(number)))
    else:
        counter.value = str(number)
    return code


def _free_code(session: Session, year: int) -> tuple[str, int]:
    counter = session.get(Meta, f"{COUNTER_PREFIX}{year}")
    number = int(counter.value) if counter else 0
    while True:
        number += 1
        code = f"{year}-{number:03d}"
        if session.scalar(select(Case.id).where(Case.code == code)) is None:
            return code, number


COUNTER_PREFIX = "case_counter."


@dataclass(frozen=True)
class LogState:
    """How far a vault had come: its case counters per year and its audit log's head."""

    counters: dict[str, int]  # meta key (``case_counter.2026``) -> last number given
    events: int | None  # the newest audit event's number
    head: str | None  # and its hash
    generation: int = 0  # the restores it had been through (``meta.restores``)


def log_state(session: Session) -> LogState:
    rows = session.execute(
        select(Meta.key, Meta.value).where(
            or_(
                Meta.key.startswith(COUNTER_PREFIX),
                Meta.key == HEAD_KEY,
                Meta.key == GENERATION_KEY,
            )
        )
    )
    return state_of({key: value for key, value in rows})


def state_of(meta: Mapping[str, str]) -> LogState:
    """The :class:`LogState` in the ``meta`` table's rows (``ValueError`` if they are not)."""
    counters = {k: int(v) for k, v in meta.items() if k.startswith(COUNTER_PREFIX)}
    generation = int(meta.get(GENERATION_KEY, "0"))
    head = meta.get(HEAD_KEY)
    if head is None:
        return LogState(counters, None, None, generation)
    seq, _sep, digest = head.partition(":")
    return LogState(counters, int(seq), digest, generation)


def keep_counters(session: Session, counters: Mapping[str, int]) -> None:
    """Raise the case counters to at least ``counters`` (numbers given out before a restore
    are not given again)."""
    for key, number in counters.items():
        if not key.startswith(COUNTER_PREFIX):
            continue
        counter = session.get(Meta, key)
        if counter is None:
            session.add(Meta(key=key, value=str(number)))
        elif int(counter.value) < number:
            counter.value = str(number)


def find_case(session: Session, code: str) -> Case:
    case = session.scalar(select(Case).where(Case.code == code))
    if case is None:
        raise CaseNotFound(code)
    return case


_STATUSES = {s.value: s for s in CaseStatus}


@functools.lru_cache(maxsize=64)
def _forms_of(column: str) -> tuple[Form, ...]:
    return tuple(f for f in Form if f",{f.value}," in column)


def case_row(case: Case, entry_count: int) -> CaseRow:
    """The case list's line of ``case``."""
    return CaseRow(
        case.code,
        _STATUSES[case.status],
        _forms_of(case.forms),
        case.age_band,
        case.school_type,
        case.school_year,
        case.opened_on,
        case.updated_at,
        case.closed_on,
        case.retain_until,
        entry_count,
        case.last_entry_on,
        case.step,
        case.recheck_on,
        case.acute_on,
        case.open_referrals,
        case.referral_recheck_on,
    )


@functools.lru_cache(maxsize=4096)
def _day(text: str | None) -> dt.date | None:
    return None if text is None else dt.date.fromisoformat(text)


def _listed_row(
    code: str,
    status: str,
    forms: str,
    age_band: str | None,
    school_type: str | None,
    school_year: int | None,
    opened_on: str,
    updated_at: str,
    closed_on: str | None,
    retain_until: str | None,
    entry_count: int,
    last_entry_on: str | None,
    step: int,
    recheck_on: str | None,
    acute_on: str | None,
    open_referrals: int,
    referral_recheck_on: str | None,
) -> CaseRow:
    """A :class:`CaseRow` from the columns of :data:`LIST_COLUMNS`, dates as stored."""
    opened = _day(opened_on)
    assert opened is not None
    return CaseRow(
        code,
        _STATUSES[status],
        _forms_of(forms),
        age_band,
        school_type,
        school_year,
        opened,
        dt.datetime.fromisoformat(updated_at),
        _day(closed_on),
        _day(retain_until),
        entry_count,
        _day(last_entry_on),
        step,
        _day(recheck_on),
        _day(acute_on),
        open_referrals,
        _day(referral_recheck_on),
    )


def _as_stored(column: Any) -> Any:
    """``column`` as the text it is stored as: the list parses dates itself (with a cache:
    many cases share a date), which halves its time over the column types' own parsing."""
    return type_coerce(column, String)


# The case list's columns, in the order of _listed_row: the case table alone.
LIST_COLUMNS = (
    Case.code,
    Case.status,
    Case.forms,
    Case.age_band,
    Case.school_type,
    Case.school_year,
    _as_stored(Case.opened_on),
    _as_stored(Case.updated_at),
    _as_stored(Case.closed_on),
    _as_stored(Case.retain_until),
    Case.entry_count,
    _as_stored(Case.last_entry_on),
    Case.step,
    _as_stored(Case.recheck_on),
    _as_stored(Case.acute_on),
    Case.open_referrals,
    _as_stored(Case.referral_recheck_on),
)
ENTRY_TEXTS = (Entry.facts, Entry.interpretation, Entry.who, Entry.pupil_words)


def list_cases(
    session: Session,
    *,
    status: Iterable[CaseStatus] | None = None,
    form: Form | None = None,
    text: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    acute_only: bool = False,
    overdue_on: dt.date | None = None,
) -> list[CaseRow]:
    """Cases, newest first, filtered (see ``desktop.vault.cases.cases``); the case table
    alone is read, but for a text search."""
    query = select(*LIST_COLUMNS)
    if status is not None:
        query = query.where(Case.status.in_([s.value for s in status]))
    if form is not None:
        query = query.where(func.instr(Case.forms, f",{form.value},") > 0)
    if text:
        pattern = "%" + escape_like(text) + "%"
        query = query.where(
            or_(
                Case.code.like(pattern, escape="\\"),
                exists().where(
                    Entry.case_id == Case.id,
                    or_(*(column.like(pattern, escape="\\") for column in ENTRY_TEXTS)),
                ),
            )
        )
    if since is not None:
        query = query.where(Case.opened_on >= since)
    if until is not None:
        query = query.where(Case.opened_on <= until)
    if acute_only:
        query = query.where(Case.acute_on.is_not(None))
    if overdue_on is not None:  # as CaseRow.overdue
        query = query.where(Case.recheck_on < overdue_on, Case.status != CaseStatus.CLOSED.value)
    query = query.order_by(Case.opened_on.desc(), Case.id.desc())
    # On the session's connection (Core): no ORM loading for plain columns. More columns
    # than the type checker follows through ``select``: the rows as plain tuples.
    rows = cast("Iterable[tuple[Any, ...]]", session.connection().execute(query))
    return [_listed_row(*row) for row in rows]
