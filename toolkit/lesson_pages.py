"""The A4 pages the lesson plan and the worksheet flow over.

Margins, the series' footer, a running head from page two on, and "page 2 of 5" at the foot of
every page; DejaVu Sans embedded (with its oblique where ``resources/fonts`` ships it).
"""

from __future__ import annotations

import functools

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable

from lessons.model import Lesson
from toolkit.lesson_plan_labels import PlanLabels
from toolkit.pdf import (
    BODY_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MUTED,
    REGULAR,
    fit,
    flow,
)

__all__ = ["BODY_WIDTH", "RULE", "build_document"]

PAGE = A4
RULE = colors.HexColor("#d9dde3")


def _page_number(canvas: Canvas, page: int, pages: int, *, label: str) -> None:
    canvas.setFont(REGULAR, 8)
    canvas.setFillColor(MUTED)
    canvas.drawRightString(
        PAGE[0] - MARGIN_X, MARGIN_BOTTOM - 10 * mm, label.format(page=page, pages=pages)
    )


def build_document(
    story: list[Flowable], *, kind: str, lesson: Lesson, labels: PlanLabels, title: str
) -> bytes:
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
            head = PAGE[1] - MARGIN_TOP + 7 * mm
            canvas.drawString(MARGIN_X, head, fit(f"{kind} · {lesson.title}", 150))
            canvas.line(MARGIN_X, head - 2.5 * mm, PAGE[0] - MARGIN_X, head - 2.5 * mm)
        canvas.restoreState()

    return flow(
        story,
        title=title,
        subject=lesson.title,
        language=lesson.language,
        on_page=on_page,
        stamp=functools.partial(_page_number, label=labels.page),
    )
