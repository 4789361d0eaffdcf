"""The school's prevention report (preventieverslag) for the municipality.

Since 2022 every Dutch municipality must have a policy against trafficking that starts with
signalling (shared/domain.md 6); a school shows its part with this report for one school year
(*schooljaar*, 1 August to 31 July): the lessons given, from the lesson log, and, when the
coordinator includes them, counts from the vault: cases opened and closed by suspected form,
the meldcode steps completed, and referrals by kind of recipient.

The report is drawn from plain data (:class:`PreventionReport`); it never opens the vault.
Counts come already rounded: every count from 1 to 4 is the text ``"< 5"`` (:data:`SMALL`),
and :func:`build_prevention_report` refuses an exact small count, so that a mistake upstream
cannot print one. The words are data (``toolkit/content/prevention_report.<language>.yaml``).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, model_validator
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table

from lessons.datafile import ContentModel, load_model
from toolkit.page_head import PageFrame, framed_flow, note_box
from toolkit.pdf import (
    BODY_WIDTH,
    BOLD,
    INK,
    MUTED,
    NAVY,
    TINT,
    esc,
    register_fonts,
    style,
    table_style,
)
from toolkit.school_contact import SchoolContact

CONTENT = Path(__file__).resolve().parent / "content"
LANGUAGES = ("nl", "en")
SMALL = "< 5"  # what a count from 1 to 4 is shown as
SMALLEST_SHOWN = 5
FORMS = ("sexual", "criminal", "labour", "unknown")  # "unknown": a case without a form yet
STEPS = (1, 2, 3, 4, 5)
RECIPIENTS = (
    "regional_coordinator",
    "veilig_thuis",
    "meldpunt_uitbuiting_minderjarigen",
    "comensha",
    "police",
    "other",
)
Count = int | str  # 0, 5 or more, or SMALL
Text = Annotated[str, Field(min_length=1, max_length=400)]

TITLE = style("pr-title", fontName=BOLD, fontSize=19, leading=23, textColor=NAVY)
SUBTITLE = style("pr-sub", fontSize=10, leading=13, textColor=MUTED, spaceAfter=3 * mm)
BODY = style("pr-body", fontSize=10, leading=14, spaceAfter=2 * mm)
HEADING = style("pr-head", fontName=BOLD, fontSize=13, leading=16, textColor=NAVY,
                spaceBefore=4 * mm, spaceAfter=1.5 * mm)  # fmt: skip
SUBHEADING = style("pr-subhead", fontName=BOLD, fontSize=10.5, leading=13, textColor=NAVY,
                   spaceBefore=3 * mm, spaceAfter=1.5 * mm)  # fmt: skip
NOTE = style("pr-note", fontSize=8.5, leading=11.5, textColor=MUTED, spaceAfter=1.5 * mm)
ABSENT = style("pr-absent", parent=NOTE, spaceBefore=4 * mm)
CELL = style("pr-cell", fontSize=9.5, leading=12)
CELL_HEAD = style("pr-cell-head", fontName=BOLD, fontSize=9, leading=11.5, textColor=NAVY)
NUMBER = style("pr-number", fontSize=9.5, leading=12, alignment=2)
NUMBER_HEAD = style("pr-number-head", parent=CELL_HEAD, alignment=2)
TOTAL = style("pr-total", fontName=BOLD, fontSize=9.5, leading=12)
TOTAL_NUMBER = style("pr-total-number", parent=TOTAL, alignment=2)
SMALL_BOX = style("pr-small", fontSize=9, leading=12.5, textColor=INK)


# ====================================================================== the data


@dataclass(frozen=True)
class LessonRow:
    """One lesson in the year: its title as logged, the level if the log has it ("" if not),
    the different groups that had it and the times it was given."""

    title: str
    groups: int
    times: int
    level: str = ""


@dataclass(frozen=True)
class CaseCounts:
    """Counts from the vault for one school year, each already rounded (:func:`rounded`).

    ``opened`` and ``closed``: cases by suspected form (:data:`FORMS`); ``steps``: cases with
    each meldcode step (1-5) completed in the year; ``referrals``: by kind of recipient
    (:data:`RECIPIENTS`)."""

    opened: Mapping[str, Count]
    closed: Mapping[str, Count]
    steps: Mapping[int, Count]
    referrals: Mapping[str, Count]


@dataclass(frozen=True)
class PreventionReport:
    """What the report shows. ``school_year`` is the year's label, ``2025-2026``."""

    school_year: str
    school_name: str
    lessons: Sequence[LessonRow]
    counts: CaseCounts | None = None
    language: str = "nl"
    made_on: dt.date = field(default_factory=dt.date.today)


def rounded(count: int) -> Count:
    """``count`` as the report may show it: 0, 5 or more, or ``"< 5"`` for 1 to 4."""
    if count < 0:
        raise ValueError(f"a count cannot be negative: {count}")
    return SMALL if 0 < count < SMALLEST_SHOWN else count


def check_counts(counts: CaseCounts) -> None:
    """``ValueError`` unless every count is rounded and every group has exactly its keys."""
    groups: list[tuple[str, Mapping[Any, Count], tuple[Any, ...]]] = [
        ("opened", counts.opened, FORMS),
        ("closed", counts.closed, FORMS),
        ("steps", counts.steps, STEPS),
        ("referrals", counts.referrals, RECIPIENTS),
    ]
    for name, values, keys in groups:
        if set(values) != set(keys):
            raise ValueError(f"{name}: the keys must be {keys}, not {sorted(values, key=str)}")
        for key, value in values.items():
            if value == SMALL:
                continue
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError(f"{name}[{key}]: {value!r} is not a count")
            if value < 0:
                raise ValueError(f"{name}[{key}]: a count cannot be negative ({value})")
            if value != rounded(value):
                raise ValueError(f"{name}[{key}]: {value} is a small count; show it as {SMALL!r}")


# ====================================================================== the words


class LessonWords(ContentModel):
    heading: Text
    intro: Text
    lesson: Text
    level: Text
    groups: Text
    times: Text
    total: Text
    none: Text


class CountWords(ContentModel):
    heading: Text
    intro: Text
    forms_heading: Text
    form: Text
    opened: Text
    closed: Text
    forms: dict[str, Text]
    steps_heading: Text
    step: Text
    cases: Text
    steps: dict[int, Text]
    referrals_heading: Text
    referrals_note: Text
    recipient: Text
    referrals: Text
    recipients: dict[str, Text]
    small: Text
    absent: Text

    @model_validator(mode="after")
    def _every_key(self) -> CountWords:
        for name, keys in (("forms", FORMS), ("steps", STEPS), ("recipients", RECIPIENTS)):
            if sorted(getattr(self, name), key=str) != sorted(keys, key=str):
                raise ValueError(f"{name} must name exactly {', '.join(map(str, keys))}")
        return self


class ReportWords(ContentModel):
    language: str
    title: Text
    subtitle: Text
    no_school: Text
    intro: Text
    lessons: LessonWords
    levels: dict[str, Text]  # lessons.model.LEVELS
    counts: CountWords
    made: Text
    page: Text
    file_name: Text


@functools.cache
def load_words(language: str) -> ReportWords:
    return load_model(CONTENT / f"prevention_report.{language}.yaml", ReportWords)


def year_title(school_year: str) -> str:
    """``2025-2026`` as it is read: ``2025–2026`` (an en dash)."""
    return school_year.replace("-", "–")


def title_of(report: PreventionReport) -> str:
    return load_words(report.language).title.format(year=year_title(report.school_year))


# ====================================================================== the document


def build_prevention_report(report: PreventionReport, school: SchoolContact | None) -> bytes:
    """The report as an A4 PDF; ``school`` gives the head's name and logo (where set)."""
    from babel.dates import format_date

    register_fonts()
    if report.counts is not None:
        check_counts(report.counts)
    words = load_words(report.language)
    title = title_of(report)
    name = report.school_name or (school.school if school is not None else "") or words.no_school
    made = words.made.format(date=format_date(report.made_on, "d MMMM y", locale=report.language))
    story: list[Flowable] = [
        Paragraph(esc(title), TITLE),
        Paragraph(
            esc(words.subtitle.format(school=name, year=year_title(report.school_year))), SUBTITLE
        ),
        Paragraph(esc(words.intro), BODY),
        *_lessons(report, words),
    ]
    if report.counts is not None:
        story += _counts(report.counts, words.counts)
    else:
        story.append(Paragraph(esc(words.counts.absent), ABSENT))

    frame = PageFrame(school, running_head=f"{title} · {name}", foot=made, page_label=words.page)
    return framed_flow(story, frame, title=title, subject=name, language=report.language)


def _lessons(report: PreventionReport, words: ReportWords) -> list[Flowable]:
    w = words.lessons
    heading = [Paragraph(esc(w.heading), HEADING), Paragraph(esc(w.intro), NOTE)]
    rows = [row for row in report.lessons if row.times > 0]
    if not rows:
        return [KeepTogether([*heading, Paragraph(esc(w.none), BODY)])]
    levels = words.levels
    with_level = any(row.level for row in rows)
    head = [Paragraph(esc(w.lesson), CELL_HEAD)]
    head += [Paragraph(esc(w.level), CELL_HEAD)] if with_level else []
    head += [Paragraph(esc(w.groups), NUMBER_HEAD), Paragraph(esc(w.times), NUMBER_HEAD)]
    table: list[list[Any]] = [head]
    for row in rows:
        line = [Paragraph(esc(row.title), CELL)]
        line += [Paragraph(esc(levels.get(row.level, row.level)), CELL)] if with_level else []
        line += [Paragraph(str(row.groups), NUMBER), Paragraph(str(row.times), NUMBER)]
        table.append(line)
    total = [Paragraph(esc(w.total), TOTAL)] + ([""] if with_level else [])
    total.append("")  # groups are not added up: one class can have had several lessons
    total.append(Paragraph(str(sum(row.times for row in rows)), TOTAL_NUMBER))
    table.append(total)
    widths = [0.52, 0.18, 0.13, 0.17] if with_level else [0.66, 0.14, 0.20]
    return [*heading, _table(table, widths, total_row=True)]


def _counts(counts: CaseCounts, w: CountWords) -> list[Flowable]:
    forms = w.forms
    form_rows: list[list[Any]] = [
        [Paragraph(esc(w.form), CELL_HEAD), Paragraph(esc(w.opened), NUMBER_HEAD),
         Paragraph(esc(w.closed), NUMBER_HEAD)],
        *[[Paragraph(esc(forms[f]), CELL), _count(counts.opened[f]), _count(counts.closed[f])]
          for f in FORMS],
    ]  # fmt: skip
    step_rows: list[list[Any]] = [
        [Paragraph(esc(w.step), CELL_HEAD), Paragraph(esc(w.cases), NUMBER_HEAD)],
        *[[Paragraph(f"{n}. {esc(w.steps[n])}", CELL), _count(counts.steps[n])] for n in STEPS],
    ]
    recipients = w.recipients
    referral_rows: list[list[Any]] = [
        [Paragraph(esc(w.recipient), CELL_HEAD), Paragraph(esc(w.referrals), NUMBER_HEAD)],
        *[[Paragraph(esc(recipients[r]), CELL), _count(counts.referrals[r])] for r in RECIPIENTS],
    ]
    return [
        KeepTogether([Paragraph(esc(w.heading), HEADING), Paragraph(esc(w.intro), NOTE),
                      note_box(Paragraph(esc(w.small), SMALL_BOX))]),
        KeepTogether([Paragraph(esc(w.forms_heading), SUBHEADING),
                      _table(form_rows, [0.60, 0.20, 0.20])]),
        KeepTogether([Paragraph(esc(w.steps_heading), SUBHEADING),
                      _table(step_rows, [0.80, 0.20])]),
        KeepTogether([Paragraph(esc(w.referrals_heading), SUBHEADING),
                      Paragraph(esc(w.referrals_note), NOTE),
                      _table(referral_rows, [0.80, 0.20])]),
    ]  # fmt: skip


def _count(value: Count) -> Paragraph:
    return Paragraph(esc(str(value)), NUMBER)


def _table(rows: list[list[Any]], shares: list[float], *, total_row: bool = False) -> Table:
    table = Table(rows, colWidths=[BODY_WIDTH * share for share in shares], repeatRows=1)
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, NAVY),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, TINT),
        ("TOPPADDING", (0, 0), (-1, -1), 1.1 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.1 * mm),
        ("LEFTPADDING", (0, 0), (-1, -1), 1.5 * mm),
        ("RIGHTPADDING", (0, 0), (-1, -1), 1.5 * mm),
    ]
    if total_row:
        commands += [
            ("LINEABOVE", (0, -1), (-1, -1), 0.8, NAVY),
            ("BACKGROUND", (0, -1), (-1, -1), TINT),
        ]
    table.setStyle(table_style(commands))
    return table


def file_name(school_year: str, language: str = "nl") -> str:
    """``preventieverslag-2025-2026.pdf``: the school year only, nothing of a case."""
    return load_words(language).file_name.format(year=school_year)


def sample_report(language: str = "nl") -> PreventionReport:
    """A fictional school's year, for the smoke test and to check the layout."""
    rows = [LessonRow("Wat is mensenhandel?", 6, 7), LessonRow("De loverboymethode", 4, 4)]
    return PreventionReport("2025-2026", "", rows, None, language, dt.date(2026, 7, 1))


def write_samples(folder: Path) -> list[Path]:
    """The Dutch report (lessons only) into ``folder``, for the smoke test."""
    from toolkit.pdf import save

    report = sample_report("nl")
    return [save(build_prevention_report(report, None), folder / file_name(report.school_year))]
