"""PDF decks: a school's own slides (or the official ones of a lesson package) as a PDF, kept in
the data folder and presented with the same presenter as the app's lessons.

A deck is two files in ``<data>/lespdfs/``: ``<id>.pdf``, a copy of the school's PDF, and
``<id>.json`` beside it with the title, the level, the planned minutes and the teacher's notes
per page. Both are written atomically, the PDF first: a deck exists once its JSON does, so a
copy cut off half-way is never listed, and is cleaned up on the next add.

Notes can come with the PDF: a text file beside it with the same name and ``.txt``
(``les3.pdf`` and ``les3.txt``), one section per page, sections separated by a line with only
``---``. Within a section the lessons' small Markdown holds: a blank line starts a paragraph,
``- `` a bullet, ``**bold**``. Notes typed in the presenter's console are kept in the JSON.

A deck is not a lesson YAML: :class:`PdfDeck` and :class:`PdfPage` offer what the presenter
asks of a deck of pages with notes (``desktop.classroom.presenter.Deck``), nothing more.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.i18n import _
from toolkit.atomic import write_atomic

if TYPE_CHECKING:
    from lessons.model import Level

log = logging.getLogger(__name__)

LEVELS = ("onderbouw", "bovenbouw", "mbo", "eenvoudig")
DEFAULT_MINUTES = 50
MAX_TITLE = 120
MAX_NOTE = 4000
MAX_BYTES = 200 * 1024 * 1024  # a PDF of slides is a few MB; 200 MB is a scanned book
NOTES_SEPARATOR = "---"
# Titles that programs write when the author gave none: the file name says more.
PLACEHOLDER_TITLES = {"untitled", "powerpoint presentation", "powerpoint-presentatie", "slide 1"}
_ID = re.compile(r"^pdf-[0-9a-f]{12}$")


class DeckProblem(ValueError):
    """Why a file cannot become a deck, in words a teacher can act on (translated)."""


@dataclass(frozen=True)
class PdfInfo:
    """What the add dialog shows before the teacher confirms."""

    source: Path
    pages: int
    title: str  # the PDF's own title, else the file name
    notes: list[str]  # per page, from the .txt beside it ('' where none)
    notes_file: Path | None  # the .txt that was read, if any


@dataclass(frozen=True)
class PdfPage:
    """One page of a deck, as the presenter sees a slide: notes, a heading, one step."""

    deck: PdfDeck
    index: int  # 0-based
    kind: str = "pdf"
    minutes: float | None = None
    steps: int = 1
    skippable: bool = False

    @property
    def id(self) -> str:
        return f"pagina-{self.index + 1}"

    @property
    def notes(self) -> str:
        return self.deck.notes[self.index]

    @property
    def heading(self) -> str:
        first = self.notes.strip().splitlines()[0] if self.notes.strip() else ""
        first = first.lstrip("-* ").replace("*", "").strip()  # no Markdown in a list
        page = _("Pagina {n}").format(n=self.index + 1)
        return f"{page} · {first[:60]}" if first else page

    @property
    def pdf(self) -> Path:
        return self.deck.pdf


@dataclass(eq=False)
class PdfDeck:
    """A PDF in the Lessen list. ``notes`` has one entry per page."""

    folder: Path
    id: str
    title: str
    level: str | None
    duration: int  # planned minutes
    pages: int
    notes: list[str]
    source: str = ""  # the original file name, for the detail view
    added: str = ""  # ISO date
    language: str = "nl"
    _pages: tuple[PdfPage, ...] = field(default=(), repr=False)

    @property
    def pdf(self) -> Path:
        return self.folder / f"{self.id}.pdf"

    @property
    def meta(self) -> Path:
        return self.folder / f"{self.id}.json"

    @property
    def levels(self) -> list[Level]:
        """The levels it may be given at: the one chosen when it was added, or any."""
        known: list[Level] = ["onderbouw", "bovenbouw", "mbo", "eenvoudig"]
        return [level for level in known if self.level in (None, level)] or known

    def slides_for(self, level: str | None = None) -> Sequence[PdfPage]:
        """Every page: a deck has one level, chosen when it was added."""
        if len(self._pages) != self.pages:
            self._pages = tuple(PdfPage(self, i) for i in range(self.pages))
        return self._pages

    def to_json(self) -> dict[str, object]:
        return {
            "version": 1,
            "id": self.id,
            "title": self.title,
            "level": self.level,
            "minutes": self.duration,
            "pages": self.pages,
            "notes": self.notes,
            "source": self.source,
            "added": self.added,
            "language": self.language,
        }

    @classmethod
    def from_json(cls, folder: Path, data: object) -> PdfDeck:
        if not isinstance(data, dict) or data.get("version") != 1:
            raise ValueError("not a deck file of version 1")
        pages = int(data["pages"])
        notes = [str(n) for n in data.get("notes", [])][:pages]
        level = data.get("level")
        return cls(
            folder=folder,
            id=str(data["id"]),
            title=str(data["title"]),
            level=level if level in LEVELS else None,
            duration=int(data.get("minutes", DEFAULT_MINUTES)),
            pages=pages,
            notes=notes + [""] * (pages - len(notes)),
            source=str(data.get("source", "")),
            added=str(data.get("added", "")),
            language=str(data.get("language", "nl")),
        )


def split_notes(text: str, pages: int) -> list[str]:
    """The ``---``-separated sections of a notes file, one per page (missing ones empty)."""
    sections: list[list[str]] = [[]]
    for line in text.replace("\r\n", "\n").split("\n"):
        if line.strip() == NOTES_SEPARATOR:
            sections.append([])
        else:
            sections[-1].append(line)
    notes = ["\n".join(s).strip()[:MAX_NOTE] for s in sections][:pages]
    return notes + [""] * (pages - len(notes))


def check_pdf(data: bytes) -> tuple[int, str]:
    """The page count and metadata title of ``data``; :class:`DeckProblem` says what is wrong."""
    if b"%PDF-" not in data[:1024]:
        raise DeckProblem(
            _(
                "Dit bestand is geen PDF. Kies een PDF-bestand (.pdf); een PowerPoint of "
                "Word-bestand sla je eerst op als PDF (Bestand > Opslaan als > PDF)."
            )
        )
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if getattr(error, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise DeckProblem(
                _(
                    "Deze PDF is beveiligd met een wachtwoord. Open hem met het wachtwoord en "
                    "sla hem op zonder beveiliging (bijvoorbeeld ‘Afdrukken naar PDF’), of vraag "
                    "de maker om een versie zonder wachtwoord."
                )
            ) from error
        raise DeckProblem(_broken_text()) from error
    try:
        pages = len(pdf)
        if pages == 0:
            raise DeckProblem(_broken_text())
        for index in range(pages):
            width, height = pdf.get_page_size(index)
            if width <= 0 or height <= 0:
                raise DeckProblem(_broken_text())
        title = str(pdf.get_metadata_dict().get("Title", "") or "").strip()
    except pdfium.PdfiumError as error:
        raise DeckProblem(_broken_text()) from error
    finally:
        pdf.close()
    return pages, title


def _broken_text() -> str:
    return _(
        "Deze PDF is beschadigd of onvolledig en kan niet worden geopend. Download of exporteer "
        "hem opnieuw en probeer het nog eens."
    )


def clean_title(title: str) -> str:
    """One line, at most :data:`MAX_TITLE` characters; :class:`DeckProblem` when empty."""
    line = " ".join(title.split())
    if not line:
        raise DeckProblem(_("Geef de les een titel."))
    if len(line) > MAX_TITLE:
        raise DeckProblem(_("De titel is te lang (hoogstens {n} tekens).").format(n=MAX_TITLE))
    return line


class PdfDeckStore:
    """The decks in one folder. Making a store reads nothing; :meth:`decks` does."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def decks(self) -> list[PdfDeck]:
        """Every deck with a readable JSON and its PDF, in the order they were added."""
        found = []
        for meta in sorted(self.folder.glob("pdf-*.json")) if self.folder.is_dir() else []:
            try:
                deck = PdfDeck.from_json(self.folder, json.loads(meta.read_text("utf-8")))
            except (OSError, ValueError, KeyError, TypeError) as error:
                log.warning("PDF deck %s unreadable: %s", meta.name, type(error).__name__)
                continue
            if deck.id == meta.stem and _ID.match(deck.id) and deck.pdf.is_file():
                found.append(deck)
        found.sort(key=lambda d: (d.added, d.title.casefold()))
        return found

    def get(self, deck_id: str) -> PdfDeck:
        for deck in self.decks():
            if deck.id == deck_id:
                return deck
        raise KeyError(deck_id)

    def inspect(self, source: Path) -> PdfInfo:
        """Read and check ``source`` and the notes beside it; :class:`DeckProblem` if unfit."""
        data = _read(source)
        pages, meta_title = check_pdf(data)
        notes, notes_file = notes_beside(source, pages)
        usable = meta_title.casefold() not in PLACEHOLDER_TITLES and len(meta_title) <= MAX_TITLE
        title = meta_title if meta_title and usable else source.stem
        return PdfInfo(source, pages, " ".join(title.split()), notes, notes_file)

    def add(
        self,
        source: Path,
        title: str,
        level: str | None,
        minutes: int = DEFAULT_MINUTES,
        language: str = "nl",
    ) -> PdfDeck:
        """Copy ``source`` in as a new deck. Checked again here (it may have changed since
        :meth:`inspect`); on any error nothing of it stays in the folder."""
        title = clean_title(title)
        data = _read(source)
        pages, _title = check_pdf(data)
        notes, _file = notes_beside(source, pages)
        self._clean_leftovers()
        deck = PdfDeck(
            folder=self.folder,
            id="pdf-" + secrets.token_hex(6),
            title=title,
            level=level if level in LEVELS else None,
            duration=max(10, min(180, int(minutes))),
            pages=pages,
            notes=notes,
            source=source.name,
            added=dt.datetime.now().isoformat(timespec="seconds"),
            language=language,
        )
        try:
            write_atomic(deck.pdf, data)
            self._write(deck)
        except OSError as error:
            with contextlib.suppress(OSError):
                deck.meta.unlink(missing_ok=True)
            with contextlib.suppress(OSError):
                deck.pdf.unlink(missing_ok=True)
            raise DeckProblem(
                _("De PDF kon niet in de gegevensmap worden gezet ({error}).").format(
                    error=error.strerror or type(error).__name__
                )
            ) from error
        return deck

    def save_notes(self, deck: PdfDeck, index: int, text: str) -> None:
        """Keep the notes of page ``index`` (0-based); raises OSError when it cannot."""
        old = deck.notes[index]
        deck.notes[index] = text.strip()[:MAX_NOTE]
        try:
            self._write(deck)
        except OSError:
            deck.notes[index] = old
            raise

    def remove(self, deck: PdfDeck) -> None:
        """The JSON first: a deck without it is no longer listed, whatever happens next."""
        deck.meta.unlink(missing_ok=True)
        deck.pdf.unlink(missing_ok=True)

    def _write(self, deck: PdfDeck) -> None:
        text = json.dumps(deck.to_json(), ensure_ascii=False, indent=2)
        write_atomic(deck.meta, text.encode("utf-8"))

    def _clean_leftovers(self) -> None:
        """A PDF whose JSON was never written (a crash between the two): remove it."""
        for pdf in self.folder.glob("pdf-*.pdf") if self.folder.is_dir() else []:
            if not pdf.with_suffix(".json").exists():
                with contextlib.suppress(OSError):
                    pdf.unlink()


def notes_beside(source: Path, pages: int) -> tuple[list[str], Path | None]:
    """The notes per page from ``<name>.txt`` beside ``source``, and that file if it was read."""
    notes_file = source.with_suffix(".txt")
    try:
        text = notes_file.read_text("utf-8-sig", errors="replace")
    except OSError:  # none (the usual case), or unreadable: no notes, typed ones later
        return [""] * pages, None
    return split_notes(text, pages), notes_file


def _read(source: Path) -> bytes:
    try:
        size = source.stat().st_size
        if size > MAX_BYTES:
            raise DeckProblem(
                _("Deze PDF is te groot ({mb} MB; hoogstens {max} MB).").format(
                    mb=size // (1024 * 1024), max=MAX_BYTES // (1024 * 1024)
                )
            )
        return source.read_bytes()
    except OSError as error:
        raise DeckProblem(
            _("Het bestand kan niet worden gelezen ({error}).").format(
                error=error.strerror or type(error).__name__
            )
        ) from error
