"""The poster for pupils, "Waar kun je terecht?": the help lines for young people in large
type, two to a row, A3 or A4 portrait; a QR code beside each line that is only on the web
(fier.nl/chat, helpwanted.nl), drawn here, no network; the school's own contact where the
school entered one, and its name and logo."""

from __future__ import annotations

import re

from reportlab.graphics.barcode.qr import QrCode
from reportlab.lib import colors
from reportlab.lib.pagesizes import A3, A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from toolkit import card_parts as parts
from toolkit.pdf import (
    ACCENT,
    BOLD,
    INK,
    MUTED,
    NAVY,
    REGULAR,
    SAFE_MARGIN,
    TINT,
    Box,
    Tagged,
    esc,
    fill,
    load_logo,
    render,
    style,
    table_style,
)
from toolkit.school_contact import SchoolContact
from toolkit.signal_card import HelpLine, SignalCard

PAPERS = {"a4": A4, "a3": A3}
NAME = "poster"
RULE = colors.HexColor("#d9dde3")


def build_poster(
    card: SignalCard, contact: SchoolContact | None = None, paper: str = "a4"
) -> bytes:
    if paper not in PAPERS:
        raise ValueError(f"paper must be one of {sorted(PAPERS)}, not {paper!r}")
    contact = contact if contact is not None else SchoolContact()
    page = PAPERS[paper]
    logo = load_logo(contact.logo)
    k = page[0] / A4[0]  # the page's parts scale with the paper: A3 is the same poster, larger
    # ...and its type a little less, so that A3 has room for a long contact that A4 has not
    t = 1 + (k - 1) * 0.75

    def draw(canvas: Canvas) -> None:
        width, height = page
        edge = SAFE_MARGIN * k  # the band stops short of the sheet's edge, as printers do
        band = Box(edge, height - edge - 46 * mm * k, width - 2 * edge, 46 * mm * k)
        canvas.setFillColor(NAVY)
        canvas.rect(band.x, band.y, band.width, band.height, stroke=0, fill=1)
        canvas.setFillColor(ACCENT)
        canvas.rect(band.x, band.y - 2.5 * mm * k, band.width, 2.5 * mm * k, stroke=0, fill=1)
        white = colors.white
        fill(
            canvas,
            band.inset(11 * mm * k, 7 * mm * k),
            [
                Paragraph(
                    esc(card.labels.poster_title),
                    style("t", fontName=BOLD, fontSize=36 * k, leading=42 * k, textColor=white),
                ),
                Spacer(1, 2.5 * mm * k),
                Paragraph(
                    esc(card.labels.poster_subtitle),
                    style("s", fontSize=15 * k, leading=19 * k, textColor=white),
                ),
            ],
            document=NAME,
            panel="title",
        )
        body = Box(0, 0, width, band.y - 2.5 * mm * k).inset(16 * mm * k, 9 * mm * k)
        # The logo where there is room: full size, smaller, or left out.
        for logo_mm in (16, 10, 0) if logo is not None else (0,):
            story = _body(
                card,
                contact,
                t,
                body.width,
                logo=logo if logo_mm else None,
                logo_height=logo_mm * mm * t,
            )
            spare = body.height - parts.story_height(story, body.width)
            if spare >= 0:
                break
        if spare > 0:  # room to spare: more air between the rows, up to a point
            rows = (len(card.poster_lines()) + 1) // 2
            air = min(spare * 0.9 / (2 * rows + 2), 7 * mm * t)
            story = _body(
                card,
                contact,
                t,
                body.width,
                air=air,
                logo=logo if logo_mm else None,
                logo_height=logo_mm * mm * t,
            )
        fill(canvas, body, story, document=NAME, panel="help lines")

    return render(
        draw,
        pagesize=page,
        title=card.labels.poster_title,
        subject=card.title,
        language=card.language,
    )


def qr_code(address: str, size: float) -> Flowable:
    """A QR code for ``address``, ``size`` points square with its quiet zone (made here, no
    network; drawn as rectangles, so no font is involved); the standard's 4-module quiet zone."""
    return QrCode(address, width=size, height=size, qrLevel="M", qrBorder=4)


def _tile(line: HelpLine, k: float, width: float) -> Flowable:
    """One help line: its name, its number (or web address and QR code) large, a line for
    pupils under it."""
    name = style("n", fontName=BOLD, fontSize=15 * k, leading=18 * k, textColor=NAVY)
    number = style("c", fontName=BOLD, fontSize=28 * k, leading=32 * k, textColor=INK)
    web = style("w", fontName=BOLD, fontSize=18 * k, leading=22 * k, textColor=INK)
    text = style("p", fontSize=12 * k, leading=15 * k, textColor=MUTED, spaceBefore=1.5 * mm * k)
    address = line.web_address
    cells: list[Flowable] = [Paragraph(esc(line.name), name)]
    if address is None:  # "112 (spoed) · 0900-8844": a number a line, what is in brackets small
        shown = re.sub(
            r"\(([^)]*)\)",
            rf"<font name='{REGULAR}' size='{15 * k:.1f}'>(\1)</font>",
            esc(line.contact),
        )
        cells.append(Paragraph(shown.replace(" · ", "<br/>"), number))
    else:
        cells.append(Paragraph(esc(line.contact), web))
    cells.append(Paragraph(esc(line.pupil_text or ""), text))
    if address is None:
        content: Flowable = _stack(cells, width)
    else:
        size = 26 * mm * k
        content = Table(
            [[_stack(cells, width - size - 3 * mm * k), qr_code(address, size)]],
            colWidths=[width - size, size],
        )
        content.setStyle(_plain([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return Tagged(f"help:{line.id}", content)


def _stack(flowables: list[Flowable], width: float) -> Table:
    table = Table([[f] for f in flowables], colWidths=[width])
    table.setStyle(_plain([]))
    return table


def _plain(commands: list[tuple[object, ...]]) -> object:
    return table_style(
        [
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            *commands,
        ]
    )


def _body(
    card: SignalCard,
    contact: SchoolContact,
    k: float,
    width: float,
    *,
    air: float = 0.0,
    logo: ImageReader | None = None,
    logo_height: float = 0.0,
) -> list[Flowable]:
    gutter = 8 * mm * k
    column = (width - gutter) / 2
    lines = card.poster_lines()
    tiles = [_tile(line, k, column) for line in lines]
    if len(tiles) % 2:
        tiles.append(Spacer(1, 1))
    rows = [tiles[i : i + 2] for i in range(0, len(tiles), 2)]
    grid = Table(rows, colWidths=[column + gutter / 2, column + gutter / 2])
    grid.setStyle(
        _plain(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (1, 0), (1, -1), gutter / 2),
                ("TOPPADDING", (0, 1), (-1, -1), 4 * mm * k + air),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4 * mm * k + air),
                ("LINEBELOW", (0, 0), (-1, -2), 0.6, RULE),
            ]
        )
    )
    story: list[Flowable] = [Tagged("help lines", grid)]
    if contact.has_person:
        story += [Spacer(1, 4 * mm * k + air), _contact(card, contact, k, width)]
    footer = Paragraph(
        esc(card.labels.poster_footer),
        style("f", fontName=BOLD, fontSize=13 * k, leading=17 * k, textColor=NAVY),
    )
    mark = parts.school_mark(contact.school, logo, size=12 * k, logo_height=logo_height)
    story += [Spacer(1, 5 * mm * k + air), Tagged("footer", footer)]
    if mark is not None:
        story += [Spacer(1, 4 * mm * k), mark]
    return story


def _contact(card: SignalCard, contact: SchoolContact, k: float, width: float) -> Flowable:
    rows = [
        [
            Paragraph(
                esc(card.labels.school_contact_heading),
                style("h", fontName=BOLD, fontSize=14 * k, textColor=NAVY),
            )
        ]
    ]
    rows += [
        [Paragraph(esc(text), style("l", fontSize=13 * k, leading=16 * k, textColor=INK))]
        for text in contact.lines()
    ]
    box = Table(rows, colWidths=[width])
    box.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), TINT),
                ("LEFTPADDING", (0, 0), (-1, -1), 5 * mm * k),
                ("RIGHTPADDING", (0, 0), (-1, -1), 5 * mm * k),
                ("TOPPADDING", (0, 0), (-1, 0), 3.5 * mm * k),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 3.5 * mm * k),
                ("ROUNDEDCORNERS", [3 * mm * k] * 4),
            ]
        )
    )
    return Tagged("school-contact", box)
