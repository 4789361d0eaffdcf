"""Reading the vault: the case list with its filters, one case in full, case codes.

Functions over an open :class:`~sqlalchemy.orm.Session`; they return the plain dataclasses of
``desktop.vault.records``, never live ORM objects.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import exists, func, or_, select
from sqlalchemy.orm import Session

from desktop.vault.audit import GENERATION_KEY, HEAD_KEY
from desktop.vault.errors import CaseNotFound
from desktop.vault.records import (
    AssessmentView,
    CaseDetail,
    CaseRow,
    EntryText,
    EntryView,
    ReferralView,
    StepView,
)
from desktop.vault.schema import (
    Assessment,
    Case,
    Entry,
    EntryRevision,
    MeldcodeStepRecord,
    Meta,
    Referral,
)
from desktop.vault.validation import choice, escape_like
from desktop.vault.vocabulary import (
    MELDCODE_STEPS,
    Answer,
    CaseStatus,
    EntryKind,
    Form,
    RecipientKind,
    Recommendation,
    SharingBasis,
    StepStatus,
)


def next_code(session: Session, year: int) -> str:
    """``YYYY-NNN``, numbered on per year; a number is never given twice, also after purging."""
    key = f"{COUNTER_PREFIX}{year}"
    counter = session.get(Meta, key)
    number = int(counter.value) if counter else 0
    while True:
        number += 1
        code = f"{year}-{number:03d}"
        if session.scalar(select(Case.id).where(Case.code == code)) is None:
            break
    if counter is None:
        session.add(Meta(key=key, value=str(number)))
    else:
        counter.value = str(number)
    return code


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


def _case_row(
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
) -> CaseRow:
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
    )


def _entry_text(
    revision: int,
    occurred_on: dt.date,
    texts: Entry | EntryRevision,
    signals: str,
    saved_at: dt.datetime,
) -> EntryText:
    return EntryText(
        revision=revision,
        occurred_on=occurred_on,
        facts=texts.facts,
        interpretation=texts.interpretation,
        who=texts.who,
        signals=tuple(json.loads(signals)),
        saved_at=saved_at,
    )


def _step_view(record: MeldcodeStepRecord) -> StepView:
    return StepView(
        step=record.step,
        status=StepStatus(record.status),
        done_on=record.done_on,
        note=record.note,
        saved_at=record.saved_at,
    )


def _assessment_view(record: Assessment) -> AssessmentView:
    return AssessmentView(
        answers=(
            Answer(record.suspicion),
            Answer(record.unsafe),
            Answer(record.can_help),
            Answer(record.accepted),
            Answer(record.lasting_safety),
        ),
        recommendation=Recommendation(record.recommendation),
        note=record.note,
        saved_at=record.saved_at,
    )


def _referral_view(record: Referral) -> ReferralView:
    return ReferralView(
        id=record.id,
        channel=record.channel,
        document=record.document,
        recipient_kind=RecipientKind(record.recipient_kind),
        recipient=record.recipient,
        basis=SharingBasis(record.basis),
        sections=tuple(json.loads(record.sections)),
        sha256=record.sha256,
        made_at=record.made_at,
    )


def list_cases(
    session: Session,
    *,
    status: CaseStatus | str | Iterable[CaseStatus | str] | None = None,
    form: Form | str | None = None,
    text: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[CaseRow]:
    """Cases, newest first, filtered by status, suspected form, text and opening date.

    ``text`` matches the code and the current text of the entries (facts, interpretation,
    who); letters A-Z match in either case, other letters as typed. ``since`` and
    ``until`` bound the date the case was opened, both included.
    """
    query = select(
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
    )
    if status is not None:
        wanted = [status] if isinstance(status, str) else list(status)
        query = query.where(
            Case.status.in_([choice(CaseStatus, s, "status").value for s in wanted])
        )
    if form is not None:
        chosen = choice(Form, form, "form").value
        query = query.where(func.instr(Case.forms, f",{chosen},") > 0)
    if text:
        pattern = "%" + escape_like(text) + "%"
        query = query.where(
            or_(
                Case.code.like(pattern, escape="\\"),
                exists().where(
                    Entry.case_id == Case.id,
                    or_(
                        Entry.facts.like(pattern, escape="\\"),
                        Entry.interpretation.like(pattern, escape="\\"),
                        Entry.who.like(pattern, escape="\\"),
                    ),
                ),
            )
        )
    if since is not None:
        query = query.where(Case.opened_on >= since)
    if until is not None:
        query = query.where(Case.opened_on <= until)
    query = query.order_by(Case.opened_on.desc(), Case.id.desc())
    return [_case_row(*row) for row in session.execute(query)]


def load_case(session: Session, code: str) -> CaseDetail:
    """Everything in one case: the chronology with earlier texts, steps, answers, referrals."""
    case = find_case(session, code)
    entries = session.scalars(
        select(Entry).where(Entry.case_id == case.id).order_by(Entry.occurred_on, Entry.id)
    ).all()
    earlier: dict[int, list[EntryText]] = {}
    revisions = session.scalars(
        select(EntryRevision)
        .join(Entry, Entry.id == EntryRevision.entry_id)
        .where(Entry.case_id == case.id)
        .order_by(EntryRevision.entry_id, EntryRevision.revision)
    )
    for rev in revisions:
        earlier.setdefault(rev.entry_id, []).append(
            _entry_text(rev.revision, rev.occurred_on, rev, rev.signals, rev.saved_at)
        )
    steps = session.scalars(
        select(MeldcodeStepRecord)
        .where(MeldcodeStepRecord.case_id == case.id)
        .order_by(MeldcodeStepRecord.id)
    ).all()
    assessments = session.scalars(
        select(Assessment).where(Assessment.case_id == case.id).order_by(Assessment.id)
    ).all()
    referrals = session.scalars(
        select(Referral).where(Referral.case_id == case.id).order_by(Referral.id)
    ).all()
    entry_count = len(entries)
    row = _case_row(
        case.code,
        case.status,
        case.forms,
        case.age_band,
        case.school_type,
        case.school_year,
        case.opened_on,
        case.updated_at,
        case.closed_on,
        case.retain_until,
        entry_count,
    )
    step_history = tuple(_step_view(s) for s in steps)
    current_steps = {view.step: view for view in step_history}
    assessment_history = tuple(_assessment_view(a) for a in assessments)
    return CaseDetail(
        row=row,
        entries=tuple(
            EntryView(
                id=e.id,
                kind=EntryKind(e.kind),
                current=_entry_text(e.revision, e.occurred_on, e, e.signals, e.updated_at),
                earlier=tuple(earlier.get(e.id, ())),
                created_at=e.created_at,
            )
            for e in entries
        ),
        steps=tuple(
            current_steps.get(n, StepView(n, StepStatus.NOT_STARTED, None, "", None))
            for n in MELDCODE_STEPS
        ),
        step_history=step_history,
        assessment=assessment_history[-1] if assessment_history else None,
        assessment_history=assessment_history,
        referrals=tuple(_referral_view(r) for r in referrals),
    )
