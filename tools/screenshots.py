"""Save a PNG of every page of the main window, per language: ``python tools/screenshots.py OUT``.

For looking at what we build (offscreen). Uses a throw-away basedir.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(out: Path) -> None:
    from desktop.language import apply_language
    from desktop.ui.app import build

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as base:
        built = build(["--basedir", base, "--lang", "nl"], install_hooks=False)
        window = built.window
        for language in ("nl", "en"):
            apply_language(language)
            for number, page in enumerate(window.pages, start=1):
                window.show_page(page)
                built.app.processEvents()
                window.grab().save(str(out / f"{language}-{number}-{type(page).__name__}.png"))
        window.close()
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "screens"))
