"""The pocket card: A6, two-sided, four to an A4 sheet with cut marks.

Sheet 1 holds four fronts (a selection of signals by form, and the first rule); sheet 2 four
backs (what to do, the help lines, the school's contact, name and logo), placed so that they
line up with their fronts when the sheet is printed double-sided and flipped on the long edge
(the sheet says so). Nothing comes closer than 5 mm to a card's edge, so nothing falls in the
strip an office printer leaves blank; the type is the largest that fills each side.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer

from toolkit import card_parts as parts
from toolkit.a6_sheet import (
    DUPLEX,
    INSET,
    SHEET,
    behind,
    cells,
    cut_marks,
    duplex_note,
    largest,
    title_band,
)
from toolkit.pdf import BOLD, NAVY, Box, Tagged, esc, fill, load_logo, render, style
from toolkit.school_contact import SchoolContact
from toolkit.signal_card import SignalCard

__all__ = ["DUPLEX", "build_pocket_card", "cells"]  # DUPLEX and cells: the sheet's, shared

NAME = "pocket"
# Type sizes to try, largest first: the largest that fills the card without overflowing.
FRONT_SIZES = (8.6, 8.3, 8.0, 7.7, 7.4)
BACK_SIZES = (9.6, 9.3, 9.0, 8.7, 8.4, 8.2, 8.0)
LOGO_HEIGHT = 7 * mm  # the school's logo at the foot of the front
LOGO_ROOM = LOGO_HEIGHT + 2 * mm


def build_pocket_card(card: SignalCard, contact: SchoolContact | None = None) -> bytes:
    contact = contact if contact is not None else SchoolContact()
    logo = load_logo(contact.logo)

    def draw(canvas: Canvas) -> None:
        placed = False
        for cell in cells():
            placed = _front(canvas, cell, card, logo)
        cut_marks(canvas)
        duplex_note(canvas, card.labels.duplex_long_edge)
        canvas.showPage()
        back_logo = None if placed else logo  # the logo once: on the front where it fits
        for cell in cells():
            _back(canvas, behind(cell), card, contact, back_logo)  # left and right swap
        cut_marks(canvas)
        canvas.showPage()

    return render(
        draw,
        pagesize=SHEET,
        title=card.title,
        subject=card.subtitle,
        language=card.language,
        duplex=DUPLEX,
    )


def _front(canvas: Canvas, cell: Box, card: SignalCard, logo: ImageReader | None) -> bool:
    """The signals; the school's logo at the foot when the signals still fit at 8 pt or more
    beside it (True when it was drawn)."""
    rest = title_band(canvas, cell, card.title, 12 * mm, document=NAME)
    box = Box(cell.x, cell.y, cell.width, rest.height).inset(INSET, 0)
    box = Box(box.x, cell.y + INSET, box.width, rest.top - 3 * mm - cell.y - INSET)

    def story_for(scale: parts.Scale) -> list[Flowable]:
        story = parts.signals_by_form(card, scale, card.pocket_selection(), with_categories=False)
        rule = card.rules[0]
        bold = style("r", parent=scale.body, fontName=BOLD, textColor=NAVY, spaceBefore=4)
        story.append(Tagged(rule.id, Paragraph(esc(rule.text), bold)))
        return story

    if logo is not None:
        beside = Box(box.x, box.y + LOGO_ROOM, box.width, box.height - LOGO_ROOM)
        story = largest(tuple(s for s in FRONT_SIZES if s >= 8), beside, story_for)
        if story is not None:
            fill(canvas, beside, story, document=NAME, panel="front")
            width, height = logo.getSize()
            scale = min(LOGO_HEIGHT / height, 30 * mm / width)
            canvas.drawImage(logo, box.x + box.width - width * scale, box.y, width * scale,
                             height * scale, mask="auto")  # fmt: skip
            return True
    story = largest(FRONT_SIZES, box, story_for)
    if story is None:
        story = story_for(parts.Scale(FRONT_SIZES[-1], tight=True))  # fill names what is over
    fill(canvas, box, story, document=NAME, panel="front")
    return False


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
            "" if contact.has_person else contact.school,
            logo,
            size=scale.size * 1.1,
            logo_height=9 * mm,
        )
        if mark is not None:
            story += [Spacer(1, scale.size * 0.8), mark]
        return story

    # The logo where there is room; the type never smaller than 8 pt for it.
    story = largest(BACK_SIZES, box, story_for)
    if story is None and logo is not None:
        story = largest(BACK_SIZES, box, lambda scale: story_for(scale, None))
    if story is None:
        story = story_for(parts.Scale(BACK_SIZES[-1], tight=True), None)  # fill names it
    fill(canvas, box, story, document=NAME, panel="back")
