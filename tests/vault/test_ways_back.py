"""Issue 9.5, 9.6 and 9.8: ways back in when the header is damaged or the vault was lost,
restores and backups that a kill -9 cannot leave half done, and one vault per file however
its path is spelled."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from desktop.vault import keyheader
from desktop.vault.errors import (
    BackupFromEarlierKey,
    InvalidInput,
    NotAVault,
    RestoreNeedsOpenVault,
    VaultInUse,
    WrongPassphrase,
)
from desktop.vault.service import Vault
from tests.vault.conftest import PASSPHRASE
from tests.vault.test_rotation import crash, steps_of

NEW = "een nieuw en lang wachtwoord"


def kinds(vault: Vault) -> list[str]:
    return [e.kind for e in vault.audit_log()]


# ---------------------------------------------------------------------- a damaged header


@pytest.mark.parametrize("how", ["passphrase", "recovery_key"])
def test_a_damaged_header_is_replaced_by_an_intact_copy(
    made: tuple[Vault, str], vault_file: Path, how: str
) -> None:
    vault, recovery_key = made
    code = vault.create_case()
    backup = vault.backup()
    vault.lock()
    own = keyheader.header_path(vault_file)
    own.write_bytes(b"{kapot")
    secret = {"passphrase": PASSPHRASE} if how == "passphrase" else {"recovery_key": recovery_key}
    with Vault.unlock(vault_file, **secret) as again:
        assert [r.code for r in again.cases()] == [code]
        restored = [json.loads(e.details) for e in again.audit_log() if e.kind == "header_restored"]
        assert restored == [{"file": backup.name}]
    assert [p.read_bytes() for p in vault_file.parent.glob("kluis.beschadigd-*.sleutel")] == [
        b"{kapot"
    ]
    Vault.unlock(vault_file, PASSPHRASE).lock()  # the header beside the vault is whole again


def test_only_a_copy_of_the_current_key_opens_the_vault(vault: Vault, vault_file: Path) -> None:
    vault.backup()  # its copy holds the key of before the change
    vault.change_passphrase(NEW, current=PASSPHRASE)
    vault.lock()
    keyheader.header_path(vault_file).write_bytes(b"{kapot")
    with pytest.raises(NotAVault):
        Vault.unlock(vault_file, PASSPHRASE)  # the old copy unwraps, but not this vault
    with pytest.raises(NotAVault):
        Vault.unlock(vault_file, NEW)  # no copy of the new key yet
    assert keyheader.header_path(vault_file).read_bytes() == b"{kapot"  # nothing written


def test_a_copy_made_after_the_change_opens_it(vault: Vault, vault_file: Path) -> None:
    vault.backup()
    vault.change_passphrase(NEW, current=PASSPHRASE)
    vault.backup()
    vault.lock()
    keyheader.header_path(vault_file).unlink()
    Vault.unlock(vault_file, NEW).lock()


def test_old_backups_open_after_the_vault_was_lost_and_made_anew(
    made: tuple[Vault, str], vault_file: Path
) -> None:
    vault, old_recovery = made
    code = vault.create_case()
    backup = vault.backup()
    vault.lock()
    vault_file.unlink()
    keyheader.header_path(vault_file).unlink()
    fresh, _fresh_recovery = Vault.create(vault_file, NEW)
    fresh.create_case()
    fresh.lock()
    with Vault.restore_backup(vault_file, backup, recovery_key=old_recovery) as again:
        assert [r.code for r in again.cases()] == [code]
    with Vault.restore_backup(vault_file, backup, PASSPHRASE) as again:
        assert [r.code for r in again.cases()] == [code]
    # The vault made anew is kept, and opens with its own header copy.
    kept = sorted(vault_file.parent.glob("kluis.vervangen-*.db"))
    assert kept


# ---------------------------------------------------------------------- kills


@pytest.mark.slow
def test_a_kill_at_any_step_of_a_restore_gives_no_code_twice_and_keeps_the_event(
    tmp_path: Path,
) -> None:
    def prepare(folder: Path) -> tuple[Path, set[str]]:
        vault, _key = Vault.create(folder / "kluis.db", PASSPHRASE)
        given = {vault.create_case()}
        backup = vault.backup()
        given |= {vault.create_case(), vault.create_case()}
        vault.lock()
        return backup, given

    backup, _given = prepare(tmp_path / "eerst")
    total = steps_of(crash(tmp_path / "eerst" / "kluis.db", 0, "restore", str(backup)))
    restored_at = []
    for kill_at in range(1, total + 1):
        folder = tmp_path / f"k{kill_at}"
        backup, given = prepare(folder)
        crash(folder / "kluis.db", kill_at, "restore", str(backup))
        with Vault.unlock(folder / "kluis.db", PASSPHRASE) as again:
            assert again.unlock_problems == (), [p.message() for p in again.unlock_problems]
            restored = "restored" in kinds(again)
            assert len(again.cases()) == (1 if restored else 3)
            assert again.create_case() not in given
            assert again.verify_audit().ok
        restored_at.append(restored)
    assert restored_at == sorted(restored_at)
    assert restored_at[0] is False
    assert restored_at[-1] is True


@pytest.mark.slow
def test_a_kill_at_any_step_of_a_backup_leaves_it_whole_and_recorded(tmp_path: Path) -> None:
    probe = tmp_path / "eerst" / "kluis.db"
    Vault.create(probe, PASSPHRASE)[0].lock()
    total = steps_of(crash(probe, 0, "backup"))
    for kill_at in range(1, total + 1):
        vault_file = tmp_path / f"k{kill_at}" / "kluis.db"
        Vault.create(vault_file, PASSPHRASE)[0].lock()
        crash(vault_file, kill_at, "backup")
        with Vault.unlock(vault_file, PASSPHRASE) as again:
            made = again.backups()
            events = [json.loads(e.details) for e in again.audit_log() if e.kind == "backed_up"]
        assert len(made) <= 1
        for backup in made:
            assert backup.with_suffix(".sleutel").exists()  # never without its header copy
            assert [e["file"] for e in events] == [backup.name]
        folder = vault_file.parent / "backups"
        leftovers = [p.name for p in folder.iterdir()] if folder.exists() else []
        assert sorted(leftovers) == sorted(
            [p.name for p in made] + [p.with_suffix(".sleutel").name for p in made]
        )


# ---------------------------------------------------------------------- one vault, one writer


@pytest.mark.parametrize("spelling", ["symlink", "hard link", "dotted path"])
def test_another_spelling_of_the_path_is_the_same_vault(
    vault: Vault, vault_file: Path, tmp_path: Path, spelling: str
) -> None:
    other = tmp_path / "elders" / "kluis.db"
    other.parent.mkdir()
    if spelling == "symlink":
        other.symlink_to(vault_file)
        keyheader.header_path(other).symlink_to(keyheader.header_path(vault_file))
    elif spelling == "hard link":
        os.link(vault_file, other)
        os.link(keyheader.header_path(vault_file), keyheader.header_path(other))
    else:
        other = vault_file.parent / ".." / vault_file.parent.name / vault_file.name
    with pytest.raises(VaultInUse):
        Vault.unlock(other, PASSPHRASE)
    vault.lock()
    Vault.unlock(other, PASSPHRASE).lock()


@pytest.mark.parametrize("field", ["wrapped_key", "salt"])
def test_a_header_damaged_inside_a_slot_is_replaced_by_an_intact_copy(
    vault: Vault, vault_file: Path, field: str
) -> None:
    """Review of issue 9: one byte changed inside the passphrase slot kept the JSON valid,
    and the right passphrase was told it was wrong, although intact copies were there."""
    code = vault.create_case()
    vault.backup()
    vault.lock()
    path = keyheader.header_path(vault_file)
    raw = json.loads(path.read_text())
    value = raw["passphrase"][field]
    raw["passphrase"][field] = ("B" if value[0] != "B" else "C") + value[1:]
    path.write_text(json.dumps(raw))
    with Vault.unlock(vault_file, PASSPHRASE) as again:
        assert [r.code for r in again.cases()] == [code]
        assert "header_restored" in kinds(again)
    Vault.unlock(vault_file, PASSPHRASE).lock()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(vault_file, "een heel ander wachtwoord")


def test_a_backup_of_before_a_change_is_restored_in_the_open_vault_keeping_codes(
    vault: Vault, vault_file: Path
) -> None:
    """Review of issue 9: restoring a backup of before a passphrase change with its own
    passphrase, over a vault that passphrase does not open, gave a case code out twice."""
    vault.create_case()
    old = vault.backup()
    vault.change_passphrase(NEW, current=PASSPHRASE)
    handed = {vault.create_case(), vault.create_case()}
    vault.lock()
    with pytest.raises(RestoreNeedsOpenVault):
        Vault.restore_backup(vault_file, old, PASSPHRASE)
    with Vault.unlock(vault_file, NEW) as again:
        with pytest.raises(BackupFromEarlierKey):
            again.restore(old)
        again.restore(old, passphrase=PASSPHRASE)
        assert len(again.cases()) == 1
        assert again.create_case() not in handed
        assert again.unlock_problems == ()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(vault_file, PASSPHRASE)  # the passphrase in force stays
    Vault.unlock(vault_file, NEW).lock()


def test_a_crash_journal_does_not_hide_the_codes_given_out(vault: Vault, vault_file: Path) -> None:
    """Review of issue 9: after a kill that left a rollback journal, restoring a backup over
    the vault forgot the case numbers given out since the backup."""
    from tests.vault.test_unlock_checks import half_a_save

    vault.create_case()
    old = vault.backup()
    handed = {vault.create_case(), vault.create_case()}
    key = bytes(vault._store.key)
    vault.lock()
    half_a_save(vault_file, key)
    with Vault.restore_backup(vault_file, old, PASSPHRASE) as again:
        assert again.create_case() not in handed
    assert not list(vault_file.parent.glob(".kluis.db.stand*"))


@pytest.mark.slow
def test_a_kill_during_a_backup_elsewhere_never_leaves_it_unlogged(tmp_path: Path) -> None:
    """Review of issue 9: a backup on a USB stick killed after its rename had no event, so
    a later purge did not count it among the copies to remove by hand."""
    probe = tmp_path / "eerst" / "kluis.db"
    Vault.create(probe, PASSPHRASE)[0].lock()
    stick = tmp_path / "stick"
    stick.mkdir()
    total = steps_of(crash(probe, 0, "backup_to", str(stick / "proef.db")))
    for kill_at in range(1, total + 1):
        vault_file = tmp_path / f"k{kill_at}" / "kluis.db"
        Vault.create(vault_file, PASSPHRASE)[0].lock()
        target = stick / f"kopie-{kill_at}.db"
        crash(vault_file, kill_at, "backup_to", str(target))
        with Vault.unlock(vault_file, PASSPHRASE) as again:
            started = [e for e in again.audit_log() if e.kind == "backup_started"]
            finished = [e for e in again.audit_log() if e.kind == "backed_up"]
        on_the_stick = [p for p in stick.iterdir() if f"kopie-{kill_at}" in p.name]
        if on_the_stick:  # anything of it there, whole or not: logged before it was written
            assert len(started) == 1
        if target.exists():
            assert target.with_suffix(".sleutel").exists()
        assert len(finished) <= len(started)
        # A part of the database a crash leaves on the stick is in plain sight for whoever
        # removes copies by hand (a header's temporary file holds no case data).
        hidden = [p.name for p in stick.iterdir() if p.name.startswith(".")]
        assert not [name for name in hidden if ".db" in name]


def test_a_path_without_a_file_name_is_refused_in_dutch(vault: Vault, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput):
        Vault.restore_backup("/", tmp_path / "x.db", passphrase=PASSPHRASE)
    with pytest.raises(InvalidInput):
        Vault.restore_backup(tmp_path / "kluis.db", "/", passphrase=PASSPHRASE)
    with pytest.raises(InvalidInput):
        vault.backup(to="/")


def test_a_damaged_header_without_any_copy_is_named_as_such(vault: Vault, vault_file: Path) -> None:
    vault.lock()
    keyheader.header_path(vault_file).write_bytes(b"{kapot")
    with pytest.raises(NotAVault) as caught:
        Vault.unlock(vault_file, PASSPHRASE)
    assert "sleutelbestand" in str(caught.value)
    assert "kies het bestand kluis.db" not in str(caught.value).lower()
