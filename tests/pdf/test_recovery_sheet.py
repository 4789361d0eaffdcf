"""The recovery sheet: one page, the key legible and complete, nothing of it in the metadata."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from pypdf import PdfReader

from desktop.printing import recovery_sheet_file_name, recovery_sheet_pdf
from desktop.settings import Settings
from desktop.vault import recovery
from tests.pdf.fonts import fonts_of
from toolkit.recovery_sheet import (
    GROUP_SIZE,
    GROUPS,
    LABELS,
    RecoverySheet,
    file_name,
    recovery_sheet,
)

KEY = recovery.format_key(bytes(range(30)))
ODD_SCHOOL = "<Jansen & Zn> AT&T Школа"
DAY = dt.date(2026, 11, 30)


def sheet(language: str = "nl", school: str = ODD_SCHOOL, key: str = KEY) -> bytes:
    return recovery_sheet(RecoverySheet(tuple(key.split("-")), school, DAY, language))


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def text_of(data: bytes) -> str:
    return flat(" ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages))


@pytest.fixture(scope="module", params=["nl", "en"])
def language(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="module")
def data(language: str) -> bytes:
    return sheet(language)


def test_the_sheet_is_one_a4_page(data: bytes) -> None:
    pages = PdfReader(io.BytesIO(data)).pages
    assert len(pages) == 1
    box = pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_every_group_of_the_key_can_be_read_back(data: bytes) -> None:
    text = text_of(data)
    groups = KEY.split("-")
    assert len(groups) == GROUPS
    for group in groups:
        assert group in text
    # in order, so that the key typed from the sheet is the key
    positions = [text.index(group) for group in groups]
    assert positions == sorted(positions)
    assert recovery.parse_key(" ".join(re.findall(r"\b[0-9A-Z]{5}\b", text)[-GROUPS:])) == bytes(
        range(30)
    )


def test_the_sheet_says_what_the_key_does_and_where_it_goes(language: str, data: bytes) -> None:
    labels = LABELS[language]
    text = text_of(data)
    for words in (labels.title, labels.warning, *labels.what, *labels.keep, labels.may_use):
        assert flat(words) in text
    assert labels.kept_where in text
    assert labels.signed in text


def test_fonts_are_embedded_and_the_key_is_monospaced(data: bytes) -> None:
    fonts = fonts_of(data)
    assert fonts
    assert all(fonts.values()), fonts
    assert any("DejaVuSansMono-Bold" in name for name in fonts)


def test_metadata_holds_the_title_and_nothing_of_the_key_or_school(
    language: str, data: bytes
) -> None:
    metadata = PdfReader(io.BytesIO(data)).metadata or {}
    assert metadata.get("/Title") == LABELS[language].title
    assert not metadata.get("/Subject")
    assert not metadata.get("/Keywords")
    values = " ".join(str(v) for v in metadata.values())
    assert not any(group in values for group in KEY.split("-"))
    assert "Jansen" not in values
    assert re.sub(r"[^0-9A-Z]", "", KEY) not in data.decode("latin-1")  # not as one string


def test_school_name_and_dutch_date_are_drawn_as_written() -> None:
    text = text_of(sheet("nl"))
    assert ODD_SCHOOL in text
    assert "30 november 2026" in text
    assert "één" in text  # Dutch diacritics drawn and extractable, not boxes
    assert "Herstelsleutel voor de kluis van Schoolsignaal" in text


def test_english_sheet_has_the_english_date() -> None:
    assert "November 30, 2026" in text_of(sheet("en"))


@pytest.mark.parametrize(
    "school",
    ["", "Scholengemeenschap " * 11, "WWWWWWWWWW" * 20],
    ids=["none", "long-words", "200-wide"],
)
def test_any_school_name_the_settings_allow_fits_on_the_page(school: str) -> None:
    data = sheet("nl", school=school[:200])
    assert len(PdfReader(io.BytesIO(data)).pages) == 1


@pytest.mark.parametrize(
    "groups",
    [(), ("ABCDE",) * 9, ("ABCDE",) * 9 + ("ABCD",), ("ABCDE",) * 9 + ("abcde",)],
    ids=["empty", "nine", "short-group", "lower-case"],
)
def test_a_malformed_key_is_refused_without_repeating_it(groups: tuple[str, ...]) -> None:
    with pytest.raises(ValueError, match="10 groups of 5") as caught:
        recovery_sheet(RecoverySheet(groups, "De Brug", DAY))
    assert "ABCD" not in str(caught.value)


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="no labels"):
        sheet("de")


def test_the_sheet_follows_the_vaults_key_format() -> None:
    assert (GROUPS, GROUP_SIZE) == (recovery.GROUPS, recovery.GROUP_SIZE)


def test_the_app_prints_the_key_the_vault_made() -> None:
    key = recovery.format_key(recovery.new_secret())
    settings = Settings(school_name="Het Baken")
    data = recovery_sheet_pdf(settings, key, "nl", today=DAY)
    text = text_of(data)
    assert all(group in text for group in key.split("-"))
    assert "Het Baken" in text
    assert recovery_sheet_file_name("nl") == file_name("nl") == "herstelsleutel-schoolsignaal.pdf"
    assert recovery_sheet_file_name("en").endswith(".pdf")
