"""Every document shows the school's name on its first page, also when the school set only its
name (a SchoolContact without a contact person is falsy: documents must not drop it)."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from pypdf import PdfReader

from lessons.library import load_library
from toolkit.school_contact import SchoolContact

NAME = "OSG Het Baken"
ONLY_NAME = SchoolContact(school=NAME)


def _lesson_plan(worksheet: bool) -> bytes:
    from toolkit.lesson_plan import build_lesson_plan, build_worksheet

    lesson = load_library("nl").lessons[0].lesson
    build = build_worksheet if worksheet else build_lesson_plan
    return build(lesson, school=ONLY_NAME)


def _prevention_report() -> bytes:
    from toolkit.prevention_report import build_prevention_report, sample_report

    return build_prevention_report(sample_report("nl"), ONLY_NAME)


def _builders() -> dict[str, Callable[[], bytes]]:
    from toolkit.contacts_sheet import build_contacts_sheet
    from toolkit.guide_document import build_guide
    from toolkit.key_messages import build_key_messages
    from toolkit.observation_form import build_observation_form
    from toolkit.parent_letter import build_parent_letter
    from toolkit.signal_card_documents import build_signal_card

    return {
        "trifold": lambda: build_signal_card("nl", "trifold", contact=ONLY_NAME),
        "pocket": lambda: build_signal_card("nl", "pocket", contact=ONLY_NAME),
        "poster": lambda: build_signal_card("nl", "poster", contact=ONLY_NAME),
        "lesson-plan": lambda: _lesson_plan(False),
        "worksheet": lambda: _lesson_plan(True),
        "observation-form": lambda: build_observation_form("nl", ONLY_NAME),
        "key-messages": lambda: build_key_messages("nl", ONLY_NAME),
        "guide": lambda: build_guide("nl", ONLY_NAME),
        "parent-letter": lambda: build_parent_letter("nl", ONLY_NAME),
        "contacts-sheet": lambda: build_contacts_sheet("nl", ONLY_NAME, []),
        "prevention-report": _prevention_report,
    }


@pytest.mark.parametrize("document", list(_builders()))
def test_the_schools_name_alone_is_printed(document: str) -> None:
    data = _builders()[document]()
    pages = PdfReader(io.BytesIO(data)).pages
    assert any(NAME in (page.extract_text() or "") for page in pages), document
