"""The words of the parent letter (ouderbrief), one content file a language.

``toolkit/content/parent_letter.<language>.yaml`` holds every sentence; this model checks that
each file has the same parts. A translation that nobody who speaks the language has checked
carries ``needs_native_check: true`` and a ``review`` note in Dutch for the school; the letter
then prints that note at its foot, so that nobody sends an unchecked translation unknowingly.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, model_validator

from lessons.datafile import ContentModel, load_model

CONTENT = Path(__file__).resolve().parent / "content"
Text = Annotated[str, Field(min_length=1, max_length=400)]
Short = Annotated[str, Field(min_length=1, max_length=80)]


class HelpLine(ContentModel):
    """A national line that fits parents (domain.md, section 3)."""

    name: Short
    contact: Short  # a number or a web address, printed in bold
    text: Text


class LetterText(ContentModel):
    language: str
    direction: Literal["ltr", "rtl"] = "ltr"
    needs_native_check: bool = False
    review: str = ""  # in Dutch, for the school: printed at the letter's foot when set
    title: Text
    subject: Text
    salutation: Short
    heading: Text
    intro: Text  # holds {when}
    when_default: Short
    topics_heading: Short
    topics: Annotated[list[Text], Field(min_length=3, max_length=6)]
    why_heading: Short
    why: Text
    help_heading: Short
    help: Annotated[list[Text], Field(min_length=2, max_length=5)]
    advice_heading: Short
    advice_school: Text  # holds {contact}
    advice_school_default: Text
    lines: Annotated[list[HelpLine], Field(min_length=1, max_length=5)]
    closing: Text
    regards: Short
    school_management: Short

    @model_validator(mode="after")
    def _placeholders(self) -> LetterText:
        if "{when}" not in self.intro:
            raise ValueError("intro mist {when}: daar komt wanneer de lessen zijn")
        if "{contact}" not in self.advice_school:
            raise ValueError("advice_school mist {contact}: daar komt het contact van de school")
        if self.needs_native_check and not self.review:
            raise ValueError(
                "needs_native_check staat aan, maar review is leeg: zeg in het Nederlands dat "
                "de vertaling nog moet worden nagekeken"
            )
        return self


@functools.cache
def load_letter_text(language: str) -> LetterText:
    return load_model(CONTENT / f"parent_letter.{language}.yaml", LetterText)
