"""The vault's tables, as SQLAlchemy 2 typed ORM classes.

A case has a code (``2026-001``), never a name, and its suspected forms in one column.
Entries keep their earlier texts: an edit (a correction, with its reason) moves the text it
replaces into :class:`EntryRevision`. Meldcode steps, afwegingskader answers and status
changes are written as new rows each time (the newest row is the current one), so nothing
said earlier is overwritten either. Referral exports and prints are :class:`Referral` rows;
their follow-up (sent, received, answered, closed) is kept like a case's step: the current
status on the referral, every update as a :class:`ReferralUpdate` row.

The case list reads ``cases`` alone, without joins or aggregates: what it shows of the other
tables is kept on the case by the service as they change (``entry_count``, ``last_entry_on``,
``step``, ``recheck_on``, ``acute_on``, ``open_referrals``, ``referral_recheck_on``). Columns
added by a migration come last in their class, in the migration's order, so that a new vault
and a migrated one are alike.
The audit log (:class:`AuditEvent`) holds no free text; see ``desktop.vault.audit``.

Rows refer to their case by id with ``ON DELETE CASCADE``: deleting a case removes all it
holds. Times are naive UTC (SQLite has no time zones) and dates calendar dates, both stored as ISO
8601 text. Signal ids are kept as a JSON list of the signal card's ids.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class IsoDate(TypeDecorator[dt.date]):
    """A date as ``YYYY-MM-DD`` text, read back with ``date.fromisoformat`` (fast)."""

    impl = String(10)
    cache_ok = True

    def process_bind_param(self, value: dt.date | None, dialect: Dialect) -> str | None:
        return None if value is None else value.isoformat()

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.date | None:
        return None if value is None else dt.date.fromisoformat(value)


class IsoDateTime(TypeDecorator[dt.datetime]):
    """A naive UTC time as ISO 8601 text with microseconds."""

    impl = String(26)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> str | None:
        return None if value is None else value.isoformat(timespec="microseconds")

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        return None if value is None else dt.datetime.fromisoformat(value)


class Base(DeclarativeBase):
    pass


class Meta(Base):
    """Key-value facts about the vault: its id, the audit head, case counters per year."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Case(Base):
    __tablename__ = "cases"
    __table_args__ = (
        Index("ix_cases_status", "status"),
        Index("ix_cases_opened_on", "opened_on"),
        Index("ix_cases_retain_until", "retain_until"),
        CheckConstraint("school_year IS NULL OR school_year BETWEEN 1 AND 6"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    status: Mapped[str] = mapped_column(String(16))
    # Suspected forms, as ",sexual,criminal," (in Form order, commas around each): one
    # column rather than a table, so that the case list needs no join or aggregate.
    forms: Mapped[str] = mapped_column(String(40))
    age_band: Mapped[str | None] = mapped_column(String(8))
    school_type: Mapped[str | None] = mapped_column(String(24))
    school_year: Mapped[int | None] = mapped_column(Integer)
    opened_on: Mapped[dt.date] = mapped_column(IsoDate)
    created_at: Mapped[dt.datetime] = mapped_column(IsoDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(IsoDateTime)
    closed_on: Mapped[dt.date | None] = mapped_column(IsoDate)
    retain_until: Mapped[dt.date | None] = mapped_column(IsoDate)
    # Kept by the service as entries are added (schema version 2): counting them per case
    # in the case list cost ~40 ms of decrypted index pages for 10,000 cases.
    entry_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # Schema version 3, for the case list as well:
    last_entry_on: Mapped[dt.date | None] = mapped_column(IsoDate)  # newest entry's date
    # The meldcode step the case is at (``vocabulary.step_reached``): 1-5, 6 when all are
    # done or skipped.
    step: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    recheck_on: Mapped[dt.date | None] = mapped_column(IsoDate)  # the newest assessment's
    acute_on: Mapped[dt.date | None] = mapped_column(IsoDate)  # acute unsafety since, if so
    # Schema version 4: the referrals not closed, and the earliest of their re-check dates.
    open_referrals: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    referral_recheck_on: Mapped[dt.date | None] = mapped_column(IsoDate)


class Entry(Base):
    """A dated entry in a case's chronology; the current text (earlier texts: revisions)."""

    __tablename__ = "entries"
    __table_args__ = (Index("ix_entries_case", "case_id", "occurred_on"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    occurred_on: Mapped[dt.date] = mapped_column(IsoDate)
    facts: Mapped[str] = mapped_column(Text)  # what was seen, heard, said or decided
    interpretation: Mapped[str] = mapped_column(Text)  # what the writer makes of it
    who: Mapped[str] = mapped_column(Text)  # who saw or heard it; who was consulted or present
    signals: Mapped[str] = mapped_column(Text)  # JSON list of signal card ids
    revision: Mapped[int] = mapped_column(Integer)  # 1 for the first text, +1 per edit
    created_at: Mapped[dt.datetime] = mapped_column(IsoDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(IsoDateTime)
    # Schema version 3:
    pupil_words: Mapped[str] = mapped_column(Text, default="", server_default="")  # verbatim
    # The pupil told of their own accord (a spontaneous disclosure: acute, domain.md 3).
    disclosure: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    reason: Mapped[str] = mapped_column(Text, default="", server_default="")  # of this revision


class EntryRevision(Base):
    """An earlier text of an entry, as it was before an edit replaced it."""

    __tablename__ = "entry_revisions"
    __table_args__ = (UniqueConstraint("entry_id", "revision"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"))
    revision: Mapped[int] = mapped_column(Integer)
    occurred_on: Mapped[dt.date] = mapped_column(IsoDate)
    facts: Mapped[str] = mapped_column(Text)
    interpretation: Mapped[str] = mapped_column(Text)
    who: Mapped[str] = mapped_column(Text)
    signals: Mapped[str] = mapped_column(Text)
    saved_at: Mapped[dt.datetime] = mapped_column(IsoDateTime)  # when this text was saved
    replaced_at: Mapped[dt.datetime] = mapped_column(IsoDateTime)  # when an edit replaced it
    # Schema version 3:
    pupil_words: Mapped[str] = mapped_column(Text, default="", server_default="")
    reason: Mapped[str] = mapped_column(Text, default="", server_default="")  # '' for the first


class MeldcodeStepRecord(Base):
    """The state of one meldcode step as saved at one moment; the newest row is current."""

    __tablename__ = "meldcode_steps"
    __table_args__ = (
        Index("ix_meldcode_steps_case", "case_id", "step"),
        CheckConstraint("step BETWEEN 1 AND 5"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    step: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16))
    done_on: Mapped[dt.date | None] = mapped_column(IsoDate)
    note: Mapped[str] = mapped_column(Text)  # for a skipped step: why
    saved_at: Mapped[dt.datetime] = mapped_column(IsoDateTime)
    # Schema version 3: who took the step, as a role ("mentor"), never a name.
    who: Mapped[str] = mapped_column(Text, default="", server_default="")


class Assessment(Base):
    """The afwegingskader's five answers as saved at one moment, with their recommendation:
    a dated decision record (each answer's date, who was consulted, the chronology's entries
    it rests on, when question 5 is to be weighed again)."""

    __tablename__ = "assessments"
    __table_args__ = (Index("ix_assessments_case", "case_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    suspicion: Mapped[str] = mapped_column(String(8))
    unsafe: Mapped[str] = mapped_column(String(8))
    can_help: Mapped[str] = mapped_column(String(8))
    accepted: Mapped[str] = mapped_column(String(8))
    lasting_safety: Mapped[str] = mapped_column(String(8))
    recommendation: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text)
    saved_at: Mapped[dt.datetime] = mapped_column(IsoDateTime)
    # Schema version 3: the date of each answer (NULL while unanswered) ...
    suspicion_on: Mapped[dt.date | None] = mapped_column(IsoDate)
    unsafe_on: Mapped[dt.date | None] = mapped_column(IsoDate)
    can_help_on: Mapped[dt.date | None] = mapped_column(IsoDate)
    accepted_on: Mapped[dt.date | None] = mapped_column(IsoDate)
    lasting_safety_on: Mapped[dt.date | None] = mapped_column(IsoDate)
    consulted: Mapped[str] = mapped_column(Text, default="", server_default="")  # roles
    entry_ids: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")  # JSON
    recheck_on: Mapped[dt.date | None] = mapped_column(IsoDate)  # weigh question 5 again


class StatusChange(Base):
    """A change of a case's status, with its reason; a closing with its outcome."""

    __tablename__ = "status_changes"
    __table_args__ = (Index("ix_status_changes_case", "case_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(16))
    outcome: Mapped[str | None] = mapped_column(String(16))  # a ClosingOutcome when closed
    reason: Mapped[str] = mapped_column(Text)
    changed_on: Mapped[dt.date] = mapped_column(IsoDate)
    saved_at: Mapped[dt.datetime] = mapped_column(IsoDateTime)


class Referral(Base):
    """A referral letter (or another case document) exported as PDF or printed."""

    __tablename__ = "referrals"
    __table_args__ = (Index("ix_referrals_case", "case_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    channel: Mapped[str] = mapped_column(String(8))  # "export" or "print"
    document: Mapped[str] = mapped_column(String(40))  # what: e.g. "referral_letter"
    recipient_kind: Mapped[str] = mapped_column(String(40))
    recipient: Mapped[str] = mapped_column(Text)  # the organisation, as the school entered it
    basis: Mapped[str] = mapped_column(String(24))
    sections: Mapped[str] = mapped_column(Text)  # JSON list of section ids included
    sha256: Mapped[str] = mapped_column(String(64))
    made_at: Mapped[dt.datetime] = mapped_column(IsoDateTime)
    # Schema version 4: the entries the letter holds (JSON list of ids), the basis and whom
    # the school told as ``desktop.vault.sharing`` writes them (JSON; '{}' when not given),
    # and the follow-up: the current status (a ReferralStatus), since when, and when to
    # check on it again. ``status_on`` is set on every row (a migrated one: the day it was
    # made); it may be NULL in SQL only because a column added to a table cannot be NOT
    # NULL without a default.
    entry_ids: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")
    basis_details: Mapped[str] = mapped_column(Text, default="{}", server_default="{}")
    told: Mapped[str] = mapped_column(Text, default="{}", server_default="{}")
    status: Mapped[str] = mapped_column(String(16), default="sent", server_default="sent")
    status_on: Mapped[dt.date] = mapped_column(IsoDate, nullable=True)
    recheck_on: Mapped[dt.date | None] = mapped_column(IsoDate)


class ReferralUpdate(Base):
    """One step in a referral's follow-up as saved (schema version 4); the newest is the
    referral's current status. The first is written with the referral itself."""

    __tablename__ = "referral_updates"
    __table_args__ = (Index("ix_referral_updates_referral", "referral_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    referral_id: Mapped[int] = mapped_column(ForeignKey("referrals.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(16))
    status_on: Mapped[dt.date] = mapped_column(IsoDate)
    recheck_on: Mapped[dt.date | None] = mapped_column(IsoDate)
    note: Mapped[str] = mapped_column(Text)
    saved_at: Mapped[dt.datetime] = mapped_column(IsoDateTime)


class AuditEvent(Base):
    """One line of the audit log, chained to the one before by hash (desktop.vault.audit)."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    at: Mapped[str] = mapped_column(String(32))  # ISO 8601 UTC, as hashed
    kind: Mapped[str] = mapped_column(String(32))
    case_code: Mapped[str | None] = mapped_column(String(16))
    details: Mapped[str] = mapped_column(Text)  # canonical JSON of ids, kinds and counts
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
