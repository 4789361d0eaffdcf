"""The state of a lesson being presented: which slide, which step, blank screens, timers.

The presenter's two windows (the audience window on the projector and the console on the
teacher's laptop) both follow one :class:`Presentation`. What the class may see is built by
:meth:`Presentation.audience_slide`, a projection that has no field for teacher notes, so notes
cannot reach the projector.

A lesson is presented at one level: the presentation holds only that level's slides. The help
slide shows the school's own contact (from the settings) above the help lines, when the school
set one.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal, Protocol

from PySide6.QtCore import QObject, Signal

from desktop.classroom.pdf_decks import PdfPage
from lessons.model import (
    CaseSlide,
    ClosingSlide,
    HelpSlide,
    ImageSlide,
    Level,
    QuizSlide,
    RevealSlide,
    StatementSlide,
    TextSlide,
    TitleSlide,
)
from toolkit.school_contact import SchoolContact

Blank = Literal["black", "white"] | None

SLIDE_LABELS = {
    "nl": {
        "statement": "Stelling",
        "agree": "Eens",
        "disagree": "Oneens",
        "quiz": "Quizvraag",
        "part": "Deel {n} van {total}",
        "answer": "Het goede antwoord",
        "school": "Op school",
    },
    "en": {
        "statement": "Statement",
        "agree": "Agree",
        "disagree": "Disagree",
        "quiz": "Quiz",
        "part": "Part {n} of {total}",
        "answer": "The right answer",
        "school": "At school",
    },
}


@dataclass(frozen=True)
class HelpEntry:
    name: str
    contact: str
    text: str


@dataclass(frozen=True)
class AudienceSlide:
    """Everything the class sees of one slide at one step, and nothing else (no notes)."""

    kind: str
    language: str
    title: str = ""
    subtitle: str = ""
    body: str = ""  # Markdown
    image: Path | None = None
    alt: str = ""
    caption: str = ""
    statement: str = ""
    question: str = ""
    options: tuple[str, ...] = ()
    answer: int | None = None  # 1-based, only once revealed
    explanation: str = ""  # Markdown, only once revealed
    part_text: str = ""  # Markdown
    part_number: int = 0
    part_total: int = 0
    questions: tuple[str, ...] = ()
    help_lines: tuple[HelpEntry, ...] = ()
    school: HelpEntry | None = None  # the school's own contact on the help slide
    prompt: str = ""  # Markdown, a reveal slide's question, shown from the start
    items: tuple[tuple[str, str], ...] = ()  # a reveal slide's lines: (text, answer or "")
    revealed: bool = False  # a reveal slide's answers are shown
    takeaways: tuple[str, ...] = ()
    labels: dict[str, str] = field(default_factory=dict)
    pdf: Path | None = None  # a PDF deck's page: the file and the page (0-based)
    page: int = 0
    large: bool = False  # the easy-language level (eenvoudig): larger type, as few words


class Page(Protocol):
    """What the presenter asks of one slide: a lesson's slide or a PDF deck's page."""

    @property
    def id(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def notes(self) -> str: ...
    @property
    def minutes(self) -> float | None: ...
    @property
    def steps(self) -> int: ...
    @property
    def heading(self) -> str: ...
    @property
    def skippable(self) -> bool: ...


class Deck(Protocol):
    """What the presenter asks of a deck of pages with notes: a :class:`~lessons.model.Lesson`
    or a :class:`~desktop.classroom.pdf_decks.PdfDeck`."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def language(self) -> str: ...
    @property
    def duration(self) -> int: ...
    @property
    def levels(self) -> list[Level]: ...
    def slides_for(self, level: Level) -> Sequence[Page]: ...


HelpResolver = Callable[[str, list[str]], list[HelpEntry]]


def school_entry(contact: SchoolContact | None) -> HelpEntry | None:
    """The school's contact as a row of the help slide; None when the school set none."""
    if contact is None or not contact.has_person:
        return None
    name = ", ".join(p for p in (contact.name, contact.role) if p)
    reach = " · ".join(p for p in (contact.phone, contact.email) if p)
    return HelpEntry(name=name or contact.school, contact=reach, text=contact.school)


def audience_slide(
    slide: Page,
    step: int,
    language: str,
    folder: Path,
    help_resolver: HelpResolver,
    school: SchoolContact | None = None,
) -> AudienceSlide:
    """The class's view of ``slide`` at ``step`` (0-based)."""
    base = AudienceSlide(kind=slide.kind, language=language, labels=SLIDE_LABELS[language])
    if isinstance(slide, PdfPage):
        return replace(base, pdf=slide.pdf, page=slide.index)  # its heading holds notes
    if isinstance(slide, TitleSlide):
        return replace(base, title=slide.title, subtitle=slide.subtitle or "")
    if isinstance(slide, TextSlide):
        return replace(base, title=slide.title, body=slide.body)
    if isinstance(slide, ImageSlide):
        return replace(
            base,
            title=slide.title,
            image=folder / slide.image,
            alt=slide.alt,
            caption=slide.caption or "",
        )
    if isinstance(slide, StatementSlide):
        return replace(base, statement=slide.statement)
    if isinstance(slide, QuizSlide):
        revealed = step >= 1
        return replace(
            base,
            question=slide.question,
            options=tuple(slide.options),
            answer=slide.answer if revealed else None,
            explanation=slide.explanation if revealed else "",
        )
    if isinstance(slide, RevealSlide):
        revealed = step >= 1
        return replace(
            base,
            title=slide.title,
            prompt=slide.prompt or "",
            items=tuple((i.text, i.answer if revealed else "") for i in slide.items),
            body=(slide.answer or "") if revealed else "",
            revealed=revealed,
        )
    if isinstance(slide, CaseSlide):
        part = slide.parts[min(step, len(slide.parts) - 1)]
        return replace(
            base,
            title=slide.title,
            part_text=part.text,
            part_number=min(step, len(slide.parts) - 1) + 1,
            part_total=len(slide.parts),
            questions=tuple(part.questions),
        )
    if isinstance(slide, HelpSlide):
        return replace(
            base,
            title=slide.title,
            subtitle=slide.intro or "",
            help_lines=tuple(help_resolver(language, slide.help_lines)),
            school=school_entry(school),
        )
    if isinstance(slide, ClosingSlide):
        return replace(base, title=slide.title, takeaways=tuple(slide.takeaways))
    raise TypeError(f"unknown slide kind {type(slide).__name__}")


def signal_card_help(language: str, ids: list[str]) -> list[HelpEntry]:
    """Help lines from the signal card, in the given order."""
    from lessons.datafile import ContentError
    from toolkit.signal_card import load_signal_card

    try:
        lines = {h.id: h for h in load_signal_card(language).help_lines}
    except ContentError:  # an edited card that does not load: the Signalenkaart page says why
        return []
    return [
        HelpEntry(lines[i].name, lines[i].contact, lines[i].pupil_text or lines[i].for_)
        for i in ids
        if i in lines
    ]


class Presentation(QObject):
    """Where the teacher is in the lesson. Both windows listen to ``changed``."""

    changed = Signal()
    finished = Signal()

    def __init__(
        self,
        lesson: Deck,
        folder: Path,
        level: Level,
        *,
        clock: Callable[[], float] = time.monotonic,
        help_resolver: HelpResolver = signal_card_help,
        school: SchoolContact | None = None,
    ) -> None:
        super().__init__()
        self.lesson = lesson
        self.folder = folder
        self.level = level
        if level not in lesson.levels:
            raise ValueError(f"lesson {lesson.id!r} has no level {level!r}")
        self.slides = lesson.slides_for(level)  # never another level's
        self.school = school
        self.index = 0
        self.step = 0
        self.blank: Blank = None
        self.clock = clock
        self.help_resolver = help_resolver
        self.started_at = clock()
        self.slide_started_at = self.started_at
        self.ended = False

    # ---------------------------------------------------------------- where we are
    @property
    def slide(self) -> Page:
        return self.slides[self.index]

    @property
    def count(self) -> int:
        return len(self.slides)

    def audience_slide(self, index: int | None = None, step: int | None = None) -> AudienceSlide:
        index = self.index if index is None else index
        step = self.step if step is None else step
        view = audience_slide(
            self.slides[index],
            step,
            self.lesson.language,
            self.folder,
            self.help_resolver,
            self.school,
        )
        return replace(view, large=True) if self.level == "eenvoudig" else view

    def next_preview(self) -> AudienceSlide | None:
        """What the next press of Next shows (the next step or the next slide)."""
        if self.step + 1 < self.slide.steps:
            return self.audience_slide(self.index, self.step + 1)
        if self.index + 1 < self.count:
            return self.audience_slide(self.index + 1, 0)
        return None

    def can_reveal(self) -> bool:
        return isinstance(self.slide, QuizSlide | RevealSlide) and self.step == 0

    # ---------------------------------------------------------------- moving
    def next(self) -> None:
        if self.blank is not None:
            self.blank = None
        elif self.step + 1 < self.slide.steps:
            self.step += 1
        elif self.index + 1 < self.count:
            self._go(self.index + 1, 0)
            return
        self.changed.emit()

    def previous(self) -> None:
        if self.blank is not None:
            self.blank = None
        elif self.step > 0:
            self.step -= 1
        elif self.index > 0:
            self._go(self.index - 1, self.slides[self.index - 1].steps - 1)
            return
        self.changed.emit()

    def first(self) -> None:
        self._go(0, 0)

    def last(self) -> None:
        self._go(self.count - 1, 0)

    def go_to(self, number: int) -> bool:
        """Slide ``number`` (1-based, as the teacher types it); False when out of range."""
        if not 1 <= number <= self.count:
            return False
        self._go(number - 1, 0)
        return True

    def reveal(self) -> None:
        if self.can_reveal():
            self.step = 1
            self.changed.emit()

    def toggle_blank(self, colour: Literal["black", "white"]) -> None:
        self.blank = None if self.blank == colour else colour
        self.changed.emit()

    def end(self) -> None:
        if not self.ended:
            self.ended = True
            self.finished.emit()

    def _go(self, index: int, step: int) -> None:
        if index != self.index:
            self.slide_started_at = self.clock()
        self.index, self.step, self.blank = index, step, None
        self.changed.emit()

    # ---------------------------------------------------------------- time
    def lesson_elapsed(self) -> float:
        return self.clock() - self.started_at

    def slide_elapsed(self) -> float:
        return self.clock() - self.slide_started_at

    def planned_lesson_seconds(self) -> float:
        return self.lesson.duration * 60.0

    def planned_slide_seconds(self) -> float | None:
        minutes = self.slide.minutes
        return minutes * 60.0 if minutes else None
