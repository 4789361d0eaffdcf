"""The size and place of the app's windows between runs, in a small JSON file of its own.

``vensters.json`` in the config folder holds, per window name, a rectangle and whether it was
maximised, and nothing else: no page, no lesson, no case. It is not part of the settings: a
broken or missing file only means the windows open at their default size, and it is never
worth a message.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

from desktop.classroom.screen_layout import Rect
from toolkit.atomic import write_atomic

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
LARGEST = 100_000  # pixels; anything larger in the file is not a window


@dataclass(frozen=True)
class WindowPlace:
    rect: Rect
    maximized: bool = False


class WindowStates:
    """Read once, written when a window closes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._places: dict[str, WindowPlace] = self._read()

    def get(self, name: str) -> WindowPlace | None:
        return self._places.get(name)

    def put(self, name: str, place: WindowPlace) -> None:
        if not _sane(place.rect):
            return
        self._places[name] = place
        data = {
            "version": FORMAT_VERSION,
            "windows": {
                key: {
                    "x": value.rect.x,
                    "y": value.rect.y,
                    "width": value.rect.width,
                    "height": value.rect.height,
                    "maximized": value.maximized,
                }
                for key, value in sorted(self._places.items())
            },
        }
        try:
            write_atomic(self.path, (json.dumps(data, indent=2) + "\n").encode("utf-8"))
        except OSError as error:  # a read-only config folder: the next run uses the default
            log.warning("window places not saved: %s", error.strerror or type(error).__name__)

    def _read(self) -> dict[str, WindowPlace]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as error:
            log.info("window places not read (%s): default sizes", type(error).__name__)
            return {}
        windows = data.get("windows") if isinstance(data, dict) else None
        if not isinstance(windows, dict):
            return {}
        places: dict[str, WindowPlace] = {}
        for name, value in windows.items():
            place = _place(value)
            if place is not None:
                places[str(name)] = place
        return places


def _place(value: object) -> WindowPlace | None:
    if not isinstance(value, dict):
        return None
    numbers = [value.get(key) for key in ("x", "y", "width", "height")]
    ints = [n for n in numbers if isinstance(n, int) and not isinstance(n, bool)]
    if len(ints) != len(numbers):
        return None
    rect = Rect(*ints)
    if not _sane(rect):
        return None
    return WindowPlace(rect, value.get("maximized") is True)


def _sane(rect: Rect) -> bool:
    return (
        0 < rect.width < LARGEST
        and 0 < rect.height < LARGEST
        and abs(rect.x) < LARGEST
        and abs(rect.y) < LARGEST
    )
