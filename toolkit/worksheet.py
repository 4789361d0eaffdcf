"""The pupils' worksheet (A4).

The lesson's questions (statements, quizzes without their answers, the case questions) with room
to write, and where to get help. It asks for a group, never a name: pupils need not write down
who they are.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from lessons.model import CaseSlide, HelpSlide, Lesson, Level, QuizSlide, SlideBase, StatementSlide
from toolkit.lesson_flowables import (
    BODY,
    H1,
    KICKER,
    SMALL,
    heading_block,
    markdown_paragraphs,
)
from toolkit.lesson_pages import BODY_WIDTH, build_document
from toolkit.lesson_plan_labels import PlanLabels, labels_for, levels_text
from toolkit.pdf import (
    ACCENT_TEXT,
    BOLD,
    INK,
    MUTED,
    NAVY,
    TINT,
    esc,
    register_fonts,
    style,
    table_style,
)
from toolkit.school_contact import SchoolContact
from toolkit.signal_card import HelpLine, SignalCard, load_signal_card

LINE = colors.HexColor("#b9c0ca")
QUESTION_INDENT = 8.5 * mm  # a worksheet question's number sits in this margin
BOX = "☐"  # a box to tick

QUESTION = style("question", fontName=BOLD, fontSize=11, leading=14.5, textColor=INK)
QUESTION_NUMBER = style("questionnumber", fontName=BOLD, fontSize=11, leading=14.5, textColor=NAVY)
ANSWER_OPTION = style(
    "option", fontSize=10.5, leading=15, leftIndent=QUESTION_INDENT, spaceAfter=0.6 * mm
)


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


def has_questions(lesson: Lesson, level: Level | None = None) -> bool:
    """Whether the lesson asks pupils at ``level`` (the first if None) anything: a statement,
    a quiz or a case's questions."""
    return any(_is_question(s) for s in lesson.slides_for(level or lesson.levels[0]))


def _is_question(slide: SlideBase) -> bool:
    if isinstance(slide, StatementSlide | QuizSlide):
        return True
    return isinstance(slide, CaseSlide) and any(part.questions for part in slide.parts)


def _help_lines(lesson: Lesson, card: SignalCard) -> list[tuple[str, HelpLine | None]]:
    """The help lines of the lesson's help slides, in order, each once (None: not on the card)."""
    by_id = {line.id: line for line in card.help_lines}
    seen: list[str] = []
    for slide in lesson.slides:
        if isinstance(slide, HelpSlide):
            seen += [i for i in slide.help_lines if i not in seen]
    return [(i, by_id.get(i)) for i in seen]


def build_worksheet(
    lesson: Lesson,
    card: SignalCard | None = None,
    level: Level | None = None,
    school: SchoolContact | None = None,
) -> bytes:
    """The pupils' worksheet for ``level`` (the lesson's first if None): the questions that
    class sees, with room to write, and where to get help.

    No quiz answers, explanations or teacher notes; a group, never a name. With ``school``,
    its name and logo (where set) head the first page.
    """
    lesson = lesson.for_level(level or lesson.levels[0])
    if not has_questions(lesson):
        raise ValueError(f"lesson {lesson.id!r} has no questions for a worksheet")
    register_fonts()  # before the first Paragraph measures its text
    card = card or load_signal_card(lesson.language)
    labels = labels_for(lesson.language)
    story: list[Flowable] = [
        *heading_block(
            f"{labels.worksheet} · {labels.lesson_number.format(number=lesson.number)}"
            f" · {levels_text(lesson.levels, labels)}",
            lesson.title,
        ),
        _group_line(labels),
        Spacer(1, 2 * mm),
    ]
    blocks = _question_blocks(lesson, labels)
    # The help box goes with the last question: a last page never holds the help box alone.
    blocks[-1].append(_help_box(lesson, labels, card))
    story += [KeepTogether(block) for block in blocks]
    return build_document(
        story,
        school=school,
        kind=labels.worksheet,
        lesson=lesson,
        labels=labels,
        title=f"{labels.worksheet}: {lesson.title}",
    )


def _question_blocks(lesson: Lesson, labels: PlanLabels) -> list[list[Flowable]]:
    """The questions, numbered, each a block that stays on one page: a question with its room
    to write; each part of a case story with its first question, the case's title with part
    one."""
    blocks: list[list[Flowable]] = []
    number = 0
    for slide in lesson.slides:
        if isinstance(slide, StatementSlide):
            number += 1
            blocks.append(_statement_question(number, slide, labels))
        elif isinstance(slide, QuizSlide):
            number += 1
            blocks.append(_quiz_question(number, slide, labels))
        elif isinstance(slide, CaseSlide) and _is_question(slide):
            lead: list[Flowable] = _case_title(slide, labels)
            for part in slide.parts:
                block = [*lead, _story_box(part.text)]
                lead = []
                if not part.questions:
                    blocks.append(block)
                    continue
                for index, question in enumerate(part.questions):
                    number += 1
                    blocks.append(
                        [*(block if index == 0 else []), *_open_question(number, question)]
                    )
    return blocks


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


def _question_head(number: int, text: str, kicker: str = "") -> Flowable:
    """The question's number in the margin, its text (after an optional coloured kicker)."""
    shown = esc(text)
    if kicker:
        shown = f'<font color="{ACCENT_TEXT.hexval()}">{esc(kicker)}:</font> {shown}'
    inner: list[Any] = [Paragraph(shown, QUESTION)]
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


def _statement_question(number: int, slide: StatementSlide, labels: PlanLabels) -> list[Flowable]:
    gap = "&nbsp;" * 8
    choice = f"{BOX} {esc(labels.agree)}{gap}{BOX} {esc(labels.disagree)}"
    return [
        _question_head(number, slide.statement, kicker=labels.statement),
        Paragraph(choice, ANSWER_OPTION),
        Paragraph(esc(labels.why), style("why", parent=ANSWER_OPTION, textColor=MUTED)),
        WritingLines(3),
    ]


def _quiz_question(number: int, slide: QuizSlide, labels: PlanLabels) -> list[Flowable]:
    options = [
        Paragraph(f"{BOX}&nbsp;&nbsp;{chr(ord('A') + i)}. {esc(option)}", ANSWER_OPTION)
        for i, option in enumerate(slide.options)
    ]
    tick = style("tick", parent=ANSWER_OPTION, textColor=MUTED)
    return [
        _question_head(number, slide.question),
        Paragraph(esc(labels.tick), tick),
        *options,
    ]


def _case_title(slide: CaseSlide, labels: PlanLabels) -> list[Flowable]:
    return [
        Paragraph(
            esc(labels.kinds["case"].upper()), style("ck", parent=KICKER, spaceBefore=6 * mm)
        ),
        Paragraph(esc(slide.title), style("ct", parent=H1, spaceBefore=0)),
    ]


def _story_box(text: str) -> Flowable:
    """A part of the case story, set off from the questions by a bar in the margin."""
    story_style = style("cp", parent=BODY, fontSize=10.5, leading=14.5, spaceAfter=1 * mm)
    rows = [
        [f]
        for f in markdown_paragraphs(
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
    return table  # never split: it stays whole, with the last question
