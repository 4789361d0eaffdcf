from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from tests.pdf.fonts import fonts_of
from toolkit.pdf import PanelOverflow
from toolkit.school_contact import SchoolContact
from toolkit.signal_card import LANGUAGES, Signal, load_signal_card
from toolkit.signal_card_documents import FORMATS, build_signal_card

MM = 72 / 25.4
CONTACT = SchoolContact(
    "Het Baken & Co <vmbo>", "Anna de Vries", "Zorgcoördinator", "030-1234567", "zorg@hetbaken.nl"
)

EXPECTED_PAGES = {  # (pages, width mm, height mm)
    ("trifold", "a4"): (2, 297, 210),
    ("pocket", "a4"): (2, 210, 297),
    ("poster", "a4"): (1, 210, 297),
    ("poster", "a3"): (1, 297, 420),
}


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def pdf_text(data: bytes) -> str:
    return flat(" ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("fmt", "paper"), list(EXPECTED_PAGES))
def test_page_count_and_size(language: str, fmt: str, paper: str) -> None:
    reader = PdfReader(io.BytesIO(build_signal_card(language, fmt, paper=paper)))
    pages, width, height = EXPECTED_PAGES[(fmt, paper)]
    assert len(reader.pages) == pages
    for page in reader.pages:
        assert float(page.mediabox.width) == pytest.approx(width * MM, abs=1)
        assert float(page.mediabox.height) == pytest.approx(height * MM, abs=1)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_font_is_embedded(language: str, fmt: str) -> None:
    fonts = fonts_of(build_signal_card(language, fmt, contact=CONTACT))
    assert fonts
    assert all(fonts.values()), fonts
    assert all("DejaVu" in name for name in fonts)


@pytest.mark.parametrize("language", LANGUAGES)
def test_folded_card_holds_every_signal_and_help_line(language: str) -> None:
    card = load_signal_card(language)
    text = pdf_text(build_signal_card(language, "trifold", contact=CONTACT))
    missing = [s.id for s in card.signals if flat(s.text) not in text]
    assert missing == []
    for line in card.help_lines:
        assert line.contact in text
    for rule in card.rules:
        assert flat(rule.text) in text
    assert "Het Baken & Co <vmbo>" in text  # escaped for reportlab, shown as typed
    assert "Zorgcoördinator" in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_pocket_card_holds_its_selection_four_times(language: str) -> None:
    card = load_signal_card(language)
    text = pdf_text(build_signal_card(language, "pocket", contact=CONTACT))
    for signal in card.pocket_selection():
        assert text.count(flat(signal.text)) == 4, signal.id
    assert text.count("0800-2000") == 4


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("paper", ["a4", "a3"])
def test_poster_for_pupils(language: str, paper: str) -> None:
    card = load_signal_card(language)
    text = pdf_text(build_signal_card(language, "poster", paper=paper, contact=CONTACT))
    assert flat(card.labels.poster_title) in text
    for line in card.poster_lines():
        assert line.pupil_text is not None
        assert flat(line.pupil_text) in text
    assert "CoMensha" not in text  # lines for professionals stay off the pupils' poster
    assert "Anna de Vries" in text


def test_without_school_contact_no_empty_box() -> None:
    text = pdf_text(build_signal_card("nl", "trifold"))
    assert "Op onze school" not in text


def test_too_much_content_fails_with_the_signal_id() -> None:
    card = load_signal_card("nl")
    extra = [
        Signal(
            id=f"extra-{i}", forms=["any"], category="online", text="Een signaal " + "lang " * 12
        )
        for i in range(40)
    ]
    crowded = card.model_copy(update={"signals": [*card.signals, *extra]})
    with pytest.raises(PanelOverflow) as caught:
        build_signal_card("nl", "trifold", card=crowded)
    assert caught.value.item.startswith("extra-")
    assert caught.value.item in str(caught.value)


def test_unknown_format_and_paper() -> None:
    with pytest.raises(ValueError, match="format"):
        build_signal_card("nl", "folder")
    with pytest.raises(ValueError, match="paper"):
        build_signal_card("nl", "poster", paper="a5")


def test_documents_are_reproducible() -> None:
    assert build_signal_card("en", "pocket") == build_signal_card("en", "pocket")
