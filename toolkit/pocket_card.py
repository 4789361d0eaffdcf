"""The pocket card: A6, two-sided, four to an A4 sheet with cut marks.

Sheet 1 holds four fronts (a selection of signals by form, and the first rule); sheet 2 four
backs (what to do, the help lines, the school's contact, name and logo), placed so that they
line up with their fronts when the sheet is printed double-sided and flipped on the long edge
(the sheet says so). Nothing comes closer than 5 mm to a card's edge, so nothing falls in the
strip an office printer leaves blank; the type is the largest that fills each side.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, A6
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer

from toolkit import card_parts as parts
from toolkit.pdf import (
    BOLD,
    CONDENSED,
    MUTED,
    NAVY,
    SAFE_MARGIN,
    Box,
    Tagged,
    crop_marks,
    esc,
    fill,
    load_logo,
    render,
    style,
)
from toolkit.school_contact import SchoolContact
from toolkit.signal_card import SignalCard

SHEET = A4
CARD_WIDTH, CARD_HEIGHT = A6
NAME = "pocket"
DUPLEX: Literal["long"] = "long"  # printed double-sided, the sheet flips on its long edge
INSET = 7 * mm  # text from the card's cut edge; bands stop SAFE_MARGIN from it
# Type sizes to try, largest first: the largest that fills the card without overflowing.
FRONT_SIZES = (8.6, 8.3, 8.0, 7.7, 7.4)
BACK_SIZES = (9.6, 9.3, 9.0, 8.7, 8.4, 8.2, 8.0)


def cells() -> list[Box]:
    """The four A6 cells of the sheet: top-left, top-right, bottom-left, bottom-right."""
    return [
        Box(col * CARD_WIDTH, row * CARD_HEIGHT, CARD_WIDTH, CARD_HEIGHT)
        for row in (1, 0)
        for col in (0, 1)
    ]


def build_pocket_card(card: SignalCard, contact: SchoolContact | None = None) -> bytes:
    contact = contact if contact is not None else SchoolContact()  # a name alone counts
    logo = load_logo(contact.logo)

    def draw(canvas: Canvas) -> None:
        for cell in cells():
            _front(canvas, cell, card)
        _cut_marks(canvas)
        _duplex_note(canvas, card.labels.duplex_long_edge)
        canvas.showPage()
        for cell in cells():
            # Long-edge flip: left and right swap on the back of the sheet.
            mirrored = Box(SHEET[0] - cell.x - cell.width, cell.y, cell.width, cell.height)
            _back(canvas, mirrored, card, contact, logo)
        _cut_marks(canvas)
        canvas.showPage()

    return render(
        draw,
        pagesize=SHEET,
        title=card.title,
        subject=card.subtitle,
        language=card.language,
        duplex=DUPLEX,
    )


def _cut_marks(canvas: Canvas) -> None:
    crop_marks(canvas, [CARD_WIDTH], [CARD_HEIGHT], SHEET)
    canvas.saveState()
    canvas.setStrokeColor(colors.HexColor("#9aa0a6"))
    canvas.setLineWidth(0.4)
    size = 3 * mm
    canvas.line(CARD_WIDTH - size, CARD_HEIGHT, CARD_WIDTH + size, CARD_HEIGHT)
    canvas.line(CARD_WIDTH, CARD_HEIGHT - size, CARD_WIDTH, CARD_HEIGHT + size)
    canvas.restoreState()


def _duplex_note(canvas: Canvas, text: str) -> None:
    """How to print it, in small type in the white strip above the middle cut (the sheet has
    no other margin: its four cards fill it)."""
    canvas.saveState()
    canvas.setFont(CONDENSED, 6)
    canvas.setFillColor(MUTED)
    canvas.drawString(INSET, CARD_HEIGHT + 1.8 * mm, text)
    canvas.restoreState()


def _title_band(canvas: Canvas, cell: Box, title: str, height: float) -> Box:
    band = Box(
        cell.x + SAFE_MARGIN,
        cell.top - SAFE_MARGIN - height,
        cell.width - 2 * SAFE_MARGIN,
        height,
    )
    canvas.saveState()
    canvas.setFillColor(NAVY)
    canvas.roundRect(band.x, band.y, band.width, band.height, 1.5 * mm, stroke=0, fill=1)
    canvas.restoreState()
    inner = band.inset(INSET - SAFE_MARGIN, 2.6 * mm)
    heading = style("pt", fontName=BOLD, fontSize=12, leading=14, textColor=colors.white)
    fill(canvas, inner, [Paragraph(esc(title), heading)], document=NAME, panel="title")
    return Box(cell.x, cell.y, cell.width, band.y - cell.y)


def _largest(
    sizes: tuple[float, ...], box: Box, story_for: Callable[[parts.Scale], list[Flowable]]
) -> list[Flowable] | None:
    """The story at the largest type size in ``sizes`` that fits ``box``, or ``None``."""
    for size in sizes:
        story = story_for(parts.Scale(size, tight=True))
        if parts.story_height(story, box.width) <= box.height - 2:  # 2 pt to spare
            return story
    return None


def _front(canvas: Canvas, cell: Box, card: SignalCard) -> None:
    rest = _title_band(canvas, cell, card.title, 12 * mm)
    box = Box(cell.x, cell.y, cell.width, rest.height).inset(INSET, 0)
    box = Box(box.x, cell.y + INSET, box.width, rest.top - 3 * mm - cell.y - INSET)

    def story_for(scale: parts.Scale) -> list[Flowable]:
        story = parts.signals_by_form(card, scale, card.pocket_selection(), with_categories=False)
        rule = card.rules[0]
        bold = style("r", parent=scale.body, fontName=BOLD, textColor=NAVY, spaceBefore=4)
        story.append(Tagged(rule.id, Paragraph(esc(rule.text), bold)))
        return story

    story = _largest(FRONT_SIZES, box, story_for)
    if story is None:
        story = story_for(parts.Scale(FRONT_SIZES[-1], tight=True))  # fill names what is over
    fill(canvas, box, story, document=NAME, panel="front")


def _back(
    canvas: Canvas,
    cell: Box,
    card: SignalCard,
    contact: SchoolContact,
    logo: ImageReader | None,
) -> None:
    labels = card.labels
    box = cell.inset(INSET)

    def story_for(scale: parts.Scale, logo: ImageReader | None = logo) -> list[Flowable]:
        story = [parts.heading(labels.what_to_do_heading, scale, spaceBefore=0)]
        story += parts.meldcode_steps(card.meldcode_steps, scale, with_text=False)
        story.append(parts.heading(labels.disclosure_heading, scale, fontSize=scale.size * 1.15))
        story += [
            Tagged(f"disclosure-{i}", Paragraph(esc(step), scale.bullet, bulletText="–"))
            for i, step in enumerate(labels.disclosure_steps, start=1)
        ]
        story.append(parts.heading(labels.help_heading, scale, fontSize=scale.size * 1.15))
        story += [parts.help_line(line, scale, compact=True) for line in card.help_lines]
        story += parts.contact_box(contact, labels.school_contact_heading, scale, compact=True)
        # The school's name stands in its contact box; alone when there is no box.
        mark = parts.school_mark(
            "" if contact else contact.school,
            logo,
            size=scale.size * 1.1,
            logo_height=9 * mm,
        )
        if mark is not None:
            story += [Spacer(1, scale.size * 0.8), mark]
        return story

    # The logo where there is room; the type never smaller than 8 pt for it.
    story = _largest(BACK_SIZES, box, story_for)
    if story is None and logo is not None:
        story = _largest(BACK_SIZES, box, lambda scale: story_for(scale, None))
    if story is None:
        story = story_for(parts.Scale(BACK_SIZES[-1], tight=True), None)  # fill names it
    fill(canvas, box, story, document=NAME, panel="back")
