"""A referral's follow-up: sent, received, answered, closed, with a date to check on it again.

A referral starts as sent on the day it is made (``desktop.vault.documents``); each later
status is a new :class:`~desktop.vault.schema.ReferralUpdate` row and the referral keeps the
newest (as a case keeps its meldcode step). The case keeps, for the case list, how many of its
referrals are open (not closed) and the earliest re-check date among them
(:func:`keep_case_counts`), in the same transaction as the change.

Each function takes the vault's open :class:`~desktop.vault.store.Store` first; the vault
offers them as its methods. The audit event holds the referral's id, the status and the
dates, never the note.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.i18n import N_
from desktop.vault import audit, queries, validation
from desktop.vault.audit import AuditKind
from desktop.vault.errors import InvalidInput
from desktop.vault.schema import Case, Referral, ReferralUpdate
from desktop.vault.sharing import ReferralStatus

if TYPE_CHECKING:
    from desktop.vault.store import Store

REFERRAL_IDS = range(1, 2**63)
UNKNOWN_REFERRAL = N_(
    "Deze verwijzing is niet gevonden bij deze melding. Open de melding opnieuw en kies de "
    "verwijzing daar."
)
FUTURE_STATUS = N_("Deze datum ligt in de toekomst. Vul de dag in waarop het gebeurde.")
RECHECK_BEFORE = N_(
    "De datum om de verwijzing na te gaan ligt vóór de datum van de status. Kies een latere "
    "datum, of laat hem leeg."
)
RECHECK_CLOSED = N_(
    "Een afgeronde verwijzing hoeft niet meer te worden nagegaan: laat de datum leeg."
)


def update_referral(
    store: Store,
    code: str,
    referral_id: int,
    status: ReferralStatus | str,
    on: dt.date,
    *,
    recheck_on: dt.date | None = None,
    note: str = "",
) -> None:
    """A new status of a referral of the case, on the day ``on`` (not in the future), with
    an optional date to check on it again (not for a closed one) and a note."""
    validation.case_code(code)
    number = validation.whole_number("referral_id", referral_id, REFERRAL_IDS, UNKNOWN_REFERRAL)
    new = validation.choice(ReferralStatus, status, "status")
    day = validation.calendar_date("on", on)
    if day > dt.date.today():
        raise InvalidInput("on", FUTURE_STATUS)
    recheck = validation.optional_date("recheck_on", recheck_on)
    if recheck is not None and new is ReferralStatus.CLOSED:
        raise InvalidInput("recheck_on", RECHECK_CLOSED)
    if recheck is not None and recheck < day:
        raise InvalidInput("recheck_on", RECHECK_BEFORE)
    text = validation.texts(note=note)["note"]
    with store.session() as session:
        case = queries.find_case(session, code)
        referral = referral_of(session, case, number, "referral_id")
        add_update(session, referral, new, day, recheck, text)
        keep_case_counts(session, case)
        audit.record(
            session,
            AuditKind.REFERRAL_UPDATED,
            case_code=code,
            referral=referral.id,
            status=new.value,
            on=day.isoformat(),
            recheck_on=recheck.isoformat() if recheck else None,
        )


def referral_of(session: Session, case: Case, referral_id: int, field: str) -> Referral:
    """The case's referral ``referral_id``; :class:`InvalidInput` on ``field`` if the case
    has none of that id."""
    referral = session.get(Referral, referral_id)
    if referral is None or referral.case_id != case.id:
        raise InvalidInput(field, UNKNOWN_REFERRAL)
    return referral


def add_update(
    session: Session,
    referral: Referral,
    status: ReferralStatus,
    on: dt.date,
    recheck_on: dt.date | None,
    note: str,
) -> None:
    """Write the update and make it the referral's current status."""
    referral.status, referral.status_on, referral.recheck_on = status.value, on, recheck_on
    session.add(
        ReferralUpdate(
            referral_id=referral.id,
            status=status.value,
            status_on=on,
            recheck_on=recheck_on,
            note=note,
            saved_at=validation.utcnow(),
        )
    )
    session.flush()


def keep_case_counts(session: Session, case: Case) -> None:
    """Set the case's ``open_referrals`` and ``referral_recheck_on`` from its referrals."""
    open_count, earliest = session.execute(
        select(func.count(), func.min(Referral.recheck_on)).where(
            Referral.case_id == case.id, Referral.status != ReferralStatus.CLOSED.value
        )
    ).one()
    case.open_referrals = int(open_count)
    case.referral_recheck_on = earliest
