"""The school's name and logo heading a document's first page (lesson plan, worksheet, forms)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from toolkit.pdf import BOLD, NAVY
from toolkit.school_contact import SchoolContact

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
) -> None:
    """The school's name left and its logo right of baseline ``y``, over a rule; a name too
    long for the room left by the logo ends in "…"."""
    logo_width = 0.0
    if logo is not None:
        width, height = logo.getSize()
        scale = min(LOGO_HEIGHT / height, LOGO_WIDTH / width)
        logo_width = width * scale
        canvas.drawImage(logo, right - logo_width, y - 1.5 * mm, logo_width, height * scale,
                         mask="auto")  # fmt: skip
    if school.school:
        canvas.setFont(BOLD, 9)
        canvas.setFillColor(NAVY)
        room = right - left - logo_width - 6 * mm
        name = school.school
        while name and canvas.stringWidth(name, BOLD, 9) > room:
            name = name[:-2].rstrip() + "…"
        canvas.drawString(left, y, name)
    canvas.line(left, y - 2.5 * mm, right, y - 2.5 * mm)
