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
