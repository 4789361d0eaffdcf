"""Test set-up: offscreen Qt, a throw-away basedir, Dutch as the starting language."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never touch the real home folder: every test gets its own basedir (see `basedir`).
os.environ.pop("SCHOOLSIGNAAL_HOME", None)

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def basedir(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture(autouse=True)
def _dutch_after_each_test() -> Iterator[None]:
    yield
    from desktop import i18n

    if i18n.current_language() != "nl":
        if "PySide6.QtWidgets" in sys.modules:
            from desktop.language import apply_language

            apply_language("nl")
        else:
            i18n.set_language("nl")


def run_python(code: str, *args: str, env: dict[str, str] | None = None, timeout: float = 120):  # type: ignore[no-untyped-def]
    """Run ``code`` in a fresh interpreter from the repo root; returns CompletedProcess."""
    import subprocess

    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
