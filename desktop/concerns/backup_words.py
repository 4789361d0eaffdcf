"""Backups in words, for the backups dialog: each backup's time, size and kind, where a backup
on a chosen place goes, and what the coordinator must know before and after a restore.

A backup is a whole encrypted copy of the vault with its key header beside it
(``desktop.vault.backups``); the ones the app keeps are in ``backups/`` beside the vault.
Times are the computer's clock, in the app's language (Babel); sizes in kB and MB.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.concerns.backup_reminder import made_at
from desktop.i18n import _, current_language, format_datetime

# The labels the vault gives the copies it makes on its own (``kluis-<time>-<label>.db``).
SAFETY_LABEL = "voor-terugzetten"
_MIGRATION = re.compile(r"-voor-v(\d{1,4})$")


@dataclass(frozen=True)
class BackupItem:
    """One backup beside the vault: its file, when it was made (None: unknown), its size in
    bytes (None: unreadable)."""

    path: Path
    made: dt.datetime | None
    size: int | None

    @property
    def when(self) -> str:
        return format_datetime(self.made) if self.made is not None else "–"

    @property
    def size_text(self) -> str:
        return size_text(self.size) if self.size is not None else "–"

    @property
    def kind(self) -> str:
        return kind_text(self.path)


def items(backups: Sequence[Path]) -> list[BackupItem]:
    """The backups (``Vault.backups()``, newest first) with their time and size, in order."""
    found = []
    for path in backups:
        try:
            size: int | None = path.stat().st_size
        except OSError:
            size = None
        found.append(BackupItem(path, made_at(path), size))
    return found


def size_text(size: int) -> str:
    """``840 kB``, ``2,4 MB`` (``2.4 MB`` in English): decimal units, as file managers show."""
    from babel.units import format_unit

    language = current_language()
    if size < 1000:
        return format_unit(size, "digital-byte", length="short", locale=language)
    if size < 1_000_000:
        return format_unit(round(size / 1000), "digital-kilobyte", length="short", locale=language)
    unit = "digital-gigabyte" if size >= 1_000_000_000 else "digital-megabyte"
    value = size / (1_000_000_000 if unit == "digital-gigabyte" else 1_000_000)
    return format_unit(value, unit, length="short", locale=language, format="#,##0.#")


def kind_text(path: Path) -> str:
    """What made this copy, if not the coordinator: a restore, or an update of the vault."""
    stem = path.stem
    if stem.endswith("-" + SAFETY_LABEL):
        return _("Veiligheidskopie van vóór een terugzetting")
    migration = _MIGRATION.search(stem)
    if migration:
        return _("Van vóór het bijwerken naar versie {n}").format(n=int(migration.group(1)))
    return ""


def file_in(folder: Path, vault_file: Path, now: dt.datetime | None = None) -> Path:
    """Where a backup to a chosen ``folder`` (a USB stick) goes: the vault's own naming,
    ``kluis-20260302-101112-000001.db``, so that it sorts by time and never collides."""
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
    return folder / f"{vault_file.stem}-{stamp}{vault_file.suffix}"


def made_here(item: BackupItem) -> str:
    return _("Reservekopie gemaakt: {when}.").format(when=item.when)


def made_elsewhere(target: Path) -> str:
    """Said after a backup to a chosen place: what it holds and what that asks of the school."""
    return _(
        "De reservekopie staat in {folder}: het bestand {name} met een sleutelbestand (.sleutel) "
        "ernaast. Houd die twee bij elkaar. De kopie bevat alle meldingen, versleuteld: bewaar "
        "hem op een veilige plek, zoals een afgesloten kast, en neem hem niet mee naar huis. "
        "Worden later meldingen verwijderd (na de bewaartermijn of met de hand), dan zegt "
        "Schoolsignaal dat er een kopie elders is; die moet je dan zelf weggooien."
    ).format(folder=str(target.parent), name=target.name)


def restore_question(item: BackupItem | Path) -> tuple[str, str]:
    """The confirmation before a restore: the question and what will happen."""
    when = item.when if isinstance(item, BackupItem) else item.name
    question = _("De reservekopie van {when} terugzetten?").format(when=when)
    consequence = _(
        "Alle meldingen komen terug zoals ze toen waren. Wat sindsdien is vastgelegd, is daarna "
        "niet meer in de kluis te zien. Eerst maakt Schoolsignaal een veiligheidskopie van de "
        "kluis zoals hij nu is, in de lijst te herkennen als veiligheidskopie; daarmee kun je "
        "terug. Het wachtwoord blijft zoals het nu is."
    )
    return question, consequence


def restored(safety: Path) -> str:
    """Said after a restore: it worked, and where the state before it was kept."""
    kept = made_at(safety)
    when = format_datetime(kept) if kept is not None else safety.name
    return _(
        "De reservekopie is teruggezet. De kluis zoals hij was, is bewaard als veiligheidskopie "
        "van {when} ({name})."
    ).format(when=when, name=safety.name)


def earlier_key_question() -> str:
    """Asked when the backup was made under an earlier passphrase."""
    return _(
        "Deze reservekopie is gemaakt vóór een wijziging van het wachtwoord of de "
        "herstelsleutel. Typ het wachtwoord van toen (of de herstelsleutel van toen) om hem "
        "terug te zetten. Daarna blijft het huidige wachtwoord gelden."
    )


def earlier_key_wrong() -> str:
    """Said when what was typed does not open that backup."""
    return _(
        "Dat opent deze reservekopie niet. Typ het wachtwoord (of de herstelsleutel) dat gold "
        "toen de reservekopie werd gemaakt. Er is niets teruggezet."
    )
