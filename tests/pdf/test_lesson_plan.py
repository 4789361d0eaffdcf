from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from lessons.library import read_lesson
from lessons.markdown import plain_text
from lessons.model import HelpSlide, Lesson, QuizSlide
from tests.pdf.fonts import fonts_of
from toolkit.catalog import DOCUMENTS
from toolkit.lesson_plan import (
    LABELS,
    build_lesson_plan,
    build_worksheet,
    file_name,
    has_questions,
    write_samples,
)
from toolkit.signal_card import load_signal_card

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "lessons"
MM = 72 / 25.4


@pytest.fixture(scope="module")
def lesson() -> Lesson:
    return read_lesson(FIXTURES / "nl" / "00-proefles.yaml")


@pytest.fixture(scope="module")
def plan_text(lesson: Lesson) -> str:
    return pdf_text(build_lesson_plan(lesson))


@pytest.fixture(scope="module")
def worksheet_text(lesson: Lesson) -> str:
    return pdf_text(build_worksheet(lesson))


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def pdf_text(data: bytes) -> str:
    return flat(" ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages))


def first_words(markdown: str, count: int = 4) -> str:
    return " ".join(plain_text(markdown).split()[:count])


def quiz(lesson: Lesson) -> QuizSlide:
    return next(s for s in lesson.slides if isinstance(s, QuizSlide))


def test_plan_holds_the_lesson_and_every_slide(lesson: Lesson, plan_text: str) -> None:
    assert lesson.title in plan_text
    for line in [
        *lesson.goals.knowledge,
        *lesson.goals.skills,
        *lesson.goals.attitude,
        *lesson.preparation,
        *lesson.ground_rules,
    ]:
        assert flat(line) in plan_text
    assert first_words(lesson.aftercare) in plan_text
    for slide in lesson.slides_for("onderbouw"):  # no level given: the lesson's first
        assert flat(slide.heading) in plan_text, slide.id
        assert first_words(slide.notes) in plan_text, slide.id
    assert "NOTITIE-OPENING-GEHEIM" in plan_text
    assert "LES 0 · ONDERBOUW" in plan_text.upper()
    assert "Verdieping" not in plan_text  # the bovenbouw slide


def test_plan_and_worksheet_are_per_level(lesson: Lesson) -> None:
    upper = pdf_text(build_lesson_plan(lesson, level="bovenbouw"))
    assert "Verdieping" in upper
    assert "Sla over in de onderbouw." in upper
    assert "alleen bovenbouw" not in upper  # every slide in it is for this level
    assert "20 minuten" in upper  # planned: this level's minutes
    lower = pdf_text(build_lesson_plan(lesson, level="onderbouw"))
    assert "19 min." in lower
    assert "Verdieping" not in lower
    sheet = pdf_text(build_worksheet(lesson, level="bovenbouw"))
    assert "bovenbouw" in sheet.lower()
    with pytest.raises(ValueError, match="niet voor mbo"):
        build_lesson_plan(lesson, level="mbo")


def test_plan_gives_the_quiz_answer_and_the_case(lesson: Lesson, plan_text: str) -> None:
    slide = quiz(lesson)
    right = slide.options[slide.answer - 1]
    assert f"Goed antwoord: C. {right}" in plan_text
    assert flat(slide.explanation) in plan_text
    for text in ("Noor (15) krijgt een berichtje", "Wat valt je op?", "Met wie kan Noor praten?"):
        assert text in plan_text


def test_plan_lists_the_help_lines_from_the_signal_card(lesson: Lesson, plan_text: str) -> None:
    card = {line.id: line for line in load_signal_card("nl").help_lines}
    help_slide = next(s for s in lesson.slides if isinstance(s, HelpSlide))
    for line_id in help_slide.help_lines:
        assert card[line_id].name in plan_text
        for contact in card[line_id].contact.split(" · "):
            assert contact in plan_text
    assert "0800-0432" in plan_text


def test_plan_has_page_numbers_and_the_footer(lesson: Lesson) -> None:
    reader = PdfReader(io.BytesIO(build_lesson_plan(lesson)))
    pages = len(reader.pages)
    assert pages >= 2
    for number, page in enumerate(reader.pages, start=1):
        text = flat(page.extract_text())
        assert f"Pagina {number} van {pages}" in text
        assert "Lessenreeks Schoolsignaal" in text
        assert float(page.mediabox.width) == pytest.approx(210 * MM, abs=1)
        assert float(page.mediabox.height) == pytest.approx(297 * MM, abs=1)


def test_worksheet_asks_the_questions_without_answers_or_notes(
    lesson: Lesson, worksheet_text: str
) -> None:
    slide = quiz(lesson)
    assert slide.question in worksheet_text
    for option in slide.options:
        assert option in worksheet_text
    assert "Iemand die je online leert kennen, kun je vertrouwen." in worksheet_text
    for question in ("Wat zou jij doen?", "Wat valt je op?", "Met wie kan Noor praten?"):
        assert question in worksheet_text
    assert "Goed antwoord" not in worksheet_text
    assert flat(slide.explanation) not in worksheet_text
    assert "✓" not in worksheet_text
    for other in lesson.slides:
        assert first_words(other.notes) not in worksheet_text, other.id
    assert "GEHEIM" not in worksheet_text
    assert "Waarom wel of niet?" not in worksheet_text  # the statement's prompts are the teacher's


def test_worksheet_asks_for_a_group_never_a_name(worksheet_text: str) -> None:
    assert "Groep:" in worksheet_text
    assert "Naam" not in worksheet_text


def test_worksheet_ends_with_where_to_get_help(worksheet_text: str) -> None:
    help_part = worksheet_text[worksheet_text.rindex("Met wie kan Noor praten?") :]
    for text in ("Waar kun je terecht?", "Kindertelefoon", "0800-0432", "fier.nl/chat", "112"):
        assert text in help_part


@pytest.mark.parametrize("worksheet", [False, True])
def test_every_font_is_embedded(lesson: Lesson, worksheet: bool) -> None:
    data = build_worksheet(lesson) if worksheet else build_lesson_plan(lesson)
    fonts = fonts_of(data)
    assert fonts
    assert all(fonts.values()), fonts
    assert all("DejaVu" in name for name in fonts)


def test_diacritics_markup_and_markdown_survive(lesson: Lesson) -> None:
    changed = lesson.model_copy(
        update={
            "title": "Coördinatie & één idee <over> geïnformeerd zijn",
            "slides": [
                lesson.slides[0].model_copy(
                    update={
                        "notes": "De **zorgcoördinator** is *één* aanspreekpunt.\n\n"
                        "- Vraag naar de ideeën\n- Noem de reünie"
                    }
                ),
                *lesson.slides[1:],
            ],
        }
    )
    plan = pdf_text(build_lesson_plan(changed))
    assert "Coördinatie & één idee <over> geïnformeerd zijn" in plan
    assert "De zorgcoördinator is één aanspreekpunt." in plan
    assert "Vraag naar de ideeën" in plan
    assert "Noem de reünie" in plan
    assert "**" not in plan
    assert "Coördinatie & één idee <over> geïnformeerd zijn" in pdf_text(build_worksheet(changed))


def test_english_labels(lesson: Lesson) -> None:
    english = lesson.model_copy(update={"language": "en"})
    plan = pdf_text(build_lesson_plan(english))
    for label in ("Lesson plan", "Learning goals", "Notes for the teacher", "Right answer"):
        assert label in plan
    assert "Page 1 of" in plan
    assert "Notities" not in plan
    sheet = pdf_text(build_worksheet(english))
    assert "Group:" in sheet
    helpline = next(h for h in load_signal_card("en").help_lines if h.id == "kindertelefoon")
    assert helpline.name in sheet  # the English card's name for the line
    assert set(LABELS) == {"nl", "en"}


def test_unknown_help_line_is_shown_not_dropped(lesson: Lesson) -> None:
    slides = [
        s.model_copy(update={"help_lines": ["kindertelefoon", "bestaat-niet"]})
        if isinstance(s, HelpSlide)
        else s
        for s in lesson.slides
    ]
    text = pdf_text(build_lesson_plan(lesson.model_copy(update={"slides": slides})))
    assert "bestaat-niet" in text
    assert "0800-0432" in text


def test_a_lesson_without_questions_has_no_worksheet(lesson: Lesson) -> None:
    plain = lesson.model_copy(
        update={"slides": [s for s in lesson.slides if s.kind in ("title", "text", "help")]}
    )
    assert has_questions(lesson)
    assert not has_questions(plain)
    with pytest.raises(ValueError, match="no questions"):
        build_worksheet(plain)
    assert pdf_text(build_lesson_plan(plain))  # the plan is still there


def test_long_lessons_flow_over_pages(lesson: Lesson) -> None:
    long_notes = "\n\n".join(
        f"Alinea {n}: " + "De docent leest dit rustig voor en vraagt door. " * 12 for n in range(6)
    )
    slides = [
        s.model_copy(update={"id": f"dia-{n}-{s.id}", "notes": long_notes})
        for n in range(4)
        for s in lesson.slides
    ]
    long = lesson.model_copy(update={"slides": slides[:40]})
    plan = PdfReader(io.BytesIO(build_lesson_plan(long)))
    assert len(plan.pages) > 10
    assert "Alinea 5" in flat(" ".join(page.extract_text() for page in plan.pages[-2:]))
    assert len(PdfReader(io.BytesIO(build_worksheet(long))).pages) > 3


def test_file_names(lesson: Lesson) -> None:
    assert file_name(lesson) == "lesplan-00-proefles-onderbouw-nl.pdf"
    assert file_name(lesson, True, "bovenbouw") == "werkblad-00-proefles-bovenbouw-nl.pdf"
    assert file_name(lesson.for_level("bovenbouw")) == "lesplan-00-proefles-bovenbouw-nl.pdf"


def test_documents_are_reproducible(lesson: Lesson) -> None:
    assert build_lesson_plan(lesson) == build_lesson_plan(lesson)
    assert build_worksheet(lesson) == build_worksheet(lesson)


def test_samples_for_the_catalogue(tmp_path: Path) -> None:
    written = write_samples(tmp_path, FIXTURES)
    assert [p.name for p in written] == [
        "lesplan-00-proefles-onderbouw-nl.pdf",
        "werkblad-00-proefles-onderbouw-nl.pdf",
    ]
    assert all(p.stat().st_size > 5000 for p in written)
    assert write_samples(tmp_path / "none", tmp_path / "no-lessons") == []
    assert "lesson-plan" in [spec.key for spec in DOCUMENTS]
