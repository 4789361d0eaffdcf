"""The rules a prevention expert's review set for the series (issue 13): its own name, the
confidentiality rule with its limit, time to spare with skippable slides, anonymous votes,
help lines fit for pupils, and the levels every lesson is given at."""

from __future__ import annotations

import re

import pytest

from lessons.library import CONTENT, Library, load_library
from lessons.model import CaseSlide, HelpSlide, Lesson, StatementSlide
from tests.content.test_series import lesson_texts
from toolkit.signal_card import load_signal_card

LANGUAGES = ("nl", "en")
OFFICIAL = "Mensenhandel (niet) op school"
SERIES = {"nl": "Lessenreeks Schoolsignaal", "en": "Schoolsignaal lesson series"}
# The confidentiality rule, and the words that carry its limit in the same paragraph.
CONFIDENTIAL = {"nl": r"blijf\w* in de klas\b", "en": r"stays? in (the|this) (room|class)\b"}
LIMIT = {"nl": r"veilig", "en": r"safe"}
ANONYMOUS = {
    "nl": r"anoniem|ogen dicht|omgekeerd|op papier|briefje|gesloten ogen|niemand ziet",
    "en": r"anonymous|eyes closed|face down|on paper|slips? of paper|nobody sees|no one sees",
}
NOT_FOR_PUPILS = ("Slachtofferdenken", "gesetteld", "victim blaming", "addertje", "Bijna alle")


@pytest.fixture(scope="module")
def libraries() -> dict[str, Library]:
    return {language: load_library(language) for language in LANGUAGES}


def lessons(libraries: dict[str, Library], language: str) -> list[Lesson]:
    return [loaded.lesson for loaded in libraries[language].lessons]


def paragraphs(text: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n|\n\s*- ", text) if p.strip()]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_series_has_its_own_name(libraries: dict[str, Library], language: str) -> None:
    for lesson in lessons(libraries, language):
        path = CONTENT / language
        source = next(path.glob(f"*{lesson.id}.yaml")).read_text(encoding="utf-8")
        assert OFFICIAL not in source, lesson.id
        subtitle = getattr(lesson.slides[0], "subtitle", "") or ""
        assert SERIES[language] in subtitle, lesson.id


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_guide_names_the_programme_once_and_says_it_is_not_its_package(
    language: str,
) -> None:
    guide = (CONTENT / "guide" / f"{language}.md").read_text(encoding="utf-8")
    assert SERIES[language].lower() in guide.splitlines()[0].lower()
    mentions = [p for p in paragraphs(guide) if OFFICIAL in p]
    assert len(mentions) == 1
    assert "PDF" in mentions[0]
    assert re.search(r"niet het officiële|not (that|the) programme’s official", mentions[0])


@pytest.mark.parametrize("language", LANGUAGES)
def test_confidentiality_always_carries_its_limit(
    libraries: dict[str, Library], language: str
) -> None:
    texts = [t for lesson in lessons(libraries, language) for t in lesson_texts(lesson)]
    texts.append((CONTENT / "guide" / f"{language}.md").read_text(encoding="utf-8"))
    without_limit = [
        p[:80]
        for text in texts
        for p in paragraphs(text)
        if re.search(CONFIDENTIAL[language], p, re.I) and not re.search(LIMIT[language], p, re.I)
    ]
    assert without_limit == []
    for lesson in lessons(libraries, language):
        rules = " ".join(lesson.ground_rules)
        assert re.search(CONFIDENTIAL[language], rules, re.I), lesson.id
        assert re.search(LIMIT[language], rules, re.I), lesson.id


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_level_plans_at_most_45_minutes_and_marks_what_can_go(
    libraries: dict[str, Library], language: str
) -> None:
    for lesson in lessons(libraries, language):
        for level in lesson.levels:
            slides = lesson.slides_for(level)
            planned = sum(s.minutes or 0 for s in slides)
            assert 38 <= planned <= 45, (lesson.id, level, planned)
            assert 8 <= len(slides) <= 16, (lesson.id, level, len(slides))
            skippable = [s for s in slides if s.skippable]
            assert 2 <= len(skippable) <= 4, (lesson.id, level)
            assert not [s.id for s in skippable if s.kind in {"title", "help", "closing"}]
            if planned + 5 > lesson.duration:
                pytest.fail(f"{lesson.id} {level}: no buffer ({planned} of {lesson.duration})")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_case_fits_its_minutes(libraries: dict[str, Library], language: str) -> None:
    for lesson in lessons(libraries, language):
        for slide in lesson.slides:
            if isinstance(slide, CaseSlide):
                questions = sum(len(part.questions) for part in slide.parts)
                assert len(slide.parts) <= 4, (lesson.id, slide.id)
                assert questions <= 6, (lesson.id, slide.id, questions)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_statement_says_how_to_vote_without_being_seen(
    libraries: dict[str, Library], language: str
) -> None:
    loud = []
    for lesson in lessons(libraries, language):
        for slide in lesson.slides:
            if isinstance(slide, StatementSlide) and not re.search(
                ANONYMOUS[language], slide.notes, re.I
            ):
                loud.append((lesson.id, slide.id))
    assert loud == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_help_slides_show_pupils_only_lines_meant_for_them(
    libraries: dict[str, Library], language: str
) -> None:
    for_pupils = {line.id for line in load_signal_card(language).pupil_lines()}
    for lesson in lessons(libraries, language):
        for slide in lesson.slides:
            if isinstance(slide, HelpSlide):
                assert set(slide.help_lines) <= for_pupils, (lesson.id, slide.id)
    online = next(lesson for lesson in lessons(libraries, language) if lesson.id == "online")
    assert "helpwanted" in online.slides[-1].help_lines  # type: ignore[attr-defined]


def test_levels_of_the_series(libraries: dict[str, Library]) -> None:
    for lesson in lessons(libraries, "nl"):
        assert {"onderbouw", "bovenbouw", "mbo"} <= set(lesson.levels), lesson.id
        easy = "eenvoudig" in lesson.levels
        assert easy == (lesson.number in (2, 3)), lesson.id


def test_no_words_the_review_flagged(libraries: dict[str, Library]) -> None:
    for language in LANGUAGES:
        texts = [t for lesson in lessons(libraries, language) for t in lesson_texts(lesson)]
        texts.append((CONTENT / "guide" / f"{language}.md").read_text(encoding="utf-8"))
        found = [(w, t[:60]) for t in texts for w in NOT_FOR_PUPILS if w in t]
        assert found == []
        ids = [s.id for lesson in lessons(libraries, language) for s in lesson.slides]
        assert "casus-lisa" not in ids


def test_the_easy_level_is_set_larger(libraries: dict[str, Library], qapp: object) -> None:
    from desktop.classroom.presenter import Presentation
    from desktop.ui.presenter.render import SlideRenderer

    loaded = next(x for x in libraries["nl"].lessons if x.lesson.number == 3)
    easy = Presentation(loaded.lesson, loaded.folder, "eenvoudig")
    usual = Presentation(loaded.lesson, loaded.folder, "onderbouw")
    assert all(easy.audience_slide(i).large for i in range(easy.count))
    assert not any(usual.audience_slide(i).large for i in range(usual.count))
    renderer = SlideRenderer()
    shared = next(i for i, s in enumerate(easy.slides) if s.id == "afspraken")
    same = next(i for i, s in enumerate(usual.slides) if s.id == "afspraken")
    assert renderer.content_height(easy.audience_slide(shared)) > renderer.content_height(
        usual.audience_slide(same)
    )
