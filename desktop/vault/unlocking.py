"""What every opening of a vault does once its file is open, before the screens get it.

In this order: backups a crash cut off are removed; the audit chain's head is checked against
the heads kept outside the database (``desktop.vault.anchor``), first, before any commit
moves the anchor on, and what does not hold is written in the log; the schema is migrated
(a backup before each step); a backup that a crash left without its event gets one; failed
attempts since the last unlock and the unlock itself are written; the last day the vault saw
moves on; and copies that a purge or deletion was cut off before replacing are replaced
(``desktop.vault.retention``), except right after a restore.
"""

from __future__ import annotations

from pathlib import Path

from desktop.vault import anchor, audit, backups, migrations, opening, retention
from desktop.vault.anchor import AnchorProblem
from desktop.vault.audit import AuditKind
from desktop.vault.store import Store


def after_open(
    store: Store,
    unlocked_with: str,
    *,
    count_as_unlock: bool = True,
    header_copy: Path | None = None,
    restored: bool = False,
) -> tuple[AnchorProblem, ...]:
    """The checks and events above; returns what the head check found (for the screens)."""
    # Encrypted, but case data all the same; we hold the vault's lock, so no backup of ours
    # is being written now.
    backups.remove_unfinished(store.path)
    remove_stale_temporaries(store.path)
    store.load_generation()
    with store.session() as session:
        problems = anchor.check_and_record(
            session, store.path, store.anchor_key, header_copy=header_copy
        )
    with store.session() as session:
        version = migrations.read_version(session.connection())
    for step in migrations.pending(version):
        store.write_backup(None, f"voor-v{step.to_version}")
        with store.session() as session:
            conn = session.connection()
            step.apply(conn)
            migrations.set_version(conn, step.to_version)
            audit.record(
                session,
                AuditKind.MIGRATED,
                from_version=step.to_version - 1,
                to_version=step.to_version,
                step=step.description,
            )
    with store.session() as session:
        unrecorded = backups.unrecorded(session, store.path)
    for path in unrecorded:  # a backup whose process was killed after its rename
        store.record_backup(path, found=True)
    failed = opening.take_failed_unlocks(store.path)
    try:
        with store.session() as session:
            for when, via in failed:
                audit.record(session, AuditKind.UNLOCK_FAILED, now=when, via=via)
            if count_as_unlock:
                audit.record(session, AuditKind.UNLOCKED, via=unlocked_with)
            retention.note_date(session)
    except BaseException:
        opening.give_back_failed_unlocks(store.path, failed)  # written next time
        raise
    if not restored:  # a purge or deletion cut off: its copies go now
        retention.finish_at_unlock(store)
    return tuple(problems)


def remove_stale_temporaries(vault_file: Path) -> None:
    """Temporary files a crash cut off: of the header and the anchor (encrypted keys and
    hashes), and the copy in which a crash journal is rolled back to read the case numbers
    (case data)."""
    stem = vault_file.stem
    patterns = (
        f".{stem}.sleutel.*.part",
        f".{stem}.anker.*.part",
        f"..{stem}.nieuw.sleutel.*.part",
        f".{vault_file.name}.stand",
        f".{vault_file.name}.stand-journal",
    )
    for pattern in patterns:
        for stale in vault_file.parent.glob(pattern):
            stale.unlink(missing_ok=True)
