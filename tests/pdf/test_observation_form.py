"""The observation form: meldcode step 1 on paper, with a case code and never a name field."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from tests.pdf.fonts import fonts_of
from toolkit.observation_form import build_observation_form, load_form_text
from toolkit.school_contact import SchoolContact
from toolkit.signal_card import LANGUAGES, load_signal_card


def pages_text(data: bytes) -> list[str]:
    return [
        re.sub(r"\s+", " ", page.extract_text() or "") for page in PdfReader(io.BytesIO(data)).pages
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_two_pages_facts_first_then_the_signals_to_tick(language: str) -> None:
    text = load_form_text(language)
    data = build_observation_form(language, SchoolContact(school="Het Baken & Co <vmbo>"))
    first, second = pages_text(data)
    assert text.fields.case_code in first
    for section in text.sections:
        assert section.heading in first
    assert text.signals_heading in second
    assert text.handover.heading in second
    squashed = second.replace(" ", "")
    for signal in load_signal_card(language).signals:
        assert signal.text.replace(" ", "")[:30] in squashed, signal.id
    assert "Het Baken & Co <vmbo>" in first  # escaped, on every page's head
    assert all(fonts_of(data).values())


@pytest.mark.parametrize("language", LANGUAGES)
def test_there_is_no_field_for_a_name(language: str) -> None:
    text = load_form_text(language)
    labels = [*text.fields.model_dump().values(), *(s.heading for s in text.sections)]
    assert not [label for label in labels if re.search(r"\bna(a)?me?\b", label, re.I)]
    assert re.search(r"geen naam|not write a pupil’s name", text.no_name)


def test_the_languages_hold_the_same_sections() -> None:
    nl, en = (load_form_text(language) for language in LANGUAGES)
    assert [(s.id, s.lines) for s in nl.sections] == [(s.id, s.lines) for s in en.sections]
