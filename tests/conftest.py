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


@pytest.fixture(scope="session")
def _refusing_lp(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with an ``lp`` that refuses every job (and an ``lpstat``): first on the PATH in
    every test, so that no test ever reaches a real printer or print system (tests that need
    lp put their own fake first)."""
    folder = tmp_path_factory.mktemp("refusing-lp")
    script = folder / "lp"
    script.write_text("#!/bin/sh\necho 'lp: Error - a test reached lp.' >&2\nexit 1\n")
    script.chmod(0o755)
    lpstat = folder / "lpstat"
    lpstat.write_text("#!/bin/sh\necho 'scheduler is running'\n")
    lpstat.chmod(0o755)
    return folder


@pytest.fixture(autouse=True)
def _no_real_printer(_refusing_lp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", f"{_refusing_lp}{os.pathsep}{os.environ.get('PATH', '')}")


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
