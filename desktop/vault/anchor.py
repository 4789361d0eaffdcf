"""The audit anchor (``kluis.anker``): the head of the audit chain, kept outside the database.

The audit chain (``desktop.vault.audit``) shows an event that was altered, removed or moved
inside the database. It cannot show, from the database alone, that its newest events were cut
off, that it was emptied, or that the whole file was replaced by an older copy: each of those
leaves a chain that is valid as far as it goes. So the head of the chain (the newest event's
number, hash and time) is also kept outside the database:

- in ``kluis.anker`` beside the vault, rewritten after every commit;
- in the key header copy beside each backup (the head the backup holds).

Each head is authenticated with HMAC-SHA256 under a key derived from the database key
(HKDF, its own label), so only someone who can open the vault can write a valid one; a
``key_id`` (derived the same way, not secret) says which database key signed it, since the
key changes with every passphrase change. At unlock the database's chain must hold every
valid head that belongs to it (the event with that number has that hash), or a restore event
must name it as the head it replaced. Otherwise the vault is behind: it is said plainly, and
written in the log as an event that chains on from the newest head known, so that the gap
stays visible to every later check. A new chain is never started over a missing one.

File format (UTF-8 JSON, keys sorted; docs/vault-threat-model.md)::

    {"format": "schoolsignaal-kluisanker", "version": 1, "vault_id": "<32 hex>",
     "heads": [{"key_id": "<16 hex>", "seq": 52, "hash": "<64 hex>",
                "at": "2026-11-30T12:00:00.000000Z", "mac": "<64 hex>"}]}

Normally one head; two while a new database key is being swapped in (one per key).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import hmac
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from desktop.i18n import N_, _, format_datetime
from desktop.vault import audit, backups
from desktop.vault.audit import Head
from toolkit.atomic import write_atomic

FORMAT = "schoolsignaal-kluisanker"
VERSION = 2
ANCHOR_SUFFIX = ".anker"
MAX_ANCHOR_BYTES = 16 * 1024
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_HEX16 = re.compile(r"^[0-9a-f]{16}$")
_AT = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$")
_INFO = b"schoolsignaal/kluis/anker"


def anchor_path(vault_file: Path) -> Path:
    """``kluis.db`` -> ``kluis.anker``, beside it."""
    return vault_file.with_suffix(ANCHOR_SUFFIX)


class Role(StrEnum):
    """Where a signed head is kept. Part of what is signed, so that the head in a backup's
    header copy cannot be put beside the vault as its anchor (with that backup put in place
    of the vault, the two would agree)."""

    VAULT = "kluis"  # kluis.anker, beside the vault
    BACKUP = "reservekopie"  # the header copy beside a backup


@dataclass(frozen=True)
class SignedHead:
    """A head, where it is kept, the vault's restore generation then, and its MAC.

    ``generation`` counts the restores the log has been through (``meta.restores``): a
    restore on purpose goes back past the backups made before it, and they no longer count;
    a backup of a later generation than the vault shows the vault was set back.
    """

    key_id: str
    head: Head
    role: Role
    generation: int
    mac: str

    def to_json(self) -> dict[str, Any]:
        return {
            "key_id": self.key_id,
            "seq": self.head.seq,
            "hash": self.head.hash,
            "at": self.head.at,
            "role": self.role.value,
            "generation": self.generation,
            "mac": self.mac,
        }

    @classmethod
    def from_json(cls, raw: object) -> SignedHead:
        """``ValueError`` for anything that is not a well-formed signed head."""
        if not isinstance(raw, dict):
            raise ValueError("a head is an object")
        fields = ("key_id", "seq", "hash", "at", "role", "generation", "mac")
        key_id, seq, digest, at, role, generation, mac = (raw.get(k) for k in fields)
        if not (
            isinstance(key_id, str)
            and _HEX16.match(key_id)
            and type(seq) is int
            and 0 < seq < 2**62
            and isinstance(digest, str)
            and _HEX64.match(digest)
            and isinstance(at, str)
            and _AT.match(at)
            and role in {r.value for r in Role}
            and type(generation) is int
            and 0 <= generation < 2**31
            and isinstance(mac, str)
            and _HEX64.match(mac)
        ):
            raise ValueError("malformed head")
        return cls(key_id, Head(seq, digest, at), Role(role), generation, mac)


class AnchorKey:
    """What a database key gives for anchors: an id (not secret) and an HMAC key."""

    def __init__(self, db_key: bytes, vault_id: str) -> None:
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.kdf.hkdf import HKDF

        derived = HKDF(algorithm=hashes.SHA256(), length=40, salt=None, info=_INFO).derive(
            bytes(db_key)
        )
        self.key_id = derived[:8].hex()
        self._mac_key = derived[8:]
        self.vault_id = vault_id

    def sign(self, head: Head, role: Role, generation: int) -> SignedHead:
        return SignedHead(self.key_id, head, role, generation, self._mac(head, role, generation))

    def verified(self, signed: SignedHead, role: Role) -> SignedHead | None:
        """``signed`` if this key signed it, for this vault and this role; None if another
        key did, or the MAC fails (edited, or a head of another role)."""
        if signed.key_id != self.key_id or signed.role is not role:
            return None
        mac = self._mac(signed.head, signed.role, signed.generation)
        return signed if hmac.compare_digest(mac, signed.mac) else None

    def _mac(self, head: Head, role: Role, generation: int) -> str:
        fields = {
            "vault_id": self.vault_id,
            "seq": head.seq,
            "hash": head.hash,
            "at": head.at,
            "role": role.value,
            "generation": generation,
        }
        message = json.dumps(fields, sort_keys=True, separators=(",", ":")).encode("ascii")
        return hmac.new(self._mac_key, message, hashlib.sha256).hexdigest()


# ---------------------------------------------------------------------- the file


class AnchorUnreadable(Exception):
    """The anchor file is there but is not one (damaged, or edited)."""


def write(vault_file: Path, vault_id: str, heads: Iterable[SignedHead]) -> None:
    data = {
        "format": FORMAT,
        "version": VERSION,
        "vault_id": vault_id,
        "heads": [h.to_json() for h in heads],
    }
    write_atomic(anchor_path(vault_file), (json.dumps(data, sort_keys=True) + "\n").encode())


def read(vault_file: Path) -> list[SignedHead] | None:
    """The signed heads in the anchor file; None if there is none; :class:`AnchorUnreadable`
    if it is not an anchor file. (During a restore over another vault it holds heads of
    both: each head's MAC binds its vault.)"""
    try:
        with anchor_path(vault_file).open("rb") as handle:
            data = handle.read(MAX_ANCHOR_BYTES + 1)
    except FileNotFoundError:
        return None
    try:
        if len(data) > MAX_ANCHOR_BYTES:
            raise ValueError("too large")
        raw = json.loads(data.decode("utf-8"))
        if not isinstance(raw, dict) or raw.get("format") != FORMAT:
            raise ValueError("not an anchor")
        if raw.get("version") != VERSION or not isinstance(raw.get("heads"), list):
            raise ValueError("unknown version")
        return [SignedHead.from_json(h) for h in raw["heads"]]
    except (UnicodeDecodeError, ValueError) as exc:
        raise AnchorUnreadable() from exc


def _vault_id_of(vault_file: Path) -> str | None:
    """The ``vault_id`` the anchor file names (read again: only when no head is ours)."""
    try:
        raw = json.loads(anchor_path(vault_file).read_bytes()[:MAX_ANCHOR_BYTES])
    except (OSError, ValueError):
        return None
    value = raw.get("vault_id") if isinstance(raw, dict) else None
    return value if isinstance(value, str) else None


# ---------------------------------------------------------------------- what unlock finds


class Finding(StrEnum):
    MISSING = "missing"  # no anchor file
    INVALID = "invalid"  # an anchor file that is damaged, edited, or of another key or vault
    BEHIND_ANCHOR = "behind_anchor"  # the database lacks the head the anchor names
    BEHIND_BACKUP = "behind_backup"  # the database lacks the head a newer backup holds
    EARLIER_KEY = "earlier_key"  # the anchor holds heads of other keys only: a file of before


_MESSAGES = {
    Finding.EARLIER_KEY: N_(
        "Let op: het controlebestand {name} hoort bij een andere sleutel van deze kluis. Er "
        "is een ouder bestand teruggezet, van vóór een wijziging van het wachtwoord of de "
        "herstelsleutel, of het controlebestand is veranderd. Dit staat nu in het logboek. "
        "Meld het aan de ICT-beheerder en zet zo nodig de nieuwste reservekopie terug."
    ),
    Finding.MISSING: N_(
        "Het controlebestand {name} naast de kluis ontbrak. Daarmee ziet Schoolsignaal of de "
        "kluis is teruggezet naar een eerdere stand. Er is een nieuw controlebestand gemaakt "
        "en dit staat in het logboek. Weet je niet waarom het ontbrak? Meld het aan de "
        "ICT-beheerder."
    ),
    Finding.INVALID: N_(
        "Het controlebestand {name} naast de kluis is beschadigd of veranderd. Daarmee ziet "
        "Schoolsignaal of de kluis is teruggezet naar een eerdere stand. Er is een nieuw "
        "controlebestand gemaakt en dit staat in het logboek. Meld het aan de ICT-beheerder."
    ),
    Finding.BEHIND_ANCHOR: N_(
        "Let op: de kluis staat op een eerdere stand dan bij het laatste gebruik. Het logboek "
        "was op {date} al bij gebeurtenis {expected}, maar deze kluis eindigt bij gebeurtenis "
        "{found}. Er is een ouder bestand teruggezet of er zijn gegevens verwijderd. Dit staat "
        "nu in het logboek. Meld het aan de ICT-beheerder en zet zo nodig de nieuwste "
        "reservekopie terug."
    ),
    Finding.BEHIND_BACKUP: N_(
        "Let op: de kluis staat op een eerdere stand dan de reservekopie van {date}. Die "
        "reservekopie komt tot gebeurtenis {expected} van het logboek, maar deze kluis eindigt "
        "bij gebeurtenis {found}. Er is een ouder bestand teruggezet of er zijn gegevens "
        "verwijderd. Dit staat nu in het logboek. Meld het aan de ICT-beheerder en zet zo "
        "nodig de nieuwste reservekopie terug."
    ),
}


@dataclass(frozen=True)
class AnchorProblem:
    """What unlock found about the chain's head; ``message()`` is for the coordinator."""

    finding: Finding
    expected: Head | None = None  # the head the database should hold
    found: int = 0  # the number of the database's newest event
    file_name: str = "kluis" + ANCHOR_SUFFIX

    def message(self) -> str:
        date = ""
        if self.expected is not None:
            when = dt.datetime.fromisoformat(self.expected.at.replace("Z", "+00:00"))
            date = format_datetime(when.astimezone().replace(tzinfo=None), "short")
        return _(_MESSAGES[self.finding]).format(
            name=self.file_name,
            date=date,
            expected=self.expected.seq if self.expected else 0,
            found=self.found,
        )


def findings(
    session: Session, vault_file: Path, key: AnchorKey, backup_heads: Iterable[SignedHead]
) -> list[AnchorProblem]:
    """Compare the database's audit log with the heads kept outside it (read only).

    ``backup_heads``: the heads in the header copies beside this vault's backups. One of the
    vault's restore generation must be in the log; one of a later generation means the vault
    was set back past a restore; those of earlier generations were gone back past on purpose.
    """
    found = audit.newest_seq(session)
    generation = audit.restore_generation(session)
    name = anchor_path(vault_file).name
    problems: list[AnchorProblem] = []
    try:
        signed = read(vault_file)
    except AnchorUnreadable:
        signed = []
        problems.append(AnchorProblem(Finding.INVALID, found=found, file_name=name))
    if signed is None:
        problems.append(AnchorProblem(Finding.MISSING, found=found, file_name=name))
        signed = []
    elif not signed and not problems:  # a real anchor always names a head
        problems.append(AnchorProblem(Finding.INVALID, found=found, file_name=name))
    mine = [s for s in signed if s.key_id == key.key_id]
    valid = [v for v in (key.verified(s, Role.VAULT) for s in mine) if v is not None]
    if signed and not mine and _vault_id_of(vault_file) != key.vault_id:
        problems.append(AnchorProblem(Finding.INVALID, found=found, file_name=name))
    elif signed and not mine:  # this vault's, but only heads of other keys: a file of before
        problems.append(AnchorProblem(Finding.EARLIER_KEY, found=found, file_name=name))
    elif len(valid) != len(mine) and not problems:
        problems.append(AnchorProblem(Finding.INVALID, found=found, file_name=name))
    # One head normally; during a swap one for the file before and one for the file after,
    # and the file in place must hold one of them.
    if valid and not any(audit.holds(session, v.head) for v in valid):
        newest = max((v.head for v in valid), key=lambda h: h.seq)
        problems.append(AnchorProblem(Finding.BEHIND_ANCHOR, newest, found, name))
    newer = [
        copy.head
        for copy in (key.verified(s, Role.BACKUP) for s in backup_heads)
        if copy is not None
        and (
            copy.generation > generation
            or (copy.generation == generation and not audit.holds(session, copy.head))
        )
    ]
    if newer:
        newest = max(newer, key=lambda h: h.seq)
        problems.append(AnchorProblem(Finding.BEHIND_BACKUP, newest, found, name))
    return problems


def keep_aside(vault_file: Path) -> None:
    """Keep an anchor file that did not hold as ``kluis.anker.ongeldig-<time>``."""
    path = anchor_path(vault_file)
    if path.exists():
        with contextlib.suppress(OSError):
            os.replace(path, path.with_name(f"{path.name}.ongeldig-{backups.time_stamp()}"))


def backup_heads(header_anchors: Iterable[object]) -> list[SignedHead]:
    """The well-formed signed heads among the ``anchor`` fields of header copies."""
    heads = []
    for raw in header_anchors:
        try:
            heads.append(SignedHead.from_json(raw))
        except ValueError:
            continue
    return heads


def check_and_record(
    session: Session, vault_file: Path, key: AnchorKey, *, header_copy: Path | None = None
) -> list[AnchorProblem]:
    """At unlock, before any other commit moves the anchor on: compare the log with the
    heads kept outside it (the anchor file, the header copies beside this vault's backups)
    and record what does not hold, going on from the newest head known, so that the gap
    stays in the log. Also records a key header taken from ``header_copy``."""
    copies = backups.header_copies_of(vault_file, key.vault_id)
    heads = backup_heads(h.anchor for _path, h in copies if h.anchor is not None)
    problems = findings(session, vault_file, key, heads)
    if any(p.finding in (Finding.INVALID, Finding.EARLIER_KEY) for p in problems):
        keep_aside(vault_file)  # evidence: the next commit writes a new one
    behind = [p.expected for p in problems if p.expected is not None]
    if behind:
        audit.continue_from(session, max(behind, key=lambda h: h.seq))
    for problem in problems:
        rolled_back = problem.finding in (
            Finding.BEHIND_ANCHOR,
            Finding.BEHIND_BACKUP,
            Finding.EARLIER_KEY,
        )
        audit.record(
            session,
            audit.AuditKind.ROLLBACK_FOUND if rolled_back else audit.AuditKind.ANCHOR_REPLACED,
            finding=problem.finding.value,
            expected=problem.expected.seq if problem.expected else None,
            found=problem.found,
        )
    if header_copy is not None:
        copied_from = header_copy.with_suffix(vault_file.suffix)  # the backup's name
        audit.record(session, audit.AuditKind.HEADER_RESTORED, file=backups.safe_name(copied_from))
    return problems
