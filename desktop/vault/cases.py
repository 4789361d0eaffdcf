"""A case as a whole: opening it, its details, its status, acute unsafety, reading it, and
removing it (a deletion, or a purge of what passed its retention date).

A case (*zorgdossier*, here the concern log of one pupil) is known by its code (``2026-001``),
never by a name. Terms:

- *bewaartermijn*: the retention period of a closed case, in months from its closing date; the
  AVG (the Dutch name of the GDPR) asks that the case is gone everywhere once it has passed.
- *acute onveiligheid*: acute unsafety, the afwegingskader's question 2 (a spontaneous
  disclosure by the pupil counts as acute: shared/domain.md 3); the case list shows since
  when (``cases.acute_on``).

Every status change is kept with its reason, and a closing with its outcome, so that the
file says why a case was closed, and explicitly when a suspicion proved unfounded.

Each function takes the vault's open :class:`~desktop.vault.store.Store` first; the vault
offers them as its methods (``desktop.vault.service``). Every save is one transaction with
its audit event, which holds ids, kinds, dates and counts, never a reason or other text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from desktop.i18n import N_
from desktop.vault import audit, casefile, queries, retention, validation
from desktop.vault.audit import AuditKind
from desktop.vault.errors import InvalidInput
from desktop.vault.records import CaseDetail, CaseRow
from desktop.vault.retention import RemovedCases
from desktop.vault.schema import Case, Entry, StatusChange
from desktop.vault.vocabulary import CaseStatus, ClosingOutcome, Form

if TYPE_CHECKING:
    from desktop.vault.store import Store

DEFAULT_RETENTION_MONTHS = 24
RETENTION_MONTHS = range(1, 121)


def create_case(
    store: Store,
    *,
    forms: Iterable[Form | str] = (),
    age_band: str | None = None,
    school_type: str | None = None,
    school_year: int | None = None,
    opened_on: dt.date | None = None,
) -> str:
    """A new open case; returns its code (``2026-001``: the year, then a number)."""
    chosen = validation.forms(forms)
    validation.profile(age_band, school_type, school_year)
    opened = validation.calendar_date(
        "opened_on", dt.date.today() if opened_on is None else opened_on
    )
    with store.session() as session:
        code = queries.take_code(session, opened.year)
        now = validation.utcnow()
        case = Case(
            code=code,
            status=CaseStatus.OPEN.value,
            age_band=age_band,
            school_type=school_type,
            school_year=school_year,
            forms=validation.forms_column(chosen),
            opened_on=opened,
            created_at=now,
            updated_at=now,
        )
        session.add(case)
        audit.record(session, AuditKind.CASE_CREATED, case_code=code, forms=len(chosen))
    return code


def next_code(store: Store, year: int | None = None) -> str:
    """The code the next case opened in ``year`` (this year if None) would get, for the
    new-case dialog; nothing is taken or written. A case made in between takes it first."""
    chosen = validation.year(dt.date.today().year if year is None else year)
    with store.session() as session:
        return queries.next_code(session, chosen)


def set_details(
    store: Store,
    code: str,
    *,
    forms: Iterable[Form | str],
    age_band: str | None = None,
    school_type: str | None = None,
    school_year: int | None = None,
) -> None:
    """Replace the case's suspected forms and its optional pupil profile."""
    validation.case_code(code)
    chosen = validation.forms(forms)
    validation.profile(age_band, school_type, school_year)
    with store.session() as session:
        case = queries.find_case(session, code)
        case.age_band, case.school_type, case.school_year = age_band, school_type, school_year
        case.forms = validation.forms_column(chosen)
        case.updated_at = validation.utcnow()
        audit.record(session, AuditKind.CASE_CHANGED, case_code=code, forms=len(chosen))


def set_status(
    store: Store,
    code: str,
    status: CaseStatus | str,
    *,
    reason: str,
    outcome: ClosingOutcome | str | None = None,
    today: dt.date | None = None,
    retention_months: int = DEFAULT_RETENTION_MONTHS,
) -> None:
    """Set the status, with the reason for it; closing takes its outcome too (and only
    closing does). Kept in the case's status history (``CaseDetail.status_history``).

    Closing starts the retention period; reopening stops it. Closing a case that is already
    closed keeps its closing date (the retention period still runs from it), so that saving
    the status again does not extend how long the case is kept; ``retention_months`` is
    applied from that date. ``today`` is the day of the change (the computer's if None).
    """
    validation.case_code(code)
    new = validation.choice(CaseStatus, status, "status")
    ending = _closing_outcome(new, outcome)
    why = validation.reason("reason", reason, N_("Geef een reden voor deze statuswijziging."))
    validation.retention_months(retention_months, RETENTION_MONTHS)
    day = validation.calendar_date("today", dt.date.today() if today is None else today)
    with store.session() as session:
        case = queries.find_case(session, code)
        closed_before = case.closed_on if case.status == CaseStatus.CLOSED.value else None
        case.status = new.value
        if new is CaseStatus.CLOSED:
            closed_on = closed_before or day
            case.closed_on = closed_on
            case.retain_until = validation.add_months(closed_on, retention_months)
        else:
            case.closed_on = case.retain_until = None
        now = validation.utcnow()
        case.updated_at = now
        session.add(
            StatusChange(
                case_id=case.id,
                status=new.value,
                outcome=ending.value if ending else None,
                reason=why,
                changed_on=day,
                saved_at=now,
            )
        )
        audit.record(
            session,
            AuditKind.STATUS_SET,
            case_code=code,
            status=new.value,
            outcome=ending.value if ending else None,
            retain_until=case.retain_until.isoformat() if case.retain_until else None,
        )


def _closing_outcome(status: CaseStatus, outcome: object) -> ClosingOutcome | None:
    if status is not CaseStatus.CLOSED:
        if outcome is not None:
            raise InvalidInput("outcome", N_("Kies alleen een afloop als je de melding sluit."))
        return None
    if outcome is None:
        raise InvalidInput("outcome", N_("Kies hoe de melding is afgesloten."))
    return validation.choice(ClosingOutcome, outcome, "outcome")


def set_acute(store: Store, code: str, on: dt.date | None) -> None:
    """Record acute unsafety since ``on`` (None: clear it). A spontaneous disclosure sets it
    by itself (``add_entry(..., disclosure=True)``)."""
    validation.case_code(code)
    day = validation.optional_date("on", on)
    with store.session() as session:
        case = queries.find_case(session, code)
        mark_acute(session, case, day)


def mark_acute(
    session: Session, case: Case, day: dt.date | None, *, entry: int | None = None
) -> None:
    """Set (or clear) the case's acute date, with its event; ``entry``: the disclosure that
    set it."""
    case.acute_on = day
    case.updated_at = validation.utcnow()
    audit.record(
        session,
        AuditKind.ACUTE_SET,
        case_code=case.code,
        acute_on=day.isoformat() if day else None,
        entry=entry,
    )


def delete_case(store: Store, code: str) -> RemovedCases:
    """Delete a case and everything in it (its audit events stay, without its text).

    Every copy of the vault beside it goes too, replaced by one fresh backup, so that the
    case is in none of them (see ``desktop.vault.retention``); the result says how many
    went, and how many backups saved elsewhere must be removed by hand.
    """
    validation.case_code(code)
    with store.guard():  # the deletion and the copies' replacement, as one call
        with store.session() as session:
            case = queries.find_case(session, code)
            entries = session.scalar(
                select(func.count()).select_from(Entry).where(Entry.case_id == case.id)
            )
            session.execute(delete(Case).where(Case.id == case.id))
            removed = RemovedCases(
                [code], saved_elsewhere=retention.saved_elsewhere(session, [code])
            )
            event = audit.record(
                session,
                AuditKind.CASE_DELETED,
                case_code=code,
                entries=entries or 0,
                saved_elsewhere=removed.saved_elsewhere,
            )
            retention.mark_stale(session, event)
        return retention.replace_copies(store, removed)


def purge_expired(
    store: Store, today: dt.date | None = None, *, date_confirmed: bool = False
) -> RemovedCases:
    """Delete closed cases whose retention date has passed; returns their codes (for the
    screens to list), with the day they were purged by.

    The AVG asks that such data is gone everywhere, not only from the vault: every copy of
    the vault beside it goes too, replaced by one fresh backup (see
    ``desktop.vault.retention``; the result also says how many copies went, and how many
    backups saved elsewhere must be removed by hand).

    ``today`` (the computer's date if None) before the last day the vault saw, or months
    after it, raises :class:`ClockUncertain` and purges nothing, unless the coordinator
    confirmed the date (``date_confirmed``, written to the audit log).
    """
    validation.optional_date("today", today)
    validation.flag("date_confirmed", date_confirmed)
    day = validation.calendar_date("today", today or retention.today())
    return retention.purge(store, day, date_confirmed=date_confirmed)


# ---------------------------------------------------------------------- reading


def cases(
    store: Store,
    *,
    status: CaseStatus | str | Iterable[CaseStatus | str] | None = None,
    form: Form | str | None = None,
    text: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    acute_only: bool = False,
    overdue_on: dt.date | None = None,
) -> list[CaseRow]:
    """Cases, newest first (by opening date), filtered; every filter given must hold.

    ``status``: one or more statuses. ``form``: a suspected form. ``text`` matches the code
    and the current text of the entries (facts, interpretation, who, the pupil's words);
    letters A-Z match in either case, other letters as typed. ``since`` and ``until`` bound
    the date the case was opened, both included. ``acute_only``: cases with acute unsafety
    recorded. ``overdue_on``: cases overdue on that day (:meth:`CaseRow.overdue`).
    """
    statuses = validation.statuses(status) if status is not None else None
    chosen = validation.choice(Form, form, "form") if form is not None else None
    search = validation.search_text(text)
    first = validation.optional_date("since", since)
    last = validation.optional_date("until", until)
    acute = validation.flag("acute_only", acute_only)
    overdue = validation.optional_date("overdue_on", overdue_on)
    with store.session() as session:
        return queries.list_cases(
            session,
            status=statuses,
            form=chosen,
            text=search,
            since=first,
            until=last,
            acute_only=acute,
            overdue_on=overdue,
        )


def case(store: Store, code: str) -> CaseDetail:
    """Everything in one case: the chronology with earlier texts, steps, answers, status
    changes, referrals."""
    validation.case_code(code)
    with store.session() as session:
        return casefile.load_case(session, code)
