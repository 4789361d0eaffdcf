"""The shipped DejaVu fonts, registered with Qt once, so slides look the same on every machine."""

from __future__ import annotations

import functools

from PySide6.QtGui import QFontDatabase

from toolkit.resources import resource_path

FAMILY = "DejaVu Sans"


@functools.cache
def register_fonts() -> str:
    for name in ("DejaVuSans", "DejaVuSans-Bold"):
        QFontDatabase.addApplicationFont(str(resource_path("fonts", f"{name}.ttf")))
    return FAMILY
