"""Swapping a new vault file in: a new database key, or a restored backup, in one rename.

Changing the passphrase or the recovery key gives the vault a new random database key, so
that the old passphrase, and every copy of the key header written before, no longer opens
the live vault or anything written later (old backups keep their own key and header copy,
and keep opening with the passphrase they were made under). SQLCipher's ``rekey`` rewrites
the file in place; we export to a new file instead (``sqlcipher_export``), because the new
file can be finished, given its audit event and fsynced before anything about the live vault
changes, and then put in place by one ``rename``. Restoring a backup uses the same steps.

The order, so that a crash at any point leaves exactly one complete vault:

1. the new file ``.kluis.db.nieuw`` is written in full, with its audit event, and fsynced;
2. the key header gets the new key's slots as *pending* (when the key changes), and the
   anchor file gets the new file's head beside the current one;
3. ``rename(.kluis.db.nieuw, kluis.db)``: this is the moment of the change;
4. the header keeps only the new slots, the anchor only the new head.

Unlock decides between 2 and 4 from one fact: the new file is still there (the change did
not happen: the current slots count, and the leftovers are removed) or it is gone (it did:
the pending slots count). See ``desktop.vault.opening.open_key``.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from desktop.vault import anchor, audit, backups, engine
from desktop.vault.anchor import AnchorKey, Role
from desktop.vault.audit import Head
from desktop.vault.errors import VaultError
from desktop.vault.keyheader import (
    KeyHeader,
    header_path,
    read_header,
    swap_file,
    swap_header,
    write_header,
)

log = logging.getLogger(__name__)


def discard(vault_file: Path) -> None:
    """Remove a new file that was not swapped in, with its journal and header.

    The header beside the vault loses its pending slots first: pending slots with no new
    file beside them mean that the swap happened. If that header cannot be written (a full
    disk), ``OSError`` and nothing is removed: the next unlock finds the swap not done.
    """
    part = swap_file(vault_file)
    leftovers = [
        part,
        part.with_name(part.name + "-journal"),
        part.with_name(f".{part.name}.part"),  # a copy_in cut off
        swap_header(vault_file),
    ]
    if not any(p.exists() for p in leftovers):
        return
    try:
        header = read_header(header_path(vault_file))
    except (FileNotFoundError, VaultError):
        header = None
    if header is not None and header.pending is not None:
        write_header(header_path(vault_file), header.settled())
    for leftover in leftovers:
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()


def export_rekeyed(source: Any, vault_file: Path, new_key: bytes, user_version: int) -> Path:
    """Write the open database (``source``: its keyed sqlcipher3 connection, with no
    transaction open) to the new file, encrypted with ``new_key``."""
    part = swap_file(vault_file)
    discard(vault_file)
    backups.new_private_file(part)
    source.execute("ATTACH DATABASE ? AS nieuw KEY ?", (str(part), engine.raw_key(new_key)))
    try:
        source.execute("SELECT sqlcipher_export('nieuw')").fetchall()
        source.execute(f"PRAGMA nieuw.user_version = {int(user_version)}")
    finally:
        source.execute("DETACH DATABASE nieuw")
    return part


def export_backup(source: Path, source_key: bytes, vault_file: Path, new_key: bytes) -> Path:
    """The new file as the backup ``source`` (under ``source_key``, opened read-only) exported
    under ``new_key``."""
    conn = engine.connect(source, source_key, settings=False, read_only=True)
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        return export_rekeyed(conn, vault_file, new_key, version)
    finally:
        conn.close()


def copy_in(vault_file: Path, source: Path) -> Path:
    """The new file as a durable copy of ``source`` (a backup, for a restore)."""
    part = swap_file(vault_file)
    discard(vault_file)
    backups.copy_durably(source, part)
    return part


def record_in(part: Path, db_key: bytes, work: Callable[[Session], object]) -> tuple[Head, int]:
    """Run ``work`` (which records at least one audit event) in one committed transaction
    on the new file; returns the head of its log and its restore generation."""
    made = engine.make_engine(part, db_key)
    try:
        with Session(made, expire_on_commit=False) as session, session.begin():
            work(session)
            head = audit.written_head(session)
            generation = audit.restore_generation(session)
    finally:
        made.dispose()
    assert head is not None, "the change must be in the audit log"
    return head, generation


def swap_in(
    vault_file: Path,
    *,
    new_key: AnchorKey,
    new_head: Head,
    generation: int,
    header_now: KeyHeader | None,
    header_new: KeyHeader,
) -> None:
    """Steps 2 to 4 above. ``header_now`` is the header in force (None if it is unreadable);
    ``header_new`` the one that holds the new key (the same object when the key stays)."""
    part = swap_file(vault_file)
    target = header_path(vault_file)
    try:
        kept = anchor.read(vault_file) or []
    except anchor.AnchorUnreadable:
        kept = []
    signed = new_key.sign(new_head, Role.VAULT, generation)
    # The anchor names the new head beside the current one(s) before the rename: whichever
    # file is in place after a crash, a head of its own is there (unlock wants one of its
    # heads in its log).
    anchor.write(vault_file, header_new.vault_id, [*kept, signed])
    if header_new is not header_now:
        if (
            header_now is not None
            and header_now.version >= 2
            and header_now.vault_id == header_new.vault_id
        ):
            write_header(target, header_now.settled().with_pending(header_new.slots))
        else:
            # No header in force that could name the new key as pending (damaged, of another
            # vault, or of version 1): the new one waits beside the vault as a copy, which
            # unlock tries when the header in force does not open the file in place.
            write_header(swap_header(vault_file), header_new)
    os.replace(part, vault_file)
    # From here on the change has happened; what follows only tidies up, and unlock does
    # the same if it is cut off.
    try:
        backups.fsync_dir(vault_file.parent)
        if header_new is not header_now:
            write_header(target, header_new)
            swap_header(vault_file).unlink(missing_ok=True)
        anchor.write(vault_file, header_new.vault_id, [signed])
    except OSError as exc:
        log.warning("header or anchor not rewritten after a swap (%s)", type(exc).__name__)
