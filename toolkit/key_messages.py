"""The key messages card (gesprekskaart): A6, two-sided, four to an A4 sheet with cut marks.

For a member of staff to whom a pupil tells something (a disclosure, *onthulling*). The front,
"Als een leerling iets vertelt": how to respond, sentences to say and what not to do. The back:
what happens next (write down the facts, the same day to the zorgcoördinator, the care
coordinator; a disclosure counts as acute), the meldcode's five steps in a line each, the
school's contact (or lines to write it in) and Veilig Thuis and 112. The sheet is the pocket
card's (:mod:`toolkit.a6_sheet`): printed double-sided, it flips on the long edge.

The words are data (``toolkit/content/key_messages.<language>.yaml``); the help lines' names
and numbers are the signal card's, named there by id.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from lessons.datafile import ContentError, ContentModel, Problem, load_model
from toolkit import a6_sheet
from toolkit import card_parts as parts
from toolkit.a6_sheet import INSET, SHEET, behind, cells, cut_marks, duplex_note, largest
from toolkit.pdf import (
    ACCENT_TEXT,
    BOLD,
    CONDENSED,
    CONDENSED_BOLD,
    ITALIC,
    MUTED,
    NAVY,
    REGULAR,
    TINT,
    WARM_TINT,
    Box,
    Tagged,
    esc,
    fill,
    load_logo,
    render,
    style,
    table_style,
)
from toolkit.school_contact import SchoolContact
from toolkit.signal_card import HelpLine, load_signal_card

CONTENT = Path(__file__).resolve().parent / "content"
NAME = "key-messages"
DUPLEX: Literal["long"] = a6_sheet.DUPLEX  # what the print dialog is told, as the sheet says
LANGUAGES = ("nl", "en")
# Type sizes to try, largest first: the largest that fills a side; never under 8 pt.
SIZES = (10.0, 9.7, 9.4, 9.1, 8.8, 8.5, 8.2, 8.0)
NOTE_SIZE = 8.0  # the sheet's note on double-sided printing
LINE = colors.HexColor("#9aa0a6")
Text = Annotated[str, Field(min_length=1, max_length=200)]
Short = Annotated[str, Field(min_length=1, max_length=60)]


class Step(ContentModel):
    """A step: a bold title and, on the same line, what it means."""

    title: Short
    text: Text | None = None


class HelpRef(ContentModel):
    """A help line of the signal card, by its id, and what to call it for."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9-]+$")]
    note: Short


class Front(ContentModel):
    heading: Annotated[str, Field(min_length=1, max_length=40)]
    intro: Text
    steps: Annotated[list[Step], Field(min_length=1, max_length=8)]
    say_heading: Short
    say: Annotated[list[Text], Field(min_length=1, max_length=6)]
    avoid_heading: Short
    avoid: Annotated[list[Text], Field(min_length=1, max_length=6)]


class Back(ContentModel):
    heading: Short
    next_steps: Annotated[list[Step], Field(min_length=1, max_length=5)]
    meldcode_heading: Short
    meldcode: Annotated[list[Step], Field(min_length=5, max_length=5)]
    contact_heading: Short
    contact_blanks: Annotated[list[Short], Field(min_length=1, max_length=3)]
    help_heading: Short
    help_lines: Annotated[list[HelpRef], Field(min_length=1, max_length=4)]


class KeyMessages(ContentModel):
    language: Literal["nl", "en"]
    title: Text
    subtitle: Text
    front: Front
    back: Back
    duplex_note: Short


@functools.cache
def load_key_messages(language: str) -> KeyMessages:
    """The card's words in ``language`` (nl or en), checked."""
    if language not in LANGUAGES:
        raise ValueError(f"no key messages card in {language!r}; choose one of {LANGUAGES}")
    return load_model(CONTENT / f"key_messages.{language}.yaml", KeyMessages)


def help_lines(text: KeyMessages) -> list[tuple[HelpLine, str]]:
    """The signal card's help lines the card names, each with the card's note on it."""
    card = load_signal_card(text.language)
    known = {line.id: line for line in card.help_lines}
    unknown = [ref.id for ref in text.back.help_lines if ref.id not in known]
    if unknown:
        raise ContentError(
            [
                Problem(
                    f"key_messages.{text.language}.yaml",
                    None,
                    "back.help_lines",
                    f"onbekende hulplijn '{ref}'; kies uit {', '.join(sorted(known))}",
                )
                for ref in unknown
            ]
        )
    return [(known[ref.id], ref.note) for ref in text.back.help_lines]


def build_key_messages(language: str, school: SchoolContact | None = None) -> bytes:
    """Four cards in ``language`` on an A4 sheet, fronts on page 1 and backs on page 2; the
    school's contact, name and logo on the back where set."""
    text = load_key_messages(language)
    lines = help_lines(text)
    contact = school if school is not None else SchoolContact()
    logo = load_logo(contact.logo)

    def draw(canvas: Canvas) -> None:
        for cell in cells():
            _front(canvas, cell, text)
        cut_marks(canvas)
        duplex_note(canvas, text.duplex_note, font=REGULAR, size=NOTE_SIZE)
        canvas.showPage()
        for cell in cells():
            _back(canvas, behind(cell), text, lines, contact, logo)
        cut_marks(canvas)
        canvas.showPage()

    return render(
        draw,
        pagesize=SHEET,
        title=text.title,
        subject=text.subtitle,
        language=language,
        duplex=DUPLEX,
    )


def _step(
    step: Step, scale: parts.Scale, paragraph_style: ParagraphStyle, bullet: str
) -> Paragraph:
    body = f"<font name='{CONDENSED_BOLD}' color='#1d3557'>{esc(step.title)}</font>"
    if step.text:
        body += f" {esc(step.text)}"
    return Paragraph(body, paragraph_style, bulletText=bullet)


def _numbered(scale: parts.Scale) -> ParagraphStyle:
    return style(
        "km-n", parent=scale.bullet, leftIndent=scale.size * 1.5, bulletFontName=CONDENSED_BOLD
    )


def _front(canvas: Canvas, cell: Box, text: KeyMessages) -> None:
    front = text.front
    rest = a6_sheet.title_band(canvas, cell, front.heading, 12 * mm, document=NAME)
    box = Box(
        cell.x + INSET, cell.y + INSET, cell.width - 2 * INSET, rest.top - 3 * mm - cell.y - INSET
    )

    def story_for(scale: parts.Scale) -> list[Flowable]:
        intro = style("km-intro", parent=scale.body, textColor=MUTED, spaceAfter=scale.size * 0.4)
        story: list[Flowable] = [Tagged("intro", Paragraph(esc(front.intro), intro))]
        numbered = _numbered(scale)
        story += [
            Tagged(f"step-{i}", _step(step, scale, numbered, f"{i}."))
            for i, step in enumerate(front.steps, start=1)
        ]
        story.append(parts.heading(front.say_heading, scale, fontSize=scale.size * 1.2))
        story.append(_sayings(front.say, scale))
        story.append(parts.heading(front.avoid_heading, scale, fontSize=scale.size * 1.2))
        avoid = style(
            "km-avoid", parent=scale.bullet, leftIndent=scale.size * 1.5,
            bulletColor=ACCENT_TEXT, bulletFontName=BOLD,
        )  # fmt: skip
        story += [
            Tagged(f"avoid-{i}", Paragraph(esc(item), avoid, bulletText="✕"))
            for i, item in enumerate(front.avoid, start=1)
        ]
        return story

    story = largest(SIZES, box, story_for) or story_for(parts.Scale(SIZES[-1], tight=True))
    fill(canvas, box, story, document=NAME, panel="front")  # names what does not fit


def _sayings(sayings: list[str], scale: parts.Scale) -> Flowable:
    """The sentences to say, in italics in a warm box."""
    said = style(
        "km-say", parent=scale.body, fontName=ITALIC, leading=scale.size * 1.2,
        spaceAfter=scale.size * 0.25,
    )  # fmt: skip
    box = Table([[Paragraph(esc(line), said)] for line in sayings], colWidths=["100%"])
    box.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), WARM_TINT),
                ("LINEBEFORE", (0, 0), (0, -1), 2, ACCENT_TEXT),
                ("LEFTPADDING", (0, 0), (-1, -1), 2.5 * mm),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 0.3 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0.3 * mm),
                ("TOPPADDING", (0, 0), (-1, 0), 1.5 * mm),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 1.2 * mm),
            ]
        )
    )
    return Tagged("say", box)


def _back(
    canvas: Canvas,
    cell: Box,
    text: KeyMessages,
    lines: list[tuple[HelpLine, str]],
    contact: SchoolContact,
    logo: ImageReader | None,
) -> None:
    back = text.back
    box = cell.inset(INSET)

    def story_for(scale: parts.Scale, logo: ImageReader | None = logo) -> list[Flowable]:
        story: list[Flowable] = [parts.heading(back.heading, scale, spaceBefore=0)]
        point = style("km-point", parent=scale.bullet, bulletColor=NAVY)
        story += [
            Tagged(f"next-{i}", _step(step, scale, point, "•"))
            for i, step in enumerate(back.next_steps, start=1)
        ]
        story.append(parts.heading(back.meldcode_heading, scale, fontSize=scale.size * 1.2))
        story += meldcode_lines(back, scale)
        story.append(parts.heading(back.help_heading, scale, fontSize=scale.size * 1.2))
        story += [_help_line(line, note, scale) for line, note in lines]
        if contact.has_person:
            story += parts.contact_box(contact, back.contact_heading, scale, compact=True)
        else:
            story.append(_blanks(back, contact.school, scale))
        mark = parts.school_mark("", logo, size=scale.size, logo_height=9 * mm)
        if mark is not None:  # the school's name stands in the box above
            story += [Spacer(1, scale.size * 0.8), mark]
        return story

    # The logo where there is room; the type never smaller than 8 pt for it.
    story = largest(SIZES, box, story_for)
    if story is None and logo is not None:
        story = largest(SIZES, box, lambda scale: story_for(scale, None))
    if story is None:
        story = story_for(parts.Scale(SIZES[-1], tight=True), None)
    fill(canvas, box, story, document=NAME, panel="back")  # names what does not fit


def meldcode_lines(back: Back, scale: parts.Scale) -> list[Flowable]:
    """The meldcode's five steps, each "title – text" on one line (the content keeps them
    short enough for that at the largest size; a test checks it)."""
    numbered = _numbered(scale)
    return [
        Tagged(
            f"meldcode-{i}",
            _step(
                Step(title=step.title, text=f"– {step.text}" if step.text else None),
                scale,
                numbered,
                f"{i}.",
            ),
        )
        for i, step in enumerate(back.meldcode, start=1)
    ]


def _help_line(line: HelpLine, note: str, scale: parts.Scale) -> Flowable:
    """Name in navy, number bold, hours muted, then what the card says to call it for."""
    text = (
        f"<font name='{CONDENSED_BOLD}' color='#1d3557'>{esc(line.name)}</font> "
        f"<font name='{CONDENSED_BOLD}'>{esc(line.contact)}</font>"
    )
    if line.hours:
        text += f" <font color='#5a6270'>({esc(line.hours)})</font>"
    text += f"<br/>{esc(note)}"
    return Tagged(
        f"help:{line.id}",
        Paragraph(text, style("km-help", parent=scale.body, spaceAfter=scale.size * 0.3)),
    )


class WriteIn(Flowable):  # type: ignore[misc]
    """A label and a line after it to write on (the school's contact, by hand)."""

    def __init__(self, label: str, size: float) -> None:
        super().__init__()
        self.label, self.size = label, size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = avail_width, 7 * mm
        return self.width, self.height

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setFont(CONDENSED, self.size)
        self.canv.setFillColor(colors.HexColor("#1f2430"))
        label = f"{self.label}:"
        self.canv.drawString(0, 1 * mm, label)
        start = self.canv.stringWidth(label, CONDENSED, self.size) + 1.5 * mm
        self.canv.setStrokeColor(LINE)
        self.canv.setLineWidth(0.5)
        self.canv.line(start, 0.6 * mm, self.width, 0.6 * mm)
        self.canv.restoreState()


def _blanks(back: Back, school: str, scale: parts.Scale) -> Flowable:
    """The contact box with lines to write in, when the school set no contact."""
    head = esc(back.contact_heading) + (f": {esc(school)}" if school else "")
    heading = style("km-ch", parent=scale.body, fontName=BOLD, textColor=NAVY)
    rows: list[list[Flowable]] = [[Paragraph(head, heading)]]
    rows += [[WriteIn(label, scale.size)] for label in back.contact_blanks]
    table = Table(rows, colWidths=["100%"])
    table.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), TINT),
                ("LEFTPADDING", (0, 0), (-1, -1), 2.5 * mm),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2.5 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 0.4 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0.6 * mm),
                ("TOPPADDING", (0, 0), (-1, 0), 2 * mm),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 2 * mm),
                ("ROUNDEDCORNERS", [2 * mm] * 4),
            ]
        )
    )
    table.spaceBefore = scale.size * 0.6
    return Tagged("school-contact", table)


def file_name(language: str) -> str:
    return f"gesprekskaart-{language}.pdf"


def write_samples(folder: Path) -> list[Path]:
    """The Dutch card into ``folder``, for the smoke test."""
    from toolkit.pdf import save

    return [save(build_key_messages("nl"), folder / file_name("nl"))]
