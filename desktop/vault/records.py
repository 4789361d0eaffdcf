"""What the vault hands to the screens: plain frozen dataclasses, never live ORM objects.

They hold case text while the vault is open; the screens drop them when it locks.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.vault.audit import AuditReport
from desktop.vault.vocabulary import (
    Answer,
    CaseStatus,
    EntryKind,
    Form,
    RecipientKind,
    Recommendation,
    SharingBasis,
    StepStatus,
)


@dataclass(frozen=True)
class CaseRow:
    """One line of the case list."""

    code: str
    status: CaseStatus
    forms: tuple[Form, ...]
    age_band: str | None
    school_type: str | None
    school_year: int | None
    opened_on: dt.date
    updated_at: dt.datetime
    closed_on: dt.date | None
    retain_until: dt.date | None
    entry_count: int


@dataclass(frozen=True)
class EntryText:
    """The text of an entry at one revision."""

    revision: int
    occurred_on: dt.date
    facts: str
    interpretation: str
    who: str
    signals: tuple[str, ...]
    saved_at: dt.datetime


@dataclass(frozen=True)
class EntryView:
    id: int
    kind: EntryKind
    current: EntryText
    earlier: tuple[EntryText, ...]  # oldest first; empty if never edited
    created_at: dt.datetime

    # Shortcuts to the current text.
    @property
    def occurred_on(self) -> dt.date:
        return self.current.occurred_on

    @property
    def facts(self) -> str:
        return self.current.facts

    @property
    def interpretation(self) -> str:
        return self.current.interpretation

    @property
    def who(self) -> str:
        return self.current.who

    @property
    def signals(self) -> tuple[str, ...]:
        return self.current.signals


@dataclass(frozen=True)
class StepView:
    step: int  # 1-5
    status: StepStatus
    done_on: dt.date | None
    note: str
    saved_at: dt.datetime | None  # None: never set


@dataclass(frozen=True)
class AssessmentView:
    answers: tuple[Answer, Answer, Answer, Answer, Answer]
    recommendation: Recommendation
    note: str
    saved_at: dt.datetime


@dataclass(frozen=True)
class ReferralView:
    id: int
    channel: str  # "export" or "print"
    document: str
    recipient_kind: RecipientKind
    recipient: str
    basis: SharingBasis
    sections: tuple[str, ...]
    sha256: str
    made_at: dt.datetime


@dataclass(frozen=True)
class CaseDetail:
    row: CaseRow
    entries: tuple[EntryView, ...]  # by date, then by order of writing
    steps: tuple[StepView, ...]  # the five meldcode steps, current state
    step_history: tuple[StepView, ...]  # every saved state, oldest first
    assessment: AssessmentView | None  # the newest answers
    assessment_history: tuple[AssessmentView, ...]  # oldest first
    referrals: tuple[ReferralView, ...]

    @property
    def code(self) -> str:
        return self.row.code

    @property
    def status(self) -> CaseStatus:
        return self.row.status


@dataclass(frozen=True)
class AuditEventView:
    seq: int
    at: str
    kind: str
    case_code: str | None
    details: str  # canonical JSON of ids, kinds and counts


@dataclass(frozen=True)
class IntegrityReport:
    """The database's own checks and the audit chain."""

    database_problems: tuple[str, ...]
    audit: AuditReport

    @property
    def ok(self) -> bool:
        return not self.database_problems and self.audit.ok
