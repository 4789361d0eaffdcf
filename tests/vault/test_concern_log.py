"""The rules of schema version 3 behind the concern screens (issue 10).

Corrections say why; the pupil's own words stay apart; a skipped meldcode step says why; the
afwegingskader is a dated decision record whose links stay within the case; a spontaneous
disclosure makes the case acute; every status change has a reason and a closing its outcome;
the case list carries what it shows and filters on it without joins; the next case code can
be shown before the case exists. Audit events of all this hold no text.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from desktop import i18n
from desktop.vault.errors import InvalidInput
from desktop.vault.records import CaseRow
from desktop.vault.service import Vault
from desktop.vault.vocabulary import (
    CLOSING_OUTCOME_LABELS,
    Answer,
    CaseStatus,
    ClosingOutcome,
    Recommendation,
    StepStatus,
    step_reached,
)
from tests.vault.conftest import CLOSING, PASSPHRASE, SECRET

DAY = dt.date(2026, 3, 2)


def reopen(vault: Vault) -> Vault:
    path = vault.path
    vault.lock()
    return Vault.unlock(path, PASSPHRASE)


def refused(vault: Vault, call: object, field: str, words: str = "") -> InvalidInput:
    """``call`` raises InvalidInput naming ``field`` (saying ``words``) and writes nothing."""
    events = len(vault.audit_log())
    with pytest.raises(InvalidInput) as caught:
        call()  # type: ignore[operator]
    assert caught.value.field == field
    assert words in str(caught.value)
    assert len(vault.audit_log()) == events
    return caught.value


def details(vault: Vault, kind: str) -> list[dict[str, object]]:
    return [json.loads(e.details) for e in vault.audit_log() if e.kind == kind]


# ---------------------------------------------------------------------- entries


def test_a_correction_needs_a_reason_and_keeps_it_with_its_text(vault: Vault) -> None:
    code = vault.create_case(opened_on=DAY)
    entry = vault.add_entry(
        code, "conversation", occurred_on=DAY, facts="gesprek", pupil_words="ik mag niks zeggen"
    )
    for empty in ("", "   ", "\n\t"):
        refused(
            vault,
            lambda empty=empty: vault.edit_entry(entry, reason=empty, facts="x"),
            "reason",
            "Geef een reden voor de correctie.",
        )
    with pytest.raises(TypeError):  # a required keyword: no correction without one
        vault.edit_entry(entry, facts="x")  # type: ignore[call-arg]
    assert vault.edit_entry(entry, reason="tikfout", pupil_words="ik mag niets zeggen") == 2
    assert vault.edit_entry(entry, reason="anders gezegd", pupil_words="ik mag niets zeggen") == 2
    assert vault.edit_entry(entry, reason="datum klopte niet", occurred_on=DAY.replace(day=1)) == 3
    vault = reopen(vault)
    try:
        (shown,) = vault.case(code).entries
        assert (shown.pupil_words, shown.current.reason) == (
            "ik mag niets zeggen",
            "datum klopte niet",
        )
        assert [(t.revision, t.pupil_words, t.reason) for t in shown.earlier] == [
            (1, "ik mag niks zeggen", ""),
            (2, "ik mag niets zeggen", "tikfout"),
        ]
        assert [d["fields"] for d in details(vault, "entry_edited")] == [
            ["pupil_words"],
            ["occurred_on"],
        ]
    finally:
        vault.lock()


def test_the_pupils_words_are_searched_too(vault: Vault) -> None:
    code = vault.create_case(opened_on=DAY)
    vault.create_case(opened_on=DAY)
    vault.add_entry(code, "conversation", occurred_on=DAY, facts="", pupil_words="Hij betaalt")
    assert [r.code for r in vault.cases(text="hij BETAALT")] == [code]


def test_the_newest_entry_date_follows_entries_and_corrections(vault: Vault) -> None:
    code = vault.create_case(opened_on=DAY)
    assert vault.cases()[0].last_entry_on is None
    late = vault.add_entry(code, "note", occurred_on=DAY, facts="later")
    vault.add_entry(code, "note", occurred_on=DAY - dt.timedelta(days=5), facts="eerder")
    assert vault.cases()[0].last_entry_on == DAY
    vault.edit_entry(late, reason="verkeerde dag", occurred_on=DAY - dt.timedelta(days=9))
    (row,) = vault.cases()
    assert (row.last_entry_on, row.entry_count) == (DAY - dt.timedelta(days=5), 2)
    assert vault.case(code).row == row


# ---------------------------------------------------------------------- meldcode steps


def test_a_skipped_step_needs_a_reason(vault: Vault) -> None:
    code = vault.create_case(opened_on=DAY)
    for empty in ("", "  "):
        refused(
            vault,
            lambda empty=empty: vault.set_step(code, 3, "skipped", note=empty),
            "note",
            "Een overgeslagen stap heeft een reden nodig.",
        )
    vault.set_step(code, 3, StepStatus.SKIPPED, who="zorgcoördinator", note="niet veilig")
    vault.set_step(code, 2, "done", done_on=DAY, who="mentor")  # done: no reason needed
    step = vault.case(code).steps[2]
    assert (step.status, step.who, step.note) == (
        StepStatus.SKIPPED,
        "zorgcoördinator",
        "niet veilig",
    )
    assert vault.case(code).steps[1].who == "mentor"
    assert "zorgco" not in json.dumps(details(vault, "step_set"))


def test_the_case_knows_the_step_it_is_at(vault: Vault) -> None:
    code = vault.create_case(opened_on=DAY)

    def at() -> int:
        (row,) = vault.cases()
        assert vault.case(code).row.step == row.step
        return row.step

    assert at() == 1
    vault.set_step(code, 1, "in_progress")
    assert at() == 1
    vault.set_step(code, 1, "done")
    assert at() == 2
    vault.set_step(code, 3, "done")  # a later step taken first: still at 2
    assert at() == 2
    vault.set_step(code, 2, "skipped", note="advies niet nodig")
    assert at() == 4
    vault.set_step(code, 1, "in_progress")  # back to the first
    assert at() == 1
    for number in (1, 4, 5):
        vault.set_step(code, number, "done")
    assert at() == 6
    assert [d["reached"] for d in details(vault, "step_set")] == [1, 2, 2, 4, 1, 4, 5, 6]


def test_step_reached() -> None:
    assert step_reached({}) == 1
    assert step_reached({1: StepStatus.DONE, 2: StepStatus.NOT_STARTED}) == 2
    assert step_reached(dict.fromkeys(range(1, 6), StepStatus.SKIPPED)) == 6


# ---------------------------------------------------------------------- afwegingskader


def test_answers_are_a_dated_decision_record(vault: Vault) -> None:
    code = vault.create_case(opened_on=DAY)
    seen = vault.add_entry(code, "observation", occurred_on=DAY, facts="auto bij het hek")
    said = vault.add_entry(code, "conversation", occurred_on=DAY, facts="gesprek")
    answered = [DAY, DAY, DAY + dt.timedelta(days=2), DAY + dt.timedelta(days=3), None]
    outcome = vault.set_answers(
        code,
        [Answer.YES, Answer.NO, Answer.YES, Answer.YES, Answer.UNKNOWN],
        answered_on=answered,
        consulted="mentor, Veilig Thuis (anoniem advies)",
        entry_ids=[said, seen, said],
        recheck_on=dt.date(2026, 6, 1),
        note="hulp via wijkteam",
    )
    assert outcome is Recommendation.ORGANISE_HELP
    vault = reopen(vault)
    try:
        record = vault.case(code).assessment
        assert record is not None
        assert record.answered_on == tuple(answered)
        assert record.consulted == "mentor, Veilig Thuis (anoniem advies)"
        assert record.entry_ids == (said, seen)  # each once, in the order given
        assert (record.recheck_on, record.note) == (dt.date(2026, 6, 1), "hulp via wijkteam")
        assert vault.cases()[0].recheck_on == dt.date(2026, 6, 1)
        (event,) = details(vault, "answers_set")
        assert (event["entries"], event["recheck_on"]) == (2, "2026-06-01")
        assert "Veilig" not in json.dumps(event)
        assert "wijkteam" not in json.dumps(event)
        # The newest record's re-check date is the case's, also when it has none.
        vault.set_answers(code, ["yes", "yes", "unknown", "unknown", "unknown"])
        assert vault.cases()[0].recheck_on is None
    finally:
        vault.lock()


def test_answers_without_dates_are_dated_today(vault: Vault) -> None:
    code = vault.create_case(opened_on=DAY)
    vault.set_answers(code, ["yes", "no", "unknown", "unknown", "unknown"], note="alleen dit")
    record = vault.case(code).assessment
    assert record is not None
    today = dt.date.today()
    assert record.answered_on == (today, today, None, None, None)
    assert (record.consulted, record.entry_ids, record.recheck_on) == ("", (), None)


@pytest.mark.parametrize(
    "answered_on",
    [
        [DAY, DAY, None, None, DAY],  # a date for a question without an answer
        [DAY, None, None, None, None],  # no date for an answered one
        [DAY, DAY],  # not five
        [DAY, DAY, None, None, None, None],
    ],
)
def test_answer_dates_must_fit_the_answers(vault: Vault, answered_on: list[object]) -> None:
    code = vault.create_case(opened_on=DAY)
    refused(
        vault,
        lambda: vault.set_answers(
            code, ["yes", "no", "unknown", "unknown", "unknown"], answered_on=answered_on
        ),
        "answered_on",
    )


def test_links_to_entries_of_another_case_are_refused(vault: Vault) -> None:
    code = vault.create_case(opened_on=DAY)
    other = vault.create_case(opened_on=DAY)
    own = vault.add_entry(code, "note", occurred_on=DAY, facts="van deze casus")
    theirs = vault.add_entry(other, "note", occurred_on=DAY, facts="van een andere casus")
    for links in ([theirs], [own, theirs], [own, theirs + 1000]):
        refused(
            vault,
            lambda links=links: vault.set_answers(code, ["no"] * 5, entry_ids=links),
            "entry_ids",
            "Koppel alleen notities uit de tijdlijn van deze melding.",
        )
    assert vault.case(code).assessment is None
    vault.set_answers(code, ["no"] * 5, entry_ids=(own,))
    assert vault.case(code).assessment.entry_ids == (own,)  # type: ignore[union-attr]


# ---------------------------------------------------------------------- acute unsafety


def test_a_spontaneous_disclosure_makes_the_case_acute(vault: Vault) -> None:
    code = vault.create_case(opened_on=DAY)
    calm = vault.create_case(opened_on=DAY)
    vault.add_entry(calm, "observation", occurred_on=DAY, facts="niets bijzonders")
    told = DAY + dt.timedelta(days=3)
    first = vault.add_entry(
        code, "conversation", occurred_on=told, facts="vertelde uit zichzelf", disclosure=True
    )
    vault.add_entry(  # a later disclosure: acute already, since the first
        code, "conversation", occurred_on=told + dt.timedelta(days=1), facts="", disclosure=True
    )
    detail = vault.case(code)
    assert detail.row.acute_on == told
    assert [e.disclosure for e in detail.entries] == [True, True]
    assert vault.case(calm).row.acute_on is None
    assert [r.code for r in vault.cases(acute_only=True)] == [code]
    assert details(vault, "acute_set") == [{"acute_on": told.isoformat(), "entry": first}]
    assert [d["disclosure"] for d in details(vault, "entry_added")] == [False, True, True]


def test_acute_unsafety_is_set_and_cleared(vault: Vault) -> None:
    code = vault.create_case(opened_on=DAY)
    vault.set_acute(code, DAY)
    assert vault.cases(acute_only=True)[0].acute_on == DAY
    vault.set_acute(code, None)
    assert vault.cases(acute_only=True) == []
    assert vault.cases()[0].acute_on is None
    assert details(vault, "acute_set") == [
        {"acute_on": DAY.isoformat(), "entry": None},
        {"acute_on": None, "entry": None},
    ]


# ---------------------------------------------------------------------- status


def test_every_status_change_has_a_reason_and_a_closing_its_outcome(vault: Vault) -> None:
    code = vault.create_case(opened_on=DAY)
    refused(vault, lambda: vault.set_status(code, "monitoring", reason=" "), "reason", "reden")
    refused(
        vault,
        lambda: vault.set_status(code, "closed", reason="klaar"),
        "outcome",
        "Kies hoe de melding is afgesloten.",
    )
    refused(
        vault,
        lambda: vault.set_status(code, "open", reason="weer zorgen", outcome="other"),
        "outcome",
    )
    refused(
        vault,
        lambda: vault.set_status(code, "closed", reason="klaar", outcome="opgelost"),
        "outcome",
    )
    with pytest.raises(TypeError):
        vault.set_status(code, "monitoring")  # type: ignore[call-arg]
    vault.set_status(code, "monitoring", reason="hulp loopt", today=DAY)
    vault.set_status(
        code,
        CaseStatus.CLOSED,
        reason="Vermoeden bleek onterecht na gesprek met ouders",
        outcome=ClosingOutcome.NOT_CONFIRMED,
        today=DAY + dt.timedelta(days=30),
    )
    vault = reopen(vault)
    try:
        detail = vault.case(code)
        assert [(c.status, c.outcome, c.reason, c.changed_on) for c in detail.status_history] == [
            (CaseStatus.MONITORING, None, "hulp loopt", DAY),
            (
                CaseStatus.CLOSED,
                ClosingOutcome.NOT_CONFIRMED,
                "Vermoeden bleek onterecht na gesprek met ouders",
                DAY + dt.timedelta(days=30),
            ),
        ]
        assert detail.outcome is ClosingOutcome.NOT_CONFIRMED
        events = details(vault, "status_set")
        assert [(e["status"], e["outcome"]) for e in events] == [
            ("monitoring", None),
            ("closed", "not_confirmed"),
        ]
        assert "onterecht" not in json.dumps(events)
        assert "hulp" not in json.dumps(events)
        vault.set_status(code, "open", reason="nieuwe signalen")
        assert vault.case(code).outcome is None
        assert len(vault.case(code).status_history) == 3
    finally:
        vault.lock()


def test_every_closing_outcome_has_a_dutch_label_with_english() -> None:
    assert set(CLOSING_OUTCOME_LABELS) == set(ClosingOutcome)
    assert CLOSING_OUTCOME_LABELS[ClosingOutcome.NOT_CONFIRMED] == "Vermoeden niet bevestigd"
    before = i18n.current_language()
    i18n.set_language("en")
    try:
        english = {i18n._(label) for label in CLOSING_OUTCOME_LABELS.values()}
    finally:
        i18n.set_language(before)
    assert not english & set(CLOSING_OUTCOME_LABELS.values())


# ---------------------------------------------------------------------- the case list


def row(recheck_on: dt.date | None, status: CaseStatus = CaseStatus.OPEN) -> CaseRow:
    return CaseRow(
        "2026-001", status, (), None, None, None, DAY, dt.datetime(2026, 3, 2),
        None, None, 0, None, 1, recheck_on, None,
    )  # fmt: skip


def test_overdue_is_a_recheck_date_passed_on_a_case_not_closed() -> None:
    assert row(DAY).overdue(DAY + dt.timedelta(days=1))
    assert not row(DAY).overdue(DAY)  # on the day itself: not yet
    assert not row(None).overdue(dt.date.max)
    assert not row(DAY, CaseStatus.CLOSED).overdue(DAY + dt.timedelta(days=1))
    assert row(DAY, CaseStatus.MONITORING).overdue(DAY + dt.timedelta(days=1))


def test_the_list_filters_on_overdue_and_acute(vault: Vault) -> None:
    soon, late, closed, none = (vault.create_case(opened_on=DAY) for _ in range(4))
    for code, recheck in ((soon, DAY), (late, DAY + dt.timedelta(days=30)), (closed, DAY)):
        vault.set_answers(code, ["yes", "no", "yes", "yes", "unknown"], recheck_on=recheck)
    vault.set_status(closed, "closed", **CLOSING)
    vault.set_acute(late, DAY)

    def codes(**filters: object) -> list[str]:
        return [r.code for r in vault.cases(**filters)]  # type: ignore[arg-type]

    assert codes() == [none, closed, late, soon]  # the order as before: newest first
    assert codes(overdue_on=DAY) == []
    assert codes(overdue_on=DAY + dt.timedelta(days=1)) == [soon]
    assert codes(overdue_on=DAY + dt.timedelta(days=31)) == [late, soon]
    assert codes(overdue_on=DAY + dt.timedelta(days=31), acute_only=True) == [late]
    assert codes(acute_only=True, status="closed") == []
    later = DAY + dt.timedelta(days=31)
    assert [r.code for r in vault.cases() if r.overdue(later)] == codes(overdue_on=later)


# ---------------------------------------------------------------------- codes, purges


def test_the_next_code_is_shown_and_not_taken(vault: Vault) -> None:
    this_year = dt.date.today().year
    assert vault.next_code() == f"{this_year}-001"
    assert vault.next_code(2026) == vault.next_code(2026) == "2026-001"
    assert vault.create_case(opened_on=DAY) == "2026-001"
    assert vault.next_code(2026) == "2026-002"
    vault.delete_case("2026-001")
    assert vault.next_code(2026) == "2026-002"  # a number given once is never given again
    assert vault.create_case(opened_on=DAY) == "2026-002"
    refused(vault, lambda: vault.next_code(1899), "year")


def test_a_purge_says_which_cases_went_and_by_which_day(vault: Vault) -> None:
    gone = vault.create_case(opened_on=DAY)
    kept = vault.create_case(opened_on=DAY)
    vault.set_status(gone, "closed", **CLOSING, today=DAY, retention_months=1)
    vault = reopen(vault)  # as after an unlock
    try:
        removed = vault.purge_expired(DAY + dt.timedelta(days=40), date_confirmed=True)
        assert removed == [gone]
        assert (removed.day, removed.saved_elsewhere) == (DAY + dt.timedelta(days=40), 0)
        assert [r.code for r in vault.cases()] == [kept]
    finally:
        vault.lock()


# ---------------------------------------------------------------------- the audit log


def test_no_text_of_the_new_fields_reaches_the_audit_log(vault: Vault) -> None:
    code = vault.create_case(opened_on=DAY)
    entry = vault.add_entry(
        code,
        "conversation",
        occurred_on=DAY,
        facts=SECRET,
        pupil_words=SECRET,
        who=SECRET,
        disclosure=True,
    )
    vault.edit_entry(entry, reason=SECRET, pupil_words=SECRET + " zei het")
    vault.set_step(code, 3, "skipped", who=SECRET, note=SECRET)
    vault.set_answers(
        code, ["yes", "yes", "unknown", "unknown", "unknown"], consulted=SECRET, note=SECRET,
        entry_ids=[entry], recheck_on=DAY,
    )  # fmt: skip
    vault.set_acute(code, DAY)
    vault.set_status(code, "referred", reason=SECRET)
    vault.set_status(code, "closed", reason=SECRET, outcome="handed_over")
    log = vault.audit_log()
    assert {"acute_set", "status_set", "answers_set", "step_set", "entry_edited"} <= {
        e.kind for e in log
    }
    assert not [e for e in log if SECRET in e.details]
