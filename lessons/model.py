"""The lesson model: a lesson of the Lessenreeks Schoolsignaal and its slides.

A lesson is a YAML file (one per lesson and language) that a teacher or prevention worker can
read and edit; rich text fields are Markdown (paragraphs, ``-`` lists, ``**bold**``, ``*italic*``).
Terms:

- *onderbouw*: the first years of secondary school (about 12 to 15);
- *bovenbouw*: the upper years (about 15 to 18);
- *mbo*: secondary vocational education (16 and up);
- *eenvoudig*: easy language, for praktijkonderwijs (practical education) and vso (special
  secondary education), where many pupils have a mild intellectual disability: short sentences,
  one idea a slide, pictures and role play;
- *stelling*: a statement the class agrees or disagrees with, to start a discussion;
- *casus*: a case story, told in parts, with questions;
- *overslaan* (``skippable``): a slide the teacher may leave out when time runs short; the
  console marks it.

A lesson is given at one level: slides with ``levels`` are only for those levels, and a class
never sees another level's slides (:meth:`Lesson.for_level`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from lessons.datafile import ContentModel

Level = Literal["onderbouw", "bovenbouw", "mbo", "eenvoudig"]
LEVELS: tuple[Level, ...] = ("onderbouw", "bovenbouw", "mbo", "eenvoudig")
Id = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60)]
Line = Annotated[str, Field(min_length=1, max_length=300)]
Markdown = Annotated[str, Field(min_length=1, max_length=4000)]
Minutes = Annotated[float, Field(gt=0, le=120)]

_UNSUPPORTED_MARKDOWN = re.compile(r"^\s*(#|\||```|<)", re.MULTILINE)


def _plain_markdown(value: str) -> str:
    """Only the Markdown every renderer supports: no headings, tables, code or HTML."""
    if _UNSUPPORTED_MARKDOWN.search(value):
        raise ValueError(
            "gebruik alleen alinea's, lijstjes met '-', **vet** en *cursief* "
            "(geen koppen, tabellen, code of HTML)"
        )
    return value


class SlideBase(ContentModel):
    kind: str  # each slide kind narrows this to its own name
    id: Id
    notes: Markdown
    minutes: Minutes | None = None
    levels: list[Level] | None = None  # only for these levels; None: every level
    skippable: bool = False  # may be left out when time runs short

    _check_notes = field_validator("notes")(lambda cls, v: _plain_markdown(v))

    @property
    def heading(self) -> str:
        """A one-line name for lists: the title, statement or question."""
        for name in ("title", "statement", "question"):
            value = getattr(self, name, None)
            if isinstance(value, str):
                return value
        return self.id

    def shown_for(self, level: Level) -> bool:
        return self.levels is None or level in self.levels

    @property
    def steps(self) -> int:
        """How many presses of Next the slide takes (quiz answers and case parts are steps)."""
        return 1


class TitleSlide(SlideBase):
    kind: Literal["title"]
    title: Line
    subtitle: Line | None = None


class TextSlide(SlideBase):
    kind: Literal["text"]
    title: Line
    body: Markdown

    _check_body = field_validator("body")(lambda cls, v: _plain_markdown(v))


class ImageSlide(SlideBase):
    kind: Literal["image"]
    title: Line
    image: str
    alt: Line
    caption: Line | None = None

    @field_validator("image")
    @classmethod
    def _image_exists(cls, value: str, info: ValidationInfo) -> str:
        if Path(value).suffix.lower() not in {".svg", ".png"}:
            raise ValueError("een afbeelding is een .svg- of .png-bestand")
        if Path(value).is_absolute() or ".." in Path(value).parts:
            raise ValueError("geef het pad relatief aan het lesbestand, zonder '..'")
        folder = (info.context or {}).get("folder")
        if folder is not None and not (Path(folder) / value).is_file():
            raise ValueError(f"afbeelding niet gevonden: {value}")
        return value


class StatementSlide(SlideBase):
    """A stelling: the class stands or votes agree/disagree; prompts go to the teacher."""

    kind: Literal["statement"]
    statement: Line
    prompts: Annotated[list[Line], Field(min_length=1)]


class QuizSlide(SlideBase):
    """A question with options; the answer and explanation show on demand."""

    kind: Literal["quiz"]
    question: Line
    options: Annotated[
        list[Annotated[str, Field(min_length=1, max_length=120)]], Field(min_length=2, max_length=5)
    ]
    answer: Annotated[int, Field(ge=1)]  # the number of the right option, from 1
    explanation: Markdown

    @field_validator("answer")
    @classmethod
    def _answer_is_an_option(cls, answer: int, info: ValidationInfo) -> int:
        options = info.data.get("options")  # checked first: it comes before ``answer``
        if options is not None and answer > len(options):
            raise ValueError(
                f"antwoord {answer} is geen optie; kies een nummer van 1 tot en met "
                f"{len(options)} (de opties tellen vanaf 1)"
            )
        return answer

    @property
    def steps(self) -> int:
        return 2


class RevealItem(ContentModel):
    """One line of a reveal slide: ``text`` from the start, ``answer`` once revealed."""

    text: Line
    answer: Line


class RevealSlide(SlideBase):
    """A slide where the class thinks first: shown without its answers, which appear on
    demand (R, or the next press of Next), as a quiz's do.

    Either ``items`` (each a line with its answer, e.g. "myth or fact?") or a ``prompt`` with
    an ``answer`` below it (e.g. "how would a recruiter go about it?", then the list), or both.
    """

    kind: Literal["reveal"]
    title: Line
    prompt: Markdown | None = None
    items: Annotated[list[RevealItem], Field(max_length=6)] = Field(default_factory=list)
    answer: Markdown | None = None

    _check_text = field_validator("prompt", "answer")(
        lambda cls, v: v if v is None else _plain_markdown(v)
    )

    @model_validator(mode="after")
    def _something_to_reveal(self) -> RevealSlide:
        if not self.items and self.answer is None:
            raise ValueError("een reveal-dia heeft 'items' (met 'answer') of een 'answer'")
        return self

    @property
    def steps(self) -> int:
        return 2


class CasePart(ContentModel):
    text: Markdown
    questions: list[Line] = Field(default_factory=list)

    _check_text = field_validator("text")(lambda cls, v: _plain_markdown(v))


class CaseSlide(SlideBase):
    """A casus: a story in parts, each shown with its questions, one part a step."""

    kind: Literal["case"]
    title: Line
    parts: Annotated[list[CasePart], Field(min_length=1, max_length=6)]

    @property
    def steps(self) -> int:
        return len(self.parts)


class HelpSlide(SlideBase):
    """Where to get help; the lines come from the signal card's help lines, by id."""

    kind: Literal["help"]
    title: Line
    intro: Line | None = None
    help_lines: Annotated[list[Id], Field(min_length=1, max_length=8)]


class ClosingSlide(SlideBase):
    kind: Literal["closing"]
    title: Line
    takeaways: Annotated[list[Line], Field(min_length=1, max_length=5)]


Slide = Annotated[
    TitleSlide
    | TextSlide
    | ImageSlide
    | StatementSlide
    | QuizSlide
    | RevealSlide
    | CaseSlide
    | HelpSlide
    | ClosingSlide,
    Field(discriminator="kind"),
]
SLIDE_KINDS = (
    "title", "text", "image", "statement", "quiz", "reveal", "case", "help", "closing"
)  # fmt: skip


class Goals(ContentModel):
    knowledge: Annotated[list[Line], Field(min_length=1)]
    skills: Annotated[list[Line], Field(min_length=1)]
    attitude: Annotated[list[Line], Field(min_length=1)]


class Lesson(ContentModel):
    id: Id
    language: Literal["nl", "en"]
    number: Annotated[int, Field(ge=0, le=99)]
    title: Line
    summary: Markdown
    levels: Annotated[list[Level], Field(min_length=1)]
    duration: Annotated[int, Field(ge=10, le=180)]  # minutes
    goals: Goals
    preparation: Annotated[list[Line], Field(min_length=1)]
    ground_rules: Annotated[list[Line], Field(min_length=1)]
    aftercare: Markdown
    slides: Annotated[list[Slide], Field(min_length=1, max_length=40)]

    @model_validator(mode="after")
    def _unique_slide_ids(self) -> Lesson:
        seen: set[str] = set()
        for slide in self.slides:
            if slide.id in seen:
                raise ValueError(f"slide-id '{slide.id}' komt twee keer voor")
            seen.add(slide.id)
        return self

    def slides_for(self, level: Level) -> list[SlideBase]:
        """The slides a class at ``level`` sees, in order."""
        return [s for s in self.slides if s.shown_for(level)]

    def pick_level(self, preferred: str | None = None) -> Level:
        """``preferred`` when the lesson has that level, else the lesson's first level."""
        for level in self.levels:
            if level == preferred:
                return level
        return self.levels[0]

    def for_level(self, level: Level) -> Lesson:
        """The lesson as given at ``level``: that level's slides only, and ``levels`` just it.

        The presenter, the lesson plan and the worksheet all work on such a copy, so one
        level's material never shows another level's slides.
        """
        if level not in self.levels:
            raise ValueError(f"les '{self.id}' is er niet voor {level}")
        slides = [s for s in self.slides if s.shown_for(level)]
        return self.model_copy(update={"levels": [level], "slides": slides})

    @property
    def level(self) -> Level | None:
        """The level a copy from :meth:`for_level` is for; None while the lesson has several."""
        return self.levels[0] if len(self.levels) == 1 else None

    def planned_minutes(self) -> float:
        """The slides' planned minutes: one level's, on a copy from :meth:`for_level`."""
        return sum(s.minutes or 0 for s in self.slides)
