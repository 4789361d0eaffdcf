"""Page furniture the documents share: the school's name and logo heading a first page, the
running head and foot of the A4 documents that flow over pages (:func:`framed_flow`), and a
note set apart in a box (:func:`note_box`)."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Table

from toolkit.pdf import (
    BODY_WIDTH,
    BOLD,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MUTED,
    NAVY,
    REGULAR,
    WARM_TINT,
    fit,
    flow,
    load_logo,
    table_style,
)
from toolkit.school_contact import SchoolContact

RULE = colors.HexColor("#d9dde3")

LOGO_HEIGHT = 9 * mm  # right, above the rule, 5.5 mm from the edge with a 20 mm top margin
LOGO_WIDTH = 45 * mm


def school_head(
    canvas: Canvas,
    school: SchoolContact,
    logo: ImageReader | None,
    *,
    y: float,
    left: float,
    right: float,
    mirrored: bool = False,
) -> None:
    """The school's name left and its logo right of baseline ``y``, over a rule; a name too
    long for the room left by the logo ends in "…". ``mirrored`` (a right-to-left letter):
    the name right, the logo left."""
    logo_width = 0.0
    if logo is not None:
        width, height = logo.getSize()
        scale = min(LOGO_HEIGHT / height, LOGO_WIDTH / width)
        logo_width = width * scale
        x = left if mirrored else right - logo_width
        canvas.drawImage(logo, x, y - 1.5 * mm, logo_width, height * scale, mask="auto")
    if school.school:
        canvas.setFont(BOLD, 9)
        canvas.setFillColor(NAVY)
        room = right - left - logo_width - 6 * mm
        name = school.school
        while name and canvas.stringWidth(name, BOLD, 9) > room:
            name = name[:-2].rstrip() + "…"
        if mirrored:
            canvas.drawRightString(right, y, name)
        else:
            canvas.drawString(left, y, name)
    canvas.line(left, y - 2.5 * mm, right, y - 2.5 * mm)


@dataclass(frozen=True)
class PageFrame:
    """The running parts of an A4 document that flows over pages: the school's name and logo
    heading the first page (where set), a running head on the others so that a loose page
    still says what it is, a rule and ``foot`` at the foot, and "pagina x van y" right."""

    school: SchoolContact | None
    running_head: str  # on pages after the first, e.g. "Contactenblad · OSG De Brug"
    foot: str  # left in the footer: the document, a date, "VERTROUWELIJK · …"
    page_label: str  # "pagina {page} van {pages}"
    foot_font: str = REGULAR
    foot_colour: Color = MUTED


def framed_flow(
    story: list[Flowable], frame: PageFrame, *, title: str, subject: str, language: str
) -> bytes:
    """:func:`toolkit.pdf.flow` with ``frame``'s head, foot and page numbers on every page."""
    school = frame.school
    logo = load_logo(school.logo) if school is not None else None
    right = MARGIN_X + BODY_WIDTH
    head = A4[1] - MARGIN_TOP + 7 * mm
    foot = MARGIN_BOTTOM - 10 * mm

    def on_page(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        if doc.page == 1 and school is not None and (school.school or logo is not None):
            school_head(canvas, school, logo, y=head, left=MARGIN_X, right=right)
        elif doc.page > 1 and frame.running_head:
            canvas.setFont(REGULAR, 8)
            canvas.setFillColor(MUTED)
            canvas.drawString(MARGIN_X, head, fit(frame.running_head, 110))
            canvas.line(MARGIN_X, head - 2.5 * mm, right, head - 2.5 * mm)
        canvas.line(MARGIN_X, foot + 4 * mm, right, foot + 4 * mm)
        canvas.setFont(frame.foot_font, 8)
        canvas.setFillColor(frame.foot_colour)
        canvas.drawString(MARGIN_X, foot, fit(frame.foot, 110))
        canvas.restoreState()

    def stamp(canvas: Canvas, page: int, pages: int) -> None:
        canvas.setFont(REGULAR, 8)
        canvas.setFillColor(MUTED)
        canvas.drawRightString(right, foot, frame.page_label.format(page=page, pages=pages))

    return flow(
        story, title=title, subject=subject, language=language, on_page=on_page, stamp=stamp
    )


def note_box(flowable: Flowable, colour: Color = WARM_TINT) -> Table:
    """A note set apart: a tinted box with a navy bar on its left, the body's full width."""
    box = Table([[flowable]], colWidths=[BODY_WIDTH])
    box.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), colour),
                ("LINEBEFORE", (0, 0), (0, -1), 2.5, NAVY),
                ("LEFTPADDING", (0, 0), (-1, -1), 3 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 2 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2 * mm),
            ]
        )
    )
    return box
