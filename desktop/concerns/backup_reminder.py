"""The backup reminder: a line after unlocking when the newest backup is more than a week old.

A vault lives on one computer; a broken disk or a lost laptop takes every concern with it.
The coordinator makes a backup with one click (``Reservekopieën``); this rule says when it is
time for one. It looks at the backups beside the vault (``Vault.backups()``): their time is
in their name (``kluis-20260302-101112-000001.db``, the computer's clock), or else the file's
own time.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path

from desktop.i18n import _, format_date, ngettext

STALE_AFTER = dt.timedelta(days=7)
_STAMP = re.compile(r"-(\d{8}-\d{6})-(\d{6})(?:-[a-z0-9-]+)?$")


def made_at(path: Path) -> dt.datetime | None:
    """When the backup ``path`` was made, on this computer's clock (naive local time): from
    its name if the app named it, else the file's modification time; None if neither."""
    found = _STAMP.search(path.stem)
    if found:
        try:
            made = dt.datetime.strptime(found.group(1), "%Y%m%d-%H%M%S")
        except ValueError:
            made = None
        if made is not None:
            return made.replace(microsecond=int(found.group(2)))
    try:
        return dt.datetime.fromtimestamp(path.stat().st_mtime)
    except (OSError, ValueError, OverflowError):
        return None


def newest(backups: Sequence[Path]) -> dt.datetime | None:
    """The time of the newest of ``backups``; None if there are none (or none can be read)."""
    times = [moment for moment in map(made_at, backups) if moment is not None]
    return max(times, default=None)


def reminder(backups: Sequence[Path], now: dt.datetime | None = None) -> str | None:
    """What to say when there is no backup, or the newest is more than a week old; else None.

    ``now`` is naive local time, as the backups' names are (default: this moment).
    """
    moment = now or dt.datetime.now()
    last = newest(backups)
    if last is None:
        return _(
            "Er is nog geen reservekopie van de kluis. Maak er een bij Reservekopieën: gaat "
            "deze computer stuk, dan zijn de meldingen anders weg."
        )
    age = moment - last
    if age <= STALE_AFTER:
        return None
    days = age.days
    return ngettext(
        "De nieuwste reservekopie is {n} dag oud (van {date}). Maak een nieuwe bij Reservekopieën.",
        "De nieuwste reservekopie is {n} dagen oud (van {date}). Maak een nieuwe bij "
        "Reservekopieën.",
        days,
    ).format(n=days, date=format_date(last.date(), "long"))
