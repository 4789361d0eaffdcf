"""The school's name and logo on the first page of the lesson plan and the worksheet."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from lessons.library import read_lesson
from lessons.model import Lesson
from toolkit.lesson_plan import build_lesson_plan, build_worksheet
from toolkit.school_contact import SchoolContact

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "lessons"


@pytest.fixture(scope="module")
def lesson() -> Lesson:
    return read_lesson(FIXTURES / "nl" / "00-proefles.yaml")


def logo(folder: Path, suffix: str) -> Path:
    path = folder / f"logo{suffix}"
    Image.new("RGB", (300, 100), (20, 120, 60)).save(path)
    return path


def images(page: object) -> int:
    return len(page.images)  # type: ignore[attr-defined]


@pytest.mark.parametrize("build", [build_lesson_plan, build_worksheet])
@pytest.mark.parametrize("suffix", [".png", ".jpg"])
def test_school_and_logo_head_the_first_page_only(
    lesson: Lesson, tmp_path: Path, build: object, suffix: str
) -> None:
    school = SchoolContact(school="Lyceum De Linde & Zn", logo=logo(tmp_path, suffix))
    data = build(lesson, school=school)  # type: ignore[operator]
    pages = PdfReader(io.BytesIO(data)).pages
    assert "Lyceum De Linde & Zn" in (pages[0].extract_text() or "")
    assert images(pages[0]) == 1
    assert len(pages) > 1
    assert all(images(page) == 0 for page in pages[1:])
    assert all("De Linde" not in (page.extract_text() or "") for page in pages[1:])


def test_without_a_school_nothing_changes(lesson: Lesson) -> None:
    assert build_lesson_plan(lesson) == build_lesson_plan(lesson, school=SchoolContact())
    assert build_worksheet(lesson) == build_worksheet(lesson, school=None)


def test_a_school_name_alone_is_printed(lesson: Lesson) -> None:
    data = build_lesson_plan(lesson, school=SchoolContact(school="De Linde"))
    page = PdfReader(io.BytesIO(data)).pages[0]
    assert "De Linde" in (page.extract_text() or "")
    assert images(page) == 0
