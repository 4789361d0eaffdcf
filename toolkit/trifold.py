"""The folded signal card: A4 landscape, two-sided, three panels a side (a letter fold).

Outside, left to right: the flap that folds in (what to do), the back (help lines and the
school's contact) and the front (title, the rules, the school's name and logo). Inside: the
signals by form, flowing over the three panels. Print double-sided, flipping on the short edge
(the sheet says so in its margin). The flap is 2.5 mm narrower than the other panels so that
it tucks in flat; the folds on the inside lie behind those on the outside.
"""

from __future__ import annotations

from typing import Literal

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Spacer

from toolkit import card_parts as parts
from toolkit.pdf import (
    ACCENT,
    BOLD,
    CONDENSED,
    MUTED,
    NAVY,
    SAFE_MARGIN,
    Box,
    PanelOverflow,
    Tagged,
    crop_marks,
    esc,
    fill,
    fill_partly,
    item_of,
    load_logo,
    render,
    style,
)
from toolkit.school_contact import SchoolContact
from toolkit.signal_card import SignalCard

PAGE = landscape(A4)
# The inner panel (the flap that tucks in) is narrower, so that it folds flat inside the cover.
TUCK = 2.5 * mm
FULL = (PAGE[0] + TUCK) / 3  # the back and the front (99.8 mm)
FLAP = FULL - TUCK  # 97.3 mm
MARGIN = 9 * mm
MARGIN_Y = 10 * mm
NAME = "trifold"
DUPLEX: Literal["short"] = "short"  # printed double-sided, the sheet flips on its short edge

# Outside, left to right: flap, back, front. Inside, the sheet turned over on its short edge:
# what lies behind the front is on the left, behind the flap on the right.
OUTSIDE = (0.0, FLAP, FLAP + FULL, PAGE[0])
INSIDE = (0.0, FULL, 2 * FULL, PAGE[0])


def panel(index: int, edges: tuple[float, ...] = INSIDE) -> Box:
    """Where panel ``index`` (0 to 2, left to right) holds text, on a side with fold ``edges``."""
    left, right = edges[index], edges[index + 1]
    return Box(left, 0, right - left, PAGE[1]).inset(MARGIN, MARGIN_Y)


def build_trifold(card: SignalCard, contact: SchoolContact | None = None) -> bytes:
    """The folded card as PDF bytes; :class:`PanelOverflow` names what does not fit."""
    contact = contact if contact is not None else SchoolContact()

    def draw(canvas: Canvas) -> None:
        _outside(canvas, card, contact, parts.Scale(8.8))
        canvas.showPage()
        _inside(canvas, card, parts.Scale(9.0))
        canvas.showPage()

    return render(
        draw,
        pagesize=PAGE,
        title=card.title,
        subject=card.subtitle,
        language=card.language,
        duplex=DUPLEX,
    )


def _fold_marks(canvas: Canvas, edges: tuple[float, ...]) -> None:
    crop_marks(canvas, edges[1:3], [], PAGE)


def _outside(canvas: Canvas, card: SignalCard, contact: SchoolContact, scale: parts.Scale) -> None:
    _fold_marks(canvas, OUTSIDE)
    labels = card.labels
    # Flap (folds in): what to do when a pupil tells you something, and the meldcode.
    flap = [parts.heading(labels.what_to_do_heading, scale, spaceBefore=0)]
    flap.append(parts.heading(labels.disclosure_heading, scale, fontSize=scale.size * 1.1))
    flap += [
        Tagged(f"disclosure-{i}", Paragraph(esc(step), scale.bullet, bulletText="–"))
        for i, step in enumerate(labels.disclosure_steps, start=1)
    ]
    flap.append(parts.heading(labels.meldcode_heading, scale, fontSize=scale.size * 1.1))
    flap += parts.meldcode_steps(card.meldcode_steps, scale)
    fill(canvas, panel(0, OUTSIDE), flap, document=NAME, panel="flap")
    _small_print(canvas, panel(0, OUTSIDE), labels.duplex_short_edge, y=SAFE_MARGIN + 1 * mm)

    # Back: help lines and the school's own contact.
    back = [parts.heading(labels.help_heading, scale, spaceBefore=0)]
    back += [parts.help_line(line, scale) for line in card.help_lines]
    back += parts.contact_box(contact, labels.school_contact_heading, scale)
    back_box = panel(1, OUTSIDE)
    source = _small_print(canvas, back_box, labels.source_line, y=back_box.y)
    back_box = Box(back_box.x, source, back_box.width, back_box.top - source)
    fill(canvas, back_box, back, document=NAME, panel="back")

    # Front: a navy block with the title, then the rules that go with every signal. The block
    # stops short of the sheet's edges and of the fold, where printers and folds are not exact.
    front = Box(OUTSIDE[2], 0, OUTSIDE[3] - OUTSIDE[2], PAGE[1])
    band_height = 78 * mm
    band = Box(
        front.x + SAFE_MARGIN,
        PAGE[1] - SAFE_MARGIN - band_height,
        front.width - 2 * SAFE_MARGIN,
        band_height,
    )
    canvas.saveState()
    canvas.setFillColor(NAVY)
    canvas.rect(band.x, band.y, band.width, band.height, stroke=0, fill=1)
    canvas.setFillColor(ACCENT)
    canvas.rect(band.x, band.y - 2.2 * mm, band.width, 2.2 * mm, stroke=0, fill=1)
    canvas.restoreState()
    white = colors.white
    title_box = band.inset(MARGIN - SAFE_MARGIN, 7 * mm)
    fill(
        canvas,
        title_box,
        [
            Paragraph(
                esc(card.title), style("t", fontName=BOLD, fontSize=21, leading=25, textColor=white)
            ),
            Spacer(1, 3 * mm),
            Paragraph(esc(card.subtitle), style("s", fontSize=10.5, leading=13.5, textColor=white)),
            Spacer(1, 4 * mm),
            Paragraph(
                esc(card.labels.front_tagline),
                style("g", fontSize=8.5, leading=11, textColor=parts.TAGLINE),
            ),
        ],
        document=NAME,
        panel="front",
    )
    rules_box = Box(front.x, 0, front.width, band.y - 4 * mm).inset(MARGIN, MARGIN_Y)
    big = parts.Scale(9.6)
    rules = [parts.heading(labels.rules_heading, big, spaceBefore=0)]
    rules += [
        Tagged(rule.id, Paragraph(esc(rule.text), big.bullet, bulletText="!"))
        for rule in card.rules
    ]
    mark = parts.school_mark(contact.school, load_logo(contact.logo), size=10, logo_height=14 * mm)
    if mark is not None:
        rules += [Spacer(1, 6 * mm), mark]
    fill(canvas, rules_box, rules, document=NAME, panel="front")


def _small_print(canvas: Canvas, box: Box, text: str, *, y: float) -> float:
    """``text`` in small type across ``box``'s width, its foot at ``y``; returns its top."""
    paragraph = Paragraph(
        esc(text), style("small", fontName=CONDENSED, fontSize=6.5, leading=8, textColor=MUTED)
    )
    _width, height = paragraph.wrap(box.width, box.height)
    paragraph.drawOn(canvas, box.x, y)
    return float(y + height + 2 * mm)


def _inside(canvas: Canvas, card: SignalCard, scale: parts.Scale) -> None:
    _fold_marks(canvas, INSIDE)
    story = [
        parts.heading(card.labels.signals_heading, scale, spaceBefore=0, fontSize=scale.size * 1.7)
    ]
    story += parts.signals_by_form(card, scale)
    for index in range(3):
        if index:  # a panel that goes on with a form repeats its heading: "… (vervolg)"
            story[0] = parts.continued(card, scale, story[0])
        story = fill_partly(canvas, panel(index), story)
        if not story:
            return
    raise PanelOverflow(NAME, "inside", item_of(story[0]))
