"""Slide changes at 1920 x 1080, in process: Next pressed, the audience window repainted.

Budget (design.md): p95 under 16 ms. The reference is a bare widget of the same size that
paints one line of text, repainted the same way in the same run.

    python bench/slides.py [LESSON.yaml] [--rounds N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "lessons" / "nl" / "00-proefles.yaml"
BUDGET_MS = 16.0


class Bare(QWidget):
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        painter.drawText(100, 100, "Een regel tekst")
        painter.end()


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def main() -> int:
    from desktop.presenter import Presentation
    from desktop.ui.presenter.session import PresenterSession
    from lessons.library import read_lesson

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("lesson", nargs="?", type=Path, default=FIXTURE)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    lesson = read_lesson(args.lesson)
    session = PresenterSession(Presentation(lesson, args.lesson.parent, lesson.levels[0]))
    session.start()
    session.audience.showNormal()  # one screen: full screen at that screen's size; this size
    session.audience.resize(1920, 1080)
    bare = Bare()
    bare.resize(1920, 1080)
    bare.show()
    app.processEvents()
    p = session.presentation

    changes: list[float] = []
    reference: list[float] = []
    for round_number in range(args.rounds + 1):
        p.first()
        app.processEvents()
        while True:
            before = (p.index, p.step)
            start = time.perf_counter()
            p.next()
            session.audience.canvas.repaint()
            elapsed = (time.perf_counter() - start) * 1000
            if (p.index, p.step) == before:
                break
            start = time.perf_counter()
            bare.repaint()
            bare_elapsed = (time.perf_counter() - start) * 1000
            if round_number:  # round 0 warms up: fonts, SVGs, layouts
                changes.append(elapsed)
                reference.append(bare_elapsed)
    size = session.audience.canvas.size()
    session.close()
    p95, ref95 = percentile(changes, 0.95), percentile(reference, 0.95)
    platform = os.environ["QT_QPA_PLATFORM"]
    print(f"lesson: {lesson.id}, {len(changes)} slide changes at 1920x1080 ({platform})")
    print(f"audience canvas: {size.width()}x{size.height()}")
    print(f"slide change: median {statistics.median(changes):5.2f} ms, p95 {p95:5.2f} ms")
    print(f"bare widget:  median {statistics.median(reference):5.2f} ms, p95 {ref95:5.2f} ms")
    verdict = "ok" if p95 < BUDGET_MS else "OVER"
    print(f"ratio p95 {p95 / ref95:.1f}x; budget p95 < {BUDGET_MS:.0f} ms: {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
