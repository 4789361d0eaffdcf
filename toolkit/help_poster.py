"""The poster for pupils, "Waar kun je terecht?": the help lines for young people in large
type, A3 or A4 portrait, with the school's own contact where the school entered one."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.pagesizes import A3, A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Spacer, Table

from toolkit.pdf import (
    ACCENT,
    BOLD,
    INK,
    MUTED,
    NAVY,
    TINT,
    Box,
    Tagged,
    esc,
    fill,
    render,
    style,
    table_style,
)
from toolkit.school_contact import SchoolContact
from toolkit.signal_card import SignalCard

PAPERS = {"a4": A4, "a3": A3}
NAME = "poster"


def build_poster(
    card: SignalCard, contact: SchoolContact | None = None, paper: str = "a4"
) -> bytes:
    if paper not in PAPERS:
        raise ValueError(f"paper must be one of {sorted(PAPERS)}, not {paper!r}")
    contact = contact or SchoolContact()
    page = PAPERS[paper]
    k = page[0] / A4[0]  # everything scales with the paper: A3 is the same poster, larger

    def draw(canvas: Canvas) -> None:
        width, height = page
        band = 56 * mm * k
        canvas.setFillColor(NAVY)
        canvas.rect(0, height - band, width, band, stroke=0, fill=1)
        canvas.setFillColor(ACCENT)
        canvas.rect(0, height - band - 3 * mm * k, width, 3 * mm * k, stroke=0, fill=1)
        head = Box(0, height - band, width, band).inset(16 * mm * k, 10 * mm * k)
        fill(
            canvas,
            head,
            [
                Paragraph(
                    esc(card.labels.poster_title),
                    style(
                        "t", fontName=BOLD, fontSize=40 * k, leading=46 * k, textColor=colors.white
                    ),
                ),
                Spacer(1, 4 * mm * k),
                Paragraph(
                    esc(card.labels.poster_subtitle),
                    style("s", fontSize=16 * k, leading=21 * k, textColor=colors.white),
                ),
            ],
            document=NAME,
            panel="title",
        )
        body = Box(0, 0, width, height - band - 3 * mm * k).inset(16 * mm * k, 10 * mm * k)
        fill(canvas, body, _body(card, contact, k, body.width), document=NAME, panel="help lines")

    return render(
        draw,
        pagesize=page,
        title=card.labels.poster_title,
        subject=card.title,
        language=card.language,
    )


def _body(card: SignalCard, contact: SchoolContact, k: float, width: float) -> list[object]:
    name_style = style("n", fontName=BOLD, fontSize=15 * k, leading=18 * k, textColor=NAVY)
    number_style = style(
        "c", fontName=BOLD, fontSize=19 * k, leading=22 * k, textColor=INK, alignment=2
    )
    text_style = style("p", fontSize=11.5 * k, leading=14.5 * k, textColor=MUTED)
    story: list[object] = []
    for line in card.poster_lines():
        row = Table(
            [
                [
                    Paragraph(esc(line.name), name_style),
                    Paragraph(esc(line.contact).replace(" · ", "<br/>"), number_style),
                ],
                [Paragraph(esc(line.pupil_text or ""), text_style), ""],
            ],
            colWidths=[width * 0.5, width * 0.5],
        )
        row.setStyle(
            table_style(
                [
                    ("SPAN", (0, 1), (1, 1)),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 1), (-1, 1), 2.5 * mm * k),
                    ("LINEBELOW", (0, 1), (-1, 1), 0.6, colors.HexColor("#d9dde3")),
                ]
            )
        )
        row.spaceAfter = 2 * mm * k
        story.append(Tagged(f"help:{line.id}", row))
    if contact:
        rows = [
            [
                Paragraph(
                    esc(card.labels.school_contact_heading),
                    style("h", fontName=BOLD, fontSize=15 * k, textColor=NAVY),
                )
            ]
        ]
        rows += [
            [Paragraph(esc(text), style("l", fontSize=13 * k, leading=17 * k, textColor=INK))]
            for text in contact.lines()
        ]
        box = Table(rows, colWidths=[width])
        box.setStyle(
            table_style(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), TINT),
                    ("LEFTPADDING", (0, 0), (-1, -1), 5 * mm * k),
                    ("TOPPADDING", (0, 0), (-1, 0), 4 * mm * k),
                    ("BOTTOMPADDING", (0, -1), (-1, -1), 4 * mm * k),
                    ("ROUNDEDCORNERS", [3 * mm * k] * 4),
                ]
            )
        )
        story += [Spacer(1, 2 * mm * k), Tagged("school-contact", box)]
    story += [
        Spacer(1, 6 * mm * k),
        Tagged(
            "footer",
            Paragraph(
                esc(card.labels.poster_footer),
                style("f", fontName=BOLD, fontSize=14 * k, leading=18 * k, textColor=NAVY),
            ),
        ),
    ]
    return story
