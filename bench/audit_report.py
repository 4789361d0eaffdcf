"""The audit log's PDF with 2,000 rows, in process after a warm-up, beside a bare reference.

Budget: under 2 s for 2,000 rows (a vault's busy school year). The reference writes the same
2,000 rows as plain lines on a canvas in the same embedded font, so the ratio shows what the
table layout costs on top of reportlab itself.

    python bench/audit_report.py [--runs N]
"""

from __future__ import annotations

import argparse
import io
import statistics
import time
from collections.abc import Callable

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from toolkit.audit_report import AuditReportData, AuditRow, audit_report
from toolkit.pdf import REGULAR, register_fonts

ROWS = 2000
BUDGET_S = 2.0


def report(count: int) -> AuditReportData:
    """A fictional log of ``count`` rows, as the vault's audit events read."""
    what = ("Aantekening toegevoegd", "Geëxporteerd", "Kluis geopend")
    details = (
        "Waarneming toegevoegd (2 signalen)",
        "verwijsbrief aan Veilig Thuis, grondslag meldrecht, 4 onderdelen",
        "Geopend met het wachtwoord",
    )
    rows = tuple(
        AuditRow(
            seq=n,
            when=f"{n % 28 + 1} mrt 2026, 10:{n % 60:02d}:12",
            what=what[n % 3],
            case_code=f"2026-{n % 40:03d}" if n % 3 != 2 else "",
            details=details[n % 3],
        )
        for n in range(1, count + 1)
    )
    return AuditReportData(
        school="De Brug", vault_made="2 maart 2026", printed_on="30 november 2026", rows=rows,
        chain_ok=True, chain_text=f"De auditlog is compleet en ongewijzigd ({count} regels).",
        language="nl",
    )  # fmt: skip


def bare(lines: list[str]) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=True, initialFontName=REGULAR)
    y = A4[1] - 20 * mm
    canvas.setFont(REGULAR, 8)
    for line in lines:
        if y < 20 * mm:
            canvas.showPage()
            canvas.setFont(REGULAR, 8)
            y = A4[1] - 20 * mm
        canvas.drawString(18 * mm, y, line[:120])
        y -= 8 * mm
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def timed(make: Callable[[], bytes], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        make()
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    register_fonts()
    data = report(ROWS)
    lines = [f"{r.seq} {r.when} {r.what} {r.case_code} {r.details}" for r in data.rows]
    audit_report(data)  # warm-up
    bare(lines)
    ours = statistics.median(timed(lambda: audit_report(data), args.runs))
    reference = statistics.median(timed(lambda: bare(lines), args.runs))
    verdict = "within" if ours <= BUDGET_S else "OVER"
    print(
        f"audit log, {ROWS} rows: median {ours:.2f} s; bare canvas {reference:.3f} s; "
        f"ratio {ours / reference:.0f}x; budget {BUDGET_S:.0f} s: {verdict}"
    )


if __name__ == "__main__":
    main()
