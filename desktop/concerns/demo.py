"""The demo vault (oefenkluis): 30 made-up cases to practise with and to show the app.

``python -m desktop --demo`` opens the concern log on a vault of its own
(:func:`demo_vault_path`, never the school's real vault), made the first time from
``demo_cases.<language>.yaml`` in the app's language at that moment, with a passphrase that
the lock screen shows (:data:`DEMO_PASSPHRASE`) and a banner on every concern screen.

The cases are content, not code: a prevention worker can read and edit the YAML, which is
checked against the models below, with errors that name the file, the line and the field
(``lessons.datafile``). Every date in it is a number of days before the day the vault is made
(``days_ago``), so that the demo looks current whenever it is made. The cases hold no names,
only roles, and keep facts apart from interpretation, as a real case should.

The vault is made with the app's own Argon2id parameters, so that it opens and behaves as a
real one; all of it is written in one transaction (:meth:`Vault.batch`).
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.concerns.demo_content import (
    LANGUAGES,
    AgeBand,
    AnswerId,
    DemoCase,
    DemoCases,
    EntryKindId,
    FormId,
    OutcomeId,
    SchoolType,
    StatusId,
    StepStatusId,
    check_languages_match,
    content_file,
    load_demo_cases,
    read_demo_cases,
    structure,
)

if TYPE_CHECKING:
    from desktop.paths import Paths
    from desktop.vault.service import Vault

__all__ = [
    "DEMO_PASSPHRASE",
    "LANGUAGES",
    "AgeBand",
    "AnswerId",
    "DemoCase",
    "DemoCases",
    "EntryKindId",
    "FormId",
    "OutcomeId",
    "SchoolType",
    "StatusId",
    "StepStatusId",
    "check_languages_match",
    "content_file",
    "demo_vault_path",
    "load_demo_cases",
    "make_demo_vault",
    "read_demo_cases",
    "structure",
]

log = logging.getLogger(__name__)

DEMO_PASSPHRASE = "oefenen met verzonnen meldingen"  # noqa: S105 (public by design)


def demo_vault_path(paths: Paths) -> Path:
    """The demo vault's file: in a folder of its own beside the real vault, so that a demo
    shares nothing with it (not its backups, its anchor or its lock). Deleting the folder
    makes a fresh demo at the next ``--demo``."""
    return paths.data / "oefenkluis" / "oefenkluis.db"


def make_demo_vault(path: Path, language: str, today: dt.date | None = None) -> None:
    """Make the demo vault at ``path`` if there is none, filled with the demo cases in
    ``language`` (Dutch if there are none in it), dated back from ``today``.

    An existing vault at ``path`` is left as it is (what a trainee practised stays). Content
    problems raise :class:`ContentError` before anything is written; a failure while filling
    removes the half-made vault.
    """
    from desktop.vault.service import Vault

    if Vault.exists(path):
        return
    started = time.perf_counter()
    cases = load_demo_cases(language if language in LANGUAGES else "nl")
    day = dt.date.today() if today is None else today
    vault, _recovery_key = Vault.create(path, DEMO_PASSPHRASE)  # the app's own Argon2id
    try:
        with vault.batch():
            # oldest first, so that codes follow the opening dates as they would in real use
            for case in sorted(cases.cases, key=lambda c: -c.opened_days_ago):
                _fill(vault, case, day)
    except BaseException:
        vault.lock()
        _remove_half_made(path)
        raise
    vault.lock()
    log.info("demo vault made: %d cases in %.2f s", len(cases.cases), time.perf_counter() - started)


def _fill(vault: Vault, case: DemoCase, today: dt.date) -> str:
    def ago(days: int) -> dt.date:
        return today - dt.timedelta(days=days)

    code = vault.create_case(
        forms=case.forms,
        age_band=case.age_band,
        school_type=case.school_type,
        school_year=case.school_year,
        opened_on=ago(case.opened_days_ago),
    )
    entry_ids: dict[str, int] = {}
    for entry in case.entries:
        made = vault.add_entry(
            code,
            entry.kind,
            occurred_on=ago(entry.days_ago),
            facts=entry.facts,
            interpretation=entry.interpretation,
            who=entry.who,
            signals=entry.signals,
            pupil_words=entry.pupil_words,
            disclosure=entry.disclosure,
        )
        if entry.id is not None:
            entry_ids[entry.id] = made
    for correction in case.corrections:
        vault.edit_entry(
            entry_ids[correction.entry],
            reason=correction.reason,
            occurred_on=None if correction.days_ago is None else ago(correction.days_ago),
            facts=correction.facts,
            interpretation=correction.interpretation,
            who=correction.who,
            pupil_words=correction.pupil_words,
        )
    for step in case.steps:
        vault.set_step(
            code,
            step.step,
            step.status,
            done_on=None if step.days_ago is None else ago(step.days_ago),
            who=step.who,
            note=step.note,
        )
    for assessment in case.assessments:
        vault.set_answers(
            code,
            assessment.answers,
            answered_on=[None if d is None else ago(d) for d in assessment.answered_days_ago],
            consulted=assessment.consulted,
            entry_ids=[entry_ids[key] for key in assessment.entries],
            recheck_on=(
                None
                if assessment.recheck_in_days is None
                else today + dt.timedelta(days=assessment.recheck_in_days)
            ),
            note=assessment.note,
        )
    if case.acute_days_ago is not None:
        vault.set_acute(code, ago(case.acute_days_ago))
    for change in case.status_changes:
        vault.set_status(
            code,
            change.status,
            reason=change.reason,
            outcome=change.outcome,
            today=ago(change.days_ago),
        )
    return code


def _remove_half_made(path: Path) -> None:
    from desktop.vault import opening

    opening.remove_new(path)
