"""The contacts sheet (sociale kaart): the school's coordinator, its own contacts and the
national lines on one A4, two if it must, dated and asking to be checked every school year."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from tests.pdf.content_quotes import straight_quoted
from tests.pdf.fonts import fonts_of
from tests.pdf.pdfium_pages import open_pdf
from toolkit.contacts_sheet import (
    KINDS,
    Contact,
    build_contacts_sheet,
    example_sheet,
    kind_label,
    load_sheet_text,
    parse_contact,
    write_samples,
)
from toolkit.pdf import SAFE_MARGIN
from toolkit.school_contact import SchoolContact
from toolkit.signal_card import LANGUAGES, load_signal_card

DAY = dt.date(2026, 9, 1)
SCHOOL = SchoolContact(
    "Het Baken & Co <vmbo>", "A. Voorbeeld", "zorgcoördinator", "030-000 00 01", "zorg@baken.nl"
)


def contacts(language: str, count: int = 4) -> list[Contact]:
    return [
        Contact(
            kind_label(KINDS[index % len(KINDS)], language),
            f"Organisatie {index} Voorbeeldregio",
            f"Team {index}",
            f"030-000 00 {index:02d}",
            f"team{index}@voorbeeldregio.example",
            "bereikbaar ma–vr, vraag naar team jeugd",
        )
        for index in range(count)
    ]


def pages_text(data: bytes) -> list[str]:
    return [
        re.sub(r"\s+", " ", page.extract_text() or "") for page in PdfReader(io.BytesIO(data)).pages
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_one_page_with_the_coordinator_the_contacts_and_the_national_lines(language: str) -> None:
    text = load_sheet_text(language)
    data = build_contacts_sheet(language, SCHOOL, contacts(language), date=DAY)
    (page,) = pages_text(data)
    for wanted in (text.title, text.school_heading, text.contacts_heading, text.national_heading):
        assert wanted in page
    assert "Het Baken & Co <vmbo>" in page  # the school's name heads it, escaped
    assert "A. Voorbeeld" in page
    assert "030-000 00 01" in page
    for number in range(4):
        assert f"Organisatie {number} Voorbeeldregio" in page
        assert f"team{number}@voorbeeldregio.example" in page
    for line in load_signal_card(language).help_lines:
        assert line.name in page, line.id
        assert line.contact in page, line.id
    assert kind_label("wijkagent", language) in page
    assert all(fonts_of(data).values())


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("nl", ["Afgedrukt op 1 september 2026.", "Controleer dit blad elk schooljaar."]),
        ("en", ["Printed on 1 September 2026.", "Check this sheet every school year."]),
    ],
)
def test_it_says_when_it_was_printed_and_to_check_it(language: str, words: list[str]) -> None:
    data = build_contacts_sheet(language, SCHOOL, contacts(language, 16), date=DAY)
    pages = pages_text(data)
    assert len(pages) == 2
    for page in pages:  # on every page's foot: a page that comes loose still says it
        for word in words:
            assert word in page
        assert load_sheet_text(language).title in page


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_most_contacts_as_long_as_allowed_fit_on_two_pages(language: str) -> None:
    from desktop import contacts as rules

    def words(length: int) -> str:
        return ("Voorbeeldregio Midden-Oost " * 9)[:length]

    longest = Contact(
        kind_label("regional_coordinator", language),
        words(rules.MAX_ORGANISATION),
        words(rules.MAX_NAME),
        "+31 (0)30 000 00 00",
        "zorgcoordinatie.mensenhandel@voorbeeldregio.example",
        words(rules.MAX_NOTE),
    )
    data = build_contacts_sheet(language, SCHOOL, [longest] * rules.MAX_CONTACTS, date=DAY)
    pages = pages_text(data)
    assert len(pages) == 2
    assert all(len(page) > 400 for page in pages)  # no page (nearly) empty
    assert load_signal_card(language).help_lines[-1].name in pages[-1]


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_contacts_it_leaves_rows_to_write_them_in(language: str) -> None:
    text = load_sheet_text(language)
    (page,) = pages_text(build_contacts_sheet(language, None, [], date=DAY))
    assert text.contacts_missing.split(".")[0] in page
    assert text.school_missing.split(".")[0] in page
    for kind in ("regional_coordinator", "veilig_thuis", "wijkagent", "leerplicht"):
        assert text.kinds[kind] in page
    assert load_signal_card(language).help_lines[0].contact in page


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_example_is_marked_and_made_up(language: str) -> None:
    text = load_sheet_text(language)
    first = pages_text(example_sheet(language, date=DAY))[0]
    assert text.example.banner in first
    assert ("Voorbeeld" if language == "nl" else "Example") in first
    for line in text.example.contacts:
        contact = parse_contact(line, language)
        assert contact.organisation in first
        # Dutch subscriber numbers never start with 0: these reach nobody
        assert not contact.phone or re.fullmatch(r"0\d\d-000 00 \d\d", contact.phone)
        assert not contact.email or contact.email.endswith(".example")


def test_everything_stays_inside_a_5_mm_margin(tmp_path: Path) -> None:
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (400, 100), "navy").save(logo)
    school = SchoolContact(**{**SCHOOL.__dict__, "logo": logo})
    data = build_contacts_sheet("nl", school, contacts("nl", 12), date=DAY)
    document = open_pdf(data)
    assert len(document) == 2
    for number in range(len(document)):
        page = document[number]
        width, height = page.get_size()
        for obj in page.get_objects(max_depth=3):
            left, bottom, right, top = obj.get_bounds()
            assert left >= SAFE_MARGIN, (number, obj.type)
            assert bottom >= SAFE_MARGIN, (number, obj.type)
            assert right <= width - SAFE_MARGIN, (number, obj.type)
            assert top <= height - SAFE_MARGIN, (number, obj.type)
    images = [
        o for o in document[0].get_objects(max_depth=3) if o.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE
    ]
    assert len(images) == 1  # the logo heads the first page


def test_a_contact_from_the_command_line() -> None:
    contact = parse_contact(" leerplicht ; Gemeente Voorbeeldstad ;; 14 030 ", "en")
    assert contact == Contact("School attendance officer", "Gemeente Voorbeeldstad", "", "14 030")
    with pytest.raises(ValueError, match="onbekende soort ‘politie’"):
        parse_contact("politie; Politie", "nl")
    with pytest.raises(ValueError, match="noemt geen organisatie"):
        parse_contact("wijkagent; ", "nl")
    with pytest.raises(ValueError, match="ten hoogste 6"):
        parse_contact("other; a; b; c; d; e; f", "nl")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_content_uses_typographic_quotes(language: str) -> None:
    content = load_sheet_text(language).model_dump(by_alias=True)
    assert straight_quoted(content) == []


def test_the_languages_hold_the_same_kinds_and_example() -> None:
    nl, en = (load_sheet_text(language) for language in LANGUAGES)
    assert list(nl.kinds) == list(en.kinds) == list(KINDS)
    assert [line.split(";")[0] for line in nl.example.contacts] == [
        line.split(";")[0] for line in en.example.contacts
    ]


def test_the_smoke_test_sample_is_dutch(tmp_path: Path) -> None:
    (path,) = write_samples(tmp_path)
    assert path.name == "contactenblad-nl.pdf"
    reader = PdfReader(path)
    assert reader.metadata is not None
    assert reader.metadata.title == "Sociale kaart"
    assert reader.metadata.author == "Schoolsignaal"
    assert "Voorbeeld" in (reader.pages[0].extract_text() or "")
