"""Key derivation: the passphrase through Argon2id, the recovery key through HKDF.

The Argon2id parameters are stored in the key header, so that a vault made with other
parameters (stronger ones later, or cheap ones in tests) still opens. :data:`ARGON2_DEFAULT`
is what :meth:`Vault.create` and a passphrase change use: RFC 9106's second recommended
setting, 64 MiB of memory, 3 passes, 4 lanes. Measured on the development machine (two cores)
one derivation takes about 0.1 s, far inside the 1 s unlock budget; a slow school laptop has
room for ten times that.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from desktop.i18n import N_
from desktop.vault.errors import InvalidInput, PassphraseTooShort

MIN_PASSPHRASE_CHARS = 12
MAX_PASSPHRASE_CHARS = 1024
MIN_MEMORY_KIB = 65536  # the floor for vaults made by the app: 64 MiB


@dataclass(frozen=True)
class Argon2Params:
    memory_kib: int
    iterations: int
    lanes: int

    def to_json(self) -> dict[str, int]:
        return {"memory_kib": self.memory_kib, "iterations": self.iterations, "lanes": self.lanes}


ARGON2_DEFAULT = Argon2Params(memory_kib=65536, iterations=3, lanes=4)


def check_passphrase(passphrase: object, field: str = "passphrase") -> str:
    """``passphrase`` if it can be set as the passphrase: :class:`PassphraseTooShort` or
    :class:`InvalidInput` otherwise."""
    text = check_passphrase_text(passphrase, field)
    if len(normalise(text)) < MIN_PASSPHRASE_CHARS:
        raise PassphraseTooShort(MIN_PASSPHRASE_CHARS)
    if len(text) > MAX_PASSPHRASE_CHARS:
        raise InvalidInput(
            field,
            N_("Het wachtwoord is te lang: ten hoogste {n} tekens."),
            n=MAX_PASSPHRASE_CHARS,
        )
    return text


def check_passphrase_text(passphrase: object, field: str = "passphrase") -> str:
    """``passphrase`` if it is text that can be derived from (to open a vault, say).

    Says nothing about the passphrase itself: the message has no part of it.
    """
    if not isinstance(passphrase, str):
        raise InvalidInput(field, N_("Vul het wachtwoord in."))
    if not _encodable(passphrase):
        raise InvalidInput(
            field,
            N_("Het wachtwoord bevat tekens die niet kunnen worden gebruikt. Typ het opnieuw."),
        )
    return passphrase


def _encodable(text: str) -> bool:
    try:
        normalise(text).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


_BAD_PARAMS = N_(
    "Deze instellingen voor het wachtwoord kunnen niet worden gebruikt. Laat ze weg: dan "
    "gelden de standaardinstellingen."
)


def check_params(params: object) -> Argon2Params:
    """``params`` if they are Argon2id settings a key header can hold (and a reader accepts)."""
    from desktop.vault.keyheader import MAX_ITERATIONS, MAX_LANES, MAX_MEMORY_KIB

    if not isinstance(params, Argon2Params) or not all(
        type(v) is int for v in (params.memory_kib, params.iterations, params.lanes)
    ):
        raise InvalidInput("kdf_params", _BAD_PARAMS)
    if not (
        1 <= params.lanes <= MAX_LANES
        and 8 * params.lanes <= params.memory_kib <= MAX_MEMORY_KIB
        and 1 <= params.iterations <= MAX_ITERATIONS
    ):
        raise InvalidInput("kdf_params", _BAD_PARAMS)
    return params


def normalise(passphrase: str) -> str:
    """NFC, so that the same passphrase typed on another system gives the same bytes."""
    return unicodedata.normalize("NFC", passphrase)


def derive_from_passphrase(passphrase: str, salt: bytes, params: Argon2Params) -> bytes:
    """A 256-bit key-encryption key from the passphrase."""
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

    kdf = Argon2id(
        salt=salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(normalise(passphrase).encode("utf-8"))


def derive_from_recovery(secret: bytes, salt: bytes) -> bytes:
    """A 256-bit key-encryption key from the recovery key's secret."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    hkdf = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=salt, info=b"schoolsignaal/kluis/herstel"
    )
    return hkdf.derive(secret)
