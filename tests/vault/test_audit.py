"""The audit log's hash chain: intact after normal use, broken by any edit, removal or move."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import text

from desktop.vault import audit
from desktop.vault.audit import ProblemKind
from desktop.vault.service import Vault
from tests.vault.letters import lawful

DAY = dt.date(2026, 3, 2)


def busy_vault(vault: Vault) -> Vault:
    code = vault.create_case(forms=["sexual"], opened_on=DAY)
    entry = vault.add_entry(code, "observation", occurred_on=DAY, facts="geheim", who="mentor")
    vault.edit_entry(entry, reason="correctie", facts="nog geheimer")
    vault.set_step(code, 1, "done")
    vault.set_answers(code, ["yes", "no", "yes", "yes", "unknown"])
    vault.record_print(
        code, "referral_letter", "veilig_thuis", "meldrecht", "cd" * 32, **lawful("meldrecht")
    )
    vault.backup()
    return vault


def tamper(vault: Vault, *statements: str) -> None:
    engine = vault._store.engine
    assert engine is not None
    with engine.begin() as conn:
        for statement in statements:
            conn.exec_driver_sql(statement)


def kinds_of(report: audit.AuditReport) -> set[ProblemKind]:
    return {p.kind for p in report.problems}


def test_chain_is_intact_after_normal_use(vault: Vault) -> None:
    busy_vault(vault)
    report = vault.verify_audit()
    assert report.ok, report.message()
    assert report.events == len(vault.audit_log()) == 8
    assert "compleet" in report.message()


def test_every_event_is_chained(vault: Vault) -> None:
    busy_vault(vault)
    log = vault.audit_log()
    assert [e.seq for e in log] == list(range(1, len(log) + 1))
    assert log[0].kind == "vault_created"


def test_no_case_text_in_the_audit_log(vault: Vault) -> None:
    busy_vault(vault)
    dump = json.dumps([e.__dict__ for e in vault.audit_log()])
    assert "geheim" not in dump
    assert "mentor" not in dump


def test_an_altered_event_is_found(vault: Vault) -> None:
    busy_vault(vault)
    tamper(vault, "UPDATE audit_events SET kind = 'case_changed' WHERE seq = 3")
    report = vault.verify_audit()
    assert kinds_of(report) == {ProblemKind.ALTERED}
    assert report.problems[0].seq == 3
    assert "3" in report.message()
    assert "veranderd" in report.message()


def test_altered_details_are_found(vault: Vault) -> None:
    busy_vault(vault)
    tamper(vault, """UPDATE audit_events SET details = '{"forms":2}' WHERE seq = 2""")
    assert kinds_of(vault.verify_audit()) == {ProblemKind.ALTERED}


def test_a_removed_event_is_found(vault: Vault) -> None:
    busy_vault(vault)
    tamper(vault, "DELETE FROM audit_events WHERE seq = 4")
    report = vault.verify_audit()
    assert kinds_of(report) == {ProblemKind.MISSING}
    assert report.problems[0].seq == 4
    assert "4 is uit het logboek verwijderd" in report.message()


def test_a_removed_first_event_is_found(vault: Vault) -> None:
    busy_vault(vault)
    tamper(vault, "DELETE FROM audit_events WHERE seq = 1")
    assert ProblemKind.MISSING in kinds_of(vault.verify_audit())


def test_removed_last_events_are_found(vault: Vault) -> None:
    busy_vault(vault)
    tamper(vault, "DELETE FROM audit_events WHERE seq >= 7")
    assert kinds_of(vault.verify_audit()) == {ProblemKind.TRUNCATED}


def test_an_emptied_log_is_found(vault: Vault) -> None:
    busy_vault(vault)
    tamper(vault, "DELETE FROM audit_events")
    assert kinds_of(vault.verify_audit()) == {ProblemKind.TRUNCATED}


def test_reordered_events_are_found(vault: Vault) -> None:
    busy_vault(vault)
    tamper(
        vault,
        "UPDATE audit_events SET id = -1 WHERE id = 3",
        "UPDATE audit_events SET id = 3 WHERE id = 4",
        "UPDATE audit_events SET id = 4 WHERE id = -1",
    )
    report = vault.verify_audit()
    assert kinds_of(report) == {ProblemKind.MOVED}
    assert report.problems[0].seq == 4


def test_swapped_sequence_numbers_are_found(vault: Vault) -> None:
    busy_vault(vault)
    tamper(
        vault,
        "UPDATE audit_events SET seq = -1 WHERE seq = 3",
        "UPDATE audit_events SET seq = 3 WHERE seq = 4",
        "UPDATE audit_events SET seq = 4 WHERE seq = -1",
    )
    assert not vault.verify_audit().ok


def test_a_rehashed_event_still_breaks_the_link_to_the_next(vault: Vault) -> None:
    busy_vault(vault)
    engine = vault._store.engine
    assert engine is not None
    with engine.begin() as conn:
        row = conn.execute(
            text(
                "SELECT seq, at, kind, case_code, details, prev_hash FROM audit_events "
                "WHERE seq = 3"
            )
        ).one()
        details = '{"entry":1,"kind":"note","signals":0}'
        digest = audit.event_hash(row.seq, row.at, row.kind, row.case_code, details, row.prev_hash)
        conn.execute(
            text("UPDATE audit_events SET details = :d, hash = :h WHERE seq = 3"),
            {"d": details, "h": digest},
        )
    report = vault.verify_audit()
    assert kinds_of(report) == {ProblemKind.MOVED}
    assert report.problems[0].seq == 4


def test_the_integrity_check_includes_the_chain(vault: Vault) -> None:
    busy_vault(vault)
    assert vault.check_integrity().ok
    tamper(vault, "DELETE FROM audit_events WHERE seq = 2")
    report = vault.check_integrity()
    assert not report.ok
    assert report.database_problems == ()


@pytest.mark.parametrize(
    "details",
    [
        {"note": "Jan de Vries"},
        {"note": "a@b.nl"},
        {"note": "x" * 81},
        {"Bad-Key": 1},
        {"names": ["ok", "niet ok"]},
        {"value": 1.5},
    ],
)
def test_free_text_is_refused(details: dict[str, audit.Value]) -> None:
    with pytest.raises(ValueError, match="audit detail"):
        audit.check_details(details)
