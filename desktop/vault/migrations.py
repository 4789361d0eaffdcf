"""Schema versions (``PRAGMA user_version``) and the ordered migrations between them.

A new vault is created at :data:`SCHEMA_VERSION` directly from ``desktop.vault.schema``. An
older vault is brought up one version at a time, each step in its own transaction together
with the new ``user_version`` and an audit event, and each after a backup of the vault as it
was (``backups/kluis-…-voor-v2.db``). A vault whose version is higher than this app knows
is refused before anything is written (:class:`VaultFromNewerVersion`).

To change the schema: change ``schema.py``, raise :data:`SCHEMA_VERSION` by one, and add a
:class:`Migration` whose ``to_version`` is the new number and whose ``apply`` changes a vault
of the version before into one that matches ``schema.py`` (``ALTER TABLE``, or a new table and
a copy). Never edit a migration that has shipped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection

from desktop.vault.errors import VaultFromNewerVersion

SCHEMA_VERSION = 2


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


MIGRATIONS: tuple[Migration, ...] = (Migration(2, "case-entry-count", _count_entries_per_case),)


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
