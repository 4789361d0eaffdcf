"""Property tests: any Unicode text, up to 100,000 characters, comes back exactly."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from desktop.vault.service import Vault
from desktop.vault.validation import MAX_TEXT_CHARS
from desktop.vault.vocabulary import Answer
from tests.vault.conftest import CHEAP, PASSPHRASE
from tests.vault.letters import lawful

DAY = dt.date(2026, 3, 2)
LONG = ("ë€😀\x00\u202e漢\r\n\t" * (MAX_TEXT_CHARS // 9 + 1))[:MAX_TEXT_CHARS]
texts = st.text(max_size=MAX_TEXT_CHARS)
SETTINGS = settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Vault, str]]:
    """One vault for all examples (hypothesis runs many inside one test)."""
    path = tmp_path_factory.mktemp("eigenschappen") / "data" / "kluis.db"
    vault, _key = Vault.create(path, PASSPHRASE, kdf_params=CHEAP)
    code = vault.create_case(opened_on=DAY)
    yield vault, code
    vault.lock()


def test_long_text_fits() -> None:
    assert len(LONG) == MAX_TEXT_CHARS


@SETTINGS
@given(facts=texts, interpretation=texts, who=texts)
@example(facts=LONG, interpretation="", who=LONG)
@example(facts="", interpretation="\x00", who="%_\\'\"")
def test_entry_texts_round_trip(
    shared: tuple[Vault, str], facts: str, interpretation: str, who: str
) -> None:
    vault, code = shared
    entry_id = vault.add_entry(
        code, "observation", occurred_on=DAY, facts=facts, interpretation=interpretation, who=who
    )
    (entry,) = [e for e in vault.case(code).entries if e.id == entry_id]
    assert (entry.facts, entry.interpretation, entry.who) == (facts, interpretation, who)


@SETTINGS
@given(first=texts, second=texts)
@example(first=LONG, second=LONG[::-1])
def test_edits_keep_every_text_exactly(shared: tuple[Vault, str], first: str, second: str) -> None:
    assume(first != second)
    vault, code = shared
    entry_id = vault.add_entry(code, "note", occurred_on=DAY, facts=first)
    vault.edit_entry(entry_id, reason="correctie", facts=second)
    (entry,) = [e for e in vault.case(code).entries if e.id == entry_id]
    assert entry.facts == second
    assert [t.facts for t in entry.earlier] == [first]


@SETTINGS
@given(step_note=texts, answers_note=texts, recipient=texts)
@example(step_note=LONG, answers_note=LONG, recipient=LONG)
def test_notes_and_recipient_round_trip(
    shared: tuple[Vault, str], step_note: str, answers_note: str, recipient: str
) -> None:
    vault, code = shared
    vault.set_step(code, 1, "done", note=step_note)
    vault.set_answers(code, [Answer.UNKNOWN] * 5, note=answers_note)
    vault.record_export(
        code,
        "referral_letter",
        "other",
        "consent",
        "0" * 64,
        recipient_name=recipient,
        **lawful("consent"),
    )
    detail = vault.case(code)
    assert detail.steps[0].note == step_note
    assert detail.assessment is not None
    assert detail.assessment.note == answers_note
    assert detail.referrals[-1].recipient == recipient


def test_round_trip_survives_locking(tmp_path: Path) -> None:
    path = tmp_path / "data" / "kluis.db"
    vault, _key = Vault.create(path, PASSPHRASE)
    code = vault.create_case(opened_on=DAY)
    vault.add_entry(code, "note", occurred_on=DAY, facts=LONG, who=LONG[::-1])
    vault.lock()
    with Vault.unlock(path, PASSPHRASE) as again:
        (entry,) = again.case(code).entries
        assert entry.facts == LONG
        assert entry.who == LONG[::-1]
