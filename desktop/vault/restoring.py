"""Restoring a backup in place of the vault: which key header opens it, and what is written
into the restored file before it is swapped in (``desktop.vault.rotation``).

A backup carries the key of its time: the passphrase change that came after it gave the live
vault a new key. So the header copy beside the backup is tried first, then the header beside
the vault. The restored file gets, before the swap and in one transaction: the case counters
of the vault it replaces (a case code given out since the backup is never given again: it
may be in a letter), the restore event (naming the head of the log it cut off, so the
anchor check knows that step back was meant), and a purge of what passed its retention
date since the backup was made. A crash before the swap leaves the old vault; after it, the
restored one with all of that.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from desktop.vault import (
    anchor,
    audit,
    backups,
    engine,
    migrations,
    opening,
    queries,
    retention,
    rotation,
)
from desktop.vault.anchor import AnchorKey, Role
from desktop.vault.audit import AuditKind
from desktop.vault.errors import (
    BackupFromEarlierKey,
    BackupInvalid,
    KeyFileMissing,
    NotAVault,
    RestoreNeedsOpenVault,
    VaultError,
    WrongPassphrase,
    WrongRecoveryKey,
)
from desktop.vault.keyheader import KeyHeader, header_path, read_header

if TYPE_CHECKING:
    from desktop.vault.store import Store


@dataclass(frozen=True)
class BackupKey:
    header: KeyHeader  # the header that opens the backup (in force once it is restored)
    db_key: bytes
    unlocked_with: str
    version: int  # the backup's schema version


def live_header(vault_file: Path) -> KeyHeader | None:
    """The header beside the vault as it counts now; None if it is missing or damaged."""
    try:
        return opening.in_force(vault_file, read_header(header_path(vault_file)))
    except (FileNotFoundError, NotAVault):
        return None


def key_for_backup(
    vault_file: Path, source: Path, passphrase: str | None, recovery_key: str | None
) -> BackupKey:
    """The header and key that open ``source``: its own header copy first, then the
    vault's. :class:`BackupInvalid` if a key unwraps but the file is not a whole backup."""
    candidates: list[KeyHeader] = []
    with contextlib.suppress(FileNotFoundError, NotAVault):
        candidates.append(read_header(backups.header_beside(source)).settled())
    live = live_header(vault_file)
    if live is not None and all(live.passphrase != c.passphrase for c in candidates):
        candidates.append(live)
    if not candidates:
        raise KeyFileMissing(header_path(vault_file), None)
    via = "passphrase" if passphrase is not None else "recovery_key"
    problems: list[Exception] = []
    for header in candidates:
        try:
            db_key = opening.unwrap_only(header, passphrase, recovery_key)
        except (WrongPassphrase, WrongRecoveryKey) as exc:
            problems.append(exc)
            continue
        try:
            version = backups.check_backup(source, db_key, header.vault_id)
        except BackupInvalid as exc:
            problems.append(exc)
            continue
        return BackupKey(header, db_key, via, version)
    if all(isinstance(p, WrongPassphrase | WrongRecoveryKey) for p in problems):
        opening.note_failed_unlock(vault_file, via)
        raise problems[0]
    if len(problems) == 2 and isinstance(problems[0], WrongPassphrase | WrongRecoveryKey):
        # Its own header refused the passphrase, the vault's opened a key that is not the
        # backup's: a backup from before a passphrase change.
        raise BackupFromEarlierKey(source)
    raise next(p for p in problems if isinstance(p, BackupInvalid))


def check_same_key(source: Path, store: Store) -> int:
    """The schema version of ``source``, a whole backup of the open vault under its current
    key; :class:`BackupFromEarlierKey` for one of this vault from before a key change (it is
    restored with its own passphrase, after locking), :class:`BackupInvalid` otherwise."""
    try:
        return backups.check_backup(source, bytes(store.key), store.header.vault_id)
    except BackupInvalid as invalid:
        try:
            copy = read_header(backups.header_beside(source))
        except (OSError, VaultError):
            raise invalid from None
        if copy.vault_id == store.header.vault_id and copy.slots != store.header.slots:
            raise BackupFromEarlierKey(source) from None
        raise


def check_backup_of(
    source: Path, store: Store, passphrase: str | None, recovery_key: str | None
) -> tuple[int, bytes | None]:
    """The schema version of ``source``, a backup of the open vault, and its key if that is
    not the one in force (a backup from before a key change, opened with the secret of its
    time through its own header copy)."""
    try:
        return check_same_key(source, store), None
    except BackupFromEarlierKey:
        if passphrase is None and recovery_key is None:
            raise
    copy = read_header(backups.header_beside(source)).settled()
    try:
        backup_key = opening.unwrap_only(copy, passphrase, recovery_key)
    except (WrongPassphrase, WrongRecoveryKey):
        raise BackupFromEarlierKey(source) from None
    return backups.check_backup(source, backup_key, store.header.vault_id), backup_key


def record_restore(
    session: Session,
    *,
    source: Path,
    from_version: int,
    replaced: queries.LogState | None,
    safety: Path | None,
) -> None:
    """What the restored file gets before it is swapped in (see the module's text)."""
    if replaced is not None:
        queries.keep_counters(session, replaced.counters)
    # A new generation: backups made before this restore no longer say where the log is.
    before = max(audit.restore_generation(session), replaced.generation if replaced else 0)
    audit.set_restore_generation(session, before + 1)
    audit.record(
        session,
        AuditKind.RESTORED,
        file=backups.safe_name(source),
        from_version=from_version,
        sha256=backups.sha256_of(source),
        safety_copy=backups.safe_name(safety) if safety else None,
        safety_sha256=backups.sha256_of(safety) if safety else None,
        replaced_events=replaced.events if replaced else None,
        replaced_head=replaced.head if replaced else None,
    )
    # A backup from before a purge holds cases whose time is up: they go again at once (if
    # the clock can be trusted), rather than coming back with the restore.
    retention.after_restore(session)


def restore_file(
    vault_file: Path, source: Path, passphrase: str | None, recovery_key: str | None
) -> BackupKey:
    """Put the backup ``source`` in place of ``vault_file`` (which may be damaged, of
    another key, or gone); the file replaced is kept beside it with its header.

    Where the secret given opens the vault in place (through its header, or a header copy
    beside a backup), the backup is restored under that vault's key and header: restoring
    never brings an earlier passphrase back. Where it does not open a vault of the same id
    whose header is whole, :class:`RestoreNeedsOpenVault`: the numbers given out since the
    backup could not be read. Case numbers and the restore generation are taken from the
    vault replaced and from every backup of it the keys open.
    """
    found = key_for_backup(vault_file, source, passphrase, recovery_key)
    migrations.check_supported(found.version)
    live = live_header(vault_file)
    live_key = live_header_key = None
    if vault_file.exists():
        try:
            opened = opening.open_key(vault_file, passphrase, recovery_key, count_failure=False)
        except (WrongPassphrase, WrongRecoveryKey):
            if live is not None and live.vault_id == found.header.vault_id:
                raise RestoreNeedsOpenVault() from None
            opened = None  # another vault's header
        except VaultError:
            opened = None  # no header and no copy that opens it: nothing to read there
        if opened is not None and opened.header.vault_id == found.header.vault_id:
            live_key, live_header_key = opened.db_key, opened.header
    keys = [k for k in (live_key, found.db_key) if k is not None]
    replaced = _seen_before(vault_file, keys, found.header.vault_id)
    if vault_file.exists():
        keep_replaced(vault_file)
    if opening.journal(vault_file).exists():  # a journal whose file went aside: never apply it
        opening.keep_aside(opening.journal(vault_file), "vervangen")
    if live_key is not None and live_header_key is not None:
        # The vault's own key and header stay: the backup is exported under them.
        key, header = live_key, live_header_key
        part = rotation.export_backup(source, found.db_key, vault_file, live_key)
    else:
        key, header = found.db_key, found.header
        part = rotation.copy_in(vault_file, source)
    try:
        head, generation = rotation.record_in(
            part,
            key,
            lambda session: record_restore(
                session, source=source, from_version=found.version, replaced=replaced, safety=None
            ),
        )
        rotation.swap_in(
            vault_file,
            new_key=AnchorKey(key, header.vault_id),
            new_head=head,
            generation=generation,
            header_now=live,
            header_new=live if live is not None and live.slots == header.slots else header,
        )
    except BaseException:
        rotation.discard(vault_file)
        raise
    return BackupKey(header, key, found.unlocked_with, found.version)


def _seen_before(vault_file: Path, keys: list[bytes], vault_id: str) -> queries.LogState:
    """The highest case numbers and restore generation the vault in place and its backups
    reached, as far as ``keys`` open them (read-only; nothing found: nothing to keep)."""
    states = [opening.read_log_state(vault_file, key, vault_id) for key in keys]
    for path in backups.list_backups(vault_file):
        for key in keys:
            meta = engine.read_meta(path, key)
            if meta is not None and meta.get("vault_id") == vault_id:
                with contextlib.suppress(ValueError):
                    states.append(queries.state_of(meta))
                break
    counters: dict[str, int] = {}
    for state in (s for s in states if s is not None):
        for name, number in state.counters.items():
            counters[name] = max(number, counters.get(name, 0))
    generations = [s.generation for s in states if s is not None]
    for _path, copy in backups.header_copies_of(vault_file, vault_id):  # signed generations
        for key in keys:
            signed = anchor.backup_heads([copy.anchor] if copy.anchor else [])
            verified = [AnchorKey(key, vault_id).verified(h, Role.BACKUP) for h in signed]
            generations += [v.generation for v in verified if v is not None]
    live = states[0] if states and states[0] is not None else None
    return queries.LogState(
        counters,
        live.events if live else None,
        live.head if live else None,
        max(generations, default=0),
    )


def keep_replaced(vault_file: Path) -> Path:
    """Keep the vault about to be replaced, with its header, as
    ``kluis.vervangen-<time>.db`` and ``.sleutel`` (one time, so they go together)."""
    kept = backups.set_aside_path(vault_file, "vervangen")
    if header_path(vault_file).exists():  # so that the kept copy opens too
        opening.preserve_as(header_path(vault_file), header_path(kept))
    if opening.journal(vault_file).exists():
        # A crash's journal belongs to the file: they go aside together (the file first), so
        # that a file without its journal (half a transaction) is never in place. Until the
        # restored file is renamed in, there is no vault; a journal left alone by a kill
        # between the two is put aside before any file is renamed in (restore_file).
        os.replace(vault_file, kept)
        os.replace(opening.journal(vault_file), opening.journal(kept))
        backups.fsync_dir(vault_file.parent)
    else:
        opening.preserve_as(vault_file, kept)
    return kept
