"""Counts for the school's prevention report (preventieverslag): how many, never which.

For one period (a school year, 1 August to 31 July): cases opened and cases closed by
suspected form (a case with several forms counts under each, one without a form as
``"unknown"``), the cases that completed each meldcode step (the step's current state is
done, dated in the period), and the referrals made, by kind of recipient. Nothing else leaves
the vault: no code, date or text of a case. Rounding small counts is the report's rule
(``desktop.prevention``), not the vault's.

Making the report with these counts, saved or printed, is audited with :func:`record_report`:
an ``exported`` or ``printed`` event without a case code, holding the school year, that it
held counts, and the PDF's SHA-256.

Like the case work (``desktop.vault.casework``), each function takes the vault's open
:class:`~desktop.vault.store.Store` first; :func:`year_counts_of` and :func:`record_report_of`
call them on an open :class:`~desktop.vault.service.Vault`, through the vault's own binding.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from desktop.i18n import N_
from desktop.vault import audit, validation
from desktop.vault.audit import AuditKind
from desktop.vault.errors import InvalidInput
from desktop.vault.schema import Case, MeldcodeStepRecord, Referral
from desktop.vault.vocabulary import MELDCODE_STEPS, Form, RecipientKind, StepStatus

if TYPE_CHECKING:
    from desktop.vault.service import Vault
    from desktop.vault.store import Store

DOCUMENT = "prevention_report"
UNKNOWN_FORM = "unknown"
FORM_KEYS = (*(f.value for f in Form), UNKNOWN_FORM)
CHANNELS = {"export": AuditKind.EXPORTED, "print": AuditKind.PRINTED}
_SCHOOL_YEAR = re.compile(r"^(\d{4})-(\d{4})$")


@dataclass(frozen=True)
class YearCounts:
    """Exact counts for one period; keys: :data:`FORM_KEYS`, steps 1-5, recipient kinds."""

    opened: dict[str, int]
    closed: dict[str, int]
    steps: dict[int, int]
    referrals: dict[str, int]


def year_counts(store: Store, start: dt.date, end: dt.date) -> YearCounts:
    """The counts from ``start`` to ``end``, both included. Reads only."""
    first = validation.calendar_date("start", start)
    last = validation.calendar_date("end", end)
    if last < first:
        raise InvalidInput("end", N_("Het einde van de periode ligt voor het begin."))
    with store.session() as session:
        opened = session.scalars(
            select(Case.forms).where(Case.opened_on >= first, Case.opened_on <= last)
        ).all()
        closed = session.scalars(
            select(Case.forms).where(
                Case.closed_on.is_not(None), Case.closed_on >= first, Case.closed_on <= last
            )
        ).all()
        step_rows = session.execute(
            select(
                MeldcodeStepRecord.case_id,
                MeldcodeStepRecord.step,
                MeldcodeStepRecord.status,
                MeldcodeStepRecord.done_on,
                MeldcodeStepRecord.saved_at,
            ).order_by(MeldcodeStepRecord.id)
        ).all()
        since = dt.datetime.combine(first, dt.time())
        until = dt.datetime.combine(last + dt.timedelta(days=1), dt.time())
        kinds = session.scalars(
            select(Referral.recipient_kind).where(
                Referral.made_at >= since, Referral.made_at < until
            )
        ).all()
    current: dict[tuple[int, int], tuple[str, dt.date]] = {}
    for case_id, step, status, done_on, saved_at in step_rows:  # the newest row is current
        current[(case_id, step)] = (status, done_on or saved_at.date())
    steps = Counter(
        step
        for (_case, step), (status, day) in current.items()
        if status == StepStatus.DONE.value and first <= day <= last
    )
    referrals = Counter(kinds)
    return YearCounts(
        opened=_by_form(opened),
        closed=_by_form(closed),
        steps={step: steps[step] for step in MELDCODE_STEPS},
        referrals={kind.value: referrals[kind.value] for kind in RecipientKind},
    )


def _by_form(columns: Sequence[str]) -> dict[str, int]:
    counts = dict.fromkeys(FORM_KEYS, 0)
    for column in columns:
        forms = [f.value for f in Form if f",{f.value}," in column]
        for form in forms or [UNKNOWN_FORM]:
            counts[form] += 1
    return counts


def record_report(store: Store, channel: str, school_year: str, sha256: str) -> int:
    """Log the prevention report with counts saved as PDF (``channel`` ``"export"``) or sent
    to a printer (``"print"``): the school year (``2025-2026``), that it held counts, and the
    PDF's SHA-256; no case code, no file name, no printer. Returns the event's number."""
    if not isinstance(channel, str) or channel not in CHANNELS:
        raise InvalidInput("channel", validation.UNKNOWN_CHOICE)
    found = _SCHOOL_YEAR.match(school_year) if isinstance(school_year, str) else None
    if found is None or int(found[2]) != int(found[1]) + 1:
        raise InvalidInput("school_year", N_("Kies een schooljaar, bijvoorbeeld 2025-2026."))
    digest = validation.sha256(sha256)
    with store.session() as session:
        event = audit.record(
            session,
            CHANNELS[channel],
            document=DOCUMENT,
            school_year=school_year,
            counts=True,
            sha256=digest,
        )
        return event.seq


def year_counts_of(vault: Vault, start: dt.date, end: dt.date) -> YearCounts:
    """:func:`year_counts` of an open vault (``VaultLocked`` when it is locked)."""
    from desktop.vault.binding import StoreMethod

    return StoreMethod(year_counts).__get__(vault, type(vault))(start, end)


def record_report_of(vault: Vault, channel: str, school_year: str, sha256: str) -> int:
    """:func:`record_report` in an open vault's audit log."""
    from desktop.vault.binding import StoreMethod

    return StoreMethod(record_report).__get__(vault, type(vault))(channel, school_year, sha256)
