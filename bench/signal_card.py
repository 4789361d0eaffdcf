"""Signal card build time in process, after warm-up, beside a bare reportlab page.

Budget (issue 3): every format under 150 ms. The reference is one A4 page with one
paragraph in the same embedded font, built the same way, so the ratio shows what our layout
costs on top of reportlab itself.

    python bench/signal_card.py [--runs N]
"""

from __future__ import annotations

import argparse
import functools
import io
import statistics
import time
from collections.abc import Callable

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, Paragraph

from toolkit.pdf import REGULAR, register_fonts, style
from toolkit.school_contact import SchoolContact
from toolkit.signal_card import load_signal_card
from toolkit.signal_card_documents import build_signal_card

BUDGET_MS = 150.0


def bare_page() -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=True, initialFontName=REGULAR)
    frame = Frame(50, 50, A4[0] - 100, A4[1] - 100)
    frame.addFromList([Paragraph("Signalenkaart: één pagina als referentie.", style("p"))], canvas)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def timed(work: Callable[[], bytes], runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    runs = parser.parse_args().runs
    register_fonts()
    contact = SchoolContact("De Linde", "A. de Vries", "zorgcoördinator", "030-1234567", "z@l.nl")
    for language in ("nl", "en"):
        load_signal_card(language)
    cases: dict[str, Callable[[], bytes]] = {"bare reportlab page": bare_page}
    for language in ("nl", "en"):
        for fmt, paper in (("trifold", "a4"), ("pocket", "a4"), ("poster", "a4"), ("poster", "a3")):
            name = f"{fmt} {paper} {language}"
            cases[name] = functools.partial(
                build_signal_card, language, fmt, paper=paper, contact=contact
            )
    for work in cases.values():  # warm-up: fonts parsed, content loaded, code paths hot
        work()
    bare_median, _ = timed(bare_page, runs)
    print(f"runs: {runs} each, in process, after one warm-up")
    worst = 0.0
    for name, work in cases.items():
        median, p95 = timed(work, runs)
        worst = max(worst, p95) if name != "bare reportlab page" else worst
        ratio = median / bare_median
        print(f"{name:22s} median {median:6.1f} ms  p95 {p95:6.1f} ms  ratio {ratio:5.1f}x")
    verdict = "ok" if worst < BUDGET_MS else "OVER"
    print(f"slowest p95 {worst:.1f} ms (budget {BUDGET_MS:.0f} ms) {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
