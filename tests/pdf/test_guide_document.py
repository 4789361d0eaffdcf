"""The teacher guide as a printed A4 document: every heading and list of the Markdown, the
school's head on page 1, "page x of y" and the series' name at every foot, no heading alone at
a page's foot and no empty page."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from lessons.library import read_guide
from lessons.markdown import BulletList
from lessons.markdown import Paragraph as TextBlock
from tests.pdf.fonts import fonts_of
from tests.pdf.pdfium_pages import pages
from toolkit.catalog import DOCUMENTS
from toolkit.guide_document import (
    BODY,
    H2,
    H3,
    LABELS,
    Heading,
    build_guide,
    parts,
    plain,
    story_of,
)
from toolkit.pdf import MARGIN_BOTTOM, SAFE_MARGIN
from toolkit.school_contact import SchoolContact

LANGUAGES = ("nl", "en")
SCHOOL = SchoolContact("OSG De Brug & Co <vmbo>")


def pages_text(data: bytes) -> list[str]:
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(data)).pages]


def headings(language: str) -> list[str]:
    """The guide's headings below its title: ``##`` lines and paragraphs all in bold."""
    found = []
    for item in parts(read_guide(language)):
        heading = isinstance(item, Heading) and item.level > 1
        if heading or (isinstance(item, TextBlock) and re.fullmatch(r"<b>[^<]+</b>", item.html)):
            found.append(plain(item.html))
    return found


@pytest.fixture(scope="module", params=LANGUAGES)
def built(request: pytest.FixtureRequest) -> tuple[str, bytes]:
    return request.param, build_guide(request.param, SCHOOL)


def test_the_markdown_is_read_into_headings_paragraphs_and_lists() -> None:
    for language in LANGUAGES:
        markdown = read_guide(language)
        items = parts(markdown)
        level_two = [i for i in items if isinstance(i, Heading) and i.level == 2]
        assert len(level_two) == len(re.findall(r"^## ", markdown, re.M)) >= 10
        assert isinstance(items[0], Heading)
        assert items[0].level == 1
        assert any(isinstance(i, BulletList) and len(i.items) >= 5 for i in items)
        texts = [i.html for i in items if isinstance(i, TextBlock)]
        assert not [t for t in texts if t.startswith("#")]
        assert any("<b>" in t for t in texts)
        assert any("<i>" in t for t in texts)


def test_every_page_has_its_foot_and_page_x_of_y(built: tuple[str, bytes]) -> None:
    language, data = built
    labels = LABELS[language]
    texts = pages_text(data)
    assert len(texts) >= 3
    for number, text in enumerate(texts, start=1):
        assert labels.footer in text, number
        assert labels.page.format(page=number, pages=len(texts)) in text, number
    metadata = PdfReader(io.BytesIO(data)).metadata
    assert metadata.author == "Schoolsignaal"
    assert metadata.title == plain(parts(read_guide(language))[0].html)  # type: ignore[union-attr]


def test_every_heading_in_order_and_the_school_on_page_one(built: tuple[str, bytes]) -> None:
    language, data = built
    texts = pages_text(data)
    whole = " ".join(texts)
    assert "OSG De Brug & Co <vmbo>" in texts[0]  # escaped, in the head of page 1
    position = 0
    for heading in headings(language):
        found = whole.find(heading, position)
        assert found >= 0, heading
        position = found
    assert "0800-2000" in whole
    fonts = fonts_of(data)
    assert all(fonts.values())
    assert {"DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"} <= {
        name.split("+")[-1].lstrip("/") for name in fonts
    }


def chars_of(page: Any) -> list[tuple[float, float, float]]:
    """(bottom, top, font size) of every printed character."""
    text = page.get_textpage()
    result = []
    for index in range(text.count_chars()):
        if text.get_text_range(index, 1).strip():
            _left, bottom, _right, top = text.get_charbox(index)
            result.append((bottom, top, pdfium.raw.FPDFText_GetFontSize(text.raw, index)))
    return result


def test_no_heading_stands_alone_at_a_page_foot(built: tuple[str, bytes]) -> None:
    """Below every heading on a page there is body text on that page, above its foot."""
    language, data = built
    foot = MARGIN_BOTTOM - 2 * 72 / 25.4
    checked = 0
    for page in pages(data):
        text = page.get_textpage()
        chars = chars_of(page)
        for heading in headings(language):
            search = text.search(heading, match_case=True)
            while (hit := search.get_next()) is not None:
                first, _count = hit
                size = pdfium.raw.FPDFText_GetFontSize(text.raw, first)
                if size < H3.fontSize - 0.2:  # the same words in a paragraph
                    continue
                bottom = text.get_charbox(first)[1]
                below = [c for c in chars if c[1] < bottom - 1 and c[0] > foot]
                assert below, (heading, size)
                checked += 1
    assert checked >= len(headings(language))


def test_no_page_is_empty_and_the_last_is_not(built: tuple[str, bytes]) -> None:
    _language, data = built
    for number, page in enumerate(pages(data), start=1):
        body = [c for c in chars_of(page) if c[2] >= BODY.fontSize - 0.1]
        assert len(body) > 300, number


def test_everything_inside_a_5_mm_margin(built: tuple[str, bytes]) -> None:
    _language, data = built
    for page in pages(data):
        width, height = page.get_size()
        for obj in page.get_objects(max_depth=3):
            left, bottom, right, top = obj.get_bounds()
            assert left >= SAFE_MARGIN
            assert bottom >= SAFE_MARGIN
            assert right <= width - SAFE_MARGIN
            assert top <= height - SAFE_MARGIN


def test_headings_lead_on_to_what_follows() -> None:
    """A heading and the paragraph or short list after it are one unbreakable unit."""
    from reportlab.platypus import KeepTogether

    _title, story = story_of(parts(read_guide("nl")))
    groups = [f for f in story if isinstance(f, KeepTogether)]
    assert groups
    for group in groups:
        content = group._content
        assert content[-1].style not in (H2, H3), "a group must not end in a heading"
    # the reply to a disclosure: heading, intro and all its steps in one unit
    disclosure = [g for g in groups if "Als een leerling iets vertelt" in g._content[0].text]
    assert len(disclosure) == 1
    assert len(disclosure[0]._content) == 2 + 5


@pytest.fixture
def logo(tmp_path: Path) -> Path:
    from PIL import Image

    path = tmp_path / "logo.png"
    Image.new("RGB", (300, 120), (29, 53, 87)).save(path)
    return path


def images(data: bytes) -> list[int]:
    return [
        sum(1 for obj in page.get_objects() if obj.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE)
        for page in pages(data)
    ]


def test_the_logo_heads_page_one_and_a_broken_one_is_skipped(logo: Path, tmp_path: Path) -> None:
    counts = images(build_guide("en", SchoolContact("De Brug", logo=logo)))
    assert counts[0] == 1
    assert sum(counts[1:]) == 0
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG not really")
    data = build_guide("en", SchoolContact("De Brug", logo=broken))
    assert sum(images(data)) == 0
    assert "De Brug" in pages_text(data)[0]


def test_without_a_school_there_is_no_head_and_an_unknown_language_is_refused() -> None:
    first = pages_text(build_guide("nl"))[0]
    assert first.startswith("Lessenreeks Schoolsignaal") or "Lessenreeks" in first[:80]
    with pytest.raises(ValueError, match="no teacher guide"):
        build_guide("de")


def test_the_command_line_and_the_catalogue(tmp_path: Path, logo: Path) -> None:
    from toolkit.__main__ import main

    out = tmp_path / "guide.pdf"
    code = main(["guide", "--lang", "en", "--school", "De Linde", "--logo", str(logo),
                 "-o", str(out)])  # fmt: skip
    assert code == 0
    texts = pages_text(out.read_bytes())
    assert "De Linde" in texts[0]
    assert "Schoolsignaal lesson series" in texts[-1]
    assert images(out.read_bytes())[0] == 1
    spec = next(spec for spec in DOCUMENTS if spec.key == "guide")
    (written,) = spec.write_samples(tmp_path)
    assert written.name == "handleiding-docenten-nl.pdf"
    assert "Lessenreeks Schoolsignaal" in pages_text(written.read_bytes())[0]
