"""The lesson library: every lesson file in a folder, loaded one by one.

A broken lesson file never stops the others: it is listed with its error, so the app can show
it and a teacher can still give the other lessons.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from lessons.datafile import ContentError, Problem, load_model
from lessons.model import Lesson

CONTENT = Path(__file__).resolve().parent / "content"


@dataclass(frozen=True)
class LoadedLesson:
    lesson: Lesson
    path: Path

    @property
    def folder(self) -> Path:
        """Images are found relative to this folder."""
        return self.path.parent


@dataclass(frozen=True)
class BrokenLesson:
    path: Path
    problems: list[Problem]

    def message(self) -> str:
        return "\n".join(str(p) for p in self.problems)


@dataclass
class Library:
    language: str
    lessons: list[LoadedLesson] = field(default_factory=list)
    broken: list[BrokenLesson] = field(default_factory=list)

    def get(self, lesson_id: str) -> LoadedLesson:
        for loaded in self.lessons:
            if loaded.lesson.id == lesson_id:
                return loaded
        raise KeyError(lesson_id)


def read_lesson(path: Path) -> Lesson:
    """Read and check one lesson file; :class:`ContentError` names file, line and field."""
    return load_model(path, Lesson, context={"folder": path.parent})


def load_library(
    language: str, root: Path = CONTENT, help_lines: Collection[str] | None = None
) -> Library:
    """Every ``*.yaml`` lesson in ``root/<language>``, sorted by number, broken ones apart.

    ``help_lines``: the help-line ids that exist (the signal card's, which this package does
    not read itself); a help slide naming another id makes its lesson broken, rather than the
    class silently seeing fewer places to go for help.
    """
    library = Library(language)
    folder = root / language
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        try:
            lesson = read_lesson(path)
        except ContentError as err:
            library.broken.append(BrokenLesson(path, err.problems))
            continue
        if lesson.language != language:
            problem = Problem(
                path.name,
                None,
                "language",
                f"staat in map '{language}' maar is '{lesson.language}'",
            )
            library.broken.append(BrokenLesson(path, [problem]))
            continue
        if any(other.lesson.id == lesson.id for other in library.lessons):
            problem = Problem(
                path.name, None, "id", f"id '{lesson.id}' bestaat al in een ander bestand"
            )
            library.broken.append(BrokenLesson(path, [problem]))
            continue
        unknown = _unknown_help_lines(lesson, path, help_lines)
        if unknown:
            library.broken.append(BrokenLesson(path, unknown))
            continue
        library.lessons.append(LoadedLesson(lesson, path))
    library.lessons.sort(key=lambda loaded: (loaded.lesson.number, loaded.lesson.id))
    return library


def read_guide(language: str, root: Path = CONTENT) -> str:
    """The teacher guide (*handleiding*) in Markdown: ground rules, disclosures, aftercare and
    how the lessons tie to the meldcode. Dutch when there is none in ``language``."""
    folder = root / "guide"
    path = folder / f"{language}.md"
    if not path.is_file():
        path = folder / "nl.md"
    return path.read_text(encoding="utf-8")


def _unknown_help_lines(lesson: Lesson, path: Path, known: Collection[str] | None) -> list[Problem]:
    if known is None:
        return []
    return [
        Problem(
            path.name,
            None,
            f"slides[{index}].help_lines",
            f"onbekende hulplijn '{line}'; kies uit {', '.join(sorted(known))}",
        )
        for index, slide in enumerate(lesson.slides)
        for line in getattr(slide, "help_lines", [])
        if line not in known
    ]
