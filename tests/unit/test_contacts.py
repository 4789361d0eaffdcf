"""The school's contacts for its contacts sheet in the settings: rules, file, salvage, the sheet."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from desktop import i18n
from desktop.contacts import (
    KIND_LABELS,
    KINDS,
    MAX_CONTACTS,
    ContactEntry,
    email_problem,
    entry_problems,
    good_entries,
    kind_label,
    phone_problem,
)
from desktop.printing import contacts_sheet_pdf
from desktop.settings import Settings, SettingsError, SettingsStore, validate
from tests.conftest import run_python
from toolkit import contacts_sheet

COORDINATOR = ContactEntry(
    kind="regional_coordinator",
    organisation="Zorgcoördinatie Mensenhandel Voorbeeldregio & Co <test>",
    name="M. Voorbeeld",
    phone="030-000 00 02",
    email="mensenhandel@voorbeeldregio.example",
    note="bereikbaar ma–vr",
)
WIJKAGENT = ContactEntry(kind="wijkagent", organisation="Politie Voorbeeldstad", phone="0900-8844")


def entry(**changes: Any) -> dict[str, Any]:
    return {**COORDINATOR.to_json(), **changes}


def test_the_kinds_are_the_sheets_in_order() -> None:
    assert KINDS == contacts_sheet.KINDS == tuple(KIND_LABELS)
    assert KINDS == ("regional_coordinator", "veilig_thuis", "wijkagent", "leerplicht", "other")
    assert kind_label("wijkagent") == "Wijkagent"
    assert kind_label("leerplicht") == "Leerplichtambtenaar"
    assert kind_label("sinterklaas") == "sinterklaas"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_app_and_the_sheet_name_each_kind_alike(language: str) -> None:
    i18n.set_language(language)
    for kind in KINDS:
        assert kind_label(kind) == contacts_sheet.kind_label(kind, language), kind


def test_a_good_entry_has_no_problems() -> None:
    assert entry_problems(COORDINATOR.to_json()) == {}
    assert entry_problems({"kind": "other", "organisation": "Jeugdteam", "email": "j@t.nl"}) == {}
    assert (
        entry_problems({"kind": "leerplicht", "organisation": "Gemeente", "phone": "14 030"}) == {}
    )
    assert entry_problems(entry(phone="+31 (0)30 000 00 02", email="")) == {}
    longest = entry(organisation="x" * 80, name="y" * 60, note="z" * 60, email="e" * 75 + "@x.nl")
    assert entry_problems(longest) == {}


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"kind": "bureau_jeugdzorg"}, "kind", "kies een soort contact"),
        ({"kind": 3}, "kind", "verkeerd soort waarde"),
        ({"organisation": "  "}, "organisation", "vul de naam van de organisatie in"),
        ({"organisation": "x" * 81}, "organisation", "ten hoogste 80 tekens"),
        ({"name": ["M. Jansen"]}, "name", "verkeerd soort waarde"),
        ({"note": "x" * 61}, "note", "ten hoogste 60 tekens"),
        ({"name": "x" * 61}, "name", "ten hoogste 60 tekens"),
        ({"phone": "", "email": ""}, "phone", "vul een telefoonnummer of een e-mailadres in"),
        ({"phone": "030-12345a6"}, "phone", "‘a’ hoort niet in een telefoonnummer"),
        ({"phone": "030.1234567"}, "phone", "‘.’ hoort niet in een telefoonnummer"),
        ({"phone": "030+1234567"}, "phone", "een + mag alleen vooraan staan"),
        ({"phone": "1234"}, "phone", "te weinig cijfers (4)"),
        ({"phone": "030-1234567 / 06-12345678"}, "phone", "‘/’ hoort niet"),
        ({"phone": "030 1234567 0612345678"}, "phone", "te veel cijfers (20)"),
        ({"phone": "0" * 31}, "phone", "ten hoogste 30 tekens"),
        ({"email": "zorg at regio.nl"}, "email", "er staat een spatie in"),
        ({"email": "zorg.regio.nl"}, "email", "er staat geen @ in"),
        ({"email": "zorg@@regio.nl"}, "email", "meer @-tekens"),
        ({"email": "@regio.nl"}, "email", "voor de @ ontbreekt de naam"),
        ({"email": "zorg@regio"}, "email", "na de @ ontbreekt een domein"),
        ({"email": "zorg@.nl"}, "email", "na de @ ontbreekt een domein"),
    ],
)
def test_each_rule_names_its_field(changes: dict[str, Any], field: str, words: str) -> None:
    problems = entry_problems(entry(**changes))
    assert list(problems) == [field]
    assert words in problems[field]


def test_a_bad_email_does_not_also_ask_for_a_phone() -> None:
    problems = entry_problems(entry(phone="", email="x" * 81))
    assert list(problems) == ["email"]


def test_format_checks_say_what_is_right_too() -> None:
    assert phone_problem("030-123 45 67") == ""
    assert "030-123 45 67" in phone_problem("bel 030")
    assert email_problem("a.b@c.nl") == ""
    assert "naam@organisatie.nl" in email_problem("abc")


def test_messages_follow_the_language() -> None:
    i18n.set_language("en")
    problems = entry_problems(entry(kind="x", phone="12", email="a b"))
    assert "kind of contact" in problems["kind"]
    assert "too few digits" in problems["phone"]
    assert "space" in problems["email"]
    assert kind_label("wijkagent") == "Community police officer"


def test_validate_takes_entries_and_json_objects() -> None:
    from_entries = validate({"contacts": (COORDINATOR, WIJKAGENT)})
    from_json = validate({"contacts": [COORDINATOR.to_json(), WIJKAGENT.to_json()]})
    assert from_entries.contacts == from_json.contacts == (COORDINATOR, WIJKAGENT)
    assert Settings().contacts == ()


@pytest.mark.parametrize(
    ("contacts", "words"),
    [
        ("Veilig Thuis", "verkeerd soort waarde (verwacht: lijst)"),
        ([WIJKAGENT] * (MAX_CONTACTS + 1), "te veel contacten: ten hoogste 12"),
        ([WIJKAGENT, entry(email="zorg")], "contact 2: E-mail: er staat geen @ in"),
        ([WIJKAGENT, "Politie"], "contact 2: dit is geen contact"),
    ],
)
def test_a_bad_list_is_refused_with_a_message(contacts: object, words: str) -> None:
    with pytest.raises(SettingsError) as caught:
        validate({"contacts": contacts})
    assert list(caught.value.problems) == ["contacts"]
    assert words in caught.value.problems["contacts"]
    assert "Contactenblad (sociale kaart)" in str(caught.value)


def test_round_trip_keeps_the_contacts(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    settings = Settings(school_name="De Linde", contacts=(COORDINATOR, WIJKAGENT))
    store.save(settings)
    stored = json.loads(store.path.read_text(encoding="utf-8"))
    assert stored["contacts"][1] == {
        "kind": "wijkagent",
        "organisation": "Politie Voorbeeldstad",
        "name": "",
        "phone": "0900-8844",
        "email": "",
        "note": "",
    }
    result = store.load()
    assert result.ok
    assert result.settings == settings


def test_an_old_settings_file_without_contacts_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    old = {"version": 1, "school_name": "De Linde", "coordinator_name": "A. Jansen"}
    path.write_text(json.dumps({**old, "recipients": []}), encoding="utf-8")
    result = SettingsStore(path).load()
    assert result.ok
    assert result.settings.contacts == ()
    assert result.settings.school_name == "De Linde"


def test_a_broken_contact_is_left_out_and_reported_the_rest_kept(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    contacts = [
        COORDINATOR.to_json(),
        {"kind": "wijkagent", "organisation": "Politie", "phone": "bel maar"},
        WIJKAGENT.to_json(),
        {"kind": "sinterklaas", "organisation": "Pakjesboot", "phone": "0800-0000"},
        "Politie",
    ]
    path.write_text(json.dumps({"school_name": "De Linde", "contacts": contacts}), "utf-8")
    result = SettingsStore(path).load()
    assert result.settings.school_name == "De Linde"
    assert result.settings.contacts == (COORDINATOR, WIJKAGENT)
    assert list(result.problems) == ["contacts"]
    assert "contact 2: Telefoon:" in result.problems["contacts"]
    assert "contact 4: Soort:" in result.problems["contacts"]
    assert result.kept_aside is not None
    assert result.kept_aside.exists()


def test_good_entries_keeps_at_most_the_limit() -> None:
    assert good_entries("nonsense") == ()
    assert len(good_entries([WIJKAGENT.to_json()] * (MAX_CONTACTS + 5))) == MAX_CONTACTS


def text_of(data: bytes) -> str:
    pages = PdfReader(io.BytesIO(data)).pages
    return " ".join(" ".join((page.extract_text() or "").split()) for page in pages)


@pytest.mark.parametrize(
    ("language", "label"),
    [("nl", "Zorgcoördinator mensenhandel"), ("en", "Regional care coordinator for trafficking")],
)
def test_the_apps_sheet_names_kinds_in_the_sheets_language(language: str, label: str) -> None:
    settings = Settings(
        school_name="De Linde",
        coordinator_name="A. Jansen",
        coordinator_phone="030-0000001",
        contacts=(COORDINATOR,),
    )
    text = text_of(contacts_sheet_pdf(settings, language, today=dt.date(2026, 9, 1)))
    assert label in text  # in the sheet's language, whatever the app's
    assert "A. Jansen" in text
    assert "Zorgcoördinatie Mensenhandel Voorbeeldregio & Co <test>" in text
    assert ("1 september 2026" if language == "nl" else "1 September 2026") in text


def test_reading_the_settings_does_not_load_the_pdf_library() -> None:
    result = run_python("import sys, desktop.settings; print('reportlab' in sys.modules)")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
