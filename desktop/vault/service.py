"""The vault's service API for the screens: open, lock, and every read and save of a case.

``Vault.create(path, passphrase)`` makes a new vault and returns it open, with the recovery key
to show once; ``Vault.unlock(path, passphrase=…)`` or ``(…, recovery_key=…)`` opens one.
Every save is one transaction with its audit event; reads return plain dataclasses
(``desktop.vault.records``). The case work (cases, entries, meldcode steps, the
afwegingskader's answers, documents made) is in ``desktop.vault.casework``; this module keeps
opening, locking, the keys (a passphrase change or a new recovery key gives the vault a new
database key: ``desktop.vault.rotation``), backups and restores, and the audit and integrity
checks, with the chain's head kept outside the database (``desktop.vault.anchor``).
Every failure the user should see is a ``VaultError`` with a Dutch message. Methods may be
called from a worker thread (a backup, say): calls are serialised, and :meth:`Vault.lock`
waits for a running one.

Failed unlocks cannot be written when they happen (the vault is closed, and a wrong passphrase
must write nothing): they are counted in this process and written to the audit log at the next
successful unlock of the same vault.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
from contextlib import AbstractContextManager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.vault import (
    anchor,
    audit,
    backups,
    engine,
    kdf,
    migrations,
    opening,
    recovery,
    restoring,
    retention,
    validation,
)
from desktop.vault.anchor import AnchorProblem
from desktop.vault.audit import AuditKind, AuditReport, Head
from desktop.vault.casework import (
    DEFAULT_RETENTION_MONTHS as DEFAULT_RETENTION_MONTHS,  # re-exported: they were defined here
)
from desktop.vault.casework import (
    RETENTION_MONTHS as RETENTION_MONTHS,
)
from desktop.vault.casework import CaseWork
from desktop.vault.errors import (
    CurrentPassphraseNeeded,
    RecoveryKeyOutdated,
    VaultExists,
    WrongPassphrase,
)
from desktop.vault.keyheader import (
    KeyHeader,
    header_path,
    new_header,
    recovery_public_key,
    write_header,
)
from desktop.vault.lock import VaultLock
from desktop.vault.records import AuditEventView, IntegrityReport
from desktop.vault.schema import AuditEvent, Base, Meta
from desktop.vault.store import Store

if TYPE_CHECKING:
    from sqlalchemy import Engine

log = logging.getLogger(__name__)


class Vault(CaseWork):
    """An open vault. Make one with :meth:`create`, :meth:`unlock` or :meth:`restore_backup`.

    The saves and reads of cases come from :class:`~desktop.vault.casework.CaseWork`.
    """

    def __init__(
        self, path: Path, header: KeyHeader, db_key: bytes, lock: VaultLock, unlocked_with: str
    ) -> None:
        self._store = Store(path, header, db_key, lock)
        self._unlocked_with = unlocked_with
        self._problems: tuple[AnchorProblem, ...] = ()

    # What the case work, retention and the tests reach for, kept by the store.
    @property
    def _path(self) -> Path:
        return self._store.path

    @property
    def _header(self) -> KeyHeader:
        return self._store.header

    @property
    def _key(self) -> bytearray:
        return self._store.key

    @property
    def _engine(self) -> Engine | None:
        return self._store.engine

    @property
    def _batch(self) -> Session | None:
        return self._store.batch_session

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
                # A header left by a set-up that never finished: kept aside, not deleted.
                opening.keep_aside(header_path(vault_file), "oud")
                db_key = secrets.token_bytes(32)
                secret = recovery.new_secret()
                header = new_header(db_key, passphrase, secret, kdf_params or kdf.ARGON2_DEFAULT)
                write_header(header_path(vault_file), header)
                backups.new_private_file(vault_file)
                lock.pin(vault_file)
                vault = cls(vault_file, header, db_key, lock, "passphrase")
                try:
                    vault._initialise()
                except BaseException:
                    vault._close()
                    made = (
                        vault_file,
                        opening.journal(vault_file),
                        header_path(vault_file),
                        anchor.anchor_path(vault_file),
                    )
                    for leftover in made:
                        with contextlib.suppress(OSError):
                            leftover.unlink()
                    raise
            except BaseException:
                lock.release()
                raise
        return vault, recovery.format_key(secret)

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
                vault = cls(vault_file, opened.header, opened.db_key, lock, opened.unlocked_with)
                try:
                    vault._after_open(header_copy=opened.header_copy)
                except BaseException:
                    vault._close()
                    raise
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
                vault = cls._restore_locked(vault_file, source, lock, passphrase, recovery_key)
            except BaseException:
                lock.release()
                raise
        return vault

    @classmethod
    def _restore_locked(
        cls,
        vault_file: Path,
        source: Path,
        lock: VaultLock,
        passphrase: str | None,
        recovery_key: str | None,
    ) -> Vault:
        found = restoring.restore_file(vault_file, source, passphrase, recovery_key)
        lock.pin(vault_file)
        vault = cls(vault_file, found.header, found.db_key, lock, found.unlocked_with)
        try:
            vault._after_open(restored=True)
        except BaseException:
            vault._close()
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
        return self._path

    @property
    def is_locked(self) -> bool:
        return not self._store.is_open

    @property
    def unlocked_with(self) -> str:
        """``"passphrase"`` or ``"recovery_key"``."""
        return self._unlocked_with

    @property
    def kdf_params(self) -> kdf.Argon2Params:
        assert self._header.passphrase.argon2 is not None
        return self._header.passphrase.argon2

    @property
    def unlock_problems(self) -> tuple[AnchorProblem, ...]:
        """What the check of the audit chain's head found at unlock (also in the log); each
        has a ``message()`` for the coordinator. Empty when all is well."""
        return self._problems

    def audit_head(self) -> Head | None:
        """The newest event of the audit log, for an exported document to print."""
        with self._session() as session:
            return audit.current_head(session)

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
        passphrase they were made under (:meth:`replace_backups_with_fresh` makes a new one
        instead, if the coordinator wants that). A vault opened with the passphrase asks for
        it again (``current``); one opened with the recovery key does not (that is how a
        forgotten passphrase is replaced).
        """
        kdf.check_passphrase(new_passphrase, "new_passphrase")
        if current is not None:
            kdf.check_passphrase_text(current, "current")
        if kdf_params is not None:
            kdf.check_params(kdf_params)
        with self._guard():
            if self._unlocked_with == "passphrase":
                self._check_current(current)
            if not self._header.can_rewrap_recovery:
                raise RecoveryKeyOutdated()
            params = kdf_params or kdf.ARGON2_DEFAULT
            new_key = secrets.token_bytes(32)
            slots = self._header.slots_for(
                new_key, new_passphrase, params, recovery_public=self._header.recovery.public_key
            )
            self._store.rotate(
                new_key,
                self._header.with_slots(slots),
                AuditKind.PASSPHRASE_CHANGED,
                memory_kib=params.memory_kib,
            )

    def new_recovery_key(self, *, current: str | None) -> str:
        """Make a new recovery key (shown once, returned here); the old one stops working.

        Asks for the passphrase (``current``), also in a vault opened with the recovery key.
        The vault gets a new database key as with a passphrase change, so that the old
        recovery key does not open it through any header copy either.
        """
        if current is not None:
            kdf.check_passphrase_text(current, "current")
        with self._guard():
            self._check_current(current)
            assert current is not None
            secret = recovery.new_secret()
            new_key = secrets.token_bytes(32)
            slots = self._header.slots_for(
                new_key, current, self.kdf_params, recovery_public=recovery_public_key(secret)
            )
            self._store.rotate(
                new_key, self._header.with_slots(slots), AuditKind.RECOVERY_KEY_CHANGED
            )
            return recovery.format_key(secret)

    def _check_current(self, current: str | None) -> None:
        if current is None:
            raise CurrentPassphraseNeeded()
        if self._header.unwrap_with_passphrase(current) != bytes(self._key):
            raise WrongPassphrase()

    # ================================================================== audit and integrity

    def verify_audit(self) -> AuditReport:
        """Walk the audit chain: finds a removed, altered or moved event."""
        with self._session() as session:
            return audit.verify(session)

    def audit_log(self) -> list[AuditEventView]:
        with self._session() as session:
            rows = session.scalars(select(AuditEvent).order_by(AuditEvent.id))
            return [AuditEventView(r.seq, r.at, r.kind, r.case_code, r.details) for r in rows]

    def check_integrity(self) -> IntegrityReport:
        """SQLCipher's page check (every page's HMAC), SQLite's integrity and foreign-key
        checks, and the audit chain."""
        with self._guard():
            return self._store.check_integrity()

    # ================================================================== backups

    def backup(self, to: str | os.PathLike[str] | None = None) -> Path:
        """An encrypted copy of the vault (default: ``backups/kluis-<time>.db``), with its key
        header beside it. Refuses to overwrite a file."""
        target = validation.file_path("to", to) if to is not None else None
        with self._guard():
            return self._store.write_backup(target, "")

    def backups(self) -> list[Path]:
        """The backups beside the vault, newest first."""
        return backups.list_backups(self._path)

    def restore(self, backup_file: str | os.PathLike[str]) -> Path:
        """Replace the vault by ``backup_file`` (checked first); returns the safety copy of
        the vault as it was, made just before. A vault too damaged to copy, or a backup made
        under an earlier passphrase, is restored with :meth:`restore_backup` after locking.
        Case numbers given out since the backup stay taken, and the restore event names the
        safety copy and the head of the log it replaced (``desktop.vault.restoring``)."""
        source = validation.file_path("backup_file", backup_file)
        with self._guard():
            version = backups.check_backup(source, bytes(self._key), self._header.vault_id)
            migrations.check_supported(version)
            safety = self._store.restore(source, version)
            self._after_open(count_as_unlock=False, restored=True)
        return safety

    # ================================================================== internals

    def _initialise(self) -> None:
        with self._session() as session:
            conn = session.connection()
            Base.metadata.create_all(conn)
            migrations.set_version(conn, migrations.SCHEMA_VERSION)
            session.add(Meta(key="vault_id", value=self._header.vault_id))
            audit.record(
                session,
                AuditKind.VAULT_CREATED,
                schema=migrations.SCHEMA_VERSION,
                memory_kib=self.kdf_params.memory_kib,
            )

    def _after_open(
        self,
        *,
        count_as_unlock: bool = True,
        header_copy: Path | None = None,
        restored: bool = False,
    ) -> None:
        """The checks and events of an unlock: the audit chain's head against the anchor and
        the backups (first, before any commit moves the anchor on), migrations (a backup
        before each step), backups a crash left unrecorded, failed attempts, the unlock."""
        # Backups cut off by a crash: encrypted, but case data all the same; we hold the
        # vault's lock, so no backup of ours is being written now.
        backups.remove_unfinished(self._path)
        with self._guard():
            with self._session() as session:
                problems = anchor.check_and_record(
                    session, self._path, self._store.anchor_key, header_copy=header_copy
                )
            self._problems = tuple(problems)
            with self._session() as session:
                version = migrations.read_version(session.connection())
            for step in migrations.pending(version):
                self._store.write_backup(None, f"voor-v{step.to_version}")
                with self._session() as session:
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
            with self._session() as session:
                unrecorded = backups.unrecorded(session, self._path)
            for path in unrecorded:  # a backup whose process was killed after its rename
                self._store.record_backup(path, found=True)
            failed = opening.take_failed_unlocks(self._path)
            try:
                with self._session() as session:
                    for when, via in failed:
                        audit.record(session, AuditKind.UNLOCK_FAILED, now=when, via=via)
                    if count_as_unlock:
                        audit.record(session, AuditKind.UNLOCKED, via=self._unlocked_with)
                    retention.note_date(session)
            except BaseException:
                opening.give_back_failed_unlocks(self._path, failed)  # written next time
                raise
            if not restored:  # a purge or deletion cut off: its copies go now
                retention.finish_at_unlock(self)

    def _guard(self) -> AbstractContextManager[None]:
        return self._store.guard()

    def _session(self) -> AbstractContextManager[Session]:
        return self._store.session()

    def batch(self) -> AbstractContextManager[None]:
        """Make every save in the block one transaction: all or nothing, one fsync.

        For imports and benchmarks (10,000 cases in a second rather than a minute). Nothing
        in the block is saved until it ends; an error anywhere rolls all of it back. Other
        threads wait until the block ends.
        """
        return self._store.batch()

    def _close(self) -> None:
        self._store.close()
