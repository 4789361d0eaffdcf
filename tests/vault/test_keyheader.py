"""The key header and the recovery key: formats, derivations, refusals."""

from __future__ import annotations

import json
import re
import secrets
from pathlib import Path

import pytest

from desktop.vault import kdf, keyheader, recovery
from desktop.vault.errors import (
    MalformedRecoveryKey,
    NotAVault,
    PassphraseTooShort,
    VaultFromNewerVersion,
    WrongPassphrase,
    WrongRecoveryKey,
)
from tests.vault.conftest import CHEAP, PASSPHRASE


def make_header() -> tuple[keyheader.KeyHeader, bytes, bytes]:
    db_key = secrets.token_bytes(32)
    secret = recovery.new_secret()
    return keyheader.new_header(db_key, PASSPHRASE, secret, CHEAP), db_key, secret


def test_both_slots_give_back_the_database_key() -> None:
    header, db_key, secret = make_header()
    assert header.unwrap_with_passphrase(PASSPHRASE) == db_key
    assert header.unwrap_with_recovery(secret) == db_key


def test_round_trip_through_bytes(tmp_path: Path) -> None:
    header, db_key, _secret = make_header()
    path = tmp_path / "kluis.sleutel"
    keyheader.write_header(path, header)
    again = keyheader.read_header(path)
    assert again == header
    assert again.unwrap_with_passphrase(PASSPHRASE) == db_key
    raw = json.loads(path.read_text("ascii"))
    assert raw["format"] == "schoolsignaal-kluissleutel"
    assert raw["version"] == keyheader.VERSION == 2
    assert raw["passphrase"]["kdf"] == "argon2id"
    assert raw["recovery"]["kdf"] == "x25519-hkdf-sha256"
    assert "pending" not in raw
    assert "anchor" not in raw


def test_wrong_passphrase_and_wrong_recovery_key() -> None:
    header, _db_key, _secret = make_header()
    with pytest.raises(WrongPassphrase):
        header.unwrap_with_passphrase(PASSPHRASE + "!")
    with pytest.raises(WrongRecoveryKey):
        header.unwrap_with_recovery(recovery.new_secret())


def test_passphrase_is_normalised_to_nfc() -> None:
    db_key = secrets.token_bytes(32)
    composed = "zorgcoördinator wachtwoord"
    decomposed = "zorgcoo\u0308rdinator wachtwoord"
    header = keyheader.new_header(db_key, composed, recovery.new_secret(), CHEAP)
    assert header.unwrap_with_passphrase(decomposed) == db_key


@pytest.mark.parametrize(
    ("field", "value"),
    [
        (("passphrase", "memory_kib"), 2048),
        (("passphrase", "iterations"), 2),
        (("vault_id",), "0" * 32),
    ],
)
def test_edited_header_does_not_open(field: tuple[str, ...], value: object) -> None:
    header, _db_key, _secret = make_header()
    raw = header.to_json()
    target = raw
    for key in field[:-1]:
        target = target[key]
    target[field[-1]] = value
    edited = keyheader.parse_header(json.dumps(raw).encode(), Path("kluis.sleutel"))
    with pytest.raises(WrongPassphrase):
        edited.unwrap_with_passphrase(PASSPHRASE)


def test_a_new_key_is_wrapped_for_the_same_recovery_key_without_knowing_it() -> None:
    """A passphrase change gives a new database key; the header holds only the recovery
    key's public half, and that is enough to wrap the new key for it."""
    header, _db_key, secret = make_header()
    new_key = secrets.token_bytes(32)
    slots = header.slots_for(
        new_key, "een heel ander wachtwoord", CHEAP, recovery_public=header.recovery.public_key
    )
    changed = header.with_slots(slots)
    assert changed.recovery.public_key == header.recovery.public_key
    assert changed.passphrase.salt != header.passphrase.salt
    assert changed.unwrap_with_passphrase("een heel ander wachtwoord") == new_key
    assert changed.unwrap_with_recovery(secret) == new_key
    with pytest.raises(WrongPassphrase):
        changed.unwrap_with_passphrase(PASSPHRASE)
    with pytest.raises(WrongRecoveryKey):
        changed.unwrap_with_recovery(recovery.new_secret())


def test_pending_slots_round_trip_and_take_over_when_promoted() -> None:
    header, db_key, secret = make_header()
    new_key = secrets.token_bytes(32)
    slots = header.slots_for(
        new_key, "nog een ander wachtwoord", CHEAP, recovery_public=header.recovery.public_key
    )
    pending = keyheader.parse_header(header.with_pending(slots).to_bytes(), Path("x"))
    assert pending.settled().unwrap_with_passphrase(PASSPHRASE) == db_key
    assert pending.promoted().unwrap_with_passphrase("nog een ander wachtwoord") == new_key
    assert pending.promoted().unwrap_with_recovery(secret) == new_key


def test_a_version_1_header_still_opens() -> None:
    """Headers written before the recovery key pair (version 1: HKDF over the recovery
    secret) keep opening old backups; such a vault cannot wrap a new key for its recovery
    key."""
    db_key = secrets.token_bytes(32)
    secret = recovery.new_secret()
    vault_id = "ab" * 16
    salt, rsalt, nonce = secrets.token_bytes(16), secrets.token_bytes(16), secrets.token_bytes(12)

    def aad(slot: str, params: dict[str, object]) -> bytes:
        return keyheader._aad(vault_id, slot, params, 1)

    bare = keyheader.Slot("argon2id", salt, nonce, b"", argon2=CHEAP)
    kek = kdf.derive_from_passphrase(PASSPHRASE, salt, CHEAP)
    passphrase_slot = keyheader.Slot(
        "argon2id",
        salt,
        nonce,
        keyheader._wrap(kek, nonce, db_key, aad("passphrase", bare.params_json())),
        argon2=CHEAP,
    )
    recovery_kek = kdf.derive_from_recovery(secret, rsalt)
    recovery_slot = keyheader.Slot(
        "hkdf-sha256",
        rsalt,
        nonce,
        keyheader._wrap(recovery_kek, nonce, db_key, aad("recovery", {"kdf": "hkdf-sha256"})),
    )
    old = keyheader.KeyHeader(
        vault_id, "2026-11-23T16:17:13+00:00", passphrase_slot, recovery_slot, version=1
    )
    again = keyheader.parse_header(old.to_bytes(), Path("kluis.sleutel"))
    assert again.version == 1
    assert not again.can_rewrap_recovery
    assert again.unwrap_with_passphrase(PASSPHRASE) == db_key
    assert again.unwrap_with_recovery(secret) == db_key


@pytest.mark.parametrize(
    "data",
    [b"", b"not json", b"[]", b'{"format": "other"}', b"\xff\xfe", b'{"format": '],
)
def test_not_a_header(data: bytes) -> None:
    with pytest.raises(NotAVault):
        keyheader.parse_header(data, Path("kluis.sleutel"))


def test_header_from_a_newer_version_is_refused() -> None:
    header, _db_key, _secret = make_header()
    raw = header.to_json() | {"version": keyheader.VERSION + 1}
    with pytest.raises(VaultFromNewerVersion) as caught:
        keyheader.parse_header(json.dumps(raw).encode(), Path("kluis.sleutel"))
    assert "nieuwere versie" in str(caught.value)


def test_damaged_slot_is_not_a_vault() -> None:
    header, _db_key, _secret = make_header()
    raw = header.to_json()
    raw["passphrase"]["wrapped_key"] = "AAAA"
    with pytest.raises(NotAVault):
        keyheader.parse_header(json.dumps(raw).encode(), Path("kluis.sleutel"))


@pytest.mark.parametrize(
    "edit",
    [
        {"memory_kib": 8, "lanes": 4},  # below Argon2's 8 KiB a lane
        {"memory_kib": 2**40},
        {"iterations": 10**9},
        {"lanes": 1000},
    ],
)
def test_edited_argon2_settings_are_refused_before_deriving(edit: dict[str, int]) -> None:
    """Read before the tag is checked, so bounded: no crash, no hour-long unlock."""
    header, _db_key, _secret = make_header()
    raw = header.to_json()
    raw["passphrase"].update(edit)
    with pytest.raises(NotAVault):
        keyheader.parse_header(json.dumps(raw).encode(), Path("kluis.sleutel"))


def test_oversized_file_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "kluis.sleutel"
    path.write_bytes(b" " * (keyheader.MAX_HEADER_BYTES + 1))
    with pytest.raises(NotAVault):
        keyheader.read_header(path)


# ---------------------------------------------------------------------- recovery key


def test_recovery_key_is_ten_groups_of_five() -> None:
    text = recovery.format_key(recovery.new_secret())
    assert re.fullmatch(r"([0-9A-HJKMNP-TV-Z]{5}-){9}[0-9A-HJKMNP-TV-Z]{5}", text)


def test_recovery_key_round_trip_and_lenient_typing() -> None:
    secret = recovery.new_secret()
    text = recovery.format_key(secret)
    assert recovery.parse_key(text) == secret
    assert recovery.parse_key(text.lower().replace("-", " ")) == secret
    assert recovery.parse_key(text.replace("1", "l").replace("0", "O")) == secret


def test_recovery_key_typing_errors_are_caught() -> None:
    secret = recovery.new_secret()
    text = recovery.format_key(secret).replace("-", "")
    caught = 0
    for position in range(len(text)):
        replacement = "0" if text[position] != "0" else "1"
        typo = text[:position] + replacement + text[position + 1 :]
        try:
            recovery.parse_key(typo)
        except MalformedRecoveryKey:
            caught += 1
    assert caught >= len(text) - 2  # a 10-bit check misses about 1 in 1024
    with pytest.raises(MalformedRecoveryKey):
        recovery.parse_key(text[:-1])
    with pytest.raises(MalformedRecoveryKey):
        recovery.parse_key(text[:-1] + "U")
    assert "groepjes van 5" in str(MalformedRecoveryKey())


def test_passphrase_minimum() -> None:
    with pytest.raises(PassphraseTooShort) as caught:
        kdf.check_passphrase("kort")
    assert "minstens 12 tekens" in str(caught.value)
    kdf.check_passphrase("twaalf teken")
