"""Print several at once: what the Printen page offers, and one PDF made of many documents.

No Qt here. The Printen page shows :data:`CATALOGUE`; :func:`plan` turns the ticked documents
and languages into :class:`Part` s (and says which combinations do not exist), :func:`make`
builds them (on a worker thread, cancellable between documents), :func:`combine` makes one PDF:
each document ``copies`` times, a blank page after an odd-paged one when printed double-sided.

Adding a document is one :class:`Entry` in :data:`CATALOGUE`. None of these documents holds
case data: nothing here is audited.
"""

from __future__ import annotations

import datetime as dt
import importlib
import io
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from desktop import printing
from desktop.i18n import N_, _
from desktop.settings import Settings

if TYPE_CHECKING:
    from lessons.model import Lesson
    from toolkit.school_contact import SchoolContact

log = logging.getLogger(__name__)

Edge = Literal["short", "long"]
Duplex = Edge | None
Options = Mapping[str, str]
MAX_COPIES = 200
BOTH = ("nl", "en")
PARENT_LANGUAGES = ("nl", "en", "uk", "pl", "tr", "ar")  # toolkit.parent_letter's; a test checks
ALL_LANGUAGES = PARENT_LANGUAGES  # every language some document exists in, in the page's order
LANGUAGE_LABELS = {  # the name in Dutch (translated when shown) and in the language itself
    "nl": (N_("Nederlands"), ""),
    "en": (N_("Engels"), "English"),
    "uk": (N_("Oekraïens"), "Українська"),
    "pl": (N_("Pools"), "Polski"),
    "tr": (N_("Turks"), "Türkçe"),
    "ar": (N_("Arabisch"), "العربية"),
}


@dataclass(frozen=True)
class Context:
    """The school's details every document is headed with (from the settings)."""

    settings: Settings
    logo: Path | None = None

    @property
    def school(self) -> SchoolContact:
        return printing.school_contact(self.settings, self.logo)


Make = Callable[[str, Context, Options], bytes]
Name = Callable[[str, Options], str]
Exists = Callable[[str, Options], bool]


@dataclass(frozen=True)
class Entry:
    """One document the page offers. ``label`` is Dutch (``N_``), translated when shown;
    ``options`` the choices it takes: "paper" (a4, a3), "lesson" (a lesson id) and "level",
    "when" (free text for the parent letter); ``exists`` says whether a language and options
    make a document (a lesson without a worksheet at a level does not)."""

    key: str
    label: str
    languages: tuple[str, ...]
    make: Make
    name: Name
    exists: Exists | None = None
    duplex: Duplex = None
    options: tuple[str, ...] = ()

    def build(self, language: str, context: Context, options: Options | None = None) -> bytes:
        return self.make(language, context, options or {})

    def file_name(self, language: str, options: Options | None = None) -> str:
        return self.name(language, options or {})

    def available(self, language: str, options: Options | None = None) -> bool:
        if language not in self.languages:
            return False
        return self.exists is None or self.exists(language, options or {})


# ---------------------------------------------------------------- how each kind is made


def _toolkit(module: str, builder: str) -> tuple[Make, Name]:
    """A toolkit document made as ``module.builder(language, school)`` and named by
    ``module.file_name(language)``; the module (reportlab) loads when first built."""

    def make(language: str, context: Context, _options: Options) -> bytes:
        build: Callable[[str, SchoolContact], bytes] = getattr(
            importlib.import_module(module), builder
        )
        return build(language, context.school)

    def name(language: str, _options: Options) -> str:
        file_name: Callable[[str], str] = importlib.import_module(module).file_name
        return file_name(language)

    return make, name


def _signal_card(fmt: str) -> tuple[Make, Name]:
    def make(language: str, context: Context, options: Options) -> bytes:
        paper = options.get("paper", "a4")
        return printing.signal_card_pdf(context.settings, language, fmt, paper, logo=context.logo)

    def name(language: str, options: Options) -> str:
        return printing.signal_card_file_name(language, fmt, options.get("paper", "a4"))

    return make, name


def _parent_letter(language: str, context: Context, options: Options) -> bytes:
    from toolkit.parent_letter import build_parent_letter

    return build_parent_letter(
        language,
        context.school,
        when=options.get("when", "").strip(),
        address=context.settings.school_address,
    )


def _parent_letter_name(language: str, _options: Options) -> str:
    from toolkit.parent_letter import file_name

    return file_name(language)


def _contacts_sheet(language: str, context: Context, _options: Options) -> bytes:
    return printing.contacts_sheet_pdf(context.settings, language, context.logo)


def _contacts_sheet_name(language: str, _options: Options) -> str:
    from toolkit.contacts_sheet import file_name

    return file_name(language)


def lesson_at(language: str, options: Options) -> Lesson | None:
    """The lesson ``options["lesson"]`` in ``language`` at ``options["level"]``; None when
    the series in that language has no such lesson or the lesson not that level."""
    from desktop.classroom.lesson_series import series

    try:
        lesson = series(language).get(options.get("lesson", "")).lesson
    except KeyError:
        return None
    level = options.get("level", "")
    if level not in lesson.levels:
        return None
    return lesson.for_level(level)


def _lesson(worksheet: bool) -> tuple[Make, Name, Exists]:
    def make(language: str, context: Context, options: Options) -> bytes:
        lesson = lesson_at(language, options)
        if lesson is None:
            raise ValueError(_("deze les bestaat niet op dit niveau."))
        return printing.lesson_plan_pdf(lesson, worksheet=worksheet, school=context.school)

    def name(language: str, options: Options) -> str:
        lesson = lesson_at(language, options)
        if lesson is None:
            return f"{'werkblad' if worksheet else 'lesplan'}-{language}.pdf"
        return printing.lesson_plan_file_name(lesson, worksheet=worksheet)

    def exists(language: str, options: Options) -> bool:
        lesson = lesson_at(language, options)
        if lesson is None:
            return False
        return not worksheet or printing.lesson_has_questions(lesson)

    return make, name, exists


CATALOGUE: tuple[Entry, ...] = (
    Entry(
        "signal-card-trifold",
        N_("Signalenkaart: gevouwen kaart (A4, drie panelen)"),
        BOTH,
        *_signal_card("trifold"),
        duplex="short",
    ),
    Entry(
        "signal-card-pocket",
        N_("Signalenkaart: zakkaart (A6, vier per vel)"),
        BOTH,
        *_signal_card("pocket"),
        duplex="long",
    ),
    Entry(
        "poster",
        N_("Poster voor leerlingen: Waar kun je terecht?"),
        BOTH,
        *_signal_card("poster"),
        options=("paper",),
    ),
    Entry(
        "key-messages",
        N_("Gesprekskaart met kernboodschappen (A6)"),
        BOTH,
        *_toolkit("toolkit.key_messages", "build_key_messages"),
        duplex="long",
    ),
    Entry(
        "observation-form",
        N_("Observatieformulier (meldcode stap 1)"),
        BOTH,
        *_toolkit("toolkit.observation_form", "build_observation_form"),
        duplex="long",  # A4 portrait: flipped on the long edge
    ),
    Entry(
        "parent-letter",
        N_("Brief aan ouders over de lessen"),
        PARENT_LANGUAGES,
        _parent_letter,
        _parent_letter_name,
        options=("when",),
    ),
    Entry(
        "contacts-sheet",
        N_("Contactenblad (sociale kaart)"),
        BOTH,
        _contacts_sheet,
        _contacts_sheet_name,
        duplex="long",  # A4 portrait: flipped on the long edge
    ),
    Entry(
        "guide",
        N_("Handleiding voor docenten"),
        BOTH,
        *_toolkit("toolkit.guide_document", "build_guide"),
        duplex="long",  # A4 portrait: flipped on the long edge
    ),
    Entry(
        "lesson-plan",
        N_("Lesplan voor de docent"),
        BOTH,
        *_lesson(worksheet=False),
        options=("lesson", "level"),
        duplex="long",  # A4 portrait: flipped on the long edge
    ),
    Entry(
        "worksheet",
        N_("Werkblad voor leerlingen"),
        BOTH,
        *_lesson(worksheet=True),
        options=("lesson", "level"),
        duplex="long",  # A4 portrait: flipped on the long edge
    ),
)
BY_KEY = {entry.key: entry for entry in CATALOGUE}


def unchecked_languages() -> tuple[str, ...]:
    """The parent letter's translations nobody who speaks the language has checked yet (as
    their content files say)."""
    from toolkit.parent_letter_text import load_letter_text

    return tuple(code for code in PARENT_LANGUAGES if load_letter_text(code).needs_native_check)


# ---------------------------------------------------------------- what to make


@dataclass(frozen=True)
class Part:
    """One document in one language, with its options."""

    entry: Entry
    language: str
    options: Mapping[str, str] = field(default_factory=dict)

    def title(self) -> str:
        return f"{_(self.entry.label)} ({language_name(self.language)})"


@dataclass(frozen=True)
class Plan:
    parts: list[Part]
    missing: list[tuple[Entry, list[str]]]  # per document: the ticked languages it lacks


def plan(keys: Sequence[str], languages: Sequence[str], options: Options | None = None) -> Plan:
    """Each document of ``keys`` in each of ``languages`` it exists in, documents first (in
    the catalogue's order), then languages; ``options`` hold every document's choices."""
    options = dict(options or {})
    parts: list[Part] = []
    missing: list[tuple[Entry, list[str]]] = []
    for entry in CATALOGUE:
        if entry.key not in keys:
            continue
        own = {key: value for key, value in options.items() if key in entry.options}
        lacking = []
        for language in languages:
            if entry.available(language, own):
                parts.append(Part(entry, language, own))
            else:
                lacking.append(language)
        if lacking:
            missing.append((entry, lacking))
    return Plan(parts, missing)


def language_name(code: str) -> str:
    """ "Oekraïens" in a Dutch window, "Ukrainian" in an English one."""
    return _(LANGUAGE_LABELS[code][0])


def missing_text(missing: list[tuple[Entry, list[str]]]) -> str:
    """What is skipped: a heading, then "– Handleiding voor docenten (Oekraïens, Pools)" per
    document; "" when nothing is."""
    if not missing:
        return ""
    lines = [_("Niet in deze taal, wordt overgeslagen:")]
    for entry, languages in missing:
        names = ", ".join(language_name(code) for code in languages)
        lines.append(f"– {_(entry.label)} ({names})")
    return "\n".join(lines)


def duplex_edges(parts: Sequence[Part]) -> dict[Edge, list[Entry]]:
    """The edges ("short", "long") the chosen documents flip on, with the documents for each."""
    edges: dict[Edge, list[Entry]] = {}
    for part in parts:
        if part.entry.duplex and part.entry not in edges.get(part.entry.duplex, []):
            edges.setdefault(part.entry.duplex, []).append(part.entry)
    return edges


class Cancelled(Exception):
    """The user cancelled between two documents: nothing was made."""


class PartFailed(ValueError):
    """A document could not be made; the message names it and says why, in words."""


def make(
    parts: Sequence[Part],
    context: Context,
    *,
    cancelled: Callable[[], bool] = lambda: False,
    progress: Callable[[int, int, Part], None] = lambda done, total, part: None,
) -> list[bytes]:
    """Build every part in order; ``progress(done, total, next part)`` before each.
    Raises Cancelled when ``cancelled()`` turns true between documents, PartFailed when one
    cannot be made (contact details too long for a card, for example). Safe off the UI thread."""
    made: list[bytes] = []
    for index, part in enumerate(parts):
        if cancelled():
            raise Cancelled
        progress(index, len(parts), part)
        try:
            made.append(part.entry.build(part.language, context, part.options))
        except ValueError as err:
            raise PartFailed(
                _("{document} kan niet worden gemaakt: {reason}").format(
                    document=part.title(), reason=err
                )
            ) from err
    log.info("%d documents built", len(made))
    return made


def combine(
    parts: Sequence[bytes],
    copies: int = 1,
    *,
    double_sided: bool | Sequence[bool] = False,
    duplex: Duplex = None,
) -> bytes:
    """One PDF: every document of ``parts`` in order, each ``copies`` times over. A document
    printed double-sided (``double_sided``: for all, or per part) with an odd number of pages
    gets a blank page after it, so that the next one starts on a sheet of its own. ``duplex``
    sets the PDF's viewer preference (the edge a print dialog suggests), as each part does."""
    from pypdf import PdfReader, PdfWriter

    if not 1 <= copies <= MAX_COPIES:
        raise ValueError(f"copies must be 1 to {MAX_COPIES}, not {copies}")
    sides = [double_sided] * len(parts) if isinstance(double_sided, bool) else list(double_sided)
    if len(sides) != len(parts):
        raise ValueError("double_sided needs one value per part")
    writer = PdfWriter()
    for data, two_sided in zip(parts, sides, strict=True):
        reader = PdfReader(io.BytesIO(data))
        pages = list(reader.pages)
        for _copy in range(copies):
            for page in pages:
                writer.add_page(page)
            if two_sided and len(pages) % 2:
                box = pages[-1].mediabox
                writer.add_blank_page(float(box.width), float(box.height))
    writer.add_metadata({"/Title": "Schoolsignaal", "/Author": "Schoolsignaal"})
    if duplex:
        from pypdf.generic import NameObject

        flip = "/DuplexFlipShortEdge" if duplex == "short" else "/DuplexFlipLongEdge"
        writer.create_viewer_preferences()[NameObject("/Duplex")] = NameObject(flip)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def combined_file_name(today: dt.date | None = None) -> str:
    return f"schoolsignaal-drukwerk-{(today or dt.date.today()).isoformat()}.pdf"
