"""The meldcode's steps and the afwegingskader's decision record, for one case.

- *meldcode*: the reporting code for domestic violence and child abuse that schools must
  follow, five steps (``desktop.vault.vocabulary``). Each step's state is saved as a new
  row, with when it was done and who took it (a role, never a name); a step skipped says
  why. The case keeps the step it is at, for the case list.
- *afwegingskader*: the meldcode's assessment framework, five questions whose answers lead
  to a recommendation. Saved as a dated decision record: the day each question was
  answered, who was consulted, the entries of the case's chronology it rests on, and the
  day to weigh question 5 (lasting safety) again, which the case list shows.

Each function takes the vault's open :class:`~desktop.vault.store.Store` first; the vault
offers them as its methods. The audit events hold steps, statuses, answers and counts,
never a note or a role.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from sqlalchemy import select

from desktop.i18n import N_
from desktop.vault import audit, queries, validation
from desktop.vault.audit import AuditKind
from desktop.vault.errors import InvalidInput
from desktop.vault.schema import Assessment, Entry, MeldcodeStepRecord
from desktop.vault.vocabulary import (
    MELDCODE_STEPS,
    Answer,
    Recommendation,
    StepStatus,
    recommend,
    step_reached,
)

if TYPE_CHECKING:
    from desktop.vault.store import Store

SKIPPED_NEEDS_REASON = N_(
    "Een overgeslagen stap heeft een reden nodig. Schrijf op waarom deze stap niet is gezet."
)


def set_step(
    store: Store,
    code: str,
    step: int,
    status: StepStatus | str,
    *,
    done_on: dt.date | None = None,
    who: str = "",
    note: str = "",
) -> None:
    """Save the state of meldcode step 1-5 (earlier states are kept).

    ``who``: who took the step, as a role ("zorgcoördinator", "mentor"), never a name. A
    skipped step needs the reason in ``note``.
    """
    validation.case_code(code)
    validation.step(step, MELDCODE_STEPS)
    step_status = validation.choice(StepStatus, status, "status")
    day = validation.optional_date("done_on", done_on)
    texts = validation.texts(who=who, note=note)
    if step_status is StepStatus.SKIPPED:
        validation.reason("note", note, SKIPPED_NEEDS_REASON)
    with store.session() as session:
        case = queries.find_case(session, code)
        now = validation.utcnow()
        session.add(
            MeldcodeStepRecord(
                case_id=case.id,
                step=step,
                status=step_status.value,
                done_on=day,
                saved_at=now,
                **texts,
            )
        )
        session.flush()
        states = session.execute(
            select(MeldcodeStepRecord.step, MeldcodeStepRecord.status)
            .where(MeldcodeStepRecord.case_id == case.id)
            .order_by(MeldcodeStepRecord.id)
        )
        case.step = step_reached({number: StepStatus(state) for number, state in states})
        case.updated_at = now
        audit.record(
            session,
            AuditKind.STEP_SET,
            case_code=code,
            step=step,
            status=step_status.value,
            reached=case.step,
        )


def set_answers(
    store: Store,
    code: str,
    answers: Sequence[Answer | str],
    *,
    answered_on: Sequence[dt.date | None] | None = None,
    consulted: str = "",
    entry_ids: Iterable[int] = (),
    recheck_on: dt.date | None = None,
    note: str = "",
) -> Recommendation:
    """Save the afwegingskader's five answers as a decision record; returns the
    recommendation they lead to.

    ``answered_on``: five dates, the day each question was answered (None for a question
    not answered yet); if not given, today for each answered question. ``consulted``: who
    was consulted, as roles. ``entry_ids``: entries of this case's chronology the answers
    rest on (an entry of another case is refused). ``recheck_on``: when to weigh question 5
    again; the case list shows it, and a case past it as overdue.
    """
    validation.case_code(code)
    five = validation.answers(answers)
    dates = validation.answer_dates(answered_on, five, dt.date.today())
    outcome = recommend(five)
    texts = validation.texts(consulted=consulted, note=note)
    links = validation.linked_entries(entry_ids)
    recheck = validation.optional_date("recheck_on", recheck_on)
    with store.session() as session:
        case = queries.find_case(session, code)
        if links:
            found = session.scalars(
                select(Entry.id).where(Entry.case_id == case.id, Entry.id.in_(links))
            )
            if len(set(found)) != len(links):
                raise InvalidInput("entry_ids", validation.NOT_OF_THIS_CASE)
        now = validation.utcnow()
        session.add(
            Assessment(
                case_id=case.id,
                suspicion=five[0].value,
                unsafe=five[1].value,
                can_help=five[2].value,
                accepted=five[3].value,
                lasting_safety=five[4].value,
                recommendation=outcome.value,
                saved_at=now,
                suspicion_on=dates[0],
                unsafe_on=dates[1],
                can_help_on=dates[2],
                accepted_on=dates[3],
                lasting_safety_on=dates[4],
                entry_ids=json.dumps(links),
                recheck_on=recheck,
                **texts,
            )
        )
        case.recheck_on = recheck
        case.updated_at = now
        audit.record(
            session,
            AuditKind.ANSWERS_SET,
            case_code=code,
            answers=[a.value for a in five],
            recommendation=outcome.value,
            entries=len(links),
            recheck_on=recheck.isoformat() if recheck else None,
        )
    return outcome
