from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from desktop import i18n

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "resources" / "locale"
CATALOGS = sorted(LOCALE.glob("*/LC_MESSAGES/schoolsignaal.po"))
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def test_there_is_an_english_catalog() -> None:
    assert [p.parts[-3] for p in CATALOGS] == ["en"]


@pytest.mark.parametrize("po_file", CATALOGS, ids=lambda p: p.parts[-3])
def test_catalog_passes_babel_checks(po_file: Path) -> None:
    with po_file.open("rb") as handle:
        catalog = read_po(handle)
    problems = [(message.id, errors) for message, errors in catalog.check() if errors]
    assert problems == []


@pytest.mark.parametrize("po_file", CATALOGS, ids=lambda p: p.parts[-3])
def test_every_dutch_string_is_translated(po_file: Path) -> None:
    with po_file.open("rb") as handle:
        catalog = read_po(handle)
    untranslated = [m.id for m in catalog if m.id and (not m.string or m.fuzzy)]
    assert untranslated == []
    mismatched = [
        m.id
        for m in catalog
        if m.id
        and isinstance(m.id, str)
        and set(PLACEHOLDER.findall(m.id)) != set(PLACEHOLDER.findall(str(m.string)))
    ]
    assert mismatched == []


def test_catalog_holds_every_string_in_the_code(tmp_path: Path) -> None:
    pot = tmp_path / "fresh.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "_",
            "-k",
            "N_",
            "-k",
            "ngettext:1,2",
            "--no-location",
            "-o",
            str(pot),
            ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    with pot.open("rb") as handle:
        in_code = {m.id for m in read_po(handle) if m.id}
    with CATALOGS[0].open("rb") as handle:
        in_catalog = {m.id for m in read_po(handle) if m.id}
    missing = sorted(str(i) for i in in_code - in_catalog)
    assert missing == [], "run `make i18n-update` and translate: " + "; ".join(missing[:5])


def test_switching_language() -> None:
    assert i18n._("Lessen") == "Lessen"
    i18n.set_language("en")
    assert i18n._("Lessen") == "Lessons"
    assert i18n.current_language() == "en"
    with pytest.raises(ValueError, match="unsupported"):
        i18n.set_language("fr")
    assert i18n.current_language() == "en"


def test_listeners_hear_a_switch() -> None:
    heard: list[str] = []
    i18n.on_language_changed(heard.append)
    i18n.set_language("en")
    i18n.set_language("nl")
    assert heard[-2:] == ["en", "nl"]


def test_dates_and_numbers_follow_the_language() -> None:
    day = dt.date(2026, 3, 1)
    assert i18n.format_date(day) == "1 maart 2026"
    assert i18n.format_number(1234.5) == "1.234,5"
    i18n.set_language("en")
    assert i18n.format_date(day) == "March 1, 2026"
    assert i18n.format_number(1234.5) == "1,234.5"


def test_no_translation_call_hides_inside_an_f_string() -> None:
    """Babel cannot extract `_("...")` written inside an f-string: it would stay untranslated."""
    import ast

    def is_literal_translation(node: ast.AST) -> bool:
        return (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in {"_", "N_", "ngettext"}
            and bool(node.args)
            and isinstance(node.args[0], ast.Constant)
        )

    hidden = [
        f"{path.name}:{inner.lineno}"
        for path in sorted((ROOT / "desktop").rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.JoinedStr)
        for inner in ast.walk(node)
        if is_literal_translation(inner)
    ]
    assert hidden == []
