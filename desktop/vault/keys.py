"""New keys for an open vault: the header that a passphrase change or a new recovery key
puts in force, with the new database key it wraps. The swap itself is the store's
(``Store.rotate``, see ``desktop.vault.rotation``).

A passphrase change keeps the recovery key: the header holds its public half, so the new
database key is wrapped for it without the app ever holding the recovery key. A new recovery
key keeps the passphrase (it is asked for again, to wrap the new key). Both give a new
database key, so nothing written before the change opens the vault after it.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from desktop.i18n import ngettext
from desktop.vault import backups, kdf, recovery
from desktop.vault.errors import (
    CurrentPassphraseNeeded,
    RecoveryKeyOutdated,
    VaultError,
    WrongPassphrase,
)
from desktop.vault.keyheader import KeyHeader
from desktop.vault.store import Store


def check_current(store: Store, current: str | None) -> None:
    """The passphrase typed again before a change: it must be the one in force."""
    if current is None:
        raise CurrentPassphraseNeeded()
    if store.header.unwrap_with_passphrase(current) != bytes(store.key):
        raise WrongPassphrase()


def for_new_passphrase(
    header: KeyHeader, passphrase: str, params: kdf.Argon2Params
) -> tuple[bytes, KeyHeader]:
    """A new database key, and ``header`` with it wrapped under ``passphrase`` and for the
    same recovery key."""
    if not header.can_rewrap_recovery:  # version 1: only the recovery key itself could
        raise RecoveryKeyOutdated()
    new_key = secrets.token_bytes(32)
    slots = header.slots_for(
        new_key, passphrase, params, recovery_public=header.recovery.public_key
    )
    return new_key, header.with_slots(slots)


@dataclass(frozen=True)
class NewRecoveryKey:
    """A recovery key shown but not yet in force, with the key and header it will bring."""

    text: str  # as the person writes it down
    db_key: bytes
    header: KeyHeader

    def matches(self, typed: str) -> bool:
        """Whether ``typed`` is this key (as :func:`recovery.parse_key` reads it)."""
        try:
            return recovery.parse_key(typed) == recovery.parse_key(self.text)
        except VaultError:
            return False


def for_new_recovery_key(header: KeyHeader, passphrase: str) -> NewRecoveryKey:
    """A new database key, ``header`` with it wrapped under the same ``passphrase`` and for
    a new recovery key, and that recovery key as the person writes it down."""
    secret = recovery.new_secret()
    new_key = secrets.token_bytes(32)
    assert header.passphrase.argon2 is not None
    slots = header.slots_for(
        new_key, passphrase, header.passphrase.argon2, recovery_public=recovery.public_key(secret)
    )
    return NewRecoveryKey(recovery.format_key(secret), new_key, header.with_slots(slots))


def backups_from_earlier_keys(store: Store) -> int:
    """How many of this vault's backups beside it were made before the last passphrase
    change or new recovery key (their header copy wraps another key than the one in force:
    they open only with the passphrase of their time); for the change dialog
    (:func:`backups_notice`)."""
    with store.guard():
        now = store.header
        return sum(
            1
            for _path, copy in backups.header_copies_of(store.path, now.vault_id)
            if (copy.passphrase, copy.recovery) != (now.passphrase, now.recovery)
        )


def backups_notice(count: int) -> str:
    """What the passphrase change dialog says about backups made before the change."""
    return ngettext(
        "Er is {n} reservekopie van vóór deze wijziging. Die gaat open met het wachtwoord "
        "en de herstelsleutel van toen. Wil je dat het oude wachtwoord niets meer opent? "
        "Vervang de reservekopie dan door één nieuwe.",
        "Er zijn {n} reservekopieën van vóór deze wijziging. Die gaan open met het "
        "wachtwoord en de herstelsleutel van toen. Wil je dat het oude wachtwoord niets meer "
        "opent? Vervang ze dan door één nieuwe reservekopie.",
        count,
    ).format(n=count)
