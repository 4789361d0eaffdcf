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
Value = Scalar | list[int] | list[str]


class AuditKind(StrEnum):
    VAULT_CREATED = "vault_created"
    UNLOCKED = "unlocked"
    UNLOCK_FAILED = "unlock_failed"
    PASSPHRASE_CHANGED = "passphrase_changed"  # noqa: S105 (an event name, not a secret)
    CASE_CREATED = "case_created"
    CASE_CHANGED = "case_changed"
    STATUS_SET = "status_set"
    ENTRY_ADDED = "entry_added"
    ENTRY_EDITED = "entry_edited"
    STEP_SET = "step_set"
    ANSWERS_SET = "answers_set"
    EXPORTED = "exported"
    PRINTED = "printed"
    BACKED_UP = "backed_up"
    RESTORED = "restored"
    PURGED = "purged"
    CASE_DELETED = "case_deleted"
    MIGRATED = "migrated"


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
        values = value if isinstance(value, list) else [value]
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
    return event


def _parse_head(value: str) -> tuple[int, str]:
    seq, _sep, digest = value.partition(":")
    return int(seq), digest


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
