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

import datetime as dt
import hashlib
import hmac
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from desktop.i18n import N_, _, format_datetime
from desktop.vault import audit
from desktop.vault.audit import Head
from toolkit.atomic import write_atomic

FORMAT = "schoolsignaal-kluisanker"
VERSION = 1
ANCHOR_SUFFIX = ".anker"
MAX_ANCHOR_BYTES = 16 * 1024
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_HEX16 = re.compile(r"^[0-9a-f]{16}$")
_AT = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$")
_INFO = b"schoolsignaal/kluis/anker"


def anchor_path(vault_file: Path) -> Path:
    """``kluis.db`` -> ``kluis.anker``, beside it."""
    return vault_file.with_suffix(ANCHOR_SUFFIX)


@dataclass(frozen=True)
class SignedHead:
    key_id: str
    head: Head
    mac: str

    def to_json(self) -> dict[str, Any]:
        return {
            "key_id": self.key_id,
            "seq": self.head.seq,
            "hash": self.head.hash,
            "at": self.head.at,
            "mac": self.mac,
        }

    @classmethod
    def from_json(cls, raw: object) -> SignedHead:
        """``ValueError`` for anything that is not a well-formed signed head."""
        if not isinstance(raw, dict):
            raise ValueError("a head is an object")
        key_id, seq, digest, at, mac = (raw.get(k) for k in ("key_id", "seq", "hash", "at", "mac"))
        if not (
            isinstance(key_id, str)
            and _HEX16.match(key_id)
            and type(seq) is int
            and 0 < seq < 2**62
            and isinstance(digest, str)
            and _HEX64.match(digest)
            and isinstance(at, str)
            and _AT.match(at)
            and isinstance(mac, str)
            and _HEX64.match(mac)
        ):
            raise ValueError("malformed head")
        return cls(key_id, Head(seq, digest, at), mac)


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

    def sign(self, head: Head) -> SignedHead:
        return SignedHead(self.key_id, head, self._mac(head))

    def verified(self, signed: SignedHead) -> Head | None:
        """The head if this key signed it for this vault; None if another key did, or the
        MAC fails."""
        if signed.key_id != self.key_id:
            return None
        return signed.head if hmac.compare_digest(self._mac(signed.head), signed.mac) else None

    def _mac(self, head: Head) -> str:
        fields = {"vault_id": self.vault_id, "seq": head.seq, "hash": head.hash, "at": head.at}
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
    if it is not an anchor file."""
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


# ---------------------------------------------------------------------- what unlock finds


class Finding(StrEnum):
    MISSING = "missing"  # no anchor file
    INVALID = "invalid"  # an anchor file that is damaged, edited, or of another key or vault
    BEHIND_ANCHOR = "behind_anchor"  # the database lacks the head the anchor names
    BEHIND_BACKUP = "behind_backup"  # the database lacks the head a newer backup holds


_MESSAGES = {
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

    ``backup_heads``: the heads in the header copies beside this vault's backups. Only
    those written after the newest restore count: a restore goes back past them on purpose.
    """
    found = audit.newest_seq(session)
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
    mine = [key.verified(s) for s in signed if s.key_id == key.key_id]
    heads = [h for h in mine if h is not None]
    edited = (signed and not heads) or len(heads) != len(mine)  # or of another key
    if edited and not problems:
        problems.append(AnchorProblem(Finding.INVALID, found=found, file_name=name))
    for head in heads:
        if not audit.holds(session, head):
            problems.append(AnchorProblem(Finding.BEHIND_ANCHOR, head, found, name))
    since = audit.last_restore_at(session) or ""
    newer = [
        head
        for head in (key.verified(s) for s in backup_heads)
        if head is not None and head.at > since and not audit.holds(session, head)
    ]
    if newer:
        newest = max(newer, key=lambda h: h.seq)
        problems.append(AnchorProblem(Finding.BEHIND_BACKUP, newest, found, name))
    return problems


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
    from desktop.vault import backups

    copies = backups.header_copies_of(vault_file, key.vault_id)
    heads = backup_heads(h.anchor for _path, h in copies if h.anchor is not None)
    problems = findings(session, vault_file, key, heads)
    behind = [p.expected for p in problems if p.expected is not None]
    if behind:
        audit.continue_from(session, max(behind, key=lambda h: h.seq))
    for problem in problems:
        rolled_back = problem.finding in (Finding.BEHIND_ANCHOR, Finding.BEHIND_BACKUP)
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
