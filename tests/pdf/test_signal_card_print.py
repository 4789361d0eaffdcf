"""The signal card's documents as an office printer prints them: a 5 mm margin, text inside
its panel, double-sided instructions, readable contrast, the school's name and logo."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from tests.pdf.content_quotes import straight_quoted
from tests.pdf.pdfium_pages import chars, pages
from toolkit import card_parts, pocket_card, trifold
from toolkit.card_parts import contrast
from toolkit.pdf import SAFE_MARGIN
from toolkit.school_contact import SchoolContact
from toolkit.signal_card import LANGUAGES, load_signal_card
from toolkit.signal_card_documents import FORMATS, build_signal_card, duplex_for

MM = 72 / 25.4
CONTACT = SchoolContact(
    "Het Baken", "Anna de Vries", "Zorgcoördinator", "030-1234567", "zorg@hetbaken.nl"
)
DOCUMENTS = [(fmt, "a4") for fmt in FORMATS] + [("poster", "a3")]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("fmt", "paper"), DOCUMENTS)
def test_everything_stays_inside_a_5_mm_margin(language: str, fmt: str, paper: str) -> None:
    data = build_signal_card(language, fmt, paper=paper, contact=CONTACT)
    for number, page in enumerate(pages(data), start=1):
        width, height = page.get_size()
        for obj in page.get_objects(max_depth=3):
            left, bottom, right, top = obj.get_bounds()
            assert left >= SAFE_MARGIN - 0.5, (fmt, number, obj.type, left / MM)
            assert bottom >= SAFE_MARGIN - 0.5, (fmt, number, obj.type, bottom / MM)
            assert right <= width - SAFE_MARGIN + 0.5, (fmt, number, obj.type, right / MM)
            assert top <= height - SAFE_MARGIN + 0.5, (fmt, number, obj.type, top / MM)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_line_of_the_trifold_stays_in_its_panel(language: str) -> None:
    data = build_signal_card(language, "trifold", contact=CONTACT)
    for folds, page in zip((trifold.OUTSIDE[1:3], trifold.INSIDE[1:3]), pages(data), strict=True):
        for char, (left, _bottom, right, _top), _size in chars(page):
            for fold in folds:  # 3 mm of paper either side of a fold stays blank
                assert right < fold - 3 * MM or left > fold + 3 * MM, (char, left / MM, fold / MM)


def test_the_flap_is_narrower_and_the_folds_line_up_when_flipped_on_the_short_edge() -> None:
    width = trifold.PAGE[0]
    outside, inside = trifold.OUTSIDE, trifold.INSIDE
    flap, back, front = (outside[i + 1] - outside[i] for i in range(3))
    assert 2 * MM <= back - flap <= 3 * MM
    assert back == pytest.approx(front)
    # Turned over on its short edge, x on one side lies behind width - x on the other.
    assert sorted(width - x for x in outside[1:3]) == pytest.approx(list(inside[1:3]))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_source_line_wraps_inside_the_back_panel(language: str) -> None:
    card = load_signal_card(language)
    page = pages(build_signal_card(language, "trifold"))[0]
    text = page.get_textpage()
    words = card.labels.source_line.split()
    found = 0
    for word in (words[0], words[-1]):  # its first and its last word, after the wrap
        search = text.search(word, match_whole_word=True)
        while (hit := search.get_next()) is not None:
            first, count = hit
            for index in range(first, first + count):
                left, _bottom, right, _top = text.get_charbox(index)
                if left > trifold.OUTSIDE[1]:  # not the same word on the flap
                    assert right < trifold.OUTSIDE[2] - trifold.MARGIN + 1, word
                    found += 1
    assert found


def test_continued_panels_repeat_their_heading() -> None:
    for language, suffix in (("nl", "(vervolg)"), ("en", "(continued)")):
        card = load_signal_card(language)
        reader = PdfReader(io.BytesIO(build_signal_card(language, "trifold")))
        inside = " ".join((reader.pages[1].extract_text() or "").split())
        assert suffix == card.labels.continued
        assert inside.count(suffix) >= 1
        continued = [name for name in card.forms.values() if f"{name} {suffix}" in inside]
        assert continued, inside[:300]


@pytest.mark.parametrize("language", LANGUAGES)
def test_pocket_card_back_is_at_least_8_pt_with_bold_numbers(language: str) -> None:
    data = build_signal_card(language, "pocket", contact=CONTACT)
    back = list(pages(data))[1]
    sizes = [size for _c, _box, size in chars(back)]
    assert min(sizes) >= 8
    reader = PdfReader(io.BytesIO(data))
    fonts: list[str] = []
    reader.pages[1].extract_text(
        visitor_text=lambda text, _cm, _tm, font, _size: (
            fonts.append(str(font["/BaseFont"])) if font and "0800-2000" in text else None
        )
    )
    assert fonts
    assert all("Bold" in name for name in fonts), fonts


@pytest.mark.parametrize(
    ("fmt", "edge", "preference"),
    [
        ("trifold", "short", "/DuplexFlipShortEdge"),
        ("pocket", "long", "/DuplexFlipLongEdge"),
        ("poster", None, None),
    ],
)
def test_double_sided_printing_is_said_on_the_sheet_and_in_the_pdf(
    fmt: str, edge: str | None, preference: str | None
) -> None:
    assert duplex_for(fmt) == edge
    for language in LANGUAGES:
        labels = load_signal_card(language).labels
        reader = PdfReader(io.BytesIO(build_signal_card(language, fmt)))
        prefs = reader.trailer["/Root"].get("/ViewerPreferences")
        assert (prefs.get_object().get("/Duplex") if prefs else None) == preference
        first = " ".join((reader.pages[0].extract_text() or "").split())
        for label, wanted in (
            (labels.duplex_short_edge, edge == "short"),
            (labels.duplex_long_edge, edge == "long"),
        ):
            assert (label in first) == wanted, (fmt, language, label)
    with pytest.raises(ValueError, match="format"):
        duplex_for("folder")


@pytest.mark.parametrize(("name", "ink", "ground"), card_parts.TEXT_ON)
def test_text_contrast_is_at_least_4_5_to_1(name: str, ink: Any, ground: Any) -> None:
    assert contrast(ink, ground) >= 4.5, name


def test_contrast_is_wcag() -> None:
    from reportlab.lib import colors

    assert contrast(colors.black, colors.white) == pytest.approx(21)
    assert contrast(colors.HexColor("#e07a5f"), colors.white) == pytest.approx(2.95, abs=0.01)
    assert contrast(colors.white, colors.HexColor("#6a994e")) == pytest.approx(3.34, abs=0.01)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_content_uses_typographic_quotes(language: str) -> None:
    card = load_signal_card(language).model_dump(by_alias=True)
    straight = straight_quoted(card)
    assert straight == []


def text_of(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


@pytest.mark.parametrize(("fmt", "paper"), DOCUMENTS)
def test_a_school_name_alone_is_shown_without_an_empty_contact_box(fmt: str, paper: str) -> None:
    text = text_of(build_signal_card("nl", fmt, paper=paper, contact=SchoolContact("De Brug")))
    assert "De Brug" in text
    assert "Op onze school" not in text


@pytest.mark.parametrize(("fmt", "paper"), DOCUMENTS)
def test_every_document_shows_the_school_name(fmt: str, paper: str) -> None:
    assert "Het Baken" in text_of(build_signal_card("en", fmt, paper=paper, contact=CONTACT))


def images(data: bytes) -> int:
    return sum(
        1
        for page in pages(data)
        for obj in page.get_objects()
        if obj.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE
    )


@pytest.fixture
def logo(tmp_path: Path) -> Path:
    from PIL import Image

    path = tmp_path / "logo.png"
    Image.new("RGB", (300, 120), (29, 53, 87)).save(path)
    return path


@pytest.mark.parametrize(("fmt", "paper"), DOCUMENTS)
def test_the_logo_is_printed_and_a_broken_one_skipped(
    fmt: str, paper: str, logo: Path, tmp_path: Path
) -> None:
    with_logo = SchoolContact("Het Baken", "Anna de Vries", logo=logo)
    assert images(build_signal_card("nl", fmt, paper=paper, contact=with_logo)) >= 1
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG not really")
    for bad in (broken, tmp_path / "missing.png"):
        contact = SchoolContact("Het Baken", "Anna de Vries", logo=bad)
        data = build_signal_card("nl", fmt, paper=paper, contact=contact)
        assert images(data) == 0
        assert "Het Baken" in text_of(data)


def test_the_poster_holds_every_pupil_line_with_qr_codes_for_web_only_lines() -> None:
    card = load_signal_card("nl")
    assert "helpwanted" in [line.id for line in card.poster_lines()]
    web = [line.web_address for line in card.poster_lines() if line.web_address]
    assert web == ["https://fier.nl/chat", "https://helpwanted.nl"]
    text = text_of(build_signal_card("nl", "poster", contact=CONTACT))
    assert "helpwanted.nl" in text


def test_the_pocket_card_uses_its_space() -> None:
    story_sizes = pocket_card.BACK_SIZES
    assert min(story_sizes) >= 8


def test_the_pocket_card_carries_the_logo_beside_a_full_contact(logo: Path) -> None:
    full = SchoolContact(
        "Het Baken", "A. Jansen", "zorgcoördinator", "010-1234567", "zorg@hetbaken.nl", logo
    )
    assert images(build_signal_card("nl", "pocket", contact=full)) >= 1
