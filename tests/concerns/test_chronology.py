"""The chronology as text: escaped, corrections visible, status changes among the entries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.concerns.chronology import CORRECT_LINK, chronology_html
from desktop.vault import kdf
from desktop.vault.service import Vault
from tests.vault.conftest import CHEAP, PASSPHRASE

DAY = dt.date(2026, 3, 2)


@pytest.fixture
def vault(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Vault]:
    monkeypatch.setattr(kdf, "ARGON2_DEFAULT", CHEAP)
    opened, _key = Vault.create(tmp_path / "kluis.db", PASSPHRASE)
    yield opened
    opened.lock()


def html_of(vault: Vault, code: str, *, newest_first: bool = False) -> str:
    detail = vault.case(code)
    return chronology_html(
        detail.entries,
        newest_first=newest_first,
        kind_label=lambda e: e.kind.value,
        signal_text=lambda s: f"signal:{s}",
        status_changes=detail.status_history,
    )


def test_case_text_is_escaped(vault: Vault) -> None:
    code = vault.create_case(forms=["sexual"])
    vault.add_entry(code, "observation", occurred_on=DAY, facts="<b>AT&T</b> <script>x</script>")
    html = html_of(vault, code)
    assert "<script>" not in html
    assert "&lt;b&gt;AT&amp;T&lt;/b&gt;" in html


def test_a_correction_shows_its_reason_and_the_earlier_text(vault: Vault) -> None:
    code = vault.create_case(forms=["criminal"])
    entry = vault.add_entry(code, "observation", occurred_on=DAY, facts="bij het hek")
    vault.edit_entry(entry, facts="bij de poort", reason="verkeerde plek")
    html = html_of(vault, code)
    assert html.index("bij de poort") < html.index("bij het hek"), "current text first"
    assert "verkeerde plek" in html
    assert f"{CORRECT_LINK}{entry}" in html


def test_pupil_words_interpretation_and_signals_stay_apart(vault: Vault) -> None:
    code = vault.create_case(forms=["criminal"])
    vault.add_entry(
        code,
        "observation",
        occurred_on=DAY,
        facts="had drie telefoons",
        pupil_words="die zijn van een vriend",
        interpretation="lijkt te dealen",
        who="mentor",
        signals=["several-phones"],
    )
    html = html_of(vault, code)
    for part in ("Woorden van de leerling:", "Interpretatie:", "signal:several-phones", "mentor"):
        assert part in html


def test_status_changes_sit_among_the_entries_by_date(vault: Vault) -> None:
    code = vault.create_case(forms=["labour"], opened_on=DAY)
    vault.add_entry(code, "observation", occurred_on=DAY, facts="eerste waarneming")
    vault.set_status(code, "closed", reason="geen zorgen meer", outcome="not_confirmed")
    vault.add_entry(code, "note", occurred_on=DAY + dt.timedelta(days=1), facts="later")
    oldest_first = html_of(vault, code)
    assert oldest_first.index("eerste waarneming") < oldest_first.index("later")
    assert "Vermoeden niet bevestigd" in oldest_first
    assert "geen zorgen meer" in oldest_first
    newest_first = html_of(vault, code, newest_first=True)
    assert newest_first.index("geen zorgen meer") < newest_first.index("eerste waarneming")


def test_an_empty_case_says_where_to_begin(vault: Vault) -> None:
    code = vault.create_case(forms=["sexual"])
    assert "Begin met een waarneming" in html_of(vault, code)


def test_meldcode_steps_and_the_afwegingskader_stand_in_the_chronology(vault: Vault) -> None:
    code = vault.create_case(forms=["criminal"])
    vault.set_step(code, 3, "skipped", who="zorgcoördinator", note="ouders mogelijk betrokken")
    vault.set_answers(
        code,
        ["yes", "yes", "unknown", "unknown", "unknown"],
        consulted="Veilig Thuis",
        recheck_on=DAY,
    )
    detail = vault.case(code)
    html = chronology_html(
        detail.entries,
        newest_first=False,
        kind_label=lambda e: e.kind.value,
        signal_text=str,
        steps=detail.step_history,
        assessments=detail.assessment_history,
    )
    assert "Stap 3" in html
    assert "ouders mogelijk betrokken" in html
    assert "Melden bij Veilig Thuis." in html
    assert "Veilig Thuis" in html.split("Met wie overlegd:")[1]
    assert "Opnieuw wegen op" in html
