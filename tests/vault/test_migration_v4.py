"""Version 4 ("referral-follow-up"), on a vault as version 3 left it.

The version-3 vault is made as one was: a version-2 vault (``tests.vault.version2``) brought
to version 3 by the shipped migration alone, then given rows as version 3 wrote them. Its
referrals become open referrals, sent on the day they were made, each with that one update;
the case keeps how many are open.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from desktop.vault import migrations
from desktop.vault.service import Vault
from desktop.vault.sharing import ReferralStatus
from tests.vault import version2
from tests.vault.conftest import PASSPHRASE
from tests.vault.letters import lawful

DAY = dt.date(2026, 9, 1)


def make_version_3(vault_file: Path) -> None:
    """A locked version-3 vault: case 2026-001 with two referrals, 2026-002 with none."""
    key = version2.make_vault(vault_file)
    with version2.writing(vault_file, key) as conn:
        old = version2.Writer(conn)
        busy = old.case("2026-001", DAY)
        old.entry(busy, DAY, "gezien")
        old.referral(busy)
        old.referral(busy)
        old.case("2026-002", DAY)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(migrations, "SCHEMA_VERSION", 3)
        patch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:2])
        Vault.unlock(vault_file, PASSPHRASE).lock()
    with version2.writing(vault_file, key) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
        columns = [row[1] for row in conn.execute("PRAGMA table_info(referrals)")]
        assert "status" not in columns


def test_a_version_3_vault_gets_open_sent_referrals(vault_file: Path) -> None:
    make_version_3(vault_file)
    with Vault.unlock(vault_file, PASSPHRASE) as vault:
        assert vault.backups()[0].name.endswith("-voor-v4.db")
        migrated = [json.loads(e.details) for e in vault.audit_log() if e.kind == "migrated"]
        assert migrated[-1] == {"from_version": 3, "to_version": 4, "step": "referral-follow-up"}
        assert vault.verify_audit().ok
        assert vault.check_integrity().ok
        rows = {row.code: row for row in vault.cases()}
        assert (rows["2026-001"].open_referrals, rows["2026-001"].referral_recheck_on) == (2, None)
        assert (rows["2026-002"].open_referrals, rows["2026-002"].referral_recheck_on) == (0, None)
        first, second = vault.case("2026-001").referrals
        for referral in (first, second):
            assert referral.status is ReferralStatus.SENT
            assert referral.is_open
            assert referral.status_on == dt.date(2026, 9, 20)  # the day it was made (UTC)
            assert [u.status for u in referral.updates] == [ReferralStatus.SENT]

        # And it follows up like any version-4 referral.
        vault.update_referral("2026-001", first.id, "closed", dt.date(2026, 10, 1))
        vault.update_referral(
            "2026-001", second.id, "received", dt.date(2026, 10, 1), recheck_on=dt.date(2026, 10, 8)
        )
        row = {row.code: row for row in vault.cases()}["2026-001"]
        assert (row.open_referrals, row.referral_recheck_on) == (1, dt.date(2026, 10, 8))
        new = vault.record_export(
            "2026-002", "referral_letter", "veilig_thuis", "meldrecht", "ab" * 32,
            **lawful("meldrecht"),
        )  # fmt: skip
        assert vault.case("2026-002").referrals[0].id == new
        assert {row.code: row.open_referrals for row in vault.cases()} == {
            "2026-001": 1,
            "2026-002": 1,
        }
