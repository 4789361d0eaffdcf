"""Printing a 9-page lesson plan to a PDF printer through the dialog's print_to, in process.

Budget (design.md): under 3 s and under 2 MB. The reference is the bare floor: the same PDF
bytes written atomically with no Qt at all, so the ratio shows what the dialog adds. Beside it:
the page-image fallback (no CUPS, as on Windows: at most 300 dpi) and, once, the old path that
drew every page as a 1200-dpi image (``--skip-old`` leaves it out: it takes tens of seconds).

    python bench/print_job.py [--lesson ID] [--lang nl|en] [--runs N] [--skip-old]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QSizeF
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

BUDGET_S = 3.0
BUDGET_MB = 2.0


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def old_print_to(dialog: object, printer: QPrinter) -> None:
    """The path before vector printing: each page as an image at the printer's resolution."""
    from desktop.ui.print_dialog import PdfPreviewDialog

    assert isinstance(dialog, PdfPreviewDialog)
    painter = QPainter()
    assert painter.begin(printer)
    try:
        for index in range(len(dialog.document)):
            if index:
                printer.newPage()
            target = painter.viewport().size()
            points = dialog.document.point_size(index)
            scale = min(target.width() / points.width(), target.height() / points.height())
            size = QSizeF(points.width() * scale, points.height() * scale).toSize()
            painter.drawImage(QPointF(0, 0), dialog.document.render(index, size.width()))
    finally:
        painter.end()


def timed(work: Callable[[], object], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> int:
    from desktop import print_job
    from desktop.paths import resolve
    from desktop.school_profile import SchoolProfile
    from desktop.settings import Settings, SettingsStore
    from desktop.ui.print_dialog import LessonPlanPrintDialog
    from lessons.library import CONTENT, load_library
    from toolkit.atomic import write_atomic
    from toolkit.signal_card import load_signal_card

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lesson", default="criminele-uitbuiting")
    parser.add_argument("--lang", default="nl")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip-old", action="store_true")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    library = load_library(
        args.lang, CONTENT, help_lines=load_signal_card(args.lang).help_line_ids()
    )
    lesson = library.get(args.lesson).lesson
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        paths = resolve(out)
        profile = SchoolProfile(SettingsStore(paths.settings_file), Settings(), paths)
        dialog = LessonPlanPrintDialog(lesson, profile)
        data = dialog.pdf_bytes
        pages = len(dialog.document)
        print(f"lesson plan '{lesson.id}' ({args.lang}): {pages} pages, {len(data) / 1e6:.2f} MB")
        print(f"runs: {args.runs} for the reference and the PDF path, median; one for the others")

        bare = timed(lambda: write_atomic(out / "bare.pdf", data), args.runs)
        new = timed(lambda: dialog.print_to(pdf_printer(out / "new.pdf")).wait(), args.runs)
        new_size = (out / "new.pdf").stat().st_size
        assert (out / "new.pdf").read_bytes() == data

        real_send = print_job.send_pdf

        def unavailable(*_args: object, **_kwargs: object) -> None:
            raise print_job.VectorPrintUnavailable("bench: the fallback")

        print_job.send_pdf = unavailable
        try:
            fallback = timed(lambda: dialog.print_to(pdf_printer(out / "fallback.pdf")).wait(), 1)
        finally:
            print_job.send_pdf = real_send
        fallback_size = (out / "fallback.pdf").stat().st_size

        rows = [
            ("bare: bytes written atomically", bare, len(data)),
            ("print_to, PDF as it is (new)", new, new_size),
            ("print_to, images <= 300 dpi", fallback, fallback_size),
        ]
        if not args.skip_old:
            old = timed(lambda: old_print_to(dialog, pdf_printer(out / "old.pdf")), 1)
            rows.append(("old: 1200-dpi page images", old, (out / "old.pdf").stat().st_size))
        for name, seconds, size in rows:
            ratio = seconds / bare
            print(f"{name:32s} {seconds * 1000:9.1f} ms  {size / 1e6:7.2f} MB  ratio {ratio:8.1f}x")
        dialog.close()
        app.processEvents()
    ok = new < BUDGET_S and new_size < BUDGET_MB * 1e6
    verdict = "ok" if ok else "OVER"
    budget = f"budget {BUDGET_S} s, {BUDGET_MB} MB"
    print(f"PDF path {new:.3f} s, {new_size / 1e6:.2f} MB ({budget}) {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
