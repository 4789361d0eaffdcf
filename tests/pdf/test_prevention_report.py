"""The prevention report (preventieverslag): both languages, text per page, fonts embedded, the
school's name, small counts refused unless rounded, and the CLI's lesson part."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from lessons.model import LEVELS
from tests.conftest import run_python
from tests.pdf.fonts import fonts_of
from toolkit.prevention_report import (
    FORMS,
    LANGUAGES,
    RECIPIENTS,
    SMALL,
    STEPS,
    CaseCounts,
    LessonRow,
    PreventionReport,
    build_prevention_report,
    load_words,
)
from toolkit.school_contact import SchoolContact

CLI = "from toolkit.__main__ import main; raise SystemExit(main())"
SCHOOL = "Het Baken & Co <vmbo>"
COUNTS = CaseCounts(
    opened={"sexual": 7, "criminal": SMALL, "labour": 0, "unknown": SMALL},
    closed={"sexual": 5, "criminal": 0, "labour": 0, "unknown": SMALL},
    steps={1: 12, 2: 9, 3: SMALL, 4: SMALL, 5: 0},
    referrals={kind: SMALL if kind == "veilig_thuis" else 0 for kind in RECIPIENTS},
)
LESSONS = [LessonRow("Wat is mensenhandel?", 6, 7), LessonRow("Onze eigen les (PDF)", 1, 1)]


def pages_text(data: bytes) -> list[str]:
    return [
        re.sub(r"\s+", " ", page.extract_text() or "") for page in PdfReader(io.BytesIO(data)).pages
    ]


def report(language: str, counts: CaseCounts | None = COUNTS, **kw: object) -> PreventionReport:
    fields: dict[str, object] = {"school_year": "2025-2026", "school_name": SCHOOL,
                                 "lessons": LESSONS, "counts": counts, "language": language,
                                 "made_on": dt.date(2026, 7, 1)}  # fmt: skip
    fields.update(kw)
    return PreventionReport(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_part_in_each_language_fonts_embedded(language: str) -> None:
    words = load_words(language)
    data = build_prevention_report(report(language), SchoolContact(school=SCHOOL))
    pages = pages_text(data)
    assert all(len(page) > 80 for page in pages)  # no page empty
    text = " ".join(pages)
    assert words.title.format(year="2025–2026") in text
    assert SCHOOL in pages[0]  # escaped, in the head and the subtitle
    for part in (
        words.lessons.heading,
        words.counts.forms_heading,
        words.counts.steps_heading,
        words.counts.referrals_heading,
        "Wat is mensenhandel?",
        "Onze eigen les (PDF)",
    ):
        assert part in text, part  # fmt: skip
    for label in [*words.counts.forms.values(), *words.counts.steps.values()]:
        assert label in text, label
    assert text.count(SMALL) >= 7  # every small count, and the note on it
    assert ("1 juli 2026" if language == "nl" else "1 July 2026") in text
    assert re.search(r"(pagina|page) 1 (van|of) \d", pages[0])
    assert all(fonts_of(data).values())
    meta = PdfReader(io.BytesIO(data)).metadata
    assert meta is not None
    assert meta.author == "Schoolsignaal"


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_counts_the_report_says_so(language: str) -> None:
    words = load_words(language)
    text = " ".join(pages_text(build_prevention_report(report(language, None), None)))
    assert words.counts.absent in text
    assert words.counts.forms_heading not in text
    assert words.no_school not in text  # the report's own school name


def test_a_year_without_lessons_and_the_level_column() -> None:
    words = load_words("nl")
    empty = " ".join(pages_text(build_prevention_report(report("nl", lessons=[]), None)))
    assert words.lessons.none in empty
    rows = [LessonRow("Wat is mensenhandel?", 2, 2, level="bovenbouw")]
    levelled = " ".join(pages_text(build_prevention_report(report("nl", lessons=rows), None)))
    assert words.lessons.level in levelled
    assert words.levels["bovenbouw"] in levelled
    assert words.lessons.level not in " ".join(
        pages_text(build_prevention_report(report("nl"), None))
    )


@pytest.mark.parametrize("bad", [3, 1, -1, "3", True])
def test_an_exact_small_count_is_refused(bad: object) -> None:
    counts = CaseCounts({**COUNTS.opened, "labour": bad}, COUNTS.closed, COUNTS.steps,  # type: ignore[dict-item]
                        COUNTS.referrals)  # fmt: skip
    with pytest.raises(ValueError, match="labour"):
        build_prevention_report(report("nl", counts), None)


def test_the_counts_need_every_key() -> None:
    steps = {n: 0 for n in STEPS if n != 5}
    with pytest.raises(ValueError, match="steps"):
        build_prevention_report(report("nl", CaseCounts(COUNTS.opened, COUNTS.closed, steps,
                                                        COUNTS.referrals)), None)  # fmt: skip
    assert set(COUNTS.opened) == set(FORMS)


def test_content_has_no_straight_quotes_and_the_languages_match() -> None:
    nl, en = (load_words(language) for language in LANGUAGES)
    for words in (nl, en):
        dumped = json.dumps(words.model_dump(), ensure_ascii=False)
        assert "'" not in dumped
        assert '\\"' not in dumped
    assert nl.model_dump().keys() == en.model_dump().keys()
    assert nl.counts.steps.keys() == en.counts.steps.keys()
    for words in (nl, en):
        assert sorted(words.levels) == sorted(LEVELS)
        assert sorted(words.counts.forms) == sorted(FORMS)
        assert sorted(words.counts.recipients) == sorted(RECIPIENTS)
    assert "2022" in nl.intro
    assert "2022" in en.intro


def _log(path: Path, entries: list[tuple[str, str, str]]) -> Path:
    lessons = [{"date": d, "group": g, "lesson": lesson, "title": "Eigen les", "teacher": ""}
               for d, g, lesson in entries]  # fmt: skip
    path.write_text(json.dumps({"version": 1, "lessons": lessons}), encoding="utf-8")
    return path


def test_the_cli_reads_the_lesson_log_of_a_basedir(tmp_path: Path) -> None:
    (tmp_path / "home" / "data").mkdir(parents=True)
    _log(tmp_path / "home" / "data" / "lessen-gegeven.json", [
        ("2025-07-31", "2B", "wat-is-mensenhandel"),  # the year before
        ("2025-08-01", "2B", "wat-is-mensenhandel"),
        ("2026-07-31", "2b", "wat-is-mensenhandel"),
        ("2026-01-10", "3 havo", "eigen-pdf"),
    ])  # fmt: skip
    out = tmp_path / "verslag.pdf"
    home = str(tmp_path / "home")
    result = run_python(
        CLI, "prevention-report", "--year", "2025-2026", "--basedir", home,
        "--school", "OSG De Brug", "-o", str(out),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    text = " ".join(pages_text(out.read_bytes()))
    assert "OSG De Brug" in text
    assert "2025–2026" in text
    assert re.search(r"Wat is mensenhandel\? 1 2 Eigen les 1 1 Samen 3", text), text
    assert load_words("nl").counts.absent in text


def test_the_cli_refuses_a_bad_year_and_a_missing_log(tmp_path: Path) -> None:
    log = _log(tmp_path / "log.json", [])
    out = tmp_path / "verslag.pdf"
    bad = run_python(CLI, "prevention-report", "--year", "2025-2027", "--lesson-log", str(log),
                     "-o", str(out))  # fmt: skip
    assert bad.returncode == 2
    assert "geen schooljaar" in bad.stderr
    missing = run_python(CLI, "prevention-report", "--lesson-log", str(tmp_path / "nee.json"),
                         "-o", str(out))  # fmt: skip
    assert missing.returncode == 2
    assert "bestaat niet" in missing.stderr
    assert not out.exists()
    broken = tmp_path / "kapot.json"
    broken.write_text("{", encoding="utf-8")
    result = run_python(CLI, "prevention-report", "--lesson-log", str(broken), "-o", str(out))
    assert result.returncode == 2
    assert "niet te lezen" in result.stderr
