from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths

from desktop import paths


def test_basedir_holds_everything(tmp_path: Path) -> None:
    p = paths.resolve(tmp_path).ensure()
    for folder in (p.data, p.config, p.logs, p.crash_dir, p.documents):
        assert folder.is_dir()
        assert folder.is_relative_to(tmp_path)
    assert p.settings_file.parent == p.config


def test_environment_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(paths.ENV_HOME, str(tmp_path))
    assert paths.resolve().data == tmp_path / "data"


def test_platform_folders_without_basedir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(paths.ENV_HOME, raising=False)
    QStandardPaths.setTestModeEnabled(True)  # Qt's own test folders, never the real home
    try:
        p = paths.resolve()
    finally:
        QStandardPaths.setTestModeEnabled(False)
    assert "Schoolsignaal" in str(p.data)
    assert "Schoolsignaal" in str(p.config)
