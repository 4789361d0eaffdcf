"""One case in full, as the case screen reads it: :func:`load_case`.

The chronology with every earlier text of each entry, the meldcode steps (current and every
state saved), the afwegingskader's decision records, the status history and the documents
made. Returned as the plain dataclasses of ``desktop.vault.records``, never ORM objects.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.vault.queries import case_row, find_case
from desktop.vault.records import (
    AssessmentView,
    CaseDetail,
    EntryText,
    EntryView,
    ReferralUpdateView,
    ReferralView,
    StatusChangeView,
    StepView,
)
from desktop.vault.schema import (
    Assessment,
    Entry,
    EntryRevision,
    MeldcodeStepRecord,
    Referral,
    ReferralUpdate,
    StatusChange,
)
from desktop.vault.sharing import Basis, ReferralStatus, Told
from desktop.vault.vocabulary import (
    MELDCODE_STEPS,
    Answer,
    CaseStatus,
    ClosingOutcome,
    EntryKind,
    RecipientKind,
    Recommendation,
    SharingBasis,
    StepStatus,
)


def load_case(session: Session, code: str) -> CaseDetail:
    """Everything in one case: the chronology with earlier texts, steps, answers, status
    changes, referrals."""
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
        earlier.setdefault(rev.entry_id, []).append(_entry_text(rev, rev.saved_at))
    steps = _of_case(session, MeldcodeStepRecord, case.id)
    assessments = _of_case(session, Assessment, case.id)
    changes = _of_case(session, StatusChange, case.id)
    referrals = _of_case(session, Referral, case.id)
    updates: dict[int, list[ReferralUpdateView]] = {}
    for update in session.scalars(
        select(ReferralUpdate)
        .join(Referral, Referral.id == ReferralUpdate.referral_id)
        .where(Referral.case_id == case.id)
        .order_by(ReferralUpdate.id)
    ):
        updates.setdefault(update.referral_id, []).append(_update_view(update))
    row = case_row(case, len(entries))
    step_history = tuple(_step_view(s) for s in steps)
    current_steps = {view.step: view for view in step_history}
    assessment_history = tuple(_assessment_view(a) for a in assessments)
    return CaseDetail(
        row=row,
        entries=tuple(
            EntryView(
                id=e.id,
                kind=EntryKind(e.kind),
                current=_entry_text(e, e.updated_at),
                earlier=tuple(earlier.get(e.id, ())),
                created_at=e.created_at,
                disclosure=e.disclosure,
            )
            for e in entries
        ),
        steps=tuple(
            current_steps.get(
                n,
                StepView(
                    step=n,
                    status=StepStatus.NOT_STARTED,
                    done_on=None,
                    note="",
                    saved_at=None,
                    who="",
                ),
            )
            for n in MELDCODE_STEPS
        ),
        step_history=step_history,
        assessment=assessment_history[-1] if assessment_history else None,
        assessment_history=assessment_history,
        referrals=tuple(_referral_view(r, updates.get(r.id, ())) for r in referrals),
        status_history=tuple(_status_change_view(c) for c in changes),
    )


Row = TypeVar("Row", MeldcodeStepRecord, Assessment, StatusChange, Referral)


def _of_case(session: Session, table: type[Row], case_id: int) -> list[Row]:
    """The rows of ``table`` that belong to the case, in the order they were written."""
    return list(session.scalars(select(table).where(table.case_id == case_id).order_by(table.id)))


def _entry_text(texts: Entry | EntryRevision, saved_at: dt.datetime) -> EntryText:
    return EntryText(
        revision=texts.revision,
        occurred_on=texts.occurred_on,
        facts=texts.facts,
        interpretation=texts.interpretation,
        who=texts.who,
        signals=tuple(json.loads(texts.signals)),
        saved_at=saved_at,
        pupil_words=texts.pupil_words,
        reason=texts.reason,
    )


def _step_view(record: MeldcodeStepRecord) -> StepView:
    return StepView(
        step=record.step,
        status=StepStatus(record.status),
        done_on=record.done_on,
        note=record.note,
        saved_at=record.saved_at,
        who=record.who,
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
        answered_on=(
            record.suspicion_on,
            record.unsafe_on,
            record.can_help_on,
            record.accepted_on,
            record.lasting_safety_on,
        ),
        consulted=record.consulted,
        entry_ids=tuple(json.loads(record.entry_ids)),
        recheck_on=record.recheck_on,
    )


def _status_change_view(record: StatusChange) -> StatusChangeView:
    return StatusChangeView(
        status=CaseStatus(record.status),
        outcome=None if record.outcome is None else ClosingOutcome(record.outcome),
        reason=record.reason,
        changed_on=record.changed_on,
        saved_at=record.saved_at,
    )


def _update_view(record: ReferralUpdate) -> ReferralUpdateView:
    return ReferralUpdateView(
        status=ReferralStatus(record.status),
        on=record.status_on,
        recheck_on=record.recheck_on,
        note=record.note,
        saved_at=record.saved_at,
    )


def _referral_view(record: Referral, updates: Iterable[ReferralUpdateView]) -> ReferralView:
    basis = json.loads(record.basis_details)
    told = json.loads(record.told)
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
        entry_ids=tuple(json.loads(record.entry_ids)),
        basis_details=Basis.from_json(basis) if basis else None,
        told=Told.from_json(told) if told else None,
        status=ReferralStatus(record.status),
        status_on=record.status_on,
        recheck_on=record.recheck_on,
        updates=tuple(updates),
    )
