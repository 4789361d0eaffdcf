"""Referral letter build time in process, after warm-up, beside a bare reportlab letter.

Budgets (issue 11, shared/design.md): a 2-page letter under 50 ms, a 20-page letter under
200 ms. The reference is a one-page letter drawn straight on a canvas (a few drawString lines
in the same embedded fonts), built in the same run, so the ratio shows what the layout costs
on top of reportlab itself. The letters are the built-in example with its entries repeated, as
many as still fill exactly 2 and 20 pages.

    python bench/letter.py [--runs N]
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import io
import itertools
import statistics
import time
from collections.abc import Callable

from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from toolkit.pdf import BOLD, REGULAR, register_fonts
from toolkit.referral_letter import ReferralLetter, example_letter, referral_letter

BUDGETS_MS = {2: 50.0, 20: 200.0}
SHORTER = ("involved", "meldcode", "safety", "request")  # left out, in turn, for 2 pages


def bare_letter() -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=True, initialFontName=REGULAR)
    canvas.setFont(BOLD, 12)
    canvas.drawRightString(A4[0] - 20 * mm, A4[1] - 20 * mm, "OSG De Brug")
    canvas.setFont(REGULAR, 10)
    lines = (
        "Zorgcoördinatie mensenhandel regio (voorbeeld)",
        "Postbus 1000, 1200 AA Voorbeeldstad",
        "30 november 2026",
        "Betreft: verwijzing, melding 2026-014",
        "Geachte heer, mevrouw,",
        "Met deze brief verwijzen wij een leerling van onze school naar u.",
        "Met vriendelijke groet,",
        "A. Voorbeeld, zorgcoördinator",
    )
    for number, line in enumerate(lines):
        canvas.drawString(25 * mm, A4[1] - (50 + 9 * number) * mm, line)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def scaled(letter: ReferralLetter, count: int) -> ReferralLetter:
    """The example with ``count`` entries: its own, repeated in turn."""
    sections = tuple(
        dataclasses.replace(
            part, entries=tuple(itertools.islice(itertools.cycle(part.entries), count))
        )
        if part.entries
        else part
        for part in letter.sections
    )
    return dataclasses.replace(letter, sections=sections)


def page_count(letter: ReferralLetter) -> int:
    return len(PdfReader(io.BytesIO(referral_letter(letter))).pages)


def with_pages(pages: int) -> ReferralLetter:
    """The example scaled to the most entries that still fill exactly ``pages`` pages."""
    example = example_letter("nl")
    for key in SHORTER:  # a short letter leaves out sections, as a real one may
        if page_count(scaled(example, 1)) <= pages:
            break
        sections = tuple(part for part in example.sections if part.key != key)
        example = dataclasses.replace(example, sections=sections)
    low, high = 0, 1
    while page_count(scaled(example, high)) <= pages:
        low, high = high, high * 2
    while high - low > 1:  # page_count(low) <= pages < page_count(high)
        middle = (low + high) // 2
        low, high = (
            (middle, high) if page_count(scaled(example, middle)) <= pages else (low, middle)
        )
    letter = scaled(example, low)
    if page_count(letter) != pages:
        raise RuntimeError(f"cannot make a letter of exactly {pages} pages")
    return letter


def timed(work: Callable[[], bytes], runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[max(int(len(samples) * 0.95) - 1, 0)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    runs = parser.parse_args().runs
    register_fonts()
    letters = {pages: with_pages(pages) for pages in BUDGETS_MS}
    cases: dict[str, Callable[[], bytes]] = {"bare reportlab letter": bare_letter}
    for pages, letter in letters.items():
        cases[f"letter, {pages} pages"] = functools.partial(referral_letter, letter)
    for work in cases.values():  # warm-up: fonts parsed, content loaded, code paths hot
        work()
    print(f"runs: {runs} each, in process, after one warm-up")
    bare_median, _ = timed(bare_letter, runs)
    print(f"{'bare reportlab letter':22s} median {bare_median:6.1f} ms  (1 page, reference)")
    over = False
    for pages in BUDGETS_MS:
        median, p95 = timed(cases[f"letter, {pages} pages"], runs)
        budget = BUDGETS_MS[pages]
        verdict = "OK" if median < budget else "OVER"
        over = over or median >= budget
        entries = sum(len(part.entries) for part in letters[pages].sections)
        print(f"letter, {pages} pages: {len(letters[pages].sections)} sections, {entries} entries")
        print(
            f"{f'letter, {pages} pages':22s} median {median:6.1f} ms  p95 {p95:6.1f} ms  "
            f"ratio {median / bare_median:5.1f}x  budget {budget:.0f} ms  {verdict}"
        )
    return 1 if over else 0


if __name__ == "__main__":
    raise SystemExit(main())
