"""A vault as version 2 of the schema left it, for the migration tests.

The tables of a case are those that the app's code of schema version 2 created (read from
``sqlite_master`` of a vault made by commit 8dad951, the parent of version 3), verbatim;
``meta`` and ``audit_events`` did not change. :func:`make_vault` makes a vault with the app
(its key header, anchor and first event as they are), then puts these tables in place of the
case tables and sets ``user_version`` to 2; :class:`Writer` fills them the way version 2
wrote its rows (ISO dates, times with microseconds, forms and signals as it kept them).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from desktop.vault import engine, migrations
from desktop.vault.service import Vault
from tests.vault.conftest import PASSPHRASE

CASE_TABLES = (  # every table of a case in the vault the app makes now, children first
    "referral_updates",
    "status_changes",
    "referrals",
    "assessments",
    "meldcode_steps",
    "entry_revisions",
    "entries",
    "cases",
)

DDL = """
CREATE TABLE cases (
    id INTEGER NOT NULL,
    code VARCHAR(16) NOT NULL,
    status VARCHAR(16) NOT NULL,
    forms VARCHAR(40) NOT NULL,
    age_band VARCHAR(8),
    school_type VARCHAR(24),
    school_year INTEGER,
    opened_on VARCHAR(10) NOT NULL,
    created_at VARCHAR(26) NOT NULL,
    updated_at VARCHAR(26) NOT NULL,
    closed_on VARCHAR(10),
    retain_until VARCHAR(10),
    entry_count INTEGER DEFAULT '0' NOT NULL,
    PRIMARY KEY (id),
    CHECK (school_year IS NULL OR school_year BETWEEN 1 AND 6),
    UNIQUE (code)
);
CREATE INDEX ix_cases_retain_until ON cases (retain_until);
CREATE INDEX ix_cases_status ON cases (status);
CREATE INDEX ix_cases_opened_on ON cases (opened_on);
CREATE TABLE entries (
    id INTEGER NOT NULL,
    case_id INTEGER NOT NULL,
    kind VARCHAR(16) NOT NULL,
    occurred_on VARCHAR(10) NOT NULL,
    facts TEXT NOT NULL,
    interpretation TEXT NOT NULL,
    who TEXT NOT NULL,
    signals TEXT NOT NULL,
    revision INTEGER NOT NULL,
    created_at VARCHAR(26) NOT NULL,
    updated_at VARCHAR(26) NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(case_id) REFERENCES cases (id) ON DELETE CASCADE
);
CREATE INDEX ix_entries_case ON entries (case_id, occurred_on);
CREATE TABLE meldcode_steps (
    id INTEGER NOT NULL,
    case_id INTEGER NOT NULL,
    step INTEGER NOT NULL,
    status VARCHAR(16) NOT NULL,
    done_on VARCHAR(10),
    note TEXT NOT NULL,
    saved_at VARCHAR(26) NOT NULL,
    PRIMARY KEY (id),
    CHECK (step BETWEEN 1 AND 5),
    FOREIGN KEY(case_id) REFERENCES cases (id) ON DELETE CASCADE
);
CREATE INDEX ix_meldcode_steps_case ON meldcode_steps (case_id, step);
CREATE TABLE assessments (
    id INTEGER NOT NULL,
    case_id INTEGER NOT NULL,
    suspicion VARCHAR(8) NOT NULL,
    unsafe VARCHAR(8) NOT NULL,
    can_help VARCHAR(8) NOT NULL,
    accepted VARCHAR(8) NOT NULL,
    lasting_safety VARCHAR(8) NOT NULL,
    recommendation VARCHAR(16) NOT NULL,
    note TEXT NOT NULL,
    saved_at VARCHAR(26) NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(case_id) REFERENCES cases (id) ON DELETE CASCADE
);
CREATE INDEX ix_assessments_case ON assessments (case_id);
CREATE TABLE referrals (
    id INTEGER NOT NULL,
    case_id INTEGER NOT NULL,
    channel VARCHAR(8) NOT NULL,
    document VARCHAR(40) NOT NULL,
    recipient_kind VARCHAR(40) NOT NULL,
    recipient TEXT NOT NULL,
    basis VARCHAR(24) NOT NULL,
    sections TEXT NOT NULL,
    sha256 VARCHAR(64) NOT NULL,
    made_at VARCHAR(26) NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(case_id) REFERENCES cases (id) ON DELETE CASCADE
);
CREATE INDEX ix_referrals_case ON referrals (case_id);
CREATE TABLE entry_revisions (
    id INTEGER NOT NULL,
    entry_id INTEGER NOT NULL,
    revision INTEGER NOT NULL,
    occurred_on VARCHAR(10) NOT NULL,
    facts TEXT NOT NULL,
    interpretation TEXT NOT NULL,
    who TEXT NOT NULL,
    signals TEXT NOT NULL,
    saved_at VARCHAR(26) NOT NULL,
    replaced_at VARCHAR(26) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE (entry_id, revision),
    FOREIGN KEY(entry_id) REFERENCES entries (id) ON DELETE CASCADE
);
"""
# What version 2 made of meta and audit_events (unchanged since): checked, not assumed.
UNCHANGED = {
    "meta": 'CREATE TABLE meta (\n\t"key" VARCHAR(64) NOT NULL, \n\tvalue TEXT NOT NULL, \n\t'
    'PRIMARY KEY ("key")\n)',
    "audit_events": "CREATE TABLE audit_events (\n\tid INTEGER NOT NULL, \n\tseq INTEGER NOT "
    "NULL, \n\tat VARCHAR(32) NOT NULL, \n\tkind VARCHAR(32) NOT NULL, \n\tcase_code "
    "VARCHAR(16), \n\tdetails TEXT NOT NULL, \n\tprev_hash VARCHAR(64) NOT NULL, \n\thash "
    "VARCHAR(64) NOT NULL, \n\tPRIMARY KEY (id), \n\tUNIQUE (seq)\n)",
}


def make_vault(vault_file: Path) -> bytes:
    """A new, locked vault at ``vault_file`` whose schema is version 2; its database key."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(migrations, "SCHEMA_VERSION", 2)  # its first event says so too
        vault, _recovery_key = Vault.create(vault_file, PASSPHRASE)
    key = bytes(vault._store.key)
    vault.lock()
    with writing(vault_file, key) as conn:
        for table, sql in UNCHANGED.items():
            found = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,))
            assert found.fetchone()[0] == sql, f"{table} changed since version 2"
        for table in CASE_TABLES:
            conn.execute(f"DROP TABLE {table}")
        for statement in DDL.split(";"):
            if statement.strip():
                conn.execute(statement)
        conn.execute("PRAGMA user_version = 2")
    return key


@contextmanager
def writing(vault_file: Path, key: bytes) -> Iterator[Any]:
    """A raw connection to the locked vault, in one transaction (committed at the end)."""
    conn = engine.connect(vault_file, key)
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("BEGIN")
        yield conn
        conn.execute("COMMIT")
    finally:
        conn.close()


def stamp(day: dt.date, hour: int = 12) -> str:
    """A time as version 2 kept it (naive UTC, ISO 8601 with microseconds)."""
    return dt.datetime(day.year, day.month, day.day, hour).isoformat(timespec="microseconds")


class Writer:
    """Rows written as version 2 wrote them, into a connection from :func:`writing`."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def _insert(self, table: str, **values: object) -> int:
        columns = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        cursor = self.conn.execute(
            f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(values.values())
        )
        return int(cursor.lastrowid)

    def case(
        self,
        code: str,
        opened_on: dt.date,
        *,
        status: str = "open",
        forms: Sequence[str] = ("sexual",),
        closed_on: dt.date | None = None,
        retain_until: dt.date | None = None,
        entry_count: int = 0,
    ) -> int:
        year, _sep, number = code.partition("-")
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET "
            "value = max(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER))",
            (f"case_counter.{year}", str(int(number))),
        )
        return self._insert(
            "cases",
            code=code,
            status=status,
            forms="," + "".join(f"{f}," for f in forms),
            opened_on=opened_on.isoformat(),
            created_at=stamp(opened_on),
            updated_at=stamp(opened_on),
            closed_on=closed_on.isoformat() if closed_on else None,
            retain_until=retain_until.isoformat() if retain_until else None,
            entry_count=entry_count,
        )

    def entry(
        self,
        case_id: int,
        occurred_on: dt.date,
        facts: str,
        *,
        kind: str = "observation",
        signals: Sequence[str] = (),
        revision: int = 1,
    ) -> int:
        return self._insert(
            "entries",
            case_id=case_id,
            kind=kind,
            occurred_on=occurred_on.isoformat(),
            facts=facts,
            interpretation="",
            who="mentor",
            signals=json.dumps(list(signals)),
            revision=revision,
            created_at=stamp(occurred_on),
            updated_at=stamp(occurred_on, 13),
        )

    def revision(self, entry_id: int, revision: int, occurred_on: dt.date, facts: str) -> int:
        return self._insert(
            "entry_revisions",
            entry_id=entry_id,
            revision=revision,
            occurred_on=occurred_on.isoformat(),
            facts=facts,
            interpretation="",
            who="mentor",
            signals="[]",
            saved_at=stamp(occurred_on),
            replaced_at=stamp(occurred_on, 13),
        )

    def step(self, case_id: int, step: int, status: str, *, note: str = "") -> int:
        return self._insert(
            "meldcode_steps",
            case_id=case_id,
            step=step,
            status=status,
            done_on=None,
            note=note,
            saved_at=stamp(dt.date(2026, 9, 1)),
        )

    def assessment(
        self, case_id: int, answers: Sequence[str], recommendation: str, saved_at: str
    ) -> int:
        suspicion, unsafe, can_help, accepted, lasting = answers
        return self._insert(
            "assessments",
            case_id=case_id,
            suspicion=suspicion,
            unsafe=unsafe,
            can_help=can_help,
            accepted=accepted,
            lasting_safety=lasting,
            recommendation=recommendation,
            note="weging",
            saved_at=saved_at,
        )

    def referral(self, case_id: int) -> int:
        return self._insert(
            "referrals",
            case_id=case_id,
            channel="export",
            document="referral_letter",
            recipient_kind="veilig_thuis",
            recipient="Veilig Thuis",
            basis="meldrecht",
            sections='["reason"]',
            sha256="ab" * 32,
            made_at=stamp(dt.date(2026, 9, 20)),
        )
