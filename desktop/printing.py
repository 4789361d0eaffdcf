"""Printing the toolkit: documents made by `toolkit/` with the school's details from settings.

The UI asks for a document here and gets PDF bytes back; it shows, saves or prints them.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.settings import Settings
from toolkit.school_contact import SchoolContact

if TYPE_CHECKING:
    from lessons.model import Lesson

log = logging.getLogger(__name__)


def school_contact(settings: Settings) -> SchoolContact:
    return SchoolContact(
        school=settings.school_name,
        name=settings.coordinator_name,
        role=settings.coordinator_role,
        phone=settings.coordinator_phone,
        email=settings.coordinator_email,
    )


def signal_card_pdf(settings: Settings, language: str, fmt: str, paper: str = "a4") -> bytes:
    from toolkit.signal_card_documents import build_signal_card

    data = build_signal_card(language, fmt, paper=paper, contact=school_contact(settings))
    log.info("signal card built: %s, %s, %s", fmt, paper, language)
    return data


def signal_card_file_name(language: str, fmt: str, paper: str = "a4") -> str:
    from toolkit.signal_card_documents import file_name

    return file_name(language, fmt, paper)


def save_pdf(data: bytes, path: str | Path) -> Path:
    """Write atomically: the old file or the whole new one, never half."""
    from toolkit.pdf import save

    return save(data, path)


def lesson_plan_pdf(lesson: Lesson, *, worksheet: bool = False) -> bytes:
    """The teacher's lesson plan, or the pupils' worksheet, of ``lesson``."""
    from toolkit.lesson_plan import build_lesson_plan, build_worksheet
    from toolkit.signal_card import load_signal_card

    card = load_signal_card(lesson.language)
    data = build_worksheet(lesson, card) if worksheet else build_lesson_plan(lesson, card)
    log.info("lesson %s built: %s", "worksheet" if worksheet else "plan", lesson.id)
    return data


def lesson_has_questions(lesson: Lesson) -> bool:
    from toolkit.lesson_plan import has_questions

    return has_questions(lesson)


def lesson_plan_file_name(lesson: Lesson, *, worksheet: bool = False) -> str:
    from toolkit.lesson_plan import file_name

    return file_name(lesson, worksheet)
