"""The A4 pages the lesson plan and the worksheet flow over.

Margins, the series' footer, a running head from page two on, and "page 2 of 5" at the foot of
every page; DejaVu Sans embedded (with its oblique where ``resources/fonts`` ships it). The
school's name and logo, where the school set them, head the first page.
"""

from __future__ import annotations

import functools

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable

from lessons.model import Lesson
from toolkit.lesson_flowables import trim_end
from toolkit.lesson_plan_labels import PlanLabels
from toolkit.page_head import school_head
from toolkit.pdf import (
    BODY_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MUTED,
    REGULAR,
    fit,
    flow,
    load_logo,
)
from toolkit.school_contact import SchoolContact

__all__ = ["BODY_WIDTH", "RULE", "build_document"]

PAGE = A4
RULE = colors.HexColor("#d9dde3")
HEAD_Y = PAGE[1] - MARGIN_TOP + 7 * mm  # the running head's baseline, in the top margin


def _page_number(canvas: Canvas, page: int, pages: int, *, label: str) -> None:
    canvas.setFont(REGULAR, 8)
    canvas.setFillColor(MUTED)
    canvas.drawRightString(
        PAGE[0] - MARGIN_X, MARGIN_BOTTOM - 10 * mm, label.format(page=page, pages=pages)
    )


def build_document(
    story: list[Flowable],
    *,
    kind: str,
    lesson: Lesson,
    labels: PlanLabels,
    title: str,
    school: SchoolContact | None = None,
) -> bytes:
    """Flow ``story`` over A4 pages: footer, running head, page numbers; no empty last page.
    With ``school``, its name and logo head the first page."""
    # (a SchoolContact is falsy without a contact person: ask for its fields, not for it)
    logo = load_logo(school.logo) if school is not None else None
    heads_school = school is not None and bool(school.school or logo)

    def on_page(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        foot = MARGIN_BOTTOM - 10 * mm
        canvas.line(MARGIN_X, foot + 4 * mm, PAGE[0] - MARGIN_X, foot + 4 * mm)
        canvas.setFont(REGULAR, 8)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN_X, foot, labels.series)
        if doc.page > 1:  # the first page has the title; later pages say what they belong to
            canvas.drawString(MARGIN_X, HEAD_Y, fit(f"{kind} · {lesson.title}", 150))
            canvas.line(MARGIN_X, HEAD_Y - 2.5 * mm, PAGE[0] - MARGIN_X, HEAD_Y - 2.5 * mm)
        elif school is not None and heads_school:
            school_head(canvas, school, logo, y=HEAD_Y, left=MARGIN_X, right=PAGE[0] - MARGIN_X)
        canvas.restoreState()

    return flow(
        trim_end(story),
        title=title,
        subject=lesson.title,
        language=lesson.language,
        on_page=on_page,
        stamp=functools.partial(_page_number, label=labels.page),
    )
