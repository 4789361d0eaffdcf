"""The contacts sheet (contactenblad): the school's own *sociale kaart* on one A4, two if it must.

A sociale kaart is the list of people and organisations a school works with around its pupils'
safety. This one is for concerns about exploitation: first the school's own zorgcoördinator
(care coordinator), then the contacts the school entered (the regional zorgcoördinator
mensenhandel, its Veilig Thuis region, the wijkagent or community police officer, the
leerplichtambtenaar or school attendance officer, others), then the national lines from the
signal card. Schoolsignaal ships no regional names or numbers: where the school entered none,
the sheet leaves room to write them in. Contacts go out of date, so the sheet says when it was
printed and asks to be checked every school year.

The words are data (``toolkit/content/contacts_sheet.<language>.yaml``).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import Field
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
)

from lessons.datafile import ContentModel, load_model
from toolkit.page_head import PageFrame, framed_flow, note_box
from toolkit.pdf import (
    BODY_WIDTH,
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
from toolkit.school_contact import SchoolContact
from toolkit.signal_card import load_signal_card

CONTENT = Path(__file__).resolve().parent / "content"
# The kinds of contact a school enters, in the order the settings offer them.
KINDS = ("regional_coordinator", "veilig_thuis", "wijkagent", "leerplicht", "other")
Text = Annotated[str, Field(min_length=1, max_length=300)]
LINE = colors.HexColor("#b9c0ca")
ROOM = 35 * mm  # the contacts' heading starts a new page when less is left: never alone
WIDTHS = tuple(BODY_WIDTH * share for share in (0.40, 0.33, 0.27))  # who, reach, note

TITLE = style("cs-title", fontName=BOLD, fontSize=19, leading=22, textColor=NAVY)
SUBTITLE = style("cs-sub", fontSize=10, leading=13, textColor=INK)
DATED = style("cs-dated", fontName=BOLD, fontSize=9, leading=12, textColor=NAVY)
HEADING = style("cs-head", fontName=BOLD, fontSize=12, leading=15, textColor=NAVY)
HINT = style("cs-hint", fontSize=8.5, leading=11, textColor=MUTED)
COLUMN = style("cs-col", fontName=BOLD, fontSize=7.5, leading=9.5, textColor=MUTED)
KIND = style("cs-kind", fontName=BOLD, fontSize=7.5, leading=9.5, textColor=MUTED)
STRONG = style("cs-strong", fontName=BOLD, fontSize=9.5, leading=12, textColor=INK)
PLAIN = style("cs-plain", fontSize=9, leading=11.5, textColor=INK)
SMALL = style("cs-small", fontSize=8, leading=10, textColor=INK)
NUMBER = style("cs-number", fontName=BOLD, fontSize=10, leading=12.5, textColor=NAVY)
BANNER = style("cs-banner", fontName=BOLD, fontSize=9.5, leading=12, textColor=INK)


class Columns(ContentModel):
    who: Text
    reach: Text
    note: Text
    for_: Text = Field(alias="for")


class Example(ContentModel):
    """The fictional contacts of the sample sheet, each as on the command line."""

    banner: Text
    school: Text
    coordinator: Text
    contacts: Annotated[list[Text], Field(min_length=1)]


class SheetText(ContentModel):
    language: str
    title: Text
    subtitle: Text
    printed: Text  # with {date}
    check: Text
    school_heading: Text
    school_role: Text
    school_note: Text
    school_missing: Text
    contacts_heading: Text
    contacts_missing: Text
    national_heading: Text
    national_note: Text
    columns: Columns
    kinds: dict[str, Text]
    page: Text
    example: Example

    def model_post_init(self, _context: object) -> None:
        if sorted(self.kinds) != sorted(KINDS):
            raise ValueError(f"kinds: precies deze soorten, elk met een naam: {', '.join(KINDS)}")


@functools.cache
def load_sheet_text(language: str) -> SheetText:
    return load_model(CONTENT / f"contacts_sheet.{language}.yaml", SheetText)


def kind_label(kind: str, language: str) -> str:
    """The name of a kind of contact on the sheet in ``language``; KeyError if unknown."""
    return load_sheet_text(language).kinds[kind]


@dataclass(frozen=True)
class Contact:
    """One contact as the sheet prints it: plain, already checked, the kind already named."""

    kind_label: str
    organisation: str
    name: str = ""
    phone: str = ""
    email: str = ""
    note: str = ""


def parse_contact(text: str, language: str) -> Contact:
    """From ``"KIND; ORGANISATION; NAME; PHONE; E-MAIL; NOTE"`` (the last four may be empty);
    ValueError, in Dutch, for an unknown kind, a missing organisation or too many parts."""
    parts = [part.strip() for part in text.split(";")]
    if len(parts) > 6:
        raise ValueError(
            f"‘{text}’ heeft {len(parts)} delen; het zijn er ten hoogste 6: soort; organisatie; "
            "naam; telefoon; e-mail; notitie. Laat ‘;’ weg uit de notitie."
        )
    kind, organisation, name, phone, email, note = parts + [""] * (6 - len(parts))
    if kind not in KINDS:
        raise ValueError(f"onbekende soort ‘{kind}’ in ‘{text}’. Kies een van: {', '.join(KINDS)}.")
    if not organisation:
        raise ValueError(
            f"‘{text}’ noemt geen organisatie. Zet die na de soort, bijvoorbeeld "
            "‘veilig_thuis; Veilig Thuis regio …; …’."
        )
    return Contact(kind_label(kind, language), organisation, name, phone, email, note)


def build_contacts_sheet(
    language: str,
    school: SchoolContact | None,
    contacts: list[Contact],
    *,
    date: dt.date | None = None,
    banner: str = "",
) -> bytes:
    """The sheet in ``language`` (nl or en): the school's coordinator, ``contacts`` and the
    national lines, printed on ``date`` (today); ``banner`` over it all (the sample's
    "Voorbeeld")."""
    from babel.dates import format_date

    register_fonts()
    text = load_sheet_text(language)
    school = school if school is not None else SchoolContact()
    day = format_date(date or dt.date.today(), "d MMMM y", locale=language)  # 1 September 2026
    printed = text.printed.format(date=day)
    dated = f"{printed} {text.check}"
    story: list[Flowable] = []
    if banner:
        story += [note_box(Paragraph(esc(banner), BANNER), WARM_TINT), Spacer(1, 3 * mm)]
    story += [
        Paragraph(esc(text.title), TITLE),
        Paragraph(esc(text.subtitle), SUBTITLE),
        Spacer(1, 1 * mm),
        Paragraph(esc(dated), DATED),
        Spacer(1, 3 * mm),
        *_school_part(text, school),
        Spacer(1, 4 * mm),
        *_contacts_part(text, contacts),
        Spacer(1, 4 * mm),
        *_national_part(text, language),
    ]
    frame = PageFrame(
        school,
        running_head=" · ".join(filter(None, [text.title, school.school])),
        foot=dated,
        page_label=text.page,
    )
    return framed_flow(story, frame, title=text.title, subject=text.subtitle, language=language)


def _cell(*parts: tuple[str, object]) -> list[Flowable]:
    """Paragraphs for the parts that have text (escaped), each in its style."""
    return [Paragraph(esc(value), part_style) for value, part_style in parts if value]


def _write_in(label: str, hint: str = "") -> list[list[object]]:
    """An empty row to write a contact in by hand, under ``label`` (and ``hint``)."""
    return [[[*_cell((label, KIND), (hint, HINT)), Spacer(1, 9 * mm)], "", ""]]


def _table(rows: list[list[object]], header: list[str] | None) -> Table:
    """Who, how to reach, a note: under ``header`` (repeated on the next page), or shaded
    without one (the school's own)."""
    cells = rows if header is None else [[Paragraph(esc(t), COLUMN) for t in header], *rows]
    first = 0 if header is None else 1
    table = Table(cells, colWidths=list(WIDTHS), repeatRows=first)
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.6, LINE),
        ("LEFTPADDING", (0, 0), (-1, -1), 1.5 * mm),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2 * mm),
        ("TOPPADDING", (0, first), (-1, -1), 1.1 * mm),
        ("BOTTOMPADDING", (0, first), (-1, -1), 1.3 * mm),
    ]
    if header is None:
        commands.append(("BACKGROUND", (0, 0), (-1, -1), TINT))
    table.setStyle(table_style(commands))
    return table


def _school_part(text: SheetText, school: SchoolContact) -> list[Flowable]:
    heading = Paragraph(esc(text.school_heading), HEADING)
    if not (school.name or school.phone or school.email):
        rows = _write_in(text.school_role, text.school_missing)
    else:
        who = _cell((school.role or text.school_role, KIND), (school.name, STRONG))
        reach = _cell((school.phone, NUMBER), (school.email, SMALL))
        rows = [[who, reach, _cell((text.school_note, HINT))]]
    return [KeepTogether([heading, Spacer(1, 1.5 * mm), _table(rows, None)])]


def _contacts_part(text: SheetText, contacts: list[Contact]) -> list[Flowable]:
    heading = Paragraph(esc(text.contacts_heading), HEADING)
    header = [text.columns.who, text.columns.reach, text.columns.note]
    if not contacts:
        rows = [row for kind in KINDS[:-1] for row in _write_in(text.kinds[kind])]
        hint = Paragraph(esc(text.contacts_missing), HINT)
        return [KeepTogether([heading, hint, Spacer(1, 1.5 * mm), _table(rows, header)])]
    rows = [
        [
            _cell((c.kind_label, KIND), (c.organisation, STRONG), (c.name, PLAIN)),
            _cell((c.phone, NUMBER), (c.email, SMALL)),
            _cell((c.note, SMALL)),
        ]
        for c in contacts
    ]
    return [CondPageBreak(ROOM), heading, Spacer(1, 1.5 * mm), _table(rows, header)]


def _national_part(text: SheetText, language: str) -> list[Flowable]:
    """The signal card's national lines, two to a row: name, number (and hours), what for."""
    cells: list[list[Flowable]] = []
    for line in load_signal_card(language).help_lines:
        reach = f"<b>{esc(line.contact)}</b>"
        if line.hours:
            font = f'name="{REGULAR}" size="8" color="{MUTED.hexval()}"'
            reach += f"<font {font}> · {esc(line.hours)}</font>"
        cells.append([Paragraph(esc(line.name), STRONG), Paragraph(reach, NUMBER),
                      Paragraph(esc(line.for_), SMALL)])  # fmt: skip
    if len(cells) % 2:
        cells.append([])
    rows = [cells[index : index + 2] for index in range(0, len(cells), 2)]
    table = Table(rows, colWidths=[BODY_WIDTH / 2] * 2)
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.6, LINE),
                ("LEFTPADDING", (0, 0), (-1, -1), 1.5 * mm),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 0.9 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.1 * mm),
            ]
        )
    )
    heading = Paragraph(esc(text.national_heading), HEADING)
    note = Paragraph(esc(text.national_note), HINT)
    return [KeepTogether([heading, note, Spacer(1, 1.5 * mm), table])]  # one block, never split


def example_sheet(language: str, *, date: dt.date | None = None) -> bytes:
    """The sheet with the content file's fictional contacts, marked as an example."""
    example = load_sheet_text(language).example
    coordinator = SchoolContact.parse(example.coordinator)
    school = SchoolContact(
        school=example.school,
        name=coordinator.name,
        role=coordinator.role,
        phone=coordinator.phone,
        email=coordinator.email,
    )
    contacts = [parse_contact(line, language) for line in example.contacts]
    return build_contacts_sheet(language, school, contacts, date=date, banner=example.banner)


def file_name(language: str) -> str:
    return f"contactenblad-{language}.pdf"


def write_samples(folder: Path) -> list[Path]:
    """The Dutch sheet with its fictional example contacts into ``folder``, for the smoke test."""
    from toolkit.pdf import save

    return [save(example_sheet("nl"), folder / file_name("nl"))]
