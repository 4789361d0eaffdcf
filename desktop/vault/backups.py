"""Backups: encrypted copies of the vault in ``backups/`` beside it, each with its key header.

A backup is made with SQLite's backup API from the open connection into a new file keyed with
the same database key, so it is encrypted exactly like the vault, consistent (one snapshot),
and carries the schema version. It is written as ``.part`` and fsynced; then a copy of the
key header goes beside it (``.sleutel``), holding the audit anchor of the backup's head
(``desktop.vault.anchor``); then the ``.part`` is renamed. So a backup is never without its
header copy, and it opens on its own, with the passphrase (and recovery key) in force when
it was made, also after the passphrase has changed (the database key changes with it) or the
header beside the vault was lost.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.vault import engine
from desktop.vault.errors import BackupInvalid, VaultError
from desktop.vault.keyheader import HEADER_SUFFIX, KeyHeader, read_header, write_header

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from desktop.vault.anchor import SignedHead

BACKUP_FOLDER = "backups"
_GENERATED = re.compile(r"^[a-z]+-\d{8}-\d{6}-\d{6}(-[a-z0-9-]{1,24})?\.db$")


def backup_dir(vault_file: Path) -> Path:
    return vault_file.parent / BACKUP_FOLDER


def time_stamp(now: dt.datetime | None = None) -> str:
    """``20261123-154501-123456``: in the names of files kept; sorts by time, never collides."""
    return (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S-%f")


def set_aside_path(path: Path, label: str) -> Path:
    """``kluis.<label>-<time>.db`` beside ``kluis.db``: where a file is kept, not deleted."""
    return path.with_name(f"{path.stem}.{label}-{time_stamp()}{path.suffix}")


def new_backup_path(vault_file: Path, label: str = "", *, now: dt.datetime | None = None) -> Path:
    """``backups/kluis-20261123-154501-123456[-label].db``: sorts by time, never collides."""
    stamp = time_stamp(now)
    suffix = f"-{label}" if label else ""
    return backup_dir(vault_file) / f"{vault_file.stem}-{stamp}{suffix}{vault_file.suffix}"


def list_backups(vault_file: Path) -> list[Path]:
    """Backups beside the vault, newest first."""
    folder = backup_dir(vault_file)
    if not folder.is_dir():
        return []
    found = [
        p
        for p in folder.glob(f"{vault_file.stem}-*{vault_file.suffix}")
        if p.is_file() and not p.name.startswith(".")
    ]
    return sorted(found, key=lambda p: (p.stat().st_mtime_ns, p.name), reverse=True)


def copies_of_vault(
    vault_file: Path, vault_id: str, db_key: bytes, *, keep: Path | None = None
) -> list[Path]:
    """Every copy of this vault's database beside it, but ``keep``: its backups in
    ``backups/`` and the copies kept aside beside the vault (``kluis.vervangen-….db``), each
    followed by its header copy; then header copies of this vault whose database is gone.

    A copy is this vault's when its header copy names this vault's id; a copy without a
    readable header copy, when it opens with ``db_key`` and names the id inside. A copy of
    another vault (one that was lost and made again under the same name), under another key
    or too damaged to read is left as it is.
    """
    databases = [
        *list_backups(vault_file),
        *sorted(vault_file.parent.glob(f"{vault_file.stem}.*-*{vault_file.suffix}")),
    ]
    found: list[Path] = []
    seen_headers = {header_beside(keep)} if keep else set()
    for path in databases:
        if path in (keep, vault_file) or not path.is_file():
            continue
        header = header_beside(path)
        seen_headers.add(header)
        owner = _vault_id_in_header(header) or vault_id_of(path, db_key)
        if owner == vault_id:
            journal = path.with_name(path.name + "-journal")  # kept aside with it: its pages
            found += [p for p in (path, journal, header) if p == path or p.exists()]
    orphans = [
        *sorted(backup_dir(vault_file).glob(f"{vault_file.stem}-*{HEADER_SUFFIX}")),
        *sorted(vault_file.parent.glob(f"{vault_file.stem}.*-*{HEADER_SUFFIX}")),
    ]
    found += [
        header
        for header in orphans
        if header not in seen_headers and _vault_id_in_header(header) == vault_id
    ]
    return found


def remove_copies(vault_file: Path, copies: list[Path]) -> int:
    """Delete ``copies`` (from :func:`copies_of_vault`, in its order: a database before its
    header copy) and make the deletions durable; returns how many databases went."""
    removed = 0
    failed: OSError | None = None
    for path in copies:
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:  # the others are still tried; the caller hears of the first
            failed = failed or exc
            continue
        removed += path.suffix == vault_file.suffix  # a database, not a journal or header
    fsync_dir(vault_file.parent)
    if backup_dir(vault_file).is_dir():
        fsync_dir(backup_dir(vault_file))
    if failed is not None:
        raise failed
    return removed


def vault_id_of(db_file: Path, db_key: bytes) -> str | None:
    """The vault id inside a copy of a vault, read-only; None if it does not open with
    ``db_key`` or has none."""
    meta = engine.read_meta(db_file, db_key)
    return meta.get("vault_id") if meta is not None else None


def _vault_id_in_header(path: Path) -> str | None:
    try:
        return read_header(path).vault_id
    except (VaultError, OSError):  # missing or damaged
        return None


def remove_unfinished(vault_file: Path) -> int:
    """Delete the ``.…part`` files (and their journals) of backups a crash cut off, and
    header copies whose backup never got its name."""
    folder = backup_dir(vault_file)
    if not folder.is_dir():
        return 0
    removed = 0
    for path in folder.glob(f".{vault_file.stem}-*.part*"):
        with contextlib.suppress(OSError):
            path.unlink()
            removed += 1
    for copy in folder.glob(f"{vault_file.stem}-*{HEADER_SUFFIX}"):
        made = copy.with_suffix(vault_file.suffix)
        if _GENERATED.match(made.name) and not made.exists():
            with contextlib.suppress(OSError):
                copy.unlink()
    return removed


def newest_backup(vault_file: Path) -> Path | None:
    backups = list_backups(vault_file)
    return backups[0] if backups else None


def header_beside(backup_file: Path) -> Path:
    return backup_file.with_suffix(HEADER_SUFFIX)


def safe_name(path: Path) -> str | None:
    """The file's name if the app made it (``kluis-<time>[-label].db``), else None: a name
    the user chose could hold anything, a pupil's name too, and must not reach the log."""
    return path.name if _GENERATED.match(path.name) else None


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_backup(
    source: Any,
    db_key: bytes,
    target: Path,
    header: KeyHeader,
    head: SignedHead | None,
    before_rename: Callable[[Path], None] | None = None,
    *,
    elsewhere: bool = False,
) -> Path:
    """Copy the open vault (``source``, a keyed sqlcipher3 connection) to ``target``.

    Written under a temporary name; when complete and fsynced, the header copy (with the
    backup's ``head``) is written beside it, ``before_rename`` is called with the complete
    temporary file, and then the backup is renamed. On any error the temporary file is
    removed and nothing else changes. ``elsewhere`` (a USB stick, say): the temporary file is
    ``<name>.onvolledig``, not hidden, so that one a crash leaves there is seen and removed
    with the rest by the person who removes copies by hand.
    """
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    part = target.with_name(f"{target.name}.onvolledig" if elsewhere else f".{target.name}.part")
    copy = header_beside(target)
    new_private_file(part)
    try:
        dest = engine.connect(part, db_key, settings=False)
        try:
            source.backup(dest)
        finally:
            dest.close()
        _fsync_file(part)
        write_header(copy, header.settled().with_anchor(head.to_json() if head else None))
        if before_rename is not None:
            before_rename(part)
        os.replace(part, target)
    except BaseException:
        for leftover in (part, part.with_name(part.name + "-journal"), copy):
            with contextlib.suppress(OSError):
                leftover.unlink()
        raise
    fsync_dir(target.parent)
    return target


def check_backup(backup_file: Path, db_key: bytes, vault_id: str) -> int:
    """The backup's schema version, after checking that it is whole and of this vault.

    Opens the file read-only: checking never changes it. :class:`BackupInvalid` otherwise.
    """
    if not backup_file.is_file():
        raise BackupInvalid(backup_file)
    try:
        conn = engine.connect(backup_file, db_key, settings=False, read_only=True)
    except Exception as exc:
        raise BackupInvalid(backup_file) from exc
    try:
        if conn.execute("PRAGMA cipher_integrity_check").fetchall():
            raise BackupInvalid(backup_file)
        if conn.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
            raise BackupInvalid(backup_file)
        row = conn.execute("SELECT value FROM meta WHERE key = 'vault_id'").fetchone()
        if row is None or row[0] != vault_id:
            raise BackupInvalid(backup_file)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if not isinstance(version, int) or version < 1:  # a set-up that never finished
            raise BackupInvalid(backup_file)
    except BackupInvalid:
        raise
    except Exception as exc:
        raise BackupInvalid(backup_file) from exc
    finally:
        conn.close()
    return int(version)


def copy_durably(source: Path, target: Path) -> None:
    """Copy ``source`` over ``target`` atomically: a complete, fsynced copy, then a rename."""
    part = target.with_name(f".{target.name}.part")
    new_private_file(part)
    try:
        with source.open("rb") as src, part.open("wb") as dst:
            for block in iter(lambda: src.read(1 << 20), b""):
                dst.write(block)
            dst.flush()
            os.fsync(dst.fileno())
        os.replace(part, target)
    except BaseException:
        with contextlib.suppress(OSError):
            part.unlink()
        raise
    fsync_dir(target.parent)


def new_private_file(path: Path) -> None:
    """An empty file readable by this user only (SQLite accepts an empty file as a new db)."""
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDWR)  # Windows flushes only files open for writing
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` survive a power cut (POSIX; NTFS journals renames)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def header_copies_of(vault_file: Path, vault_id: str) -> list[tuple[Path, KeyHeader]]:
    """This vault's backups that have a readable header copy, with that copy."""
    found = []
    for path in list_backups(vault_file):
        try:
            header = read_header(header_beside(path))
        except (VaultError, OSError):
            continue
        if header.vault_id == vault_id:
            found.append((path, header))
    return found


def unrecorded(session: Session, vault_file: Path) -> list[Path]:
    """Backups the app made that no backup event names: a process killed between a backup's
    rename and its event. Only backups newer than the log's newest event can be one."""
    from desktop.vault import audit

    head = audit.current_head(session)
    if head is None:
        return []
    newest = dt.datetime.fromisoformat(head.at.replace("Z", "+00:00"))
    candidates = [
        p
        for p in list_backups(vault_file)
        if safe_name(p)
        and dt.datetime.fromtimestamp(p.stat().st_mtime, dt.UTC) > newest
        and header_beside(p).exists()
    ]
    recorded = audit.recorded_backups(session, [p.name for p in candidates])
    return [p for p in candidates if p.name not in recorded]
