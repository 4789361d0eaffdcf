"""The level the teacher last chose on the Lessen page, kept between runs.

``niveau.json`` in the config folder holds one word (onderbouw, bovenbouw, mbo or eenvoudig)
and nothing else: no lesson, no group, no case. Like the window sizes (``desktop.window_state``)
it is not part of the settings: a broken or missing file only means the lesson's first level is
chosen.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from toolkit.atomic import write_atomic

if TYPE_CHECKING:
    from lessons.model import Level

log = logging.getLogger(__name__)

FORMAT_VERSION = 1


class LevelChoice:
    """Read when first asked (after the window paints: the lesson model loads pydantic);
    written when the teacher picks another level."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._level: Level | None = None
        self._read_yet = path is None

    @property
    def level(self) -> Level | None:
        if not self._read_yet:
            self._read_yet = True
            self._level = self._read()
        return self._level

    def remember(self, level: Level) -> None:
        if level == self.level:
            return
        self._level = level
        if self.path is None:
            return
        data = {"version": FORMAT_VERSION, "level": level}
        try:
            write_atomic(self.path, (json.dumps(data) + "\n").encode("utf-8"))
        except OSError as error:  # a read-only config folder: the next run starts at the first
            log.warning("level not saved: %s", error.strerror or type(error).__name__)

    def _read(self) -> Level | None:
        if self.path is None:
            return None
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as error:
            log.info("level not read (%s): the lesson's first", type(error).__name__)
            return None
        from lessons.model import LEVELS

        value = data.get("level") if isinstance(data, dict) else None
        return next((level for level in LEVELS if level == value), None)
