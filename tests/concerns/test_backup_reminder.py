"""The backup reminder: none when the newest backup is a week old or less; a line when it is
older, or when there is none; the time read from the backup's name, else from the file."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from desktop import i18n
from desktop.concerns.backup_reminder import STALE_AFTER, made_at, newest, reminder

NOW = dt.datetime(2026, 3, 12, 9, 30)


def named(folder: Path, moment: dt.datetime, label: str = "") -> Path:
    stamp = moment.strftime("%Y%m%d-%H%M%S-%f")
    path = folder / f"kluis-{stamp}{'-' + label if label else ''}.db"
    path.write_bytes(b"x")
    return path


def test_no_backup_at_all_asks_for_one() -> None:
    text = reminder([], NOW)
    assert text is not None
    assert text.startswith("Er is nog geen reservekopie")
    assert "Reservekopieën" in text


def test_a_backup_of_a_week_or_less_says_nothing(tmp_path: Path) -> None:
    assert reminder([named(tmp_path, NOW - dt.timedelta(hours=1))], NOW) is None
    assert reminder([named(tmp_path, NOW - STALE_AFTER, "voor-v3")], NOW) is None


def test_an_older_backup_says_how_old_and_from_when(tmp_path: Path) -> None:
    old = named(tmp_path, NOW - STALE_AFTER - dt.timedelta(seconds=1))
    assert reminder([old], NOW) == (
        "De nieuwste reservekopie is 7 dagen oud (van 5 maart 2026). Maak een nieuwe bij "
        "Reservekopieën."
    )
    older = named(tmp_path, dt.datetime(2026, 1, 2, 8, 0))
    assert reminder([older], NOW) is not None
    assert "69 dagen oud (van 2 januari 2026)" in (reminder([older], NOW) or "")


def test_the_newest_counts_whatever_the_order(tmp_path: Path) -> None:
    backups = [
        named(tmp_path, dt.datetime(2026, 1, 2, 8, 0)),
        named(tmp_path, NOW - dt.timedelta(days=2), "voor-terugzetten"),
    ]
    assert newest(backups) == NOW - dt.timedelta(days=2)
    assert reminder(backups, NOW) is None


def test_a_name_without_a_time_uses_the_files_time(tmp_path: Path) -> None:
    chosen = tmp_path / "mijn-kopie.db"
    chosen.write_bytes(b"x")
    ten_days_ago = (NOW - dt.timedelta(days=10)).timestamp()
    os.utime(chosen, (ten_days_ago, ten_days_ago))
    assert made_at(chosen) == NOW - dt.timedelta(days=10)
    assert "10 dagen oud" in (reminder([chosen], NOW) or "")
    assert made_at(tmp_path / "weg.db") is None
    assert reminder([tmp_path / "weg.db"], NOW) is not None  # unreadable: as if none


def test_the_name_gives_the_time_to_the_microsecond(tmp_path: Path) -> None:
    moment = dt.datetime(2026, 3, 2, 10, 11, 12, 345)
    assert made_at(named(tmp_path, moment, "voor-v3")) == moment
    assert made_at(tmp_path / "kluis-20261399-101112-000001.db") is None  # no such day, no file


@pytest.mark.parametrize("language", ["en"])
def test_english(tmp_path: Path, language: str) -> None:
    i18n.set_language(language)
    try:
        assert reminder([], NOW) == (
            "There is no backup of the vault yet. Make one under Backups: if this computer "
            "breaks down, the cases are gone otherwise."
        )
        old = named(tmp_path, dt.datetime(2026, 3, 1, 8, 0))
        assert reminder([old], NOW) == (
            "The newest backup is 11 days old (from March 1, 2026). Make a new one under Backups."
        )
    finally:
        i18n.set_language("nl")
