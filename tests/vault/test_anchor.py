"""Issue 9.2: the audit chain's head is kept outside the database, so that a log cut off,
emptied or rolled back as a whole shows at the next unlock, is written in the log, and stays
visible to every later check."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from desktop.vault import anchor, audit, engine
from desktop.vault.anchor import Finding
from desktop.vault.audit import ProblemKind
from desktop.vault.service import Vault
from tests.vault.conftest import PASSPHRASE


def busy(vault: Vault, cases: int = 3) -> None:
    for _ in range(cases):
        code = vault.create_case()
        vault.add_entry(code, "note", occurred_on=vault.case(code).row.opened_on, facts="x")


def tamper(vault_file: Path, key: bytes, *statements: str) -> None:
    """Edit the database with its key, as someone with a database tool and the key could."""
    conn = engine.connect(vault_file, key)
    try:
        conn.execute("BEGIN")
        for statement in statements:
            conn.execute(statement)
        conn.execute("COMMIT")
    finally:
        conn.close()


def locked_with_key(vault: Vault) -> bytes:
    key = bytes(vault._store.key)
    vault.lock()
    return key


def findings(vault: Vault) -> list[Finding]:
    return [p.finding for p in vault.unlock_problems]


def newest(vault: Vault) -> int:
    return vault.audit_log()[-1].seq


def test_a_clean_unlock_finds_nothing(vault: Vault, vault_file: Path) -> None:
    busy(vault)
    vault.backup()
    vault.lock()
    with Vault.unlock(vault_file, PASSPHRASE) as again:
        assert again.unlock_problems == ()
        assert "rollback_found" not in [e.kind for e in again.audit_log()]
    signed = anchor.read(vault_file)
    assert signed is not None
    assert len(signed) == 1


@pytest.mark.parametrize(
    ("name", "statements"),
    [
        (
            "last rows deleted, head set back",
            (
                "DELETE FROM audit_events WHERE seq > (SELECT max(seq) - 3 FROM audit_events)",
                "UPDATE meta SET value = (SELECT seq || ':' || hash FROM audit_events "
                "ORDER BY seq DESC LIMIT 1) WHERE key = 'audit_head'",
            ),
        ),
        (
            "only event 1 kept",
            (
                "DELETE FROM audit_events WHERE seq > 1",
                "UPDATE meta SET value = (SELECT seq || ':' || hash FROM audit_events "
                "WHERE seq = 1) WHERE key = 'audit_head'",
            ),
        ),
        (
            "log and head emptied",
            ("DELETE FROM audit_events", "DELETE FROM meta WHERE key = 'audit_head'"),
        ),
    ],
)
def test_a_cut_off_log_shows_at_unlock_and_stays_visible(
    vault: Vault, vault_file: Path, name: str, statements: tuple[str, ...]
) -> None:
    busy(vault)
    before = newest(vault)
    tamper(vault_file, locked_with_key(vault), *statements)
    with Vault.unlock(vault_file, PASSPHRASE) as again:
        assert findings(again) == [Finding.BEHIND_ANCHOR], name
        problem = again.unlock_problems[0]
        assert problem.expected is not None
        assert problem.expected.seq == before
        assert "eerdere stand" in problem.message()
        log = again.audit_log()
        found = [e for e in log if e.kind == "rollback_found"]
        assert len(found) == 1
        # The log goes on from the head the anchor knew, never from a fresh start.
        assert found[0].seq == before + 1
        report = again.verify_audit()
        assert not report.ok
        assert ProblemKind.MISSING in [p.kind for p in report.problems]
    with Vault.unlock(vault_file, PASSPHRASE) as later:
        assert later.unlock_problems == ()  # said once, and in the log
        assert not later.verify_audit().ok  # the gap stays visible


def test_the_whole_file_replaced_by_an_older_backup_shows(vault: Vault, vault_file: Path) -> None:
    busy(vault, 1)
    old = vault.backup()
    busy(vault, 2)
    before = newest(vault)
    vault.lock()
    shutil.copyfile(old, vault_file)
    with Vault.unlock(vault_file, PASSPHRASE) as again:
        assert findings(again) == [Finding.BEHIND_ANCHOR]
        assert again.unlock_problems[0].found < before
        assert len(again.cases()) == 1


def test_an_older_file_with_its_anchor_removed_shows_through_a_newer_backup(
    vault: Vault, vault_file: Path
) -> None:
    busy(vault, 1)
    old = vault.backup()
    busy(vault, 2)
    newer = vault.backup()
    vault.lock()
    shutil.copyfile(old, vault_file)
    anchor.anchor_path(vault_file).unlink()
    with Vault.unlock(vault_file, PASSPHRASE) as again:
        assert findings(again) == [Finding.MISSING, Finding.BEHIND_BACKUP]
        behind = again.unlock_problems[1]
        assert behind.expected is not None
        header = json.loads(newer.with_suffix(".sleutel").read_text())
        assert behind.expected.seq == header["anchor"]["seq"]
        assert "reservekopie" in behind.message()
        kinds = [e.kind for e in again.audit_log()]
        assert "anchor_replaced" in kinds
        assert "rollback_found" in kinds


def test_an_edited_anchor_is_invalid(vault: Vault, vault_file: Path) -> None:
    busy(vault, 1)
    vault.lock()
    path = anchor.anchor_path(vault_file)
    data = json.loads(path.read_text())
    data["heads"][0]["seq"] += 5  # further ahead, but not signed
    path.write_text(json.dumps(data))
    with Vault.unlock(vault_file, PASSPHRASE) as again:
        assert findings(again) == [Finding.INVALID]
        assert "anchor_replaced" in [e.kind for e in again.audit_log()]
    with Vault.unlock(vault_file, PASSPHRASE) as later:
        assert later.unlock_problems == ()  # a new anchor was written


def test_a_restore_on_purpose_is_no_rollback(vault: Vault, vault_file: Path) -> None:
    busy(vault, 1)
    old = vault.backup()
    busy(vault, 2)
    vault.backup()  # newer than the one restored: the restore goes back past it on purpose
    vault.restore(old)
    assert vault.unlock_problems == ()
    vault.lock()
    with Vault.unlock(vault_file, PASSPHRASE) as again:
        assert again.unlock_problems == ()
        assert again.verify_audit().ok
    with Vault.restore_backup(vault_file, old, PASSPHRASE) as again:
        assert again.unlock_problems == ()


def test_a_missing_head_row_gives_no_raw_error_and_no_new_chain(
    vault: Vault, vault_file: Path
) -> None:
    """Issue 9.7: an unlock with the audit head removed, or set back, raised SQLAlchemy's
    IntegrityError (the next event took a number that was taken)."""
    busy(vault, 1)
    before = newest(vault)
    key = locked_with_key(vault)
    tamper(vault_file, key, "DELETE FROM meta WHERE key = 'audit_head'")
    with Vault.unlock(vault_file, PASSPHRASE) as again:
        assert again.audit_log()[-1].seq > before
    tamper(
        vault_file,
        key,
        "UPDATE meta SET value = '1:' || (SELECT hash FROM audit_events "
        "WHERE seq = 1) WHERE key = 'audit_head'",
    )
    with Vault.unlock(vault_file, PASSPHRASE) as again:
        seqs = [e.seq for e in again.audit_log()]
        assert seqs == sorted(set(seqs))


def test_the_head_for_documents(vault: Vault) -> None:
    busy(vault, 1)
    head = vault.audit_head()
    assert head is not None
    assert head.seq == newest(vault)
    assert head.short == f"{head.seq}:{head.hash[:16]}"


# ---------------------------------------------------------------------- review of issue 9


def test_a_backups_own_head_cannot_stand_in_for_the_vaults_anchor(
    vault: Vault, vault_file: Path
) -> None:
    """The head in a backup's header copy is signed for a backup: put beside the vault with
    that backup in place of the vault, it does not pass as the vault's anchor."""
    busy(vault, 1)
    old = vault.backup()
    busy(vault, 5)
    vault.lock()
    shutil.copyfile(old, vault_file)
    copy = json.loads(old.with_suffix(".sleutel").read_text())
    forged = {"format": anchor.FORMAT, "version": anchor.VERSION, "vault_id": copy["vault_id"]}
    anchor.anchor_path(vault_file).write_text(json.dumps({**forged, "heads": [copy["anchor"]]}))
    with Vault.unlock(vault_file, PASSPHRASE) as again:
        assert findings(again) == [Finding.INVALID]
    kept = list(vault_file.parent.glob("kluis.anker.ongeldig-*"))
    assert len(kept) == 1  # the evidence is kept, not overwritten


def test_a_file_of_before_a_key_change_put_back_with_its_header_shows(
    made: tuple[Vault, str], vault_file: Path
) -> None:
    vault, recovery_key = made
    busy(vault, 1)
    old = vault.backup()
    vault.change_passphrase("een nieuw en lang wachtwoord", current=PASSPHRASE)
    busy(vault, 3)
    vault.lock()
    shutil.copyfile(old, vault_file)
    shutil.copyfile(old.with_suffix(".sleutel"), vault_file.with_suffix(".sleutel"))
    with Vault.unlock(vault_file, recovery_key=recovery_key) as again:
        assert findings(again) == [Finding.EARLIER_KEY]
        assert "rollback_found" in [e.kind for e in again.audit_log()]


def test_a_clock_that_ran_ahead_gives_no_false_alarm_after_a_restore(
    vault: Vault, vault_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Backups of before a restore were told apart by time; with the clock years ahead
    while one was made, a restore on purpose afterwards was reported as a rollback."""
    busy(vault, 1)
    old = vault.backup()
    real = audit.record
    ahead = dt.datetime.now(dt.UTC) + dt.timedelta(days=3 * 365)

    def record_ahead(session: Any, kind: audit.AuditKind, /, **details: Any) -> Any:
        return real(session, kind, **{"now": ahead, **details})

    monkeypatch.setattr(audit, "record", record_ahead)
    busy(vault, 2)
    vault.backup()
    monkeypatch.undo()
    vault.restore(old)
    assert vault.unlock_problems == ()
    vault.lock()
    with Vault.unlock(vault_file, PASSPHRASE) as again:
        assert again.unlock_problems == ()


def test_a_rollback_to_before_a_restore_shows_through_a_later_backup(
    vault: Vault, vault_file: Path
) -> None:
    busy(vault, 1)
    old = vault.backup()
    busy(vault, 2)
    safety = vault.restore(old)  # a restore on purpose: a new generation
    busy(vault, 1)
    vault.backup()  # of the new generation
    vault.lock()
    shutil.copyfile(safety, vault_file)  # back to before the restore
    anchor.anchor_path(vault_file).unlink()
    with Vault.unlock(vault_file, PASSPHRASE) as again:
        assert findings(again) == [Finding.MISSING, Finding.BEHIND_BACKUP]
