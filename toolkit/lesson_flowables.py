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
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table
from reportlab.platypus.doctemplate import FrameBreak, NullActionFlowable
from reportlab.platypus.flowables import _listWrapOn

from lessons import markdown
from toolkit.pdf import ACCENT_TEXT, BOLD, MUTED, NAVY, esc, style

KICKER = style("kicker", fontName=BOLD, fontSize=9, textColor=ACCENT_TEXT, spaceAfter=1.5 * mm)
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
    """A section heading kept on the page with the start of what follows it."""
    return KeepStart([Label(esc(title), H1), *first])


# ---------------------------------------------------------------- page breaks

HUGE = 0xFFFFFF  # what a group's wrap answers to make the frame ask it to split
START_LINES = 2  # a paragraph that starts at a page's foot shows at least this many lines


class Label(Paragraph):  # type: ignore[misc]
    """A small heading ("Notities voor de docent", "Op de dia"): never the last line of a page.

    :func:`bind_labels` keeps each label with the start of what follows it.
    """


class KeepStart(KeepTogether):  # type: ignore[misc]
    """Flowables that start on the same page: all but the last whole, and of the last at
    least its start (two lines of a paragraph, a table's first rows). With less room left
    the group moves to the next page; past that start the last flowable splits as usual, so a
    long text never leaves a half-empty page behind.

    Unlike reportlab's ``KeepTogether`` it tells its real height to a group it is part of, so
    groups nest (a slide's header kept with its first label, kept with its first lines).
    """

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        width, height = _listWrapOn(self._content, avail_width, self.canv)
        self._H = height
        self._wrapInfo = avail_width, avail_height
        # Inside another group (which measures with an endless page): the real height. In a
        # frame: too high, so the frame asks :meth:`split` what goes on this page.
        return width, height if avail_height >= HUGE else HUGE

    def start_height(self, avail_width: float) -> float:
        """The height of the smallest start of the group that may end a page."""
        *whole, last = self._content
        height = 0.0
        if whole:  # the frame puts the larger of the two spaces between them
            gap = max(whole[-1].getSpaceAfter(), last.getSpaceBefore())
            height = _listWrapOn(whole, avail_width, self.canv)[1] + gap
        return height + _start_of(last, avail_width, self.canv)

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        frame = getattr(self, "_frame", None)
        at_top = frame is None or getattr(frame, "_atTop", False)
        height: float = self._H
        fits = height <= avail_height
        too_little = self.start_height(avail_width) > avail_height
        move = not fits and too_little and not at_top
        return [FrameBreak() if move else NullActionFlowable(), *self._content]


def _start_of(flowable: Flowable, avail_width: float, canv: Any) -> float:
    """How high the start of ``flowable`` is that a page may end after."""
    if isinstance(flowable, KeepStart):
        flowable.canv = canv
        return flowable.start_height(avail_width)
    _width, height = flowable.wrapOn(canv, avail_width, HUGE)
    if isinstance(flowable, Paragraph):
        leading = float(flowable.style.leading)
        return float(min(height, START_LINES * leading + 1))
    if isinstance(flowable, Table):
        rows = (flowable.repeatRows or 0) + 1
        return float(min(height, sum(flowable._rowHeights[:rows])))
    return float(height)


def bind_labels(flowables: Sequence[Flowable]) -> list[Flowable]:
    """Each :class:`Label` kept with the start of what follows it (a label after a label too)."""
    bound: list[Flowable] = []
    for flowable in reversed(flowables):
        if isinstance(flowable, Label) and bound:
            bound[0] = KeepStart([flowable, bound[0]])
        else:
            bound.insert(0, flowable)
    return bound


def trim_end(story: list[Flowable]) -> list[Flowable]:
    """The story without trailing spacers (a spacer that no longer fits would open an empty
    last page), and its last two paragraphs on one page (a last page never holds one line)."""
    end = len(story)
    while end and isinstance(story[end - 1], Spacer):
        end -= 1
    trimmed = story[:end]
    if len(trimmed) >= 2 and all(type(f) is Paragraph for f in trimmed[-2:]):
        trimmed[-2:] = [KeepTogether(trimmed[-2:])]
    return trimmed


class ContinuedTable(Table):  # type: ignore[misc]
    """A box drawn as a table whose first row is its heading: where it splits over two pages,
    the heading repeats, as "Heading (vervolg)" when ``continued`` is set."""

    continued: Flowable | None = None

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(avail_width, avail_height)
        if len(parts) == 2 and self.continued is not None:
            # a new first row: the parts share their row lists with this table
            head = parts[1]._cellvalues[0]
            parts[1]._cellvalues[0] = [self.continued, *head[1:]]
        return parts
