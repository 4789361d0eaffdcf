"""The recovery sheet: the vault's recovery key (herstelsleutel) on one A4 page for the safe.

Drawn from plain data (:class:`RecoverySheet`): the key's groups, the school's name and the
day it was made. The key is set in DejaVu Sans Mono, large, one numbered box per group, so that
0 and O, 1 and l cannot be mixed up. The sheet says what the key does, that whoever holds it
can read every case, where to keep it and when to destroy it, and has lines for the school to
write where it is kept and who may use it. It holds no case data, and the PDF's metadata has
the title and no subject: never the key, never the school.

The fixed words are a small table per language in :mod:`toolkit.recovery_sheet_labels`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from toolkit.pdf import (
    ACCENT,
    BOLD,
    INK,
    MONO_BOLD,
    MUTED,
    NAVY,
    REGULAR,
    TINT,
    WARM_TINT,
    Box,
    Group,
    Tagged,
    esc,
    fill,
    render,
    style,
    table_style,
)
from toolkit.recovery_sheet_labels import LABELS, SheetLabels, labels_for

__all__ = ["GROUPS", "GROUP_SIZE", "LABELS", "RecoverySheet", "file_name", "recovery_sheet"]

GROUPS = 10  # the recovery key: ten groups of five (desktop.vault.recovery)
GROUP_SIZE = 5
_GROUP = re.compile(r"^[0-9A-Z]+$")
NAME = "recovery-sheet"
PAGE = A4
MARGIN = 18 * mm
BAND = 40 * mm
RULE = colors.HexColor("#d9dde3")

H2 = style("rs-h2", fontName=BOLD, fontSize=12.5, leading=15, textColor=NAVY, spaceBefore=4 * mm)
BODY = style("rs-body", fontSize=10, leading=13.5, spaceAfter=1.6 * mm)
BULLET = style("rs-bullet", parent=BODY, leftIndent=5 * mm, bulletIndent=0.5 * mm)
HINT = style("rs-hint", fontSize=8.5, leading=11, textColor=MUTED)
META_LABEL = style("rs-metalabel", fontSize=8, leading=10, textColor=MUTED)
META_VALUE = style("rs-metavalue", fontName=BOLD, fontSize=12, leading=15, textColor=INK)
# A long school name (settings allow 200 characters) is set smaller until it takes at most
# NAME_HEIGHT; at the smallest size it takes what it needs.
NAME_SIZES = (
    META_VALUE,
    style("rs-metasmall", parent=META_VALUE, fontSize=9.5, leading=12),
    style("rs-metatiny", parent=META_VALUE, fontSize=8, leading=10),
)
NAME_HEIGHT = 31.0


@dataclass(frozen=True)
class RecoverySheet:
    """What the sheet shows: the key as its groups (``("7KQ2M", "0D9XW", …)``), the school's
    name (may be empty) and the day the key was made; ``language`` is ``"nl"`` or ``"en"``."""

    key_groups: tuple[str, ...]
    school: str
    made_on: dt.date
    language: str = "nl"


def recovery_sheet(data: RecoverySheet) -> bytes:
    """The sheet as PDF bytes: one A4 page, fonts embedded, the title but no subject in the
    metadata. ``ValueError`` if ``key_groups`` is not ten groups of five (it never says them)."""
    labels = labels_for(data.language)
    groups = _checked(data.key_groups)

    def draw(canvas: Canvas) -> None:
        width, height = PAGE
        _title_band(canvas, labels)
        body = Box(MARGIN, MARGIN + 8 * mm, width - 2 * MARGIN, height - BAND - MARGIN - 16 * mm)
        fill(canvas, body, _story(data, groups, labels, body.width), document=NAME, panel="body")
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN, MARGIN + 4 * mm, width - MARGIN, MARGIN + 4 * mm)
        canvas.setFont(REGULAR, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawCentredString(width / 2, MARGIN, labels.footer)
        canvas.restoreState()

    return render(draw, pagesize=PAGE, title=labels.title, subject="", language=data.language)


def file_name(language: str) -> str:
    """The name to offer when the sheet is saved: ``herstelsleutel-schoolsignaal.pdf``."""
    return labels_for(language).file_name


def _checked(groups: tuple[str, ...]) -> tuple[str, ...]:
    if len(groups) != GROUPS or not all(
        len(group) == GROUP_SIZE and _GROUP.match(group) for group in groups
    ):
        # never repeat the groups themselves: an error message can end up in a log
        raise ValueError(
            f"a recovery key is {GROUPS} groups of {GROUP_SIZE} digits or capital letters"
        )
    return groups


def _title_band(canvas: Canvas, labels: SheetLabels) -> None:
    width, height = PAGE
    canvas.saveState()
    canvas.setFillColor(NAVY)
    canvas.rect(0, height - BAND, width, BAND, stroke=0, fill=1)
    canvas.setFillColor(ACCENT)
    canvas.rect(0, height - BAND - 2 * mm, width, 2 * mm, stroke=0, fill=1)
    canvas.restoreState()
    head = Box(MARGIN, height - BAND, width - 2 * MARGIN, BAND).inset(0, 6 * mm)
    white = colors.white
    fill(
        canvas,
        head,
        [
            Paragraph(
                esc(labels.title),
                style("rs-title", fontName=BOLD, fontSize=20, leading=24, textColor=white),
            ),
            Spacer(1, 2.5 * mm),
            Paragraph(esc(labels.confidential), style("rs-conf", fontSize=10.5, textColor=white)),
        ],
        document=NAME,
        panel="title",
    )


def _story(
    data: RecoverySheet, groups: tuple[str, ...], labels: SheetLabels, width: float
) -> list[Flowable]:
    from babel.dates import format_date

    made_on = format_date(data.made_on, format="long", locale=data.language)
    story: list[Flowable] = [
        Tagged("meta", _meta(labels, data.school, made_on, width)),
        Paragraph(esc(labels.key_heading), H2),
        Spacer(1, 2 * mm),
        Tagged("key", KeyGroups(groups)),
        Spacer(1, 2 * mm),
        Paragraph(esc(labels.key_hint), HINT),
        Spacer(1, 4 * mm),
        Tagged("warning", _warning(labels.warning, width)),
        Paragraph(esc(labels.what_heading), H2),
        *[Paragraph(esc(text), BODY) for text in labels.what],
        Paragraph(esc(labels.keep_heading), H2),
        *[Paragraph(esc(text), BULLET, bulletText="•") for text in labels.keep],
        Group("record", _record(labels, width)),
    ]
    return story


def _meta(labels: SheetLabels, school: str, made_on: str, width: float) -> Flowable:
    table = Table(
        [
            [Paragraph(esc(labels.school), META_LABEL), Paragraph(esc(labels.made_on), META_LABEL)],
            [_school_name(school, width * 0.68 - 4 * mm), Paragraph(esc(made_on), META_VALUE)],
        ],
        colWidths=[width * 0.68, width * 0.32],
    )
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 0.5 * mm),
            ]
        )
    )
    return table


def _school_name(school: str, width: float) -> Paragraph:
    for size in NAME_SIZES:
        name = Paragraph(esc(school) or "–", size)
        if name.wrap(width, PAGE[1])[1] <= NAME_HEIGHT:
            break
    return name


class KeyGroups(Flowable):  # type: ignore[misc]
    """The key's groups in two rows of numbered boxes, large and monospaced."""

    SIZE = 20.0  # points: a group of five is about 24 mm wide, its box about 31 mm
    CHAR_SPACE = 1.8
    PER_ROW = 5
    PAD = 4 * mm
    CELL_HEIGHT = 15 * mm
    GAP = 3 * mm

    def __init__(self, groups: tuple[str, ...]) -> None:
        super().__init__()
        self.groups = groups
        self.rows = -(-len(groups) // self.PER_ROW)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = 2 * self.PAD + self.rows * self.CELL_HEIGHT + (self.rows - 1) * self.PAD
        return self.width, self.height

    def draw(self) -> None:
        canvas: Any = self.canv
        canvas.saveState()
        canvas.setFillColor(TINT)
        canvas.setStrokeColor(NAVY)
        canvas.setLineWidth(1.2)
        canvas.roundRect(0, 0, self.width, self.height, 3 * mm, stroke=1, fill=1)
        gap, cell_height = self.GAP, self.CELL_HEIGHT
        cell_width = (self.width - 2 * self.PAD - gap * (self.PER_ROW - 1)) / self.PER_ROW
        for index, group in enumerate(self.groups):
            row, column = divmod(index, self.PER_ROW)
            x = self.PAD + column * (cell_width + gap)
            y = self.height - self.PAD - (row + 1) * cell_height - row * self.PAD
            canvas.setFillColor(colors.white)
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(0.8)
            canvas.roundRect(x, y, cell_width, cell_height, 1.5 * mm, stroke=1, fill=1)
            canvas.setFillColor(MUTED)
            canvas.setFont(REGULAR, 7)
            canvas.drawString(x + 1.6 * mm, y + cell_height - 3.2 * mm, str(index + 1))
            canvas.setFillColor(INK)
            canvas.setFont(MONO_BOLD, self.SIZE)
            canvas.drawCentredString(
                x + cell_width / 2,
                y + 3.8 * mm,
                group,
                charSpace=self.CHAR_SPACE,
            )
        canvas.restoreState()


def _warning(text: str, width: float) -> Flowable:
    box = Table(
        [[Paragraph(esc(text), style("rs-warn", fontName=BOLD, fontSize=10.5, leading=14))]],
        colWidths=[width],
    )
    box.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), WARM_TINT),
                ("LINEBEFORE", (0, 0), (0, -1), 3, ACCENT),
                ("LEFTPADDING", (0, 0), (-1, -1), 4 * mm),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm),
            ]
        )
    )
    return box


def _record(labels: SheetLabels, width: float) -> list[Flowable]:
    label = style("rs-rec", fontSize=9.5, leading=12, textColor=INK)
    rows: list[list[Any]] = [
        [Paragraph(esc(text), label), "", ""]
        for text in (labels.kept_where, labels.may_use, labels.signed)
    ]
    rows.append(["", "", ""])  # a little room below the last line, inside the box
    table = Table(
        rows,
        colWidths=[width * 0.34, width * 0.66 - 5 * mm, 5 * mm],
        rowHeights=[10 * mm] * (len(rows) - 1) + [3 * mm],
    )
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LINEBELOW", (1, 0), (1, -2), 0.6, MUTED),
                ("BOX", (0, 0), (-1, -1), 0.8, NAVY),
                ("LEFTPADDING", (0, 0), (0, -1), 4 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5 * mm),
            ]
        )
    )
    return [Paragraph(esc(labels.record_heading), H2), Spacer(1, 2 * mm), table]
