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

from sqlalchemy import exists, func, or_, select
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


def case_row(
    code: str,
    status: str,
    forms: str,
    age_band: str | None,
    school_type: str | None,
    school_year: int | None,
    opened_on: dt.date,
    updated_at: dt.datetime,
    closed_on: dt.date | None,
    retain_until: dt.date | None,
    entry_count: int,
    last_entry_on: dt.date | None,
    step: int,
    recheck_on: dt.date | None,
    acute_on: dt.date | None,
) -> CaseRow:
    """A :class:`CaseRow` from the columns of :data:`ROW_COLUMNS`, in that order."""
    return CaseRow(
        code,
        _STATUSES[status],
        _forms_of(forms),
        age_band,
        school_type,
        school_year,
        opened_on,
        updated_at,
        closed_on,
        retain_until,
        entry_count,
        last_entry_on,
        step,
        recheck_on,
        acute_on,
    )


ROW_COLUMNS = (
    Case.code,
    Case.status,
    Case.forms,
    Case.age_band,
    Case.school_type,
    Case.school_year,
    Case.opened_on,
    Case.updated_at,
    Case.closed_on,
    Case.retain_until,
    Case.entry_count,
    Case.last_entry_on,
    Case.step,
    Case.recheck_on,
    Case.acute_on,
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
    query = select(*ROW_COLUMNS)
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
    # More columns than the type checker follows through ``select``: rows as plain tuples.
    rows = cast("Iterable[tuple[Any, ...]]", session.execute(query))
    return [case_row(*row) for row in rows]
