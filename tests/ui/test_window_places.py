"""The main window fits a small laptop's screen and opens where it was last time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_python

SHOW = (
    "import sys\n"
    "from PySide6.QtCore import QRect\n"
    "from PySide6.QtWidgets import QPushButton\n"
    "from desktop.ui.app import build\n"
    "built = build(['--basedir', sys.argv[1]], install_hooks=False)\n"
    "w = built.window\n"
    "built.app.processEvents()\n"
    "area = built.app.primaryScreen().availableGeometry()\n"
    "start = w.findChild(QPushButton, 'startLesson')\n"
    "where = QRect(start.mapTo(w, start.rect().topLeft()), start.size())\n"
    "print(area.contains(w.geometry()), w.rect().contains(where), start.isVisible())\n"
    "print(w.width(), w.height())\n"
    "if len(sys.argv) > 2:\n"
    "    w.resize(int(sys.argv[2]), int(sys.argv[3]))\n"
    "w.close()\n"
)


def one_screen(tmp_path: Path, width: int, height: int) -> str:
    config = tmp_path / "screen.json"
    screen = {"name": "laptop", "x": 0, "y": 0, "width": width, "height": height}
    config.write_text(
        json.dumps({"screens": [{**screen, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})
    )
    return f"offscreen:configfile={config}"


@pytest.mark.parametrize(("width", "height"), [(1024, 768), (1366, 768), (1920, 1080)])
def test_the_main_window_fits_and_remembers_its_size(
    tmp_path: Path, width: int, height: int
) -> None:
    platform = one_screen(tmp_path, width, height)
    home = str(tmp_path / "home")
    first = run_python(SHOW, home, "990", "700", env={"QT_QPA_PLATFORM": platform})
    assert first.returncode == 0, first.stderr
    fits, start_inside, start_visible = first.stdout.split("\n")[0].split()
    assert (fits, start_inside, start_visible) == ("True", "True", "True")
    if width >= 1300 and height >= 900:
        assert first.stdout.split("\n")[1] == "1200 780"  # room enough: the usual size
    saved = json.loads((tmp_path / "home" / "config" / "vensters.json").read_text())
    assert saved["windows"]["main"]["width"] == 990
    again = run_python(SHOW, home, env={"QT_QPA_PLATFORM": platform})
    assert again.returncode == 0, again.stderr
    assert again.stdout.split("\n")[1] == "990 700"
