"""A slide whose body opens with a line of its own (the title slide's subtitle) keeps its
notes' start on its page: the notes never begin the next page without their slide."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from lessons.library import load_library
from toolkit.lesson_plan import build_lesson_plan


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_title_slides_notes_stay_with_it(language: str) -> None:
    notes = "Notities voor de docent" if language == "nl" else "Notes for the teacher"
    for loaded in load_library(language).lessons:
        lesson = loaded.lesson
        subtitle = getattr(lesson.slides[0], "subtitle", None)
        assert subtitle, lesson.id
        for level in lesson.levels:
            pages = PdfReader(io.BytesIO(build_lesson_plan(lesson, level=level))).pages
            texts = [" ".join((page.extract_text() or "").split()) for page in pages]
            with_subtitle = next(t for t in texts if " ".join(subtitle.split()) in t)
            after = with_subtitle.split(" ".join(subtitle.split()), 1)[1]
            assert notes in after, (lesson.id, level)
