"""The school's recipients of referral letters in the settings: rules, file, salvage."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from desktop import i18n
from desktop.recipients import (
    MAX_RECIPIENTS,
    RecipientEntry,
    entry_problems,
    good_entries,
    kind_label,
)
from desktop.settings import Settings, SettingsError, SettingsStore, validate
from desktop.vault.vocabulary import RecipientKind
from tests.conftest import run_python

COORDINATOR = RecipientEntry(
    kind="regional_coordinator",
    organisation="Zorgcoördinatie Mensenhandel Regio Oost & Co <test>",
    name="M. Jansen",
    address="Postbus 12\n1234 AB Ergens",
)
VEILIG_THUIS = RecipientEntry(kind="veilig_thuis", organisation="Veilig Thuis Regio")


def entry(**changes: Any) -> dict[str, Any]:
    return {**COORDINATOR.to_json(), **changes}


def test_the_kinds_in_the_contract_order() -> None:
    assert [k.value for k in RecipientKind] == [
        "regional_coordinator",
        "veilig_thuis",
        "meldpunt_uitbuiting_minderjarigen",
        "comensha",
        "police",
        "other",
    ]
    assert kind_label("comensha") == "CoMensha"
    assert kind_label("police") == "Politie"


def test_a_good_entry_has_no_problems() -> None:
    assert entry_problems(COORDINATOR.to_json()) == {}
    assert entry_problems({"kind": "other", "organisation": "Jeugdteam"}) == {}  # rest optional
    assert entry_problems(entry(address="\n".join(["regel"] * 6))) == {}
    assert entry_problems(entry(organisation="x" * 120, name="y" * 120, address="z" * 300)) == {}


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"kind": "bureau_jeugdzorg"}, "kind", "kies een soort ontvanger"),
        ({"kind": ""}, "kind", "kies een soort ontvanger"),
        ({"kind": 3}, "kind", "verkeerd soort waarde"),
        ({"organisation": ""}, "organisation", "vul de naam van de organisatie in"),
        ({"organisation": "   "}, "organisation", "vul de naam van de organisatie in"),
        ({"organisation": "x" * 121}, "organisation", "ten hoogste 120 tekens"),
        ({"organisation": None}, "organisation", "verkeerd soort waarde"),
        ({"name": "x" * 121}, "name", "ten hoogste 120 tekens"),
        ({"name": ["M. Jansen"]}, "name", "verkeerd soort waarde"),
        ({"address": "x" * 301}, "address", "ten hoogste 300 tekens"),
        ({"address": "\n".join(["regel"] * 7)}, "address", "ten hoogste 6"),
    ],
)
def test_each_rule_names_its_field(changes: dict[str, Any], field: str, words: str) -> None:
    problems = entry_problems(entry(**changes))
    assert list(problems) == [field]
    assert words in problems[field]


def test_a_missing_organisation_or_kind_is_reported() -> None:
    assert set(entry_problems({})) == {"kind", "organisation"}


def test_messages_follow_the_language() -> None:
    i18n.set_language("en")
    problems = entry_problems(entry(organisation="", kind="x"))
    assert "organisation" in problems["organisation"]
    assert "kind of recipient" in problems["kind"]


def test_validate_takes_entries_and_json_objects() -> None:
    from_entries = validate({"recipients": (COORDINATOR, VEILIG_THUIS)})
    from_json = validate({"recipients": [COORDINATOR.to_json(), VEILIG_THUIS.to_json()]})
    assert from_entries.recipients == from_json.recipients == (COORDINATOR, VEILIG_THUIS)
    assert Settings().recipients == ()


@pytest.mark.parametrize(
    ("recipients", "words"),
    [
        ("Veilig Thuis", "verkeerd soort waarde (verwacht: lijst)"),
        ({"kind": "other"}, "verkeerd soort waarde (verwacht: lijst)"),
        ([VEILIG_THUIS] * (MAX_RECIPIENTS + 1), "te veel ontvangers: ten hoogste 30"),
        ([VEILIG_THUIS, entry(organisation="")], "ontvanger 2: Organisatie: vul de naam"),
        ([VEILIG_THUIS, "Politie"], "ontvanger 2: dit is geen ontvanger"),
    ],
)
def test_a_bad_list_is_refused_with_a_message(recipients: object, words: str) -> None:
    with pytest.raises(SettingsError) as caught:
        validate({"recipients": recipients})
    assert list(caught.value.problems) == ["recipients"]
    assert words in caught.value.problems["recipients"]
    assert "Ontvangers van verwijsbrieven" in str(caught.value)


def test_thirty_recipients_are_allowed() -> None:
    assert len(validate({"recipients": [VEILIG_THUIS] * MAX_RECIPIENTS}).recipients) == 30


def test_round_trip_keeps_the_recipients(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    settings = Settings(school_name="De Linde", recipients=(COORDINATOR, VEILIG_THUIS))
    store.save(settings)
    stored = json.loads(store.path.read_text(encoding="utf-8"))
    assert stored["recipients"][0] == {
        "kind": "regional_coordinator",
        "organisation": "Zorgcoördinatie Mensenhandel Regio Oost & Co <test>",
        "name": "M. Jansen",
        "address": "Postbus 12\n1234 AB Ergens",
    }
    result = store.load()
    assert result.ok
    assert result.settings == settings


def test_a_broken_recipient_is_left_out_and_the_rest_kept(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    text = json.dumps(
        {
            "school_name": "De Linde",
            "recipients": [
                COORDINATOR.to_json(),
                {"kind": "veilig_thuis", "organisation": ""},
                VEILIG_THUIS.to_json(),
                {"kind": "sinterklaas", "organisation": "Pakjesboot"},
                "Politie",
            ],
        }
    )
    path.write_text(text, encoding="utf-8")
    result = SettingsStore(path).load()
    assert result.settings.school_name == "De Linde"
    assert result.settings.recipients == (COORDINATOR, VEILIG_THUIS)
    assert list(result.problems) == ["recipients"]
    message = result.problems["recipients"]
    assert "ontvanger 2: Organisatie" in message
    assert "ontvanger 4: Soort" in message
    assert "ontvanger 5: dit is geen ontvanger" in message
    assert result.kept_aside is not None
    assert result.kept_aside.read_text(encoding="utf-8") == text  # the original, whole


def test_too_many_recipients_keep_the_first_thirty(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    many = [entry(organisation=f"Organisatie {n}") for n in range(40)]
    path.write_text(json.dumps({"recipients": many}), encoding="utf-8")
    result = SettingsStore(path).load()
    assert [r.organisation for r in result.settings.recipients] == [
        f"Organisatie {n}" for n in range(30)
    ]
    assert "te veel ontvangers" in result.problems["recipients"]


def test_recipients_of_the_wrong_type_fall_back_to_none(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"recipients": {"kind": "other"}, "autolock_minutes": 9}))
    result = SettingsStore(path).load()
    assert result.settings.recipients == ()
    assert result.settings.autolock_minutes == 9
    assert good_entries("niets") == ()


def test_importing_the_settings_stays_light() -> None:
    done = run_python(
        "import sys, desktop.settings, desktop.recipients\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in "
        "('sqlalchemy', 'sqlcipher3', 'PySide6', 'reportlab')]\n"
        "print(heavy)"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
