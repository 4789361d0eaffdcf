"""A lesson's printed companions: the teacher's lesson plan and the pupils' worksheet (A4).

The lesson plan holds everything a teacher needs on paper: the lesson's goals, preparation,
ground rules and aftercare (what to do if a pupil discloses), an overview of the slides with
their planned minutes, and then every slide with its teacher notes, the quiz answers, the case
story's parts and questions and the help lines (names and contacts from the signal card).

The worksheet is for pupils: the lesson's questions (statements, quizzes without their answers,
the case questions) with room to write, and where to get help. It asks for a group, never a
name: pupils need not write down who they are.

Both flow over as many pages as they need, with page numbers and the series' footer. Labels are
a small table per language (:data:`LABELS`); the lesson's own text is data, escaped or turned
from its small Markdown into reportlab's inline markup by :mod:`lessons.markdown`.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

from lessons import markdown
from lessons.model import (
    CaseSlide,
    ClosingSlide,
    HelpSlide,
    ImageSlide,
    Lesson,
    QuizSlide,
    SlideBase,
    StatementSlide,
    TextSlide,
    TitleSlide,
)
from toolkit.pdf import (
    ACCENT,
    BOLD,
    INK,
    MUTED,
    NAVY,
    REGULAR,
    TINT,
    WARM_TINT,
    esc,
    register_fonts,
    style,
    table_style,
)
from toolkit.resources import resource_path
from toolkit.signal_card import HelpLine, SignalCard, load_signal_card

PAGE = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 20 * mm
BODY_WIDTH = PAGE[0] - 2 * MARGIN_X
FOOTER = "Mensenhandel (niet) op school — Schoolsignaal"
RULE = colors.HexColor("#d9dde3")
LINE = colors.HexColor("#b9c0ca")
INDENT = 11 * mm  # slide details sit under the slide's heading, right of its number
QUESTION_INDENT = 8.5 * mm  # a worksheet question's number sits in this margin


@dataclass(frozen=True)
class PlanLabels:
    """Every fixed word on the lesson plan and the worksheet, in one language."""

    plan: str
    worksheet: str
    lesson_number: str
    levels: str
    duration: str
    planned: str
    minutes: str
    minutes_short: str
    summary: str
    goals: str
    knowledge: str
    skills: str
    attitude: str
    preparation: str
    ground_rules: str
    aftercare: str
    overview: str
    slides: str
    slide_count: str
    column_number: str
    column_kind: str
    column_slide: str
    column_minutes: str
    column_levels: str
    every_level: str
    only_for: str
    total: str
    notes: str
    on_slide: str
    image: str
    prompts: str
    options: str
    answer: str
    explanation: str
    part: str
    takeaways: str
    unknown_help_line: str
    page: str
    group: str
    no_name: str
    statement: str
    agree: str
    disagree: str
    why: str
    tick: str
    help_heading: str
    kinds: dict[str, str]
    level_names: dict[str, str]


LABELS: dict[str, PlanLabels] = {
    "nl": PlanLabels(
        plan="Lesplan",
        worksheet="Werkblad",
        lesson_number="Les {number}",
        levels="Niveau",
        duration="Lesduur",
        planned="Gepland",
        minutes="{minutes} minuten",
        minutes_short="{minutes} min.",
        summary="Waar gaat de les over?",
        goals="Leerdoelen",
        knowledge="Kennis",
        skills="Vaardigheden",
        attitude="Houding",
        preparation="Voorbereiding",
        ground_rules="Afspraken in de klas",
        aftercare="Nazorg: als een leerling iets vertelt",
        overview="Verloop van de les",
        slides="De dia's met notities",
        slide_count="Dia's",
        column_number="Nr.",
        column_kind="Soort",
        column_slide="Dia",
        column_minutes="Min.",
        column_levels="Niveau",
        every_level="alle",
        only_for="alleen {levels}",
        total="Totaal gepland",
        notes="Notities voor de docent",
        on_slide="Op de dia",
        image="Afbeelding: {alt}",
        prompts="Gespreksvragen",
        options="Antwoorden",
        answer="Goed antwoord",
        explanation="Uitleg",
        part="Deel {number}",
        takeaways="Om mee te nemen",
        unknown_help_line="onbekende hulplijn '{id}': staat niet op de signalenkaart",
        page="Pagina {page} van {pages}",
        group="Groep:",
        no_name="Je naam hoef je niet op te schrijven.",
        statement="Stelling",
        agree="Eens",
        disagree="Oneens",
        why="Waarom?",
        tick="Kruis aan wat jij denkt.",
        help_heading="Waar kun je terecht?",
        kinds={
            "title": "Titel",
            "text": "Tekst",
            "image": "Afbeelding",
            "statement": "Stelling",
            "quiz": "Quiz",
            "case": "Casus",
            "help": "Hulp",
            "closing": "Afsluiting",
        },
        level_names={"onderbouw": "onderbouw", "bovenbouw": "bovenbouw", "mbo": "mbo"},
    ),
    "en": PlanLabels(
        plan="Lesson plan",
        worksheet="Worksheet",
        lesson_number="Lesson {number}",
        levels="Level",
        duration="Length",
        planned="Planned",
        minutes="{minutes} minutes",
        minutes_short="{minutes} min",
        summary="What the lesson is about",
        goals="Learning goals",
        knowledge="Knowledge",
        skills="Skills",
        attitude="Attitude",
        preparation="Preparation",
        ground_rules="Ground rules",
        aftercare="Aftercare: if a pupil tells you something",
        overview="Outline of the lesson",
        slides="The slides with notes",
        slide_count="Slides",
        column_number="No.",
        column_kind="Kind",
        column_slide="Slide",
        column_minutes="Min.",
        column_levels="Level",
        every_level="all",
        only_for="only {levels}",
        total="Total planned",
        notes="Notes for the teacher",
        on_slide="On the slide",
        image="Image: {alt}",
        prompts="Discussion prompts",
        options="Options",
        answer="Right answer",
        explanation="Explanation",
        part="Part {number}",
        takeaways="Take-aways",
        unknown_help_line="unknown help line '{id}': not on the signal card",
        page="Page {page} of {pages}",
        group="Group:",
        no_name="You do not need to write your name.",
        statement="Statement",
        agree="Agree",
        disagree="Disagree",
        why="Why?",
        tick="Tick what you think.",
        help_heading="Where can you go?",
        kinds={
            "title": "Title",
            "text": "Text",
            "image": "Image",
            "statement": "Statement",
            "quiz": "Quiz",
            "case": "Case",
            "help": "Help",
            "closing": "Closing",
        },
        level_names={
            "onderbouw": "lower years",
            "bovenbouw": "upper years",
            "mbo": "MBO (vocational)",
        },
    ),
}

BOX = "☐"  # a box to tick
TICK = "✓"

# ---------------------------------------------------------------- styles

KICKER = style("kicker", fontName=BOLD, fontSize=9, textColor=ACCENT, spaceAfter=1.5 * mm)
TITLE = style("title", fontName=BOLD, fontSize=21, leading=25, textColor=NAVY, spaceAfter=4 * mm)
H1 = style(
    "h1", fontName=BOLD, fontSize=13.5, textColor=NAVY, spaceBefore=6 * mm, spaceAfter=2.2 * mm
)
H2 = style("h2", fontName=BOLD, fontSize=10, textColor=NAVY, spaceBefore=2 * mm, spaceAfter=1 * mm)
BODY = style("body", fontSize=9.5, leading=13, spaceAfter=1.6 * mm)
LEAD = style("lead", parent=BODY, fontSize=10.5, leading=14.5)
BULLET = style("bullet", parent=BODY, leftIndent=4.5 * mm, bulletIndent=0.5 * mm, spaceAfter=1 * mm)
SMALL = style("small", fontSize=8, leading=10, textColor=MUTED)
CELL = style("cell", fontSize=9, leading=11.5)
CELL_BULLET = style("cellbullet", parent=CELL, leftIndent=3.5 * mm, bulletIndent=0)
CELL_BOLD = style("cellbold", parent=CELL, fontName=BOLD)
CELL_HEAD = style("cellhead", fontName=BOLD, fontSize=8.5, leading=10.5, textColor=colors.white)
CELL_RIGHT = style("cellright", parent=CELL, alignment=2)
META_LABEL = style("metalabel", fontSize=7.5, leading=9, textColor=MUTED)
META_VALUE = style("metavalue", fontName=BOLD, fontSize=10, leading=12.5, textColor=INK)
SLIDE_NUMBER = style(
    "slidenumber", fontName=BOLD, fontSize=11, leading=13, textColor=colors.white, alignment=1
)
SLIDE_KIND = style("slidekind", fontName=BOLD, fontSize=7.5, leading=9, textColor=ACCENT)
SLIDE_HEADING = style("slideheading", fontName=BOLD, fontSize=10.5, leading=13.5, textColor=NAVY)
DETAIL_LABEL = style(
    "detaillabel",
    fontName=BOLD,
    fontSize=8,
    leading=10,
    textColor=MUTED,
    leftIndent=INDENT,
    spaceBefore=1.6 * mm,
    spaceAfter=0.8 * mm,
)
DETAIL = style("detail", parent=BODY, leftIndent=INDENT)
DETAIL_MUTED = style("detailmuted", parent=DETAIL, textColor=MUTED)
DETAIL_BULLET = style(
    "detailbullet", parent=DETAIL, leftIndent=INDENT + 4.5 * mm, bulletIndent=INDENT + 0.5 * mm
)
DETAIL_MUTED_BULLET = style("detailmutedbullet", parent=DETAIL_BULLET, textColor=MUTED)
NOTES = style("notes", parent=DETAIL, textColor=INK)
NOTES_BULLET = style("notesbullet", parent=DETAIL_BULLET)
QUESTION = style("question", fontName=BOLD, fontSize=11, leading=14.5, textColor=INK)
QUESTION_NUMBER = style("questionnumber", fontName=BOLD, fontSize=11, leading=14.5, textColor=NAVY)
ANSWER_OPTION = style(
    "option", fontSize=10.5, leading=15, leftIndent=QUESTION_INDENT, spaceAfter=0.6 * mm
)


@functools.cache
def _register_italics() -> None:
    """Map ``<i>`` to DejaVu Sans Oblique where ``resources/fonts`` ships it.

    Without those files, italic text prints upright (never in a font that is not embedded).
    """
    register_fonts()
    italic, bold_italic = "DejaVuSans-Oblique", "DejaVuSans-BoldOblique"
    paths = [resource_path("fonts", f"{name}.ttf") for name in (italic, bold_italic)]
    if not all(path.is_file() for path in paths):
        return
    for name, path in zip((italic, bold_italic), paths, strict=True):
        pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(
        REGULAR, normal=REGULAR, bold=BOLD, italic=italic, boldItalic=bold_italic
    )


# ---------------------------------------------------------------- what a lesson holds


def labels_for(language: str) -> PlanLabels:
    if language not in LABELS:
        raise ValueError(f"no labels in {language!r}; choose one of {', '.join(LABELS)}")
    return LABELS[language]


def has_questions(lesson: Lesson) -> bool:
    """Whether the lesson asks pupils anything: a statement, a quiz or a case's questions."""
    return any(_is_question(slide) for slide in lesson.slides)


def _is_question(slide: SlideBase) -> bool:
    if isinstance(slide, StatementSlide | QuizSlide):
        return True
    return isinstance(slide, CaseSlide) and any(part.questions for part in slide.parts)


def file_name(lesson: Lesson, worksheet: bool = False) -> str:
    kind = "werkblad" if worksheet else "lesplan"
    return f"{kind}-{lesson.number:02d}-{lesson.id}-{lesson.language}.pdf"


def _help_lines(lesson: Lesson, card: SignalCard) -> list[tuple[str, HelpLine | None]]:
    """The help lines of the lesson's help slides, in order, each once (None: not on the card)."""
    by_id = {line.id: line for line in card.help_lines}
    seen: list[str] = []
    for slide in lesson.slides:
        if isinstance(slide, HelpSlide):
            seen += [i for i in slide.help_lines if i not in seen]
    return [(i, by_id.get(i)) for i in seen]


# ---------------------------------------------------------------- the document frame


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Holds the pages back until the end, so each can say "page 2 of 5"."""

    def __init__(self, *args: Any, page_label: str = "{page}", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._page_label = page_label
        self._held: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held)
        for number, state in enumerate(self._held, start=1):
            self.__dict__.update(state)
            self.setFont(REGULAR, 8)
            self.setFillColor(MUTED)
            self.drawRightString(
                PAGE[0] - MARGIN_X,
                MARGIN_BOTTOM - 10 * mm,
                self._page_label.format(page=number, pages=total),
            )
            super().showPage()
        super().save()


def _build(
    story: list[Flowable], *, kind: str, lesson: Lesson, labels: PlanLabels, title: str
) -> bytes:
    _register_italics()
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
    doc.build(story, canvasmaker=functools.partial(_NumberedCanvas, page_label=labels.page))
    return buffer.getvalue()


def _fit(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# ---------------------------------------------------------------- small parts


def _markdown(text: str, paragraph: Any, bullet: Any) -> list[Flowable]:
    """The lesson's small Markdown as paragraphs and bullets (already escaped by ``blocks``)."""
    story: list[Flowable] = []
    for block in markdown.blocks(text):
        if isinstance(block, markdown.BulletList):
            story += [Paragraph(item, bullet, bulletText="•") for item in block.items]
        else:
            story.append(Paragraph(block.html, paragraph))
    return story


def _bullets(items: Iterable[str], bullet: Any = BULLET) -> list[Flowable]:
    return [Paragraph(esc(item), bullet, bulletText="•") for item in items]


def _levels_text(levels: Sequence[str] | None, labels: PlanLabels) -> str:
    if not levels:
        return labels.every_level
    return ", ".join(labels.level_names.get(level, level) for level in levels)


def _minutes(minutes: float | None, labels: PlanLabels, *, short: bool = True) -> str:
    if minutes is None:
        return "–"
    amount = f"{minutes:g}" if labels is LABELS["en"] else f"{minutes:g}".replace(".", ",")
    return (labels.minutes_short if short else labels.minutes).format(minutes=amount)


def _heading_block(kicker: str, title: str) -> list[Flowable]:
    return [Paragraph(esc(kicker.upper()), KICKER), Paragraph(esc(title), TITLE)]


def _section(title: str, first: Sequence[Flowable]) -> Flowable:
    """A section heading kept on the page with what follows it."""
    return KeepTogether([Paragraph(esc(title), H1), *first])


# ---------------------------------------------------------------- the lesson plan


def build_lesson_plan(lesson: Lesson, card: SignalCard | None = None) -> bytes:
    """The teacher's lesson plan as PDF bytes (A4, DejaVu Sans embedded)."""
    _register_italics()
    card = card or load_signal_card(lesson.language)
    labels = labels_for(lesson.language)
    story: list[Flowable] = [
        *_heading_block(
            f"{labels.plan} · {labels.lesson_number.format(number=lesson.number)}", lesson.title
        ),
        _meta_table(lesson, labels),
        Spacer(1, 3 * mm),
        *_markdown(lesson.summary, LEAD, BULLET),
        _section(labels.goals, [_goals_table(lesson, labels)]),
    ]
    prep = _bullets(lesson.preparation)
    story += [_section(labels.preparation, prep[:1]), *prep[1:]]
    rules = _bullets(lesson.ground_rules)
    story += [_section(labels.ground_rules, rules[:1]), *rules[1:]]
    story += [Spacer(1, 4 * mm), _aftercare_box(lesson, labels)]
    story += [_section(labels.overview, [_overview_table(lesson, labels)])]
    for number, slide in enumerate(lesson.slides, start=1):
        heading = [Paragraph(esc(labels.slides), H1)] if number == 1 else []
        story += _slide_story(number, slide, labels, card, heading)
    return _build(
        story,
        kind=labels.plan,
        lesson=lesson,
        labels=labels,
        title=f"{labels.plan}: {lesson.title}",
    )


def _meta_table(lesson: Lesson, labels: PlanLabels) -> Flowable:
    planned = lesson.planned_minutes()
    cells = [
        (labels.levels, _levels_text(lesson.levels, labels)),
        (labels.duration, _minutes(lesson.duration, labels, short=False)),
        (labels.planned, _minutes(planned, labels, short=False) if planned else "–"),
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


def _aftercare_box(lesson: Lesson, labels: PlanLabels) -> Flowable:
    """What to do if a pupil discloses: a warm box, a row per paragraph (it may split)."""
    inner_bullet = style("aftercarebullet", parent=BULLET, spaceAfter=0.6 * mm)
    rows: list[list[Any]] = [[Paragraph(esc(labels.aftercare), style("ah", parent=H2))]]
    rows += [[f] for f in _markdown(lesson.aftercare, BODY, inner_bullet)]
    table = Table(rows, colWidths=[BODY_WIDTH])
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
    return table


def _overview_table(lesson: Lesson, labels: PlanLabels) -> Flowable:
    head = [
        Paragraph(esc(t), CELL_HEAD)
        for t in (
            labels.column_number,
            labels.column_kind,
            labels.column_slide,
            labels.column_minutes,
            labels.column_levels,
        )
    ]
    rows: list[list[Any]] = [head]
    for number, slide in enumerate(lesson.slides, start=1):
        rows.append(
            [
                Paragraph(str(number), CELL),
                Paragraph(esc(labels.kinds.get(slide.kind, slide.kind)), CELL),
                Paragraph(esc(slide.heading), CELL),
                Paragraph(esc(_minutes(slide.minutes, labels)), CELL_RIGHT),
                Paragraph(esc(_levels_text(slide.levels, labels)), CELL),
            ]
        )
    planned = lesson.planned_minutes()
    rows.append(
        [
            "",
            "",
            Paragraph(esc(labels.total), CELL_BOLD),
            Paragraph(
                esc(_minutes(planned, labels)), style("tr", parent=CELL_RIGHT, fontName=BOLD)
            ),
            "",
        ]
    )
    widths = [10 * mm, 24 * mm, 0.0, 20 * mm, 28 * mm]
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


def _slide_header(number: int, slide: SlideBase, labels: PlanLabels) -> Flowable:
    kind = labels.kinds.get(slide.kind, slide.kind).upper()
    heading: list[Any] = [
        Paragraph(esc(kind), SLIDE_KIND),
        Paragraph(esc(slide.heading), SLIDE_HEADING),
    ]
    if slide.levels:
        levels = labels.only_for.format(levels=_levels_text(slide.levels, labels))
        heading.append(Paragraph(esc(levels), style("lv", parent=SMALL, textColor=ACCENT)))
    minutes = Paragraph(
        esc(_minutes(slide.minutes, labels)), style("hm", parent=CELL_RIGHT, fontName=BOLD)
    )
    table = Table(
        [[Paragraph(str(number), SLIDE_NUMBER), heading, minutes]],
        colWidths=[INDENT - 2 * mm, BODY_WIDTH - INDENT - 20 * mm + 2 * mm, 20 * mm],
    )
    table.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (0, 0), NAVY),
                ("BACKGROUND", (1, 0), (-1, 0), TINT),
                ("LEFTPADDING", (0, 0), (0, 0), 0),
                ("RIGHTPADDING", (0, 0), (0, 0), 0),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (1, 0), (1, 0), 3 * mm),
                ("RIGHTPADDING", (-1, 0), (-1, 0), 3 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 1.8 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2 * mm),
            ]
        )
    )
    return table


def _slide_story(
    number: int,
    slide: SlideBase,
    labels: PlanLabels,
    card: SignalCard,
    heading: Sequence[Flowable] = (),
) -> list[Flowable]:
    details = _slide_details(slide, labels, card)
    notes = [
        Paragraph(esc(labels.notes), DETAIL_LABEL),
        *_markdown(slide.notes, NOTES, NOTES_BULLET),
    ]
    body = [*details, *notes]
    # The header never stands alone at the foot of a page: it keeps its first two lines.
    return [
        KeepTogether(
            [*heading, _slide_header(number, slide, labels), Spacer(1, 1.2 * mm), *body[:2]]
        ),
        *body[2:],
        Spacer(1, 5 * mm),
    ]


def _slide_details(slide: SlideBase, labels: PlanLabels, card: SignalCard) -> list[Flowable]:
    label = _detail_label
    if isinstance(slide, TitleSlide):
        return [Paragraph(esc(slide.subtitle), DETAIL_MUTED)] if slide.subtitle else []
    if isinstance(slide, TextSlide):
        return [label(labels.on_slide), *_markdown(slide.body, DETAIL_MUTED, DETAIL_MUTED_BULLET)]
    if isinstance(slide, ImageSlide):
        lines = [Paragraph(esc(labels.image.format(alt=slide.alt)), DETAIL_MUTED)]
        if slide.caption:
            lines.append(Paragraph(esc(slide.caption), DETAIL_MUTED))
        return lines
    if isinstance(slide, StatementSlide):
        return [label(labels.prompts), *_bullets(slide.prompts, DETAIL_BULLET)]
    if isinstance(slide, QuizSlide):
        return _quiz_details(slide, labels)
    if isinstance(slide, CaseSlide):
        return _case_details(slide, labels)
    if isinstance(slide, HelpSlide):
        return _help_details(slide, labels, card)
    if isinstance(slide, ClosingSlide):
        return [label(labels.takeaways), *_bullets(slide.takeaways, DETAIL_BULLET)]
    return []


def _detail_label(text: str) -> Flowable:
    return Paragraph(esc(text), DETAIL_LABEL)


def _quiz_details(slide: QuizSlide, labels: PlanLabels) -> list[Flowable]:
    story: list[Flowable] = [_detail_label(labels.options)]
    right = style("rightoption", parent=DETAIL_BULLET, fontName=BOLD, textColor=NAVY)
    for index, option in enumerate(slide.options, start=1):
        letter = chr(ord("A") + index - 1)
        if index == slide.answer:
            story.append(Paragraph(f"{letter}. {esc(option)}", right, bulletText=TICK))
        else:
            story.append(Paragraph(f"{letter}. {esc(option)}", DETAIL_BULLET, bulletText=" "))
    answer = chr(ord("A") + slide.answer - 1)
    story.append(
        Paragraph(
            f"<b>{esc(labels.answer)}: {answer}. {esc(slide.options[slide.answer - 1])}</b>",
            style("answer", parent=DETAIL, spaceBefore=1.2 * mm),
        )
    )
    story += [
        _detail_label(labels.explanation),
        *_markdown(slide.explanation, DETAIL, DETAIL_BULLET),
    ]
    return story


def _case_details(slide: CaseSlide, labels: PlanLabels) -> list[Flowable]:
    story: list[Flowable] = []
    for number, part in enumerate(slide.parts, start=1):
        story.append(_detail_label(labels.part.format(number=number)))
        story += _markdown(part.text, DETAIL, DETAIL_BULLET)
        story += [
            Paragraph(f"<i>{esc(q)}</i>", DETAIL_BULLET, bulletText="?") for q in part.questions
        ]
    return story


def _help_details(slide: HelpSlide, labels: PlanLabels, card: SignalCard) -> list[Flowable]:
    story: list[Flowable] = []
    if slide.intro:
        story.append(Paragraph(esc(slide.intro), DETAIL_MUTED))
    rows: list[list[Any]] = []
    by_id = {line.id: line for line in card.help_lines}
    for line_id in slide.help_lines:
        line = by_id.get(line_id)
        if line is None:
            warning = labels.unknown_help_line.format(id=line_id)
            rows.append(
                [Paragraph(esc(warning), style("uh", parent=CELL, textColor=ACCENT)), "", ""]
            )
            continue
        about = line.for_ + (f" ({line.hours})" if line.hours else "")
        rows.append(
            [
                Paragraph(esc(line.name), CELL_BOLD),
                Paragraph(esc(line.contact).replace(" · ", "<br/>"), CELL_BOLD),
                Paragraph(esc(about), style("ha", parent=CELL, textColor=MUTED)),
            ]
        )
    width = BODY_WIDTH - INDENT
    table = Table(rows, colWidths=[width * 0.3, width * 0.27, width * 0.43])
    table.hAlign = "RIGHT"
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1.2 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.4 * mm),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
            ]
        )
    )
    return [*story, Spacer(1, 1 * mm), table]


# ---------------------------------------------------------------- the worksheet


class WritingLines(Flowable):  # type: ignore[misc]
    """Ruled lines to write an answer on."""

    def __init__(
        self, count: int = 3, spacing: float = 8.5 * mm, indent: float = QUESTION_INDENT
    ) -> None:
        super().__init__()
        self.count, self.spacing, self.indent = count, spacing, indent

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self.count * self.spacing + 1.5 * mm
        return self.width, self.height

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setStrokeColor(LINE)
        self.canv.setLineWidth(0.6)
        for index in range(self.count):
            y = self.height - (index + 1) * self.spacing
            self.canv.line(self.indent, y, self.width, y)
        self.canv.restoreState()


def build_worksheet(lesson: Lesson, card: SignalCard | None = None) -> bytes:
    """The pupils' worksheet: the lesson's questions with room to write, and where to get help.

    No quiz answers, explanations or teacher notes; a group, never a name.
    """
    if not has_questions(lesson):
        raise ValueError(f"lesson {lesson.id!r} has no questions for a worksheet")
    _register_italics()
    card = card or load_signal_card(lesson.language)
    labels = labels_for(lesson.language)
    story: list[Flowable] = [
        *_heading_block(
            f"{labels.worksheet} · {labels.lesson_number.format(number=lesson.number)}",
            lesson.title,
        ),
        _group_line(labels),
        Spacer(1, 2 * mm),
    ]
    number = 0
    for slide in lesson.slides:
        if not _is_question(slide):
            continue
        tag = (
            labels.only_for.format(levels=_levels_text(slide.levels, labels))
            if slide.levels
            else ""
        )
        if isinstance(slide, StatementSlide):
            number += 1
            story.append(KeepTogether(_statement_question(number, slide, labels, tag)))
        elif isinstance(slide, QuizSlide):
            number += 1
            story.append(KeepTogether(_quiz_question(number, slide, labels, tag)))
        elif isinstance(slide, CaseSlide):
            # Each part of the story stays with its first question; the title with part one.
            lead: list[Flowable] = _case_title(slide, labels, tag)
            for part in slide.parts:
                block = [*lead, _story_box(part.text)]
                lead = []
                if not part.questions:
                    story.append(KeepTogether(block))
                    continue
                for index, question in enumerate(part.questions):
                    number += 1
                    first = block if index == 0 else []
                    story.append(KeepTogether([*first, *_open_question(number, question)]))
    story.append(_help_box(lesson, labels, card))
    return _build(
        story,
        kind=labels.worksheet,
        lesson=lesson,
        labels=labels,
        title=f"{labels.worksheet}: {lesson.title}",
    )


def _group_line(labels: PlanLabels) -> Flowable:
    table = Table(
        [
            [
                Paragraph(esc(labels.group), style("g", fontName=BOLD, fontSize=11)),
                "",
                Paragraph(esc(labels.no_name), style("nn", parent=SMALL, alignment=2)),
            ]
        ],
        colWidths=[18 * mm, 55 * mm, BODY_WIDTH - 73 * mm],
    )
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (0, 0), 0),
                ("RIGHTPADDING", (-1, 0), (-1, 0), 0),
                ("LINEBELOW", (1, 0), (1, 0), 0.8, INK),
            ]
        )
    )
    return table


def _question_head(number: int, text: str, tag: str = "", kicker: str = "") -> Flowable:
    """The question's number in the margin, its text (after an optional coloured kicker)."""
    shown = esc(text)
    if kicker:
        shown = f'<font color="{ACCENT.hexval()}">{esc(kicker)}:</font> {shown}'
    inner: list[Any] = [Paragraph(shown, QUESTION)]
    if tag:
        inner.append(Paragraph(esc(tag), style("qt", parent=SMALL, textColor=ACCENT)))
    table = Table(
        [[Paragraph(f"{number}.", QUESTION_NUMBER), inner]],
        colWidths=[QUESTION_INDENT, BODY_WIDTH - QUESTION_INDENT],
    )
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5 * mm),
            ]
        )
    )
    table.spaceBefore = 5 * mm
    return table


def _statement_question(
    number: int, slide: StatementSlide, labels: PlanLabels, tag: str
) -> list[Flowable]:
    gap = "&nbsp;" * 8
    choice = f"{BOX} {esc(labels.agree)}{gap}{BOX} {esc(labels.disagree)}"
    return [
        _question_head(number, slide.statement, tag, kicker=labels.statement),
        Paragraph(choice, ANSWER_OPTION),
        Paragraph(esc(labels.why), style("why", parent=ANSWER_OPTION, textColor=MUTED)),
        WritingLines(3),
    ]


def _quiz_question(number: int, slide: QuizSlide, labels: PlanLabels, tag: str) -> list[Flowable]:
    options = [
        Paragraph(f"{BOX}&nbsp;&nbsp;{chr(ord('A') + i)}. {esc(option)}", ANSWER_OPTION)
        for i, option in enumerate(slide.options)
    ]
    tick = style("tick", parent=ANSWER_OPTION, textColor=MUTED)
    return [
        _question_head(number, slide.question, tag),
        Paragraph(esc(labels.tick), tick),
        *options,
    ]


def _case_title(slide: CaseSlide, labels: PlanLabels, tag: str) -> list[Flowable]:
    title = [
        Paragraph(
            esc(labels.kinds["case"].upper()), style("ck", parent=KICKER, spaceBefore=6 * mm)
        ),
        Paragraph(esc(slide.title), style("ct", parent=H1, spaceBefore=0)),
    ]
    if tag:
        title.append(Paragraph(esc(tag), style("ctag", parent=SMALL, textColor=ACCENT)))
    return title


def _story_box(text: str) -> Flowable:
    """A part of the case story, set off from the questions by a bar in the margin."""
    story_style = style("cp", parent=BODY, fontSize=10.5, leading=14.5, spaceAfter=1 * mm)
    rows = [
        [f]
        for f in _markdown(
            text,
            story_style,
            style("cb", parent=story_style, leftIndent=4.5 * mm, bulletIndent=0.5 * mm),
        )
    ]
    table = Table(rows, colWidths=[BODY_WIDTH - QUESTION_INDENT])
    table.hAlign = "RIGHT"
    table.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), TINT),
                ("LINEBEFORE", (0, 0), (0, -1), 2.5, NAVY),
                ("LEFTPADDING", (0, 0), (-1, -1), 4 * mm),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4 * mm),
                ("TOPPADDING", (0, 0), (-1, 0), 2.5 * mm),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 1.5 * mm),
            ]
        )
    )
    table.spaceBefore = 3 * mm
    return table


def _open_question(number: int, question: str) -> list[Flowable]:
    return [_question_head(number, question), WritingLines(3)]


def _help_box(lesson: Lesson, labels: PlanLabels, card: SignalCard) -> Flowable:
    """Where to get help: the lesson's help slide lines, or the card's pupil lines without one."""
    help_slides = [s for s in lesson.slides if isinstance(s, HelpSlide)]
    heading = help_slides[0].title if help_slides else labels.help_heading
    intro = help_slides[0].intro if help_slides else None
    lines = [line for _id, line in _help_lines(lesson, card) if line is not None]
    if not help_slides:
        lines = card.pupil_lines()
    width = BODY_WIDTH
    rows: list[list[Any]] = [
        [Paragraph(esc(heading), style("hh", parent=H1, spaceBefore=0, spaceAfter=0)), ""]
    ]
    if intro:
        rows.append([Paragraph(esc(intro), BODY), ""])
    for line in lines:
        rows.append(
            [
                [
                    Paragraph(
                        esc(line.name), style("hn", fontName=BOLD, fontSize=10.5, textColor=NAVY)
                    ),
                    Paragraph(
                        esc(line.pupil_text or line.for_), style("hp", parent=SMALL, fontSize=9)
                    ),
                ],
                Paragraph(
                    esc(line.contact).replace(" · ", "<br/>"),
                    style("hc", fontName=BOLD, fontSize=11.5, leading=14, alignment=2),
                ),
            ]
        )
    table = Table(rows, colWidths=[width * 0.62, width * 0.38])
    table.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), TINT),
                ("SPAN", (0, 0), (1, 0)),
                *([("SPAN", (0, 1), (1, 1))] if intro else []),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 5 * mm),
                ("RIGHTPADDING", (0, 0), (-1, -1), 5 * mm),
                ("TOPPADDING", (0, 0), (-1, 0), 4 * mm),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 4 * mm),
                ("LINEBELOW", (0, 1 + bool(intro)), (-1, -2), 0.5, colors.white),
                ("ROUNDEDCORNERS", [3 * mm] * 4),
            ]
        )
    )
    table.spaceBefore = 8 * mm  # dropped when the box starts a page
    return KeepTogether([table])  # a help box is never split over two pages


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
