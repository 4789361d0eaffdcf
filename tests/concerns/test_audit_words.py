"""The audit log in words: every kind labelled in both languages, details as sentences (never
raw JSON), local times, the chain check's result with what to do, and the screen's filters."""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop import i18n
from desktop.concerns import audit_words as words
from desktop.vault import kdf
from desktop.vault.audit import AuditKind, AuditProblem, AuditReport, ProblemKind
from desktop.vault.records import AuditEventView
from desktop.vault.service import Vault
from tests.vault.letters import lawful

PASSPHRASE = "een lange zin als wachtwoord"
CHEAP = kdf.Argon2Params(memory_kib=1024, iterations=1, lanes=1)
DAY = dt.date(2026, 3, 2)

# Details as the vault writes them, for every kind (tests/vault shows how each is made).
SAMPLES: dict[AuditKind, dict[str, object]] = {
    AuditKind.VAULT_CREATED: {"schema": 3, "memory_kib": 65536},
    AuditKind.UNLOCKED: {"via": "recovery_key"},
    AuditKind.UNLOCK_FAILED: {"via": "passphrase"},
    AuditKind.PASSPHRASE_CHANGED: {"memory_kib": 65536},
    AuditKind.CASE_CREATED: {"forms": 1},
    AuditKind.CASE_CHANGED: {"forms": 2},
    AuditKind.STATUS_SET: {
        "status": "closed",
        "outcome": "not_confirmed",
        "retain_until": "2028-03-02",
    },
    AuditKind.ACUTE_SET: {"acute_on": "2026-03-02", "entry": 4},
    AuditKind.ENTRY_ADDED: {"entry": 4, "kind": "observation", "signals": 2},
    AuditKind.ENTRY_EDITED: {"entry": 4, "revision": 2, "fields": ["facts", "signals"]},
    AuditKind.STEP_SET: {"step": 2, "status": "done"},
    AuditKind.ANSWERS_SET: {
        "answers": ["yes", "no", "yes", "yes", "unknown"],
        "recommendation": "report",
    },
    AuditKind.EXPORTED: {
        "referral": 1,
        "document": "referral_letter",
        "recipient": "veilig_thuis",
        "basis": "meldrecht",
        "sections": 4,
        "sha256": "ab" * 32,
    },
    AuditKind.PRINTED: {
        "referral": 2,
        "document": "referral_letter",
        "recipient": "meldpunt_uitbuiting_minderjarigen",
        "basis": "conflict_of_duties",
        "sections": 0,
        "sha256": "cd" * 32,
    },
    AuditKind.BACKED_UP: {"file": "kluis-20260302-101112-000001.db", "sha256": "ef" * 32},
    AuditKind.BACKUP_STARTED: {"file": None, "label": None, "sha256": None},
    AuditKind.RESTORED: {"file": "kluis-20260301-090000-000001.db", "from_version": 3},
    AuditKind.PURGED: {"count": 2, "codes": ["2024-001", "2024-002"], "today": "2026-03-02"},
    AuditKind.CASE_DELETED: {"entries": 1, "saved_elsewhere": 0},
    AuditKind.MIGRATED: {"from_version": 2, "to_version": 3, "step": "add_retention"},
    AuditKind.RECOVERY_KEY_CHANGED: {"memory_kib": 65536},
    AuditKind.ROLLBACK_FOUND: {"finding": "behind_anchor", "expected": 52, "found": 40},
    AuditKind.ANCHOR_REPLACED: {"finding": "missing", "expected": None, "found": 12},
    AuditKind.HEADER_RESTORED: {"file": "kluis-20260301-090000-000001.db"},
    AuditKind.COPIES_REPLACED: {"copies_removed": 3, "completes_event": 17},
    AuditKind.BACKUPS_TO_REPLACE: {},
    AuditKind.AUDIT_EXPORTED: {"channel": "export", "rows": 12, "sha256": "ab" * 32},
    AuditKind.AUDIT_PRINTED: {"channel": "print", "rows": 1, "sha256": "cd" * 32},
    AuditKind.REFERRAL_UPDATED: {
        "referral": 3,
        "status": "received",
        "on": "2026-03-09",
        "recheck_on": "2026-03-23",
    },
}


def event(kind: AuditKind | str, details: object = None, **fields: object) -> AuditEventView:
    values: dict[str, object] = {
        "seq": 1,
        "at": "2026-03-02T10:11:12.000000Z",
        "kind": str(kind),
        "case_code": None,
        "details": json.dumps(SAMPLES.get(AuditKind(kind), {}) if details is None else details)
        if not isinstance(details, str)
        else details,
    }
    values.update(fields)
    return AuditEventView(**values)  # type: ignore[arg-type]


@pytest.fixture
def english() -> Iterator[None]:
    i18n.set_language("en")
    yield
    i18n.set_language("nl")


@pytest.fixture
def amsterdam(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Europe/Amsterdam")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def vault(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Vault]:
    """A vault with a little of everything, made with a cheap key derivation."""
    monkeypatch.setattr(kdf, "ARGON2_DEFAULT", CHEAP)
    path = tmp_path / "data" / "kluis.db"
    made, _key = Vault.create(path, PASSPHRASE)
    code = made.create_case(forms=["sexual", "criminal"], opened_on=DAY)
    entry = made.add_entry(
        code,
        "observation",
        occurred_on=DAY,
        facts="geheim",
        signals=["withdrawn", "gets-into-cars"],
    )
    made.edit_entry(entry, facts="nog geheimer", reason="typfout")
    made.set_step(code, 1, "done")
    made.set_answers(code, ["yes", "no", "yes", "yes", "unknown"])
    made.record_export(
        code, "referral_letter", "veilig_thuis", "meldrecht", "ab" * 32, **lawful("meldrecht")
    )
    made.backup()
    made.create_case(forms=["labour"], opened_on=DAY)
    made.lock()
    opened = Vault.unlock(path, passphrase=PASSPHRASE)
    yield opened
    opened.lock()


# ---------------------------------------------------------------------- labels


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_kind_has_a_label(language: str) -> None:
    i18n.set_language(language)
    dutch = {kind: words.LABELS[kind] for kind in AuditKind}
    for kind in AuditKind:
        text = words.label(kind)
        assert text
        assert text != kind.value
        assert "_" not in text
        if language == "en":
            assert text != dutch[kind], f"{kind} has no English label"
    assert len({words.label(kind) for kind in AuditKind}) == len(AuditKind)  # all told apart


def test_a_kind_this_version_does_not_know_shows_its_id() -> None:
    assert words.label("future_kind") == "future_kind"
    assert words.describe(event("future_kind", "{}")) == "future_kind"


def test_every_kind_is_in_exactly_one_filter_group() -> None:
    for kind in AuditKind:
        groups = [name for name, kinds in words.KIND_GROUPS.items() if kind in kinds]
        assert len(groups) == 1, f"{kind}: {groups}"
    assert set(words.KIND_GROUPS) == {
        "cases",
        "entries",
        "meldcode",
        "exports",
        "keys",
        "backups",
        "unlocks",
    }
    assert all(words.group_label(group) for group in words.KIND_GROUPS)


# ---------------------------------------------------------------------- sentences


def test_the_samples_cover_every_kind() -> None:
    assert set(SAMPLES) == set(AuditKind)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_describe_never_shows_raw_json_or_ids(language: str) -> None:
    i18n.set_language(language)
    for kind in AuditKind:
        text = words.describe(event(kind))
        assert text, kind
        for raw in ("{", "}", '"', "_", "referral_letter", "None"):
            assert raw not in text, f"{kind}: {text}"


def test_sentences_say_what_the_details_hold() -> None:
    said = {kind: words.describe(event(kind)) for kind in AuditKind}
    assert said[AuditKind.ENTRY_ADDED] == "Waarneming toegevoegd (2 signalen)"
    assert said[AuditKind.EXPORTED] == (
        "Geëxporteerd: verwijsbrief aan Veilig Thuis, grondslag meldrecht (4 onderdelen). "
        "SHA-256 van de PDF: " + "ab" * 32
    )
    assert said[AuditKind.PRINTED] == (
        "Afgedrukt: verwijsbrief aan het Meldpunt Uitbuiting Minderjarigen, grondslag conflict "
        "van plichten. SHA-256 van de PDF: " + "cd" * 32
    )
    assert said[AuditKind.BACKED_UP] == "Reservekopie gemaakt: kluis-20260302-101112-000001.db"
    assert said[AuditKind.UNLOCKED] == "Geopend met de herstelsleutel"
    assert said[AuditKind.STATUS_SET] == (
        "Status: Gesloten (Vermoeden niet bevestigd), bewaren tot 2 maart 2028"
    )
    assert said[AuditKind.ENTRY_EDITED] == "Notitie gewijzigd: feiten, signalen (nu versie 2)"
    assert said[AuditKind.STEP_SET] == "Meldcode stap 2: afgerond"
    assert (
        said[AuditKind.PURGED] == "2 meldingen verwijderd na de bewaartermijn: 2024-001, 2024-002"
    )
    assert said[AuditKind.CASE_DELETED] == "Melding verwijderd met 1 notitie"
    assert (
        said[AuditKind.ANSWERS_SET] == "Afwegingskader ingevuld. Uitkomst: Melden bij Veilig Thuis."
    )
    assert said[AuditKind.CASE_CREATED] == "Melding aangemaakt (1 vorm van uitbuiting)"
    assert said[AuditKind.BACKUPS_TO_REPLACE] == words.label(AuditKind.BACKUPS_TO_REPLACE)
    assert said[AuditKind.AUDIT_EXPORTED] == "Auditlog opgeslagen als PDF (12 regels)"
    assert said[AuditKind.AUDIT_PRINTED] == "Auditlog afgedrukt (1 regel)"


def test_english_sentences(english: None) -> None:
    assert words.describe(event(AuditKind.ENTRY_ADDED)) == "Observation added (2 signals)"
    assert words.describe(event(AuditKind.CASE_CREATED)) == "Case created (1 form of exploitation)"
    exported = words.describe(event(AuditKind.EXPORTED))
    assert exported == (
        "Exported: referral letter to Veilig Thuis, basis: right to report (4 sections). "
        "The PDF's SHA-256: " + "ab" * 32
    )


@pytest.mark.parametrize(
    "details",
    ["not json", "[1, 2]", "null", '{"kind": "something_new", "signals": "many"}', "{}"],
)
def test_unreadable_or_unknown_details_fall_back_to_the_label(details: str) -> None:
    assert words.describe(event(AuditKind.ENTRY_ADDED, details)) == "Notitie toegevoegd"


def test_odd_values_in_details_do_not_break_a_sentence() -> None:
    odd = '{"fields": [{"a": 1}, ["facts"]], "revision": true}'
    assert words.describe(event(AuditKind.ENTRY_EDITED, odd)) == "Notitie gewijzigd"
    assert words.describe(event(AuditKind.PURGED, '{"count": 1, "codes": "x"}')) == (
        "1 melding verwijderd na de bewaartermijn"
    )


def test_a_real_vaults_events_all_read_as_sentences(vault: Vault) -> None:
    log = vault.audit_log()
    kinds = {e.kind for e in log}
    assert {"vault_created", "entry_added", "exported", "backed_up", "unlocked"} <= kinds
    for language in ("nl", "en"):
        i18n.set_language(language)
        for item in log:
            text = words.describe(item)
            assert "{" not in text
            assert "geheim" not in text
    i18n.set_language("nl")
    said = [words.describe(item) for item in log]
    assert "Waarneming toegevoegd (2 signalen)" in said
    assert "Geopend met het wachtwoord" in said


# ---------------------------------------------------------------------- times


def test_when_is_local_time_in_the_apps_language(amsterdam: None) -> None:
    winter = event(AuditKind.UNLOCKED, at="2026-03-02T10:11:12.123456Z")
    summer = event(AuditKind.UNLOCKED, at="2026-07-02T10:11:12.123456Z")
    assert words.when(winter) == "2 mrt 2026, 11:11:12"
    assert words.when(summer) == "2 jul 2026, 12:11:12"
    i18n.set_language("en")
    assert words.when(winter) == "Mar 2, 2026, 11:11:12\u202fAM"


def test_a_time_that_cannot_be_read_is_shown_as_stored() -> None:
    assert words.when(event(AuditKind.UNLOCKED, at="gisteren")) == "gisteren"


# ---------------------------------------------------------------------- the chain


def test_an_intact_chain_is_said_with_its_count(vault: Vault) -> None:
    report = vault.verify_audit()
    ok, text = words.chain_result(report)
    assert ok
    assert text == f"De auditlog is compleet en ongewijzigd ({report.events} regels)."
    assert words.chain_result(AuditReport(1234, ())) == (
        True,
        "De auditlog is compleet en ongewijzigd (1.234 regels).",
    )
    assert words.chain_result(AuditReport(1, ()))[1].endswith("(1 regel).")


def test_an_intact_chain_in_english(english: None) -> None:
    assert words.chain_result(AuditReport(1234, ())) == (
        True,
        "The audit log is complete and unchanged (1,234 lines).",
    )


def test_a_broken_chain_says_what_and_what_to_do(vault: Vault) -> None:
    engine = vault._store.engine
    assert engine is not None
    with engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM audit_events WHERE seq = 3")
    ok, text = words.chain_result(vault.verify_audit())
    assert not ok
    assert "Gebeurtenis 3 is uit het logboek verwijderd." in text
    assert "ICT-beheerder" in text
    assert "reservekopie" in text


def test_an_unreadable_log_says_to_open_again() -> None:
    report = AuditReport(0, (AuditProblem(0, ProblemKind.UNREADABLE),))
    ok, text = words.chain_result(report)
    assert not ok
    assert text.startswith("Het logboek kon niet worden gelezen.")
    assert "opnieuw" in text


# ---------------------------------------------------------------------- filters


def sample_log() -> list[AuditEventView]:
    return [
        event(AuditKind.VAULT_CREATED, seq=1, at="2026-03-01T08:00:00.000000Z"),
        event(
            AuditKind.CASE_CREATED, seq=2, at="2026-03-01T09:00:00.000000Z", case_code="2026-001"
        ),
        event(AuditKind.ENTRY_ADDED, seq=3, at="2026-03-02T23:30:00.000000Z", case_code="2026-001"),
        event(AuditKind.EXPORTED, seq=4, at="2026-03-03T10:00:00.000000Z", case_code="2026-002"),
        event(AuditKind.BACKED_UP, seq=5, at="2026-03-04T10:00:00.000000Z"),
        event(AuditKind.UNLOCKED, seq=6, at="2026-03-05T10:00:00.000000Z"),
    ]


def seqs(found: list[AuditEventView]) -> list[int]:
    return [e.seq for e in found]


def test_filter_by_group_case_and_text() -> None:
    log = sample_log()
    assert seqs(words.filter_events(log)) == [1, 2, 3, 4, 5, 6]
    assert seqs(words.filter_events(log, kind_group="cases")) == [2]
    assert seqs(words.filter_events(log, kind_group="exports")) == [4]
    assert seqs(words.filter_events(log, kind_group="keys")) == [1]
    assert seqs(words.filter_events(log, case_code="2026-001")) == [2, 3]
    assert seqs(words.filter_events(log, text="veilig thuis")) == [4]
    assert seqs(words.filter_events(log, text="RESERVEKOPIE")) == [5]
    assert seqs(words.filter_events(log, text="2026-002")) == [4]
    assert seqs(words.filter_events(log, kind_group="entries", case_code="2026-002")) == []


def test_filter_by_local_days_both_included(amsterdam: None) -> None:
    log = sample_log()
    # 23:30 UTC on 2 March is 00:30 on 3 March in Amsterdam
    assert seqs(words.filter_events(log, since=DAY + dt.timedelta(days=1))) == [3, 4, 5, 6]
    assert seqs(words.filter_events(log, until=DAY)) == [1, 2]
    assert seqs(words.filter_events(log, since=DAY, until=DAY + dt.timedelta(days=1))) == [3, 4]
    moment = dt.datetime(2026, 3, 3, 10, 0, tzinfo=dt.UTC)
    assert seqs(words.filter_events(log, since=moment, until=moment)) == [4]


def test_an_unknown_group_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown kind group"):
        words.filter_events(sample_log(), kind_group="everything")


def test_a_referral_letters_details_in_words() -> None:
    details = {
        "referral": 4,
        "document": "referral_letter",
        "recipient": "regional_coordinator",
        "basis": "consent",
        "told": {"pupil": "told", "parents": "endangers_pupil"},
        "entries": [3, 5, 8],
        "sections": 9,
        "sha256": "ab" * 32,
        "repeat": False,
    }
    assert words.describe(event(AuditKind.EXPORTED, json.dumps(details))) == (
        "Geëxporteerd: verwijsbrief aan de zorgcoördinator mensenhandel, grondslag toestemming, "
        "leerling ingelicht, ouders niet ingelicht (veiligheid leerling), notities nrs. 3, 5, 8 "
        "(9 onderdelen). SHA-256 van de PDF: " + "ab" * 32
    )
    again = {**details, "recipient": "comensha", "entries": [3], "repeat": True}
    again["told"] = {"pupil": "breaks_contact", "parents": "told"}
    assert words.describe(event(AuditKind.PRINTED, json.dumps(again))) == (
        "Afgedrukt: verwijsbrief aan CoMensha, grondslag toestemming, leerling niet ingelicht "
        "(zou contact verbreken), ouders ingelicht, notitie nr. 3 (9 onderdelen) (opnieuw, "
        "dezelfde verwijzing). SHA-256 van de PDF: " + "ab" * 32
    )
    unknown = {**details, "told": {"pupil": "someday", "parents": 3}}
    assert "ingelicht" not in words.describe(event(AuditKind.EXPORTED, json.dumps(unknown)))


def test_a_referral_update_in_words() -> None:
    assert words.describe(event(AuditKind.REFERRAL_UPDATED)) == (
        "Verwijzing 3: ontvangen op 9 maart 2026, nagaan op 23 maart 2026"
    )
    closed = {"referral": 3, "status": "closed", "on": "2026-03-30", "recheck_on": None}
    assert words.describe(event(AuditKind.REFERRAL_UPDATED, json.dumps(closed))) == (
        "Verwijzing 3: afgerond op 30 maart 2026"
    )
    broken = {"referral": 3, "status": "closed", "on": "gisteren"}
    assert words.describe(event(AuditKind.REFERRAL_UPDATED, json.dumps(broken))) == (
        "Verwijzing bijgewerkt"
    )
