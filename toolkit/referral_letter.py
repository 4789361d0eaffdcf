"""The referral letter (verwijsbrief): a covering letter from the school's care coordinator
(zorgcoördinator) to the regional care coordinator for trafficking, Veilig Thuis or another
agency, with the facts the referral needs and no more.

Drawn from plain data (:class:`ReferralLetter`): what goes in was chosen by the coordinator in
the app (``desktop/referrals``); this module never opens the vault. The sections follow
shared/domain.md section 4, items 3 to 11 (:data:`SECTION_KEYS`); a section with nothing in it
is left out.

A Dutch business letter on A4 portrait: the school's logo, name and address at the top; the
recipient where a window envelope shows it (with "Vertrouwelijk" above it); date, reference,
subject, salutation; the sections; the closing and the signature. Every page says
"Vertrouwelijk", "pagina x van y" and, when given, the vault's audit head at the time the letter
was made, so a later rollback of the vault shows against a letter already sent. Pages after the
first carry a short running head. The PDF's metadata has a generic title and no subject: no
case code, no school, no names. The fixed words are in :mod:`toolkit.referral_letter_labels`.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from toolkit.pdf import (
    ACCENT_TEXT,
    BOLD,
    INK,
    MUTED,
    NAVY,
    REGULAR,
    NumberedCanvas,
    esc,
    fit,
    load_logo,
    register_fonts,
    style,
)
from toolkit.referral_letter_labels import LABELS, LetterLabels, labels_for
from toolkit.referral_letter_story import RULE, closing, opening, section

__all__ = [
    "LABELS",
    "SECTION_KEYS",
    "LetterEntry",
    "Letterhead",
    "Recipient",
    "ReferralLetter",
    "Section",
    "Signatory",
    "example_letter",
    "file_name",
    "format_date",
    "referral_letter",
    "write_samples",
]

# shared/domain.md section 4, items 3 to 11, in that order
SECTION_KEYS = (
    "reason",
    "pupil",
    "signals",
    "meldcode",
    "safety",
    "basis",
    "request",
    "involved",
    "contact",
)

PAGE = A4
LEFT = 25 * mm
RIGHT = 20 * mm
BODY_WIDTH = PAGE[0] - LEFT - RIGHT
BOTTOM = 24 * mm  # the body's lowest line; the footer sits below it
FOOT_Y = 12 * mm
LETTERHEAD_TOP = 14 * mm  # from the top edge
LOGO_HEIGHT = 25 * mm
LOGO_MAX_WIDTH = 70 * mm
# The recipient, where a window envelope (DL or C5/6, window on the left) shows it
WINDOW_TOP = 47 * mm
WINDOW_HEIGHT = 41 * mm
WINDOW_WIDTH = 85 * mm
FIRST_TOP = 97 * mm  # the first page's body starts below the address
LATER_TOP = 26 * mm

SCHOOL = style("rl-school", fontName=BOLD, fontSize=12, leading=15, textColor=NAVY, alignment=2)
SCHOOL_ADDRESS = style("rl-schooladdr", fontSize=8.5, leading=11.5, textColor=MUTED, alignment=2)
WINDOW_MARK = style("rl-windowmark", fontName=BOLD, fontSize=8, leading=12, textColor=ACCENT_TEXT)
ADDRESS_SIZES = tuple(
    style(f"rl-address{size}", fontSize=size, leading=size * 1.35, textColor=INK)
    for size in (10.0, 9.0, 8.0)
)


@dataclass(frozen=True)
class Letterhead:
    school: str  # "" allowed
    address: str  # multi-line, "\n" separated; "" allowed
    logo: Path | None = None  # a PNG (the settings' logo file) or None


@dataclass(frozen=True)
class Recipient:
    organisation: str
    name: str = ""  # a person or a department; "" allowed
    address: str = ""  # multi-line


@dataclass(frozen=True)
class Signatory:
    """The care coordinator who signs (staff, from the settings)."""

    name: str
    role: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class LetterEntry:
    """One chronology entry the coordinator ticked, in the letter's language already."""

    date: str
    kind: str  # "Waarneming"
    who: str  # who saw or heard it, a role
    facts: str
    pupil_words: str = ""  # the pupil's own words, verbatim (printed quoted, apart)
    interpretation: str | None = None  # None: "facts only" (nothing of it printed)
    signals: tuple[str, ...] = ()


@dataclass(frozen=True)
class Section:
    """One of :data:`SECTION_KEYS`; the heading comes from the labels. In ``text`` a blank
    line starts a paragraph and a newline breaks a line."""

    key: str
    text: str = ""
    facts: tuple[tuple[str, str], ...] = ()  # label/value rows, a two-column table
    entries: tuple[LetterEntry, ...] = ()
    note: str = ""  # a muted line after ("4 aantekeningen ... niet opgenomen.")


@dataclass(frozen=True)
class ReferralLetter:
    language: str  # "nl" or "en"
    letterhead: Letterhead
    recipient: Recipient
    date: str  # already formatted (format_date)
    case_code: str
    sections: tuple[Section, ...]  # in SECTION_KEYS order; an empty one is left out
    signatory: Signatory
    audit_head: str = ""  # "128:3f2a9c01e5d7b4a1" (audit.Head.short): every page's footer


def referral_letter(letter: ReferralLetter) -> bytes:
    """The letter as PDF bytes (A4 portrait, fonts embedded, as many pages as it needs).

    ``ValueError`` for an unknown language or section key. A logo file that is missing or
    cannot be read as an image is left out, not an error: the letter still goes."""
    labels = labels_for(letter.language)
    unknown = [part.key for part in letter.sections if part.key not in SECTION_KEYS]
    if unknown:
        raise ValueError(f"unknown section {unknown[0]!r}; choose from {', '.join(SECTION_KEYS)}")
    register_fonts()  # before the first Paragraph: its style names a registered font
    story = opening(letter, labels, BODY_WIDTH)
    for part in sorted(letter.sections, key=lambda part: SECTION_KEYS.index(part.key)):
        story += section(part, labels.headings[part.key], labels, BODY_WIDTH)
    story += closing(letter, labels)
    return _build(story, letter, labels, load_logo(letter.letterhead.logo))


def format_date(day: dt.date, language: str) -> str:
    """A date as the letter prints it: ``30 november 2026``, ``30 November 2026``."""
    from babel.dates import format_date as babel_format_date

    labels_for(language)  # the letter's languages only
    return str(babel_format_date(day, "d MMMM y", locale=language))


def file_name(case_code: str, language: str) -> str:
    """The name to offer when the letter is saved: ``verwijsbrief-2026-001.pdf``."""
    code = re.sub(r"[^0-9A-Za-z_-]+", "-", case_code).strip("-") or "melding"
    return labels_for(language).file_name.format(code=code)


def example_letter(language: str) -> ReferralLetter:
    """The built-in fictional case (``toolkit/content/referral_example.<language>.yaml``),
    for checking the layout without a vault."""
    from toolkit.referral_example import load_example

    return load_example(language)


def write_samples(folder: Path) -> list[Path]:
    """The Dutch example letter into ``folder``, for the smoke test; its name says it is one."""
    from toolkit.pdf import save

    letter = example_letter("nl")
    name = "voorbeeld-" + file_name(letter.case_code, "nl")
    return [save(referral_letter(letter), folder / name)]


def _build(
    story: list[Flowable], letter: ReferralLetter, labels: LetterLabels, logo: ImageReader | None
) -> bytes:
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=PAGE,
        leftMargin=LEFT,
        rightMargin=RIGHT,
        topMargin=LATER_TOP,
        bottomMargin=BOTTOM,
        title=labels.title,
        subject="",
        author="Schoolsignaal",
        creator="Schoolsignaal",
        invariant=1,
        pageCompression=1,
        lang="nl-NL" if letter.language == "nl" else "en-GB",
        initialFontName=REGULAR,
    )
    height = PAGE[1]

    def frame(top: float, name: str) -> Frame:
        return Frame(
            LEFT,
            BOTTOM,
            BODY_WIDTH,
            height - top - BOTTOM,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id=name,
        )

    subject = labels.running_head.format(code=letter.case_code)
    school = letter.letterhead.school.strip()
    head = fit(f"{school} · {subject}" if school else subject, 95)
    doc.addPageTemplates(
        [
            PageTemplate(
                id="first",
                frames=[frame(FIRST_TOP, "first")],
                onPage=functools.partial(_first_page, letter=letter, logo=logo, labels=labels),
                autoNextPageTemplate="later",
            ),
            PageTemplate(
                id="later",
                frames=[frame(LATER_TOP, "later")],
                onPage=functools.partial(_running_head, head=head, date=letter.date),
            ),
        ]
    )
    audit = labels.audit.format(head=fit(letter.audit_head, 40)) if letter.audit_head else ""
    stamp = functools.partial(_foot, labels=labels, audit=audit)
    doc.build(story, canvasmaker=functools.partial(NumberedCanvas, stamp=stamp))
    return buffer.getvalue()


def _lines(text: str) -> str:
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n")]
    return "<br/>".join(esc(line) for line in lines if line)


def _first_page(
    canvas: Canvas,
    _doc: BaseDocTemplate,
    *,
    letter: ReferralLetter,
    logo: ImageReader | None,
    labels: LetterLabels,
) -> None:
    width, height = PAGE
    top = height - LETTERHEAD_TOP
    sender_width = BODY_WIDTH * 0.62
    if logo is not None:
        image_width, image_height = logo.getSize()
        scale = min(LOGO_HEIGHT / image_height, LOGO_MAX_WIDTH / image_width)
        drawn_width, drawn_height = image_width * scale, image_height * scale
        canvas.drawImage(logo, LEFT, top - drawn_height, drawn_width, drawn_height, mask="auto")
        sender_width = min(sender_width, BODY_WIDTH - drawn_width - 8 * mm)
    sender: list[Any] = []
    if letter.letterhead.school.strip():
        sender.append(Paragraph(esc(letter.letterhead.school.strip()), SCHOOL))
    if letter.letterhead.address.strip():
        sender.append(Paragraph(_lines(letter.letterhead.address), SCHOOL_ADDRESS))
    y = top
    for paragraph in sender:
        _w, used = paragraph.wrap(sender_width, height)
        y -= used
        paragraph.drawOn(canvas, width - RIGHT - sender_width, y)
        y -= 1.2 * mm
    _recipient(canvas, letter.recipient, labels)


def _recipient(canvas: Canvas, recipient: Recipient, labels: LetterLabels) -> None:
    """The address block in the envelope's window, set smaller if it has many lines."""
    height = PAGE[1]
    lines = "<br/>".join(
        part
        for part in (
            esc(recipient.organisation.strip()),
            esc(recipient.name.strip()),
            _lines(recipient.address),
        )
        if part
    )
    mark = Paragraph(esc(labels.confidential), WINDOW_MARK)
    _w, mark_height = mark.wrap(WINDOW_WIDTH, WINDOW_HEIGHT)
    top = height - WINDOW_TOP
    mark.drawOn(canvas, LEFT, top - mark_height)
    room = WINDOW_HEIGHT - mark_height
    for address_style in ADDRESS_SIZES:
        address = Paragraph(lines, address_style)
        _w, used = address.wrap(WINDOW_WIDTH, room)
        if used <= room:
            break
    address.drawOn(canvas, LEFT, top - mark_height - used)


def _running_head(canvas: Canvas, _doc: BaseDocTemplate, *, head: str, date: str) -> None:
    width, height = PAGE
    y = height - 15 * mm
    canvas.saveState()
    canvas.setFont(REGULAR, 8)
    canvas.setFillColor(MUTED)
    canvas.drawString(LEFT, y, head)
    canvas.drawRightString(width - RIGHT, y, fit(date, 30))
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(LEFT, y - 2.5 * mm, width - RIGHT, y - 2.5 * mm)
    canvas.restoreState()


def _foot(canvas: Canvas, page: int, pages: int, *, labels: LetterLabels, audit: str) -> None:
    width = PAGE[0]
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(LEFT, FOOT_Y + 4 * mm, width - RIGHT, FOOT_Y + 4 * mm)
    canvas.setFont(BOLD, 8)
    canvas.setFillColor(ACCENT_TEXT)
    canvas.drawString(LEFT, FOOT_Y, labels.confidential)
    canvas.setFont(REGULAR, 8)
    canvas.setFillColor(MUTED)
    canvas.drawRightString(width - RIGHT, FOOT_Y, labels.page.format(page=page, pages=pages))
    if audit:
        canvas.setFont(REGULAR, 7)
        canvas.drawCentredString(LEFT + BODY_WIDTH / 2, FOOT_Y, audit)
    canvas.restoreState()
