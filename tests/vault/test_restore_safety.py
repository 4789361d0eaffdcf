"""Restores that a crash, a damaged header or a lost vault cannot turn into a lost save, a
code given twice, a false alarm or a passphrase come back (second review of issue 9)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from desktop.vault import anchor, keyheader
from desktop.vault.anchor import Finding
from desktop.vault.service import Vault
from tests.vault.conftest import PASSPHRASE
from tests.vault.test_rotation import crash, steps_of
from tests.vault.test_unlock_checks import half_a_save

NEW = "een nieuw en lang wachtwoord"


def findings(vault: Vault) -> list[Finding]:
    return [p.finding for p in vault.unlock_problems]


def test_an_anchor_with_no_heads_is_invalid(vault: Vault, vault_file: Path) -> None:
    vault.create_case()
    old = vault.backup()
    vault.create_case()
    vault.lock()
    shutil.copyfile(old, vault_file)
    raw = json.loads(anchor.anchor_path(vault_file).read_text())
    anchor.anchor_path(vault_file).write_text(json.dumps({**raw, "heads": []}))
    with Vault.unlock(vault_file, PASSPHRASE) as again:
        assert findings(again) == [Finding.INVALID]


@pytest.mark.parametrize("damage", ["gone", "garbage"])
def test_a_restore_over_a_vault_with_a_lost_header_keeps_its_codes(
    vault: Vault, vault_file: Path, damage: str
) -> None:
    vault.create_case()
    old = vault.backup()
    handed = {vault.create_case(), vault.create_case()}
    vault.backup()  # a copy of the header beside it: the vault in place opens through it
    vault.lock()
    header = keyheader.header_path(vault_file)
    if damage == "gone":
        header.unlink()
    else:
        header.write_bytes(b"{kapot")
    with Vault.restore_backup(vault_file, old, PASSPHRASE) as again:
        assert again.create_case() not in handed
        assert again.unlock_problems == ()


def test_a_lost_vault_restored_keeps_the_codes_its_newer_backups_hold(
    vault: Vault, vault_file: Path
) -> None:
    vault.create_case()
    old = vault.backup()
    handed = {vault.create_case(), vault.create_case()}
    vault.backup()
    vault.lock()
    vault_file.unlink()
    with Vault.restore_backup(vault_file, old, PASSPHRASE) as again:
        assert again.create_case() not in handed
        assert again.unlock_problems == ()


def test_a_restore_with_the_recovery_key_keeps_the_passphrase_in_force(
    made: tuple[Vault, str], vault_file: Path
) -> None:
    vault, recovery_key = made
    code = vault.create_case()
    old = vault.backup()
    vault.change_passphrase(NEW, current=PASSPHRASE)
    vault.lock()
    with Vault.restore_backup(vault_file, old, recovery_key=recovery_key) as again:
        assert [r.code for r in again.cases()] == [code]
    with pytest.raises(Exception, match="wachtwoord klopt niet"):
        Vault.unlock(vault_file, PASSPHRASE)  # the old one does not come back
    Vault.unlock(vault_file, NEW).lock()


def test_a_restore_after_a_restore_is_no_rollback(vault: Vault, vault_file: Path) -> None:
    """restore(b1), a backup b2 of the new generation, the vault lost, restore_backup(b1):
    the second restore starts a generation past b2's."""
    vault.create_case()
    b1 = vault.backup()
    vault.create_case()
    vault.restore(b1)
    vault.create_case()
    vault.backup()
    vault.lock()
    vault_file.unlink()
    with Vault.restore_backup(vault_file, b1, PASSPHRASE) as again:
        assert again.unlock_problems == ()
    with Vault.unlock(vault_file, PASSPHRASE) as again:
        assert again.unlock_problems == ()


@pytest.mark.slow
@pytest.mark.parametrize("before", ["header gone", "vault gone", "other vault"])
def test_a_kill_at_any_step_of_restore_backup_leaves_one_vault_and_no_alarm(
    tmp_path: Path, before: str
) -> None:
    """The vault's header lost, the vault file lost, or a new vault made in its place with
    the same passphrase: a restore_backup killed at any step leaves a vault that opens, with
    no false alarm, and never the half of a transaction."""

    def prepare(folder: Path) -> tuple[Path, Path]:
        vault_file = folder / "kluis.db"
        vault, _key = Vault.create(vault_file, PASSPHRASE)
        vault.create_case()
        old = vault.backup()
        vault.create_case()
        vault.lock()
        if before == "header gone":
            keyheader.header_path(vault_file).unlink()
        elif before == "vault gone":
            vault_file.unlink()
        else:
            for path in (vault_file, keyheader.header_path(vault_file)):
                path.unlink()
            anchor.anchor_path(vault_file).unlink()
            Vault.create(vault_file, PASSPHRASE)[0].lock()
        return vault_file, old

    vault_file, old = prepare(tmp_path / "eerst")
    total = steps_of(crash_restore(vault_file, old, 0))
    for kill_at in range(1, total + 1):
        vault_file, old = prepare(tmp_path / f"k{kill_at}")
        crash_restore(vault_file, old, kill_at)
        if not vault_file.exists():
            continue  # between the two renames: no vault, the backup is offered
        with Vault.unlock(vault_file, PASSPHRASE) as again:
            assert again.unlock_problems == (), (kill_at, again.unlock_problems)
            assert again.check_integrity().ok


def crash_restore(vault_file: Path, backup: Path, kill_at: int) -> list[str]:
    return crash(vault_file, kill_at, "restore_backup", str(backup))


def test_a_crash_journal_never_stays_behind_without_its_file(
    vault: Vault, vault_file: Path, tmp_path: Path
) -> None:
    """A crash journal went aside before its file; a kill between left the file in place
    without it, showing half a transaction."""
    from desktop.vault import restoring

    vault.create_case()
    key = bytes(vault._store.key)
    vault.lock()
    half_a_save(vault_file, key)
    kept = restoring.keep_replaced(vault_file)
    assert not vault_file.exists()  # the file went aside with its journal
    assert kept.with_name(kept.name + "-journal").exists()
