"""The key header (``kluis.sleutel``): the database key, wrapped twice, in a small JSON file.

The vault's SQLCipher database is encrypted with a random 256-bit key. That key is stored
only here, twice, each time encrypted with AES-256-GCM:

- under a key derived from the passphrase with Argon2id (the parameters are in the header);
- for the recovery key: under a key agreed (X25519) between a one-time key pair and the
  recovery key's public key. The recovery key's private half is derived from the recovery
  key itself, which is written on paper and stored nowhere, and its public half is in the
  header. So the app can wrap a *new* database key for the recovery key without knowing it:
  changing the passphrase rotates the database key and the same printed recovery key still
  opens the vault.

Each wrapping binds the format, the header version, the vault's id, the slot's name and its
KDF parameters as associated data, so that a header edited by hand fails to open rather than
opening with weaker parameters.

A rotation of the database key (a passphrase change, a new recovery key, a restore of a
backup under another key) swaps a new database file in by one rename. Just before, the header
gets the new key's slots as ``pending``; just after, they replace the current ones. Whoever
opens the vault in between knows which slots count from one fact: the new file
(:func:`swap_file`) is still there (not swapped: the current slots) or gone (swapped: the
pending ones). See ``desktop.vault.rotation``.

Copies of the header beside backups also carry the audit anchor of the backup
(``desktop.vault.anchor``). Version 1 headers (recovery slot by HKDF, no pending, no anchor)
are still read: old backups open with them. The format is documented in
``docs/vault-key-header.md``; bump :data:`VERSION` for any change to it.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import secrets
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from desktop.vault import kdf, recovery
from desktop.vault.errors import (
    NotAVault,
    VaultFromNewerVersion,
    WrongPassphrase,
    WrongRecoveryKey,
)
from toolkit.atomic import write_atomic

FORMAT = "schoolsignaal-kluissleutel"
VERSION = 2
CIPHER = "AES-256-GCM"
KEY_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = 12
X25519_BYTES = 32
MAX_HEADER_BYTES = 64 * 1024
HEADER_SUFFIX = ".sleutel"
MAX_MEMORY_KIB = 1024 * 1024  # 1 GiB
MAX_ITERATIONS = 16
MAX_LANES = 16

ARGON2 = "argon2id"
RECOVERY_HKDF = "hkdf-sha256"  # version 1: the recovery key's secret through HKDF
RECOVERY_X25519 = "x25519-hkdf-sha256"  # version 2


def header_path(vault_file: Path) -> Path:
    """``kluis.db`` -> ``kluis.sleutel``, beside it."""
    return vault_file.with_suffix(HEADER_SUFFIX)


def swap_file(vault_file: Path) -> Path:
    """``.kluis.db.nieuw``: a vault file being prepared to replace ``vault_file``."""
    return vault_file.with_name(f".{vault_file.name}.nieuw")


def swap_header(vault_file: Path) -> Path:
    """``.kluis.nieuw.sleutel``: the header of a restored file under another vault's key,
    written before the swap where the header beside the vault cannot name it as pending."""
    return vault_file.with_name(f".{vault_file.stem}.nieuw{HEADER_SUFFIX}")


@dataclass(frozen=True)
class Slot:
    """One wrapping of the database key: how the wrapping key is made, and the result.

    ``public_key`` and ``ephemeral_key`` are used by the X25519 recovery slot only; ``salt``
    by the Argon2id and version 1 recovery slots.
    """

    method: str
    salt: bytes
    nonce: bytes
    wrapped_key: bytes
    argon2: kdf.Argon2Params | None = None
    public_key: bytes = b""
    ephemeral_key: bytes = b""

    def params_json(self) -> dict[str, Any]:
        """What is bound to the wrapping as associated data besides the vault and slot."""
        params: dict[str, Any] = {"kdf": self.method}
        if self.argon2 is not None:
            params.update(self.argon2.to_json())
        if self.method == RECOVERY_X25519:
            params["public_key"] = _b64(self.public_key)
        return params

    def to_json(self) -> dict[str, Any]:
        data = {
            **self.params_json(),
            "nonce": _b64(self.nonce),
            "wrapped_key": _b64(self.wrapped_key),
        }
        if self.method == RECOVERY_X25519:
            data["ephemeral_key"] = _b64(self.ephemeral_key)
        else:
            data["salt"] = _b64(self.salt)
        return data


@dataclass(frozen=True)
class Slots:
    """The two wrappings of one database key: the passphrase's and the recovery key's."""

    passphrase: Slot
    recovery: Slot

    def to_json(self) -> dict[str, Any]:
        return {"passphrase": self.passphrase.to_json(), "recovery": self.recovery.to_json()}


@dataclass(frozen=True)
class KeyHeader:
    vault_id: str  # 32 hex digits, random; also stored inside the database
    created: str  # ISO 8601, UTC
    passphrase: Slot
    recovery: Slot
    version: int = VERSION
    pending: Slots | None = None  # a new database key's slots while it is being swapped in
    anchor: dict[str, Any] | None = None  # a backup's audit anchor (header copies only)

    @property
    def slots(self) -> Slots:
        return Slots(passphrase=self.passphrase, recovery=self.recovery)

    # ------------------------------------------------------------------ opening

    def unwrap_with_passphrase(self, passphrase: str) -> bytes:
        """The database key, or :class:`WrongPassphrase`."""
        slot = self.passphrase
        assert slot.argon2 is not None
        kek = kdf.derive_from_passphrase(passphrase, slot.salt, slot.argon2)
        key = _unwrap(kek, slot, self._aad("passphrase", slot))
        if key is None:
            raise WrongPassphrase()
        return key

    def unwrap_with_recovery(self, secret: bytes) -> bytes:
        """The database key, or :class:`WrongRecoveryKey`."""
        slot = self.recovery
        aad = self._aad("recovery", slot)
        if slot.method == RECOVERY_HKDF:
            key = _unwrap(kdf.derive_from_recovery(secret, slot.salt), slot, aad)
        else:
            key = recovery.unwrap_as_owner(
                secret, slot.public_key, slot.ephemeral_key, slot.nonce, slot.wrapped_key, aad
            )
        if key is None:
            raise WrongRecoveryKey()
        return key

    @property
    def can_rewrap_recovery(self) -> bool:
        """Whether a new database key can be wrapped for the recovery key (version 2)."""
        return self.recovery.method == RECOVERY_X25519

    # ------------------------------------------------------------------ changing

    def slots_for(
        self, db_key: bytes, passphrase: str, params: kdf.Argon2Params, *, recovery_public: bytes
    ) -> Slots:
        """New slots for ``db_key``: under ``passphrase``, and for the recovery key whose
        public half is ``recovery_public``."""
        return Slots(
            passphrase=_passphrase_slot(self.vault_id, db_key, passphrase, params),
            recovery=_recovery_slot(self.vault_id, db_key, recovery_public),
        )

    def with_pending(self, slots: Slots) -> KeyHeader:
        return replace(self, pending=slots, anchor=None)

    def promoted(self) -> KeyHeader:
        """The pending slots in force (the new file was swapped in)."""
        assert self.pending is not None
        return self.with_slots(self.pending)

    def with_slots(self, slots: Slots) -> KeyHeader:
        """This vault's header with ``slots`` in force (written in the current version)."""
        return replace(
            self,
            version=VERSION,
            passphrase=slots.passphrase,
            recovery=slots.recovery,
            pending=None,
            anchor=None,
        )

    def settled(self) -> KeyHeader:
        """Without pending slots (the swap did not happen) and without an anchor."""
        return replace(self, pending=None, anchor=None)

    def with_anchor(self, anchor: dict[str, Any] | None) -> KeyHeader:
        return replace(self, anchor=anchor)

    # ------------------------------------------------------------------ bytes

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "format": FORMAT,
            "version": self.version,
            "cipher": CIPHER,
            "vault_id": self.vault_id,
            "created": self.created,
            "passphrase": self.passphrase.to_json(),
            "recovery": self.recovery.to_json(),
        }
        if self.pending is not None:
            data["pending"] = self.pending.to_json()
        if self.anchor is not None:
            data["anchor"] = self.anchor
        return data

    def to_bytes(self) -> bytes:
        return (json.dumps(self.to_json(), indent=2, sort_keys=True) + "\n").encode("ascii")

    def _aad(self, name: str, slot: Slot) -> bytes:
        return _aad(self.vault_id, name, slot.params_json(), self.version)


def new_header(
    db_key: bytes, passphrase: str, recovery_secret: bytes, params: kdf.Argon2Params
) -> KeyHeader:
    vault_id = secrets.token_hex(16)
    return KeyHeader(
        vault_id=vault_id,
        created=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        passphrase=_passphrase_slot(vault_id, db_key, passphrase, params),
        recovery=_recovery_slot(vault_id, db_key, recovery.public_key(recovery_secret)),
    )


def write_header(path: Path, header: KeyHeader) -> None:
    """Write atomically (temporary file, fsync, rename, fsync of the folder)."""
    write_atomic(path, header.to_bytes())


def read_header(path: Path) -> KeyHeader:
    """The header in ``path``; :class:`NotAVault` if it is not one, ``FileNotFoundError``."""
    with path.open("rb") as handle:
        data = handle.read(MAX_HEADER_BYTES + 1)
    if len(data) > MAX_HEADER_BYTES:
        raise NotAVault(path)
    return parse_header(data, path)


def parse_header(data: bytes, path: Path) -> KeyHeader:
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise NotAVault(path) from exc
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise NotAVault(path)
    version = raw.get("version")
    if type(version) is not int or version < 1:
        raise NotAVault(path)
    if version > VERSION:
        raise VaultFromNewerVersion(found=version, supported=VERSION)
    recovery_kdf = RECOVERY_HKDF if version == 1 else RECOVERY_X25519
    try:
        if raw["cipher"] != CIPHER:
            raise NotAVault(path)
        vault_id = raw["vault_id"]
        if not isinstance(vault_id, str) or len(vault_id) != 32:
            raise NotAVault(path)
        int(vault_id, 16)
        pending = None
        if version >= 2 and raw.get("pending") is not None:
            pending = Slots(
                passphrase=_read_slot(raw["pending"]["passphrase"], ARGON2),
                recovery=_read_slot(raw["pending"]["recovery"], RECOVERY_X25519),
            )
        anchor = raw.get("anchor") if version >= 2 else None
        if anchor is not None and not isinstance(anchor, dict):
            raise ValueError("the anchor is not an object")
        return KeyHeader(
            vault_id=vault_id,
            created=str(raw["created"]),
            passphrase=_read_slot(raw["passphrase"], ARGON2),
            recovery=_read_slot(raw["recovery"], recovery_kdf),
            version=version,
            pending=pending,
            anchor=anchor,
        )
    except (KeyError, TypeError, ValueError, binascii.Error) as exc:
        raise NotAVault(path) from exc


# ---------------------------------------------------------------------- helpers


def _passphrase_slot(
    vault_id: str, db_key: bytes, passphrase: str, params: kdf.Argon2Params
) -> Slot:
    salt = secrets.token_bytes(SALT_BYTES)
    kek = kdf.derive_from_passphrase(passphrase, salt, params)
    slot = Slot(method=ARGON2, salt=salt, nonce=b"", wrapped_key=b"", argon2=params)
    nonce = secrets.token_bytes(NONCE_BYTES)
    wrapped = _wrap(kek, nonce, db_key, _aad(vault_id, "passphrase", slot.params_json(), VERSION))
    return replace(slot, nonce=nonce, wrapped_key=wrapped)


def _recovery_slot(vault_id: str, db_key: bytes, public_key: bytes) -> Slot:
    """Wrap ``db_key`` for the holder of the recovery key whose public half is given."""
    shape = Slot(RECOVERY_X25519, b"", b"", b"", public_key=public_key)
    aad = _aad(vault_id, "recovery", shape.params_json(), VERSION)
    ephemeral_key, nonce, wrapped = recovery.wrap_for(public_key, db_key, aad)
    return replace(shape, nonce=nonce, wrapped_key=wrapped, ephemeral_key=ephemeral_key)


def _read_slot(raw: Any, expected_kdf: str) -> Slot:
    if not isinstance(raw, dict) or raw.get("kdf") != expected_kdf:
        raise ValueError("unexpected slot")
    params = None
    if expected_kdf == ARGON2:
        values = [raw["memory_kib"], raw["iterations"], raw["lanes"]]
        if not all(type(v) is int and v > 0 for v in values):
            raise ValueError("bad argon2 parameters")
        params = kdf.Argon2Params(*values)
        # Read before the tag can be checked, so bounded here: an edited header must not make
        # unlock crash, exhaust memory or run for hours.
        if not (
            1 <= params.lanes <= MAX_LANES
            and 8 * params.lanes <= params.memory_kib <= MAX_MEMORY_KIB
            and params.iterations <= MAX_ITERATIONS
        ):
            raise ValueError("argon2 parameters out of bounds")
    if expected_kdf == RECOVERY_X25519:
        slot = Slot(
            method=expected_kdf,
            salt=b"",
            nonce=_unb64(raw["nonce"]),
            wrapped_key=_unb64(raw["wrapped_key"]),
            public_key=_unb64(raw["public_key"]),
            ephemeral_key=_unb64(raw["ephemeral_key"]),
        )
        if len(slot.public_key) != X25519_BYTES or len(slot.ephemeral_key) != X25519_BYTES:
            raise ValueError("bad key sizes")
    else:
        slot = Slot(
            method=expected_kdf,
            salt=_unb64(raw["salt"]),
            nonce=_unb64(raw["nonce"]),
            wrapped_key=_unb64(raw["wrapped_key"]),
            argon2=params,
        )
        if len(slot.salt) < 8:
            raise ValueError("salt too short")
    if len(slot.nonce) != NONCE_BYTES or len(slot.wrapped_key) != KEY_BYTES + 16:
        raise ValueError("bad slot sizes")
    return slot


def _aad(vault_id: str, name: str, params: dict[str, Any], version: int) -> bytes:
    bound = {"format": FORMAT, "version": version, "vault_id": vault_id, "slot": name, **params}
    return json.dumps(bound, sort_keys=True, separators=(",", ":")).encode("ascii")


def _wrap(kek: bytes, nonce: bytes, db_key: bytes, aad: bytes) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return AESGCM(kek).encrypt(nonce, db_key, aad)


def _unwrap(kek: bytes, slot: Slot, aad: bytes) -> bytes | None:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        key = AESGCM(kek).decrypt(slot.nonce, slot.wrapped_key, aad)
    except InvalidTag:
        return None
    return key if len(key) == KEY_BYTES else None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("expected base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)
