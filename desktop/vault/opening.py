"""Opening a vault file: the checks before any write, and what happens to failed attempts.

Order on unlock: the file is there and is not a plain SQLite database; the key header beside
it reads; the passphrase (or recovery key) unwraps the database key; then, read-only, every
page's HMAC checks out and the schema version is one this app knows. Only then is the vault
opened for writing. A damaged vault is therefore never written to.

Failed attempts are kept in this process (a wrong passphrase must write nothing) and taken
by the next successful unlock of the same file, which writes them to the audit log.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from pathlib import Path

from desktop.vault import backups, engine, migrations, queries, recovery
from desktop.vault.errors import (
    KeyFileMissing,
    NotAVault,
    VaultCorrupt,
    VaultMissing,
    WrongPassphrase,
    WrongRecoveryKey,
)
from desktop.vault.keyheader import KeyHeader, header_path, read_header

SQLITE_MAGIC = b"SQLite format 3\x00"
MAX_REMEMBERED_FAILURES = 100

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
    that is about to be replaced (it may be damaged; then None)."""
    if journal(vault_file).exists():  # read-only cannot roll a crash back: do not guess
        return None
    try:
        conn = engine.connect(vault_file, db_key, settings=False, read_only=True)
    except Exception:
        return None
    try:
        rows = conn.execute("SELECT key, value FROM meta").fetchall()
    except Exception:
        return None
    finally:
        conn.close()
    values = {str(key): str(value) for key, value in rows}
    if values.get("vault_id") != vault_id:
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


def unwrap(
    vault_file: Path, header: KeyHeader, passphrase: str | None, recovery_key: str | None
) -> tuple[bytes, str]:
    via = "passphrase" if passphrase is not None else "recovery_key"
    try:
        if passphrase is not None:
            return header.unwrap_with_passphrase(passphrase), via
        assert recovery_key is not None
        return header.unwrap_with_recovery(recovery.parse_key(recovery_key)), via
    except (WrongPassphrase, WrongRecoveryKey):
        with _failed_lock:
            attempts = _failed_unlocks.setdefault(vault_file.resolve(), [])
            attempts.append((dt.datetime.now(dt.UTC), via))
            del attempts[:-MAX_REMEMBERED_FAILURES]
        raise


def probe(vault_file: Path, db_key: bytes) -> None:
    """Check the vault before anything writes to it: every page's HMAC, the schema version.

    Read-only, so that a damaged vault is left exactly as it was. Only when a crash left a
    rollback journal is the file opened for writing: SQLite must roll that back first.
    """
    read_only = not journal(vault_file).exists()
    with engine.user_errors(vault_file, lambda: backups.newest_backup(vault_file)):
        conn = engine.connect(vault_file, db_key, settings=not read_only, read_only=read_only)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
            if conn.execute("PRAGMA cipher_integrity_check").fetchall():
                raise VaultCorrupt(vault_file, backups.newest_backup(vault_file))
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version < 1:  # set-up never finished
                raise VaultCorrupt(vault_file, backups.newest_backup(vault_file))
            migrations.check_supported(version)
        finally:
            conn.close()


def journal(vault_file: Path) -> Path:
    return vault_file.with_name(vault_file.name + "-journal")


def keep_aside(path: Path, label: str) -> None:
    """Rename ``path`` (if there) to ``<stem>.<label>-<time><suffix>``: kept, not deleted."""
    if path.exists():
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        os.replace(path, path.with_name(f"{path.stem}.{label}-{stamp}{path.suffix}"))


def preserve(path: Path, label: str) -> None:
    """Keep a copy of ``path`` as ``<stem>.<label>-<time><suffix>`` before it is replaced."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    kept = path.with_name(f"{path.stem}.{label}-{stamp}{path.suffix}")
    try:
        os.link(path, kept)
    except OSError:
        backups.copy_durably(path, kept)
