"""Defects found in review, each with the test that shows it fixed."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from desktop.vault import audit, engine, keyheader, opening, recovery
from desktop.vault.audit import AuditKind, ProblemKind
from desktop.vault.errors import (
    BackupInvalid,
    DiskFull,
    VaultIOError,
    WrongPassphrase,
)
from desktop.vault.service import Vault
from tests.vault.conftest import CLOSING, PASSPHRASE
from tests.vault.letters import lawful

DAY = dt.date(2026, 3, 2)
NEW = "een nieuw lang wachtwoord"


def kinds(vault: Vault) -> list[str]:
    return [e.kind for e in vault.audit_log()]


# ---------------------------------------------------------------------- changing the passphrase


def test_a_failed_save_while_changing_the_passphrase_keeps_the_old_one(
    vault: Vault, vault_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The audit event could not be written: "earlier data stays" must include the header."""
    before = keyheader.header_path(vault_file).read_bytes()
    real = audit.record

    def full(session: Any, kind: AuditKind, /, **kw: Any) -> Any:
        if kind is AuditKind.PASSPHRASE_CHANGED:
            raise OSError(28, "No space left on device")
        return real(session, kind, **kw)

    monkeypatch.setattr(audit, "record", full)
    with pytest.raises(DiskFull):
        vault.change_passphrase(NEW, current=PASSPHRASE)
    monkeypatch.undo()
    assert keyheader.header_path(vault_file).read_bytes() == before
    assert "passphrase_changed" not in kinds(vault)
    vault.lock()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(vault_file, NEW)
    Vault.unlock(vault_file, PASSPHRASE).lock()


@pytest.mark.parametrize(
    "failing",
    [
        "desktop.vault.rotation.record_in",
        "desktop.vault.rotation.write_header",
        "desktop.vault.anchor.write_atomic",
        "desktop.vault.rotation.os.replace",
    ],
)
def test_a_failure_before_the_swap_keeps_the_old_passphrase_and_key(
    vault: Vault, vault_file: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    """Every step of a key rotation before the rename can fail (a full disk): the header
    is put back, the new file removed, and the old passphrase and key stay in force."""
    before = keyheader.header_path(vault_file).read_bytes()
    key_before = bytes(vault._store.key)

    def full(*_args: Any, **_kw: Any) -> Any:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(failing, full)
    with pytest.raises(DiskFull):
        vault.change_passphrase(NEW, current=PASSPHRASE)
    monkeypatch.undo()
    assert keyheader.header_path(vault_file).read_bytes() == before
    assert not keyheader.swap_file(vault_file).exists()
    assert bytes(vault._store.key) == key_before
    assert "passphrase_changed" not in kinds(vault)
    vault.create_case()  # still open, on the old key
    vault.lock()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(vault_file, NEW)
    with Vault.unlock(vault_file, PASSPHRASE) as again:
        assert again.unlock_problems == ()


def test_the_passphrase_is_not_changed_inside_a_batch(vault: Vault, vault_file: Path) -> None:
    before = keyheader.header_path(vault_file).read_bytes()
    with pytest.raises(RuntimeError), vault.batch():
        vault.change_passphrase(NEW, current=PASSPHRASE)
    assert keyheader.header_path(vault_file).read_bytes() == before


# ---------------------------------------------------------------------- batches


def test_an_integrity_check_inside_a_batch_keeps_the_batch(vault: Vault, vault_file: Path) -> None:
    with vault.batch():
        first = vault.create_case(opened_on=DAY)
        assert vault.check_integrity().ok
        second = vault.create_case(opened_on=DAY)
    assert (first, second) == ("2026-001", "2026-002")
    assert sorted(r.code for r in vault.cases()) == [first, second]
    vault.lock()
    with Vault.unlock(vault_file, PASSPHRASE) as again:
        assert len(again.cases()) == 2
        assert again.verify_audit().ok


# ---------------------------------------------------------------------- retention


def test_closing_a_closed_case_again_does_not_extend_its_retention(vault: Vault) -> None:
    code = vault.create_case(opened_on=DAY)
    vault.set_status(code, "closed", **CLOSING, today=dt.date(2026, 4, 1))
    vault.set_status(code, "closed", **CLOSING, today=dt.date(2027, 1, 15))
    row = vault.case(code).row
    assert row.closed_on == dt.date(2026, 4, 1)
    assert row.retain_until == dt.date(2028, 4, 1)
    # A different period still applies, from the first closing date.
    vault.set_status(code, "closed", **CLOSING, today=dt.date(2027, 1, 15), retention_months=12)
    assert vault.case(code).row.retain_until == dt.date(2027, 4, 1)
    assert vault.purge_expired(dt.date(2027, 4, 2), date_confirmed=True) == [code]
    # Reopening and closing again is a new closing date.
    other = vault.create_case(opened_on=DAY)
    vault.set_status(other, "closed", **CLOSING, today=dt.date(2026, 4, 1))
    vault.set_status(other, "open", reason="om te testen")
    vault.set_status(other, "closed", **CLOSING, today=dt.date(2026, 9, 1))
    assert vault.case(other).row.closed_on == dt.date(2026, 9, 1)


# ---------------------------------------------------------------------- restoring


def test_case_codes_given_before_a_restore_are_not_given_again(vault: Vault) -> None:
    """A code may already be in a letter to Veilig Thuis: it must never name another pupil."""
    vault.create_case(opened_on=DAY)
    backup = vault.backup()
    given = vault.create_case(opened_on=DAY)
    vault.record_export(
        given, "referral_letter", "veilig_thuis", "meldrecht", "ab" * 32, **lawful("meldrecht")
    )
    vault.restore(backup)
    assert [r.code for r in vault.cases()] == ["2026-001"]
    assert vault.create_case(opened_on=DAY) == "2026-003"


def test_restore_backup_of_a_locked_vault_keeps_its_case_numbers(
    vault: Vault, vault_file: Path
) -> None:
    vault.create_case(opened_on=DAY)
    backup = vault.backup()
    vault.create_case(opened_on=DAY)
    vault.create_case(opened_on=dt.date(2027, 1, 5))
    vault.lock()
    with Vault.restore_backup(vault_file, backup, PASSPHRASE) as again:
        assert again.create_case(opened_on=DAY) == "2026-003"
        assert again.create_case(opened_on=dt.date(2027, 2, 1)) == "2027-002"


def test_the_restore_event_links_to_the_log_it_replaced(vault: Vault, vault_file: Path) -> None:
    """Events since the backup leave the chain on restore: the restore event names the safety
    copy that keeps them and the head of its log, so the cut can be followed. (The change after
    the backup is a status: a deletion would replace the backup, see test_purge_everywhere.)"""
    vault.create_case(opened_on=DAY)
    backup = vault.backup()
    vault.set_status("2026-001", "closed", **CLOSING, today=DAY)
    before = vault.audit_log()[-1]
    assert before.kind == "status_set"
    safety = vault.restore(backup)
    restored = [e for e in vault.audit_log() if e.kind == "restored"][-1]
    details = json.loads(restored.details)
    assert details["safety_copy"] == safety.name
    assert details["replaced_events"] == before.seq
    assert vault.verify_audit().ok
    vault.lock()
    with Vault.restore_backup(vault_file, safety, PASSPHRASE) as copy:
        log = copy.audit_log()
        kept = [e for e in log if e.seq == details["replaced_events"]]
        assert [e.kind for e in kept] == ["status_set"]
        assert copy._store.engine is not None
        with copy._store.engine.connect() as conn:
            row = conn.exec_driver_sql(
                "SELECT hash FROM audit_events WHERE seq = ?", (details["replaced_events"],)
            ).scalar()
        assert row == details["replaced_head"]


def test_restore_backup_when_the_vaults_own_header_is_damaged(
    vault: Vault, vault_file: Path
) -> None:
    vault.create_case(opened_on=DAY)
    backup = vault.backup()
    vault.lock()
    own = keyheader.header_path(vault_file)
    own.write_bytes(b"{kapot")
    with Vault.restore_backup(vault_file, backup, PASSPHRASE) as again:
        assert len(again.cases()) == 1
    kept = list(vault_file.parent.glob("kluis.vervangen-*.sleutel"))
    assert [p.read_bytes() for p in kept] == [b"{kapot"]
    Vault.unlock(vault_file, PASSPHRASE).lock()


def test_a_backup_of_an_unfinished_set_up_is_refused(vault: Vault) -> None:
    backup = vault.backup()
    conn = engine.connect(backup, bytes(vault._store.key))
    conn.execute("PRAGMA user_version = 0")
    conn.close()
    with pytest.raises(BackupInvalid):
        vault.restore(backup)
    path = vault.path
    vault.lock()
    with pytest.raises(BackupInvalid):
        Vault.restore_backup(path, backup, PASSPHRASE)


# ---------------------------------------------------------------------- audit


def test_an_emptied_log_without_its_head_is_found(vault: Vault) -> None:
    vault.create_case(opened_on=DAY)
    assert vault._store.engine is not None
    with vault._store.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM audit_events")
        conn.exec_driver_sql("DELETE FROM meta WHERE key = 'audit_head'")
    report = vault.verify_audit()
    assert {p.kind for p in report.problems} == {ProblemKind.TRUNCATED}
    assert not vault.check_integrity().ok


def test_failed_unlocks_survive_an_unlock_that_could_not_write_them(
    vault: Vault, vault_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault.lock()
    for _attempt in range(2):
        with pytest.raises(WrongPassphrase):
            Vault.unlock(vault_file, "dit is niet het wachtwoord")
    real = audit.record

    def full(session: Any, kind: AuditKind, /, **kw: Any) -> Any:
        if kind is AuditKind.UNLOCKED:
            raise OSError(28, "No space left on device")
        return real(session, kind, **kw)

    monkeypatch.setattr(audit, "record", full)
    with pytest.raises(DiskFull):
        Vault.unlock(vault_file, PASSPHRASE)
    monkeypatch.undo()
    with Vault.unlock(vault_file, PASSPHRASE) as again:
        assert kinds(again)[-3:] == ["unlock_failed", "unlock_failed", "unlocked"]
        assert again.verify_audit().ok


# ---------------------------------------------------------------------- errors


def test_a_read_only_vault_gives_a_dutch_message(vault: Vault) -> None:
    code = vault.create_case(opened_on=DAY)
    assert vault._store.engine is not None
    with vault._store.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA query_only = ON")
    with pytest.raises(VaultIOError) as caught:
        vault.add_entry(code, "note", occurred_on=DAY, facts="geheime tekst")
    assert "mag schrijven" in str(caught.value)
    assert "geheime tekst" not in repr(caught.value.__cause__)
    with vault._store.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA query_only = OFF")
    vault.add_entry(code, "note", occurred_on=DAY, facts="daarna wel")
    assert len(vault.case(code).entries) == 1


# ---------------------------------------------------------------------- retention of copies


def test_old_backups_stay_when_nothing_is_purged(vault: Vault) -> None:
    """Behaviour changed (issue 9, point 4): backups and copies kept aside used to be removed
    once older than the retention period, whatever they held. Now a purge or deletion that
    removes a case replaces every copy of the vault by one fresh backup (see
    test_purge_everywhere), and age alone removes nothing."""
    import os
    import time

    three_years_ago = time.time() - 3 * 365 * 24 * 3600
    old_backup = vault.backup()
    os.utime(old_backup, (three_years_ago, three_years_ago))
    set_aside = vault.path.with_name("kluis.vervangen-20230101-000000-000000.db")
    set_aside.write_bytes(b"an old copy of the vault")
    os.utime(set_aside, (three_years_ago, three_years_ago))

    assert vault.purge_expired(dt.date.today()) == []

    assert vault.backups() == [old_backup]
    assert old_backup.with_suffix(".sleutel").exists()
    assert set_aside.exists()
    assert not [e for e in vault.audit_log() if e.kind == "purged"]


def test_recent_backups_stay_when_purging(vault: Vault) -> None:
    recent = vault.backup()
    vault.purge_expired(dt.date.today())
    assert vault.backups() == [recent]
    assert not [e for e in vault.audit_log() if e.kind == "purged"]


def test_an_old_passphrase_opens_no_copy_of_the_key_after_a_change(
    made: tuple[Vault, str],
) -> None:
    """Issue 9.1: header copies written before a change keep the old passphrase (their own
    backups open with it), but the key they hold opens neither the live vault nor a backup
    made after the change."""
    vault, recovery_key = made
    backup = vault.backup()
    set_aside = vault.path.with_name("kluis.vervangen-20260101-000000-000000.sleutel")
    set_aside.write_bytes(keyheader.header_path(vault.path).read_bytes())
    vault.change_passphrase("een heel ander nieuw wachtwoord", current=PASSPHRASE)
    later = vault.backup()
    vault_id = vault._store.header.vault_id
    for copy in [backup.with_suffix(".sleutel"), set_aside]:
        header = keyheader.read_header(copy)
        for old_key in (
            header.unwrap_with_passphrase(PASSPHRASE),
            header.unwrap_with_recovery(recovery.parse_key(recovery_key)),
        ):
            assert old_key != bytes(vault._store.key)
            assert not opening.key_opens(vault.path, old_key, vault_id)
            assert not opening.key_opens(later, old_key, vault_id)
            assert opening.key_opens(backup, old_key, vault_id)  # its own backup: yes


def test_a_full_disk_while_backing_up_gives_the_dutch_message(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlcipher3

    from desktop.vault import backups
    from desktop.vault.errors import DiskFull

    def full(*_args: object, **_kw: object) -> None:
        raise sqlcipher3.dbapi2.OperationalError("database or disk is full")  # no result code

    monkeypatch.setattr(backups, "write_backup", full)
    with pytest.raises(DiskFull) as caught:
        vault.backup()
    assert "schijf" in str(caught.value).lower()
    assert vault.backups() == []


def test_backups_cut_off_by_a_crash_are_removed_at_unlock(vault: Vault) -> None:
    vault.backup()
    folder = vault.path.parent / "backups"
    leftovers = [
        folder / ".kluis-20260101-000000-000000.db.part",
        folder / ".kluis-x.db.part-journal",
    ]
    for leftover in leftovers:
        leftover.write_bytes(b"encrypted pages of an unfinished backup")
    path = vault.path
    vault.lock()
    with Vault.unlock(path, PASSPHRASE) as again:
        assert not any(p.exists() for p in leftovers)
        assert len(again.backups()) == 1  # the finished backup stays


def test_a_restored_backup_does_not_bring_back_a_purged_case(vault: Vault, tmp_path: Path) -> None:
    """A backup saved elsewhere (the purge removes those beside the vault, see
    test_purge_everywhere) still holds the expired case: restoring it purges it again."""
    code = vault.create_case(opened_on=dt.date(2023, 1, 5))
    vault.add_entry(code, "note", occurred_on=dt.date(2023, 1, 5), facts="al lang voorbij")
    vault.set_status(code, "closed", **CLOSING, today=dt.date(2023, 2, 1), retention_months=1)
    kept = vault.create_case(opened_on=DAY)
    backup = vault.backup(to=tmp_path / "usb" / "kopie.db")  # made before the purge
    purged_now = vault.purge_expired(dt.date.today())
    assert purged_now == [code]
    assert purged_now.saved_elsewhere == 1  # the screens ask for it to be removed by hand
    vault.restore(backup)
    assert [row.code for row in vault.cases()] == [kept]
    purged = [json.loads(e.details) for e in vault.audit_log() if e.kind == "purged"]
    assert purged[-1]["codes"] == [code]
    assert vault.verify_audit().ok


def test_case_text_stays_out_of_a_debug_log(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    import logging

    with caplog.at_level(logging.DEBUG):
        logging.getLogger().setLevel(logging.DEBUG)
        logging.getLogger("sqlalchemy.engine").setLevel(logging.DEBUG)  # as a developer might
        vault, _key = Vault.create(tmp_path / "data" / "kluis.db", PASSPHRASE)
        with vault:
            code = vault.create_case(opened_on=DAY)
            vault.add_entry(code, "note", occurred_on=DAY, facts="MARKER-IN-HET-LOG")
            vault.case(code)
            vault.cases(text="MARKER")
    assert "MARKER-IN-HET-LOG" not in caplog.text
