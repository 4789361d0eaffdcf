"""The audit log: every unlock, change, export, print, backup, restore, purge and deletion.

Each event is chained to the one before: ``hash = SHA-256(canonical JSON of seq, at, kind,
case code, details and prev_hash)``, and the first event's ``prev_hash`` is 64 zeros. The
newest ``seq:hash`` is also kept in the ``meta`` table, written in the same transaction, so
that removing the last events shows too. :func:`verify` walks the chain and reports the first
event that was removed, altered or moved.

What this proves, and what not: an edit made with a database tool shows, unless the editor
recomputes every later hash and the head as well; someone who holds the key and this code
can do that. The chain makes tampering visible, it does not make it impossible.

An event never holds case text: only kinds, ids, codes, counts, dates and hashes.
:func:`record` refuses anything else, so a programming mistake cannot leak a note into it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.i18n import N_, _
from desktop.vault.schema import AuditEvent, Meta

GENESIS = "0" * 64
HEAD_KEY = "audit_head"
_KEY = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
_SAFE_TEXT = re.compile(r"^[A-Za-z0-9_.:+-]{0,80}$")

Scalar = int | bool | str | None
# A flat object of ids (``{"pupil": "told", "parents": "endangers_pupil"}``) is allowed too.
Value = Scalar | list[int] | list[str] | dict[str, str]


@dataclass(frozen=True)
class Head:
    """The newest event of an audit chain: its number, hash and time (ISO 8601, UTC)."""

    seq: int
    hash: str
    at: str

    @property
    def short(self) -> str:
        """``52:3f9a1c0e2b7d4a11``: what an exported document prints."""
        return f"{self.seq}:{self.hash[:16]}"


class AuditKind(StrEnum):
    VAULT_CREATED = "vault_created"
    UNLOCKED = "unlocked"
    UNLOCK_FAILED = "unlock_failed"
    PASSPHRASE_CHANGED = "passphrase_changed"  # noqa: S105 (an event name, not a secret)
    CASE_CREATED = "case_created"
    CASE_CHANGED = "case_changed"
    STATUS_SET = "status_set"
    ACUTE_SET = "acute_set"  # acute unsafety recorded or cleared; by a disclosure too
    ENTRY_ADDED = "entry_added"
    ENTRY_EDITED = "entry_edited"
    STEP_SET = "step_set"
    ANSWERS_SET = "answers_set"
    EXPORTED = "exported"
    PRINTED = "printed"
    BACKED_UP = "backed_up"
    BACKUP_STARTED = "backup_started"  # a backup elsewhere, before a byte of it is written
    RESTORED = "restored"
    PURGED = "purged"
    CASE_DELETED = "case_deleted"
    MIGRATED = "migrated"
    RECOVERY_KEY_CHANGED = "recovery_key_changed"
    ROLLBACK_FOUND = "rollback_found"  # the database lacks a head kept outside it
    ANCHOR_REPLACED = "anchor_replaced"  # the anchor file was missing or invalid
    HEADER_RESTORED = "header_restored"  # the key header was taken from a backup's copy
    COPIES_REPLACED = "copies_replaced"  # every copy beside the vault gave way to a fresh one
    BACKUPS_TO_REPLACE = "backups_to_replace"  # asked for after a key change
    AUDIT_EXPORTED = "audit_exported"  # the audit log itself saved as PDF
    AUDIT_PRINTED = "audit_printed"  # the audit log itself sent to a printer
    REFERRAL_UPDATED = "referral_updated"  # a referral's follow-up: its status, no note


def canonical(fields: dict[str, object]) -> str:
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


def event_hash(
    seq: int, at: str, kind: str, case_code: str | None, details: str, prev_hash: str
) -> str:
    fields = {
        "seq": seq,
        "at": at,
        "kind": kind,
        "case": case_code,
        "details": details,
        "prev_hash": prev_hash,
    }
    return hashlib.sha256(canonical(fields).encode("ascii")).hexdigest()


def check_details(details: dict[str, Value]) -> str:
    """Canonical JSON of ``details``; ``ValueError`` for anything that could be free text."""
    for key, value in details.items():
        if not _KEY.match(key):
            raise ValueError(f"audit detail key {key!r} is not an identifier")
        if isinstance(value, dict):
            if not all(isinstance(k, str) and _KEY.match(k) for k in value):
                raise ValueError(f"audit detail {key!r} has a key that is not an identifier")
            values: list[object] = list(value.values())
        else:
            values = list(value) if isinstance(value, list) else [value]
        for item in values:
            if item is None or isinstance(item, bool | int):
                continue
            if isinstance(item, str) and _SAFE_TEXT.match(item):
                continue
            raise ValueError(f"audit detail {key!r} holds something that is not an id or count")
    return canonical(dict(details))


def record(
    session: Session,
    event_kind: AuditKind,
    /,
    *,
    case_code: str | None = None,
    now: dt.datetime | None = None,
    **details: Value,
) -> AuditEvent:
    """Add an event to the chain, in the session's transaction (committed with the change)."""
    when = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    at = when.isoformat(timespec="microseconds").replace("+00:00", "Z")
    detail_json = check_details(details)
    head = session.get(Meta, HEAD_KEY)
    seq, prev = (0, GENESIS) if head is None else _parse_head(head.value)
    newest = session.execute(
        select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)
    ).first()
    if newest is not None and newest[0] > seq:
        # The head was removed or set back: go on from the newest event there is, never
        # over it (its number is taken) and never from a fresh start.
        seq, prev = newest[0], newest[1]
    seq += 1
    digest = event_hash(seq, at, event_kind.value, case_code, detail_json, prev)
    event = AuditEvent(
        seq=seq,
        at=at,
        kind=event_kind.value,
        case_code=case_code,
        details=detail_json,
        prev_hash=prev,
        hash=digest,
    )
    session.add(event)
    if head is None:
        session.add(Meta(key=HEAD_KEY, value=f"{seq}:{digest}"))
    else:
        head.value = f"{seq}:{digest}"
    session.info[HEAD_KEY] = Head(seq, digest, at)  # for the anchor, after the commit
    return event


def _parse_head(value: str) -> tuple[int, str]:
    seq, _sep, digest = value.partition(":")
    try:
        number = int(seq)
    except ValueError:  # an edited head: the newest event decides (see record)
        return 0, GENESIS
    return number, digest


def written_head(session: Session) -> Head | None:
    """The head that :func:`record` left in this session (None if nothing was recorded)."""
    head = session.info.get(HEAD_KEY)
    return head if isinstance(head, Head) else None


def current_head(session: Session) -> Head | None:
    """The chain's newest event as the ``meta`` head names it (None for an empty log)."""
    head = session.get(Meta, HEAD_KEY)
    if head is None:
        return None
    seq, digest = _parse_head(head.value)
    at = session.scalar(select(AuditEvent.at).where(AuditEvent.seq == seq))
    return Head(seq, digest, at) if at is not None else None


def newest_seq(session: Session) -> int:
    """The number of the newest event in the log (0 if it is empty)."""
    return session.scalar(select(AuditEvent.seq).order_by(AuditEvent.seq.desc()).limit(1)) or 0


def holds(session: Session, head: Head) -> bool:
    """Whether this log reached ``head``: its event is there with that hash, or a restore
    event names it as the head of the log the restore replaced."""
    digest = session.scalar(select(AuditEvent.hash).where(AuditEvent.seq == head.seq))
    if digest == head.hash:
        return True
    restores = session.scalars(
        select(AuditEvent.details).where(AuditEvent.kind == AuditKind.RESTORED.value)
    )
    for details in restores:
        fields = json.loads(details)
        if fields.get("replaced_events") == head.seq and fields.get("replaced_head") == head.hash:
            return True
    return False


GENERATION_KEY = "restores"


def restore_generation(session: Session) -> int:
    """How many restores this log has been through (``meta.restores``; 0 if none)."""
    row = session.get(Meta, GENERATION_KEY)
    return int(row.value) if row is not None and row.value.isdecimal() else 0


def set_restore_generation(session: Session, generation: int) -> None:
    row = session.get(Meta, GENERATION_KEY)
    if row is None:
        session.add(Meta(key=GENERATION_KEY, value=str(generation)))
    else:
        row.value = str(generation)


def recorded_backups(session: Session, names: list[str]) -> set[str]:
    """Those of ``names`` (backup files the app named) that a backup event names."""
    if not names:
        return set()
    found = set()
    rows = session.scalars(
        select(AuditEvent.details).where(AuditEvent.kind == AuditKind.BACKED_UP.value)
    )
    for details in rows:
        name = json.loads(details).get("file")
        if name in names:
            found.add(name)
    return found


def continue_from(session: Session, head: Head) -> None:
    """Make the next event follow ``head`` if the log has nothing as new: a log that was cut
    off goes on from where it was, and the gap stays in it for every later check."""
    if head.seq <= newest_seq(session):
        return
    meta = session.get(Meta, HEAD_KEY)
    if meta is None:
        session.add(Meta(key=HEAD_KEY, value=f"{head.seq}:{head.hash}"))
    else:
        meta.value = f"{head.seq}:{head.hash}"


# ---------------------------------------------------------------------- verifying


class ProblemKind(StrEnum):
    ALTERED = "altered"  # the event's content does not match its hash
    MISSING = "missing"  # an event before this one was removed
    MOVED = "moved"  # the event does not follow the one before it (reordered or replaced)
    TRUNCATED = "truncated"  # the newest events were removed
    UNREADABLE = "unreadable"  # the log could not be read at all


PROBLEM_MESSAGES = {
    ProblemKind.ALTERED: N_("Gebeurtenis {seq} in het logboek is achteraf veranderd."),
    ProblemKind.MISSING: N_("Gebeurtenis {seq} is uit het logboek verwijderd."),
    ProblemKind.MOVED: N_(
        "Gebeurtenis {seq} in het logboek staat niet op zijn plaats of is vervangen."
    ),
    ProblemKind.TRUNCATED: N_("De laatste gebeurtenissen van het logboek zijn verwijderd."),
    ProblemKind.UNREADABLE: N_("Het logboek kon niet worden gelezen."),
}


@dataclass(frozen=True)
class AuditProblem:
    seq: int
    kind: ProblemKind

    def message(self) -> str:
        return _(PROBLEM_MESSAGES[self.kind]).format(seq=self.seq)


@dataclass(frozen=True)
class AuditReport:
    events: int
    problems: tuple[AuditProblem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems

    def message(self) -> str:
        if self.ok:
            return _("Het logboek is compleet en onveranderd ({n} gebeurtenissen).").format(
                n=self.events
            )
        return " ".join(problem.message() for problem in self.problems)


def verify(session: Session) -> AuditReport:
    """Walk the chain in the order the events were written (row id); report the first break
    of each kind.

    A row whose content does not give its hash was altered. A sequence number that no row
    has any more was removed. A row that does not follow the one before it (its number goes
    back or skips one that is elsewhere, or its ``prev_hash`` is not the hash before it) was
    moved or replaced; a changed ``seq`` shows as an altered row.
    """
    rows = session.execute(
        select(
            AuditEvent.seq,
            AuditEvent.at,
            AuditEvent.kind,
            AuditEvent.case_code,
            AuditEvent.details,
            AuditEvent.prev_hash,
            AuditEvent.hash,
        ).order_by(AuditEvent.id)
    ).all()
    present = {row[0] for row in rows}
    problems: list[AuditProblem] = []
    last_seq, prev = 0, GENESIS
    for seq, at, kind, case_code, details, prev_hash, digest in rows:
        if event_hash(seq, at, kind, case_code, details, prev_hash) != digest:
            problems.append(AuditProblem(seq, ProblemKind.ALTERED))
        elif seq > last_seq + 1:
            gap = range(last_seq + 1, seq)
            if any(s in present for s in gap):
                problems.append(AuditProblem(seq, ProblemKind.MOVED))
            else:
                problems.append(AuditProblem(gap[0], ProblemKind.MISSING))
        elif seq <= last_seq or prev_hash != prev:
            problems.append(AuditProblem(seq, ProblemKind.MOVED))
        last_seq, prev = max(seq, last_seq), digest
    if rows and rows[0][0] == 1 and rows[0][2] != AuditKind.VAULT_CREATED.value:
        # A log starts with the vault's set-up: this one was emptied and started again.
        problems.insert(0, AuditProblem(1, ProblemKind.MISSING))
    head = session.get(Meta, HEAD_KEY)
    head_value = f"{rows[-1][0]}:{rows[-1][6]}" if rows else None
    # A vault always has at least the event of its set-up: an empty log was emptied, also
    # when its head was removed with it.
    if not rows or (head.value if head else None) != head_value:
        problems.append(AuditProblem(last_seq + 1, ProblemKind.TRUNCATED))
    return AuditReport(events=len(rows), problems=tuple(_first_of_each(problems)))


def _first_of_each(problems: list[AuditProblem]) -> list[AuditProblem]:
    seen: set[ProblemKind] = set()
    kept = []
    for problem in problems:
        if problem.kind not in seen:
            seen.add(problem.kind)
            kept.append(problem)
    return kept
