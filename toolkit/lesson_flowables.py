"""What the lesson plan and the worksheet share: the paragraph styles, the title, section
headings, bullets, and the lesson's small Markdown as paragraphs.

The lesson's own text is data, escaped or turned from its small Markdown into reportlab's inline
markup by :mod:`lessons.markdown`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from lessons import markdown
from toolkit.pdf import ACCENT, BOLD, MUTED, NAVY, esc, style

KICKER = style("kicker", fontName=BOLD, fontSize=9, textColor=ACCENT, spaceAfter=1.5 * mm)
TITLE = style("title", fontName=BOLD, fontSize=21, leading=25, textColor=NAVY, spaceAfter=4 * mm)
H1 = style(
    "h1", fontName=BOLD, fontSize=13.5, textColor=NAVY, spaceBefore=6 * mm, spaceAfter=2.2 * mm
)
H2 = style("h2", fontName=BOLD, fontSize=10, textColor=NAVY, spaceBefore=2 * mm, spaceAfter=1 * mm)
BODY = style("body", fontSize=9.5, leading=13, spaceAfter=1.6 * mm)
LEAD = style("lead", parent=BODY, fontSize=10.5, leading=14.5)
BULLET = style("bullet", parent=BODY, leftIndent=4.5 * mm, bulletIndent=0.5 * mm, spaceAfter=1 * mm)
SMALL = style("small", fontSize=8, leading=10, textColor=MUTED)
CELL = style("cell", fontSize=9, leading=11.5)
CELL_BULLET = style("cellbullet", parent=CELL, leftIndent=3.5 * mm, bulletIndent=0)
CELL_BOLD = style("cellbold", parent=CELL, fontName=BOLD)
CELL_HEAD = style("cellhead", fontName=BOLD, fontSize=8.5, leading=10.5, textColor=colors.white)
CELL_RIGHT = style("cellright", parent=CELL, alignment=2)


def markdown_paragraphs(text: str, paragraph: Any, bullet: Any) -> list[Flowable]:
    """The lesson's small Markdown as paragraphs and bullets (already escaped by ``blocks``)."""
    story: list[Flowable] = []
    for block in markdown.blocks(text):
        if isinstance(block, markdown.BulletList):
            story += [Paragraph(item, bullet, bulletText="•") for item in block.items]
        else:
            story.append(Paragraph(block.html, paragraph))
    return story


def bullets(items: Iterable[str], bullet: Any = BULLET) -> list[Flowable]:
    return [Paragraph(esc(item), bullet, bulletText="•") for item in items]


def heading_block(kicker: str, title: str) -> list[Flowable]:
    return [Paragraph(esc(kicker.upper()), KICKER), Paragraph(esc(title), TITLE)]


def section(title: str, first: Sequence[Flowable]) -> Flowable:
    """A section heading kept on the page with what follows it."""
    return KeepTogether([Paragraph(esc(title), H1), *first])
