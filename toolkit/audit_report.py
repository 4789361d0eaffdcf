"""The vault's audit log on paper: what happened in the concern log, when, to which case.

Drawn from plain data (:class:`AuditReportData`): rows already in words (the app's
``desktop.concerns.audit_words`` makes them from the vault's events) and the chain check's
result as a sentence. This module never opens the vault.

A4 portrait. The first page has the title, the school, the dates, the check's result in a
coloured box, then the table; the table flows over as many pages as it needs, its header
repeated on each. Every page says "Vertrouwelijk" and "pagina x van y". The PDF's metadata has
the title and no subject: no school, no case codes. The fixed words are a small table per
language in :mod:`toolkit.audit_report_labels`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Paragraph, Spacer, Table

from toolkit.audit_report_labels import LABELS, AuditLabels, labels_for
from toolkit.pdf import (
    ACCENT,
    ACCENT_TEXT,
    BODY_WIDTH,
    BOLD,
    CONDENSED,
    INK,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MUTED,
    NAVY,
    REGULAR,
    TINT,
    WARM_TINT,
    esc,
    fit,
    flow,
    register_fonts,
    style,
    table_style,
)

__all__ = ["LABELS", "AuditReportData", "AuditRow", "audit_report"]

PAGE = A4
RULE = colors.HexColor("#d9dde3")
GOOD = colors.HexColor("#2d6a4f")
GOOD_TINT = colors.HexColor("#e8f3ec")
BAD = colors.HexColor("#9b2226")
# Nr., time, event, case, details: the details take what is left
COLUMNS = (11 * mm, 37 * mm, 37 * mm, 19 * mm)

TITLE = style("ar-title", fontName=BOLD, fontSize=20, leading=24, textColor=NAVY)
INTRO = style("ar-intro", fontSize=9, leading=12, textColor=MUTED)
H2 = style("ar-h2", fontName=BOLD, fontSize=11, leading=14, textColor=NAVY, spaceBefore=5 * mm)
META_LABEL = style("ar-metalabel", fontSize=7.5, leading=9, textColor=MUTED)
META_VALUE = style("ar-metavalue", fontName=BOLD, fontSize=10, leading=12.5, textColor=INK)
CELL = style("ar-cell", fontSize=7.5, leading=9.2)
CELL_BOLD = style("ar-cellbold", parent=CELL, fontName=BOLD)
CELL_TIME = style("ar-celltime", parent=CELL, fontName=CONDENSED)  # a time on one line
HEAD = style("ar-head", parent=CELL, fontName=BOLD, textColor=colors.white)


@dataclass(frozen=True)
class AuditRow:
    """One event in words: its number, local time, what happened (a translated label), the
    case's code or ``""``, and a short sentence of its details."""

    seq: int
    when: str
    what: str
    case_code: str
    details: str


@dataclass(frozen=True)
class AuditReportData:
    """What the printed log shows. Dates are text in the document's language already;
    ``selection`` says which events were picked when the log was filtered (``""``: all)."""

    school: str
    vault_made: str
    printed_on: str
    rows: tuple[AuditRow, ...]
    chain_ok: bool
    chain_text: str
    language: str = "nl"
    selection: str = ""


def audit_report(data: AuditReportData) -> bytes:
    """The audit log as PDF bytes (A4 portrait, as many pages as the rows need)."""
    labels = labels_for(data.language)
    register_fonts()  # before the first Paragraph: its style names a registered font
    return flow(
        _story(data, labels),
        title=labels.title,
        subject="",
        language=data.language,
        on_page=functools.partial(_running_head, head=fit(f"{labels.title} · {data.school}", 110)),
        stamp=functools.partial(_foot, labels=labels),
    )


def _story(data: AuditReportData, labels: AuditLabels) -> list[Flowable]:
    from babel.numbers import format_decimal

    meta = [
        (labels.school, data.school or "–"),
        (labels.vault_made, data.vault_made or "–"),
        (labels.printed_on, data.printed_on or "–"),
        (labels.events, format_decimal(len(data.rows), locale=data.language)),
    ]
    story: list[Flowable] = [
        Paragraph(esc(labels.title), TITLE),
        Spacer(1, 2 * mm),
        Paragraph(esc(labels.intro), INTRO),
        Spacer(1, 4 * mm),
        _meta(meta),
    ]
    if data.selection:
        story += [
            Spacer(1, 2 * mm),
            Paragraph(f"<b>{esc(labels.selection)}:</b> {esc(data.selection)}", CELL),
        ]
    story += [
        Paragraph(esc(labels.chain_heading), H2),
        Spacer(1, 1.5 * mm),
        _chain_box(data.chain_ok, data.chain_text),
        Spacer(1, 6 * mm),
        _table(data.rows, labels),
    ]
    if not data.rows:
        story += [Spacer(1, 3 * mm), Paragraph(esc(labels.no_events), INTRO)]
    return story


def _meta(pairs: list[tuple[str, str]]) -> Flowable:
    widths = [BODY_WIDTH * f for f in (0.4, 0.2, 0.2, 0.2)]
    table = Table(
        [
            [Paragraph(esc(label), META_LABEL) for label, _value in pairs],
            [Paragraph(esc(value), META_VALUE) for _label, value in pairs],
        ],
        colWidths=widths,
    )
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 0.5 * mm),
            ]
        )
    )
    return table


def _chain_box(ok: bool, text: str) -> Flowable:
    ink = GOOD if ok else BAD
    box = Table(
        [[Paragraph(esc(text), style("ar-chain", fontName=BOLD, fontSize=10, textColor=ink))]],
        colWidths=[BODY_WIDTH],
    )
    box.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), GOOD_TINT if ok else WARM_TINT),
                ("LINEBEFORE", (0, 0), (0, -1), 3, ink if ok else ACCENT),
                ("LEFTPADDING", (0, 0), (-1, -1), 4 * mm),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm),
            ]
        )
    )
    return box


def _table(rows: tuple[AuditRow, ...], labels: AuditLabels) -> Flowable:
    header = [
        Paragraph(esc(text), HEAD)
        for text in (
            labels.column_seq,
            labels.column_when,
            labels.column_what,
            labels.column_case,
            labels.column_details,
        )
    ]
    body: list[list[Any]] = [header]
    body += [
        [
            str(row.seq),
            Paragraph(esc(row.when), CELL_TIME),
            Paragraph(esc(row.what), CELL_BOLD),
            Paragraph(esc(row.case_code), CELL),
            Paragraph(esc(row.details), CELL),
        ]
        for row in rows
    ]
    table = Table(
        body,
        colWidths=[*COLUMNS, BODY_WIDTH - sum(COLUMNS)],
        repeatRows=1,
        splitByRow=1,
    )
    table.setStyle(
        table_style(
            [
                ("FONTSIZE", (0, 0), (-1, -1), 7.5),
                ("BACKGROUND", (0, 0), (-1, 0), NAVY),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, TINT]),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (0, 1), (0, -1), "RIGHT"),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 1.6 * mm),
                ("RIGHTPADDING", (0, 0), (-1, -1), 1.6 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 1.1 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.3 * mm),
            ]
        )
    )
    return table


def _running_head(canvas: Canvas, doc: BaseDocTemplate, *, head: str) -> None:
    if doc.page == 1:  # the first page has the title itself
        return
    canvas.saveState()
    canvas.setFont(REGULAR, 8)
    canvas.setFillColor(MUTED)
    y = PAGE[1] - MARGIN_TOP + 7 * mm
    canvas.drawString(MARGIN_X, y, head)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN_X, y - 2.5 * mm, PAGE[0] - MARGIN_X, y - 2.5 * mm)
    canvas.restoreState()


def _foot(canvas: Canvas, page: int, pages: int, *, labels: AuditLabels) -> None:
    y = MARGIN_BOTTOM - 10 * mm
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN_X, y + 4 * mm, PAGE[0] - MARGIN_X, y + 4 * mm)
    canvas.setFont(BOLD, 8)
    canvas.setFillColor(ACCENT_TEXT)
    canvas.drawString(MARGIN_X, y, labels.confidential)
    canvas.setFont(REGULAR, 8)
    canvas.setFillColor(MUTED)
    canvas.drawRightString(PAGE[0] - MARGIN_X, y, labels.page.format(page=page, pages=pages))
    canvas.restoreState()
