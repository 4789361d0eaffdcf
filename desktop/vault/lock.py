"""One process at a time: an operating-system lock on a small file beside the vault.

``kluis.db`` -> ``kluis.lock``. The lock is held from unlocking until locking the vault. The
operating system drops it when the process ends, also after a crash or a kill, so a stale
lock file never blocks anyone. ``fcntl.flock`` on POSIX, ``msvcrt.locking`` on Windows; on
POSIX the lock belongs to the open file, so a second open in the same process is refused too.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from desktop.vault.errors import VaultInUse

LOCK_SUFFIX = ".lock"


def lock_path(vault_file: Path) -> Path:
    return vault_file.with_suffix(LOCK_SUFFIX)


class VaultLock:
    """Held while the vault is open; :meth:`release` is safe to call twice."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd

    @classmethod
    def acquire(cls, vault_file: Path) -> VaultLock:
        """Take the lock or raise :class:`VaultInUse` at once (no waiting)."""
        path = lock_path(vault_file)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            _lock(fd)
        except OSError as exc:
            os.close(fd)
            raise VaultInUse() from exc
        return cls(path, fd)

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
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
