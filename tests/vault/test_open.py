"""Creating, unlocking and locking a vault, and every way that can go wrong."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import time
from pathlib import Path

import pytest

from desktop.vault import engine, kdf, keyheader, recovery
from desktop.vault.errors import (
    CurrentPassphraseNeeded,
    InvalidInput,
    KeyFileMissing,
    NotAVault,
    PassphraseTooShort,
    VaultExists,
    VaultInUse,
    VaultLocked,
    VaultMissing,
    WrongPassphrase,
    WrongRecoveryKey,
)
from desktop.vault.service import Vault
from tests.conftest import run_python
from tests.vault.conftest import PASSPHRASE, sha256_of, snapshot


def test_create_then_unlock_with_passphrase_and_with_recovery_key(vault_file: Path) -> None:
    vault, recovery_key = Vault.create(vault_file, PASSPHRASE)
    code = vault.create_case()
    vault.lock()
    assert vault.is_locked
    with Vault.unlock(vault_file, PASSPHRASE) as again:
        assert again.unlocked_with == "passphrase"
        assert [row.code for row in again.cases()] == [code]
    with Vault.unlock(vault_file, recovery_key=recovery_key) as again:
        assert again.unlocked_with == "recovery_key"
        assert [row.code for row in again.cases()] == [code]
    kinds = [e.kind for e in Vault.unlock(vault_file, PASSPHRASE).audit_log()]
    assert kinds[:2] == ["vault_created", "case_created"]
    assert kinds.count("unlocked") == 3


def test_files_are_private(vault: Vault, vault_file: Path) -> None:
    for path in (vault_file, keyheader.header_path(vault_file), vault.backup()):
        assert path.stat().st_mode & 0o077 == 0, path


def test_unlock_needs_exactly_one_secret(vault_file: Path, vault: Vault) -> None:
    vault.lock()
    with pytest.raises(InvalidInput, match="wachtwoord of de herstelsleutel"):
        Vault.unlock(vault_file)
    with pytest.raises(InvalidInput, match="niet allebei"):
        Vault.unlock(vault_file, PASSPHRASE, recovery_key="x")


def test_wrong_passphrase_writes_nothing(vault_file: Path, vault: Vault) -> None:
    vault.lock()
    before = snapshot(vault_file.parent)
    with pytest.raises(WrongPassphrase) as caught:
        Vault.unlock(vault_file, "dit is niet het wachtwoord")
    assert "wachtwoord klopt niet" in str(caught.value)
    with pytest.raises(WrongRecoveryKey):
        Vault.unlock(vault_file, recovery_key=recovery.format_key(recovery.new_secret()))
    assert snapshot(vault_file.parent) == before


def test_malformed_recovery_key_message(vault_file: Path, vault: Vault) -> None:
    vault.lock()
    with pytest.raises(Exception, match="niet goed overgenomen"):
        Vault.unlock(vault_file, recovery_key="ABCDE-12345")


def test_failed_unlocks_reach_the_audit_log_at_the_next_unlock(
    vault_file: Path, vault: Vault
) -> None:
    vault.lock()
    for _attempt in range(2):
        with pytest.raises(WrongPassphrase):
            Vault.unlock(vault_file, "dit is niet het wachtwoord")
    with Vault.unlock(vault_file, PASSPHRASE) as again:
        log = again.audit_log()
        assert [e.kind for e in log[-3:]] == ["unlock_failed", "unlock_failed", "unlocked"]
        assert again.verify_audit().ok
    with Vault.unlock(vault_file, PASSPHRASE) as again:
        assert [e.kind for e in again.audit_log()].count("unlock_failed") == 2


def test_a_wrong_key_does_not_open_the_database(vault_file: Path, vault: Vault) -> None:
    vault.lock()
    with pytest.raises(Exception, match="not a database") as caught:
        engine.connect(vault_file, bytes(32))
    assert engine.error_code(caught.value) == engine.SQLITE_NOTADB


def test_the_standard_sqlite3_module_cannot_read_the_file(vault_file: Path, vault: Vault) -> None:
    vault.create_case()
    vault.lock()
    assert not vault_file.read_bytes().startswith(b"SQLite format 3")
    conn = sqlite3.connect(vault_file)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="not a database"):
            conn.execute("SELECT * FROM sqlite_master").fetchall()
    finally:
        conn.close()


def test_missing_vault(vault_file: Path) -> None:
    with pytest.raises(VaultMissing) as caught:
        Vault.unlock(vault_file, PASSPHRASE)
    assert "niet gevonden" in str(caught.value)
    assert not vault_file.parent.exists()  # nothing was made


def test_missing_vault_with_a_backup_names_it(vault_file: Path, vault: Vault) -> None:
    backup = vault.backup()
    vault.lock()
    vault_file.rename(vault_file.with_name("elders.db"))
    with pytest.raises(VaultMissing) as caught:
        Vault.unlock(vault_file, PASSPHRASE)
    assert caught.value.newest_backup == backup
    assert backup.name in str(caught.value)


@pytest.mark.parametrize("content", [b"", b"hallo", b"%PDF-1.7\n" + b"x" * 5000])
def test_a_file_that_is_no_vault(vault_file: Path, content: bytes) -> None:
    vault_file.parent.mkdir(parents=True)
    vault_file.write_bytes(content)
    with pytest.raises(NotAVault) as caught:
        Vault.unlock(vault_file, PASSPHRASE)
    assert "geen kluis" in str(caught.value)
    assert vault_file.read_bytes() == content


def test_a_plain_sqlite_database_is_no_vault(vault_file: Path, vault: Vault) -> None:
    vault.lock()
    vault_file.unlink()
    conn = sqlite3.connect(vault_file)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    before = sha256_of(vault_file)
    with pytest.raises(NotAVault):
        Vault.unlock(vault_file, PASSPHRASE)
    assert sha256_of(vault_file) == before


def test_a_folder_is_no_vault(vault_file: Path) -> None:
    vault_file.mkdir(parents=True)
    with pytest.raises(NotAVault):
        Vault.unlock(vault_file, PASSPHRASE)


def test_a_header_that_is_no_header(vault_file: Path, vault: Vault) -> None:
    vault.lock()
    keyheader.header_path(vault_file).write_text("{}")
    with pytest.raises(NotAVault) as caught:
        Vault.unlock(vault_file, PASSPHRASE)
    assert "kluis.sleutel" in str(caught.value)


def test_missing_key_file(vault_file: Path, vault: Vault) -> None:
    """Without the header and without any copy of it, the vault does not open."""
    vault.lock()
    keyheader.header_path(vault_file).unlink()
    with pytest.raises(KeyFileMissing) as caught:
        Vault.unlock(vault_file, PASSPHRASE)
    assert caught.value.newest_backup is None
    assert "sleutelbestand" in str(caught.value)


def test_create_refuses_an_existing_vault(vault_file: Path, vault: Vault) -> None:
    vault.lock()
    before = snapshot(vault_file.parent)
    with pytest.raises(VaultExists) as caught:
        Vault.create(vault_file, PASSPHRASE)
    assert "gebeurt daarom niet" in str(caught.value)
    assert snapshot(vault_file.parent) == before


def test_create_keeps_a_stray_header_aside(vault_file: Path) -> None:
    vault_file.parent.mkdir(parents=True)
    stray = keyheader.header_path(vault_file)
    stray.write_text("van een eerdere poging")
    with Vault.create(vault_file, PASSPHRASE)[0]:
        pass
    kept = list(vault_file.parent.glob("kluis.oud-*.sleutel"))
    assert [p.read_text() for p in kept] == ["van een eerdere poging"]


def test_passphrase_too_short_creates_nothing(vault_file: Path) -> None:
    with pytest.raises(PassphraseTooShort):
        Vault.create(vault_file, "kort")
    assert not vault_file.exists()


def test_second_instance_in_this_process(vault_file: Path, vault: Vault) -> None:
    with pytest.raises(VaultInUse) as caught:
        Vault.unlock(vault_file, PASSPHRASE)
    assert "al geopend" in str(caught.value)
    vault.lock()
    Vault.unlock(vault_file, PASSPHRASE).lock()


def test_second_instance_in_another_process(vault_file: Path, vault: Vault) -> None:
    code = (
        "import sys\n"
        "from desktop.vault import kdf\n"
        "from desktop.vault.service import Vault\n"
        "from desktop.vault.errors import VaultInUse\n"
        "try:\n"
        "    Vault.unlock(sys.argv[1], sys.argv[2])\n"
        "except VaultInUse:\n"
        "    print('in use')\n"
    )
    result = run_python(code, str(vault_file), PASSPHRASE)
    assert result.stdout.strip() == "in use", result.stderr
    vault.lock()
    result = run_python(
        code.replace("print('in use')", "print('in use')\nelse: print('open')"),
        str(vault_file),
        PASSPHRASE,
    )
    assert result.stdout.strip() == "open", result.stderr


def test_a_locked_vault_refuses_work(vault: Vault) -> None:
    vault.lock()
    vault.lock()  # twice is fine
    with pytest.raises(VaultLocked):
        vault.cases()
    with pytest.raises(VaultLocked):
        vault.create_case()


def test_change_passphrase(vault_file: Path, made: tuple[Vault, str]) -> None:
    vault, recovery_key = made
    code = vault.create_case()
    salt_before = vault_file.read_bytes()[:16]
    with pytest.raises(CurrentPassphraseNeeded):
        vault.change_passphrase("een nieuw lang wachtwoord")
    with pytest.raises(WrongPassphrase):
        vault.change_passphrase("een nieuw lang wachtwoord", current="niet het oude wachtwoord")
    with pytest.raises(PassphraseTooShort):
        vault.change_passphrase("kort", current=PASSPHRASE)
    recovery_slot = json.loads(keyheader.header_path(vault_file).read_text())["recovery"]
    vault.change_passphrase("een nieuw lang wachtwoord", current=PASSPHRASE)
    vault.lock()
    header = json.loads(keyheader.header_path(vault_file).read_text())
    # A new database key (issue 9.1): the file is encrypted anew, and the same recovery key
    # (its public half) has the new key wrapped for it.
    assert header["recovery"]["public_key"] == recovery_slot["public_key"]
    assert header["recovery"]["wrapped_key"] != recovery_slot["wrapped_key"]
    assert vault_file.read_bytes()[:16] != salt_before
    with pytest.raises(WrongPassphrase):
        Vault.unlock(vault_file, PASSPHRASE)
    with Vault.unlock(vault_file, "een nieuw lang wachtwoord") as again:
        assert [r.code for r in again.cases()] == [code]
        assert "passphrase_changed" in [e.kind for e in again.audit_log()]
    # A forgotten passphrase: open with the recovery key, then choose a new one.
    with Vault.unlock(vault_file, recovery_key=recovery_key) as again:
        again.change_passphrase("weer een ander wachtwoord")
    Vault.unlock(vault_file, "weer een ander wachtwoord").lock()


@pytest.mark.real_kdf
def test_real_parameters_are_strong_and_unlock_within_a_second(vault_file: Path) -> None:
    assert kdf.ARGON2_DEFAULT.memory_kib >= kdf.MIN_MEMORY_KIB == 64 * 1024
    vault, _recovery_key = Vault.create(vault_file, PASSPHRASE)
    vault.lock()
    header = json.loads(keyheader.header_path(vault_file).read_text())
    assert header["passphrase"]["memory_kib"] >= 65536
    started = time.perf_counter()
    Vault.unlock(vault_file, PASSPHRASE).lock()
    assert time.perf_counter() - started < 1.0


def test_messages_are_dutch_and_name_no_case_text(vault_file: Path) -> None:
    from desktop.vault import errors

    samples = [
        errors.VaultCorrupt(vault_file, vault_file.with_name("kluis-20260101.db")),
        errors.VaultCorrupt(vault_file),
        errors.VaultFromNewerVersion(3, 1),
        errors.DiskFull(),
        errors.VaultInUse(),
        errors.VaultIOError(),
        errors.BackupInvalid(vault_file),
        errors.CaseNotFound("2026-001"),
    ]
    for error in samples:
        text = str(error)
        assert len(text) > 20, text
        assert text.endswith("."), text
    assert "kluis-20260101.db" in str(samples[0])


def test_opened_on_date_sets_the_year_of_the_code(vault: Vault) -> None:
    assert vault.create_case(opened_on=dt.date(2025, 12, 31)) == "2025-001"
    assert vault.create_case(opened_on=dt.date(2026, 1, 1)) == "2026-001"
    assert vault.create_case(opened_on=dt.date(2026, 1, 2)) == "2026-002"


def test_connection_settings(vault: Vault) -> None:
    engine_ = vault._store.engine
    assert engine_ is not None
    with engine_.connect() as conn:

        def pragma(name: str) -> object:
            return conn.exec_driver_sql(f"PRAGMA {name}").scalar_one()

        assert str(pragma("cipher_memory_security")) == "1"
        assert pragma("cipher_log_level") == "NONE"
        assert pragma("journal_mode") == "delete"
        assert pragma("synchronous") == 3  # EXTRA
        assert pragma("foreign_keys") == 1
        assert pragma("secure_delete") == 1
        assert pragma("temp_store") == 2  # MEMORY
