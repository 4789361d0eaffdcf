"""The arrows of design.md: desktop/ui -> desktop -> toolkit -> lessons, and Qt where it belongs."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def imports_of(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def python_files(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def offending(files: list[Path], forbidden: tuple[str, ...]) -> list[str]:
    bad = []
    for path in files:
        for name in imports_of(path):
            if any(name == f or name.startswith(f + ".") for f in forbidden):
                bad.append(
                    f"{path.name} imports {name}"
                    if not path.is_relative_to(ROOT)
                    else f"{path.relative_to(ROOT)} imports {name}"
                )
    return bad


@pytest.mark.parametrize("folder", ["lessons", "toolkit"])
def test_core_imports_no_qt_and_no_desktop(folder: str) -> None:
    files = python_files(folder)
    assert files, f"no Python files found under {folder}/"
    assert offending(files, ("PySide6", "shiboken6", "desktop")) == []


def test_lessons_import_nothing_above_them() -> None:
    assert offending(python_files("lessons"), ("toolkit",)) == []


def test_desktop_outside_ui_imports_no_widgets() -> None:
    files = [
        p
        for p in python_files("desktop")
        if "ui" not in p.relative_to(ROOT / "desktop").parts
        and p.name != "__main__.py"  # the composition root hands over to desktop.ui
    ]
    assert files
    assert offending(files, ("PySide6.QtWidgets", "PySide6.QtPrintSupport", "desktop.ui")) == []


# The concern log's link to the vault and to time uses QtCore (signals, timers, threads).
CONCERNS_ON_QTCORE = {"session.py", "idle.py", "platform_events.py"}


def test_concerns_rules_import_no_qt() -> None:
    """The care coordinator's rules (privacy check, meldcode) run and test without Qt at all."""
    files = [p for p in python_files("desktop/concerns") if p.name not in CONCERNS_ON_QTCORE]
    assert files, "no Python files found under desktop/concerns/"
    assert offending(files, ("PySide6", "shiboken6", "desktop.ui")) == []


def test_concerns_session_uses_only_qtcore() -> None:
    files = [p for p in python_files("desktop/concerns") if p.name in CONCERNS_ON_QTCORE]
    assert len(files) == len(CONCERNS_ON_QTCORE)
    assert offending(files, ("PySide6.QtGui", "PySide6.QtWidgets", "desktop.ui")) == []


def test_ui_holds_no_sql_and_no_pdf_drawing() -> None:
    assert offending(python_files("desktop/ui"), ("sqlalchemy", "sqlcipher3", "reportlab")) == []


def test_the_scanner_sees_a_forbidden_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("from PySide6 import QtWidgets\nimport desktop.ui.app\n")
    assert len(offending([sample], ("PySide6", "desktop"))) >= 2


def test_referral_rules_import_no_qt() -> None:
    """The referral letter's assembly and its legal rules run and test without Qt at all."""
    files = [*python_files("desktop/referrals"), ROOT / "desktop/vault/sharing_rules.py"]
    assert len(files) > 3
    assert offending(files, ("PySide6", "shiboken6", "desktop.ui")) == []
