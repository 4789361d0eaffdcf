"""The signal card (signalenkaart): signals of exploitation, the rules that go with them, the
meldcode's five steps, the afwegingskader's five questions and the national help lines.

The content is data, one YAML file per language in ``toolkit/content/``; this module checks it.
Terms:

- *meldcode*: the Dutch reporting code for domestic violence and child abuse that schools must
  follow; sexual exploitation of a minor counts as child abuse.
- *afwegingskader*: the meldcode's assessment framework, five questions that lead to a decision.
- *zorgcoördinator*: the school's care coordinator, the key person for the meldcode.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, field_validator, model_validator

from lessons.datafile import ContentModel, check_file_language, load_model

CONTENT = Path(__file__).resolve().parent / "content"
LANGUAGES = ("nl", "en")

Form = Literal["sexual", "criminal", "labour", "any"]
Category = Literal["appearance", "body", "possessions", "school", "behaviour", "social", "online"]
FORMS: tuple[Form, ...] = ("sexual", "criminal", "labour", "any")
CATEGORIES: tuple[Category, ...] = (
    "appearance",
    "body",
    "possessions",
    "school",
    "behaviour",
    "social",
    "online",
)

Id = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60)]
Text = Annotated[str, Field(min_length=1)]


def _short(limit: int) -> object:
    return Field(min_length=1, max_length=limit)


class Signal(ContentModel):
    """Something a teacher can see or hear; never proof on its own."""

    id: Id
    forms: Annotated[list[Form], Field(min_length=1)]
    category: Category
    text: Annotated[str, _short(80)]
    explanation: Annotated[str, _short(140)] | None = None

    @field_validator("forms")
    @classmethod
    def _any_stands_alone(cls, forms: list[Form]) -> list[Form]:
        if "any" in forms and len(forms) > 1:
            raise ValueError("'any' (alle vormen) staat alleen; laat de andere vormen weg")
        if len(set(forms)) != len(forms):
            raise ValueError("een vorm staat er twee keer in")
        return forms


class Rule(ContentModel):
    id: Id
    text: Annotated[str, _short(150)]


class MeldcodeStep(ContentModel):
    number: Annotated[int, Field(ge=1, le=5)]
    title: Annotated[str, _short(60)]
    text: Annotated[str, _short(140)]


class AfwegingQuestion(ContentModel):
    number: Annotated[int, Field(ge=1, le=5)]
    question: Annotated[str, _short(90)]


class HelpLine(ContentModel):
    """A national help line, exactly as in the domain brief; no regional names or numbers."""

    id: Id
    name: Annotated[str, _short(60)]
    contact: Annotated[str, _short(60)]
    hours: Annotated[str, _short(40)] | None = None
    for_: Annotated[str, _short(70)] = Field(alias="for")
    for_pupils: bool
    pupil_text: Annotated[str, _short(70)] | None = None

    @property
    def web_address(self) -> str | None:
        """``https://…`` for a line reached only on the web (no number), for a QR code."""
        if any(ch.isdigit() for ch in self.contact) or " " in self.contact:
            return None
        return f"https://{self.contact}"

    @model_validator(mode="after")
    def _pupil_text_for_pupil_lines(self) -> HelpLine:
        if self.for_pupils and not self.pupil_text:
            raise ValueError(
                "een hulplijn voor leerlingen (for_pupils: true) heeft pupil_text nodig"
            )
        return self


class Labels(ContentModel):
    signals_heading: Text
    rules_heading: Text
    what_to_do_heading: Text
    meldcode_heading: Text
    help_heading: Text
    school_contact_heading: Text
    poster_title: Text
    poster_subtitle: Text
    poster_footer: Text
    disclosure_heading: Text
    disclosure_steps: Annotated[list[Annotated[str, _short(70)]], Field(min_length=3)]
    front_tagline: Text
    duplex_short_edge: Text  # on the sheet's margin: how to print it double-sided
    duplex_long_edge: Text
    continued: Text  # after a heading repeated at the top of the next panel: "(vervolg)"
    source_line: Text


class SignalCard(ContentModel):
    language: Literal["nl", "en"]
    title: Text
    subtitle: Text
    forms: dict[Form, Text]
    categories: dict[Category, Text]
    signals: Annotated[list[Signal], Field(min_length=1)]
    pocket_signals: Annotated[list[Id], Field(min_length=1, max_length=24)]
    rules: Annotated[list[Rule], Field(min_length=1)]
    meldcode_steps: Annotated[list[MeldcodeStep], Field(min_length=5, max_length=5)]
    afwegingskader: Annotated[list[AfwegingQuestion], Field(min_length=5, max_length=5)]
    help_lines: Annotated[list[HelpLine], Field(min_length=1)]
    labels: Labels

    @field_validator("signals", "rules", "help_lines")
    @classmethod
    def _unique_ids(cls, items: list[Any]) -> list[Any]:
        first: dict[str, int] = {}
        for index, item in enumerate(items):
            if item.id in first:
                raise ValueError(
                    f"[{index}].id '{item.id}' staat er al, bij [{first[item.id]}]; "
                    "geef elk een eigen id"
                )
            first[item.id] = index
        return items

    @model_validator(mode="after")
    def _complete_and_unique(self) -> SignalCard:
        missing: list[str] = [f for f in FORMS if f not in self.forms]
        missing += [c for c in CATEGORIES if c not in self.categories]
        if missing:
            raise ValueError(f"labels ontbreken voor: {', '.join(missing)}")
        unknown = [i for i in self.pocket_signals if i not in {s.id for s in self.signals}]
        if unknown:
            raise ValueError(f"pocket_signals: onbekende signalen: {', '.join(unknown)}")
        for name, numbered in (
            ("meldcode_steps", self.meldcode_steps),
            ("afwegingskader", self.afwegingskader),
        ):
            if [s.number for s in numbered] != [1, 2, 3, 4, 5]:
                raise ValueError(f"{name}: nummers moeten 1 tot en met 5 zijn, op volgorde")
        return self

    def signal(self, signal_id: str) -> Signal:
        for item in self.signals:
            if item.id == signal_id:
                return item
        raise KeyError(signal_id)

    def signals_of_form(self, form: Form) -> list[Signal]:
        return [s for s in self.signals if form in s.forms]

    def pocket_selection(self) -> list[Signal]:
        return [self.signal(i) for i in self.pocket_signals]

    def pupil_lines(self) -> list[HelpLine]:
        return [h for h in self.help_lines if h.for_pupils]

    def poster_lines(self) -> list[HelpLine]:
        """The pupils' lines the help poster shows: all of them."""
        return self.pupil_lines()

    def help_line_ids(self) -> set[str]:
        """The ids a lesson's help slide may name."""
        return {h.id for h in self.help_lines}


def content_file(language: str, folder: Path = CONTENT) -> Path:
    return folder / f"signalcard.{language}.yaml"


def read_signal_card(path: Path) -> SignalCard:
    """Read and check one signal card file; :class:`ContentError` names file, line and field."""
    card = load_model(path, SignalCard)
    check_file_language(path, card.language, LANGUAGES)
    return card


@functools.cache
def load_signal_card(language: str) -> SignalCard:
    """The shipped signal card in ``language`` (cached)."""
    if language not in LANGUAGES:
        raise ValueError(f"no signal card in {language!r}; choose one of {LANGUAGES}")
    return read_signal_card(content_file(language))


def check_languages_match(cards: dict[str, SignalCard]) -> list[str]:
    """Differences in ids, forms and categories between languages (empty when they match)."""
    problems: list[str] = []
    base_lang, base = next(iter(cards.items()))
    for lang, card in cards.items():
        for what, left, right in (
            ("signals", [s.id for s in base.signals], [s.id for s in card.signals]),
            ("rules", [r.id for r in base.rules], [r.id for r in card.rules]),
            ("help_lines", [h.id for h in base.help_lines], [h.id for h in card.help_lines]),
            ("pocket_signals", base.pocket_signals, card.pocket_signals),
            (
                "signal forms",
                [(s.forms, s.category) for s in base.signals],
                [(s.forms, s.category) for s in card.signals],
            ),
        ):
            if left != right:
                problems.append(f"{what} differ between {base_lang} and {lang}")
    return problems
