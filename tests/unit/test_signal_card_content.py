from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from lessons.datafile import ContentError
from toolkit.signal_card import (
    CATEGORIES,
    LANGUAGES,
    check_languages_match,
    content_file,
    load_signal_card,
    read_signal_card,
)

# The national lines exactly as in shared/domain.md (section 3).
DOMAIN_CONTACTS = {
    "veilig-thuis": "0800-2000",
    "meld-misdaad-anoniem": "0800-7000",
    "arbeidsinspectie": "0800-5151",
    "centrum-seksueel-geweld": "0800-0188",
    "slachtofferhulp": "0900-0101",
    "kindertelefoon": "0800-0432",
    "fier-chat": "fier.nl/chat",
    "helpwanted": "helpwanted.nl",
    "meldpunt-uitbuiting-minderjarigen": "melduitbuitingminderjarigen.nl",
    "comensha": "comensha.nl",
    "wegwijzer-mensenhandel": "wegwijzermensenhandel.nl",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_shipped_card_loads_and_is_complete(language: str) -> None:
    card = load_signal_card(language)
    assert card.language == language
    assert len(card.signals) >= 40
    for category in CATEGORIES:
        assert [s for s in card.signals if s.category == category], category
    assert {f for s in card.signals for f in s.forms} == {"sexual", "criminal", "labour", "any"}
    assert len(card.rules) >= 4
    assert [s.number for s in card.meldcode_steps] == [1, 2, 3, 4, 5]


def test_both_languages_hold_the_same_ids() -> None:
    cards = {lang: load_signal_card(lang) for lang in LANGUAGES}
    assert check_languages_match(cards) == []
    nl, en = cards["nl"], cards["en"]
    assert [s.id for s in nl.signals] == [s.id for s in en.signals]
    assert [s.text for s in nl.signals] != [s.text for s in en.signals]


@pytest.mark.parametrize("language", LANGUAGES)
def test_help_lines_are_exactly_those_of_the_domain_brief(language: str) -> None:
    card = load_signal_card(language)
    contacts = {h.id: h.contact for h in card.help_lines}
    for line_id, contact in DOMAIN_CONTACTS.items():
        assert contacts[line_id] == contact
    assert "112" in contacts["politie"]
    assert "0900-8844" in contacts["politie"]
    assert len(card.help_lines) == len(DOMAIN_CONTACTS) + 1


def test_language_mismatch_detected() -> None:
    cards = {lang: load_signal_card(lang) for lang in LANGUAGES}
    en = cards["en"]
    shorter = en.model_copy(update={"signals": en.signals[1:]})
    assert check_languages_match({"nl": cards["nl"], "en": shorter}) != []


def broken_copy(tmp_path: Path, change) -> Path:  # type: ignore[no-untyped-def]
    data = yaml.safe_load(content_file("nl").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "signalcard.nl.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_missing_field_is_named_with_file_and_line(tmp_path: Path) -> None:
    path = broken_copy(tmp_path, lambda d: d["signals"][3].pop("category"))
    with pytest.raises(ContentError) as caught:
        read_signal_card(path)
    problem = caught.value.problems[0]
    assert problem.file == "signalcard.nl.yaml"
    assert problem.field == "signals[3].category"
    assert problem.line is not None
    assert problem.line > 1
    assert "ontbreekt" in problem.message
    assert "signalcard.nl.yaml, regel" in str(caught.value)


def test_unknown_form_is_named(tmp_path: Path) -> None:
    path = broken_copy(tmp_path, lambda d: d["signals"][0].update(forms=["sexueel"]))
    with pytest.raises(ContentError) as caught:
        read_signal_card(path)
    problem = caught.value.problems[0]
    assert problem.field == "signals[0].forms[0]"
    assert "'sexueel'" in problem.message
    lines = path.read_text(encoding="utf-8").splitlines()
    assert problem.line is not None
    assert "sexueel" in lines[problem.line - 1]


def test_duplicate_id_is_named(tmp_path: Path) -> None:
    def duplicate(d: dict) -> None:  # type: ignore[type-arg]
        d["signals"][5]["id"] = d["signals"][4]["id"]

    path = broken_copy(tmp_path, duplicate)
    with pytest.raises(ContentError, match="staat er al") as caught:
        read_signal_card(path)
    problem = caught.value.problems[0]
    assert problem.field == "signals"
    assert problem.message.startswith("[5].id '")
    assert "bij [4]" in problem.message
    assert problem.line is not None
    assert problem.line > 1


def test_too_long_text_and_unknown_field(tmp_path: Path) -> None:
    def change(d: dict) -> None:  # type: ignore[type-arg]
        d["signals"][2]["text"] = "x" * 81
        d["signals"][2]["colour"] = "red"

    with pytest.raises(ContentError) as caught:
        read_signal_card(broken_copy(tmp_path, change))
    fields = {p.field: p.message for p in caught.value.problems}
    assert "te lang" in fields["signals[2].text"]
    assert "onbekend veld" in fields["signals[2].colour"]


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "signalcard.nl.yaml"
    path.write_text("language: nl\nsignals: [\n  - id: a\n", encoding="utf-8")
    with pytest.raises(ContentError, match="geen geldige YAML") as caught:
        read_signal_card(path)
    assert caught.value.problems[0].line is not None
