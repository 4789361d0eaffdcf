"""The log of lessons given: which lesson, to which group, on which day, by whom.

It feeds the school's prevention plan (*preventieplan*): per school year, which lessons of the
series were given and to how many groups. It holds no pupil data: a group is a class name such
as "2B", the teacher is optional initials. A Dutch school year (*schooljaar*) runs from
1 August to 31 July.

The log is one JSON file in the data folder, written atomically. A file that cannot be read is
kept aside and a fresh log is started, so the app never stops on it and nothing is overwritten.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from desktop.i18n import _
from toolkit.atomic import keep_broken_copy, write_atomic

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
GROUP_MAX = 30
TEACHER_MAX = 6
_TEACHER = re.compile(r"^[^\W\d_]+(?:[.\- ]?[^\W\d_]+)*\.?$")


class LessonLogError(ValueError):
    """Input the log does not take; ``field`` names the form field, the message is Dutch."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True, order=True)
class SchoolYear:
    """The school year that starts on 1 August of ``first``."""

    first: int

    @classmethod
    def of(cls, day: dt.date) -> SchoolYear:
        return cls(day.year if day.month >= 8 else day.year - 1)

    @property
    def start(self) -> dt.date:
        return dt.date(self.first, 8, 1)

    @property
    def end(self) -> dt.date:
        return dt.date(self.first + 1, 7, 31)

    @property
    def label(self) -> str:
        return f"{self.first}-{self.first + 1}"

    @property
    def title(self) -> str:
        """For reading: 2026–2027 (with an en dash; ``label`` is for file names)."""
        return self.label.replace("-", "–")

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end


@dataclass(frozen=True)
class GivenLesson:
    day: dt.date
    group: str
    lesson_id: str
    lesson_title: str  # as it was on the day, so the overview reads well if titles change
    teacher: str = ""
    level: str = ""  # onderbouw, bovenbouw, mbo or eenvoudig; "" when not known

    def to_json(self) -> dict[str, str]:
        data = {
            "date": self.day.isoformat(),
            "group": self.group,
            "lesson": self.lesson_id,
            "title": self.lesson_title,
            "teacher": self.teacher,
        }
        return {**data, "level": self.level} if self.level else data

    @classmethod
    def from_json(cls, data: object) -> GivenLesson:
        if not isinstance(data, dict):
            raise ValueError("entry is not an object")
        return checked(
            day=dt.date.fromisoformat(str(data["date"])),
            group=str(data["group"]),
            lesson_id=str(data["lesson"]),
            lesson_title=str(data.get("title") or data["lesson"]),
            teacher=str(data.get("teacher", "")),
            level=str(data.get("level", "")),
            today=None,
        )


def checked(
    *,
    day: dt.date,
    group: str,
    lesson_id: str,
    lesson_title: str,
    teacher: str = "",
    level: str = "",
    today: dt.date | None,
) -> GivenLesson:
    """A `GivenLesson` from form input, or `LessonLogError` saying what to change."""
    group = " ".join(group.split())
    teacher = " ".join(teacher.split())
    if today is not None and day > today:
        raise LessonLogError("date", _("De datum ligt in de toekomst. Kies de dag van de les."))
    if not group:
        raise LessonLogError("group", _("Vul de groep of klas in, bijvoorbeeld 2B."))
    if len(group) > GROUP_MAX:
        raise LessonLogError(
            "group",
            _("De groep mag hoogstens {n} tekens hebben. Gebruik de klasnaam, geen namen.").format(
                n=GROUP_MAX
            ),
        )
    if not any(char.isdigit() for char in group):
        # A class name holds its year (2B, 3 havo, mbo-1); a pupil's name does not.
        raise LessonLogError(
            "group",
            _(
                "Vul de klas in zoals de school die noemt, met het leerjaar erin (bijvoorbeeld "
                "2B of 3 havo). Namen van leerlingen horen hier niet."
            ),
        )
    if not lesson_id:
        raise LessonLogError("lesson", _("Kies een les."))
    if teacher and (len(teacher) > TEACHER_MAX or not _TEACHER.match(teacher)):
        raise LessonLogError(
            "teacher",
            _(
                "Vul alleen de initialen van de docent in (hoogstens {n} letters), of laat leeg."
            ).format(n=TEACHER_MAX),
        )
    from lessons.model import LEVELS

    if level and level not in LEVELS:
        raise LessonLogError("level", _("Kies een niveau uit de lijst, of laat het leeg."))
    return GivenLesson(day, group, lesson_id, lesson_title.strip() or lesson_id, teacher, level)


@dataclass(frozen=True)
class LessonCount:
    """One line of a school year's overview."""

    lesson_id: str
    title: str
    groups: int  # different groups that had the lesson
    times: int  # times the lesson was given
    level: str = ""  # with ``by_level``: the level it was given at ("" when not recorded)


class LessonLog:
    """The lessons given, kept in ``path``; every change is saved at once."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.kept_aside: Path | None = None
        self._entries: list[GivenLesson] = self._load()

    @property
    def entries(self) -> list[GivenLesson]:
        """Newest first."""
        return sorted(self._entries, key=lambda e: (e.day, e.group), reverse=True)

    def add(self, entry: GivenLesson) -> None:
        self._save([*self._entries, entry])

    def remove(self, entry: GivenLesson) -> None:
        remaining = list(self._entries)
        remaining.remove(entry)
        self._save(remaining)

    def years(self, today: dt.date) -> list[SchoolYear]:
        """The school years with lessons, and the current one, newest first."""
        found = {SchoolYear.of(e.day) for e in self._entries} | {SchoolYear.of(today)}
        return sorted(found, reverse=True)

    def in_year(self, year: SchoolYear) -> list[GivenLesson]:
        return [e for e in self.entries if e.day in year]

    def overview(
        self, year: SchoolYear, series: Iterable[tuple[str, str]] = (), *, by_level: bool = False
    ) -> list[LessonCount]:
        """Per lesson of ``series`` (id, title), in series order, then any other lesson given;
        ``by_level``: a row per level it was given at (the series' levels' order, unknown last)."""
        from lessons.model import LEVELS

        given = self.in_year(year)
        titles = dict(series)
        for entry in given:
            titles.setdefault(entry.lesson_id, entry.lesson_title)
        rows = []
        for lesson_id, title in titles.items():
            mine = [e for e in given if e.lesson_id == lesson_id]
            levels = [lv for lv in (*LEVELS, "") if any(e.level == lv for e in mine)]
            for level in levels if by_level and mine else [""]:
                these = [e for e in mine if e.level == level] if by_level else mine
                groups = {e.group.casefold() for e in these}
                rows.append(LessonCount(lesson_id, title, len(groups), len(these), level))
        return rows

    def csv(self, year: SchoolYear) -> str:
        """The year's lessons as CSV (semicolons: what Dutch spreadsheets open directly)."""
        out = io.StringIO()
        writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
        writer.writerow([_("Datum"), _("Groep"), _("Les"), _("Niveau"), _("Docent")])
        for entry in sorted(self.in_year(year), key=lambda e: (e.day, e.group)):
            writer.writerow(
                [entry.day.isoformat(), entry.group, entry.lesson_title, entry.level, entry.teacher]
            )
        return out.getvalue()

    # ---------------------------------------------------------------- file
    def _load(self) -> list[GivenLesson]:
        if not self.path.exists():
            return []
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION:
                raise ValueError("unknown format")
            return [GivenLesson.from_json(item) for item in data["lessons"]]
        except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, LessonLogError):
            self.kept_aside = keep_broken_copy(self.path)
            log.warning("lesson log unreadable; kept aside: %s", self.kept_aside is not None)
            return []

    def _save(self, entries: list[GivenLesson]) -> None:
        data = {"version": FORMAT_VERSION, "lessons": [e.to_json() for e in entries]}
        text = json.dumps(data, ensure_ascii=False, indent=1)
        write_atomic(self.path, text.encode("utf-8"))
        self._entries = entries  # only once it is on disk
