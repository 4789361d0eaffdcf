"""The vault as the concern screens see it: open or locked, opened off the UI thread.

:class:`VaultSession` owns the one open :class:`~desktop.vault.service.Vault` of this run.
Argon2id (some tenths of a second, by design) and the checks after unlock run on a worker
thread (``desktop.background``); the screens hear ``opened``, ``failed`` and ``locked``. Every
screen that shows case text listens to ``locked`` and destroys what it holds.

After an unlock, closed cases past their retention period are purged (the AVG asks it), and
what was purged and what the check of the audit chain found are kept in :attr:`after_unlock`
for the screen to say once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop import background
from desktop.concerns.idle import LockReason

if TYPE_CHECKING:
    from desktop.vault.anchor import AnchorProblem
    from desktop.vault.retention import RemovedCases
    from desktop.vault.service import Vault

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AfterUnlock:
    """What the coordinator must hear once the vault is open."""

    problems: tuple[AnchorProblem, ...] = ()  # the audit head check's findings
    purged: tuple[str, ...] = ()  # codes of cases past their retention period, now gone
    saved_elsewhere: int = 0  # backups elsewhere that may still hold them
    clock_uncertain: str = ""  # the computer's date looks wrong: nothing purged; the message
    recovery_key: str = ""  # a new vault's recovery key, to show once


class VaultSession(QObject):
    """Opens, creates and locks the vault of ``path``; one at a time."""

    opened = Signal()  # the vault is open; read :attr:`after_unlock`
    failed = Signal(object)  # the error (a VaultError has a Dutch message()) of create/unlock
    locked = Signal(str)  # a LockReason value; every view forgets what it holds (also typed)
    busy_changed = Signal(bool)
    cases_changed = Signal(str)  # a case code ("" for many): lists and views reload

    def __init__(
        self,
        path: Path,
        *,
        retention_months: Callable[[], int] = lambda: 24,
        demo_passphrase: str = "",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.demo_passphrase = demo_passphrase
        self.retention_months = retention_months
        self.after_unlock = AfterUnlock()
        self._vault: Vault | None = None
        self._job: background.Job[object] | None = None
        self._lock_when_done: LockReason | None = None
        # A new vault's recovery key not yet typed back (the vault locked while it showed):
        # after the next unlock the coordinator is asked to make a new one.
        self.recovery_unconfirmed = False

    # ---------------------------------------------------------------- state
    @property
    def is_open(self) -> bool:
        return self._vault is not None and not self._vault.is_locked

    @property
    def is_busy(self) -> bool:
        return self._job is not None

    @property
    def is_demo(self) -> bool:
        return bool(self.demo_passphrase)

    @property
    def vault(self) -> Vault:
        """The open vault; raises VaultLocked when there is none."""
        if self._vault is None or self._vault.is_locked:
            from desktop.vault.errors import VaultLocked

            raise VaultLocked()
        return self._vault

    def exists(self) -> bool:
        from desktop.vault.service import Vault

        return Vault.exists(self.path)

    # ---------------------------------------------------------------- opening
    def create(self, passphrase: str) -> None:
        """Make a new vault (off the UI thread); ``opened`` with the recovery key to show."""

        def work() -> tuple[Vault, AfterUnlock]:
            from desktop.vault.service import Vault

            vault, recovery_key = Vault.create(self.path, passphrase)
            return vault, AfterUnlock(recovery_key=recovery_key)

        self._start(work)

    def unlock(self, *, passphrase: str | None = None, recovery_key: str | None = None) -> None:
        """Open the vault (off the UI thread), then purge what is past its retention."""

        def work() -> tuple[Vault, AfterUnlock]:
            from desktop.vault.service import Vault

            vault = Vault.unlock(self.path, passphrase=passphrase, recovery_key=recovery_key)
            try:
                return vault, self._purge(vault)
            except BaseException:
                vault.lock()
                raise

        self._start(work)

    def _purge(self, vault: Vault, *, date_confirmed: bool = False) -> AfterUnlock:
        from desktop.vault.errors import ClockUncertain

        try:
            removed: RemovedCases = vault.purge_expired(date_confirmed=date_confirmed)
        except ClockUncertain as doubt:
            return AfterUnlock(problems=vault.unlock_problems, clock_uncertain=doubt.message())
        return AfterUnlock(
            problems=vault.unlock_problems,
            purged=tuple(removed),
            saved_elsewhere=removed.saved_elsewhere,
        )

    def purge_with_confirmed_date(self) -> AfterUnlock:
        """The coordinator confirmed the computer's date: purge now (on the UI thread)."""
        result = self._purge(self.vault, date_confirmed=True)
        self.after_unlock = result
        if result.purged:
            self.cases_changed.emit("")
        return result

    def _start(self, work: Callable[[], tuple[Vault, AfterUnlock]]) -> None:
        if self._job is not None:
            return  # one at a time: a second click while Argon2 runs does nothing
        self._lock_when_done = None
        self.busy_changed.emit(True)
        self._job = background.run(work, self._done, self._failed)  # type: ignore[arg-type]

    def wait(self, timeout: float = 30.0) -> None:
        """Block until the running create or unlock ends (tests, shutdown)."""
        if self._job is not None:
            self._job.wait(timeout)

    def _done(self, result: tuple[Vault, AfterUnlock]) -> None:
        self._job = None
        self.busy_changed.emit(False)
        self._vault, self.after_unlock = result
        if self.after_unlock.recovery_key:
            self.recovery_unconfirmed = True
        log.info("vault opened")
        if self._lock_when_done is not None:  # hidden or locked while Argon2 ran
            self.lock(self._lock_when_done)
            return
        self.opened.emit()

    def _failed(self, error: BaseException) -> None:
        self._job = None
        self.busy_changed.emit(False)
        log.info("vault not opened: %s", type(error).__name__)  # never the message's details
        self.failed.emit(error)

    # ---------------------------------------------------------------- locking
    def lock(self, reason: LockReason | str = LockReason.BUTTON) -> None:
        """Lock now; every view drops its case text (``locked``). Nothing if not open."""
        if self._job is not None:
            self._lock_when_done = LockReason(reason)
        vault, self._vault = self._vault, None
        self.after_unlock = AfterUnlock()
        if vault is not None:
            vault.lock()
            log.info("vault locked (%s)", LockReason(reason).value)
        # also when nothing was open: the lock screen forgets what was typed in it
        self.locked.emit(LockReason(reason).value)

    def changed(self, code: str = "") -> None:
        """A screen saved something: lists and views reload."""
        self.cases_changed.emit(code)
