"""desktop.print_shop: the Printen page's catalogue, and several documents in one PDF."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader, PdfWriter

from desktop import print_shop
from desktop.print_shop import BY_KEY, CATALOGUE, Context, combine
from desktop.settings import Settings

LESSON = {"lesson": "loverboymethode", "level": "onderbouw", "paper": "a4"}
CONTEXT = Context(Settings(school_name="Het Baken", coordinator_name="Mevr. A. de Vries"))


def pdf(*widths: int) -> bytes:
    """A PDF with one blank page per width: the width names the page in the tests."""
    writer = PdfWriter()
    for width in widths:
        writer.add_blank_page(width, 500)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def widths(data: bytes) -> list[int]:
    return [round(float(page.mediabox.width)) for page in PdfReader(io.BytesIO(data)).pages]


def test_combine_keeps_the_order_and_repeats_each_document() -> None:
    combined = combine([pdf(101, 102), pdf(201), pdf(301, 302)], copies=2)
    assert widths(combined) == [101, 102, 101, 102, 201, 201, 301, 302, 301, 302]


def test_double_sided_gives_an_odd_document_a_blank_back() -> None:
    combined = combine([pdf(101, 102, 103), pdf(201, 202), pdf(301)], 2, double_sided=True)
    # 3 pages + blank, twice; 2 pages twice; 1 page + blank, twice: each starts on a new sheet
    assert widths(combined) == [101, 102, 103, 103] * 2 + [201, 202] * 2 + [301, 301] * 2
    reader = PdfReader(io.BytesIO(combined))
    assert reader.pages[3].extract_text() == ""  # the added page is blank


def test_one_sided_documents_get_no_blank_page() -> None:
    combined = combine([pdf(101), pdf(201)], 3, double_sided=[False, True])
    assert widths(combined) == [101, 101, 101, 201, 201, 201, 201, 201, 201]


def test_combine_sets_duplex_and_metadata() -> None:
    reader = PdfReader(io.BytesIO(combine([pdf(100)], duplex="short")))
    assert reader.trailer["/Root"]["/ViewerPreferences"]["/Duplex"] == "/DuplexFlipShortEdge"
    assert reader.metadata is not None
    assert reader.metadata.title == "Schoolsignaal"


@pytest.mark.parametrize("copies", [0, 201])
def test_copies_are_one_to_two_hundred(copies: int) -> None:
    with pytest.raises(ValueError, match="copies"):
        combine([pdf(100)], copies)


def test_the_catalogue_agrees_with_the_toolkit() -> None:
    from toolkit import guide_document, key_messages, observation_form, parent_letter
    from toolkit.signal_card_documents import duplex_for

    assert BY_KEY["signal-card-trifold"].duplex == duplex_for("trifold")
    assert BY_KEY["signal-card-pocket"].duplex == duplex_for("pocket")
    assert BY_KEY["poster"].duplex == duplex_for("poster")
    assert BY_KEY["key-messages"].duplex == key_messages.DUPLEX
    assert BY_KEY["key-messages"].languages == key_messages.LANGUAGES
    assert BY_KEY["guide"].languages == guide_document.LANGUAGES
    assert BY_KEY["parent-letter"].languages == parent_letter.PARENT_LANGUAGES
    assert set(print_shop.ALL_LANGUAGES) >= {code for e in CATALOGUE for code in e.languages}
    assert observation_form.file_name("nl") == BY_KEY["observation-form"].file_name("nl")
    assert print_shop.unchecked_languages() == ("uk", "pl", "tr", "ar")


@pytest.mark.parametrize(
    ("key", "language"), [(e.key, code) for e in CATALOGUE for code in e.languages]
)
def test_every_entry_builds_in_each_of_its_languages(key: str, language: str) -> None:
    entry = BY_KEY[key]
    options = {name: LESSON[name] for name in entry.options if name in LESSON}
    assert entry.available(language, options)
    data = entry.build(language, CONTEXT, options)
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 1
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Het Baken" in text  # every document carries the school's name
    name = entry.file_name(language, options)
    assert name.endswith(".pdf")
    assert language in name


def test_plan_says_which_combinations_do_not_exist() -> None:
    plan = print_shop.plan(["guide", "parent-letter", "worksheet"], ["nl", "ar"], LESSON)
    made = [(part.entry.key, part.language) for part in plan.parts]
    # catalogue order first, then the languages in the order given
    assert made == [("parent-letter", "nl"), ("parent-letter", "ar"), ("guide", "nl"),
                    ("worksheet", "nl")]  # fmt: skip
    assert [(entry.key, codes) for entry, codes in plan.missing] == [
        ("guide", ["ar"]),
        ("worksheet", ["ar"]),
    ]
    text = print_shop.missing_text(plan.missing)
    assert "– Handleiding voor docenten (Arabisch)" in text
    assert print_shop.missing_text([]) == ""


def test_a_level_a_lesson_lacks_is_a_combination_that_does_not_exist() -> None:
    options = {"lesson": "wat-is-mensenhandel", "level": "eenvoudig"}
    assert not BY_KEY["lesson-plan"].available("nl", options)
    assert BY_KEY["lesson-plan"].available("nl", {**options, "level": "mbo"})


def test_make_reports_progress_and_stops_when_cancelled() -> None:
    parts = print_shop.plan(["observation-form", "guide"], ["nl", "en"]).parts
    seen: list[tuple[int, int]] = []
    with pytest.raises(print_shop.Cancelled):
        print_shop.make(
            parts,
            CONTEXT,
            cancelled=lambda: len(seen) == 2,
            progress=lambda done, total, _part: seen.append((done, total)),
        )
    assert seen == [(0, 4), (1, 4)]  # two built, then it stopped between documents


def test_a_document_that_cannot_be_made_is_named() -> None:
    long = Settings(school_name="X", coordinator_name="Naam " * 60, coordinator_phone="0" * 80)
    parts = print_shop.plan(["signal-card-pocket"], ["nl"]).parts
    with pytest.raises(
        print_shop.PartFailed, match=r"Signalenkaart: zakkaart \(A6, vier per vel\) \(Nederlands\)"
    ):
        print_shop.make(parts, Context(long))


def test_duplex_edges_per_document() -> None:
    parts = print_shop.plan(["signal-card-trifold", "key-messages", "guide"], ["nl", "en"]).parts
    edges = print_shop.duplex_edges(parts)
    assert {edge: [e.key for e in entries] for edge, entries in edges.items()} == {
        "short": ["signal-card-trifold"],
        "long": ["key-messages", "guide"],  # A4 portrait documents flip on the long edge too
    }
