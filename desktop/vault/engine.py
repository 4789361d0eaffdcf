"""The SQLCipher connection under SQLAlchemy, and what its errors mean for the user.

Every connection is made here: the raw 256-bit key (``PRAGMA key = "x'…'"``, so SQLCipher
runs no key derivation of its own: Argon2id did that), SQLCipher's memory security on (freed
memory is wiped and key material is locked in RAM), its log off (it would otherwise write to
stderr), then the settings below.

Durability. ``journal_mode=DELETE`` with ``synchronous=EXTRA``:

- every save is one transaction; SQLite writes the old pages to ``kluis.db-journal`` and
  fsyncs it, writes the new pages into ``kluis.db`` and fsyncs that, then deletes the journal;
  that deletion is the commit. ``EXTRA`` (over ``FULL``) also fsyncs the folder after the
  deletion, so a commit that was acknowledged cannot come back as a "hot" journal after a
  power cut and be rolled back. A crash at any earlier point leaves the journal, and the next
  open rolls the half-written transaction back: the vault is always the old or the new state.
- WAL with ``synchronous=FULL`` would also be durable, but it needs shared memory in a
  ``-shm`` file, which does not work on network folders, and schools often redirect the
  AppData folder to a network share. It would also leave two more files beside the vault and
  write the database on checkpoints, including when a damaged vault is closed. Our saves are
  small and rare, so the extra fsyncs of DELETE cost nothing a person notices.
- ``fullfsync`` makes macOS really flush to the disk (plain fsync does not there).

``secure_delete`` overwrites deleted records (after purging), ``temp_store=MEMORY`` keeps
sorts and temporary tables off the disk, ``foreign_keys`` is on.
"""

from __future__ import annotations

import errno
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.vault.errors import DiskFull, VaultCorrupt, VaultError, VaultInUse, VaultIOError

# SQLite's primary result codes (the low byte of an extended code).
if TYPE_CHECKING:
    from sqlalchemy import Engine

SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26

PRAGMAS = (
    "PRAGMA foreign_keys = ON",
    "PRAGMA journal_mode = DELETE",
    "PRAGMA synchronous = EXTRA",
    "PRAGMA fullfsync = ON",
    "PRAGMA secure_delete = ON",
    "PRAGMA temp_store = MEMORY",
)


def raw_key(db_key: bytes) -> str:
    """SQLCipher's form of a raw key (no key derivation of its own): ``x'<64 hex>'``."""
    if len(db_key) != 32:
        raise ValueError("the database key is 32 bytes")
    return f"x'{bytes(db_key).hex()}'"


def key_pragma(db_key: bytes) -> str:
    return f'PRAGMA key = "{raw_key(db_key)}"'


def connect(path: Path, db_key: bytes, *, settings: bool = True, read_only: bool = False) -> Any:
    """A keyed ``sqlcipher3`` connection in autocommit mode (transactions are explicit).

    With ``settings`` the first page is read at once (a damaged one raises) and the pragmas
    above are set; without, nothing is read yet. ``read_only`` opens the file so that SQLite
    cannot write to it at all (checking a damaged vault or a backup leaves it as it is).
    """
    import sqlcipher3

    target = f"{path.resolve().as_uri()}?mode=ro" if read_only else str(path)
    conn = sqlcipher3.connect(
        target, isolation_level=None, check_same_thread=False, timeout=0.5, uri=read_only
    )
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute("PRAGMA cipher_memory_security = ON")
        conn.execute(key_pragma(db_key))
        if settings:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
            for pragma in PRAGMAS:
                conn.execute(pragma).fetchall()
    except BaseException:
        conn.close()
        raise
    return conn


def make_engine(path: Path, db_key: bytes) -> Engine:
    """An SQLAlchemy engine over one keyed connection, shared by every session.

    One connection (``StaticPool``): the vault is used by one person in one process, and
    keeping the connection avoids keying it again for each operation. Sessions still begin and
    commit their own transaction (``BEGIN`` is emitted explicitly: the driver's own implicit
    transactions are off).
    """
    import sqlcipher3
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import StaticPool

    # Result rows hold case text, and SQLAlchemy logs them at DEBUG: whatever level the app's
    # log is set to, its engine and pool loggers stay at WARNING.
    for name in ("sqlalchemy.engine", "sqlalchemy.pool", "sqlalchemy.orm"):
        logging.getLogger(name).setLevel(logging.WARNING)
    key = bytes(db_key)
    engine = create_engine(
        "sqlite://",
        module=sqlcipher3,
        creator=lambda: connect(path, key),
        poolclass=StaticPool,
        # Case text must never reach a log or an error message: SQLAlchemy would otherwise
        # put the bound values in both (at DEBUG level, and in every DBAPIError's text).
        hide_parameters=True,
    )

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine


def error_code(exc: BaseException) -> int | None:
    """SQLite's primary result code behind ``exc`` (a driver or SQLAlchemy error), if any."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        code = getattr(current, "sqlite_errorcode", None)
        if isinstance(code, int):
            return code & 0xFF
        orig = getattr(current, "orig", None)
        current = orig if isinstance(orig, BaseException) else current.__cause__
    return None


def translate(
    exc: BaseException, path: Path, newest_backup: Callable[[], Path | None]
) -> VaultError | None:
    """The :class:`VaultError` that ``exc`` means for the user, or None if it is a bug."""
    if isinstance(exc, VaultError):
        return exc
    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return DiskFull()
        return VaultIOError()
    code = error_code(exc)
    # The backup API raises its errors without a result code: only the text says it.
    if code == SQLITE_FULL or "disk is full" in str(exc).lower():
        return DiskFull()
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return VaultCorrupt(path, newest_backup())
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return VaultInUse()
    if code in (SQLITE_IOERR, SQLITE_CANTOPEN, SQLITE_READONLY, SQLITE_PERM):
        return VaultIOError()
    return None


@contextmanager
def user_errors(path: Path, newest_backup: Callable[[], Path | None]) -> Iterator[None]:
    """Re-raise database and file errors as the :class:`VaultError` they mean.

    File errors keep their number and text but lose the file names they carry, here and in
    what they were chained to: a backup's name is the user's choice and may hold a pupil's
    name, and a traceback in a log would show it.
    """
    try:
        yield
    except Exception as exc:
        forget_file_names(exc)
        mapped = translate(exc, path, newest_backup)
        if mapped is None or mapped is exc:
            raise
        raise mapped from exc


def forget_file_names(exc: BaseException) -> None:
    """Clear ``filename`` and ``filename2`` of every ``OSError`` in ``exc``'s chain."""
    for current in chain(exc):
        if isinstance(current, OSError):
            current.filename = current.filename2 = None


def chain(exc: BaseException) -> Iterator[BaseException]:
    """The exception and every exception it carries (cause and context), each once."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        current = todo.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        todo += [current.__cause__, current.__context__]


def read_meta(path: Path, db_key: bytes) -> dict[str, str] | None:
    """The ``meta`` table of a vault file, read-only; None if it does not open with
    ``db_key`` (another key, damaged, a rollback journal waiting) or has no such table."""
    try:
        conn = connect(path, db_key, settings=False, read_only=True)
    except Exception:
        return None
    try:
        rows = conn.execute("SELECT key, value FROM meta").fetchall()
    except Exception:
        return None
    finally:
        conn.close()
    return {str(key): str(value) for key, value in rows}
