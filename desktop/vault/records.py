"""What the vault hands to the screens: plain frozen dataclasses, never live ORM objects.

They hold case text while the vault is open; the screens drop them when it locks.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.vault.audit import AuditReport
from desktop.vault.sharing import Basis, ReferralStatus, Told
from desktop.vault.vocabulary import (
    Answer,
    CaseStatus,
    ClosingOutcome,
    EntryKind,
    Form,
    RecipientKind,
    Recommendation,
    SharingBasis,
    StepStatus,
)

Day = dt.date | None
FiveDates = tuple[Day, Day, Day, Day, Day]


@dataclass(frozen=True)
class CaseRow:
    """One line of the case list (read from the case alone: see ``desktop.vault.schema``)."""

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
    last_entry_on: dt.date | None  # the newest entry's date; None without entries
    step: int  # the meldcode step the case is at: 1-5, or 6 when every step is taken
    recheck_on: dt.date | None  # the newest afwegingskader record's re-check date
    acute_on: dt.date | None  # acute unsafety since (set, or a spontaneous disclosure)
    open_referrals: int = 0  # referrals not closed (schema version 4)
    referral_recheck_on: dt.date | None = None  # the earliest re-check date among them

    def overdue(self, today: dt.date) -> bool:
        """Whether the re-check date has passed (before ``today``) and the case is open."""
        return (
            self.recheck_on is not None
            and self.recheck_on < today
            and self.status is not CaseStatus.CLOSED
        )

    def referral_overdue(self, today: dt.date) -> bool:
        """Whether an open referral's re-check date has passed (before ``today``) and the
        case is open."""
        return (
            self.open_referrals > 0
            and self.referral_recheck_on is not None
            and self.referral_recheck_on < today
            and self.status is not CaseStatus.CLOSED
        )


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
    pupil_words: str  # the pupil's own words, verbatim
    reason: str  # why this revision corrected the one before; '' for the first


@dataclass(frozen=True)
class EntryView:
    id: int
    kind: EntryKind
    current: EntryText
    earlier: tuple[EntryText, ...]  # oldest first; empty if never edited
    created_at: dt.datetime
    disclosure: bool  # the pupil told of their own accord (spontaneous disclosure)

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

    @property
    def pupil_words(self) -> str:
        return self.current.pupil_words


@dataclass(frozen=True)
class StepView:
    step: int  # 1-5
    status: StepStatus
    done_on: dt.date | None
    note: str  # for a skipped step: why
    saved_at: dt.datetime | None  # None: never set
    who: str  # who took the step, as a role ("mentor"), never a name


@dataclass(frozen=True)
class AssessmentView:
    """The afwegingskader's five answers as a dated decision record."""

    answers: tuple[Answer, Answer, Answer, Answer, Answer]
    recommendation: Recommendation
    note: str
    saved_at: dt.datetime
    # the day each answer was given; None for a question not answered yet
    answered_on: FiveDates
    consulted: str  # who was consulted, as roles
    entry_ids: tuple[int, ...]  # the entries of the case's chronology it rests on
    recheck_on: dt.date | None  # when to weigh question 5 (lasting safety) again


@dataclass(frozen=True)
class StatusChangeView:
    """A change of the case's status, with its reason (and, closing, its outcome)."""

    status: CaseStatus
    outcome: ClosingOutcome | None  # set when the case was closed
    reason: str
    changed_on: dt.date
    saved_at: dt.datetime


@dataclass(frozen=True)
class ReferralUpdateView:
    """One step of a referral's follow-up, as saved."""

    status: ReferralStatus
    on: dt.date  # the day of this status
    recheck_on: dt.date | None  # when to check on the referral again
    note: str
    saved_at: dt.datetime


@dataclass(frozen=True)
class ReferralView:
    """A document made from the case (a referral letter), and its follow-up."""

    id: int
    channel: str  # "export" or "print"
    document: str
    recipient_kind: RecipientKind
    recipient: str
    basis: SharingBasis
    sections: tuple[str, ...]
    sha256: str
    made_at: dt.datetime
    entry_ids: tuple[int, ...]  # the chronology's entries the letter holds
    basis_details: Basis | None  # None: not recorded (a document of version 3)
    told: Told | None  # whom the school told, or why not; None: not recorded
    status: ReferralStatus  # the newest update's
    status_on: dt.date
    recheck_on: dt.date | None
    updates: tuple[ReferralUpdateView, ...]  # oldest first

    @property
    def is_open(self) -> bool:
        return self.status is not ReferralStatus.CLOSED


@dataclass(frozen=True)
class CaseDetail:
    row: CaseRow
    entries: tuple[EntryView, ...]  # by date, then by order of writing
    steps: tuple[StepView, ...]  # the five meldcode steps, current state
    step_history: tuple[StepView, ...]  # every saved state, oldest first
    assessment: AssessmentView | None  # the newest answers
    assessment_history: tuple[AssessmentView, ...]  # oldest first
    referrals: tuple[ReferralView, ...]
    status_history: tuple[StatusChangeView, ...]  # oldest first (kept since version 3)

    @property
    def code(self) -> str:
        return self.row.code

    @property
    def status(self) -> CaseStatus:
        return self.row.status

    @property
    def outcome(self) -> ClosingOutcome | None:
        """How a closed case ended (None if open, or closed before outcomes were kept)."""
        if self.row.status is not CaseStatus.CLOSED or not self.status_history:
            return None
        return self.status_history[-1].outcome


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
