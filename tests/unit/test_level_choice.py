from __future__ import annotations

import json
from pathlib import Path

from desktop.classroom.level_choice import LevelChoice


def test_remembered_between_runs(tmp_path: Path) -> None:
    path = tmp_path / "niveau.json"
    assert LevelChoice(path).level is None  # nothing chosen yet
    LevelChoice(path).remember("mbo")
    assert json.loads(path.read_text(encoding="utf-8")) == {"version": 1, "level": "mbo"}
    assert LevelChoice(path).level == "mbo"


def test_a_broken_or_strange_file_means_no_choice(tmp_path: Path) -> None:
    path = tmp_path / "niveau.json"
    for text in ("{kapot", '{"level": "alle"}', "[]", '{"level": 3}'):
        path.write_text(text, encoding="utf-8")
        assert LevelChoice(path).level is None, text
    choice = LevelChoice(path)
    choice.remember("onderbouw")  # and it is written again
    assert LevelChoice(path).level == "onderbouw"


def test_without_a_file_it_lasts_for_this_run(tmp_path: Path) -> None:
    choice = LevelChoice(None)
    choice.remember("bovenbouw")
    assert choice.level == "bovenbouw"
    assert list(tmp_path.iterdir()) == []
