"""The folded signal card: A4 landscape, two-sided, three panels a side (a letter fold).

Outside, left to right: the flap that folds in (what to do), the back (help lines and the
school's contact) and the front (title and the rules). Inside: the signals by form, flowing
over the three panels. Print double-sided, flipping on the short edge.
"""

from __future__ import annotations

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
    Box,
    PanelOverflow,
    Tagged,
    crop_marks,
    esc,
    fill,
    fill_partly,
    item_of,
    render,
    style,
)
from toolkit.school_contact import SchoolContact
from toolkit.signal_card import SignalCard

PAGE = landscape(A4)
PANEL_WIDTH = PAGE[0] / 3
MARGIN = 9 * mm
NAME = "trifold"


def panel(index: int) -> Box:
    return Box(index * PANEL_WIDTH, 0, PANEL_WIDTH, PAGE[1]).inset(MARGIN, 10 * mm)


def build_trifold(card: SignalCard, contact: SchoolContact | None = None) -> bytes:
    """The folded card as PDF bytes; :class:`PanelOverflow` names what does not fit."""
    contact = contact or SchoolContact()

    def draw(canvas: Canvas) -> None:
        _outside(canvas, card, contact, parts.Scale(8.8))
        canvas.showPage()
        _inside(canvas, card, parts.Scale(9.0))
        canvas.showPage()

    return render(
        draw, pagesize=PAGE, title=card.title, subject=card.subtitle, language=card.language
    )


def _fold_marks(canvas: Canvas) -> None:
    crop_marks(canvas, [PANEL_WIDTH, 2 * PANEL_WIDTH], [], PAGE)


def _outside(canvas: Canvas, card: SignalCard, contact: SchoolContact, scale: parts.Scale) -> None:
    _fold_marks(canvas)
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
    fill(canvas, panel(0), flap, document=NAME, panel="flap")

    # Back: help lines and the school's own contact.
    back = [parts.heading(labels.help_heading, scale, spaceBefore=0)]
    back += [parts.help_line(line, scale) for line in card.help_lines]
    back += parts.contact_box(contact, labels.school_contact_heading, scale)
    fill(canvas, panel(1), back, document=NAME, panel="back")
    canvas.saveState()
    canvas.setFont(CONDENSED, 6.5)
    canvas.setFillColor(MUTED)
    canvas.drawCentredString(PANEL_WIDTH * 1.5, 6 * mm, card.labels.source_line)
    canvas.restoreState()

    # Front: a navy block with the title, then the rules that go with every signal.
    front = Box(2 * PANEL_WIDTH, 0, PANEL_WIDTH, PAGE[1])
    band_height = 78 * mm
    canvas.saveState()
    canvas.setFillColor(NAVY)
    canvas.rect(front.x, PAGE[1] - band_height, front.width, band_height, stroke=0, fill=1)
    canvas.setFillColor(ACCENT)
    canvas.rect(front.x, PAGE[1] - band_height - 2.2 * mm, front.width, 2.2 * mm, stroke=0, fill=1)
    canvas.restoreState()
    white = colors.white
    title_box = Box(front.x, PAGE[1] - band_height, front.width, band_height).inset(MARGIN, 9 * mm)
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
                style("g", fontSize=8.5, leading=11, textColor=colors.HexColor("#c9d3e3")),
            ),
        ],
        document=NAME,
        panel="front",
    )
    rules_box = Box(front.x, 0, front.width, PAGE[1] - band_height - 6 * mm).inset(MARGIN, 10 * mm)
    big = parts.Scale(9.6)
    rules = [parts.heading(labels.rules_heading, big, spaceBefore=0)]
    rules += [
        Tagged(rule.id, Paragraph(esc(rule.text), big.bullet, bulletText="!"))
        for rule in card.rules
    ]
    if contact.school:
        rules += [
            Spacer(1, 4 * mm),
            Paragraph(
                esc(contact.school), style("school", fontName=BOLD, fontSize=9, textColor=NAVY)
            ),
        ]
    fill(canvas, rules_box, rules, document=NAME, panel="front")


def _inside(canvas: Canvas, card: SignalCard, scale: parts.Scale) -> None:
    _fold_marks(canvas)
    story = [
        parts.heading(card.labels.signals_heading, scale, spaceBefore=0, fontSize=scale.size * 1.7)
    ]
    story += parts.signals_by_form(card, scale)
    for index in range(3):
        story = fill_partly(canvas, panel(index), story)
        if not story:
            return
    raise PanelOverflow(NAME, "inside", item_of(story[0]))
