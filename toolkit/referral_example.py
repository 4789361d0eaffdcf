"""The built-in fictional referral letter, for checking the layout without a vault.

Content is data: ``toolkit/content/referral_example.<language>.yaml``, checked here like every
content file (``lessons.datafile``), so a broken file is a :class:`ContentError` that names the
file, the line and the field. Dates are real dates in the file and printed in the letter's
language; the case, the school and the organisations are invented.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, field_validator

from lessons.datafile import ContentModel, check_file_language, load_model
from toolkit.referral_letter import (
    SECTION_KEYS,
    LetterEntry,
    Letterhead,
    Recipient,
    ReferralLetter,
    Section,
    Signatory,
    format_date,
)

CONTENT = Path(__file__).resolve().parent / "content"
LANGUAGES = ("nl", "en")

Text = Annotated[str, Field(min_length=1)]
SectionKey = Literal[
    "reason", "pupil", "signals", "meldcode", "safety", "basis", "request", "involved", "contact"
]


class ExampleEntry(ContentModel):
    date: dt.date
    kind: Text
    who: str = ""
    facts: Text
    pupil_words: str = ""
    interpretation: str | None = None  # left out: "facts only"
    signals: list[Text] = Field(default_factory=list)


class ExampleSection(ContentModel):
    key: SectionKey
    text: str = ""
    facts: list[tuple[Text, Text]] = Field(default_factory=list)
    entries: list[ExampleEntry] = Field(default_factory=list)
    note: str = ""


class ExampleLetterhead(ContentModel):
    school: Text
    address: str = ""


class ExampleRecipient(ContentModel):
    organisation: Text
    name: str = ""
    address: str = ""


class ExampleSignatory(ContentModel):
    name: Text
    role: str = ""
    phone: str = ""
    email: str = ""


class ExampleLetter(ContentModel):
    language: Literal["nl", "en"]
    case_code: Text
    date: dt.date
    audit_head: str = ""
    letterhead: ExampleLetterhead
    recipient: ExampleRecipient
    signatory: ExampleSignatory
    sections: Annotated[list[ExampleSection], Field(min_length=1)]

    @field_validator("sections")
    @classmethod
    def _in_order_once(cls, sections: list[ExampleSection]) -> list[ExampleSection]:
        keys = [part.key for part in sections]
        if len(set(keys)) != len(keys):
            raise ValueError("een onderdeel (key) staat er twee keer in")
        if keys != sorted(keys, key=SECTION_KEYS.index):
            raise ValueError(f"zet de onderdelen in deze volgorde: {', '.join(SECTION_KEYS)}")
        return sections


def content_file(language: str, folder: Path = CONTENT) -> Path:
    return folder / f"referral_example.{language}.yaml"


def read_example(path: Path) -> ReferralLetter:
    """Read and check one example file; :class:`ContentError` names file, line and field."""
    data = load_model(path, ExampleLetter)
    check_file_language(path, data.language, LANGUAGES)
    return _letter(data)


@functools.cache
def load_example(language: str) -> ReferralLetter:
    """The shipped example letter in ``language`` (cached: the letter is immutable)."""
    if language not in LANGUAGES:
        raise ValueError(f"no example letter in {language!r}; choose one of {LANGUAGES}")
    return read_example(content_file(language))


def _letter(data: ExampleLetter) -> ReferralLetter:
    language = data.language
    return ReferralLetter(
        language=language,
        letterhead=Letterhead(data.letterhead.school, data.letterhead.address),
        recipient=Recipient(
            data.recipient.organisation, data.recipient.name, data.recipient.address
        ),
        date=format_date(data.date, language),
        case_code=data.case_code,
        sections=tuple(
            Section(
                key=part.key,
                text=part.text,
                facts=tuple(part.facts),
                entries=tuple(
                    LetterEntry(
                        date=format_date(item.date, language),
                        kind=item.kind,
                        who=item.who,
                        facts=item.facts,
                        pupil_words=item.pupil_words,
                        interpretation=item.interpretation,
                        signals=tuple(item.signals),
                    )
                    for item in part.entries
                ),
                note=part.note,
            )
            for part in data.sections
        ),
        signatory=Signatory(
            data.signatory.name, data.signatory.role, data.signatory.phone, data.signatory.email
        ),
        audit_head=data.audit_head,
    )
