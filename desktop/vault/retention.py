"""Retention: what has passed its retention date goes, from the vault and from every copy of it.

The AVG asks that a case past its retention period (*bewaartermijn*) is gone everywhere, and a
deleted case too. Backups made before the purge or the deletion still hold it, and older ones
may be encrypted under a database key the open vault no longer has: they cannot be rewritten,
only removed. So a purge or a deletion replaces every copy of this vault beside it (the
backups in ``backups/`` and the copies kept aside, ``kluis.vervangen-….db``) by one fresh
backup, in this order, so that a crash at any point leaves at least one backup:

1. in the transaction of the purge or deletion and its audit event, the marker
   :data:`STALE_KEY` is set in ``meta`` (to the event's number);
2. that transaction commits;
3. a fresh backup is made (written whole, then renamed);
4. every other copy of this vault is deleted (see :func:`backups.copies_of_vault`) and the
   folders are fsynced;
5. the marker is cleared, with a ``purged`` event that says how many copies went
   (``copies_removed``) and which event it completes (``completes_event``).

With no copy of this vault beside it, steps 3-4 are skipped (no backup is made for it).

A vault whose marker is still set at the next unlock (a crash, a full disk) does steps 3-5
then (:func:`finish_at_unlock`). A restored vault does not: the marker in a backup was set
by the purge that made it, and the copies it meant were replaced then; a case the restore
purges again marks the copies stale, and they are replaced at the next unlock, purge or
deletion, so that the safety copy the restore just made is still there while the
coordinator checks the result.

Backups the coordinator saved elsewhere (``backup(to=…)``, a USB stick) cannot be reached:
the purge's and deletion's events count those made since the case was created
(``saved_elsewhere``), and so does the result (:class:`RemovedCases`), so that the screens
can ask for them to be removed by hand.

A clock that jumps must not purge on its own: the vault keeps the last day it saw
(:data:`LAST_SEEN_KEY`), and a purge on a day before it (more than a day: time zones) or more
than :data:`MAX_MONTHS_AHEAD` months after it raises :class:`ClockUncertain` until the
coordinator confirms the date.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from desktop.vault import audit, backups, engine
from desktop.vault.audit import AuditKind
from desktop.vault.errors import ClockUncertain, VaultError
from desktop.vault.schema import AuditEvent, Case, Meta
from desktop.vault.validation import add_months
from desktop.vault.vocabulary import CaseStatus

if TYPE_CHECKING:
    from desktop.vault.store import Store

log = logging.getLogger(__name__)

STALE_KEY = "backups_stale"
LAST_SEEN_KEY = "last_seen_day"
MAX_DAYS_BEHIND = 1  # a day's difference is a time zone, not a clock gone wrong
MAX_MONTHS_AHEAD = 3  # longer than any school holiday


class RemovedCases(list[str]):
    """The codes of the cases removed (a plain list of codes, in order), and what became of
    the copies: what the screens list after a purge or a deletion.

    ``day``: for a purge, the date it went by (cases whose retention date was before it).
    ``copies_removed``: copies of the vault deleted on this computer (backups and copies kept
    aside; one fresh backup replaced them). ``copies_pending``: they could not be replaced
    yet (a full disk, say); the next unlock, purge or deletion tries again. The cases are
    gone from the vault either way. ``saved_elsewhere``: backups the coordinator saved
    elsewhere since the earliest of these cases was created: they may still hold it and must
    be removed by hand.
    """

    def __init__(
        self,
        codes: list[str] | tuple[str, ...] = (),
        *,
        saved_elsewhere: int = 0,
        day: dt.date | None = None,
    ) -> None:
        super().__init__(codes)
        self.day = day
        self.copies_removed = 0
        self.copies_pending = False
        self.saved_elsewhere = saved_elsewhere


def today() -> dt.date:
    """The computer's date (one place, so that tests can set the clock)."""
    return dt.date.today()


# ---------------------------------------------------------------------- purging


def purge_cases(session: Session, day: dt.date, *, date_confirmed: bool = False) -> RemovedCases:
    """Delete closed cases whose retention date is before ``day``, in the session's
    transaction; log it if anything went, or if the coordinator confirmed the date, and mark
    the copies of the vault stale if anything went. Does not check the date."""
    expired = session.execute(
        select(Case.id, Case.code)
        .where(Case.status == CaseStatus.CLOSED.value, Case.retain_until < day)
        .order_by(Case.code)
    ).all()
    removed = RemovedCases(
        [code for _id, code in expired],
        saved_elsewhere=saved_elsewhere(session, [code for _id, code in expired]),
        day=day,
    )
    if expired or date_confirmed:
        session.execute(delete(Case).where(Case.id.in_([i for i, _c in expired])))
        event = audit.record(
            session,
            AuditKind.PURGED,
            count=len(removed),
            codes=list(removed),
            today=day.isoformat(),
            saved_elsewhere=removed.saved_elsewhere,
            date_confirmed=date_confirmed,
        )
        if expired:
            mark_stale(session, event)
    return removed


def purge(store: Store, day: dt.date, *, date_confirmed: bool = False) -> RemovedCases:
    """Purge what passed its retention date before ``day``, then replace the copies.

    Raises :class:`ClockUncertain` if ``day`` is far from the last day the vault saw, unless
    the coordinator confirmed it (``date_confirmed``, written to the audit log).
    """
    with store.guard():  # the purge and the copies' replacement, as one call
        with store.session() as session:
            if not date_confirmed:
                check_date(session, day)
            removed = purge_cases(session, day, date_confirmed=date_confirmed)
            last = day if date_confirmed else max(day, last_seen(session) or day)
            _set_last_seen(session, last)
        return replace_copies(store, removed)


def after_restore(session: Session) -> None:
    """In a restore's transaction: purge again what the backup held past its time, unless
    the clock is in doubt (a confirmed purge does it then; the restore goes on)."""
    inherited = session.get(Meta, STALE_KEY)
    if inherited is not None:  # set by the purge that made this backup: done then
        session.delete(inherited)
        session.flush()
    day = today()
    if not date_is_sane(session, day):
        log.warning("the computer's date is in doubt: cases are not purged after the restore")
        return
    purge_cases(session, day)


# ---------------------------------------------------------------------- the copies


def mark_stale(session: Session, event: AuditEvent) -> None:
    """Mark every copy of the vault as holding what ``event`` removed (step 1)."""
    marker = session.get(Meta, STALE_KEY)
    if marker is None:
        session.add(Meta(key=STALE_KEY, value=str(event.seq)))
    else:
        marker.value = str(event.seq)


def replace_copies(store: Store, removed: RemovedCases) -> RemovedCases:
    """Steps 3-5 for what was just removed (committed, marker set), or for an earlier removal
    whose copies were not replaced yet; ``removed`` says how it went.

    Inside :meth:`~desktop.vault.service.Vault.batch` nothing is committed yet and no backup
    can be made: ``RuntimeError``, which rolls the batch back, removal and all.
    """
    if store.batch_session is not None:
        raise RuntimeError("cases are not deleted or purged inside batch()")
    try:
        removed.copies_removed = finish_pending(store) or 0
    except VaultError as exc:
        # The removal itself is done and stays done: the marker keeps the copies' turn.
        log.warning("the vault's copies could not be replaced yet: %s", type(exc).__name__)
        removed.copies_pending = True
    return removed


def replace_backups(store: Store) -> int:
    """Put one fresh backup in place of every copy of this vault beside it (after a key
    change: so that an old passphrase opens none of them); returns how many went.
    Crash-safe like a purge's: a marker committed first, finished at the next unlock."""
    with store.guard():
        with store.session() as session:
            event = audit.record(session, AuditKind.BACKUPS_TO_REPLACE)
            mark_stale(session, event)
        return finish_pending(store) or 0


def finish_pending(store: Store) -> int | None:
    """If the copies are marked stale: a fresh backup, every other copy of this vault
    deleted, the marker cleared. How many copies went; None if none were marked.

    With no copy of this vault beside it, no backup is made: the marker is just cleared.
    """
    with store.guard():  # one call: no other thread's save between backup and removal
        return _finish_pending(store)


def _finish_pending(store: Store) -> int | None:
    with store.session() as session:
        marker = session.get(Meta, STALE_KEY)
        if marker is None:
            return None
        completes = int(marker.value) if marker.value.isdecimal() else None
        vault_id = session.get(Meta, "vault_id")
        assert vault_id is not None
    key = bytes(store.key)
    removed = 0
    with engine.user_errors(store.path, lambda: backups.newest_backup(store.path)):
        if backups.copies_of_vault(store.path, vault_id.value, key):
            fresh = store.write_backup(None, "")
            copies = backups.copies_of_vault(store.path, vault_id.value, key, keep=fresh)
            removed = backups.remove_copies(store.path, copies)
    with store.session() as session:
        marker = session.get(Meta, STALE_KEY)
        if marker is not None:
            session.delete(marker)
        if removed:
            audit.record(
                session,
                AuditKind.COPIES_REPLACED,
                copies_removed=removed,
                completes_event=completes,
            )
    return removed


def finish_at_unlock(store: Store) -> None:
    """At unlock: finish replacing the copies if a purge or deletion was cut off. A failure
    (a full disk) does not stop the unlock: the marker stays, and the next unlock, purge or
    deletion tries again."""
    replace_copies(store, RemovedCases())


def saved_elsewhere(session: Session, codes: list[str]) -> int:
    """Backups saved outside the vault's folder (``backup(to=…)``: their name is not logged)
    since the earliest of ``codes`` was created; all of them if its creation is not logged."""
    if not codes:
        return 0
    created = session.scalar(
        select(func.min(AuditEvent.seq)).where(
            AuditEvent.kind == AuditKind.CASE_CREATED.value, AuditEvent.case_code.in_(codes)
        )
    )
    rows = session.execute(
        select(AuditEvent.kind, AuditEvent.details).where(
            AuditEvent.kind.in_([AuditKind.BACKED_UP.value, AuditKind.BACKUP_STARTED.value]),
            AuditEvent.seq > (created or 0),
        )
    ).all()
    elsewhere = [kind for kind, text in rows if json.loads(text).get("file") is None]
    # Each backup elsewhere is logged as started before it is written (a crash can leave
    # it on the stick, finished or not); logs from before that have only the finished ones.
    started = elsewhere.count(AuditKind.BACKUP_STARTED.value)
    return max(started, elsewhere.count(AuditKind.BACKED_UP.value))


# ---------------------------------------------------------------------- the clock


def last_seen(session: Session) -> dt.date | None:
    """The last day the vault saw: kept in ``meta``; for a vault that has not kept it yet, the
    day of its newest audit event (a restore's own event says nothing about the clock)."""
    kept = session.get(Meta, LAST_SEEN_KEY)
    if kept is not None:
        with contextlib.suppress(ValueError):  # not a date: as if never kept
            return dt.date.fromisoformat(kept.value)
    newest = session.scalar(
        select(AuditEvent.at)
        .where(AuditEvent.kind != AuditKind.RESTORED.value)
        .order_by(AuditEvent.id.desc())
        .limit(1)
    )
    return dt.date.fromisoformat(newest[:10]) if newest else None


def date_is_sane(session: Session, day: dt.date) -> bool:
    seen = last_seen(session)
    return seen is None or _within_reach(seen, day)


def check_date(session: Session, day: dt.date) -> None:
    """:class:`ClockUncertain` if ``day`` is not one to purge with without asking."""
    seen = last_seen(session)
    if seen is not None and not _within_reach(seen, day):
        raise ClockUncertain(day, seen)


def note_date(session: Session) -> None:
    """At each unlock: remember today as the last day seen, if the clock can be believed (a
    jump is not remembered: a purge then asks for the date)."""
    day = today()
    seen = last_seen(session)
    if seen is None or _within_reach(seen, day):
        _set_last_seen(session, max(day, seen or day))


def _within_reach(seen: dt.date, day: dt.date) -> bool:
    return seen - dt.timedelta(days=MAX_DAYS_BEHIND) <= day <= add_months(seen, MAX_MONTHS_AHEAD)


def _set_last_seen(session: Session, day: dt.date) -> None:
    kept = session.get(Meta, LAST_SEEN_KEY)
    if kept is None:
        session.add(Meta(key=LAST_SEEN_KEY, value=day.isoformat()))
    elif kept.value != day.isoformat():
        kept.value = day.isoformat()
