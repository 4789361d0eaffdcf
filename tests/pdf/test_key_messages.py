"""The key messages card (gesprekskaart): four A6 cards to a sheet, fronts and backs that line
up when printed double-sided and flipped on the long edge, at least 8 pt, inside 5 mm."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from tests.pdf.content_quotes import strings
from tests.pdf.fonts import fonts_of
from tests.pdf.pdfium_pages import chars, pages
from toolkit import a6_sheet, key_messages
from toolkit.a6_sheet import CARD_HEIGHT, CARD_WIDTH, behind, cells
from toolkit.card_parts import Scale, contrast
from toolkit.catalog import DOCUMENTS
from toolkit.key_messages import (
    SIZES,
    build_key_messages,
    help_lines,
    load_key_messages,
    meldcode_lines,
)
from toolkit.pdf import ACCENT_TEXT, INK, MUTED, NAVY, SAFE_MARGIN, TINT, WARM_TINT, PanelOverflow
from toolkit.school_contact import SchoolContact

LANGUAGES = ("nl", "en")
MM = 72 / 25.4
CONTACT = SchoolContact(
    "Het Baken & Co", "Anna de Vries", "Zorgcoördinator", "030-1234567", "zorg@hetbaken.nl"
)


def pages_text(data: bytes) -> list[str]:
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(data)).pages]


@pytest.fixture
def logo(tmp_path: Path) -> Path:
    from PIL import Image

    path = tmp_path / "logo.png"
    Image.new("RGB", (300, 120), (29, 53, 87)).save(path)
    return path


@pytest.mark.parametrize("language", LANGUAGES)
def test_four_fronts_then_four_backs_with_every_message(language: str) -> None:
    text = load_key_messages(language)
    data = build_key_messages(language, CONTACT)
    front, back = pages_text(data)
    assert front.count(text.front.heading) == 4
    for line in [*text.front.say, *text.front.avoid, *(s.title for s in text.front.steps)]:
        assert front.count(line) == 4, line
    assert back.count(text.back.heading) == 4
    for step in [*text.back.next_steps, *text.back.meldcode]:
        assert back.count(step.title) == 4, step.title
    assert back.count("0800-2000") == 4
    assert back.count("112") >= 4
    assert back.count("Het Baken & Co") == 4  # escaped, in the contact box
    assert back.count("Anna de Vries") == 4
    assert all(fonts_of(data).values())
    assert PdfReader(io.BytesIO(data)).metadata.author == "Schoolsignaal"


def test_the_sentences_to_say_are_the_ones_a_teacher_needs() -> None:
    say = load_key_messages("nl").front.say
    for sentence in (
        "“Goed dat je het mij vertelt.”",
        "“Het is niet jouw schuld.”",
        "“Wat gebeurde er toen?”",
        "“Ik kan dit niet geheimhouden, maar ik vertel je wat ik ga doen en wie ik erbij haal.”",
    ):
        assert sentence in say
    avoid = " ".join(load_key_messages("nl").front.avoid).lower()
    for word in ("waarom", "geheimhouding", "uitbuiter", "onderzoek"):
        assert word in avoid


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("school", ["contact", "none", "logo"])
def test_at_least_8_pt_inside_5_mm_and_clear_of_the_cuts(
    language: str, school: str, logo: Path
) -> None:
    contact = {
        "contact": CONTACT,
        "none": None,
        "logo": SchoolContact("De Brug", "Anna de Vries", phone="030-1234567", logo=logo),
    }[school]
    data = build_key_messages(language, contact)
    for number, page in enumerate(pages(data), start=1):
        width, height = page.get_size()
        for obj in page.get_objects(max_depth=3):
            left, bottom, right, top = obj.get_bounds()
            assert left >= SAFE_MARGIN - 0.5, (number, obj.type)
            assert bottom >= SAFE_MARGIN - 0.5, (number, obj.type)
            assert right <= width - SAFE_MARGIN + 0.5, (number, obj.type)
            assert top <= height - SAFE_MARGIN + 0.5, (number, obj.type)
        found = 0
        for char, (left, bottom, right, top), size in chars(page):
            found += 1
            assert size >= 8 - 0.01, (number, char, size)
            # Clear of both cuts: a card never loses a letter to the knife (the note on how
            # to print sits lowest, its descenders 1.2 mm above the middle cut).
            assert right < CARD_WIDTH - 1 * MM or left > CARD_WIDTH + 1 * MM, (char, left)
            assert top < CARD_HEIGHT - 1 * MM or bottom > CARD_HEIGHT + 1 * MM, (char, top)
        assert found > 1000, number  # four full cards


def test_backs_lie_behind_their_fronts_on_a_long_edge_flip() -> None:
    fronts = cells()
    backs = [behind(cell) for cell in fronts]
    assert sorted(backs, key=lambda b: (b.x, b.y)) == sorted(fronts, key=lambda b: (b.x, b.y))
    for front, back in zip(fronts, backs, strict=True):
        assert back.y == front.y  # the same row: the sheet turns over its long (left) edge
        assert back.x == pytest.approx(a6_sheet.SHEET[0] - front.x - front.width)


@pytest.mark.parametrize("language", LANGUAGES)
def test_double_sided_printing_is_said_on_the_sheet_and_in_the_pdf(language: str) -> None:
    assert key_messages.DUPLEX == "long"
    data = build_key_messages(language)
    reader = PdfReader(io.BytesIO(data))
    prefs = reader.trailer["/Root"]["/ViewerPreferences"].get_object()
    assert prefs["/Duplex"] == "/DuplexFlipLongEdge"
    note = load_key_messages(language).duplex_note
    front, back = pages_text(data)
    assert note in front
    assert note not in back
    assert re.search(r"lange kant|long edge", note)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_meldcode_step_is_one_line_at_the_largest_size(language: str) -> None:
    back = load_key_messages(language).back
    width = CARD_WIDTH - 2 * a6_sheet.INSET
    for item in meldcode_lines(back, Scale(max(SIZES), tight=True)):
        item.wrap(width, 1000)
        assert len(item.inner.blPara.lines) == 1, item.item


def test_a_school_without_a_contact_gets_lines_to_write_it_on() -> None:
    text = load_key_messages("nl")
    back = pages_text(build_key_messages("nl", SchoolContact("De Brug")))[1]
    assert back.count("Op onze school: De Brug") == 4
    for label in text.back.contact_blanks:
        assert back.count(f"{label}:") == 4
    assert "Zorgcoördinator:" not in pages_text(build_key_messages("nl", CONTACT))[1]


def images(data: bytes) -> int:
    return sum(
        1
        for page in pages(data)
        for obj in page.get_objects()
        if obj.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE
    )


def test_the_logo_is_printed_on_every_back_and_a_broken_one_skipped(
    logo: Path, tmp_path: Path
) -> None:
    assert images(build_key_messages("nl", SchoolContact("De Brug", logo=logo))) == 4
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG not really")
    data = build_key_messages("nl", SchoolContact("De Brug", logo=broken))
    assert images(data) == 0
    assert "De Brug" in pages_text(data)[1]


def test_a_contact_too_long_for_the_card_is_named() -> None:
    contact = SchoolContact("De Brug", "Anna " * 400, phone="030-1234567")
    with pytest.raises(PanelOverflow) as caught:
        build_key_messages("nl", contact)
    assert caught.value.item == "school-contact"


def test_the_help_lines_are_the_signal_cards_and_an_unknown_one_is_refused() -> None:
    from lessons.datafile import ContentError
    from toolkit.signal_card import load_signal_card

    for language in LANGUAGES:
        text = load_key_messages(language)
        card = {line.id: line for line in load_signal_card(language).help_lines}
        assert [line for line, _note in help_lines(text)] == [
            card[ref.id] for ref in text.back.help_lines
        ]
        assert {ref.id for ref in text.back.help_lines} == {"veilig-thuis", "politie"}
    text = load_key_messages("nl")
    refs = [text.back.help_lines[0].model_copy(update={"id": "nergens"})]
    wrong = text.model_copy(update={"back": text.back.model_copy(update={"help_lines": refs})})
    with pytest.raises(ContentError, match="onbekende hulplijn 'nergens'"):
        help_lines(wrong)


def test_the_languages_hold_the_same_messages() -> None:
    nl, en = (load_key_messages(language) for language in LANGUAGES)
    for part in ("steps", "say", "avoid"):
        assert len(getattr(nl.front, part)) == len(getattr(en.front, part)), part
    for part in ("next_steps", "meldcode", "contact_blanks"):
        assert len(getattr(nl.back, part)) == len(getattr(en.back, part)), part
    assert [r.id for r in nl.back.help_lines] == [r.id for r in en.back.help_lines]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_content_uses_typographic_quotes(language: str) -> None:
    texts = list(strings(load_key_messages(language).model_dump()))
    assert len(texts) > 30
    assert [text for text in texts if "'" in text or '"' in text] == []
    assert any("“" in text and "”" in text for text in texts)


@pytest.mark.parametrize(
    ("ink", "ground"),
    [(INK, WARM_TINT), (ACCENT_TEXT, WARM_TINT), (MUTED, TINT), (NAVY, TINT), (ACCENT_TEXT, None)],
)
def test_text_contrast_is_at_least_4_5_to_1(ink: Any, ground: Any) -> None:
    from reportlab.lib import colors

    assert contrast(ink, ground or colors.white) >= 4.5


def test_the_command_line_and_the_catalogue(tmp_path: Path) -> None:
    from toolkit.__main__ import main

    out = tmp_path / "kaart.pdf"
    code = main(
        ["key-messages", "--lang", "en", "--school", "De Linde", "--school-contact",
         "A. Jansen; mentor; 030-1234567; a@b.nl", "-o", str(out)]
    )  # fmt: skip
    assert code == 0
    front, back = pages_text(out.read_bytes())
    assert "If a pupil tells you something" in front
    assert "At our school: De Linde" in back
    assert "A. Jansen" in back
    spec = next(spec for spec in DOCUMENTS if spec.key == "key-messages")
    (written,) = spec.write_samples(tmp_path)
    assert written.name == "gesprekskaart-nl.pdf"
    assert "Als een leerling iets vertelt" in pages_text(written.read_bytes())[0]
