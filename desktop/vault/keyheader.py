"""The key header (``kluis.sleutel``): the database key, wrapped twice, in a small JSON file.

The vault's SQLCipher database is encrypted with a random 256-bit key. That key is stored
only here, twice, each time encrypted with AES-256-GCM:

- under a key derived from the passphrase with Argon2id (the parameters are in the header);
- under a key derived from the recovery key with HKDF-SHA256.

Each wrapping binds the format, the header version, the vault's id, the slot's name and its
KDF parameters as associated data, so that a header edited by hand fails to open rather than
opening with weaker parameters. Changing the passphrase writes a new header (atomically,
fsynced) and leaves the database as it is. The format is documented in
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

from desktop.vault import kdf
from desktop.vault.errors import (
    NotAVault,
    VaultFromNewerVersion,
    WrongPassphrase,
    WrongRecoveryKey,
)
from toolkit.atomic import write_atomic

FORMAT = "schoolsignaal-kluissleutel"
VERSION = 1
CIPHER = "AES-256-GCM"
KEY_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = 12
MAX_HEADER_BYTES = 64 * 1024
HEADER_SUFFIX = ".sleutel"
MAX_MEMORY_KIB = 1024 * 1024  # 1 GiB
MAX_ITERATIONS = 16
MAX_LANES = 16


def header_path(vault_file: Path) -> Path:
    """``kluis.db`` -> ``kluis.sleutel``, beside it."""
    return vault_file.with_suffix(HEADER_SUFFIX)


@dataclass(frozen=True)
class Slot:
    """One wrapping of the database key: how the wrapping key is derived, and the result."""

    method: str  # the key derivation: "argon2id" or "hkdf-sha256"
    salt: bytes
    nonce: bytes
    wrapped_key: bytes
    argon2: kdf.Argon2Params | None = None

    def params_json(self) -> dict[str, Any]:
        return {"kdf": self.method, **(self.argon2.to_json() if self.argon2 else {})}

    def to_json(self) -> dict[str, Any]:
        return {
            **self.params_json(),
            "salt": _b64(self.salt),
            "nonce": _b64(self.nonce),
            "wrapped_key": _b64(self.wrapped_key),
        }


@dataclass(frozen=True)
class KeyHeader:
    vault_id: str  # 32 hex digits, random; also stored inside the database
    created: str  # ISO 8601, UTC
    passphrase: Slot
    recovery: Slot

    # ------------------------------------------------------------------ opening

    def unwrap_with_passphrase(self, passphrase: str) -> bytes:
        """The database key, or :class:`WrongPassphrase`."""
        assert self.passphrase.argon2 is not None
        kek = kdf.derive_from_passphrase(passphrase, self.passphrase.salt, self.passphrase.argon2)
        key = _unwrap(kek, self.passphrase, self._aad("passphrase", self.passphrase))
        if key is None:
            raise WrongPassphrase()
        return key

    def unwrap_with_recovery(self, secret: bytes) -> bytes:
        """The database key, or :class:`WrongRecoveryKey`."""
        kek = kdf.derive_from_recovery(secret, self.recovery.salt)
        key = _unwrap(kek, self.recovery, self._aad("recovery", self.recovery))
        if key is None:
            raise WrongRecoveryKey()
        return key

    # ------------------------------------------------------------------ changing

    def with_passphrase(
        self, db_key: bytes, passphrase: str, params: kdf.Argon2Params
    ) -> KeyHeader:
        """This header with the passphrase slot made anew (new salt, new nonce)."""
        slot = _passphrase_slot(self.vault_id, db_key, passphrase, params)
        return replace(self, passphrase=slot)

    # ------------------------------------------------------------------ bytes

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "cipher": CIPHER,
            "vault_id": self.vault_id,
            "created": self.created,
            "passphrase": self.passphrase.to_json(),
            "recovery": self.recovery.to_json(),
        }

    def to_bytes(self) -> bytes:
        return (json.dumps(self.to_json(), indent=2, sort_keys=True) + "\n").encode("ascii")

    def _aad(self, name: str, slot: Slot) -> bytes:
        return _aad(self.vault_id, name, slot.params_json())


def new_header(
    db_key: bytes, passphrase: str, recovery_secret: bytes, params: kdf.Argon2Params
) -> KeyHeader:
    vault_id = secrets.token_hex(16)
    salt = secrets.token_bytes(SALT_BYTES)
    recovery_kek = kdf.derive_from_recovery(recovery_secret, salt)
    recovery_params = {"kdf": "hkdf-sha256"}
    nonce = secrets.token_bytes(NONCE_BYTES)
    wrapped = _wrap(recovery_kek, nonce, db_key, _aad(vault_id, "recovery", recovery_params))
    return KeyHeader(
        vault_id=vault_id,
        created=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        passphrase=_passphrase_slot(vault_id, db_key, passphrase, params),
        recovery=Slot(method="hkdf-sha256", salt=salt, nonce=nonce, wrapped_key=wrapped),
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
    if not isinstance(version, int) or version < 1:
        raise NotAVault(path)
    if version > VERSION:
        raise VaultFromNewerVersion(found=version, supported=VERSION)
    try:
        if raw["cipher"] != CIPHER:
            raise NotAVault(path)
        vault_id = raw["vault_id"]
        if not isinstance(vault_id, str) or len(vault_id) != 32:
            raise NotAVault(path)
        int(vault_id, 16)
        return KeyHeader(
            vault_id=vault_id,
            created=str(raw["created"]),
            passphrase=_read_slot(raw["passphrase"], "argon2id"),
            recovery=_read_slot(raw["recovery"], "hkdf-sha256"),
        )
    except (KeyError, TypeError, ValueError, binascii.Error) as exc:
        raise NotAVault(path) from exc


# ---------------------------------------------------------------------- helpers


def _passphrase_slot(
    vault_id: str, db_key: bytes, passphrase: str, params: kdf.Argon2Params
) -> Slot:
    salt = secrets.token_bytes(SALT_BYTES)
    kek = kdf.derive_from_passphrase(passphrase, salt, params)
    slot = Slot(method="argon2id", salt=salt, nonce=b"", wrapped_key=b"", argon2=params)
    nonce = secrets.token_bytes(NONCE_BYTES)
    wrapped = _wrap(kek, nonce, db_key, _aad(vault_id, "passphrase", slot.params_json()))
    return replace(slot, nonce=nonce, wrapped_key=wrapped)


def _read_slot(raw: Any, expected_kdf: str) -> Slot:
    if not isinstance(raw, dict) or raw.get("kdf") != expected_kdf:
        raise ValueError("unexpected slot")
    params = None
    if expected_kdf == "argon2id":
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
    slot = Slot(
        method=expected_kdf,
        salt=_unb64(raw["salt"]),
        nonce=_unb64(raw["nonce"]),
        wrapped_key=_unb64(raw["wrapped_key"]),
        argon2=params,
    )
    if len(slot.nonce) != NONCE_BYTES or len(slot.wrapped_key) != KEY_BYTES + 16:
        raise ValueError("bad slot sizes")
    if len(slot.salt) < 8:
        raise ValueError("salt too short")
    return slot


def _aad(vault_id: str, name: str, params: dict[str, Any]) -> bytes:
    bound = {"format": FORMAT, "version": VERSION, "vault_id": vault_id, "slot": name, **params}
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
