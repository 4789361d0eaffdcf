"""Every record round-trips through the vault; lists filter; bad input is refused clearly."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from desktop.vault import validation
from desktop.vault.errors import CaseNotFound, EntryNotFound, InvalidInput
from desktop.vault.service import Vault
from desktop.vault.vocabulary import (
    Answer,
    CaseStatus,
    EntryKind,
    Form,
    RecipientKind,
    Recommendation,
    SharingBasis,
    StepStatus,
)
from tests.vault.conftest import CLOSING, PASSPHRASE
from tests.vault.letters import lawful

DAY = dt.date(2026, 3, 2)
SHA = "ab" * 32


def reopen(vault: Vault) -> Vault:
    """Lock and unlock: what comes back was really written."""
    path = vault.path
    vault.lock()
    return Vault.unlock(path, PASSPHRASE)


def test_case_round_trip(vault: Vault) -> None:
    code = vault.create_case(
        forms=[Form.CRIMINAL, "sexual"],
        age_band="14-15",
        school_type="vmbo",
        school_year=3,
        opened_on=DAY,
    )
    assert code == "2026-001"
    vault = reopen(vault)
    try:
        row = vault.case(code).row
        assert row.code == code
        assert row.status is CaseStatus.OPEN
        assert row.forms == (Form.SEXUAL, Form.CRIMINAL)
        assert (row.age_band, row.school_type, row.school_year) == ("14-15", "vmbo", 3)
        assert row.opened_on == DAY
        assert (row.closed_on, row.retain_until) == (None, None)
        assert row.entry_count == 0
        vault.set_details(code, forms=["labour"], age_band=None, school_type=None)
        row = vault.case(code).row
        assert row.forms == (Form.LABOUR,)
        assert (row.age_band, row.school_type, row.school_year) == (None, None, None)
    finally:
        vault.lock()


def test_case_codes_are_sequential_per_year_and_never_reused(vault: Vault) -> None:
    codes = [vault.create_case(opened_on=DAY) for _ in range(3)]
    assert codes == ["2026-001", "2026-002", "2026-003"]
    vault.delete_case("2026-003")
    assert vault.create_case(opened_on=DAY) == "2026-004"
    assert vault.create_case(opened_on=dt.date(2027, 1, 5)) == "2027-001"


@pytest.mark.parametrize("kind", list(EntryKind))
def test_entry_round_trip(vault: Vault, kind: EntryKind) -> None:
    code = vault.create_case(opened_on=DAY)
    entry_id = vault.add_entry(
        code,
        kind,
        occurred_on=DAY,
        facts="Wachtte om 15.10 uur bij het hek in een auto.",
        interpretation="Lijkt een oudere vriend.",
        who="Mentor en conciërge",
        signals=["older-boy-at-gate", "gets-into-cars"] if kind is EntryKind.OBSERVATION else [],
    )
    vault = reopen(vault)
    try:
        (entry,) = vault.case(code).entries
        assert entry.id == entry_id
        assert entry.kind is kind
        assert entry.occurred_on == DAY
        assert entry.facts == "Wachtte om 15.10 uur bij het hek in een auto."
        assert entry.interpretation == "Lijkt een oudere vriend."
        assert entry.who == "Mentor en conciërge"
        expected = ("older-boy-at-gate", "gets-into-cars") if kind is EntryKind.OBSERVATION else ()
        assert entry.signals == expected
        assert entry.current.revision == 1
        assert entry.earlier == ()
    finally:
        vault.lock()


def test_editing_keeps_the_earlier_text(vault: Vault) -> None:
    code = vault.create_case(opened_on=DAY)
    entry_id = vault.add_entry(
        code, "observation", occurred_on=DAY, facts="eerste", who="mentor", signals=["withdrawn"]
    )
    assert vault.edit_entry(entry_id, reason="correctie", facts="tweede") == 2
    assert (
        vault.edit_entry(entry_id, reason="correctie", facts="tweede") == 2
    )  # nothing changed: nothing written
    assert (
        vault.edit_entry(
            entry_id, reason="correctie", occurred_on=DAY - dt.timedelta(days=1), signals=[]
        )
        == 3
    )
    vault = reopen(vault)
    try:
        (entry,) = vault.case(code).entries
        assert (entry.facts, entry.who, entry.signals) == ("tweede", "mentor", ())
        assert entry.occurred_on == DAY - dt.timedelta(days=1)
        assert [(t.revision, t.facts, t.signals, t.occurred_on) for t in entry.earlier] == [
            (1, "eerste", ("withdrawn",), DAY),
            (2, "tweede", ("withdrawn",), DAY),
        ]
        edits = [e for e in vault.audit_log() if e.kind == "entry_edited"]
        assert len(edits) == 2
        assert json.loads(edits[0].details)["fields"] == ["facts"]
        with pytest.raises(EntryNotFound):
            vault.edit_entry(9999, reason="correctie", facts="x")
    finally:
        vault.lock()


def test_chronology_is_by_date(vault: Vault) -> None:
    code = vault.create_case(opened_on=DAY)
    later = vault.add_entry(code, "note", occurred_on=DAY, facts="later")
    earlier = vault.add_entry(code, "note", occurred_on=DAY - dt.timedelta(days=3), facts="eerder")
    assert [e.id for e in vault.case(code).entries] == [earlier, later]
    assert vault.cases()[0].entry_count == 2


def test_meldcode_steps_keep_their_history(vault: Vault) -> None:
    code = vault.create_case(opened_on=DAY)
    vault.set_step(code, 1, StepStatus.IN_PROGRESS, note="signalen verzamelen")
    vault.set_step(code, 1, "done", done_on=DAY, note="klaar")
    vault.set_step(code, 3, StepStatus.SKIPPED, note="gesprek niet veilig")
    vault = reopen(vault)
    try:
        detail = vault.case(code)
        assert [s.step for s in detail.steps] == [1, 2, 3, 4, 5]
        assert (detail.steps[0].status, detail.steps[0].done_on, detail.steps[0].note) == (
            StepStatus.DONE,
            DAY,
            "klaar",
        )
        assert detail.steps[1].status is StepStatus.NOT_STARTED
        assert detail.steps[1].saved_at is None
        assert detail.steps[2].status is StepStatus.SKIPPED
        assert [s.note for s in detail.step_history] == [
            "signalen verzamelen",
            "klaar",
            "gesprek niet veilig",
        ]
        with pytest.raises(InvalidInput, match="vijf stappen"):
            vault.set_step(code, 6, "done")
    finally:
        vault.lock()


def test_afwegingskader_answers_and_recommendation(vault: Vault) -> None:
    code = vault.create_case(opened_on=DAY)
    first = vault.set_answers(code, ["yes", "unknown", "unknown", "unknown", "unknown"])
    assert first is Recommendation.INCOMPLETE
    outcome = vault.set_answers(
        code, [Answer.YES, Answer.YES, Answer.UNKNOWN, Answer.UNKNOWN, Answer.UNKNOWN], note="acuut"
    )
    assert outcome is Recommendation.REPORT
    vault = reopen(vault)
    try:
        detail = vault.case(code)
        assert detail.assessment is not None
        assert detail.assessment.answers[:2] == (Answer.YES, Answer.YES)
        assert detail.assessment.recommendation is Recommendation.REPORT
        assert detail.assessment.note == "acuut"
        assert [a.recommendation for a in detail.assessment_history] == [
            Recommendation.INCOMPLETE,
            Recommendation.REPORT,
        ]
        with pytest.raises(InvalidInput, match="vijf vragen"):
            vault.set_answers(code, ["yes"])
        with pytest.raises(InvalidInput):
            vault.set_answers(code, ["ja", "no", "no", "no", "no"])
    finally:
        vault.lock()


def test_referral_exports_and_prints_round_trip(vault: Vault) -> None:
    code = vault.create_case(opened_on=DAY)
    first = vault.record_export(
        code,
        "referral_letter",
        RecipientKind.REGIONAL_COORDINATOR,
        SharingBasis.CONSENT,
        SHA,
        recipient_name="Zorgcoördinator mensenhandel regio Utrecht",
        sections=["sender", "reason", "signals", "steps"],
        **lawful("consent"),
    )
    second = vault.record_print(
        code, "referral_letter", "veilig_thuis", "meldrecht", SHA.upper(), **lawful("meldrecht")
    )
    vault = reopen(vault)
    try:
        exported, printed = vault.case(code).referrals
        assert (exported.id, printed.id) == (first, second)
        assert exported.channel == "export"
        assert exported.document == "referral_letter"
        assert exported.recipient_kind is RecipientKind.REGIONAL_COORDINATOR
        assert exported.recipient == "Zorgcoördinator mensenhandel regio Utrecht"
        assert exported.basis is SharingBasis.CONSENT
        assert exported.sections == ("sender", "reason", "signals", "steps")
        assert exported.sha256 == SHA
        assert (printed.channel, printed.basis, printed.sha256) == ("print", "meldrecht", SHA)
        events = {e.kind: json.loads(e.details) for e in vault.audit_log()}
        assert events["exported"]["sha256"] == SHA
        assert events["exported"]["recipient"] == "regional_coordinator"
        assert "Utrecht" not in json.dumps(events)
        with pytest.raises(InvalidInput, match="controlecode"):
            vault.record_export(code, "referral_letter", "police", "consent", "abc")
    finally:
        vault.lock()


def test_audit_log_exports_and_prints_are_audited(vault: Vault) -> None:
    first = vault.record_audit_export("export", 12, SHA.upper())
    second = vault.record_audit_export("print", 0, SHA)
    assert second == first + 1
    log = vault.audit_log()
    assert [(e.seq, e.kind, e.case_code) for e in log[-2:]] == [
        (first, "audit_exported", None),
        (second, "audit_printed", None),
    ]
    assert json.loads(log[-2].details) == {"channel": "export", "rows": 12, "sha256": SHA}
    assert vault.verify_audit().ok
    for channel, rows, sha in [
        ("mail", 1, SHA),
        ("export", -1, SHA),
        ("export", True, SHA),
        ("export", 1.0, SHA),
        ("print", 1, "abc"),
        ("print", 1, None),
    ]:
        with pytest.raises(InvalidInput):
            vault.record_audit_export(channel, rows, sha)  # type: ignore[arg-type]
    assert len(vault.audit_log()) == len(log)


def test_status_closing_and_retention(vault: Vault) -> None:
    code = vault.create_case(opened_on=DAY)
    vault.set_status(code, CaseStatus.CLOSED, **CLOSING, today=dt.date(2026, 8, 31))
    row = vault.case(code).row
    assert (row.status, row.closed_on, row.retain_until) == (
        CaseStatus.CLOSED,
        dt.date(2026, 8, 31),
        dt.date(2028, 8, 31),
    )
    vault.set_status(code, "open", reason="om te testen")
    row = vault.case(code).row
    assert (row.status, row.closed_on, row.retain_until) == (CaseStatus.OPEN, None, None)
    vault.set_status(code, "closed", **CLOSING, today=dt.date(2026, 1, 31), retention_months=1)
    assert vault.case(code).row.retain_until == dt.date(2026, 2, 28)
    with pytest.raises(InvalidInput, match="bewaartermijn"):
        vault.set_status(code, "closed", **CLOSING, retention_months=0)
    with pytest.raises(InvalidInput, match="niet bekend"):
        vault.set_status(code, "afgesloten", reason="om te testen")


def test_purge_removes_only_what_passed_its_retention_date(vault: Vault) -> None:
    kept_open = vault.create_case(opened_on=DAY)
    expired = vault.create_case(opened_on=DAY)
    not_yet = vault.create_case(opened_on=DAY)
    vault.add_entry(expired, "note", occurred_on=DAY, facts="weg")
    vault.set_step(expired, 1, "done")
    vault.set_answers(expired, ["no"] * 5)
    vault.record_export(expired, "referral_letter", "police", "consent", SHA, **lawful("consent"))
    vault.set_status(expired, "closed", **CLOSING, today=dt.date(2026, 1, 10), retention_months=1)
    vault.set_status(not_yet, "closed", **CLOSING, today=dt.date(2026, 2, 1), retention_months=1)
    # Dates far from today: confirmed, as the coordinator would (see test_purge_everywhere).
    on_the_day = vault.purge_expired(dt.date(2026, 2, 10), date_confirmed=True)
    assert on_the_day == []  # the retention date itself: kept
    assert vault.purge_expired(dt.date(2026, 2, 11), date_confirmed=True) == [expired]
    assert [r.code for r in vault.cases()] == [not_yet, kept_open]
    with pytest.raises(CaseNotFound):
        vault.case(expired)
    purge = [json.loads(e.details) for e in vault.audit_log() if e.kind == "purged"]
    confirmed = {"saved_elsewhere": 0, "date_confirmed": True}
    assert purge == [  # a confirmed date is logged, also when nothing went
        {"codes": [], "count": 0, "today": "2026-02-10", **confirmed},
        {"codes": [expired], "count": 1, "today": "2026-02-11", **confirmed},
    ]
    assert vault.check_integrity().ok


def test_delete_case(vault: Vault) -> None:
    code = vault.create_case(opened_on=DAY)
    vault.add_entry(code, "note", occurred_on=DAY, facts="x")
    vault.delete_case(code)
    assert vault.cases() == []
    assert vault.audit_log()[-1].kind == "case_deleted"
    with pytest.raises(CaseNotFound, match="2026-001"):
        vault.delete_case(code)


def test_list_filters(vault: Vault) -> None:
    a = vault.create_case(forms=["sexual"], opened_on=dt.date(2026, 1, 10))
    b = vault.create_case(forms=["criminal", "labour"], opened_on=dt.date(2026, 2, 10))
    c = vault.create_case(opened_on=dt.date(2026, 3, 10))
    vault.add_entry(a, "observation", occurred_on=DAY, facts="Auto bij het HEK", who="conciërge")
    vault.add_entry(b, "note", occurred_on=DAY, facts="100% zeker_niet", interpretation="geld")
    vault.set_status(c, "monitoring", reason="om te testen")

    def codes(**filters: object) -> list[str]:
        return [row.code for row in vault.cases(**filters)]  # type: ignore[arg-type]

    assert codes() == [c, b, a]
    assert codes(status="monitoring") == [c]
    assert codes(status=[CaseStatus.OPEN, CaseStatus.MONITORING]) == [c, b, a]
    assert codes(form="labour") == [b]
    assert codes(form=Form.SEXUAL) == [a]
    assert codes(text="hek") == [a]
    assert codes(text="conciërge") == [a]
    assert codes(text="geld") == [b]
    assert codes(text="100%") == [b]
    assert codes(text="0%") == [b]
    assert codes(text="_") == [b]
    assert codes(text="%") == [b]
    assert codes(text="2026-003") == [c]
    assert codes(since=dt.date(2026, 2, 10)) == [c, b]
    assert codes(until=dt.date(2026, 2, 10)) == [b, a]
    assert codes(since=dt.date(2026, 2, 1), until=dt.date(2026, 2, 28), form="criminal") == [b]
    with pytest.raises(InvalidInput):
        codes(form="any")


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda v, c: v.create_case(age_band="12"), "age_band"),
        (lambda v, c: v.create_case(school_type="gymnasium-plus"), "school_type"),
        (lambda v, c: v.create_case(school_year=7), "school_year"),
        (lambda v, c: v.create_case(forms=["any"]), "forms"),
        (lambda v, c: v.add_entry(c, "gossip", occurred_on=DAY, facts=""), "kind"),
        (lambda v, c: v.add_entry(c, "note", occurred_on="2026-01-01", facts=""), "occurred_on"),
        (
            lambda v, c: v.add_entry(c, "note", occurred_on=dt.datetime(2026, 1, 1), facts=""),
            "occurred_on",
        ),
        (lambda v, c: v.add_entry(c, "note", occurred_on=DAY, facts=None), "facts"),
        (
            lambda v, c: v.add_entry(c, "note", occurred_on=DAY, facts="x" * 100_001),
            "facts",
        ),
        (lambda v, c: v.add_entry(c, "note", occurred_on=DAY, facts="\ud800"), "facts"),
        (
            lambda v, c: v.add_entry(c, "note", occurred_on=DAY, facts="", signals=["Jan"]),
            "signals",
        ),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(vault: Vault, call, field: str) -> None:  # type: ignore[no-untyped-def]
    code = vault.create_case(opened_on=DAY)
    events = len(vault.audit_log())
    with pytest.raises(InvalidInput) as caught:
        call(vault, code)
    assert caught.value.field == field
    assert str(caught.value)
    assert len(vault.audit_log()) == events
    assert vault.case(code).entries == ()


def test_a_case_that_is_not_there(vault: Vault) -> None:
    for call in (
        lambda: vault.case("2026-999"),
        lambda: vault.add_entry("2026-999", "note", occurred_on=DAY, facts=""),
        lambda: vault.set_status("2026-999", "closed", **CLOSING),
    ):
        with pytest.raises(CaseNotFound, match="2026-999"):
            call()


def test_add_months() -> None:
    assert validation.add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert validation.add_months(dt.date(2028, 1, 31), 1) == dt.date(2028, 2, 29)
    assert validation.add_months(dt.date(2026, 11, 30), 3) == dt.date(2027, 2, 28)
    assert validation.add_months(dt.date(2026, 5, 15), 24) == dt.date(2028, 5, 15)


def test_views_are_plain_data(vault: Vault, vault_file: Path) -> None:
    code = vault.create_case(opened_on=DAY)
    vault.add_entry(code, "note", occurred_on=DAY, facts="x")
    detail = vault.case(code)
    rows = vault.cases()
    vault.lock()
    # Usable after locking: nothing lazy, nothing bound to a session.
    assert detail.entries[0].facts == "x"
    assert rows[0].code == code
    assert type(detail).__module__ == "desktop.vault.records"


def test_batch_is_all_or_nothing(vault: Vault) -> None:
    with vault.batch():
        codes = [vault.create_case(opened_on=DAY) for _ in range(3)]
        vault.add_entry(codes[0], "note", occurred_on=DAY, facts="in een keer")
    assert [r.code for r in vault.cases()] == codes[::-1]

    def half_a_batch() -> None:
        with vault.batch():
            vault.create_case(opened_on=DAY)
            vault.add_entry("2026-999", "note", occurred_on=DAY, facts="")

    with pytest.raises(CaseNotFound):
        half_a_batch()
    assert len(vault.cases()) == 3
    assert vault.create_case(opened_on=DAY) == "2026-004"  # the rolled-back number is free
    assert vault.verify_audit().ok
    with pytest.raises(RuntimeError), vault.batch():
        vault.backup()


def test_a_batch_of_many_cases_is_quick(vault: Vault) -> None:
    import time

    started = time.perf_counter()
    with vault.batch():
        for n in range(500):
            code = vault.create_case(forms=["sexual"], opened_on=DAY)
            vault.add_entry(code, "note", occurred_on=DAY, facts=f"notitie {n}")
    assert time.perf_counter() - started < 10
    started = time.perf_counter()
    assert len(vault.cases(form="sexual")) == 500
    assert time.perf_counter() - started < 1
