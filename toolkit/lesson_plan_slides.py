"""The lesson plan's slides: each slide's header (number, kind, heading, minutes), what is on it
(the quiz with its right answer, the case story's parts and questions, the help lines from the
signal card) and the teacher's notes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table

from lessons.markdown import inline_html
from lessons.model import (
    CaseSlide,
    ClosingSlide,
    HelpSlide,
    ImageSlide,
    QuizSlide,
    RevealSlide,
    SlideBase,
    StatementSlide,
    TextSlide,
    TitleSlide,
)
from toolkit.lesson_flowables import (
    BODY,
    CELL,
    CELL_BOLD,
    CELL_RIGHT,
    KeepStart,
    Label,
    bind_labels,
    bullets,
    markdown_paragraphs,
)
from toolkit.lesson_pages import BODY_WIDTH, RULE
from toolkit.lesson_plan_labels import PlanLabels, minutes_text
from toolkit.pdf import ACCENT_TEXT, BOLD, INK, MUTED, NAVY, TINT, esc, style, table_style
from toolkit.signal_card import SignalCard

INDENT = 11 * mm  # slide details sit under the slide's heading, right of its number
TICK = "✓"

SLIDE_NUMBER = style(
    "slidenumber", fontName=BOLD, fontSize=11, leading=13, textColor=colors.white, alignment=1
)
SLIDE_KIND = style("slidekind", fontName=BOLD, fontSize=7.5, leading=9, textColor=ACCENT_TEXT)
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


def _slide_header(number: int, slide: SlideBase, labels: PlanLabels) -> Flowable:
    kind = labels.kinds.get(slide.kind, slide.kind).upper()
    if slide.skippable:
        kind = f"{kind} · {labels.skippable.upper()}"
    heading: list[Any] = [
        Paragraph(esc(kind), SLIDE_KIND),
        Paragraph(esc(slide.heading), SLIDE_HEADING),
    ]
    minutes = Paragraph(
        esc(minutes_text(slide.minutes, labels)), style("hm", parent=CELL_RIGHT, fontName=BOLD)
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
    table.spaceBefore = 5 * mm  # dropped at the top of a page, unlike a spacer
    table.spaceAfter = 1.2 * mm
    return table


def slide_story(
    number: int,
    slide: SlideBase,
    labels: PlanLabels,
    card: SignalCard,
    heading: Sequence[Flowable] = (),
) -> list[Flowable]:
    details = _slide_details(slide, labels, card)
    notes = [
        _detail_label(labels.notes),
        *markdown_paragraphs(slide.notes, NOTES, NOTES_BULLET),
    ]
    body = bind_labels([*details, *notes])
    # The header never stands alone at the foot of a page: it keeps the start of its body
    # (a label with its first lines), and each label keeps the start of what follows it. A
    # body that opens with a line of its own (a title slide's subtitle, an image's text)
    # keeps the next label's start as well, so the notes never begin a page on their own.
    start = 2 if len(body) > 1 and not isinstance(body[0], KeepStart) else 1
    header = _slide_header(number, slide, labels)
    return [KeepStart([*heading, header, *body[:start]]), *body[start:]]


def _slide_details(slide: SlideBase, labels: PlanLabels, card: SignalCard) -> list[Flowable]:
    label = _detail_label
    if isinstance(slide, TitleSlide):
        return [Paragraph(esc(slide.subtitle), DETAIL_MUTED)] if slide.subtitle else []
    if isinstance(slide, TextSlide):
        return [
            label(labels.on_slide),
            *markdown_paragraphs(slide.body, DETAIL_MUTED, DETAIL_MUTED_BULLET),
        ]
    if isinstance(slide, ImageSlide):
        lines = [Paragraph(esc(labels.image.format(alt=slide.alt)), DETAIL_MUTED)]
        if slide.caption:
            lines.append(Paragraph(esc(slide.caption), DETAIL_MUTED))
        return lines
    if isinstance(slide, StatementSlide):
        return [label(labels.prompts), *bullets(slide.prompts, DETAIL_BULLET)]
    if isinstance(slide, QuizSlide):
        return _quiz_details(slide, labels)
    if isinstance(slide, RevealSlide):
        return _reveal_details(slide, labels)
    if isinstance(slide, CaseSlide):
        return _case_details(slide, labels)
    if isinstance(slide, HelpSlide):
        return _help_details(slide, labels, card)
    if isinstance(slide, ClosingSlide):
        return [label(labels.takeaways), *bullets(slide.takeaways, DETAIL_BULLET)]
    return []


def _detail_label(text: str) -> Flowable:
    return Label(esc(text), DETAIL_LABEL)


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
        *markdown_paragraphs(slide.explanation, DETAIL, DETAIL_BULLET),
    ]
    return story


def _reveal_details(slide: RevealSlide, labels: PlanLabels) -> list[Flowable]:
    """What the class sees first, then the answers that R (or Next) shows."""
    story: list[Flowable] = [_detail_label(labels.on_slide)]
    if slide.prompt:
        story += markdown_paragraphs(slide.prompt, DETAIL_MUTED, DETAIL_MUTED_BULLET)
    story += [
        Paragraph(inline_html(item.text), DETAIL_MUTED_BULLET, bulletText="•")
        for item in slide.items
    ]
    story.append(_detail_label(labels.after_reveal))
    story += [
        Paragraph(
            f"{inline_html(item.text)} {inline_html(item.answer)}", DETAIL_BULLET, bulletText=TICK
        )
        for item in slide.items
    ]
    if slide.answer:
        story += markdown_paragraphs(slide.answer, DETAIL, DETAIL_BULLET)
    return story


def _case_details(slide: CaseSlide, labels: PlanLabels) -> list[Flowable]:
    story: list[Flowable] = []
    for number, part in enumerate(slide.parts, start=1):
        story.append(_detail_label(labels.part.format(number=number)))
        story += markdown_paragraphs(part.text, DETAIL, DETAIL_BULLET)
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
                [Paragraph(esc(warning), style("uh", parent=CELL, textColor=ACCENT_TEXT)), "", ""]
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
    table.spaceBefore = 1 * mm
    return [*story, table]
