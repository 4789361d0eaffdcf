"""One process at a time: operating-system locks on a small file beside the vault and on the
vault file itself.

``kluis.db`` -> ``kluis.lock``, beside the vault's real path (symbolic links and other
spellings of the path lead to the same lock file). On POSIX the vault file itself is also
locked (``flock`` on its own open file), so that a hard link to it, which has another path,
is still the same vault; that lock moves to the new file when a key rotation or a restore
swaps one in. ``flock`` locks are separate from SQLite's own (``fcntl``) locks. On Windows,
where a lock on the database file would be mandatory and block SQLite itself, only the lock
file is used (``msvcrt.locking``).

The locks are held from unlocking until locking the vault. The operating system drops them
when the process ends, also after a crash or a kill, so a stale lock file never blocks
anyone. On POSIX a lock belongs to the open file, so a second open in the same process is
refused too.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from desktop.vault.errors import VaultInUse

LOCK_SUFFIX = ".lock"


def real_path(vault_file: Path) -> Path:
    """The vault file's path with symbolic links, ``..`` and relative parts resolved."""
    return vault_file.resolve()


def lock_path(vault_file: Path) -> Path:
    return real_path(vault_file).with_suffix(LOCK_SUFFIX)


class VaultLock:
    """Held while the vault is open; :meth:`release` is safe to call twice."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd
        self._pinned: int | None = None

    @classmethod
    def acquire(cls, vault_file: Path) -> VaultLock:
        """Take the locks or raise :class:`VaultInUse` at once (no waiting)."""
        path = lock_path(vault_file)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            _lock(fd)
        except OSError as exc:
            os.close(fd)
            raise VaultInUse() from exc
        held = cls(path, fd)
        try:
            held.pin(vault_file)
        except BaseException:
            held.release()
            raise
        return held

    def pin(self, vault_file: Path) -> None:
        """Lock the vault file itself (POSIX), now that it exists or was swapped in.

        Call it only while no database connection of this process has the file open, or
        with the same file still open: closing another descriptor of a file drops the
        process's ``fcntl`` locks on it, SQLite's included.
        """
        if sys.platform == "win32" or self._fd is None:
            return
        try:
            fd = os.open(vault_file, os.O_RDONLY)
        except FileNotFoundError:
            return
        try:
            if self._pinned is not None and os.fstat(fd) == os.fstat(self._pinned):
                os.close(fd)
                return
            _lock(fd)
        except OSError as exc:
            os.close(fd)
            raise VaultInUse() from exc
        old, self._pinned = self._pinned, fd
        if old is not None:
            os.close(old)

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        pinned, self._pinned = self._pinned, None
        if pinned is not None:
            os.close(pinned)
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            _unlock(fd)
        finally:
            os.close(fd)


if sys.platform == "win32":
    import msvcrt

    def _lock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
