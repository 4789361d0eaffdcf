"""Opening a vault file: the checks before any write, and what happens to failed attempts.

Order on unlock: the file is there and is not a plain SQLite database; the key header beside
it reads (or, if it is damaged or gone, an intact copy beside a backup that opens this very
file); the header's pending slots count or not, depending on whether the new file of a key
rotation was swapped in (``desktop.vault.keyheader``); the passphrase (or recovery key)
unwraps the database key; then, read-only, every page's HMAC checks out, SQLite's
``quick_check`` finds the structure whole and the schema version is one this app knows. Only
then is anything written. A damaged vault is therefore never written to, with one exception
that SQLite does not let us avoid: a rollback journal left by a crash must be rolled back
before the file can be read. The vault and that journal are first copied aside as they are,
so that the original pair can be handed to an expert if the check then fails.

Failed attempts are kept in this process (a wrong passphrase must write nothing) and taken
by the next successful unlock of the same file, which writes them to the audit log.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import secrets
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path

from desktop.vault import backups, engine, kdf, migrations, queries, recovery, rotation
from desktop.vault.errors import (
    KeyFileMissing,
    NotAVault,
    VaultCorrupt,
    VaultError,
    VaultMissing,
    WrongPassphrase,
    WrongRecoveryKey,
)
from desktop.vault.keyheader import (
    HEADER_SUFFIX,
    KeyHeader,
    Slot,
    header_path,
    new_header,
    read_header,
    swap_file,
    swap_header,
    write_header,
)

SQLITE_MAGIC = b"SQLite format 3\x00"
MAX_REMEMBERED_FAILURES = 100
MAX_HEADER_COPIES_TRIED = 8  # distinct copies, each one Argon2id derivation

_failed_unlocks: dict[Path, list[tuple[dt.datetime, str]]] = {}
_failed_lock = threading.Lock()


def take_failed_unlocks(vault_file: Path) -> list[tuple[dt.datetime, str]]:
    """The failed attempts on ``vault_file`` since the last successful unlock (and forget them)."""
    with _failed_lock:
        return _failed_unlocks.pop(vault_file.resolve(), [])


def give_back_failed_unlocks(vault_file: Path, failed: list[tuple[dt.datetime, str]]) -> None:
    """Put back attempts taken by an unlock that could not write them (written next time)."""
    if not failed:
        return
    with _failed_lock:
        attempts = _failed_unlocks.setdefault(vault_file.resolve(), [])
        attempts[:0] = failed
        del attempts[:-MAX_REMEMBERED_FAILURES]


def read_log_state(vault_file: Path, db_key: bytes, vault_id: str) -> queries.LogState | None:
    """Read-only and as far as it goes: the case counters and audit head of a vault file
    that is about to be replaced (it may be damaged; then None). A rollback journal a crash
    left is rolled back in a copy beside it (removed again), never in the file itself."""
    source = vault_file
    scratch = vault_file.with_name(f".{vault_file.name}.stand")
    try:
        if journal(vault_file).exists():
            shutil.copyfile(vault_file, scratch)
            shutil.copyfile(journal(vault_file), journal(scratch))
            conn = engine.connect(scratch, db_key, settings=False)
            try:  # the first read rolls the journal back
                conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
            finally:
                conn.close()
            source = scratch
        values = engine.read_meta(source, db_key)
    except Exception:
        values = None
    finally:
        for leftover in (scratch, journal(scratch)):
            with contextlib.suppress(OSError):
                leftover.unlink()
    if values is None or values.get("vault_id") != vault_id:
        return None
    try:
        return queries.state_of(values)
    except ValueError:
        return None


def check_present(vault_file: Path) -> None:
    if not vault_file.exists():
        raise VaultMissing(vault_file, backups.newest_backup(vault_file))
    if not vault_file.is_file():
        raise NotAVault(vault_file)
    with vault_file.open("rb") as handle:
        start = handle.read(len(SQLITE_MAGIC))
    if start == SQLITE_MAGIC:  # a plain SQLite database: encrypted files start with a salt
        raise NotAVault(vault_file)


def read_header_of(vault_file: Path) -> KeyHeader:
    try:
        return read_header(header_path(vault_file))
    except FileNotFoundError as exc:
        size = vault_file.stat().st_size
        if size == 0 or size % 512:  # not a page-structured file: something else entirely
            raise NotAVault(vault_file) from exc
        raise KeyFileMissing(header_path(vault_file), backups.newest_backup(vault_file)) from exc


def unwrap_only(header: KeyHeader, passphrase: str | None, recovery_key: str | None) -> bytes:
    if passphrase is not None:
        return header.unwrap_with_passphrase(passphrase)
    assert recovery_key is not None
    return header.unwrap_with_recovery(recovery.parse_key(recovery_key))


def note_failed_unlock(vault_file: Path, via: str) -> None:
    with _failed_lock:
        attempts = _failed_unlocks.setdefault(vault_file.resolve(), [])
        attempts.append((dt.datetime.now(dt.UTC), via))
        del attempts[:-MAX_REMEMBERED_FAILURES]


def probe(vault_file: Path, db_key: bytes) -> None:
    """Check the vault before anything writes to it: every page's HMAC, SQLite's
    ``quick_check``, the schema version.

    Read-only, so that a damaged vault is left exactly as it was. Only when a crash left a
    rollback journal is the file opened for writing, since SQLite must roll that back first:
    the vault and the journal are copied aside before, and removed again if all is well.
    """
    newest = backups.newest_backup(vault_file)
    kept = keep_evidence(vault_file)
    read_only = kept is None and not journal(vault_file).exists()

    def damaged() -> VaultCorrupt:
        return VaultCorrupt(vault_file, newest, unchanged=read_only, kept=kept)

    try:
        conn = engine.connect(vault_file, db_key, settings=not read_only, read_only=read_only)
    except Exception as exc:
        mapped = engine.translate(exc, vault_file, lambda: newest)
        if isinstance(mapped, VaultCorrupt):
            raise damaged() from exc
        raise mapped or exc from exc
    try:
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
            if conn.execute("PRAGMA cipher_integrity_check").fetchall():
                raise damaged()
            if conn.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
                raise damaged()
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except VaultError:
            raise
        except Exception as exc:
            mapped = engine.translate(exc, vault_file, lambda: newest)
            if isinstance(mapped, VaultCorrupt):
                raise damaged() from exc
            raise mapped or exc from exc
        if version < 1:  # set-up never finished
            raise damaged()
        migrations.check_supported(version)
    finally:
        conn.close()
    if kept is not None:  # rolled back and whole: the copies are case data, not needed
        for copy in (kept, kept.with_name(kept.name + "-journal")):
            with contextlib.suppress(OSError):
                copy.unlink()


def keep_evidence(vault_file: Path) -> Path | None:
    """If a crash left a rollback journal: copy the vault and the journal, as they are, to
    ``kluis.voor-herstel-<time>.db`` and ``…db-journal``; returns the first (else None)."""
    hot = journal(vault_file)
    if not hot.exists() or hot.stat().st_size == 0:
        return None
    kept = backups.set_aside_path(vault_file, "voor-herstel")
    backups.copy_durably(hot, kept.with_name(kept.name + "-journal"))
    backups.copy_durably(vault_file, kept)
    return kept


# ---------------------------------------------------------------------- the key


@dataclass(frozen=True)
class OpenedKey:
    """The database key and the header in force, as unlock found them."""

    header: KeyHeader  # pending slots settled one way or the other; no anchor
    db_key: bytes
    unlocked_with: str  # "passphrase" or "recovery_key"
    header_copy: Path | None = None  # the copy beside a backup used for a damaged header
    header_changed: bool = False  # the file beside the vault must be written anew


def open_key(
    vault_file: Path,
    passphrase: str | None,
    recovery_key: str | None,
    *,
    count_failure: bool = True,
) -> OpenedKey:
    """Unwrap the database key: with the header beside the vault, or, if that one is gone,
    damaged, or does not take this passphrase (a slot damaged inside, or the header of a
    swap cut off just after its rename), with a header copy whose key opens this very file.
    A wrong passphrase is counted only when no copy takes it either."""
    via = "passphrase" if passphrase is not None else "recovery_key"
    try:
        header = read_header_of(vault_file)
    except (KeyFileMissing, NotAVault) as problem:
        if isinstance(problem, NotAVault) and problem.path == vault_file:
            raise
        found = _open_with_copies(vault_file, passphrase, recovery_key, tried=None)
        if found is None:
            raise
        return found
    effective = in_force(vault_file, header)
    try:
        db_key = unwrap_only(effective, passphrase, recovery_key)
    except (WrongPassphrase, WrongRecoveryKey):
        found = _open_with_copies(vault_file, passphrase, recovery_key, tried=effective)
        if found is None:
            if count_failure:
                note_failed_unlock(vault_file, via)
            raise
        return found
    if swap_header(vault_file).exists() and not key_opens(vault_file, db_key, header.vault_id):
        # A restore under another vault's key was cut off after its rename: the header in
        # force opens the file it replaced, the one waiting beside the vault this one.
        found = _open_with_copies(vault_file, passphrase, recovery_key, tried=effective)
        if found is not None:
            return found
    return OpenedKey(effective, db_key, via, header_changed=effective != header)


def in_force(vault_file: Path, header: KeyHeader) -> KeyHeader:
    """``header`` as it counts now: while a rotation's new file is still there it was not
    swapped in, and the current slots count; once it is gone it was, and the pending ones do."""
    if header.pending is None:
        return header.settled()
    return header.settled() if swap_file(vault_file).exists() else header.promoted()


def _open_with_copies(
    vault_file: Path, passphrase: str | None, recovery_key: str | None, tried: KeyHeader | None
) -> OpenedKey | None:
    if recovery_key is not None:
        recovery.parse_key(recovery_key)  # a typing error is said as such, before any copy
    seen: set[Slot] = set()
    if tried is not None:  # the header beside the vault: its slot was tried already
        seen.add(tried.passphrase if passphrase is not None else tried.recovery)
    for copy in header_copies(vault_file)[: MAX_HEADER_COPIES_TRIED * 4]:
        try:
            header = read_header(copy).settled()
        except (VaultError, OSError):
            continue
        slot = header.passphrase if passphrase is not None else header.recovery
        if slot in seen:
            continue
        seen.add(slot)
        if len(seen) > MAX_HEADER_COPIES_TRIED + (tried is not None):
            break
        try:
            db_key = unwrap_only(header, passphrase, recovery_key)
        except (WrongPassphrase, WrongRecoveryKey):
            continue
        if key_opens(vault_file, db_key, header.vault_id):
            how = "passphrase" if passphrase is not None else "recovery_key"
            return OpenedKey(header, db_key, how, header_copy=copy, header_changed=True)
    return None


def header_copies(vault_file: Path) -> list[Path]:
    """Copies of key headers: the one a restore writes before its rename (first), then
    those beside backups and set-aside files, newest first."""
    found = [
        *backups.backup_dir(vault_file).glob(f"*{HEADER_SUFFIX}"),
        *vault_file.parent.glob(f"{vault_file.stem}.*-*{HEADER_SUFFIX}"),
    ]
    files = [p for p in found if p.is_file()]
    newest = sorted(files, key=lambda p: (p.stat().st_mtime_ns, p.name), reverse=True)
    swapping = swap_header(vault_file)
    return [swapping, *newest] if swapping.is_file() else newest


def key_opens(vault_file: Path, db_key: bytes, vault_id: str) -> bool:
    """Whether ``db_key`` opens ``vault_file`` and it is the vault ``vault_id`` (read-only)."""
    meta = engine.read_meta(vault_file, db_key)
    return meta is not None and meta.get("vault_id") == vault_id


def settle(vault_file: Path, opened: OpenedKey) -> None:
    """After a successful check: keep a damaged header aside, write the header in force,
    and only then remove what a swap that did not happen left (in that order: a header with
    pending slots and no new file beside it would mean the swap happened)."""
    if opened.header_copy is not None and header_path(vault_file).exists():
        keep_aside(header_path(vault_file), "beschadigd")
    if opened.header_changed:
        write_header(header_path(vault_file), opened.header)
    rotation.discard(vault_file)


def journal(vault_file: Path) -> Path:
    return vault_file.with_name(vault_file.name + "-journal")


def keep_aside(path: Path, label: str) -> None:
    """Rename ``path`` (if there) to ``<stem>.<label>-<time><suffix>``: kept, not deleted."""
    if path.exists():
        os.replace(path, backups.set_aside_path(path, label))


def preserve_as(path: Path, kept: Path) -> None:
    """Keep a copy of ``path`` as ``kept`` before it is replaced (a hard link if it can)."""
    try:
        os.link(path, kept)
    except OSError:
        backups.copy_durably(path, kept)


# ---------------------------------------------------------------------- a new vault


def make_new(
    vault_file: Path, passphrase: str, params: kdf.Argon2Params
) -> tuple[KeyHeader, bytes, str]:
    """The files of a new vault (under its lock): a random database key, its key header, an
    empty private database file. Returns the header, the key and the recovery key as the
    person writes it down (shown once, stored nowhere)."""
    # A header left by a set-up that never finished: kept aside, not deleted.
    keep_aside(header_path(vault_file), "oud")
    db_key = secrets.token_bytes(32)
    secret = recovery.new_secret()
    header = new_header(db_key, passphrase, secret, params)
    write_header(header_path(vault_file), header)
    backups.new_private_file(vault_file)
    return header, db_key, recovery.format_key(secret)


def remove_new(vault_file: Path) -> None:
    """Remove what :func:`make_new` and a set-up that failed after it left."""
    from desktop.vault.anchor import anchor_path

    for leftover in (
        vault_file,
        journal(vault_file),
        header_path(vault_file),
        anchor_path(vault_file),
    ):
        with contextlib.suppress(OSError):
            leftover.unlink()
