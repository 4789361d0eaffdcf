"""The open vault file: its key and header, the connection, one transaction at a time, and
what is written beside it (the anchor after each commit, backups, a swapped-in new file).

:class:`Store` is what :class:`~desktop.vault.service.Vault` holds while it is open. It knows
nothing of cases: it gives transactions (:meth:`Store.session`, :meth:`Store.batch`), writes
the audit chain's head to the anchor file after each commit (``desktop.vault.anchor``), makes
backups with their header copy, and swaps a new file in (a new database key, a restored
backup: ``desktop.vault.rotation``). Calls are serialised by one re-entrant lock, so the
vault may be used from a worker thread.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.i18n import N_
from desktop.vault import anchor, audit, backups, engine, migrations, queries, restoring, rotation
from desktop.vault.anchor import AnchorKey, Role
from desktop.vault.audit import AuditKind, AuditReport, Head
from desktop.vault.errors import InvalidInput, VaultError, VaultLocked
from desktop.vault.keyheader import KeyHeader
from desktop.vault.lock import VaultLock
from desktop.vault.records import AuditEventView, IntegrityReport
from desktop.vault.schema import AuditEvent, Base, Meta

if TYPE_CHECKING:
    from sqlalchemy import Engine

log = logging.getLogger(__name__)


class Store:
    """The open database of one vault, until :meth:`close`."""

    def __init__(self, path: Path, header: KeyHeader, db_key: bytes, lock: VaultLock) -> None:
        self.path = path
        self.lock = lock
        self._header = header
        self._key = bytearray(db_key)
        self._anchor_key = AnchorKey(db_key, header.vault_id)
        self._mutex = threading.RLock()
        self._engine: Engine | None = engine.make_engine(path, db_key)
        self._batch: Session | None = None
        self._generation = 0  # the restores the log went through: see load_generation

    # ------------------------------------------------------------------ state

    @property
    def header(self) -> KeyHeader:
        return self._header

    @property
    def key(self) -> bytearray:
        """The database key (zeroed by :meth:`close`)."""
        return self._key

    @property
    def anchor_key(self) -> AnchorKey:
        return self._anchor_key

    @property
    def engine(self) -> Engine | None:
        return self._engine

    @property
    def batch_session(self) -> Session | None:
        return self._batch

    @property
    def is_open(self) -> bool:
        return self._engine is not None

    # ------------------------------------------------------------------ transactions

    @contextmanager
    def guard(self) -> Iterator[None]:
        """One call at a time, on an open vault, with errors in the user's terms."""
        with self._mutex:
            if self._engine is None:
                raise VaultLocked()
            with engine.user_errors(self.path, lambda: backups.newest_backup(self.path)):
                yield

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends (a save is acknowledged only then),
        rolled back on any error; after the commit the anchor gets the log's new head.
        Inside :meth:`batch`, the batch's transaction."""
        with self.guard():
            if self._batch is not None:
                yield self._batch
                return
            assert self._engine is not None
            with Session(self._engine, expire_on_commit=False) as session:
                with session.begin():
                    yield session
                self._anchor_after(session)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Every save in the block one transaction (see :meth:`Vault.batch`)."""
        with self.guard():
            if self._batch is not None:
                yield
                return
            assert self._engine is not None
            with Session(self._engine, expire_on_commit=False) as session:
                with session.begin():
                    self._batch = session
                    try:
                        yield
                    finally:
                        self._batch = None
                self._anchor_after(session)

    def _anchor_after(self, session: Session) -> None:
        """Write the head this committed session left to the anchor file. The save is done:
        a failure here is logged, not raised (the next commit writes it again, and unlock
        takes a database ahead of its anchor as it is)."""
        head = audit.written_head(session)
        if head is None:
            return
        try:
            signed = self._anchor_key.sign(head, Role.VAULT, self._generation)
            anchor.write(self.path, self._header.vault_id, [signed])
        except OSError as exc:
            log.warning("the audit anchor was not written (%s)", type(exc).__name__)

    def close(self) -> None:
        """Close the connection and forget the key. Safe to call twice."""
        with self._mutex:
            engine_, self._engine = self._engine, None
            if engine_ is not None:
                engine_.dispose()
            for i in range(len(self._key)):
                self._key[i] = 0

    def initialise(self, *, memory_kib: int) -> None:
        """The tables of a new vault, its id and schema version, and its first event."""
        with self.session() as session:
            conn = session.connection()
            Base.metadata.create_all(conn)
            migrations.set_version(conn, migrations.SCHEMA_VERSION)
            session.add(Meta(key="vault_id", value=self._header.vault_id))
            audit.record(
                session,
                AuditKind.VAULT_CREATED,
                schema=migrations.SCHEMA_VERSION,
                memory_kib=memory_kib,
            )

    # ------------------------------------------------------------------ checks

    def audit_head(self) -> Head | None:
        """The newest event of the audit log, for an exported document to print."""
        with self.session() as session:
            return audit.current_head(session)

    def verify_audit(self) -> AuditReport:
        """Walk the audit chain: finds a removed, altered or moved event."""
        with self.session() as session:
            return audit.verify(session)

    def audit_log(self) -> list[AuditEventView]:
        """Every event of the audit log, oldest first."""
        with self.session() as session:
            rows = session.scalars(select(AuditEvent).order_by(AuditEvent.id))
            return [AuditEventView(r.seq, r.at, r.kind, r.case_code, r.details) for r in rows]

    def check_integrity(self) -> IntegrityReport:
        """SQLCipher's page check (every page's HMAC), SQLite's integrity and foreign-key
        checks, and the audit chain."""
        with self.guard():  # both checks on the same state
            return self._check_integrity()

    def _check_integrity(self) -> IntegrityReport:
        problems: list[str] = []
        # On the session's own connection: handing a raw pool connection back would roll
        # back whatever a surrounding batch() had not committed yet (the pool is one shared
        # connection).
        with self.session() as session:
            conn = session.connection().connection.driver_connection
            assert conn is not None
            for pragma in ("cipher_integrity_check", "integrity_check", "foreign_key_check"):
                try:
                    rows = conn.execute(f"PRAGMA {pragma}").fetchall()
                except Exception as exc:
                    if engine.error_code(exc) is None:
                        raise
                    problems.append(f"{pragma}: {type(exc).__name__}")
                    continue
                if rows == [("ok",)]:  # integrity_check's all-clear
                    continue
                problems.extend(f"{pragma}: {row}" for row in rows[:20])
        try:
            with self.session() as session:
                report = audit.verify(session)
        except VaultError:
            report = AuditReport(0, (audit.AuditProblem(0, audit.ProblemKind.UNREADABLE),))
        return IntegrityReport(database_problems=tuple(problems), audit=report)

    # ------------------------------------------------------------------ backups

    def write_backup(self, to: Path | None, label: str, *, record: bool = True) -> Path:
        """A backup with its header copy (holding its head, signed); recorded in the log
        unless ``record`` is False (the caller records it in an event of its own)."""
        assert self._engine is not None
        if self._batch is not None:
            raise RuntimeError("backups and restores are not made inside batch()")
        target = to if to is not None else backups.new_backup_path(self.path, label)
        if target.exists() or backups.header_beside(target).exists():
            raise InvalidInput(  # not naming it: a name the user chose can hold anything
                "backup", N_("Er staat al een bestand met deze naam. Kies een andere naam.")
            )
        if target.suffix.lower() == ".sleutel":
            raise InvalidInput("backup", N_("Kies een bestandsnaam die eindigt op .db."))
        with self.session() as session:
            head = audit.current_head(session)
        signed = None
        if head is not None:
            signed = self._anchor_key.sign(head, Role.BACKUP, self._generation)
        # A backup the coordinator puts elsewhere (a USB stick) is logged before a byte of
        # it is written: no unlock looks there for one a crash left unlogged, and a purge
        # must count it among the copies to remove by hand (its checksum follows).
        chosen = to is not None
        if record and chosen:
            self.record_backup(target, label=label, chosen=True, started=True)

        def log_it(complete: Path) -> None:
            self.record_backup(complete, label=label, chosen=True)

        raw = self._engine.raw_connection()
        try:
            backups.write_backup(
                raw.driver_connection,
                bytes(self._key),
                target,
                self._header,
                signed,
                before_rename=log_it if record and chosen else None,
                elsewhere=chosen,
            )
        finally:
            raw.close()
        if record and not chosen:
            self.record_backup(target, label=label)
        return target

    def record_backup(
        self,
        target: Path,
        *,
        label: str = "",
        chosen: bool = False,
        found: bool = False,
        started: bool = False,
    ) -> None:
        with self.session() as session:
            audit.record(
                session,
                AuditKind.BACKUP_STARTED if started else AuditKind.BACKED_UP,
                file=None if chosen else backups.safe_name(target),
                label=label or None,
                sha256=None if started else backups.sha256_of(target),
                found_at_unlock=found or None,
            )

    # ------------------------------------------------------------------ swapping a file in

    def rotate(
        self, new_key: bytes, header: KeyHeader, kind: AuditKind, memory_kib: int | None = None
    ) -> None:
        """Swap in a copy of the vault under ``new_key``, with its event (``rotation``)."""
        if self._batch is not None:
            raise RuntimeError("the database key is not changed inside batch()")
        assert self._engine is not None
        with self.session() as session:
            version = migrations.read_version(session.connection())
        raw = self._engine.raw_connection()
        try:
            part = rotation.export_rekeyed(raw.driver_connection, self.path, new_key, version)
        finally:
            raw.close()

        def event(session: Session) -> None:
            audit.record(session, kind, memory_kib=memory_kib)

        self._swap(part, new_key, header, event)

    def restore(self, source: Path, version: int, backup_key: bytes | None = None) -> Path:
        """Put the backup ``source`` (checked: schema ``version``) in place of the vault;
        returns the safety copy made just before (``desktop.vault.restoring``). A backup
        under an earlier key (``backup_key``) is exported under the key in force, so that
        the passphrase stays as it is."""
        # The safety copy's event goes into the restore event, so that the head replaced is
        # the one the safety copy holds (and the anchor names at the swap).
        safety = self.write_backup(None, "voor-terugzetten", record=False)
        with self.session() as session:
            replaced = queries.log_state(session)
        if backup_key is None:
            part = rotation.copy_in(self.path, source)
        else:
            part = rotation.export_backup(source, backup_key, self.path, bytes(self._key))

        def event(session: Session) -> None:
            restoring.record_restore(
                session, source=source, from_version=version, replaced=replaced, safety=safety
            )

        swapped = False
        try:
            swapped = self._swap(part, bytes(self._key), self._header, event)
        finally:
            if not swapped:  # not restored: the safety copy is a backup like any other
                with contextlib.suppress(VaultError):
                    self.record_backup(safety, label="voor-terugzetten")
        return safety

    def _swap(
        self,
        part: Path,
        new_key: bytes,
        header: KeyHeader,
        event: Callable[[Session], None],
    ) -> bool:
        """Record ``event`` in the new file, swap it in, reopen: whether it was swapped in
        (an error before the rename leaves the vault, and its header, as they were)."""
        assert self._engine is not None
        try:
            head, generation = rotation.record_in(part, new_key, event)
            self._engine.dispose()
            rotation.swap_in(
                self.path,
                new_key=AnchorKey(new_key, header.vault_id),
                new_head=head,
                generation=generation,
                header_now=self._header,
                header_new=header,
            )
        finally:
            swapped = not part.exists()  # the rename is the change: it happened or not
            if swapped:
                self._generation = generation
            else:
                # The header loses the pending slots, then the new file goes. On a full disk
                # both stay, and the next unlock finds the swap not done.
                with contextlib.suppress(OSError):
                    rotation.discard(self.path)
            self._reopen(new_key if swapped else bytes(self._key), header if swapped else None)
        return swapped

    def _reopen(self, db_key: bytes, header: KeyHeader | None) -> None:
        """Open the engine again (after a swap: on the new file, with its key)."""
        if header is not None:
            old, self._key = self._key, bytearray(db_key)
            for i in range(len(old)):
                old[i] = 0
            self._header = header
            self._anchor_key = AnchorKey(db_key, header.vault_id)
        self.lock.pin(self.path)
        if self._engine is not None:
            self._engine.dispose()
        self._engine = engine.make_engine(self.path, bytes(self._key))

    def load_generation(self) -> None:
        """Read how many restores the log went through (signed into every anchor)."""
        with self.session() as session:
            self._generation = audit.restore_generation(session)
