"""The shipped migrations, on vaults as the earlier versions left them (``tests.vault.version2``).

Version 3 ("concern-screens") adds the pupil's words, corrections' reasons and disclosures to
entries, who took a meldcode step, the afwegingskader's dates, consultations, links and
re-check date, the status history, and on each case the columns the case list shows; it fills
those it can from what version 2 kept.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection

from desktop.vault import backups, engine, migrations
from desktop.vault.service import Vault
from desktop.vault.sharing import ReferralStatus
from desktop.vault.vocabulary import Answer, CaseStatus, ClosingOutcome, StepStatus
from tests.vault import version2
from tests.vault.conftest import CLOSING, PASSPHRASE, snapshot

SEP = dt.date(2026, 9, 1)


def day(n: int) -> dt.date:
    return SEP + dt.timedelta(days=n - 1)


@pytest.fixture
def old_vault(vault_file: Path) -> dict[str, Any]:
    """A version-2 vault with cases in every state its derived columns distinguish."""
    key = version2.make_vault(vault_file)
    with version2.writing(vault_file, key) as conn:
        old = version2.Writer(conn)
        # Entries out of order, one corrected; steps 1-3 taken (3 skipped), 4 under way;
        # two afwegingskader records, the newest answering four questions.
        busy = old.case("2026-001", day(1), entry_count=3)
        first = old.entry(busy, day(5), "later", revision=2)
        old.revision(first, 1, day(4), "eerste tekst")
        old.entry(busy, day(2), "eerder", kind="note")
        old.entry(busy, day(3), "tussendoor", signals=["withdrawn"])
        old.step(busy, 1, "in_progress")
        old.step(busy, 1, "done")
        old.step(busy, 2, "done")
        old.step(busy, 3, "skipped", note="gesprek niet veilig")
        old.step(busy, 4, "in_progress")
        old.assessment(
            busy,
            ["yes", "unknown", "unknown", "unknown", "unknown"],
            "incomplete",
            "2026-09-03T23:30:00.000000",
        )
        old.assessment(
            busy,
            ["yes", "no", "yes", "yes", "unknown"],
            "organise_help",
            "2026-09-10T08:15:00.123456",
        )
        old.referral(busy)
        # No entries, no steps: a new case.
        old.case("2026-002", day(2))
        # Every step taken: past step 5.
        done = old.case(
            "2026-003",
            day(3),
            status="closed",
            closed_on=day(20),
            retain_until=dt.date(2028, 9, 20),
            entry_count=1,
        )
        old.entry(done, day(6), "afgerond")
        for step in (1, 2, 4, 5):
            old.step(done, step, "done")
        old.step(done, 3, "skipped", note="ouders niet bereikbaar")
        # Step 1 done, then reopened: the newest state counts.
        back = old.case("2026-004", day(4))
        old.step(back, 1, "done")
        old.step(back, 2, "done")
        old.step(back, 1, "in_progress")
    return {"key": key, "codes": ["2026-001", "2026-002", "2026-003", "2026-004"]}


def test_a_version_2_vault_is_migrated_with_a_backup_first(
    old_vault: dict[str, Any], vault_file: Path
) -> None:
    with Vault.unlock(vault_file, PASSPHRASE) as vault:
        assert vault.unlock_problems == ()
        backup, _before_v4 = sorted(vault.backups())
        assert backup.name.endswith("-voor-v3.db")
        vault_id = vault._store.header.vault_id
        assert backups.check_backup(backup, old_vault["key"], vault_id) == 2  # as it was
        migrated = [json.loads(e.details) for e in vault.audit_log() if e.kind == "migrated"]
        assert migrated == [
            {"from_version": 2, "to_version": 3, "step": "concern-screens"},
            {"from_version": 3, "to_version": 4, "step": "referral-follow-up"},
        ]
        assert vault.verify_audit().ok
        assert vault.check_integrity().ok

        rows = {row.code: row for row in vault.cases()}
        assert list(rows) == ["2026-004", "2026-003", "2026-002", "2026-001"]  # order kept
        derived = {
            code: (row.entry_count, row.last_entry_on, row.step, row.recheck_on, row.acute_on)
            for code, row in rows.items()
        }
        assert derived == {
            "2026-001": (3, day(5), 4, None, None),
            "2026-002": (0, None, 1, None, None),
            "2026-003": (1, day(6), 6, None, None),
            "2026-004": (0, None, 1, None, None),
        }
        assert not any(row.overdue(dt.date(2030, 1, 1)) for row in rows.values())

        busy = vault.case("2026-001")
        assert [e.facts for e in busy.entries] == ["eerder", "tussendoor", "later"]
        assert all((e.pupil_words, e.disclosure) == ("", False) for e in busy.entries)
        corrected = busy.entries[-1]
        assert (corrected.current.revision, corrected.current.reason) == (2, "")
        ((earlier),) = corrected.earlier
        assert (earlier.facts, earlier.pupil_words, earlier.reason) == ("eerste tekst", "", "")
        assert [s.status for s in busy.steps] == [
            StepStatus.DONE,
            StepStatus.DONE,
            StepStatus.SKIPPED,
            StepStatus.IN_PROGRESS,
            StepStatus.NOT_STARTED,
        ]
        assert all(s.who == "" for s in busy.step_history)
        first, newest = busy.assessment_history
        # An answered question's date is the day its record was saved (UTC).
        assert first.answered_on == (dt.date(2026, 9, 3), None, None, None, None)
        assert newest.answered_on == (*[dt.date(2026, 9, 10)] * 4, None)
        assert (newest.consulted, newest.entry_ids, newest.recheck_on) == ("", (), None)
        assert newest.answers[:4] == (Answer.YES, Answer.NO, Answer.YES, Answer.YES)
        (referral,) = busy.referrals  # version 4: sent on the day it was made, open
        assert (referral.status, referral.status_on, referral.recheck_on) == (
            ReferralStatus.SENT,
            dt.date(2026, 9, 20),
            None,
        )
        assert (referral.entry_ids, referral.basis_details, referral.told) == ((), None, None)
        assert [(u.status, u.on, u.note) for u in referral.updates] == [
            (ReferralStatus.SENT, dt.date(2026, 9, 20), "")
        ]
        assert [(r.code, r.open_referrals) for r in rows.values() if r.open_referrals] == [
            ("2026-001", 1)
        ]
        for code in old_vault["codes"]:
            detail = vault.case(code)
            assert (detail.status_history, detail.outcome) == ((), None)

        # And it is a version-3 vault like any other from here on.
        assert vault.next_code(2026) == "2026-005"
        vault.set_step("2026-001", 4, "done", who="zorgcoördinator")
        vault.add_entry(
            "2026-002",
            "conversation",
            occurred_on=day(9),
            facts="verteld",
            pupil_words="ik wil niet meer",
            disclosure=True,
        )
        vault.set_answers("2026-004", ["yes", "no", "yes", "yes", "unknown"], recheck_on=day(30))
        vault.set_status(
            "2026-003", "closed", reason="geen zorgen meer", outcome="not_confirmed", today=day(25)
        )
        rows = {row.code: row for row in vault.cases()}
        assert rows["2026-001"].step == 5
        assert (rows["2026-002"].acute_on, rows["2026-002"].last_entry_on) == (day(9), day(9))
        assert rows["2026-004"].recheck_on == day(30)
        assert rows["2026-003"].closed_on == day(20)  # closed before: its date stays
        assert vault.case("2026-003").outcome is ClosingOutcome.NOT_CONFIRMED
        assert vault.check_integrity().ok


def columns_and_keys(conn: Connection) -> dict[str, object]:
    """Every table's columns, indexes and foreign keys, as SQLite reports them."""
    tables = [
        name
        for (name,) in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        )
    ]
    found: dict[str, object] = {}
    for table in tables:
        indexes = conn.exec_driver_sql(f"PRAGMA index_list({table})").all()
        found[table] = {
            "columns": conn.exec_driver_sql(f"PRAGMA table_info({table})").all(),
            "foreign_keys": conn.exec_driver_sql(f"PRAGMA foreign_key_list({table})").all(),
            "indexes": sorted(
                (
                    name,
                    unique,
                    tuple(c[2] for c in conn.exec_driver_sql(f"PRAGMA index_info('{name}')").all()),
                )
                for _seq, name, unique, *_rest in indexes
            ),
        }
    return found


def test_a_migrated_vault_has_the_schema_of_a_new_one(
    old_vault: dict[str, Any], vault_file: Path, basedir: Path
) -> None:
    fresh, _key = Vault.create(basedir / "nieuw" / "kluis.db", PASSPHRASE)
    with Vault.unlock(vault_file, PASSPHRASE) as migrated:
        schemas = []
        for vault in (migrated, fresh):
            engine_ = vault._store.engine
            assert engine_ is not None
            with engine_.connect() as conn:
                schemas.append(columns_and_keys(conn))
                assert migrations.read_version(conn) == migrations.SCHEMA_VERSION
        fresh.lock()
    assert schemas[0] == schemas[1]
    assert "status_changes" in schemas[0]
    assert "referral_updates" in schemas[0]


def test_a_migration_that_fails_changes_nothing(
    old_vault: dict[str, Any], vault_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The step runs in one transaction with its version: cut off, the vault is version 2
    still (its backup made), and the next unlock migrates it."""
    shipped = migrations.MIGRATIONS[1]  # version 3

    def half(conn: Connection) -> None:
        shipped.apply(conn)
        raise RuntimeError("cut off")

    monkeypatch.setattr(
        migrations,
        "MIGRATIONS",
        (
            migrations.MIGRATIONS[0],
            migrations.Migration(3, shipped.description, half),
            *migrations.MIGRATIONS[2:],
        ),
    )
    with pytest.raises(RuntimeError, match="cut off"):
        Vault.unlock(vault_file, PASSPHRASE)
    monkeypatch.undo()
    conn = engine.connect(vault_file, old_vault["key"])
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
        columns = [row[1] for row in conn.execute("PRAGMA table_info(cases)")]
        assert "step" not in columns
        assert (
            conn.execute("SELECT name FROM sqlite_master WHERE name = 'status_changes'").fetchall()
            == []
        )
    finally:
        conn.close()
    with Vault.unlock(vault_file, PASSPHRASE) as vault:
        assert [row.step for row in vault.cases()] == [1, 6, 1, 4]
        assert sum(p.name.endswith("-voor-v3.db") for p in vault.backups()) == 2
        assert vault.verify_audit().ok


def test_a_version_1_vault_goes_through_both_migrations(vault_file: Path) -> None:
    """Version 1 had no ``cases.entry_count``: it is counted, then version 3 follows."""
    key = version2.make_vault(vault_file)
    with version2.writing(vault_file, key) as conn:
        old = version2.Writer(conn)
        first = old.case("2026-001", day(1))
        old.case("2026-002", day(2))
        for n in (1, 2, 3):
            old.entry(first, day(n), "feit")
        conn.execute("ALTER TABLE cases DROP COLUMN entry_count")
        conn.execute("PRAGMA user_version = 1")
    with Vault.unlock(vault_file, PASSPHRASE) as again:
        rows = {row.code: (row.entry_count, row.last_entry_on) for row in again.cases()}
        assert rows == {"2026-001": (3, day(3)), "2026-002": (0, None)}
        made = sorted(p.name for p in again.backups())
        assert [name[-11:] for name in made] == ["-voor-v2.db", "-voor-v3.db", "-voor-v4.db"]
        assert again.check_integrity().ok
        again.add_entry("2026-002", "note", occurred_on=day(4), facts="nog een")
        assert {row.code: row.entry_count for row in again.cases()}["2026-002"] == 1


def test_version_4_is_one_migration_from_version_3() -> None:
    assert migrations.SCHEMA_VERSION == 4
    assert [m.description for m in migrations.pending(2)] == [
        "concern-screens",
        "referral-follow-up",
    ]
    assert [m.description for m in migrations.pending(3)] == ["referral-follow-up"]


def test_unlocking_a_version_4_vault_migrates_nothing(vault: Vault, vault_file: Path) -> None:
    code = vault.create_case(opened_on=SEP)
    vault.set_status(code, CaseStatus.CLOSED, **CLOSING)
    vault.lock()
    before = (
        snapshot(vault_file.parent / "backups") if (vault_file.parent / "backups").exists() else {}
    )
    with Vault.unlock(vault_file, PASSPHRASE) as again:
        assert [e.kind for e in again.audit_log()].count("migrated") == 0
    after = (
        snapshot(vault_file.parent / "backups") if (vault_file.parent / "backups").exists() else {}
    )
    assert after == before


def test_a_backup_of_version_2_is_migrated_when_restored(
    old_vault: dict[str, Any], vault_file: Path
) -> None:
    with Vault.unlock(vault_file, PASSPHRASE) as vault:
        # made before the first migration: version 2
        (before,) = [p for p in vault.backups() if p.name.endswith("-voor-v3.db")]
        later = vault.create_case(opened_on=day(10))
        vault.add_entry("2026-001", "note", occurred_on=day(30), facts="na de migratie")
        vault.restore(before)
        engine_ = vault._store.engine
        assert engine_ is not None
        with engine_.connect() as conn:
            assert migrations.read_version(conn) == migrations.SCHEMA_VERSION
        rows = {row.code: (row.last_entry_on, row.step) for row in vault.cases()}
        assert rows == {
            "2026-004": (None, 1),
            "2026-003": (day(6), 6),
            "2026-002": (None, 1),
            "2026-001": (day(5), 4),
        }
        assert later not in rows
        assert vault.next_code(2026) == "2026-006"  # the number given since stays taken
        kinds = [e.kind for e in vault.audit_log()]  # the backup's log, then the restore's
        # a backup before each step
        assert kinds[-5:] == ["restored", "backed_up", "migrated", "backed_up", "migrated"]
        assert vault.check_integrity().ok
