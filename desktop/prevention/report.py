"""Collect the prevention report's data, apply the small-count rule, and save or print it
with its audit event.

The small-count rule: every count from 1 to 4 is shown as "< 5" (0 stays 0), so that no pupil
can be recognised from a report that leaves the school. Only counts leave the vault: the
report holds no code, date or text of a case, and neither does its file name.

A report with counts is logged in the vault's audit log when it is saved or printed (the
school year, that it held counts, the PDF's SHA-256). A save that cannot be logged is undone:
the file is removed again, as with a referral letter (``desktop.referrals.export``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.classroom.lesson_log import LessonLog, SchoolYear
from toolkit.prevention_report import (
    FORMS,
    RECIPIENTS,
    STEPS,
    CaseCounts,
    LessonRow,
    PreventionReport,
    rounded,
)

if TYPE_CHECKING:
    from desktop.vault.counts import YearCounts
    from desktop.vault.service import Vault

log = logging.getLogger(__name__)


def school_years(lesson_log: LessonLog, today: dt.date, back: int = 4) -> list[SchoolYear]:
    """The years to offer, newest first: this one and ``back`` before it, and any older year
    with lessons in the log."""
    current = SchoolYear.of(today)
    recent = {SchoolYear(current.first - n) for n in range(back + 1)}
    return sorted(recent | set(lesson_log.years(today)), reverse=True)


def lesson_rows(
    lesson_log: LessonLog, year: SchoolYear, series: Iterable[tuple[str, str]] = ()
) -> list[LessonRow]:
    """The lessons given in ``year``, as the lesson log's overview counts them (series order,
    then lessons such as PDF decks by their logged title), a row per level given at."""
    return [
        LessonRow(row.title, row.groups, row.times, row.level)
        for row in lesson_log.overview(year, series, by_level=True)
        if row.times
    ]


def case_counts(counts: YearCounts) -> CaseCounts:
    """The vault's exact counts with the small-count rule applied."""
    return CaseCounts(
        opened={form: rounded(counts.opened[form]) for form in FORMS},
        closed={form: rounded(counts.closed[form]) for form in FORMS},
        steps={step: rounded(counts.steps[step]) for step in STEPS},
        referrals={kind: rounded(counts.referrals[kind]) for kind in RECIPIENTS},
    )


def vault_counts(vault: Vault, year: SchoolYear) -> CaseCounts:
    """The counts of ``year`` from an open vault, rounded."""
    from desktop.vault.counts import year_counts_of

    return case_counts(year_counts_of(vault, year.start, year.end))


def make_report(
    year: SchoolYear,
    *,
    school_name: str,
    lessons: list[LessonRow],
    counts: CaseCounts | None,
    language: str,
    today: dt.date | None = None,
) -> PreventionReport:
    return PreventionReport(
        year.label, school_name, lessons, counts, language, today or dt.date.today()
    )


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Outcome:
    """What a save or print did: the file (None for a print) and the audit event's number
    (None when the report held no counts, so nothing was logged)."""

    path: Path | None
    event: int | None


def save(data: bytes, path: Path, report: PreventionReport, vault: Vault | None) -> Outcome:
    """Write the PDF atomically; with counts, log it in ``vault`` (which must be open), and
    remove the file again if that fails (the error is raised)."""
    from toolkit.atomic import write_atomic

    if report.counts is not None and vault is None:
        raise ValueError("a report with counts needs the open vault to log it")
    target = write_atomic(path, data, mode=0o644)
    if report.counts is None:
        return Outcome(target, None)
    try:
        event = _record(vault, "export", report, data)
    except BaseException:
        with contextlib.suppress(OSError):
            target.unlink()
        raise
    log.info("prevention report with counts saved (%d bytes)", len(data))
    return Outcome(target, event)


def printed(data: bytes, report: PreventionReport, vault: Vault | None) -> Outcome:
    """Log a print (after the printer took it) of a report with counts."""
    if report.counts is None:
        return Outcome(None, None)
    return Outcome(None, _record(vault, "print", report, data))


def _record(vault: Vault | None, channel: str, report: PreventionReport, data: bytes) -> int:
    from desktop.vault.counts import record_report_of

    if vault is None:
        raise ValueError("a report with counts needs the open vault to log it")
    return record_report_of(vault, channel, report.school_year, sha256(data))
