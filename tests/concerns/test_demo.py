"""The demo vault (oefenkluis): its content in both languages, the vault made from it, and
``--demo`` at start-up.

Cheap Argon2id parameters, as in tests/vault, except the test that asks for ``real_kdf``.
"""

from __future__ import annotations

import datetime as dt
import errno
import itertools
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from pytestqt.qtbot import QtBot

from desktop.concerns import demo
from desktop.vault import kdf
from desktop.vault.lock import lock_path
from desktop.vault.records import CaseDetail
from desktop.vault.service import Vault
from desktop.vault.vocabulary import (
    AGE_BANDS,
    SCHOOL_TYPES,
    Answer,
    CaseStatus,
    ClosingOutcome,
    EntryKind,
    Form,
    Recommendation,
    StepStatus,
)
from lessons.datafile import ContentError

CHEAP = kdf.Argon2Params(memory_kib=1024, iterations=1, lanes=1)
TODAY = dt.date(2026, 3, 2)  # the demo's dates count back from here


@pytest.fixture(autouse=True)
def _cheap_kdf(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    if "real_kdf" not in request.fixturenames:
        monkeypatch.setattr(kdf, "ARGON2_DEFAULT", CHEAP)


@pytest.fixture
def real_kdf() -> kdf.Argon2Params:
    """The app's own Argon2id parameters (the autouse fixture leaves them alone)."""
    return kdf.ARGON2_DEFAULT


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo vault for the module's read-only tests (filling one takes about a second)."""
    path = tmp_path_factory.mktemp("demo") / "oefenkluis" / "oefenkluis.db"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(kdf, "ARGON2_DEFAULT", CHEAP)
        demo.make_demo_vault(path, "nl", today=TODAY)
    return path


@pytest.fixture(scope="module")
def cases(demo_file: Path) -> dict[str, CaseDetail]:
    """Every case of the demo vault in full, by code."""
    vault = Vault.unlock(demo_file, passphrase=demo.DEMO_PASSPHRASE)
    try:
        return {row.code: vault.case(row.code) for row in vault.cases()}
    finally:
        vault.lock()


# ---------------------------------------------------------------------- the content


@pytest.mark.parametrize("language", demo.LANGUAGES)
def test_the_shipped_cases_load(language: str) -> None:
    content = demo.load_demo_cases(language)
    assert content.language == language
    assert len(content.cases) == 30


def test_both_languages_hold_the_same_cases_in_the_same_order() -> None:
    sets = {language: demo.load_demo_cases(language) for language in demo.LANGUAGES}
    assert demo.check_languages_match(sets) == []
    nl, en = sets["nl"], sets["en"]
    assert [c.id for c in nl.cases] == [c.id for c in en.cases]
    for dutch, english in zip(nl.cases, en.cases, strict=True):
        assert [e.facts for e in dutch.entries] != [e.facts for e in english.entries], dutch.id


def test_a_difference_between_the_languages_is_found() -> None:
    nl = demo.load_demo_cases("nl")
    moved = nl.model_copy(update={"cases": [nl.cases[1], nl.cases[0], *nl.cases[2:]]})
    assert demo.check_languages_match({"nl": nl, "en": moved}) != []
    case = nl.cases[0]
    other_day = case.model_copy(update={"opened_days_ago": case.opened_days_ago + 1})
    changed = nl.model_copy(update={"cases": [other_day, *nl.cases[1:]]})
    assert demo.check_languages_match({"nl": nl, "en": changed}) == [
        f"case {case.id} differs between nl and en"
    ]


def test_the_vocabulary_of_the_file_is_the_vaults() -> None:
    from typing import get_args

    assert set(get_args(demo.FormId)) == {f.value for f in Form}
    assert set(get_args(demo.AgeBand)) == set(AGE_BANDS)
    assert set(get_args(demo.SchoolType)) == set(SCHOOL_TYPES)
    assert set(get_args(demo.EntryKindId)) == {k.value for k in EntryKind}
    assert set(get_args(demo.StepStatusId)) == {s.value for s in StepStatus}
    assert set(get_args(demo.AnswerId)) == {a.value for a in Answer}
    assert set(get_args(demo.StatusId)) == {s.value for s in CaseStatus}
    assert set(get_args(demo.OutcomeId)) == {o.value for o in ClosingOutcome}


def _texts(language: str) -> Iterator[tuple[str, str, str]]:
    """(case id, field, text) for every piece of free text in the cases."""
    for case in demo.load_demo_cases(language).cases:
        for entry in case.entries:
            for field in ("facts", "interpretation", "who", "pupil_words"):
                yield case.id, field, getattr(entry, field)
        for correction in case.corrections:
            for field in ("reason", "facts", "interpretation", "who", "pupil_words"):
                yield case.id, field, getattr(correction, field) or ""
        for step in case.steps:
            yield case.id, "who", step.who
            yield case.id, "note", step.note
        for assessment in case.assessments:
            yield case.id, "consulted", assessment.consulted
            yield case.id, "note", assessment.note
        for change in case.status_changes:
            yield case.id, "reason", change.reason


@pytest.mark.parametrize("language", demo.LANGUAGES)
def test_no_text_holds_personal_data_and_no_facts_hold_interpretation(language: str) -> None:
    """The app's own check (desktop.concerns.privacy), as it runs before an entry is saved: a
    trainee who opens a demo entry and saves it sees no warning."""
    from desktop.concerns import privacy

    found = [
        (case_id, field, text[f.start : f.end], f.kind.value)
        for case_id, field, text in _texts(language)
        if text
        for f in privacy.check(text, facts=field == "facts")
    ]
    assert found == []


@pytest.mark.parametrize("language", demo.LANGUAGES)
def test_every_case_has_a_role_for_who_saw_or_heard(language: str) -> None:
    for case in demo.load_demo_cases(language).cases:
        assert all(entry.who for entry in case.entries), case.id


def _write(tmp_path: Path, data: object, name: str = "demo_cases.nl.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _raw(language: str = "nl") -> dict[str, object]:
    loaded = yaml.safe_load(demo.content_file(language).read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def test_a_mistake_in_the_file_is_named_with_file_line_and_field(tmp_path: Path) -> None:
    data = _raw()
    first = data["cases"][0]  # type: ignore[index]
    first["entries"][0]["signals"] = ["niet-op-de-kaart"]
    skipped = {"step": 3, "status": "skipped", "days_ago": 1}  # no reason
    first["steps"] = [skipped]
    first["status_changes"] = [{"status": "closed", "days_ago": 1, "reason": "klaar"}]
    with pytest.raises(ContentError) as caught:
        demo.read_demo_cases(_write(tmp_path, data))
    said = str(caught.value)
    assert "demo_cases.nl.yaml, regel" in said
    assert "cases[0].entries[0].signals: onbekend signaal: niet-op-de-kaart" in said
    assert "cases[0].steps[0]: een overgeslagen stap heeft een reden nodig (note)" in said
    assert "cases[0].status_changes[0]: een gesloten casus heeft een outcome nodig" in said


def test_references_and_dates_are_checked(tmp_path: Path) -> None:
    data = _raw()
    case = data["cases"][4]  # type: ignore[index]
    case["corrections"][0]["entry"] = "bestaat-niet"
    with pytest.raises(ContentError, match=r"geen aantekening met id bestaat-niet"):
        demo.read_demo_cases(_write(tmp_path, data))
    data = _raw()
    case = data["cases"][0]  # type: ignore[index]
    case["entries"][0]["days_ago"] = case["opened_days_ago"] + 1
    with pytest.raises(ContentError, match=r"vóór de opening van de casus"):
        demo.read_demo_cases(_write(tmp_path, data))


def test_yes_and_no_without_quotes_are_answers(tmp_path: Path) -> None:
    text = demo.content_file("nl").read_text(encoding="utf-8")
    unquoted = text.replace('"yes"', "yes").replace('"no"', "no")
    path = tmp_path / "demo_cases.nl.yaml"
    path.write_text(unquoted, encoding="utf-8")
    assert demo.read_demo_cases(path) == demo.load_demo_cases("nl")


def test_a_file_for_the_other_language_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, _raw("en"), "demo_cases.nl.yaml")
    with pytest.raises(ContentError, match="het bestand is voor 'nl', niet 'en'"):
        demo.read_demo_cases(path)


# ---------------------------------------------------------------------- the vault


def test_the_demo_vault_has_thirty_cases_in_every_status(cases: dict[str, CaseDetail]) -> None:
    assert len(cases) == 30
    assert {c.status for c in cases.values()} == set(CaseStatus)
    assert {f for c in cases.values() for f in c.row.forms} == set(Form)
    assert len({c.row.school_type for c in cases.values()}) >= 6
    assert len({c.row.age_band for c in cases.values()}) >= 4


def test_the_demo_shows_every_stage(cases: dict[str, CaseDetail]) -> None:
    rows = [c.row for c in cases.values()]
    assert any(r.acute_on is not None for r in rows)
    assert any(r.overdue(TODAY) for r in rows)
    assert any(r.recheck_on is not None and r.recheck_on > TODAY for r in rows)
    assert any(r.entry_count == 1 and r.opened_on >= TODAY - dt.timedelta(days=7) for r in rows)
    assert max(r.entry_count for r in rows) >= 40
    outcomes = {c.outcome for c in cases.values() if c.status is CaseStatus.CLOSED}
    assert {ClosingOutcome.NOT_CONFIRMED, ClosingOutcome.HELP_ORGANISED} <= outcomes
    recommendations = {a.recommendation for c in cases.values() for a in c.assessment_history}
    assert {Recommendation.REPORT, Recommendation.ORGANISE_HELP, Recommendation.CLOSE} <= (
        recommendations
    )
    kinds = {e.kind for c in cases.values() for e in c.entries}
    assert kinds == set(EntryKind)
    assert any(e.disclosure for c in cases.values() for e in c.entries)


def test_one_closed_case_is_near_the_end_of_its_retention(
    cases: dict[str, CaseDetail],
) -> None:
    ends = [c.row.retain_until for c in cases.values() if c.row.retain_until is not None]
    assert any(TODAY < end <= TODAY + dt.timedelta(days=60) for end in ends)


def test_a_corrected_entry_keeps_its_earlier_text(cases: dict[str, CaseDetail]) -> None:
    corrected = [e for c in cases.values() for e in c.entries if e.earlier]
    assert corrected
    assert all(e.current.reason and e.current.revision == 2 for e in corrected)


def test_a_skipped_step_says_why(cases: dict[str, CaseDetail]) -> None:
    skipped = [s for c in cases.values() for s in c.steps if s.status is StepStatus.SKIPPED]
    assert skipped
    assert all(s.note.strip() for s in skipped)


def test_the_cases_are_dated_back_from_the_day_the_vault_is_made(
    cases: dict[str, CaseDetail],
) -> None:
    content = demo.load_demo_cases("nl")
    assert min(c.row.opened_on for c in cases.values()) == TODAY - dt.timedelta(
        days=max(c.opened_days_ago for c in content.cases)
    )
    assert max(e.occurred_on for c in cases.values() for e in c.entries) <= TODAY
    # codes follow the opening dates: the oldest case of a year has the lowest number
    by_code = sorted(cases.values(), key=lambda c: c.code)
    for earlier, later in itertools.pairwise(by_code):
        if earlier.code[:4] == later.code[:4]:
            assert earlier.row.opened_on <= later.row.opened_on


def test_the_demo_vault_opens_with_the_demo_passphrase_only(demo_file: Path) -> None:
    from desktop.vault.errors import WrongPassphrase

    assert len(demo.DEMO_PASSPHRASE) >= kdf.MIN_PASSPHRASE_CHARS
    with pytest.raises(WrongPassphrase):
        Vault.unlock(demo_file, passphrase="een ander wachtwoord van school")
    vault = Vault.unlock(demo_file, passphrase=demo.DEMO_PASSPHRASE)
    vault.lock()


def test_an_existing_demo_vault_is_left_as_it_is(tmp_path: Path, demo_file: Path) -> None:
    path = tmp_path / "oefenkluis" / "oefenkluis.db"
    shutil.copytree(demo_file.parent, path.parent)
    vault = Vault.unlock(path, passphrase=demo.DEMO_PASSPHRASE)
    practised = vault.create_case(forms=["labour"])
    vault.lock()
    demo.make_demo_vault(path, "nl", today=TODAY)
    vault = Vault.unlock(path, passphrase=demo.DEMO_PASSPHRASE)
    try:
        assert len(vault.cases()) == 31
        assert vault.case(practised).row.forms == (Form.LABOUR,)
    finally:
        vault.lock()


def test_a_failure_while_filling_leaves_no_half_made_vault(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "oefenkluis" / "oefenkluis.db"
    filled: list[str] = []

    def fill_then_fail(vault: Vault, case: demo.DemoCase, today: dt.date) -> str:
        if filled:
            raise RuntimeError("stopped halfway")
        filled.append(case.id)
        return "2026-001"

    monkeypatch.setattr(demo, "_fill", fill_then_fail)
    with pytest.raises(RuntimeError, match="stopped halfway"):
        demo.make_demo_vault(path, "nl", today=TODAY)
    assert not Vault.exists(path)
    # only the empty lock file stays, as it does beside every vault
    assert [p for p in path.parent.iterdir() if p != lock_path(path)] == []


def test_the_english_demo_is_english(tmp_path: Path) -> None:
    path = tmp_path / "oefenkluis.db"
    demo.make_demo_vault(path, "en", today=TODAY)
    vault = Vault.unlock(path, passphrase=demo.DEMO_PASSPHRASE)
    try:
        texts = [e.facts for row in vault.cases() for e in vault.case(row.code).entries]
    finally:
        vault.lock()
    english = {e.facts for c in demo.load_demo_cases("en").cases for e in c.entries}
    assert set(texts) == english


def test_the_demo_vault_uses_the_apps_own_argon2_parameters(
    real_kdf: kdf.Argon2Params, tmp_path: Path
) -> None:
    assert real_kdf.memory_kib >= kdf.MIN_MEMORY_KIB
    path = tmp_path / "oefenkluis.db"
    demo.make_demo_vault(path, "nl")
    vault = Vault.unlock(path, passphrase=demo.DEMO_PASSPHRASE)
    try:
        assert vault.kdf_params == real_kdf
    finally:
        vault.lock()


def test_the_demo_vault_is_apart_from_the_real_one(tmp_path: Path) -> None:
    from desktop import paths

    app_paths = paths.resolve(tmp_path)
    demo_path = demo.demo_vault_path(app_paths)
    assert demo_path != app_paths.vault_file
    # a folder of its own: no backups, anchor or lock file shared with the real vault
    assert demo_path.parent != app_paths.vault_file.parent
    assert demo_path.is_relative_to(app_paths.data)


# ---------------------------------------------------------------------- --demo


def test_build_with_demo_opens_the_demo_vault(qtbot: QtBot, basedir: Path) -> None:
    from desktop.ui.app import build

    built = build(["--basedir", str(basedir), "--demo"], install_hooks=False)
    window = built.window
    qtbot.addWidget(window)
    session = window.vault_session
    demo_path = demo.demo_vault_path(built.startup.paths)
    assert session.is_demo
    assert session.demo_passphrase == demo.DEMO_PASSPHRASE
    assert session.path == demo_path
    assert session.exists()
    assert not built.startup.paths.vault_file.exists()  # the real vault is not touched
    assert not window.notice.isVisible()

    with qtbot.waitSignal(session.opened, timeout=10_000):
        session.unlock(passphrase=demo.DEMO_PASSPHRASE)
    assert len(session.vault.cases()) == 30
    session.lock()
    window.close()


def test_the_concern_page_shows_the_demo_passphrase_and_banner(qtbot: QtBot, basedir: Path) -> None:
    from desktop.ui.app import build

    built = build(["--basedir", str(basedir), "--demo"], install_hooks=False)
    window = built.window
    qtbot.addWidget(window)
    page = window.concerns_page
    window.show_page(page)
    assert page.demo_banner.isVisible()
    assert page.stack.currentIndex() == 1  # the lock screen
    assert page.unlock.demo_hint.isVisible()
    assert demo.DEMO_PASSPHRASE in page.unlock.demo_hint.text()

    session = window.vault_session
    with qtbot.waitSignal(session.opened, timeout=10_000):
        session.unlock(passphrase=demo.DEMO_PASSPHRASE)
    assert page.stack.currentIndex() == 3  # the workspace
    assert page.demo_banner.isVisible()
    session.lock()
    window.close()


def test_build_without_demo_opens_the_schools_own_vault(qtbot: QtBot, basedir: Path) -> None:
    from desktop.ui.app import build

    built = build(["--basedir", str(basedir)], install_hooks=False)
    qtbot.addWidget(built.window)
    session = built.window.vault_session
    assert not session.is_demo
    assert session.path == built.startup.paths.vault_file
    assert not demo.demo_vault_path(built.startup.paths).exists()
    built.window.close()


def test_a_demo_vault_that_cannot_be_made_is_said_in_the_window(
    qtbot: QtBot, basedir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.ui.app import build

    def full_disk(path: Path, language: str, today: dt.date | None = None) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(demo, "make_demo_vault", full_disk)
    built = build(["--basedir", str(basedir), "--demo"], install_hooks=False)
    qtbot.addWidget(built.window)
    assert built.window.notice.isVisible()
    assert (
        built.window.notice.text.text() == "De oefenkluis kon niet worden gemaakt: de schijf is vol"
    )
    assert built.window.vault_session.is_demo
    built.window.close()
