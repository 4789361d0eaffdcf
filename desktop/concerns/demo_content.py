"""The demo vault's cases as content: the models of ``demo_cases.<language>.yaml``.

Checked like every content file (``lessons.datafile``): errors name the file, the line and
the field. Made into a vault by :mod:`desktop.concerns.demo`.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from lessons.datafile import (
    ContentModel,
    check_file_language,
    language_of_name,
    load_yaml,
    validate_data,
)

CONTENT = Path(__file__).resolve().parent
LANGUAGES = ("nl", "en")

# The ids of the vault's vocabulary (desktop.vault.vocabulary), as the YAML spells them.
FormId = Literal["sexual", "criminal", "labour"]
AgeBand = Literal["10-11", "12-13", "14-15", "16-17", "18+"]
SchoolType = Literal["praktijkonderwijs", "vmbo", "havo", "vwo", "mbo", "vso", "other"]
EntryKindId = Literal["observation", "consultation", "conversation", "decision", "note"]
StepStatusId = Literal["not_started", "in_progress", "done", "skipped"]
AnswerId = Literal["yes", "no", "unknown"]
StatusId = Literal["open", "monitoring", "referred", "closed"]
OutcomeId = Literal["not_confirmed", "help_organised", "handed_over", "pupil_left", "other"]

Id = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60)]
Text = Annotated[str, Field(min_length=1)]
DaysAgo = Annotated[int, Field(ge=0, le=3650)]


class DemoEntry(ContentModel):
    """One entry of a case's chronology."""

    id: Id | None = None  # only where a correction or an assessment refers to it
    kind: EntryKindId
    days_ago: DaysAgo
    facts: Text
    interpretation: str = ""
    who: str = ""  # a role ("mentor"), never a name
    pupil_words: str = ""
    signals: list[Id] = Field(default_factory=list)
    disclosure: bool = False  # the pupil told of their own accord: the case turns acute

    @field_validator("signals")
    @classmethod
    def _known_signals(cls, signals: list[str], info: ValidationInfo) -> list[str]:
        known: frozenset[str] = (info.context or {}).get("signals", frozenset())
        unknown = [s for s in signals if known and s not in known]
        if unknown:
            raise ValueError(
                f"onbekend signaal: {', '.join(unknown)}; gebruik de ids van de signalenkaart "
                "(toolkit/content/signalcard.nl.yaml)"
            )
        if len(set(signals)) != len(signals):
            raise ValueError("een signaal staat er twee keer in")
        return signals


class DemoCorrection(ContentModel):
    """A correction of an entry (the earlier text stays in the vault), with its reason."""

    entry: Id
    reason: Text
    days_ago: DaysAgo | None = None  # the entry's corrected date
    facts: str | None = None
    interpretation: str | None = None
    who: str | None = None
    pupil_words: str | None = None

    @model_validator(mode="after")
    def _changes_something(self) -> DemoCorrection:
        fields = (self.days_ago, self.facts, self.interpretation, self.who, self.pupil_words)
        if all(value is None for value in fields):
            raise ValueError(
                "een correctie verandert iets: geef days_ago, facts, interpretation, who of "
                "pupil_words"
            )
        return self


class DemoStep(ContentModel):
    """The state of one of the meldcode's five steps."""

    step: Annotated[int, Field(ge=1, le=5)]
    status: StepStatusId
    days_ago: DaysAgo | None = None  # when it was done (or skipped)
    who: str = ""
    note: str = ""

    @model_validator(mode="after")
    def _dated_and_explained(self) -> DemoStep:
        if self.status in ("done", "skipped") and self.days_ago is None:
            raise ValueError(f"een stap met status {self.status} heeft days_ago nodig")
        if self.status == "skipped" and not self.note:
            raise ValueError("een overgeslagen stap heeft een reden nodig (note)")
        return self


class DemoAssessment(ContentModel):
    """The afwegingskader's five answers as a dated decision record."""

    answers: Annotated[list[AnswerId], Field(min_length=5, max_length=5)]
    answered_days_ago: Annotated[list[DaysAgo | None], Field(min_length=5, max_length=5)]
    consulted: str = ""
    entries: list[Id] = Field(default_factory=list)
    recheck_in_days: Annotated[int, Field(ge=-3650, le=3650)] | None = None  # < 0: overdue
    note: str = ""

    @field_validator("answers", mode="before")
    @classmethod
    def _yes_and_no_unquoted(cls, answers: Any) -> Any:
        # YAML reads yes and no without quotes as true and false.
        if isinstance(answers, list):
            return [
                {True: "yes", False: "no"}.get(a, a) if isinstance(a, bool) else a for a in answers
            ]
        return answers

    @model_validator(mode="after")
    def _a_date_for_each_answer(self) -> DemoAssessment:
        for number, (answer, day) in enumerate(
            zip(self.answers, self.answered_days_ago, strict=True)
        ):
            if (answer == "unknown") != (day is None):
                raise ValueError(
                    f"vraag {number + 1}: een beantwoorde vraag heeft een dag in "
                    "answered_days_ago, een open vraag (unknown) null"
                )
        return self


class DemoStatusChange(ContentModel):
    status: StatusId
    days_ago: DaysAgo
    reason: Text
    outcome: OutcomeId | None = None

    @model_validator(mode="after")
    def _outcome_only_when_closing(self) -> DemoStatusChange:
        if self.status == "closed" and self.outcome is None:
            raise ValueError("een gesloten casus heeft een outcome nodig")
        if self.status != "closed" and self.outcome is not None:
            raise ValueError("alleen een gesloten casus heeft een outcome")
        return self


class DemoCase(ContentModel):
    """One made-up case: its profile, chronology, meldcode steps, decisions and status."""

    id: Id  # names the case in this file; the vault gives it a code (2026-001)
    forms: Annotated[list[FormId], Field(min_length=1)]
    age_band: AgeBand | None = None
    school_type: SchoolType | None = None
    school_year: Annotated[int, Field(ge=1, le=6)] | None = None
    opened_days_ago: DaysAgo
    entries: Annotated[list[DemoEntry], Field(min_length=1)]
    corrections: list[DemoCorrection] = Field(default_factory=list)
    steps: list[DemoStep] = Field(default_factory=list)
    assessments: list[DemoAssessment] = Field(default_factory=list)
    acute_days_ago: DaysAgo | None = None
    status_changes: list[DemoStatusChange] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> DemoCase:
        ids = [e.id for e in self.entries if e.id is not None]
        doubles = sorted({i for i in ids if ids.count(i) > 1})
        if doubles:
            raise ValueError(f"entries: id staat er twee keer in: {', '.join(doubles)}")
        known = set(ids)
        for where, refs in [
            *((f"corrections[{n}].entry", [c.entry]) for n, c in enumerate(self.corrections)),
            *((f"assessments[{n}].entries", a.entries) for n, a in enumerate(self.assessments)),
        ]:
            missing = [r for r in refs if r not in known]
            if missing:
                raise ValueError(f"{where}: geen aantekening met id {', '.join(missing)}")
        opened = self.opened_days_ago
        days = [
            *((f"entries[{n}]", e.days_ago) for n, e in enumerate(self.entries)),
            *((f"corrections[{n}]", c.days_ago) for n, c in enumerate(self.corrections)),
            *((f"steps[{n}]", s.days_ago) for n, s in enumerate(self.steps)),
            *(
                (f"assessments[{n}]", d)
                for n, a in enumerate(self.assessments)
                for d in a.answered_days_ago
            ),
            *((f"status_changes[{n}]", s.days_ago) for n, s in enumerate(self.status_changes)),
            ("acute_days_ago", self.acute_days_ago),
        ]
        for where, day in days:
            if day is not None and day > opened:
                raise ValueError(
                    f"{where}: {day} dagen geleden is vóór de opening van de casus "
                    f"({opened} dagen geleden)"
                )
        changes = [s.days_ago for s in self.status_changes]
        if changes != sorted(changes, reverse=True):
            raise ValueError("status_changes: zet de wijzigingen op volgorde, de oudste eerst")
        return self

    @property
    def status(self) -> StatusId:
        return self.status_changes[-1].status if self.status_changes else "open"


class DemoCases(ContentModel):
    language: Literal["nl", "en"]
    cases: Annotated[list[DemoCase], Field(min_length=1)]

    @field_validator("cases")
    @classmethod
    def _unique_ids(cls, cases: list[DemoCase]) -> list[DemoCase]:
        first: dict[str, int] = {}
        for index, case in enumerate(cases):
            if case.id in first:
                raise ValueError(
                    f"[{index}].id '{case.id}' staat er al, bij [{first[case.id]}]; geef elke "
                    "casus een eigen id"
                )
            first[case.id] = index
        return cases


# ---------------------------------------------------------------------- reading


def content_file(language: str, folder: Path = CONTENT) -> Path:
    return folder / f"demo_cases.{language}.yaml"


def read_demo_cases(path: Path) -> DemoCases:
    """Read and check one file of demo cases; :class:`ContentError` names file, line, field."""
    from toolkit.signal_card import load_signal_card

    data, node = load_yaml(path)
    language = language_of_name(path) or "nl"
    card = load_signal_card(language if language in LANGUAGES else "nl")
    context = {"signals": frozenset(s.id for s in card.signals)}
    cases = validate_data(data, node, DemoCases, path.name, context)
    check_file_language(path, cases.language, LANGUAGES)
    return cases


@functools.cache
def load_demo_cases(language: str) -> DemoCases:
    """The shipped demo cases in ``language`` (cached)."""
    if language not in LANGUAGES:
        raise ValueError(f"no demo cases in {language!r}; choose one of {LANGUAGES}")
    return read_demo_cases(content_file(language))


def structure(cases: DemoCases) -> list[dict[str, Any]]:
    """Everything of the cases but their words: what both languages must share."""
    words = {"facts", "interpretation", "who", "pupil_words", "reason", "note", "consulted"}

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {
                k: (bool(v) if k in words else strip(v))  # a text present in one, in both
                for k, v in value.items()
            }
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return [strip(case.model_dump()) for case in cases.cases]


def check_languages_match(sets: dict[str, DemoCases]) -> list[str]:
    """Where the languages' cases differ in anything but their words (empty when they match)."""
    problems: list[str] = []
    base_lang, base = next(iter(sets.items()))
    base_structure = structure(base)
    for lang, cases in sets.items():
        other = structure(cases)
        if [c["id"] for c in other] != [c["id"] for c in base_structure]:
            problems.append(f"the cases or their order differ between {base_lang} and {lang}")
            continue
        for left, right in zip(base_structure, other, strict=True):
            if left != right:
                problems.append(f"case {left['id']} differs between {base_lang} and {lang}")
    return problems


# ---------------------------------------------------------------------- the vault
