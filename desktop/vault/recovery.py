"""The recovery key (herstelsleutel): shown once at set-up, written down or printed by a person.

240 random bits and a 10-bit check, written as 50 characters of Crockford's base32 in ten
groups of five (``7KQ2M-0D9XW-...``). Crockford's alphabet leaves out I, L, O and U, so that
nothing is read wrongly; when typing it back, lower case, I and L (for 1), O (for 0), spaces
and dashes are accepted. The check catches almost every typing error before the key is tried,
so that the user is told "typing error" rather than "wrong key".

The wrapping key for the database key is derived with HKDF-SHA256: the secret has full
entropy, so a slow password hash would add nothing.
"""

from __future__ import annotations

import hashlib
import secrets

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
