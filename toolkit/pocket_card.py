"""The pocket card: A6, two-sided, four to an A4 sheet with cut marks.

Sheet 1 holds four fronts (a selection of signals by form, and the first rule); sheet 2 four
backs (what to do, the help lines, the school's contact), placed so that they line up with
their fronts when the sheet is printed double-sided and flipped on the long edge.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, A6
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from toolkit import card_parts as parts
from toolkit.pdf import BOLD, NAVY, Box, Tagged, crop_marks, esc, fill, render, style
from toolkit.school_contact import SchoolContact
from toolkit.signal_card import SignalCard

SHEET = A4
CARD_WIDTH, CARD_HEIGHT = A6
NAME = "pocket"
INSET = 6 * mm


def cells() -> list[Box]:
    """The four A6 cells of the sheet: top-left, top-right, bottom-left, bottom-right."""
    return [
        Box(col * CARD_WIDTH, row * CARD_HEIGHT, CARD_WIDTH, CARD_HEIGHT)
        for row in (1, 0)
        for col in (0, 1)
    ]


def build_pocket_card(card: SignalCard, contact: SchoolContact | None = None) -> bytes:
    contact = contact or SchoolContact()

    def draw(canvas: Canvas) -> None:
        for cell in cells():
            _front(canvas, cell, card)
        _cut_marks(canvas)
        canvas.showPage()
        for cell in cells():
            # Long-edge flip: left and right swap on the back of the sheet.
            mirrored = Box(SHEET[0] - cell.x - cell.width, cell.y, cell.width, cell.height)
            _back(canvas, mirrored, card, contact)
        _cut_marks(canvas)
        canvas.showPage()

    return render(
        draw, pagesize=SHEET, title=card.title, subject=card.subtitle, language=card.language
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


def _title_band(canvas: Canvas, cell: Box, title: str, height: float) -> Box:
    canvas.saveState()
    canvas.setFillColor(NAVY)
    canvas.rect(cell.x, cell.y + cell.height - height, cell.width, height, stroke=0, fill=1)
    canvas.restoreState()
    band = Box(cell.x, cell.y + cell.height - height, cell.width, height).inset(INSET, 3.2 * mm)
    heading = style("pt", fontName=BOLD, fontSize=12, leading=14, textColor=colors.white)
    fill(canvas, band, [Paragraph(esc(title), heading)], document=NAME, panel="title")
    return Box(cell.x, cell.y, cell.width, cell.height - height)


def _front(canvas: Canvas, cell: Box, card: SignalCard) -> None:
    rest = _title_band(canvas, cell, card.title, 14 * mm)
    scale = parts.Scale(7.4)
    story = parts.signals_by_form(card, scale, card.pocket_selection(), with_categories=False)
    rule = card.rules[0]
    story.append(
        Tagged(
            rule.id,
            Paragraph(
                esc(rule.text),
                style("r", parent=scale.body, fontName=BOLD, textColor=NAVY, spaceBefore=4),
            ),
        )
    )
    fill(canvas, rest.inset(INSET, 4 * mm), story, document=NAME, panel="front")


def _back(canvas: Canvas, cell: Box, card: SignalCard, contact: SchoolContact) -> None:
    scale = parts.Scale(7.2)
    labels = card.labels
    story = [parts.heading(labels.what_to_do_heading, scale, spaceBefore=0)]
    story += parts.meldcode_steps(card.meldcode_steps, scale, with_text=False)
    story.append(parts.heading(labels.disclosure_heading, scale, fontSize=scale.size * 1.1))
    story += [
        Tagged(f"disclosure-{i}", Paragraph(esc(step), scale.bullet, bulletText="–"))
        for i, step in enumerate(labels.disclosure_steps, start=1)
    ]
    story.append(parts.heading(labels.help_heading, scale))
    story += [parts.help_line(line, scale, compact=True) for line in card.help_lines]
    story += parts.contact_box(contact, labels.school_contact_heading, scale)
    fill(canvas, cell.inset(INSET, 6 * mm), story, document=NAME, panel="back")
