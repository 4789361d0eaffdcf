"""``--smoke-test``: build every page, paint it offscreen, write one of each document, exit."""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.documents import write_sample_documents

if TYPE_CHECKING:
    from desktop.ui.app import Built


def preview_first_pages(paths: list[Path]) -> int:
    """Render each document's first page as the print preview does (PDFium in the bundle)."""
    from desktop.pdf_pages import PdfPages

    pages = PdfPages()
    for path in paths:
        pages.load(path.read_bytes())
        if len(pages) == 0 or pages.render(0, 300).isNull():
            raise RuntimeError(f"{path.name}: the preview shows no page")
    pages.close()
    return len(paths)


def run_smoke_test(built: Built) -> int:
    window = built.window
    try:
        from desktop.language import qt_catalog_loaded, qt_translations_folder

        if not qt_catalog_loaded():  # build.spec left qtbase_<lang>.qm out: dialogs in English
            raise RuntimeError(f"Qt's own catalog is missing in {qt_translations_folder()}")
        for page in window.pages:
            window.show_page(page)
            built.app.processEvents()
            if window.grab().isNull():
                raise RuntimeError(f"page {type(page).__name__} did not paint")
            if built.crashes:  # raised inside a Qt event: the hook caught it, not our try
                raise RuntimeError(f"page {type(page).__name__} raised an uncaught error")
        from desktop.ui.concerns.smoke import walk_concern_screens

        concern_screens = walk_concern_screens(built.profile, built.app)
        written = write_sample_documents(built.startup.paths.documents)
        previewed = preview_first_pages(written)
    except Exception as err:  # report and fail: the smoke test exists to catch anything
        print(f"smoke test FAILED: {type(err).__name__}: {err}", file=sys.stderr)
        traceback.print_exc()
        return 1
    print(
        f"smoke test: {len(window.pages)} pages built, {concern_screens} concern screens, "
        f"{len(written)} documents written, {previewed} previewed"
    )
    for path in written:
        print(f"  {path}")
    return 0
