"""The vault's service API for the screens: open, lock, and every read and save of a case.

``Vault.create(path, passphrase)`` makes a new vault and returns it open, with the recovery key
to show once; ``Vault.unlock(path, passphrase=…)`` or ``(…, recovery_key=…)`` opens one.
Every save is one transaction with its audit event; reads return plain dataclasses
(``desktop.vault.records``). The case work is in modules by topic, functions of the open
:class:`~desktop.vault.store.Store` that the vault offers as its methods
(``desktop.vault.casework``): a case as a whole (``cases``), its chronology (``chronology``),
the meldcode's steps and the afwegingskader (``meldcode``), the documents made from it
(``documents``) and their follow-up (``followup``). This module keeps opening,
locking, the keys (a passphrase change or a new recovery key gives the vault a new database
key: ``desktop.vault.rotation``), backups and restores, and the audit and integrity checks,
with the chain's head kept outside the database (``desktop.vault.anchor``).
Every failure the user should see is a ``VaultError`` with a Dutch message. Methods may be
called from a worker thread (a backup, say): calls are serialised, and :meth:`Vault.lock`
waits for a running one.

Failed unlocks cannot be written when they happen (the vault is closed, and a wrong passphrase
must write nothing): they are counted in this process and written to the audit log at the next
successful unlock of the same vault.
"""

from __future__ import annotations

import os
from contextlib import AbstractContextManager
from pathlib import Path
from types import TracebackType

from desktop.i18n import N_
from desktop.vault import (
    backups,
    engine,
    kdf,
    keys,
    migrations,
    opening,
    restoring,
    unlocking,
    validation,
)
from desktop.vault.anchor import AnchorProblem
from desktop.vault.audit import AuditKind
from desktop.vault.casework import CaseWork
from desktop.vault.errors import InvalidInput, RecoveryKeyNotConfirmed, VaultExists
from desktop.vault.keyheader import KeyHeader
from desktop.vault.lock import VaultLock
from desktop.vault.store import Store


class Vault(CaseWork):
    """An open vault. Make one with :meth:`create`, :meth:`unlock` or :meth:`restore_backup`.

    The case work is its methods too (``desktop.vault.casework``).
    """

    def __init__(
        self, path: Path, header: KeyHeader, db_key: bytes, lock: VaultLock, unlocked_with: str
    ) -> None:
        self._store = Store(path, header, db_key, lock)
        self._unlocked_with = unlocked_with
        self._problems: tuple[AnchorProblem, ...] = ()
        self._pending_recovery: keys.NewRecoveryKey | None = None

    # ================================================================== opening and locking

    @classmethod
    def create(
        cls,
        path: str | os.PathLike[str],
        passphrase: str,
        *,
        kdf_params: kdf.Argon2Params | None = None,
    ) -> tuple[Vault, str]:
        """A new, empty vault at ``path`` (``data/kluis.db``), open; and its recovery key.

        The recovery key is shown to the user once and never stored in readable form.
        Refuses to touch an existing vault (:class:`VaultExists`).
        """
        vault_file = validation.file_path("path", path)
        kdf.check_passphrase(passphrase)
        if kdf_params is not None:
            kdf.check_params(kdf_params)
        with engine.user_errors(vault_file, lambda: None):
            if vault_file.exists():
                raise VaultExists(vault_file)
            vault_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            lock = VaultLock.acquire(vault_file)
            try:
                if vault_file.exists():
                    raise VaultExists(vault_file)
                header, db_key, recovery_key = opening.make_new(
                    vault_file, passphrase, kdf_params or kdf.ARGON2_DEFAULT
                )
                lock.pin(vault_file)
                vault = cls(vault_file, header, db_key, lock, "passphrase")
                try:
                    vault._store.initialise(memory_kib=vault.kdf_params.memory_kib)
                except BaseException:
                    vault._store.close()
                    opening.remove_new(vault_file)
                    raise
            except BaseException:
                lock.release()
                raise
        return vault, recovery_key

    @classmethod
    def unlock(
        cls,
        path: str | os.PathLike[str],
        passphrase: str | None = None,
        recovery_key: str | None = None,
    ) -> Vault:
        """Open the vault with the passphrase or with the recovery key (give one of the two).

        A wrong passphrase or key writes nothing. A damaged vault raises
        :class:`VaultCorrupt` naming the newest backup, and is left exactly as it was (but
        for a crash's rollback journal, see ``desktop.vault.opening``). What the check of the
        audit chain's head found is in :attr:`unlock_problems`, and in the log.
        """
        vault_file = validation.file_path("path", path)
        validation.one_secret(passphrase, recovery_key)
        with engine.user_errors(vault_file, lambda: backups.newest_backup(vault_file)):
            opening.check_present(vault_file)
            lock = VaultLock.acquire(vault_file)
            try:
                opened = opening.open_key(vault_file, passphrase, recovery_key)
                opening.probe(vault_file, opened.db_key)
                opening.settle(vault_file, opened)
                vault = cls._opened(
                    vault_file,
                    lock,
                    opened.header,
                    opened.db_key,
                    opened.unlocked_with,
                    header_copy=opened.header_copy,
                )
            except BaseException:
                lock.release()
                raise
        return vault

    @classmethod
    def restore_backup(
        cls,
        path: str | os.PathLike[str],
        backup_file: str | os.PathLike[str],
        passphrase: str | None = None,
        recovery_key: str | None = None,
    ) -> Vault:
        """Put ``backup_file`` in place of the vault at ``path`` and open it.

        For a vault that will not open (damaged, or lost): the file it replaces is kept beside
        it as ``kluis.vervangen-<time>.db`` with its header, nothing is deleted. The backup
        opens with the key header copy beside it (the passphrase or recovery key of its
        time), or else with the header beside the vault; after the restore, that is the
        passphrase in force. A crash at any point leaves the old vault or the restored one.
        """
        vault_file = validation.file_path("path", path)
        source = validation.file_path("backup_file", backup_file)
        validation.one_secret(passphrase, recovery_key)
        with engine.user_errors(vault_file, lambda: None):
            vault_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            lock = VaultLock.acquire(vault_file)
            try:
                found = restoring.restore_file(vault_file, source, passphrase, recovery_key)
                lock.pin(vault_file)
                vault = cls._opened(
                    vault_file, lock, found.header, found.db_key, found.unlocked_with, restored=True
                )
            except BaseException:
                lock.release()
                raise
        return vault

    @classmethod
    def _opened(
        cls,
        vault_file: Path,
        lock: VaultLock,
        header: KeyHeader,
        db_key: bytes,
        unlocked_with: str,
        *,
        header_copy: Path | None = None,
        restored: bool = False,
    ) -> Vault:
        """The vault open on ``vault_file``, after the checks and events of an unlock."""
        vault = cls(vault_file, header, db_key, lock, unlocked_with)
        try:
            vault._after_open(header_copy=header_copy, restored=restored)
        except BaseException:
            vault._store.close()
            raise
        return vault

    @staticmethod
    def exists(path: str | os.PathLike[str]) -> bool:
        """Whether there is a vault file at ``path`` (to choose between set-up and unlock)."""
        return validation.file_path("path", path).is_file()

    @staticmethod
    def newest_backup_of(path: str | os.PathLike[str]) -> Path | None:
        return backups.newest_backup(validation.file_path("path", path))

    def lock(self) -> None:
        """Close the database, forget the key and release the file lock. Safe to call twice."""
        self._pending_recovery = None
        self._store.close()
        self._store.lock.release()

    def __enter__(self) -> Vault:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.lock()

    @property
    def path(self) -> Path:
        return self._store.path

    @property
    def is_locked(self) -> bool:
        return not self._store.is_open

    @property
    def unlocked_with(self) -> str:
        """``"passphrase"`` or ``"recovery_key"``."""
        return self._unlocked_with

    @property
    def kdf_params(self) -> kdf.Argon2Params:
        assert self._store.header.passphrase.argon2 is not None
        return self._store.header.passphrase.argon2

    @property
    def unlock_problems(self) -> tuple[AnchorProblem, ...]:
        """What the check of the audit chain's head found at unlock (also in the log); each
        has a ``message()`` for the coordinator. Empty when all is well."""
        return self._problems

    # ================================================================== keys

    def change_passphrase(
        self,
        new_passphrase: str,
        *,
        current: str | None = None,
        kdf_params: kdf.Argon2Params | None = None,
    ) -> None:
        """A new passphrase, and with it a new database key (the recovery key stays).

        After the change neither the old passphrase nor any header copy written before it
        opens the live vault. Backups made before keep their own key: they open with the
        passphrase they were made under (:meth:`replace_backups` puts one fresh backup in
        their place, if the coordinator wants that). A vault opened with the passphrase asks
        for it again (``current``); one opened with the recovery key does not (that is how a
        forgotten passphrase is replaced).
        """
        kdf.check_passphrase(new_passphrase, "new_passphrase")
        if current is not None:
            kdf.check_passphrase_text(current, "current")
        if kdf_params is not None:
            kdf.check_params(kdf_params)
        params = kdf_params or kdf.ARGON2_DEFAULT
        with self._guard():
            if self._unlocked_with == "passphrase":
                keys.check_current(self._store, current)
            new_key, header = keys.for_new_passphrase(self._store.header, new_passphrase, params)
            self._store.rotate(new_key, header, AuditKind.PASSPHRASE_CHANGED, params.memory_kib)

    def new_recovery_key(self, *, current: str | None) -> str:
        """A new recovery key to show once; it is put in force by :meth:`confirm_recovery_key`
        once the coordinator has it (a crash or a closed window before that changes nothing).

        Asks for the passphrase (``current``), also in a vault opened with the recovery key.
        The vault then gets a new database key as with a passphrase change, so that the old
        recovery key does not open it through any header copy either.
        """
        if current is not None:
            kdf.check_passphrase_text(current, "current")
        with self._guard():
            keys.check_current(self._store, current)
            assert current is not None
            self._pending_recovery = keys.for_new_recovery_key(self._store.header, current)
            return self._pending_recovery.text

    def confirm_recovery_key(self, recovery_key: str) -> None:
        """Put the recovery key that :meth:`new_recovery_key` showed in force, once it is
        typed (or pasted) back; the old one stops working. Audited."""
        with self._guard():
            pending = self._pending_recovery
            if pending is None:
                raise InvalidInput("recovery_key", N_("Maak eerst een nieuwe herstelsleutel aan."))
            if not isinstance(recovery_key, str) or not pending.matches(recovery_key):
                raise RecoveryKeyNotConfirmed()
            self._store.rotate(pending.db_key, pending.header, AuditKind.RECOVERY_KEY_CHANGED)
            self._pending_recovery = None

    # ================================================================== backups

    def backup(self, to: str | os.PathLike[str] | None = None) -> Path:
        """An encrypted copy of the vault (default: ``backups/kluis-<time>.db``), with its key
        header beside it. Refuses to overwrite a file."""
        target = validation.file_path("to", to) if to is not None else None
        with self._guard():
            return self._store.write_backup(target, "")

    def backups(self) -> list[Path]:
        """The backups beside the vault, newest first."""
        return backups.list_backups(self._store.path)

    def restore(
        self,
        backup_file: str | os.PathLike[str],
        *,
        passphrase: str | None = None,
        recovery_key: str | None = None,
    ) -> Path:
        """Replace the vault by ``backup_file`` (checked first); returns the safety copy of
        the vault as it was, made just before. A backup made before a key change asks for
        the passphrase (or recovery key) of its time (:class:`BackupFromEarlierKey` without
        it); it is restored under the key in force, so the passphrase stays. A vault too
        damaged to copy is restored with :meth:`restore_backup` after locking. Case numbers
        given out since the backup stay taken, and the restore event names the safety copy
        and the head of the log it replaced (``desktop.vault.restoring``)."""
        source = validation.file_path("backup_file", backup_file)
        if passphrase is not None or recovery_key is not None:
            validation.one_secret(passphrase, recovery_key)
        with self._guard():
            version, backup_key = restoring.check_backup_of(
                source, self._store, passphrase, recovery_key
            )
            migrations.check_supported(version)
            safety = self._store.restore(source, version, backup_key)
            self._after_open(count_as_unlock=False, restored=True)
        return safety

    # ================================================================== internals

    def _after_open(
        self,
        *,
        count_as_unlock: bool = True,
        header_copy: Path | None = None,
        restored: bool = False,
    ) -> None:
        with self._guard():
            self._problems = unlocking.after_open(
                self._store,
                self._unlocked_with,
                count_as_unlock=count_as_unlock,
                header_copy=header_copy,
                restored=restored,
            )

    def _guard(self) -> AbstractContextManager[None]:
        return self._store.guard()

    def batch(self) -> AbstractContextManager[None]:
        """Make every save in the block one transaction: all or nothing, one fsync.

        For imports and benchmarks (10,000 cases in a second rather than a minute). Nothing
        in the block is saved until it ends; an error anywhere rolls all of it back. Other
        threads wait until the block ends.
        """
        return self._store.batch()
