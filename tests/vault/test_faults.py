"""Faults: a full disk, a damaged file, backups and restoring them, schema versions."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from sqlalchemy import Connection

from desktop.vault import backups, keyheader, migrations
from desktop.vault.errors import (
    BackupFromEarlierKey,
    BackupInvalid,
    DiskFull,
    InvalidInput,
    VaultCorrupt,
    VaultFromNewerVersion,
)
from desktop.vault.service import Vault
from tests.conftest import run_python
from tests.vault.conftest import PASSPHRASE, sha256_of, snapshot

DAY = dt.date(2026, 3, 2)


def fill(vault: Vault, cases: int = 3, entries: int = 4) -> list[str]:
    codes = []
    for n in range(cases):
        code = vault.create_case(forms=["criminal"], opened_on=DAY)
        for m in range(entries):
            vault.add_entry(code, "note", occurred_on=DAY, facts=f"tekst {n}.{m} " * 40)
        codes.append(code)
    return codes


def contents(vault: Vault) -> list[tuple[str, list[str]]]:
    return [(r.code, [e.facts for e in vault.case(r.code).entries]) for r in vault.cases()]


# ---------------------------------------------------------------------- full disk


def test_a_full_disk_fails_the_save_and_keeps_earlier_data(vault: Vault) -> None:
    (code,) = fill(vault, cases=1)
    before = contents(vault)
    events = len(vault.audit_log())
    engine = vault._store.engine
    assert engine is not None
    with engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar_one()
        conn.exec_driver_sql(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(DiskFull) as caught:
        vault.add_entry(code, "note", occurred_on=DAY, facts="x" * 90_000)
    assert "schijf is vol" in str(caught.value)
    assert contents(vault) == before
    assert len(vault.audit_log()) == events
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA max_page_count = 1073741823")
    vault.add_entry(code, "note", occurred_on=DAY, facts="na het opruimen")
    assert vault.check_integrity().ok
    path = vault.path
    vault.lock()
    with Vault.unlock(path, PASSPHRASE) as again:
        assert [e.facts for e in again.case(code).entries][-1] == "na het opruimen"
        assert len(again.case(code).entries) == 5


def test_a_full_disk_during_a_backup_leaves_no_half_file(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(vault, cases=1)

    def no_space(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("desktop.vault.backups.os.replace", no_space)
    with pytest.raises(DiskFull):
        vault.backup()
    monkeypatch.undo()
    assert vault.backups() == []
    assert list(backups.backup_dir(vault.path).iterdir()) == []


def test_a_full_disk_while_changing_the_passphrase_keeps_the_old_header(
    vault: Vault, vault_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = keyheader.header_path(vault_file).read_bytes()

    def no_space(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("toolkit.atomic.os.replace", no_space)
    with pytest.raises(DiskFull):
        vault.change_passphrase("een nieuw lang wachtwoord", current=PASSPHRASE)
    monkeypatch.undo()
    assert keyheader.header_path(vault_file).read_bytes() == before
    vault.lock()
    Vault.unlock(vault_file, PASSPHRASE).lock()


# ---------------------------------------------------------------------- damage


@pytest.fixture
def locked_with_backup(vault: Vault, vault_file: Path) -> Path:
    fill(vault, cases=5, entries=5)
    backup = vault.backup()
    vault.add_entry(vault.cases()[0].code, "note", occurred_on=DAY, facts="na de reservekopie")
    vault.lock()
    return backup


def flip(path: Path, offset: int) -> None:
    with path.open("r+b") as handle:
        handle.seek(offset)
        byte = handle.read(1)
        handle.seek(offset)
        handle.write(bytes([byte[0] ^ 0x5A]))


@pytest.mark.parametrize(
    "where",
    ["salt", "first page", "second page", "middle", "last byte", "page trailer"],
)
def test_byte_flips_are_detected_and_the_file_is_left_alone(
    vault_file: Path, locked_with_backup: Path, where: str
) -> None:
    size = vault_file.stat().st_size
    offset = {
        "salt": 3,
        "first page": 200,
        "second page": 4096 + 100,
        "middle": (size // 2 // 4096) * 4096 + 2000,
        "last byte": size - 1,
        "page trailer": 2 * 4096 - 30,
    }[where]
    flip(vault_file, offset)
    damaged = sha256_of(vault_file)
    folder_before = snapshot(vault_file.parent)
    with pytest.raises(VaultCorrupt) as caught:
        Vault.unlock(vault_file, PASSPHRASE)
    assert caught.value.newest_backup == locked_with_backup
    assert locked_with_backup.name in str(caught.value)
    assert "beschadigd" in str(caught.value)
    assert sha256_of(vault_file) == damaged
    assert snapshot(vault_file.parent) == folder_before


def test_sqlcipher_stays_quiet_about_a_damaged_vault(
    vault_file: Path, locked_with_backup: Path
) -> None:
    flip(vault_file, 4096 + 100)
    code = (
        "import sys\n"
        "from desktop.vault.service import Vault\n"
        "from desktop.vault.errors import VaultCorrupt\n"
        "try:\n"
        "    Vault.unlock(sys.argv[1], sys.argv[2])\n"
        "except VaultCorrupt:\n"
        "    print('damaged')\n"
    )
    result = run_python(code, str(vault_file), PASSPHRASE)
    assert result.stdout.strip() == "damaged"
    assert result.stderr == ""


def test_restore_the_newest_backup_of_a_damaged_vault(
    vault_file: Path, locked_with_backup: Path
) -> None:
    flip(vault_file, 4096 + 100)
    damaged = sha256_of(vault_file)
    with pytest.raises(VaultCorrupt) as caught:
        Vault.unlock(vault_file, PASSPHRASE)
    backup = caught.value.newest_backup
    assert backup is not None
    with Vault.restore_backup(vault_file, backup, PASSPHRASE) as vault:
        assert vault.check_integrity().ok
        texts = [e.facts for r in vault.cases() for e in vault.case(r.code).entries]
        assert "na de reservekopie" not in texts  # the backup is from before that entry
        assert len(texts) == 25
        assert [e.kind for e in vault.audit_log()][-2:] == ["restored", "unlocked"]
    kept = list(vault_file.parent.glob("kluis.vervangen-*.db"))
    assert [sha256_of(p) for p in kept] == [damaged]


def test_restore_a_backup_when_the_vault_and_its_header_are_gone(
    vault_file: Path, locked_with_backup: Path
) -> None:
    vault_file.unlink()
    keyheader.header_path(vault_file).unlink()
    with Vault.restore_backup(vault_file, locked_with_backup, PASSPHRASE) as vault:
        assert len(vault.cases()) == 5
    assert keyheader.header_path(vault_file).exists()
    Vault.unlock(vault_file, PASSPHRASE).lock()


def test_a_damaged_backup_is_not_restored(vault_file: Path, locked_with_backup: Path) -> None:
    flip(locked_with_backup, 4096 + 10)
    before = snapshot(vault_file.parent)
    with pytest.raises(BackupInvalid) as caught:
        Vault.restore_backup(vault_file, locked_with_backup, PASSPHRASE)
    assert "niets teruggezet" in str(caught.value)
    assert snapshot(vault_file.parent) == before


# ---------------------------------------------------------------------- backup, restore


def test_backup_and_restore_while_open(vault: Vault) -> None:
    """(The change after the backup is an edit: a deletion would replace the backup by a
    fresh one, see test_purge_everywhere.)"""
    fill(vault, cases=2)
    before = contents(vault)
    backup = vault.backup()
    assert backup.parent == vault.path.parent / "backups"
    assert backups.header_beside(backup).exists()
    assert vault.backups() == [backup]
    vault.set_details(vault.cases()[0].code, forms=["sexual"])
    vault.create_case(opened_on=DAY)
    safety = vault.restore(backup)
    assert contents(vault) == before
    assert vault.check_integrity().ok
    kinds = [e.kind for e in vault.audit_log()]
    assert kinds[-1] == "restored"
    assert vault.backups()[0] == safety
    # The safety copy holds the state from just before restoring.
    path = vault.path
    vault.lock()
    with Vault.restore_backup(path, safety, PASSPHRASE) as again:
        assert len(again.cases()) == 3
        assert "case_changed" in [e.kind for e in again.audit_log()]


def test_only_names_the_app_made_reach_the_audit_log(vault: Vault) -> None:
    made = vault.backup()
    assert backups.safe_name(made) == made.name
    assert backups.safe_name(made.with_name("kluis-20260101-120000-000000-voor-v2.db"))
    assert backups.safe_name(Path("jan-de-vries.db")) is None
    assert backups.safe_name(Path("kluis-jan.db")) is None


def test_backup_to_a_chosen_file_opens_on_its_own(vault: Vault, tmp_path: Path) -> None:
    fill(vault, cases=1)
    target = tmp_path / "usb" / "kopie kluis.db"
    assert vault.backup(target) == target
    with pytest.raises(InvalidInput, match="andere naam"):
        vault.backup(target)  # never overwrites
    details = json.loads(vault.audit_log()[-1].details)
    assert details["file"] is None  # a chosen name can hold anything: not logged
    vault.lock()
    elsewhere = tmp_path / "elders" / "kluis.db"
    with Vault.restore_backup(elsewhere, target, PASSPHRASE) as copy:
        assert len(copy.cases()) == 1


def test_a_backup_of_another_vault_is_refused(vault: Vault, tmp_path: Path) -> None:
    other, _key = Vault.create(tmp_path / "ander" / "kluis.db", PASSPHRASE)
    foreign = other.backup()
    other.lock()
    fill(vault, cases=1)
    before = contents(vault)
    with pytest.raises(BackupInvalid):
        vault.restore(foreign)
    assert contents(vault) == before


def test_a_backup_opens_after_the_passphrase_changed(
    made: tuple[Vault, str], vault_file: Path
) -> None:
    """A backup keeps the key of its time: it opens with the passphrase it was made under,
    or the recovery key, and a newer passphrase is told why it does not (issue 9.1)."""
    vault, recovery_key = made
    fill(vault, cases=1)
    backup = vault.backup()
    vault.change_passphrase("een nieuw lang wachtwoord", current=PASSPHRASE)
    vault.lock()
    vault_file.unlink()
    with pytest.raises(BackupFromEarlierKey):
        Vault.restore_backup(vault_file, backup, "een nieuw lang wachtwoord")
    with Vault.restore_backup(vault_file, backup, PASSPHRASE) as again:
        assert len(again.cases()) == 1
    vault_file.unlink()
    with Vault.restore_backup(vault_file, backup, recovery_key=recovery_key) as again:
        assert len(again.cases()) == 1


# ---------------------------------------------------------------------- schema versions


def test_migrations_run_in_order_with_a_backup_before_each(
    vault: Vault, vault_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(vault, cases=1)
    vault.lock()
    order: list[int] = []

    def step(version: int) -> migrations.Migration:
        def apply(conn: Connection) -> None:
            order.append(version)
            conn.exec_driver_sql(f"CREATE TABLE extra_v{version} (x INTEGER)")

        return migrations.Migration(version, f"add-extra-v{version}", apply)

    base = migrations.SCHEMA_VERSION  # the vault was made at this version
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", base + 2)
    monkeypatch.setattr(
        migrations, "MIGRATIONS", (*migrations.MIGRATIONS, step(base + 2), step(base + 1))
    )
    with Vault.unlock(vault_file, PASSPHRASE) as again:
        assert order == [base + 1, base + 2]
        engine = again._store.engine
        assert engine is not None
        with engine.connect() as conn:
            assert migrations.read_version(conn) == base + 2
        log = again.audit_log()
        migrated = [json.loads(e.details) for e in log if e.kind == "migrated"]
        assert [(m["from_version"], m["to_version"]) for m in migrated] == [
            (base, base + 1),
            (base + 1, base + 2),
        ]
        assert again.verify_audit().ok
        made = sorted(p.name for p in again.backups())
        assert len(made) == 2
        assert made[0].endswith(f"-voor-v{base + 1}.db")
        assert made[1].endswith(f"-voor-v{base + 2}.db")
        key = bytes(again._store.key)
        vault_id = again._store.header.vault_id
        versions = {p.name: backups.check_backup(p, key, vault_id) for p in again.backups()}
        assert sorted(versions.values()) == [base, base + 1]
    # And back in an app that only knows the current version: refused, nothing written.
    monkeypatch.undo()
    before = sha256_of(vault_file)
    with pytest.raises(VaultFromNewerVersion) as caught:
        Vault.unlock(vault_file, PASSPHRASE)
    assert "nieuwere versie" in str(caught.value)
    assert (caught.value.found, caught.value.supported) == (base + 2, base)
    assert sha256_of(vault_file) == before


def test_the_migration_list_must_be_complete(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", migrations.SCHEMA_VERSION + 1)
    with pytest.raises(RuntimeError, match="do not lead"):
        migrations.pending(1)


def test_shipped_migrations_lead_to_the_current_version() -> None:
    assert migrations.pending(1) == list(migrations.MIGRATIONS)
    assert migrations.pending(migrations.SCHEMA_VERSION) == []


def test_restoring_a_backup_from_a_newer_app_is_refused(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = vault.backup()
    engine_ = vault._store.engine
    assert engine_ is not None
    # Make the backup look like it came from schema version 5.
    from desktop.vault import engine as vault_engine

    conn = vault_engine.connect(backup, bytes(vault._store.key))
    conn.execute("PRAGMA user_version = 5")
    conn.close()
    with pytest.raises(VaultFromNewerVersion):
        vault.restore(backup)
    assert vault.check_integrity().ok


def test_files_left_by_a_crash_during_set_up(vault_file: Path) -> None:
    """An empty database beside a header: damaged, and said so (not "wrong passphrase")."""
    vault, _key = Vault.create(vault_file, PASSPHRASE)
    vault.lock()
    os.truncate(vault_file, 0)
    with pytest.raises(VaultCorrupt):
        Vault.unlock(vault_file, PASSPHRASE)
