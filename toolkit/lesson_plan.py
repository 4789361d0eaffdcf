"""A lesson's printed companions: the teacher's lesson plan and the pupils' worksheet (A4).

The lesson plan holds everything a teacher needs on paper: the lesson's goals, preparation,
ground rules and aftercare (what to do if a pupil discloses), an overview of the slides with
their planned minutes, and then every slide with its teacher notes, the quiz answers, the case
story's parts and questions and the help lines (names and contacts from the signal card).

Both are made for one level (onderbouw, bovenbouw, mbo): they hold that level's slides only, as
the class sees them. Without a level, the lesson's first.

The worksheet (:mod:`toolkit.worksheet`) is for pupils: the lesson's questions with room to
write, and where to get help.

Both flow over as many pages as they need, with page numbers and the series' footer
(:mod:`toolkit.lesson_pages`). Labels are a small table per language (:data:`LABELS`, in
:mod:`toolkit.lesson_plan_labels`); the shared styles and small parts are in
:mod:`toolkit.lesson_flowables`, the slides with their notes in :mod:`toolkit.lesson_plan_slides`.
This module keeps the public API: :func:`build_lesson_plan`, :func:`build_worksheet`,
:func:`has_questions`, :func:`file_name` and :func:`write_samples`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from lessons.model import Lesson, Level, SlideBase
from toolkit.lesson_flowables import (
    BODY,
    BULLET,
    CELL,
    CELL_BOLD,
    CELL_BULLET,
    CELL_HEAD,
    CELL_RIGHT,
    H1,
    H2,
    LEAD,
    ContinuedTable,
    KeepStart,
    bullets,
    heading_block,
    markdown_paragraphs,
    section,
)
from toolkit.lesson_pages import BODY_WIDTH, RULE, build_document
from toolkit.lesson_plan_labels import LABELS, PlanLabels, labels_for, levels_text, minutes_text
from toolkit.lesson_plan_slides import slide_story
from toolkit.pdf import (
    ACCENT,
    BOLD,
    INK,
    MUTED,
    NAVY,
    TINT,
    WARM_TINT,
    esc,
    register_fonts,
    style,
    table_style,
)
from toolkit.school_contact import SchoolContact
from toolkit.signal_card import SignalCard, load_signal_card
from toolkit.worksheet import WritingLines, build_worksheet, has_questions

__all__ = [
    "LABELS",
    "PlanLabels",
    "WritingLines",
    "build_lesson_plan",
    "build_worksheet",
    "file_name",
    "has_questions",
    "labels_for",
    "write_samples",
]

META_LABEL = style("metalabel", fontSize=7.5, leading=9, textColor=MUTED)
META_VALUE = style("metavalue", fontName=BOLD, fontSize=10, leading=12.5, textColor=INK)


def build_lesson_plan(
    lesson: Lesson,
    card: SignalCard | None = None,
    level: Level | None = None,
    school: SchoolContact | None = None,
) -> bytes:
    """The teacher's lesson plan for ``level`` (the lesson's first level if None) as PDF bytes
    (A4, DejaVu Sans embedded). ValueError when the lesson is not for ``level``.

    With ``school``, its name and logo (where set) head the first page."""
    lesson = lesson.for_level(level or lesson.levels[0])
    register_fonts()  # before the first Paragraph measures its text
    card = card or load_signal_card(lesson.language)
    labels = labels_for(lesson.language)
    story: list[Flowable] = [
        *heading_block(kicker(labels.plan, lesson, labels), lesson.title),
        _meta_table(lesson, labels),
        Spacer(1, 3 * mm),
        *markdown_paragraphs(lesson.summary, LEAD, BULLET),
        section(labels.goals, [_goals_table(lesson, labels)]),
    ]
    prep = bullets(lesson.preparation)
    story += [section(labels.preparation, prep[:1]), *prep[1:]]
    rules = bullets(lesson.ground_rules)
    story += [section(labels.ground_rules, rules[:1]), *rules[1:]]
    story.append(_aftercare_box(lesson, labels))
    story += [section(labels.overview, [_overview_table(lesson, labels)])]
    for number, slide in enumerate(lesson.slides, start=1):
        heading = [Paragraph(esc(labels.slides), H1)] if number == 1 else []
        story += slide_story(number, slide, labels, card, heading)
    return build_document(
        story,
        school=school,
        kind=labels.plan,
        lesson=lesson,
        labels=labels,
        title=f"{labels.plan}: {lesson.title}",
    )


def kicker(kind: str, lesson: Lesson, labels: PlanLabels) -> str:
    """ "Lesplan · Les 1 · onderbouw": the document, the lesson's number and its level."""
    number = labels.lesson_number.format(number=lesson.number)
    return f"{kind} · {number} · {levels_text(lesson.levels, labels)}"


def _meta_table(lesson: Lesson, labels: PlanLabels) -> Flowable:
    planned = lesson.planned_minutes()
    cells = [
        (labels.levels, levels_text(lesson.levels, labels)),
        (labels.duration, minutes_text(lesson.duration, labels, short=False)),
        (labels.planned, minutes_text(planned, labels, short=False) if planned else "–"),
        (labels.slide_count, str(len(lesson.slides))),
    ]
    row = [
        [Paragraph(esc(label), META_LABEL), Paragraph(esc(value), META_VALUE)]
        for label, value in cells
    ]
    table = Table([row], colWidths=[BODY_WIDTH * w for w in (0.4, 0.2, 0.2, 0.2)])
    table.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), TINT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3.5 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5 * mm),
                ("LINEBEFORE", (1, 0), (-1, -1), 0.6, colors.white),
                ("LINEABOVE", (0, 0), (-1, 0), 2, NAVY),
            ]
        )
    )
    return table


def _goals_table(lesson: Lesson, labels: PlanLabels) -> Flowable:
    """One column per kind of goal; a row per goal, so a long list still splits over pages."""
    columns = [lesson.goals.knowledge, lesson.goals.skills, lesson.goals.attitude]
    head = [
        Paragraph(esc(t), CELL_HEAD) for t in (labels.knowledge, labels.skills, labels.attitude)
    ]
    rows: list[list[Any]] = [head]
    for index in range(max(len(c) for c in columns)):
        rows.append(
            [
                Paragraph(esc(column[index]), CELL_BULLET, bulletText="•")
                if index < len(column)
                else ""
                for column in columns
            ]
        )
    table = Table(rows, colWidths=[BODY_WIDTH / 3] * 3, repeatRows=1)
    table.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (-1, 0), NAVY),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3 * mm),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 1.6 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.6 * mm),
                ("LINEBEFORE", (1, 0), (-1, -1), 0.6, RULE),
                ("LINEBELOW", (0, -1), (-1, -1), 0.6, RULE),
            ]
        )
    )
    return table


AFTERCARE_HEADING = style("ah", parent=H2)


def _aftercare_box(lesson: Lesson, labels: PlanLabels) -> Flowable:
    """What to do if a pupil discloses: a warm box, a row per paragraph. It may split between
    paragraphs; the part on the next page starts with the heading again, "(vervolg)"."""
    inner_bullet = style("aftercarebullet", parent=BULLET, spaceAfter=0.6 * mm)
    rows: list[list[Any]] = [[Paragraph(esc(labels.aftercare), AFTERCARE_HEADING)]]
    rows += [[f] for f in markdown_paragraphs(lesson.aftercare, BODY, inner_bullet)]
    table = ContinuedTable(rows, colWidths=[BODY_WIDTH], repeatRows=1)
    table.continued = Paragraph(esc(f"{labels.aftercare} ({labels.continued})"), AFTERCARE_HEADING)
    table.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), WARM_TINT),
                ("LINEBEFORE", (0, 0), (0, -1), 3, ACCENT),
                ("LEFTPADDING", (0, 0), (-1, -1), 5 * mm),
                ("RIGHTPADDING", (0, 0), (-1, -1), 5 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, 0), 2.5 * mm),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 2.5 * mm),
            ]
        )
    )
    table.spaceBefore = 4 * mm
    return KeepStart([table])  # the heading never alone: it keeps the first paragraph


def _heading_cell(slide: SlideBase, labels: PlanLabels) -> str:
    """The slide's heading, and "(overslaan mag)" in grey when it may be left out."""
    if not slide.skippable:
        return esc(slide.heading)
    return f"{esc(slide.heading)} <font color='#5a6270'><i>({esc(labels.skippable)})</i></font>"


def _overview_table(lesson: Lesson, labels: PlanLabels) -> Flowable:
    head = [
        Paragraph(esc(t), CELL_HEAD)
        for t in (
            labels.column_number,
            labels.column_kind,
            labels.column_slide,
            labels.column_minutes,
        )
    ]
    rows: list[list[Any]] = [head]
    for number, slide in enumerate(lesson.slides, start=1):
        rows.append(
            [
                Paragraph(str(number), CELL),
                Paragraph(esc(labels.kinds.get(slide.kind, slide.kind)), CELL),
                Paragraph(_heading_cell(slide, labels), CELL),
                Paragraph(esc(minutes_text(slide.minutes, labels)), CELL_RIGHT),
            ]
        )
    planned = lesson.planned_minutes()
    rows.append(
        [
            "",
            "",
            Paragraph(esc(labels.total), CELL_BOLD),
            Paragraph(
                esc(minutes_text(planned, labels)), style("tr", parent=CELL_RIGHT, fontName=BOLD)
            ),
        ]
    )
    widths = [10 * mm, 28 * mm, 0.0, 20 * mm]
    widths[2] = BODY_WIDTH - sum(widths)
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (-1, 0), NAVY),
                ("ROWBACKGROUNDS", (0, 1), (-1, -2), [colors.white, TINT]),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 1.4 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.4 * mm),
                ("LINEABOVE", (0, -1), (-1, -1), 0.8, NAVY),
            ]
        )
    )
    return table


def file_name(lesson: Lesson, worksheet: bool = False, level: Level | None = None) -> str:
    """``lesplan-01-wat-is-mensenhandel-onderbouw-nl.pdf``: per lesson, level and language."""
    kind = "werkblad" if worksheet else "lesplan"
    level = level or lesson.levels[0]
    return f"{kind}-{lesson.number:02d}-{lesson.id}-{level}-{lesson.language}.pdf"


# ---------------------------------------------------------------- samples


def write_samples(folder: Path, root: Path | None = None) -> list[Path]:
    """The first shipped Dutch lesson's plan and worksheet into ``folder``, for the smoke test."""
    from lessons.library import CONTENT, load_library
    from toolkit.pdf import save

    library = load_library("nl", root or CONTENT)
    if not library.lessons:
        return []
    lesson = library.lessons[0].lesson
    written = [save(build_lesson_plan(lesson), folder / file_name(lesson))]
    if has_questions(lesson):
        written.append(save(build_worksheet(lesson), folder / file_name(lesson, True)))
    return written
