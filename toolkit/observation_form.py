"""The observation form (observatieformulier): meldcode step 1 on paper.

A teacher who sees or hears something writes it down here and hands the form to the
zorgcoördinator (care coordinator): the date, what was seen or heard, the pupil's own words,
the teacher's interpretation apart from the facts, who saw it, and the signals as tick boxes
(from the signal card). It has a case code and no name field: a name on paper in a pigeonhole
is how a pupil's story gets out.

The words are data (``toolkit/content/observation_form.<language>.yaml``); the signals are the
signal card's.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)

from lessons.datafile import ContentModel, load_model
from toolkit.page_head import PageFrame, framed_flow, note_box
from toolkit.pdf import (
    ACCENT_TEXT,
    BODY_WIDTH,
    BOLD,
    INK,
    MUTED,
    NAVY,
    TINT,
    esc,
    register_fonts,
    style,
    table_style,
)
from toolkit.school_contact import SchoolContact
from toolkit.signal_card import CATEGORIES, load_signal_card
from toolkit.worksheet import WritingLines

CONTENT = Path(__file__).resolve().parent / "content"
Text = Annotated[str, Field(min_length=1, max_length=400)]
BOX = "☐"
LINE = colors.HexColor("#b9c0ca")

TITLE = style("of-title", fontName=BOLD, fontSize=20, leading=24, textColor=NAVY)
SUBTITLE = style("of-sub", fontSize=10, leading=13, textColor=MUTED, spaceAfter=3 * mm)
NOTICE = style("of-notice", fontSize=9, leading=12, textColor=INK)
LABEL = style("of-label", fontName=BOLD, fontSize=8.5, leading=11, textColor=NAVY)
HEADING = style("of-head", fontName=BOLD, fontSize=11.5, leading=14, textColor=NAVY)
HINT = style("of-hint", fontSize=8.5, leading=11, textColor=MUTED, spaceAfter=1 * mm)
CATEGORY = style("of-cat", fontName=BOLD, fontSize=8.5, leading=11, textColor=NAVY)
TICK = style("of-tick", fontSize=8.5, leading=10.5, leftIndent=4 * mm, firstLineIndent=-4 * mm)


class Section(ContentModel):
    id: Annotated[str, Field(pattern=r"^[a-z_]+$")]
    heading: Text
    hint: Text
    lines: Annotated[int, Field(ge=1, le=12)]


class Fields(ContentModel):
    case_code: Text
    date: Text
    time: Text
    place: Text
    observer: Text


class Handover(ContentModel):
    heading: Text
    date: Text
    by: Text
    received: Text


class FormText(ContentModel):
    language: str
    title: Text
    subtitle: Text
    confidential: Text
    no_name: Text
    fields: Fields
    sections: Annotated[list[Section], Field(min_length=1)]
    signals_heading: Text
    signals_hint: Text
    other_signal: Text
    handover: Handover
    page: Text
    duplex: Text  # two pages on one sheet: how to print it double-sided


@functools.cache
def load_form_text(language: str) -> FormText:
    return load_model(CONTENT / f"observation_form.{language}.yaml", FormText)


def build_observation_form(language: str, school: SchoolContact | None = None) -> bytes:
    """The form in ``language`` (nl or en), with the school's name in its head where set."""
    register_fonts()
    text = load_form_text(language)
    story: list[Flowable] = [
        Paragraph(esc(text.title), TITLE),
        Paragraph(esc(text.subtitle), SUBTITLE),
        note_box(Paragraph(esc(text.no_name), NOTICE)),
        Spacer(1, 4 * mm),
        _field_table(text),
        Spacer(1, 3 * mm),
    ]
    for section in text.sections:
        story.append(
            KeepTogether(
                [
                    Paragraph(esc(section.heading), HEADING),
                    Paragraph(esc(section.hint), HINT),
                    WritingLines(section.lines, spacing=7.5 * mm, indent=0),
                    Spacer(1, 3 * mm),
                ]
            )
        )
    story += _signals(text, language)
    story += [Spacer(1, 6 * mm), _handover(text)]

    frame = PageFrame(
        school,
        running_head=f"{text.title} · {text.fields.case_code}: ________",  # a loose page: whose
        foot=f"{text.confidential.upper()} · {text.title} · {text.duplex}",
        page_label=text.page,
        foot_font=BOLD,
        foot_colour=ACCENT_TEXT,
    )
    return framed_flow(story, frame, title=text.title, subject=text.subtitle, language=language)


def _box(label: str) -> list[Any]:
    """A labelled field: the label small above an empty box to write in."""
    return [Paragraph(esc(label), LABEL), Spacer(1, 8 * mm)]


def _field_table(text: FormText) -> Flowable:
    f = text.fields
    rows = [
        [_box(f.case_code), _box(f.date), _box(f.time)],
        [_box(f.place), _box(f.observer), ""],
    ]
    widths = [BODY_WIDTH * 0.36, BODY_WIDTH * 0.34, BODY_WIDTH * 0.30]
    table = Table(rows, colWidths=widths)
    table.setStyle(
        table_style(
            [
                ("SPAN", (1, 1), (2, 1)),
                ("GRID", (0, 0), (-1, -1), 0.6, LINE),
                ("BACKGROUND", (0, 0), (0, 0), TINT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5 * mm),
                ("LEFTPADDING", (0, 0), (-1, -1), 2 * mm),
            ]
        )
    )
    return table


def _signals(text: FormText, language: str) -> list[Flowable]:
    """The signal card's signals by category, two columns of boxes to tick."""
    card = load_signal_card(language)
    cells: list[list[Flowable]] = []
    for category in CATEGORIES:
        signals = [s for s in card.signals if s.category == category]
        if not signals:
            continue
        block: list[Flowable] = [Paragraph(esc(card.categories[category]), CATEGORY)]
        block += [Paragraph(f"{BOX} {esc(s.text)}", TICK) for s in signals]
        cells.append(block)
    cells.append(
        [
            Paragraph(f"{BOX} {esc(text.other_signal)}", TICK),
            WritingLines(2, spacing=6 * mm, indent=0),
        ]
    )
    half = (len(cells) + 1) // 2
    left, right = cells[:half], cells[half:]
    column = BODY_WIDTH / 2 - 2 * mm

    def stack(blocks: list[list[Flowable]]) -> list[Flowable]:
        return [item for block in blocks for item in [*block, Spacer(1, 2 * mm)]]

    table = Table([[stack(left), stack(right)]], colWidths=[column + 4 * mm, column])
    table.setStyle(table_style([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return [
        PageBreak(),  # the signals and the hand-over on a page of their own
        Paragraph(esc(text.signals_heading), HEADING),
        Paragraph(esc(text.signals_hint), HINT),
        table,
    ]


def _handover(text: FormText) -> Flowable:
    h = text.handover
    rows = [
        [Paragraph(esc(h.heading), HEADING), "", ""],
        [_box(h.date), _box(h.by), _box(h.received)],
    ]
    table = Table(rows, colWidths=[BODY_WIDTH * 0.3, BODY_WIDTH * 0.4, BODY_WIDTH * 0.3])
    table.setStyle(
        table_style(
            [
                ("SPAN", (0, 0), (-1, 0)),
                ("GRID", (0, 1), (-1, -1), 0.6, LINE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 1), (-1, -1), 1.5 * mm),
                ("LEFTPADDING", (0, 1), (-1, -1), 2 * mm),
            ]
        )
    )
    return KeepTogether([table])


def file_name(language: str) -> str:
    return f"observatieformulier-{language}.pdf"


def write_samples(folder: Path) -> list[Path]:
    """The Dutch form into ``folder``, for the smoke test."""
    from toolkit.pdf import save

    return [save(build_observation_form("nl"), folder / file_name("nl"))]
