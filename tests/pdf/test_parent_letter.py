"""The parent letter: one A4 page in six languages, Arabic right to left with joined letters."""

from __future__ import annotations

import datetime
import io
import re
import unicodedata
from pathlib import Path

import pytest
import yaml
from PIL import Image
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from tests.pdf.fonts import fonts_of
from toolkit.__main__ import main
from toolkit.parent_letter import PARENT_LANGUAGES, build_parent_letter, file_name, write_samples
from toolkit.parent_letter_rtl import levels, ltr, shaped, visual_runs
from toolkit.parent_letter_text import CONTENT, load_letter_text
from toolkit.pdf import BODY_WIDTH, BOLD, REGULAR, register_fonts
from toolkit.school_contact import SchoolContact

SCHOOL = SchoolContact(
    school="OSG De Brug & Co <vmbo>",
    name="Mevr. J. de Vries-van den Berg",
    role="zorgcoördinator",
    phone="010 123 45 67",
    email="j.devriesvandenberg@osgdebrug-ergens.nl",
)
ADDRESS = "Schoolstraat 12\n1234 AB Ergens"
DAY = datetime.date(2026, 1, 12)
# The national lines a parent may use (domain.md, section 3), and nothing else.
LINES = {"Veilig Thuis": "0800-2000", "Helpwanted": "helpwanted.nl", "Kindertelefoon": "0800-0432"}


def pages_of(data: bytes) -> list[str]:
    """Each page's text; Arabic presentation forms back to plain letters (NFKC)."""
    return [
        re.sub(r"\s+", " ", unicodedata.normalize("NFKC", page.extract_text() or ""))
        for page in PdfReader(io.BytesIO(data)).pages
    ]


def letter(language: str, school: SchoolContact | None = SCHOOL, **kwargs: object) -> bytes:
    return build_parent_letter(language, school, address=ADDRESS, date=DAY, **kwargs)  # type: ignore[arg-type]


def _png(path: Path) -> Path:
    """A small red PNG logo, wide like most school logos."""
    Image.new("RGB", (400, 120), (200, 30, 30)).save(path)
    return path


@pytest.mark.parametrize("language", PARENT_LANGUAGES)
def test_one_page_with_the_school_the_lines_and_embedded_fonts(
    language: str, tmp_path: Path
) -> None:
    school = SchoolContact(**{**SCHOOL.__dict__, "logo": _png(tmp_path / "logo.png")})
    data = letter(language, school, when="in de weken van 12 tot en met 23 januari")
    pages = pages_of(data)
    assert len(pages) == 1, f"{language}: {len(pages)} pages"
    (page,) = pages
    assert "OSG De Brug & Co <vmbo>" in page  # escaped, on the letterhead and signed
    assert "Schoolstraat 12" in page
    assert "1234 AB Ergens" in page
    for number in (*LINES.values(), "112", SCHOOL.phone, SCHOOL.email):
        assert number in page, number
    assert "j.devries" in page
    assert all(fonts_of(data).values())
    reader = PdfReader(io.BytesIO(data))
    assert reader.metadata is not None
    assert reader.metadata.author == "Schoolsignaal"
    assert reader.metadata.title == load_letter_text(language).title
    assert str(reader.trailer["/Root"]["/Lang"]).startswith(language)


@pytest.mark.parametrize("language", PARENT_LANGUAGES)
def test_the_text_is_all_there(language: str) -> None:
    text = load_letter_text(language)
    (page,) = pages_of(letter(language))
    squashed = page.replace(" ", "")
    for words in (text.heading, text.topics_heading, text.why_heading, text.help_heading,
                  text.advice_heading, text.regards, *text.topics[-1:], text.help[1]):  # fmt: skip
        assert unicodedata.normalize("NFKC", words).replace(" ", "") in squashed, words
    assert text.when_default in page  # no --when: "in de komende periode"


@pytest.mark.parametrize("language", PARENT_LANGUAGES)
def test_an_unchecked_translation_says_so_in_dutch_at_the_foot(language: str) -> None:
    text = load_letter_text(language)
    (page,) = pages_of(letter(language))
    assert text.needs_native_check == (language not in ("nl", "en"))
    if text.needs_native_check:
        assert "moedertaalspreker" in text.review
        assert text.review in page
        register_fonts()  # one line, inside the page's margins
        assert stringWidth(text.review, BOLD, 7.5) < BODY_WIDTH + 20 * mm
    else:
        assert "moedertaalspreker" not in page


def test_when_and_date_are_the_schools() -> None:
    (page,) = pages_of(letter("nl", when="in de weken van 12 tot en met 23 januari"))
    assert "Uw kind krijgt in de weken van 12 tot en met 23 januari op school" in page
    assert "in de komende periode" not in page
    assert "12 januari 2026" in page
    (english,) = pages_of(letter("en"))
    assert "12 January 2026" in english
    assert "at school in the coming weeks" in english


def test_signed_by_the_coordinator_or_the_school_management() -> None:
    (page,) = pages_of(letter("nl"))
    assert "Met vriendelijke groet, Mevr. J. de Vries-van den Berg zorgcoördinator" in page
    assert "Op school: Mevr. J. de Vries-van den Berg, zorgcoördinator, 010 123 45 67" in page
    (bare,) = pages_of(letter("nl", None))
    assert "Met vriendelijke groet, de schoolleiding" in bare
    assert "Op school: bij de mentor van uw kind of bij de zorgcoördinator." in bare


def test_the_languages_hold_the_same_parts_and_the_same_numbers() -> None:
    texts = {language: load_letter_text(language) for language in PARENT_LANGUAGES}
    nl = texts["nl"]
    for language, text in texts.items():
        assert len(text.topics) == len(nl.topics), language
        assert len(text.help) == len(nl.help), language
        assert [line.contact for line in text.lines] == [line.contact for line in nl.lines]
        assert {line.name: line.contact for line in text.lines if line.contact != "112"} == LINES
    keys = {
        language: set(yaml.safe_load((CONTENT / f"parent_letter.{language}.yaml").read_text()))
        for language in PARENT_LANGUAGES
    }
    assert keys["nl"] == keys["en"]
    for language in ("uk", "pl", "tr", "ar"):
        assert keys[language] == keys["nl"] | {"review"}, language


@pytest.mark.parametrize("language", PARENT_LANGUAGES)
def test_no_straight_quotes_in_the_content(language: str) -> None:
    def strings(value: object) -> list[str]:
        if isinstance(value, str):
            return [value]
        if isinstance(value, dict):
            return [s for v in value.values() for s in strings(v)]
        if isinstance(value, list):
            return [s for v in value for s in strings(v)]
        return []

    data = yaml.safe_load((CONTENT / f"parent_letter.{language}.yaml").read_text())
    assert not [s for s in strings(data) if "'" in s or '"' in s]


def test_arabic_reads_right_to_left_with_joined_letters() -> None:
    text = load_letter_text("ar")
    data = letter("ar")
    raw = PdfReader(io.BytesIO(data)).pages[0].extract_text() or ""
    joined = [c for c in raw if "INITIAL FORM" in unicodedata.name(c, "")]
    assert len(joined) > 100  # shaped: letters take their joining forms
    (page,) = pages_of(data)
    assert text.heading in page  # the words in their order (pypdf reads back logical order)
    assert text.why_heading in page


def test_numbers_and_addresses_stay_left_to_right_in_arabic() -> None:
    register_fonts()
    sentence = "اتصلوا بـ Veilig Thuis على 0800-2000 أو زوروا helpwanted.nl الآن"
    runs = visual_runs(levels(ltr(sentence)))
    latin = [text for level, text in runs if level % 2 == 0]
    # drawn left to right: the last Latin piece of the sentence comes first
    assert latin == ["helpwanted.nl", "0800-2000", "Veilig Thuis"]
    assert runs[-1] == (1, "اتصلوا بـ ")  # the sentence starts at the right
    # without keeping them together, the algorithm would show "2000-0800"
    bare = [text for level, text in visual_runs(levels("على 0800-2000")) if level % 2 == 0]
    assert bare == ["2000", "0800"]
    phone = [t for lv, t in visual_runs(levels(ltr("الهاتف: 010 123 45 67"))) if lv % 2 == 0]
    assert phone == ["010 123 45 67"]


def test_an_arabic_word_is_shaped_into_joined_forms() -> None:
    register_fonts()
    drawn, width = shaped((1, "مرحبا"), REGULAR, 10)
    names = [unicodedata.name(c) for c in drawn]
    assert names[-1] == "ARABIC LETTER MEEM INITIAL FORM"  # the first letter, at the right
    assert not [n for n in names[1:-1] if "ISOLATED" in n]
    assert width > 0


def test_the_command_line_writes_the_arabic_letter(tmp_path: Path) -> None:
    target = tmp_path / file_name("ar")
    code = main(["parent-letter", "--lang", "ar", "--when", "من 12 إلى 23 يناير",
                 "--address", "Schoolstraat 1\\n1234 AB Ergens", "--school", "OSG De Brug",
                 "--school-contact", "J. de Vries; zorgcoördinator; 010 123 45 67; zorg@brug.nl",
                 "-o", str(target)])  # fmt: skip
    assert code == 0
    (page,) = pages_of(target.read_bytes())
    assert "OSG De Brug" in page
    assert "1234 AB Ergens" in page
    assert "zorg@brug.nl" in page
    assert target.name == "ouderbrief-ar.pdf"


def test_the_sample_for_the_smoke_test(tmp_path: Path) -> None:
    path, arabic = write_samples(tmp_path)
    assert arabic.name == "ouderbrief-ar.pdf"
    assert path.name == "ouderbrief-nl.pdf"
    assert "Lessen over uitbuiting op school" in pages_of(path.read_bytes())[0]


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="onbekende taal"):
        build_parent_letter("de")
