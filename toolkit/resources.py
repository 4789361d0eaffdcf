"""Where the shipped data files are: fonts, icons, catalogs (the `resources/` folder).

From the source tree and from the PyInstaller bundle alike, `resources/` sits next to the
`toolkit` package (the spec file ships it as data at the bundle's root).
"""

from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """The path of a shipped resource, e.g. ``resource_path("fonts", "DejaVuSans.ttf")``."""
    return RESOURCES.joinpath(*parts)
