"""Schema versions (``PRAGMA user_version``) and the ordered migrations between them.

A new vault is created at :data:`SCHEMA_VERSION` directly from ``desktop.vault.schema``. An
older vault is brought up one version at a time, each step in its own transaction together
with the new ``user_version`` and an audit event, and each after a backup of the vault as it
was (``backups/kluis-…-voor-v2.db``). A vault whose version is higher than this app knows
is refused before anything is written (:class:`VaultFromNewerVersion`).

To change the schema: change ``schema.py``, raise :data:`SCHEMA_VERSION` by one, and add a
:class:`Migration` whose ``to_version`` is the new number and whose ``apply`` changes a vault
of the version before into one that matches ``schema.py`` (``ALTER TABLE``, or a new table and
a copy; new columns last, so that a migrated vault is like a new one). Add the version to
``docs/vault-schema.md``. Never edit a migration that has shipped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection

from desktop.vault.errors import VaultFromNewerVersion

SCHEMA_VERSION = 4


@dataclass(frozen=True)
class Migration:
    to_version: int
    description: str  # for developers and the audit log: an id, no spaces
    apply: Callable[[Connection], None]  # runs inside the step's transaction


def _count_entries_per_case(conn: Connection) -> None:
    """Version 2: ``cases.entry_count``, so the case list needs no count per case."""
    conn.exec_driver_sql("ALTER TABLE cases ADD COLUMN entry_count INTEGER NOT NULL DEFAULT 0")
    conn.exec_driver_sql(
        "UPDATE cases SET entry_count = (SELECT count(*) FROM entries WHERE case_id = cases.id)"
    )


_VERSION_3_COLUMNS = {
    "cases": (
        "last_entry_on VARCHAR(10)",
        "step INTEGER DEFAULT '1' NOT NULL",
        "recheck_on VARCHAR(10)",
        "acute_on VARCHAR(10)",
    ),
    "entries": (
        "pupil_words TEXT DEFAULT '' NOT NULL",
        "disclosure BOOLEAN DEFAULT '0' NOT NULL",
        "reason TEXT DEFAULT '' NOT NULL",
    ),
    "entry_revisions": ("pupil_words TEXT DEFAULT '' NOT NULL", "reason TEXT DEFAULT '' NOT NULL"),
    "meldcode_steps": ("who TEXT DEFAULT '' NOT NULL",),
    "assessments": (
        "suspicion_on VARCHAR(10)",
        "unsafe_on VARCHAR(10)",
        "can_help_on VARCHAR(10)",
        "accepted_on VARCHAR(10)",
        "lasting_safety_on VARCHAR(10)",
        "consulted TEXT DEFAULT '' NOT NULL",
        "entry_ids TEXT DEFAULT '[]' NOT NULL",
        "recheck_on VARCHAR(10)",
    ),
}
_STATUS_CHANGES = """
CREATE TABLE status_changes (
    id INTEGER NOT NULL,
    case_id INTEGER NOT NULL,
    status VARCHAR(16) NOT NULL,
    outcome VARCHAR(16),
    reason TEXT NOT NULL,
    changed_on VARCHAR(10) NOT NULL,
    saved_at VARCHAR(26) NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(case_id) REFERENCES cases (id) ON DELETE CASCADE
)"""
# The lowest meldcode step whose newest state is neither done nor skipped (a step never
# set is not started), 6 when there is none: ``vocabulary.step_reached``, as it was in
# version 3.
_STEP_REACHED = """
UPDATE cases SET step = coalesce((
    SELECT min(n) FROM (
        SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5
    )
    WHERE coalesce((
        SELECT status FROM meldcode_steps
        WHERE case_id = cases.id AND step = n ORDER BY id DESC LIMIT 1
    ), 'not_started') NOT IN ('done', 'skipped')
), 6)"""

# The day a version-2 record was saved (UTC) for each question it answered.
_ANSWER_DATES = """
UPDATE assessments SET
    suspicion_on = CASE WHEN suspicion != 'unknown' THEN substr(saved_at, 1, 10) END,
    unsafe_on = CASE WHEN unsafe != 'unknown' THEN substr(saved_at, 1, 10) END,
    can_help_on = CASE WHEN can_help != 'unknown' THEN substr(saved_at, 1, 10) END,
    accepted_on = CASE WHEN accepted != 'unknown' THEN substr(saved_at, 1, 10) END,
    lasting_safety_on = CASE WHEN lasting_safety != 'unknown' THEN substr(saved_at, 1, 10) END"""


def _concern_screens(conn: Connection) -> None:
    """Version 3, for the concern screens: the pupil's own words and the reason of each
    correction on entries, and whether an entry is a spontaneous disclosure; who took a
    meldcode step (a role); the afwegingskader as a dated decision record (a date per
    answer, who was consulted, linked entries, a re-check date); status changes with their
    reason and a closing's outcome (``status_changes``); and on ``cases``, for the case
    list, the newest entry's date, the meldcode step reached, the re-check date and the
    date of acute unsafety.

    Filled for what a version-2 vault holds: ``last_entry_on`` and ``step`` from its entries
    and steps; each answered question's date is the day its record was saved (UTC), the
    date the vault has of it. Version 2 kept no re-check dates, disclosures, acute dates or
    status reasons: those stay empty, and a case's status history starts with its next
    change.
    """
    for table, columns in _VERSION_3_COLUMNS.items():
        for column in columns:
            conn.exec_driver_sql(f"ALTER TABLE {table} ADD COLUMN {column}")
    conn.exec_driver_sql(_STATUS_CHANGES)
    conn.exec_driver_sql("CREATE INDEX ix_status_changes_case ON status_changes (case_id)")
    conn.exec_driver_sql(
        "UPDATE cases SET last_entry_on = "
        "(SELECT max(occurred_on) FROM entries WHERE case_id = cases.id)"
    )
    conn.exec_driver_sql(_STEP_REACHED)
    conn.exec_driver_sql(_ANSWER_DATES)


_VERSION_4_COLUMNS = {
    "cases": ("open_referrals INTEGER DEFAULT '0' NOT NULL", "referral_recheck_on VARCHAR(10)"),
    "referrals": (
        "entry_ids TEXT DEFAULT '[]' NOT NULL",
        "basis_details TEXT DEFAULT '{}' NOT NULL",
        "told TEXT DEFAULT '{}' NOT NULL",
        "status VARCHAR(16) DEFAULT 'sent' NOT NULL",
        "status_on VARCHAR(10)",
        "recheck_on VARCHAR(10)",
    ),
}
_REFERRAL_UPDATES = """
CREATE TABLE referral_updates (
    id INTEGER NOT NULL,
    referral_id INTEGER NOT NULL,
    status VARCHAR(16) NOT NULL,
    status_on VARCHAR(10) NOT NULL,
    recheck_on VARCHAR(10),
    note TEXT NOT NULL,
    saved_at VARCHAR(26) NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(referral_id) REFERENCES referrals (id) ON DELETE CASCADE
)"""


def _referral_follow_up(conn: Connection) -> None:
    """Version 4, for referral letters: the entries a letter holds, its basis and whom the
    school told (as JSON), and its follow-up (status, since when, a re-check date), with
    every update in ``referral_updates``; on ``cases``, for the case list, how many
    referrals are open and the earliest re-check date among them.

    Version 3 kept none of that: a referral made before counts as sent on the day it was
    made (UTC), and open, with that one update; its entries, basis details and telling
    stay empty, and it has no re-check date.
    """
    for table, columns in _VERSION_4_COLUMNS.items():
        for column in columns:
            conn.exec_driver_sql(f"ALTER TABLE {table} ADD COLUMN {column}")
    conn.exec_driver_sql(_REFERRAL_UPDATES)
    conn.exec_driver_sql(
        "CREATE INDEX ix_referral_updates_referral ON referral_updates (referral_id)"
    )
    conn.exec_driver_sql("UPDATE referrals SET status_on = substr(made_at, 1, 10)")
    conn.exec_driver_sql(
        "INSERT INTO referral_updates (referral_id, status, status_on, recheck_on, note, saved_at)"
        " SELECT id, 'sent', status_on, NULL, '', made_at FROM referrals ORDER BY id"
    )
    conn.exec_driver_sql(
        "UPDATE cases SET open_referrals = (SELECT count(*) FROM referrals "
        "WHERE case_id = cases.id AND status != 'closed')"
    )


MIGRATIONS: tuple[Migration, ...] = (
    Migration(2, "case-entry-count", _count_entries_per_case),
    Migration(3, "concern-screens", _concern_screens),
    Migration(4, "referral-follow-up", _referral_follow_up),
)


def check_supported(found: int) -> None:
    if found > SCHEMA_VERSION:
        raise VaultFromNewerVersion(found=found, supported=SCHEMA_VERSION)
    if found < 1:
        raise ValueError(f"vault schema version {found} is not a version this app made")


def pending(found: int) -> list[Migration]:
    """The migrations that bring version ``found`` to :data:`SCHEMA_VERSION`, in order."""
    check_supported(found)
    steps = sorted(MIGRATIONS, key=lambda m: m.to_version)
    numbers = [m.to_version for m in steps]
    if numbers != list(range(2, SCHEMA_VERSION + 1)):
        raise RuntimeError(f"migrations {numbers} do not lead from 1 to {SCHEMA_VERSION}")
    return [m for m in steps if m.to_version > found]


def set_version(conn: Connection, version: int) -> None:
    conn.exec_driver_sql(f"PRAGMA user_version = {int(version)}")


def read_version(conn: Connection) -> int:
    return int(conn.exec_driver_sql("PRAGMA user_version").scalar_one())
