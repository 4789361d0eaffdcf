"""Four A6 cards to an A4 sheet, two-sided: the cells, the cut marks, the note on how to print.

The pocket card and the key messages card (gesprekskaart) share this sheet. Its fronts are on
page 1 and its backs on page 2, each back behind its front when the sheet is printed
double-sided and flipped on the long edge (:data:`DUPLEX`); the sheet says so in small type in
the white strip above the middle cut, as the four cards leave it no other margin.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, A6
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from toolkit import card_parts as parts
from toolkit.pdf import BOLD, CONDENSED, MUTED, NAVY, SAFE_MARGIN, Box, crop_marks, esc, fill, style

SHEET = A4
CARD_WIDTH, CARD_HEIGHT = A6
DUPLEX: Literal["long"] = "long"  # printed double-sided, the sheet flips on its long edge
INSET = 7 * mm  # text from the card's cut edge; bands stop SAFE_MARGIN from it


def cells() -> list[Box]:
    """The four A6 cells of the sheet: top-left, top-right, bottom-left, bottom-right."""
    return [
        Box(col * CARD_WIDTH, row * CARD_HEIGHT, CARD_WIDTH, CARD_HEIGHT)
        for row in (1, 0)
        for col in (0, 1)
    ]


def behind(cell: Box) -> Box:
    """Where the back of ``cell`` lies on the sheet's other side (a long-edge flip swaps left
    and right)."""
    return Box(SHEET[0] - cell.x - cell.width, cell.y, cell.width, cell.height)


def cut_marks(canvas: Canvas) -> None:
    """Marks for the two cuts at the sheet's edges, and a cross where they meet."""
    crop_marks(canvas, [CARD_WIDTH], [CARD_HEIGHT], SHEET)
    canvas.saveState()
    canvas.setStrokeColor(colors.HexColor("#9aa0a6"))
    canvas.setLineWidth(0.4)
    size = 3 * mm
    canvas.line(CARD_WIDTH - size, CARD_HEIGHT, CARD_WIDTH + size, CARD_HEIGHT)
    canvas.line(CARD_WIDTH, CARD_HEIGHT - size, CARD_WIDTH, CARD_HEIGHT + size)
    canvas.restoreState()


def duplex_note(canvas: Canvas, text: str, *, font: str = CONDENSED, size: float = 6) -> None:
    """How to print the sheet, in small type in the white strip above the middle cut."""
    canvas.saveState()
    canvas.setFont(font, size)
    canvas.setFillColor(MUTED)
    canvas.drawString(INSET, CARD_HEIGHT + 1.8 * mm, text)
    canvas.restoreState()


def title_band(canvas: Canvas, cell: Box, title: str, height: float, *, document: str) -> Box:
    """A navy band with ``title`` in white across the top of ``cell``; the room below it."""
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
    fill(canvas, inner, [Paragraph(esc(title), heading)], document=document, panel="title")
    return Box(cell.x, cell.y, cell.width, band.y - cell.y)


def largest(
    sizes: tuple[float, ...], box: Box, story_for: Callable[[parts.Scale], list[Flowable]]
) -> list[Flowable] | None:
    """The story at the largest type size in ``sizes`` that fits ``box``, or ``None``."""
    for size in sizes:
        story = story_for(parts.Scale(size, tight=True))
        if parts.story_height(story, box.width) <= box.height - 2:  # 2 pt to spare
            return story
    return None
