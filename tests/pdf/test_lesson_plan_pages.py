"""Page breaks of the lesson plan and the worksheet, for every shipped lesson, level and
language, and for the same lessons made longer or shorter (the lesson texts change; the rules
must hold for any lesson): no empty page, no label or heading alone at a page's foot, and a box
that goes on over a page repeats its heading.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

import pytest
from pypdf import PageObject, PdfReader

from lessons.library import CONTENT, load_library
from lessons.markdown import plain_text
from lessons.model import CaseSlide, HelpSlide, Lesson, Level
from toolkit.lesson_plan import LABELS, PlanLabels, build_lesson_plan, build_worksheet
from toolkit.lesson_plan import has_questions as asks
from toolkit.signal_card import load_signal_card

MM = 72 / 25.4
BODY_BOTTOM = 15 * MM  # below: the footer and the page number
BODY_TOP = 297 * MM - 17 * MM  # above: the running head (and the school on page one)


def _shipped() -> list[tuple[Lesson, Level]]:
    found = []
    for language in ("nl", "en"):
        card = load_signal_card(language)
        library = load_library(language, CONTENT, help_lines=card.help_line_ids())
        assert not library.broken, [b.path.name for b in library.broken]
        for loaded in library.lessons:
            found += [(loaded.lesson, level) for level in loaded.lesson.levels]
    return found


SHIPPED = _shipped()
IDS = [f"{lesson.language}-{lesson.number}-{level}" for lesson, level in SHIPPED]


def _multiply(m: list[float], n: list[float]) -> list[float]:
    return [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]


def body_lines(data: bytes) -> list[list[str]]:
    """Per page, the lines of text in the body (between running head and footer), top down."""
    pages = []
    for page in PdfReader(io.BytesIO(data)).pages:
        rows = _rows(page)
        pages.append(
            [
                flat(" ".join(text for _x, text in sorted(rows[y])))
                for y in sorted(rows, reverse=True)
                if BODY_BOTTOM < y < BODY_TOP
            ]
        )
    return pages


def _rows(page: PageObject) -> dict[float, list[tuple[float, str]]]:
    """The page's pieces of text by height on the page: {y: [(x, text)]}."""
    rows: dict[float, list[tuple[float, str]]] = {}

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            matrix = _multiply(list(tm), list(cm))
            rows.setdefault(round(matrix[5]), []).append((matrix[4], text.strip()))

    page.extract_text(visitor_text=visit)
    return rows


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def plan_labels(labels: PlanLabels, lesson: Lesson) -> set[str]:
    """Every small heading of the plan, which must never end a page."""
    fixed = {
        labels.summary,
        labels.goals,
        labels.preparation,
        labels.ground_rules,
        labels.aftercare,
        f"{labels.aftercare} ({labels.continued})",
        labels.overview,
        labels.slides,
        labels.notes,
        labels.on_slide,
        labels.prompts,
        labels.options,
        labels.after_reveal,
        labels.explanation,
        labels.takeaways,
        f"{labels.knowledge} {labels.skills} {labels.attitude}",  # a table's head row
        " ".join(
            (labels.column_number, labels.column_kind, labels.column_slide, labels.column_minutes)
        ),
    }
    fixed |= {labels.part.format(number=n) for n in range(1, 10)}
    return {flat(label) for label in fixed}


def worksheet_labels(labels: PlanLabels, lesson: Lesson) -> set[str]:
    fixed = {labels.help_heading, labels.kinds["case"].upper()}
    fixed |= {s.title for s in lesson.slides if isinstance(s, CaseSlide | HelpSlide)}
    return {flat(label) for label in fixed}


def kind_lines(labels: PlanLabels) -> tuple[str, ...]:
    """How a slide's header starts: its kind in capitals ("QUIZ", "STELLING · KAN OVERSLAAN")."""
    return tuple(kind.upper() for kind in labels.kinds.values())


def check_pages(data: bytes, lesson: Lesson, *, worksheet: bool) -> None:
    labels = LABELS[lesson.language]
    alone = worksheet_labels(labels, lesson) if worksheet else plan_labels(labels, lesson)
    pages = body_lines(data)
    for number, lines in enumerate(pages, start=1):
        where = f"{lesson.id} ({lesson.language}), page {number} of {len(pages)}"
        assert lines, f"{where} is empty"
        assert lines[-1] not in alone, f"{where} ends with the label {lines[-1]!r}"
        if not worksheet:  # a slide's header keeps at least two lines of what follows it
            for line in lines[-2:]:
                assert not line.startswith(kind_lines(labels)), f"{where} ends with {line!r}"
    if worksheet:  # the help box never fills a last page alone: a question goes with it
        help_slides = [s for s in lesson.slides if isinstance(s, HelpSlide)]
        heading = flat(help_slides[0].title if help_slides else labels.help_heading)
        assert pages[-1][0] != heading, f"{lesson.id}: the last page holds only the help box"
    else:
        check_aftercare(pages, lesson, labels)


def block_starts(markdown: str) -> list[str]:
    """The first source line of each paragraph and list item."""
    starts, previous = [], ""
    for line in markdown.splitlines():
        if line.strip() and (not previous.strip() or line.lstrip().startswith("- ")):
            starts.append(line.strip().removeprefix("- "))
        previous = line
    return starts


def check_aftercare(pages: list[list[str]], lesson: Lesson, labels: PlanLabels) -> None:
    """Every page the aftercare box is on starts its part of the box with the box's heading."""
    starts = [" ".join(plain_text(block).split()[:4]) for block in block_starts(lesson.aftercare)]
    headings = {flat(labels.aftercare), flat(f"{labels.aftercare} ({labels.continued})")}
    for number, lines in enumerate(pages, start=1):
        slides = flat(labels.slides) in lines  # from here on, notes may quote the aftercare
        text = " ".join(lines[: lines.index(flat(labels.slides))] if slides else lines)
        if any(start in text for start in starts):
            assert headings & set(lines), f"{lesson.id} page {number}: aftercare without heading"
        if slides:
            return


@pytest.mark.parametrize(("lesson", "level"), SHIPPED, ids=IDS)
def test_shipped_lesson_plans_break_pages_well(lesson: Lesson, level: Level) -> None:
    check_pages(build_lesson_plan(lesson, level=level), lesson.for_level(level), worksheet=False)


@pytest.mark.parametrize(("lesson", "level"), SHIPPED, ids=IDS)
def test_shipped_worksheets_break_pages_well(lesson: Lesson, level: Level) -> None:
    if not asks(lesson, level):
        pytest.skip("no questions at this level")
    check_pages(build_worksheet(lesson, level=level), lesson.for_level(level), worksheet=True)


def variants(lesson: Lesson) -> Iterator[Lesson]:
    """The lesson longer (a longer summary moves every page break down a line at a time) and
    shorter (fewer slides)."""
    sentence = "Een extra regel tekst die de rest van het lesplan een stukje naar onder schuift. "
    for lines in (1, 2, 4, 7, 11):
        yield lesson.model_copy(update={"summary": lesson.summary + "\n\n" + sentence * lines})
    for first in (2, 5):
        yield lesson.model_copy(update={"slides": lesson.slides[first:]})


FIRST_LEVELS = [(lesson, level) for lesson, level in SHIPPED if level == lesson.levels[0]]


@pytest.mark.parametrize(
    "lesson",
    [lesson for lesson, _level in FIRST_LEVELS],
    ids=[f"{lesson.language}-{lesson.number}" for lesson, _level in FIRST_LEVELS],
)
def test_longer_and_shorter_lessons_break_pages_well(lesson: Lesson) -> None:
    for variant in variants(lesson):
        check_pages(
            build_lesson_plan(variant), variant.for_level(variant.levels[0]), worksheet=False
        )
        if asks(variant):
            check_pages(
                build_worksheet(variant), variant.for_level(variant.levels[0]), worksheet=True
            )


def test_a_split_aftercare_box_repeats_its_heading() -> None:
    lesson = SHIPPED[0][0]
    long_aftercare = "\n\n".join(
        f"Alinea {n}: wat je doet als een leerling iets vertelt, stap voor stap uitgelegd, "
        "zodat het vak over de pagina heen moet lopen." * 3
        for n in range(1, 16)
    )
    labels = LABELS[lesson.language]
    for lines in range(0, 40, 3):  # the box starts ever lower on page one, so it splits
        summary = lesson.summary + "\n\n" + "Extra. " * 12 * lines if lines else lesson.summary
        variant = lesson.model_copy(update={"aftercare": long_aftercare, "summary": summary})
        pages = body_lines(build_lesson_plan(variant))
        check_aftercare(pages, variant, labels)
        continued = flat(f"{labels.aftercare} ({labels.continued})")
        on = [n for n, page in enumerate(pages) if any(line.startswith("Alinea") for line in page)]
        assert len(on) >= 2, "the test's box should split"
        assert flat(labels.aftercare) in pages[on[0]]
        assert continued not in pages[on[0]]
        assert continued in pages[on[1]]
