"""The log of lessons given: input checks, school years, the overview, CSV and the file."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from desktop.classroom.lesson_log import GivenLesson, LessonLog, LessonLogError, SchoolYear, checked

TODAY = dt.date(2026, 11, 23)
SERIES = [
    ("wat-is-mensenhandel", "Wat is mensenhandel?"),
    ("loverboymethode", "De loverboymethode"),
]


def given(
    day: dt.date, group: str, lesson: str = "wat-is-mensenhandel", teacher: str = ""
) -> GivenLesson:
    title = dict(SERIES).get(lesson, lesson)
    return checked(
        day=day, group=group, lesson_id=lesson, lesson_title=title, teacher=teacher, today=TODAY
    )


def test_school_year_runs_from_august_to_july() -> None:
    assert SchoolYear.of(dt.date(2026, 7, 31)) == SchoolYear(2025)
    assert SchoolYear.of(dt.date(2026, 8, 1)) == SchoolYear(2026)
    year = SchoolYear(2026)
    assert year.label == "2026-2027"
    assert dt.date(2027, 7, 31) in year
    assert dt.date(2027, 8, 1) not in year


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"group": "  "}, "group", "Vul de groep"),
        ({"group": "x" * 31}, "group", "hoogstens 30"),
        ({"group": "Jan de Vries"}, "group", "Namen van leerlingen horen hier niet"),
        ({"teacher": "Jan de Vries"}, "teacher", "initialen"),
        ({"teacher": "J4"}, "teacher", "initialen"),
        ({"day": TODAY + dt.timedelta(days=1)}, "date", "toekomst"),
        ({"lesson_id": ""}, "lesson", "Kies een les"),
    ],
)
def test_input_is_checked_with_a_dutch_message(
    changes: dict[str, object], field: str, words: str
) -> None:
    values: dict[str, object] = {
        "day": TODAY, "group": "2B", "lesson_id": "online", "lesson_title": "Online", "teacher": "",
    }  # fmt: skip
    values.update(changes)
    with pytest.raises(LessonLogError) as caught:
        checked(**values, today=TODAY)  # type: ignore[arg-type]
    assert caught.value.field == field
    assert words in str(caught.value)


def test_initials_and_spaces_are_tidied() -> None:
    entry = given(TODAY, "  2  B ", teacher="A.B.")
    assert entry.group == "2 B"
    assert entry.teacher == "A.B."
    assert given(TODAY, "3A", teacher="é.ü").teacher == "é.ü"


def test_overview_per_school_year_counts_groups_and_times(tmp_path: Path) -> None:
    log = LessonLog(tmp_path / "log.json")
    log.add(given(dt.date(2026, 9, 1), "2B"))
    log.add(given(dt.date(2026, 9, 8), "2b"))  # the same group, written otherwise
    log.add(given(dt.date(2026, 10, 1), "3A"))
    log.add(given(dt.date(2026, 10, 2), "3A", "loverboymethode"))
    log.add(given(dt.date(2026, 6, 1), "1C"))  # the year before
    log.add(given(dt.date(2026, 10, 3), "4H", "oude-les"))  # no longer in the series

    rows = log.overview(SchoolYear(2026), SERIES)
    assert [(r.lesson_id, r.groups, r.times) for r in rows] == [
        ("wat-is-mensenhandel", 2, 3),
        ("loverboymethode", 1, 1),
        ("oude-les", 1, 1),
    ]
    earlier = log.overview(SchoolYear(2025), SERIES)
    assert (earlier[0].lesson_id, earlier[0].groups) == ("wat-is-mensenhandel", 1)
    assert log.years(TODAY) == [SchoolYear(2026), SchoolYear(2025)]


def test_saved_at_once_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    log = LessonLog(path)
    entry = given(TODAY, "2B", teacher="KV")
    log.add(entry)
    assert LessonLog(path).entries == [entry]
    log.remove(entry)
    assert LessonLog(path).entries == []
    assert json.loads(path.read_text())["version"] == 1


def test_csv_uses_semicolons_and_keeps_diacritics(tmp_path: Path) -> None:
    log = LessonLog(tmp_path / "log.json")
    log.add(given(dt.date(2026, 9, 1), "2B", teacher="É.D."))
    log.add(given(dt.date(2026, 9, 2), "2C; met puntkomma"))
    lines = log.csv(SchoolYear(2026)).splitlines()
    assert lines[0] == "Datum;Groep;Les;Niveau;Docent"
    assert lines[1] == "2026-09-01;2B;Wat is mensenhandel?;;É.D."
    assert lines[2] == '2026-09-02;"2C; met puntkomma";Wat is mensenhandel?;;'


@pytest.mark.parametrize(
    "content", [b"{niet json", b'{"version": 9, "lessons": []}', b"\xff\xfe", b"[]"]
)
def test_an_unreadable_log_is_kept_aside_and_a_new_one_started(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "log.json"
    path.write_bytes(content)
    log = LessonLog(path)
    assert log.entries == []
    assert log.kept_aside is not None
    assert log.kept_aside.read_bytes() == content
    log.add(given(TODAY, "2B"))
    assert log.kept_aside.read_bytes() == content  # the old file is never overwritten
    assert len(LessonLog(path).entries) == 1


def test_a_failed_save_keeps_what_was_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "log.json"
    log = LessonLog(path)
    log.add(given(TODAY, "2B"))
    before = path.read_bytes()

    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("desktop.classroom.lesson_log.write_atomic", full)
    with pytest.raises(OSError, match="No space"):
        log.add(given(TODAY, "3A"))
    assert path.read_bytes() == before
    assert [e.group for e in log.entries] == ["2B"]


def test_the_level_is_kept_and_counted_apart(tmp_path: Path) -> None:
    log = LessonLog(tmp_path / "log.json")
    day = dt.date(2026, 10, 5)
    for group, level in (("2B", "onderbouw"), ("2C", "onderbouw"), ("3A", "eenvoudig"), ("4H", "")):
        log.add(checked(day=day, group=group, lesson_id="les-2", lesson_title="Les 2",
                        level=level, today=day))  # fmt: skip
    again = LessonLog(tmp_path / "log.json")
    assert sorted(e.level for e in again.entries) == ["", "eenvoudig", "onderbouw", "onderbouw"]
    year = SchoolYear.of(day)
    rows = again.overview(year, [("les-2", "Les 2")], by_level=True)
    assert [(r.level, r.groups, r.times) for r in rows] == [
        ("onderbouw", 2, 2),
        ("eenvoudig", 1, 1),
        ("", 1, 1),
    ]
    assert [(r.groups, r.times) for r in again.overview(year, [("les-2", "Les 2")])] == [(4, 4)]
    raw = json.loads((tmp_path / "log.json").read_text(encoding="utf-8"))
    assert "level" not in next(e for e in raw["lessons"] if e["group"] == "4H")
    with pytest.raises(LessonLogError) as caught:
        checked(day=day, group="2B", lesson_id="x", lesson_title="x", level="vwo", today=day)
    assert caught.value.field == "level"
