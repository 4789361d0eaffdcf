"""The prevention report's counts: the school year's bounds, the small-count rule, nothing that
identifies a case, and the audit event of a report with counts (and none without)."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.classroom.lesson_log import LessonLog, SchoolYear, checked
from desktop.prevention import report as prevention
from desktop.vault import counts as vault_counts
from desktop.vault import kdf
from desktop.vault.audit import AuditKind
from desktop.vault.errors import InvalidInput, VaultLocked
from desktop.vault.service import Vault
from desktop.vault.vocabulary import RecipientKind, StepStatus
from tests.vault.conftest import CHEAP, CLOSING, PASSPHRASE
from tests.vault.letters import lawful
from toolkit.prevention_report import (
    FORMS,
    RECIPIENTS,
    SMALL,
    build_prevention_report,
    file_name,
    rounded,
)

YEAR = SchoolYear(2025)  # 1 August 2025 to 31 July 2026
SECRET = "Zwanetta"  # stands for any case text


@pytest.fixture
def vault(basedir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Vault]:
    monkeypatch.setattr(kdf, "ARGON2_DEFAULT", CHEAP)
    made, _key = Vault.create(basedir / "data" / "kluis.db", PASSPHRASE)
    yield made
    made.lock()


def _case(vault: Vault, day: dt.date, *forms: str) -> str:
    code = vault.create_case(forms=forms, opened_on=day)
    vault.add_entry(code, "observation", occurred_on=day, facts=f"{SECRET} zei iets", who="mentor")
    return code


def test_small_counts_are_less_than_five_and_zero_stays_zero() -> None:
    assert [rounded(n) for n in range(7)] == [0, SMALL, SMALL, SMALL, SMALL, 5, 6]
    with pytest.raises(ValueError, match="negative"):
        rounded(-1)


def test_the_school_year_runs_from_1_august_to_31_july(vault: Vault) -> None:
    _case(vault, dt.date(2025, 7, 31), "sexual")  # the year before
    first = _case(vault, dt.date(2025, 8, 1), "sexual", "criminal")
    _case(vault, dt.date(2026, 7, 31))  # no form yet
    _case(vault, dt.date(2026, 8, 1), "labour")  # the year after
    vault.set_status(first, "closed", today=dt.date(2026, 7, 31), **CLOSING)
    vault.set_step(first, 1, StepStatus.DONE, done_on=dt.date(2025, 8, 2))
    vault.set_step(first, 2, StepStatus.DONE, done_on=dt.date(2026, 8, 1))  # after the year
    vault.set_step(first, 3, StepStatus.IN_PROGRESS)

    found = vault_counts.year_counts_of(vault, YEAR.start, YEAR.end)

    assert found.opened == {"sexual": 1, "criminal": 1, "labour": 0, "unknown": 1}
    assert found.closed == {"sexual": 1, "criminal": 1, "labour": 0, "unknown": 0}
    assert found.steps == {1: 1, 2: 0, 3: 0, 4: 0, 5: 0}
    before = vault_counts.year_counts_of(vault, SchoolYear(2024).start, SchoolYear(2024).end)
    assert before.opened["sexual"] == 1
    assert before.closed["sexual"] == 0


def test_a_step_counts_by_its_current_state(vault: Vault) -> None:
    code = _case(vault, dt.date(2025, 9, 1), "criminal")
    vault.set_step(code, 1, StepStatus.DONE, done_on=dt.date(2025, 9, 2))
    vault.set_step(code, 1, StepStatus.IN_PROGRESS)  # reopened: no longer done
    found = vault_counts.year_counts_of(vault, YEAR.start, YEAR.end)
    assert found.steps[1] == 0


def test_referrals_by_kind_of_recipient_in_the_year_they_were_made(vault: Vault) -> None:
    today = dt.date.today()
    code = _case(vault, today - dt.timedelta(days=1), "sexual")
    vault.record_export(
        code, "referral_letter", RecipientKind.VEILIG_THUIS, "meldrecht", "a" * 64,
        recipient_name=f"Veilig Thuis {SECRET}", **lawful("meldrecht"),
    )  # fmt: skip
    this = SchoolYear.of(today)
    found = vault_counts.year_counts_of(vault, this.start, this.end)
    assert found.referrals == {kind: int(kind == "veilig_thuis") for kind in RECIPIENTS}
    earlier = vault_counts.year_counts_of(vault, SchoolYear(this.first - 1).start, this.start)
    assert earlier.referrals["veilig_thuis"] == (1 if today == this.start else 0)


def test_the_report_holds_rounded_counts_and_nothing_of_a_case(vault: Vault) -> None:
    codes = [_case(vault, dt.date(2025, 10, n), "sexual") for n in range(1, 7)]
    codes.append(_case(vault, dt.date(2025, 10, 9), "labour"))
    counts = prevention.vault_counts(vault, YEAR)
    assert counts.opened == {"sexual": 6, "criminal": 0, "labour": SMALL, "unknown": 0}
    assert set(counts.opened) == set(FORMS)

    report = prevention.make_report(
        YEAR, school_name="OSG De Brug", lessons=[], counts=counts, language="nl",
        today=dt.date(2026, 7, 1),
    )  # fmt: skip
    data = build_prevention_report(report, None)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    for code in codes:
        assert code not in text
        assert code not in repr(report)
    assert SECRET not in text
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b|\b\d{1,2} oktober\b", text)
    assert "< 5" in text
    assert file_name(report.school_year) == "preventieverslag-2025-2026.pdf"


def test_counts_need_an_open_vault(vault: Vault) -> None:
    vault.lock()
    with pytest.raises(VaultLocked):
        vault_counts.year_counts_of(vault, YEAR.start, YEAR.end)


def _events(vault: Vault) -> list[tuple[str, str | None, dict[str, object]]]:
    return [(e.kind, e.case_code, json.loads(e.details)) for e in vault.audit_log()]


def _report(counts: bool, vault: Vault) -> prevention.PreventionReport:
    return prevention.make_report(
        YEAR, school_name="", lessons=[], language="nl",
        counts=prevention.vault_counts(vault, YEAR) if counts else None,
    )  # fmt: skip


def test_a_report_with_counts_is_audited_when_saved_and_printed(
    vault: Vault, tmp_path: Path
) -> None:
    _case(vault, dt.date(2025, 9, 1), "sexual")
    report = _report(True, vault)
    data = build_prevention_report(report, None)
    before = len(_events(vault))
    saved = prevention.save(data, tmp_path / "verslag.pdf", report, vault)
    prevention.printed(data, report, vault)
    events = _events(vault)[before:]
    digest = prevention.sha256(data)
    expected = {"document": "prevention_report", "school_year": "2025-2026", "counts": True,
                "sha256": digest}  # fmt: skip
    assert events == [(AuditKind.EXPORTED, None, expected), (AuditKind.PRINTED, None, expected)]
    from desktop.concerns.audit_details import sentence

    assert sentence(AuditKind.EXPORTED, expected) == (
        "Geëxporteerd: preventieverslag 2025–2026, met aantallen uit de kluis"
    )
    assert saved.path is not None
    assert saved.path.read_bytes() == data
    assert saved.event is not None
    assert vault.verify_audit().ok


def test_a_report_without_counts_is_not_audited(vault: Vault, tmp_path: Path) -> None:
    report = _report(False, vault)
    data = build_prevention_report(report, None)
    before = _events(vault)
    outcome = prevention.save(data, tmp_path / "verslag.pdf", report, vault)
    assert prevention.printed(data, report, vault).event is None
    assert outcome.event is None
    assert outcome.path is not None
    assert outcome.path.exists()
    assert _events(vault) == before


def test_a_save_that_cannot_be_logged_leaves_no_file(vault: Vault, tmp_path: Path) -> None:
    report = _report(True, vault)
    data = build_prevention_report(report, None)
    vault.lock()
    target = tmp_path / "verslag.pdf"
    with pytest.raises(VaultLocked):
        prevention.save(data, target, report, vault)
    assert not target.exists()


def test_the_audit_event_takes_a_school_year_and_a_hash_only(vault: Vault) -> None:
    with pytest.raises(InvalidInput):
        vault_counts.record_report_of(vault, "export", "2025-2027", "a" * 64)
    with pytest.raises(InvalidInput):
        vault_counts.record_report_of(vault, "export", f"{SECRET}", "a" * 64)
    with pytest.raises(InvalidInput):
        vault_counts.record_report_of(vault, "mail", "2025-2026", "a" * 64)


def test_lesson_rows_count_the_year_and_leave_out_lessons_not_given(tmp_path: Path) -> None:
    log = LessonLog(tmp_path / "lessen-gegeven.json")
    for day, group, lesson in [
        (dt.date(2025, 7, 31), "2B", "wat-is-mensenhandel"),  # the year before
        (dt.date(2025, 8, 1), "2B", "wat-is-mensenhandel"),
        (dt.date(2026, 3, 1), "2b", "wat-is-mensenhandel"),  # the same group again
        (dt.date(2026, 7, 31), "3 havo", "eigen-pdf"),
    ]:
        title = "Onze eigen les (PDF)" if lesson == "eigen-pdf" else "Wat is mensenhandel?"
        log.add(checked(day=day, group=group, lesson_id=lesson, lesson_title=title, today=None))
    series = [("wat-is-mensenhandel", "Wat is mensenhandel?"), ("loverboys", "De loverboymethode")]
    rows = prevention.lesson_rows(log, YEAR, series)
    assert [(r.title, r.groups, r.times) for r in rows] == [
        ("Wat is mensenhandel?", 1, 2),
        ("Onze eigen les (PDF)", 1, 1),
    ]
    years = prevention.school_years(log, dt.date(2026, 3, 1))
    assert years[0] == YEAR
    assert SchoolYear(2024) in years
