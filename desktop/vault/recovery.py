"""The recovery key (herstelsleutel): shown once at set-up, written down or printed by a person.

240 random bits and a 10-bit check, written as 50 characters of Crockford's base32 in ten
groups of five (``7KQ2M-0D9XW-...``). Crockford's alphabet leaves out I, L, O and U, so that
nothing is read wrongly; when typing it back, lower case, I and L (for 1), O (for 0), spaces
and dashes are accepted. The check catches almost every typing error before the key is tried,
so that the user is told "typing error" rather than "wrong key".

The secret is also an X25519 key pair (the private key derived from it with HKDF-SHA256;
the secret has full entropy, so a slow password hash would add nothing). The key header keeps
only the public key: :func:`wrap_for` wraps a database key for the holder of the recovery key
without needing it, which is how a passphrase change gives the vault a new database key that
the same printed recovery key still opens; :func:`unwrap_as_owner` opens it with the key.
"""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from desktop.i18n import N_
from desktop.vault.errors import InvalidInput, MalformedRecoveryKey

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
SECRET_BYTES = 30
CHECK_BITS = 10
GROUP_SIZE = 5
GROUPS = 10
LENGTH = GROUP_SIZE * GROUPS  # 50 characters = 250 bits = 240 secret + 10 check
_DECODE = {c: i for i, c in enumerate(ALPHABET)} | {"I": 1, "L": 1, "O": 0}
_CHECK_LABEL = b"schoolsignaal/herstelsleutel/controle"


def new_secret() -> bytes:
    return secrets.token_bytes(SECRET_BYTES)


def _check(secret: bytes) -> int:
    digest = hashlib.sha256(_CHECK_LABEL + secret).digest()
    return int.from_bytes(digest[:2], "big") >> (16 - CHECK_BITS)


def format_key(secret: bytes) -> str:
    """The key as a person copies it: ten groups of five, joined by dashes."""
    if len(secret) != SECRET_BYTES:
        raise ValueError("a recovery secret is 30 bytes")
    number = (int.from_bytes(secret, "big") << CHECK_BITS) | _check(secret)
    chars = [ALPHABET[(number >> (5 * i)) & 31] for i in reversed(range(LENGTH))]
    text = "".join(chars)
    return "-".join(text[i : i + GROUP_SIZE] for i in range(0, LENGTH, GROUP_SIZE))


def check_text(text: object) -> str:
    """``text`` if it is text at all (whether it is a recovery key is :func:`parse_key`'s)."""
    if not isinstance(text, str):
        raise InvalidInput("recovery_key", N_("Vul de herstelsleutel in."))
    return text


def parse_key(text: str) -> bytes:
    """The secret in a typed recovery key, or :class:`MalformedRecoveryKey`."""
    check_text(text)
    cleaned = "".join(ch for ch in text.upper() if ch not in " -\t\r\n")
    if len(cleaned) != LENGTH or any(ch not in _DECODE for ch in cleaned):
        raise MalformedRecoveryKey()
    number = 0
    for ch in cleaned:
        number = (number << 5) | _DECODE[ch]
    secret = (number >> CHECK_BITS).to_bytes(SECRET_BYTES, "big")
    if number & ((1 << CHECK_BITS) - 1) != _check(secret):
        raise MalformedRecoveryKey()
    return secret


# ---------------------------------------------------------------------- the key pair

_SEED_INFO = b"schoolsignaal/kluis/herstel/x25519"
_WRAP_INFO = b"schoolsignaal/kluis/herstel/omslag"


def public_key(secret: bytes) -> bytes:
    """The public half of the recovery key's X25519 key pair (kept in the header)."""
    public: bytes = _private(secret).public_key().public_bytes_raw()
    return public


def wrap_for(public: bytes, db_key: bytes, aad: bytes) -> tuple[bytes, bytes, bytes]:
    """Wrap ``db_key`` for the holder of the recovery key whose public half is ``public``:
    a one-time key pair, the shared secret, HKDF, AES-256-GCM. Returns the one-time public
    key, the nonce and the wrapped key."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import (
        X25519PrivateKey,
        X25519PublicKey,
    )
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    ephemeral = X25519PrivateKey.generate()
    ephemeral_key = ephemeral.public_key().public_bytes_raw()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public))
    nonce = secrets.token_bytes(12)
    kek = _wrapping_key(shared, ephemeral_key, public)
    return ephemeral_key, nonce, AESGCM(kek).encrypt(nonce, db_key, aad)


def unwrap_as_owner(
    secret: bytes, public: bytes, ephemeral_key: bytes, nonce: bytes, wrapped: bytes, aad: bytes
) -> bytes | None:
    """The database key wrapped by :func:`wrap_for`; None for another recovery key or a
    changed wrapping."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    private = _private(secret)
    if private.public_key().public_bytes_raw() != public:
        return None
    shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral_key))
    try:
        key: bytes = AESGCM(_wrapping_key(shared, ephemeral_key, public)).decrypt(
            nonce, wrapped, aad
        )
    except InvalidTag:
        return None
    return key if len(key) == 32 else None


def _private(secret: bytes) -> Any:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    seed = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_SEED_INFO)
    return X25519PrivateKey.from_private_bytes(seed.derive(secret))


def _wrapping_key(shared: bytes, ephemeral_key: bytes, public: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral_key + public, info=_WRAP_INFO)
    return hkdf.derive(shared)
