"""The A4 pages the lesson plan and the worksheet flow over.

Margins, the series' footer, a running head from page two on, and "page 2 of 5" at the foot of
every page; DejaVu Sans embedded (with its oblique where ``resources/fonts`` ships it).
"""

from __future__ import annotations

import functools
import io

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from lessons.model import Lesson
from toolkit.lesson_plan_labels import PlanLabels
from toolkit.pdf import MUTED, REGULAR, NumberedCanvas, register_fonts

PAGE = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 20 * mm
BODY_WIDTH = PAGE[0] - 2 * MARGIN_X
FOOTER = "Mensenhandel (niet) op school — Schoolsignaal"
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
    register_fonts()
    buffer = io.BytesIO()

    def on_page(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        foot = MARGIN_BOTTOM - 10 * mm
        canvas.line(MARGIN_X, foot + 4 * mm, PAGE[0] - MARGIN_X, foot + 4 * mm)
        canvas.setFont(REGULAR, 8)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN_X, foot, FOOTER)
        if doc.page > 1:  # the first page has the title; later pages say what they belong to
            head = PAGE[1] - MARGIN_TOP + 7 * mm
            canvas.drawString(MARGIN_X, head, _fit(f"{kind} · {lesson.title}", 150))
            canvas.line(MARGIN_X, head - 2.5 * mm, PAGE[0] - MARGIN_X, head - 2.5 * mm)
        canvas.restoreState()

    doc = BaseDocTemplate(
        buffer,
        pagesize=PAGE,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        subject=lesson.title,
        author="Schoolsignaal",
        creator="Schoolsignaal",
        invariant=1,
        pageCompression=1,
        lang="nl-NL" if lesson.language == "nl" else "en-GB",
        initialFontName=REGULAR,
    )
    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        BODY_WIDTH,
        PAGE[1] - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page)])
    stamp = functools.partial(_page_number, label=labels.page)
    doc.build(story, canvasmaker=functools.partial(NumberedCanvas, stamp=stamp))
    return buffer.getvalue()


def _fit(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
