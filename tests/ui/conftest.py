from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.ui.app import Built, build


@pytest.fixture
def built(qtbot: QtBot, basedir: Path) -> Iterator[Built]:
    result = build(["--basedir", str(basedir)], install_hooks=False)
    qtbot.addWidget(result.window)
    return result


@pytest.fixture(autouse=True)
def _close_windows_left_open(qtbot: QtBot) -> Iterator[None]:
    """A modal dialog a test leaves open would block the keys of the next test's window."""
    yield
    from PySide6.QtWidgets import QApplication

    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            widget.close()
