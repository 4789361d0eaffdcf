"""The shipped lesson series: twelve lessons (six in Dutch, six in English) that load, match
between the languages, end with help, fit the 16:9 slide, and state no figure without a source."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
import yaml
from PySide6.QtSvg import QSvgRenderer

from desktop.classroom.presenter import Presentation
from desktop.ui.presenter.render import SlideRenderer
from lessons.library import CONTENT, Library, load_library
from lessons.model import Lesson, QuizSlide
from toolkit.school_contact import SchoolContact
from toolkit.signal_card import load_signal_card

# A long but allowed contact: the help slide must still fit with it.
SCHOOL = SchoolContact(
    school="Christelijk Lyceum De Nieuwe Veste, locatie Noord",
    name="Mevrouw A.M. van der Berg-Hoogendoorn",
    role="zorgcoördinator",
    phone="+31 (0)30 123 45 67",
    email="zorgcoordinator.noord@denieuweveste-lyceum.nl",
)

LANGUAGES = ("nl", "en")


@pytest.fixture(scope="module")
def libraries() -> dict[str, Library]:
    return {language: load_library(language) for language in LANGUAGES}


def lessons(libraries: dict[str, Library], language: str) -> list[Lesson]:
    return [loaded.lesson for loaded in libraries[language].lessons]


def test_twelve_lessons_load_without_error(libraries: dict[str, Library]) -> None:
    for language in LANGUAGES:
        assert [b.message() for b in libraries[language].broken] == []
        assert [lesson.number for lesson in lessons(libraries, language)] == [1, 2, 3, 4, 5, 6]


def test_each_lesson_is_a_class_period(libraries: dict[str, Library]) -> None:
    for language in LANGUAGES:
        for lesson in lessons(libraries, language):
            assert lesson.duration == 50, lesson.id
            for level in lesson.levels:
                assert 8 <= len(lesson.slides_for(level)) <= 16, (lesson.id, level)
                planned = sum(s.minutes or 0 for s in lesson.slides_for(level))
                assert 38 <= planned <= lesson.duration - 5, (lesson.id, level, planned)
            assert all(s.notes.strip() for s in lesson.slides), lesson.id


def test_dutch_and_english_hold_the_same_slides(libraries: dict[str, Library]) -> None:
    def shape(lesson: Lesson) -> list[tuple[object, ...]]:
        return [
            (s.id, s.kind, s.levels, s.minutes, s.skippable,
             s.answer if isinstance(s, QuizSlide) else None,
             getattr(s, "help_lines", None), getattr(s, "image", None),
             len(getattr(s, "items", [])), getattr(s, "prompt", None) is None,
             getattr(s, "answer", None) is None)
            for s in lesson.slides
        ]  # fmt: skip

    nl = {lesson.id: lesson for lesson in lessons(libraries, "nl")}
    en = {lesson.id: lesson for lesson in lessons(libraries, "en")}
    assert sorted(nl) == sorted(en)
    for lesson_id in nl:
        assert shape(nl[lesson_id]) == shape(en[lesson_id]), lesson_id
        assert nl[lesson_id].levels == en[lesson_id].levels


def test_one_level_never_shows_two_variants_of_a_slide(libraries: dict[str, Library]) -> None:
    """The variants for different levels (lesson 1's figures, lesson 3's cases) are one slide
    at any level: never two slides with the same heading one after the other."""
    for language in LANGUAGES:
        for lesson in lessons(libraries, language):
            for level in lesson.levels:
                headings = [s.heading for s in lesson.slides_for(level)]
                twice = [a for a, b in itertools.pairwise(headings) if a == b]
                assert twice == [], (language, lesson.id, level)


def test_slides_whose_notes_say_wait_reveal(libraries: dict[str, Library]) -> None:
    """Mythe of feit? and Hoe gaat ronselen? show their answers only on demand."""
    for language in LANGUAGES:
        by_id = {lesson.id: lesson for lesson in lessons(libraries, language)}
        for lesson_id, slide_id in (
            ("wat-is-mensenhandel", "mythen-feiten"),
            ("criminele-uitbuiting", "ronselen"),
        ):
            slide = next(s for s in by_id[lesson_id].slides if s.id == slide_id)
            assert slide.kind == "reveal", (language, slide_id)
            assert slide.steps == 2
        for lesson in lessons(libraries, language):
            for slide in lesson.slides:  # no slide asks to black out the screen to wait
                assert "toets B" not in slide.notes, slide.id
                assert "key B" not in slide.notes, slide.id


def test_quizzes_and_statements(libraries: dict[str, Library]) -> None:
    for language in LANGUAGES:
        for lesson in lessons(libraries, language):
            kinds = [s.kind for s in lesson.slides]
            assert "statement" in kinds, lesson.id
            assert "quiz" in kinds, lesson.id
            for slide in lesson.slides:
                if isinstance(slide, QuizSlide):
                    assert 1 <= slide.answer <= len(slide.options)
                    assert slide.explanation.strip()


def test_every_lesson_ends_with_help_from_the_signal_card(libraries: dict[str, Library]) -> None:
    for language in LANGUAGES:
        known = load_signal_card(language).help_line_ids()
        for lesson in lessons(libraries, language):
            assert lesson.slides[-1].kind == "help", lesson.id
            for slide in lesson.slides:
                for line_id in getattr(slide, "help_lines", []):
                    assert line_id in known, (lesson.id, line_id)


def test_every_lesson_has_an_illustration_that_renders(libraries: dict[str, Library]) -> None:
    for language in LANGUAGES:
        for loaded in libraries[language].lessons:
            images = [getattr(s, "image", None) for s in loaded.lesson.slides]
            images = [i for i in images if i]
            assert images, loaded.lesson.id
            for image in images:
                path = loaded.folder / image
                assert path.suffix == ".svg", "original SVG illustrations, no photos"
                assert QSvgRenderer(str(path)).isValid(), path


def test_no_slide_text_overflows_the_canvas(libraries: dict[str, Library], qapp: object) -> None:
    renderer = SlideRenderer()
    too_big = []
    for language in LANGUAGES:
        for loaded in libraries[language].lessons:
            for level in loaded.lesson.levels:
                presentation = Presentation(loaded.lesson, loaded.folder, level, school=SCHOOL)
                for index, slide in enumerate(presentation.slides):
                    for step in range(slide.steps):
                        view = presentation.audience_slide(index, step)
                        if not renderer.fits(view):
                            height = renderer.content_height(view)
                            too_big.append(
                                f"{language}/{loaded.lesson.id}/{slide.id}[{step}] {height:.0f}px"
                            )
    assert too_big == []


# ---------------------------------------------------------------- figures and their sources
# A number in a lesson is a figure unless it is one of these, recognised explicitly:
EXEMPT = [
    (
        r"\b(?:199\d|20[0-3]\d)(?:\s*[-–]\s*(?:199\d|20[0-3]\d))?"
        r"(?!\s*(?:slachtoffers|victims|jongeren|leerlingen|pupils|meisjes|girls))\b",
        "a year (but not '2000 slachtoffers')",
    ),
    (r"\b\d{1,2}[.:]\d{2}(?![\d.,])(?:\s*uur)?", "a clock time (19.00 uur), not 5.000"),
    (
        r"\b\d{1,2}\s*(?:-|–|tot en met|tot|to|through|en|and|of|or)\s*\d{1,2}(?:\s*|-)"
        r"(?:jaar|jarigen?|years?|year-olds?)",
        "an age range",
    ),
    (r"\b\d{1,2}(?:\s*|-)(?:jaar|jarigen?|jarige|years?|year-olds?)\b", "an age"),
    (r"\b(?:aged|ages)\s+\d{1,2}(?:\s*(?:-|–|to|through)\s*\d{1,2})?", "an age (aged 13 to 15)"),
    (r"\b(?:[A-Z][a-z]+)\s*\(\d{1,2}\)", "a character's age: Noor (15)"),
    (r"\b(?:art(?:ikel|icle)?\.?)\s*\d+[a-z]?", "a law article (art. 273f)"),
    (
        r"\b(?:les|lesson|dia|slide|stap|stappen|step|steps|deel|part|vraag|question|fase|phase)"
        r"\s+\d+(?:\s*(?:en|and|,|-|–|tot|to)\s*\d+)*",
        "a lesson, slide or step number (stap 4 en 5)",
    ),
    (r"\b\d+(?:\s*(?:-|–|tot|to)\s*\d+)?\s*(?:minuten|minutes|min)\b", "class time in minutes"),
    (r"\bF\d{1,2}\b", "a function key (F5)"),
]


def phone_numbers(language: str) -> list[str]:
    found = []
    for line in load_signal_card(language).help_lines:
        found += re.findall(r"\d[\d-]*\d|\d", line.contact)
    return found


def lesson_texts(lesson: Lesson) -> list[str]:
    texts: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, dict):
            for key, item in value.items():
                if key not in {"id", "kind", "image", "language", "help_lines", "levels"}:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(lesson.model_dump(exclude={"number", "duration"}))
    return texts


def sourced_texts(language: str, lesson_id: str) -> list[str]:
    """The texts of the figures that the sources files list for ``lesson_id``."""
    texts = []
    for path in sorted((CONTENT / "sources").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for figure in data["figures"]:
            assert figure.get("source"), f"{path.name}: a figure without its source"
            assert figure.get("lessons"), f"{path.name}: a figure without its lessons"
            if lesson_id in figure["lessons"]:
                texts.append(figure["text"][language])
    return texts


def listed_figures(language: str, lesson_id: str) -> set[str]:
    numbers: set[str] = set()
    for text in sourced_texts(language, lesson_id):
        numbers.update(re.findall(r"\d+(?:[.,]\d+)*", text))
    return numbers


# A figure in words ("drie op de vier", "one in five") counts as a figure too.
_WORDS = (
    r"(?:een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|"
    r"one|two|three|four|five|six|seven|eight|nine|ten)"
)
RATIO_IN_WORDS = re.compile(rf"\b{_WORDS}\s+(?:op\s+de|op|van\s+de|in|out\s+of)\s+{_WORDS}\b", re.I)


def unlisted_ratios(text: str, sourced: list[str]) -> list[str]:
    wanted = " ".join(sourced).lower()
    return [m.group(0) for m in RATIO_IN_WORDS.finditer(text) if m.group(0).lower() not in wanted]


def unlisted_numbers(text: str, allowed: set[str], phones: list[str]) -> list[str]:
    for phone in phones:
        text = text.replace(phone, " ")
    for pattern, _why in EXEMPT:
        text = re.sub(pattern, " ", text, flags=re.IGNORECASE)
    return [n for n in re.findall(r"\d+(?:[.,]\d+)*", text) if n not in allowed]


def test_the_exemptions_are_narrow() -> None:
    phones = phone_numbers("nl")
    allowed = {"12"}
    assert (
        unlisted_numbers("In 2022, om 19.00 uur, Noor (15), 13 tot 15 jaar, les 3", set(), phones)
        == []
    )
    assert unlisted_numbers("in 2017-2019", set(), phones) == []
    assert unlisted_numbers("elk jaar 2000 slachtoffers", set(), phones) == ["2000"]
    assert unlisted_ratios("Drie op de vier jongeren", []) == ["Drie op de vier"]
    assert unlisted_ratios("one in five pupils", ["About one in five pupils"]) == []
    assert unlisted_numbers("Bel 0800-0432 of 112", set(), phones) == []
    assert unlisted_numbers("ten hoogste 12 uur per week", allowed, phones) == []
    assert unlisted_numbers("89% van de slachtoffers", allowed, phones) == ["89"]
    assert unlisted_numbers("5.000 tot 7.500 per jaar", {"5.000", "7.500"}, phones) == []
    assert unlisted_numbers("5.000 tot 7.500 per jaar", set(), phones) == ["5.000", "7.500"]
    assert unlisted_numbers("1 op de 8 leerlingen", allowed, phones) == ["1", "8"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_figure_is_listed_with_its_source(
    libraries: dict[str, Library], language: str
) -> None:
    """Per lesson: only the figures its sources list for it (not any lesson's numbers)."""
    phones = phone_numbers(language)
    missing = []
    for lesson in lessons(libraries, language):
        allowed = listed_figures(language, lesson.id)
        sourced = sourced_texts(language, lesson.id)
        for text in lesson_texts(lesson):
            for number in unlisted_numbers(text, allowed, phones):
                missing.append(f"{lesson.id}: {number} in {text[:60]!r}")
            for ratio in unlisted_ratios(text, sourced):
                missing.append(f"{lesson.id}: {ratio!r} in {text[:60]!r}")
    assert missing == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_guide_states_no_figure(language: str) -> None:
    """The teacher guide's figures are sourced like the lessons' (listed for "guide")."""
    text = (CONTENT / "guide" / f"{language}.md").read_text(encoding="utf-8")
    sourced = sourced_texts(language, "guide")
    assert unlisted_numbers(text, listed_figures(language, "guide"), phone_numbers(language)) == []
    assert unlisted_ratios(text, sourced) == []


def test_guide_exists_in_both_languages() -> None:
    for language in LANGUAGES:
        guide = CONTENT / "guide" / f"{language}.md"
        text = guide.read_text(encoding="utf-8")
        assert text.startswith("# ")
        assert "meldcode" in text.lower()
        assert len(text.split()) > 500


def test_sources_folder_exists() -> None:
    assert list(Path(CONTENT / "sources").glob("*.yaml"))
