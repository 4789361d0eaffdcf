"""``python -m toolkit prevention-report``: the lesson part of the school's prevention report.

python -m toolkit prevention-report --year 2025-2026 --basedir ~/schoolsignaal -o verslag.pdf
python -m toolkit prevention-report --lesson-log lessen-gegeven.json --lang en -o report.pdf

The lessons come from the app's lesson log (``lessen-gegeven.json`` in its data folder), read
here with a small reader of its JSON: the toolkit imports nothing of ``desktop/``, and finding
the platform's own data folder takes Qt, so the log is named: ``--lesson-log FILE``, or
``--basedir DIR`` (as the app's ``--basedir``: the log is ``DIR/data/lessen-gegeven.json``),
or the environment variable ``SCHOOLSIGNAAL_HOME``. Counts from the vault are never made here:
the whole report, with counts, is made in the app (Printen, Preventieverslag…).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from lessons.model import LEVELS
from toolkit.cli_output import UsageError
from toolkit.cli_school import add_school_options, school_of
from toolkit.prevention_report import LANGUAGES, LessonRow, PreventionReport

LOG_NAME = "lessen-gegeven.json"  # desktop.paths.Paths.lesson_log_file, under "data"
LOG_VERSION = 1  # desktop.classroom.lesson_log.FORMAT_VERSION
ENV_HOME = "SCHOOLSIGNAAL_HOME"  # desktop.paths.ENV_HOME
_YEAR = re.compile(r"^(\d{4})-(\d{4})$")


def register(commands: Any) -> None:
    """Add the ``prevention-report`` command to ``python -m toolkit``'s subparsers."""
    report = commands.add_parser(
        "prevention-report",
        help="the school's prevention report for a school year: the lessons given (no vault)",
        description=(
            "The school's prevention report (preventieverslag) for the municipality: the "
            "lessons given in a school year, from the app's lesson log. Counts from the vault "
            "are added in the app only."
        ),
    )
    report.add_argument(
        "--year", metavar="YYYY-YYYY", help="the school year, e.g. 2025-2026 (default: this one)"
    )
    report.add_argument("--lang", choices=LANGUAGES, default="nl")
    source = report.add_mutually_exclusive_group()
    source.add_argument(
        "--basedir", type=Path, metavar="DIR", help="the app's --basedir: its lesson log is read"
    )
    source.add_argument(
        "--lesson-log", type=Path, metavar="FILE", help=f"the app's lesson log ({LOG_NAME})"
    )
    add_school_options(report)
    report.add_argument("-o", "--output", required=True, help="the PDF file to write")


def build(args: argparse.Namespace) -> bytes:
    from toolkit.prevention_report import build_prevention_report

    first = school_year(args.year, dt.date.today())
    path = log_file(args.lesson_log, args.basedir, os.environ.get(ENV_HOME))
    entries = read_log(path)
    school = school_of(args)
    report = PreventionReport(
        f"{first}-{first + 1}",
        school.school,
        lesson_rows(entries, first, _series(args.lang)),
        None,
        args.lang,
    )
    return build_prevention_report(report, school)


def school_year(text: str | None, today: dt.date) -> int:
    """The first calendar year of the school year ``text`` (``2025-2026``), else today's."""
    if text is None:
        return today.year if today.month >= 8 else today.year - 1
    found = _YEAR.match(text.strip())
    if found is None or int(found[2]) != int(found[1]) + 1:
        raise UsageError(
            f"‘{text}’ is geen schooljaar. Geef twee opeenvolgende jaren met een streepje, "
            "bijvoorbeeld --year 2025-2026."
        )
    return int(found[1])


def log_file(lesson_log: Path | None, basedir: Path | None, home: str | None) -> Path:
    if lesson_log is not None:
        path = lesson_log
    elif basedir is not None or home:
        path = Path(basedir or str(home)).expanduser() / "data" / LOG_NAME
    else:
        raise UsageError(
            "welk lesregister? Geef --lesson-log met het bestand lessen-gegeven.json uit de "
            "gegevensmap van de app, of --basedir met de map die de app met --basedir gebruikt."
        )
    if not path.is_file():
        raise UsageError(
            f"het lesregister {path} bestaat niet. Geef bij --lesson-log het bestand "
            f"{LOG_NAME} uit de gegevensmap van de app, of bij --basedir de juiste map."
        )
    return path


def read_log(path: Path) -> list[dict[str, str]]:
    """The log's entries as ``{date, group, lesson, title, level}``; UsageError if it cannot be
    read."""
    broken = (
        f"het lesregister {path} is niet te lezen. Open de app (Lessen, Lessen gegeven): "
        "die zet een beschadigd register apart en begint een nieuw."
    )
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        raise UsageError(broken) from None
    if not isinstance(data, dict) or data.get("version") != LOG_VERSION:
        raise UsageError(broken)
    entries = data.get("lessons")
    if not isinstance(entries, list):
        raise UsageError(broken)
    found = []
    for item in entries:
        if not isinstance(item, dict):
            raise UsageError(broken)
        try:
            dt.date.fromisoformat(str(item["date"]))
            lesson, group = str(item["lesson"]), str(item["group"])
        except (KeyError, ValueError):
            raise UsageError(broken) from None
        title = str(item.get("title") or lesson)
        level = str(item.get("level", ""))
        found.append(
            {"date": str(item["date"]), "group": group, "lesson": lesson, "title": title,
             "level": level if level in LEVELS else ""}
        )  # fmt: skip
    return found


def lesson_rows(
    entries: Iterable[dict[str, str]], first: int, series: Iterable[tuple[str, str]] = ()
) -> list[LessonRow]:
    """Per lesson given in the school year that starts on 1 August of ``first``: the
    different groups and the times, in the series' order (its titles), then the others (a
    PDF deck, say) by their logged title; as the app's overview counts them."""
    start, end = dt.date(first, 8, 1), dt.date(first + 1, 7, 31)
    given = [e for e in entries if start <= dt.date.fromisoformat(e["date"]) <= end]
    titles = dict(series)
    for entry in sorted(given, key=lambda e: (e["date"], e["group"]), reverse=True):
        titles.setdefault(entry["lesson"], entry["title"])
    rows = []
    for lesson, title in titles.items():
        mine = [e for e in given if e["lesson"] == lesson]
        for level in (lv for lv in (*LEVELS, "") if any(e["level"] == lv for e in mine)):
            these = [e for e in mine if e["level"] == level]
            groups = {" ".join(e["group"].split()).casefold() for e in these}
            rows.append(LessonRow(title, len(groups), len(these), level))
    return rows


def _series(language: str) -> list[tuple[str, str]]:
    """The shipped series' lessons (id, title) in order; none if it cannot be read."""
    from lessons.datafile import ContentError
    from lessons.library import load_library

    try:
        library = load_library(language)
    except ContentError:
        return []
    return [(loaded.lesson.id, loaded.lesson.title) for loaded in library.lessons]
