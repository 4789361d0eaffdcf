"""The flowing part of the referral letter: reference line, subject, salutation, the sections,
the chronology entries, the closing and the signature.

Every piece of the coordinator's text goes through :func:`toolkit.pdf.esc`. Nothing here is
taller than a page without being able to split: paragraphs split between lines, the facts
table between rows, and an entry is kept together only while it fits on a page.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table

from toolkit.pdf import BOLD, ITALIC, MUTED, NAVY, TINT, WARM_TINT, esc, style, table_style
from toolkit.referral_letter_labels import LetterLabels

if TYPE_CHECKING:
    from toolkit.referral_letter import LetterEntry, ReferralLetter, Section


class Para(Paragraph):  # type: ignore[misc]
    """A Paragraph that remembers its line breaks for the width it was last wrapped at.

    A kept-together entry is wrapped once to measure it and again to place it; the lines do
    not change with the height offered, so breaking them once per width is enough.
    """

    _wrapped: tuple[float, float, float] | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        wrapped = self._wrapped
        # reportlab drops blPara after it gave up on a split: then break the lines again
        if wrapped is not None and wrapped[0] == avail_width and hasattr(self, "blPara"):
            return wrapped[1], wrapped[2]
        width, height = super().wrap(avail_width, avail_height)
        self._wrapped = (avail_width, width, height)
        return width, height


RULE = colors.HexColor("#d9dde3")
MUTED_HEX = MUTED.hexval().replace("0x", "#")
PAD = 1.6 * mm  # the inset of a tinted band (an entry's head line, an interpretation)

BODY = style("rl-body", fontSize=10, leading=14, spaceAfter=2.2 * mm)
SUBJECT = style("rl-subject", parent=BODY, fontName=BOLD, fontSize=10.5, spaceAfter=0)
H2 = style(
    "rl-h2",
    fontName=BOLD,
    fontSize=11,
    leading=14,
    textColor=NAVY,
    spaceBefore=5.5 * mm,
    spaceAfter=1.8 * mm,
)
REF_LABEL = style("rl-reflabel", fontSize=8, leading=10, textColor=MUTED)
REF_VALUE = style("rl-refvalue", fontSize=10, leading=13)
NOTE = style("rl-note", fontName=ITALIC, fontSize=9, leading=12.5, textColor=MUTED, spaceBefore=1)
FACT_LABEL = style("rl-factlabel", fontSize=9, leading=13, textColor=MUTED)
FACT_VALUE = style("rl-factvalue", fontSize=10, leading=13)
ENTRY_HEAD = style(
    "rl-entryhead",
    fontSize=9.5,
    leading=12.5,
    textColor=NAVY,
    backColor=TINT,
    borderPadding=(PAD * 0.8, PAD, PAD * 0.8, PAD),
    leftIndent=PAD,
    rightIndent=PAD,
    spaceBefore=3.5 * mm,
    spaceAfter=2.6 * mm,
)
ENTRY_TEXT = style("rl-entrytext", parent=BODY, leftIndent=PAD, spaceAfter=1.8 * mm)
WORDS = style("rl-words", parent=ENTRY_TEXT, leftIndent=PAD + 5 * mm, rightIndent=5 * mm)
INTERPRETATION = style(
    "rl-interp",
    parent=ENTRY_TEXT,
    fontSize=9.5,
    leading=13,
    backColor=WARM_TINT,
    borderPadding=(PAD, PAD, PAD * 1.2, PAD),
    leftIndent=PAD + PAD,
    rightIndent=PAD,
    spaceBefore=2.2 * mm,
    spaceAfter=3.4 * mm,
)
SIGNALS_LABEL = style("rl-siglabel", fontSize=8.5, leading=11, textColor=MUTED, leftIndent=PAD)
SIGNAL = style(
    "rl-signal",
    fontSize=9.5,
    leading=12.5,
    leftIndent=PAD + 4.5 * mm,
    bulletIndent=PAD + 0.8 * mm,
    spaceAfter=0.6 * mm,
)
SIGN_NAME = style("rl-signname", parent=BODY, fontName=BOLD, spaceAfter=0)
SIGN_LINE = style("rl-signline", parent=BODY, spaceAfter=0)
# Room to keep for a heading and the first lines after it: a heading never ends a page.
HEADING_ROOM = 26 * mm


def paragraphs(text: str, paragraph_style: object = BODY) -> list[Flowable]:
    """The coordinator's text: a blank line starts a paragraph, a single newline breaks a line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    blocks = [block.strip() for block in re.split(r"\n[ \t]*\n", text) if block.strip()]
    return [Para(esc(block).replace("\n", "<br/>"), paragraph_style) for block in blocks]


def opening(letter: ReferralLetter, labels: LetterLabels, width: float) -> list[Flowable]:
    """Date and reference, the subject line, the salutation and the opening sentence."""
    reference = Table(
        [
            [Para(esc(labels.date), REF_LABEL), Para(esc(labels.reference), REF_LABEL)],
            [
                Para(esc(letter.date), REF_VALUE),
                Para(esc(labels.reference_value.format(code=letter.case_code)), REF_VALUE),
            ],
        ],
        colWidths=[width * 0.3, width * 0.7],
    )
    reference.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0.6 * mm),
            ]
        )
    )
    name = letter.recipient.name.strip()
    salutation = labels.salutation_named.format(name=name) if name else labels.salutation_unnamed
    return [
        reference,
        Spacer(1, 7 * mm),
        Para(esc(labels.subject.format(code=letter.case_code)), SUBJECT),
        Spacer(1, 7 * mm),
        Para(esc(salutation), BODY),
        Para(esc(labels.opening), BODY),
    ]


def section(part: Section, heading: str, labels: LetterLabels, width: float) -> list[Flowable]:
    """One section under its heading; ``[]`` when it holds nothing."""
    blocks: list[tuple[bool, list[Flowable]]] = []  # (kept together, flowables)
    blocks += [(False, [para]) for para in paragraphs(part.text)]
    if part.facts:
        blocks.append((True, [facts_table(part.facts, width)]))
    blocks += [(True, entry(item, labels)) for item in part.entries]
    if part.note.strip():
        blocks.append((False, paragraphs(part.note, NOTE)))
    if not blocks:
        return []
    title = Para(esc(heading), H2)
    (first_kept, first), rest = blocks[0], blocks[1:]
    story: list[Flowable] = (
        [KeepTogether([title, *first])]
        if first_kept
        else [CondPageBreak(HEADING_ROOM), title, *first]
    )
    for kept, flowables in rest:
        story += [KeepTogether(flowables)] if kept else flowables
    return story


def facts_table(rows: tuple[tuple[str, str], ...], width: float) -> Flowable:
    """Label/value rows in two columns, split between rows over pages."""
    label_width = min(58 * mm, width * 0.36)
    table = Table(
        [[Para(esc(label), FACT_LABEL), Para(esc(value), FACT_VALUE)] for label, value in rows],
        colWidths=[label_width, width - label_width],
        splitByRow=1,
        splitInRow=1,  # a long value (a conflict van plichten's answer) goes on the next page
    )
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 1.3 * mm),
                # the smaller label sits on the value's baseline
                (
                    "TOPPADDING",
                    (0, 0),
                    (0, -1),
                    1.3 * mm + FACT_VALUE.fontSize - FACT_LABEL.fontSize,
                ),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.6 * mm),
            ]
        )
    )
    table.spaceAfter = 2 * mm
    return table


def entry(item: LetterEntry, labels: LetterLabels) -> list[Flowable]:
    """A chronology entry: date, kind and who; the facts; the pupil's words; the interpretation
    only when it was chosen (``None`` prints nothing of it); the signals."""
    who = f" {labels.by} {esc(item.who)}" if item.who.strip() else ""
    flowables: list[Flowable] = [
        Para(f"<b>{esc(item.date)}</b>  ·  {esc(item.kind)}{who}", ENTRY_HEAD),
        *paragraphs(item.facts, ENTRY_TEXT),
    ]
    if item.pupil_words.strip():
        flowables.append(Para(esc(labels.pupil_said), ENTRY_TEXT))
        words = esc(item.pupil_words.strip()).replace("\n", "<br/>")
        flowables.append(Para(f"<i>“{words}”</i>", WORDS))
    if item.interpretation is not None and item.interpretation.strip():
        text = esc(item.interpretation.strip()).replace("\n", "<br/>")
        flowables.append(Para(f"<b>{esc(labels.interpretation)}:</b> {text}", INTERPRETATION))
    signals = [signal for signal in item.signals if signal.strip()]
    if signals:
        flowables.append(Para(esc(labels.signals), SIGNALS_LABEL))
        flowables += [Para(esc(signal), SIGNAL, bulletText="•") for signal in signals]
    flowables.append(Spacer(1, 1.5 * mm))
    return flowables


def closing(letter: ReferralLetter, labels: LetterLabels) -> list[Flowable]:
    """The closing and the signature block, kept together."""
    person = letter.signatory
    lines: list[Flowable] = [
        Spacer(1, 4 * mm),
        Para(esc(labels.closing), BODY),
        Spacer(1, 12 * mm),  # room to sign by hand
        Para(esc(person.name), SIGN_NAME),
    ]
    if person.role.strip():
        lines.append(Para(esc(person.role), SIGN_LINE))
    school = letter.letterhead.school.strip()
    if school:
        lines.append(Para(esc(school), SIGN_LINE))
    for label, value in ((labels.phone, person.phone), (labels.email, person.email)):
        if value.strip():
            lines.append(
                Para(
                    f'<font color="{MUTED_HEX}">{esc(label)}</font>  {esc(value)}',
                    SIGN_LINE,
                )
            )
    return [KeepTogether(lines)]
