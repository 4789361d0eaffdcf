from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop import i18n
from desktop.settings import Settings, SettingsError, SettingsStore, validate


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    result = SettingsStore(tmp_path / "settings.json").load()
    assert result.ok
    assert result.settings == Settings()
    assert result.settings.autolock_minutes == 5
    assert result.settings.retention_months == 24
    assert result.settings.language == "nl"


def test_round_trip_keeps_every_field(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    settings = Settings(
        school_name="Het Baken & Co <vmbo>",
        school_address="Dorpsstraat 1, 1234 AB Ergens",
        coordinator_name="J. de Vries",
        coordinator_role="Zorgcoördinator",
        coordinator_phone="030-1234567",
        coordinator_email="zorg@school.nl",
        language="en",
        autolock_minutes=10,
        retention_months=36,
    )
    store.save(settings)
    assert store.load().settings == settings
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]  # no temporary left


def test_unreadable_file_is_kept_aside_and_defaults_used(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{ this is not json", encoding="utf-8")
    result = SettingsStore(path).load()
    assert result.settings == Settings()
    assert not result.ok
    assert result.kept_aside is not None
    assert result.kept_aside.read_text(encoding="utf-8") == "{ this is not json"
    assert path.read_text(encoding="utf-8") == "{ this is not json"  # nothing overwritten


def test_bad_fields_fall_back_one_by_one(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps({"school_name": "De Linde", "autolock_minutes": 0, "language": "fr"}),
        encoding="utf-8",
    )
    result = SettingsStore(path).load()
    assert result.settings.school_name == "De Linde"
    assert result.settings.autolock_minutes == 5
    assert result.settings.language == "nl"
    assert set(result.problems) == {"autolock_minutes", "language"}
    assert result.kept_aside is not None
    assert result.kept_aside.exists()


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"coordinator_name": "A", "coordinator_email": "zorg.school.nl"}, "coordinator_email"),
        ({"coordinator_name": "A", "coordinator_phone": "bel me"}, "coordinator_phone"),
        ({"coordinator_phone": "030-1234567"}, "coordinator_name"),  # a contact needs a name
        ({"coordinator_role": "Zorgcoördinator", "coordinator_name": " "}, "coordinator_name"),
        ({"autolock_minutes": 61}, "autolock_minutes"),
        ({"retention_months": 0}, "retention_months"),
        ({"autolock_minutes": True}, "autolock_minutes"),  # a bool is not a number here
        ({"school_name": 12}, "school_name"),
        ({"school_name": "x" * 201}, "school_name"),
    ],
)
def test_validation_names_the_field(values: dict[str, object], field: str) -> None:
    with pytest.raises(SettingsError) as caught:
        validate(values)
    assert list(caught.value.problems) == [field]


def test_messages_follow_the_language() -> None:
    with pytest.raises(SettingsError) as dutch:
        validate({"coordinator_email": "fout"})
    assert "e-mailadres" in dutch.value.problems["coordinator_email"]
    i18n.set_language("en")
    with pytest.raises(SettingsError) as english:
        validate({"coordinator_email": "fout"})
    assert "email address" in english.value.problems["coordinator_email"]


def test_a_contact_without_a_name_is_refused_on_saving_but_an_old_file_loads(
    tmp_path: Path,
) -> None:
    with pytest.raises(SettingsError) as caught:
        validate({"coordinator_email": "zorg@school.nl"})
    assert caught.value.problems["coordinator_name"] == (
        "Vul ook de naam van de zorgcoördinator in."
    )
    assert validate({"coordinator_name": "A. de Wit", "coordinator_email": "zorg@school.nl"})
    assert validate({"school_name": "De Linde"})  # no coordinator at all: fine
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"coordinator_phone": "030-1234567"}), encoding="utf-8")
    result = SettingsStore(path).load()  # written before the rule: kept as it is
    assert result.ok
    assert result.settings.coordinator_phone == "030-1234567"


def test_too_long_is_said_not_cut() -> None:
    from desktop.settings import MAX_TEXT, too_long

    assert too_long("x" * MAX_TEXT) is None
    assert too_long("x" * (MAX_TEXT + 1)) == f"te lang: ten hoogste {MAX_TEXT} tekens."
