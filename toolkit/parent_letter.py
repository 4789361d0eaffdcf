"""The parent letter (ouderbrief): the school tells parents and carers about the lessons.

One A4 page on the school's letterhead: what the Lessenreeks Schoolsignaal (the school's own
series of lessons) is about, when (a text the school fills in), why, how parents can help at
home, where they can get advice (the national lines that fit parents, and the school's own
zorgcoördinator, the care coordinator), a date and a signature.

Dutch and English, and beyond them Ukrainian, Polish, Turkish and Arabic for parents who read
those better. Those four translations still need checking by a native speaker: their letter
says so at its foot, in Dutch, for the school. Arabic is set right to left with joined letters
(:mod:`toolkit.parent_letter_rtl`), and its letterhead is mirrored.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

from babel.dates import format_date
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import PDFString
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, KeepTogether, Paragraph, Spacer, Table

from toolkit.page_head import school_head
from toolkit.parent_letter_rtl import RtlParagraph
from toolkit.parent_letter_text import LetterText, load_letter_text
from toolkit.pdf import (
    BODY_WIDTH,
    BOLD,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MUTED,
    NAVY,
    TINT,
    esc,
    flow,
    load_logo,
    register_fonts,
    style,
    table_style,
)
from toolkit.school_contact import SchoolContact

PARENT_LANGUAGES = ("nl", "en", "uk", "pl", "tr", "ar")
PAGE_HEIGHT = 297 * mm
MIDDLE = MARGIN_X + BODY_WIDTH / 2
# Babel's locale for the date: British English writes "12 January 2026".
_LOCALES = {"en": "en_GB"}
# The document's language for screen readers (the PDF's /Lang).
_PDF_LANG = {"nl": "nl-NL", "en": "en-GB", "uk": "uk-UA", "pl": "pl-PL", "tr": "tr-TR", "ar": "ar"}


def _styles(rtl: bool) -> dict[str, ParagraphStyle]:
    align = TA_RIGHT if rtl else TA_LEFT
    body = style("pl-body", fontSize=9.2, leading=12, alignment=align, spaceAfter=1.4 * mm)
    return {
        "body": body,
        "small": style("pl-small", fontSize=8.5, leading=11, textColor=MUTED, alignment=align),
        "date": style("pl-date", fontSize=9.2, leading=12, alignment=TA_LEFT if rtl else TA_RIGHT),
        "title": style("pl-title", fontName=BOLD, fontSize=14, leading=17, textColor=NAVY,
                       alignment=align, spaceBefore=1.5 * mm, spaceAfter=2 * mm),
        "heading": style("pl-head", fontName=BOLD, fontSize=10.5, leading=13.5, textColor=NAVY,
                         alignment=align, spaceBefore=1.6 * mm, spaceAfter=0.8 * mm),
        "bullet": style("pl-bullet", parent=body, spaceAfter=0.5 * mm,
                        **({"rightIndent": 4.5 * mm, "bulletIndent": 0.8 * mm} if rtl else
                           {"leftIndent": 4.5 * mm, "bulletIndent": 0.8 * mm})),
        "line-name": style("pl-line", fontName=BOLD, fontSize=9, leading=11.2, textColor=NAVY,
                           alignment=align),
        "line-text": style("pl-line-text", fontSize=8.6, leading=10.8, alignment=align),
        "sign": style("pl-sign", fontName=BOLD, fontSize=9.2, leading=12, alignment=align),
    }  # fmt: skip


def build_parent_letter(
    language: str,
    school: SchoolContact | None = None,
    *,
    when: str = "",
    address: str = "",
    date: datetime.date | None = None,
) -> bytes:
    """The letter in ``language`` (one of :data:`PARENT_LANGUAGES`) on the school's letterhead.

    ``when`` is the school's own text for when the lessons are ("in de weken van 12 tot en met
    23 januari"), in the letter's language; empty, the letter says "in de komende periode".
    ``address`` is the school's address for the letterhead (lines split at new lines).
    """
    if language not in PARENT_LANGUAGES:
        raise ValueError(f"onbekende taal '{language}'; kies uit {', '.join(PARENT_LANGUAGES)}")
    register_fonts()
    text = load_letter_text(language)
    rtl = text.direction == "rtl"
    styles = _styles(rtl)
    school = school if school is not None else SchoolContact()
    when_text = " ".join(when.split()) or text.when_default

    def para(words: str, key: str, *, bullet: bool = False) -> Flowable:
        if rtl:
            return RtlParagraph(words, styles[key], bullet=bullet)
        return Paragraph(esc(words), styles[key], bulletText="•" if bullet else None)

    story: list[Flowable] = [
        _address_and_date(address, date or datetime.date.today(), language, styles, rtl),
        para(text.heading, "title"),
        para(text.salutation, "body"),
        para(text.intro.format(when=when_text), "body"),
        para(text.topics_heading, "heading"),
        *(para(topic, "bullet", bullet=True) for topic in text.topics),
        para(text.why_heading, "heading"),
        para(text.why, "body"),
        para(text.help_heading, "heading"),
        *(para(item, "bullet", bullet=True) for item in text.help),
        KeepTogether([para(text.advice_heading, "heading"), *_advice(text, school, styles, rtl)]),
        Spacer(1, 1 * mm),
        para(text.closing, "body"),
        KeepTogether(_signature(text, school, para)),
    ]
    logo = load_logo(school.logo)

    def on_page(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas._doc.Catalog.Lang = PDFString(_PDF_LANG[language])  # flow() knows nl and en only
        canvas.setStrokeColor(NAVY)
        canvas.setLineWidth(0.6)
        head = PAGE_HEIGHT - MARGIN_TOP + 7 * mm
        right = MARGIN_X + BODY_WIDTH
        school_head(canvas, school, logo, y=head, left=MARGIN_X, right=right, mirrored=rtl)
        canvas.restoreState()

    def stamp(canvas: Canvas, page: int, pages: int) -> None:
        if text.needs_native_check:  # for the school, in Dutch: not for parents as it stands
            canvas.setFont(BOLD, 7.5)
            canvas.setFillColor(MUTED)
            canvas.drawCentredString(MIDDLE, MARGIN_BOTTOM - 12 * mm, text.review)

    return flow(
        story, title=text.title, subject=text.subject, language=language,
        on_page=on_page, stamp=stamp,
    )  # fmt: skip


def _address_and_date(
    address: str,
    date: datetime.date,
    language: str,
    styles: dict[str, ParagraphStyle],
    rtl: bool,
) -> Flowable:
    """The school's address on the letterhead's side, the date on the other."""
    lines = [line.strip() for line in address.splitlines() if line.strip()][:4]
    where = Paragraph("<br/>".join(esc(line) for line in lines), styles["small"])
    written = format_date(date, format="long", locale=_LOCALES.get(language, language))
    when: Flowable = (
        RtlParagraph(written, styles["date"]) if rtl else Paragraph(esc(written), styles["date"])
    )
    cells = [when, where] if rtl else [where, when]
    widths = [BODY_WIDTH * 0.4, BODY_WIDTH * 0.6] if rtl else [BODY_WIDTH * 0.6, BODY_WIDTH * 0.4]
    table = Table([cells], colWidths=widths)
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _contact_text(school: SchoolContact) -> str:
    """The coordinator as one line: name and role, phone, e-mail (empty parts left out)."""
    return ", ".join(school.lines())


def _advice(
    text: LetterText, school: SchoolContact, styles: dict[str, ParagraphStyle], rtl: bool
) -> list[Flowable]:
    """The school's own contact first, then the national lines: name and number bold on one
    side, what each is for on the other (mirrored in Arabic)."""
    contact = _contact_text(school)
    first = text.advice_school.format(contact=contact) if contact else text.advice_school_default

    def cell(words: str, key: str) -> Flowable:
        return RtlParagraph(words, styles[key]) if rtl else Paragraph(esc(words), styles[key])

    rows: list[list[Flowable | list[Flowable]]] = []
    for line in text.lines:
        name = [cell(line.name, "line-name"), cell(line.contact, "line-name")]
        what = cell(line.text, "line-text")
        rows.append([what, name] if rtl else [name, what])
    widths = [BODY_WIDTH - 40 * mm, 40 * mm] if rtl else [40 * mm, BODY_WIDTH - 40 * mm]
    table = Table(rows, colWidths=widths)
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, -1), TINT),
                ("LINEBELOW", (0, 0), (-1, -2), 0.5, colors.white),
                ("LEFTPADDING", (0, 0), (-1, -1), 2.5 * mm),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2.5 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 1 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.3 * mm),
            ]
        )
    )
    school_line = cell(first, "body")
    return [school_line, Spacer(1, 0.6 * mm), table]


def _signature(
    text: LetterText, school: SchoolContact, make: Callable[[str, str], Flowable]
) -> list[Flowable]:
    """The greeting, then the coordinator's name and role (or the school management) and the
    school's name; ``make`` is the letter's own paragraph maker (left or right to left)."""
    signer = school.name or text.school_management
    lines: list[Flowable] = [make(text.regards, "body"), Spacer(1, 4 * mm), make(signer, "sign")]
    if school.name and school.role:
        lines.append(make(school.role, "body"))
    if school.school:
        lines.append(make(school.school, "body"))
    return lines


def file_name(language: str) -> str:
    return f"ouderbrief-{language}.pdf"


def write_samples(folder: Path) -> list[Path]:
    """The Dutch letter into ``folder``, for the smoke test, and the Arabic one: it needs the
    shaping and right-to-left libraries, which a frozen app must carry too."""
    from toolkit.pdf import save

    return [save(build_parent_letter(lang), folder / file_name(lang)) for lang in ("nl", "ar")]
