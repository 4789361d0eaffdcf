"""Start-up against a bare PySide6 window, as whole processes, alternating.

Times ``python -m desktop --quit-on-first-paint`` and ``python bench/bare_window.py`` (a window
that quits on its first paint), at least 7 runs each after one warm-up, and prints each median,
each median peak RSS, and the two ratios against the budgets of design.md (first paint at most
1.4x, peak RSS at most 1.5x).

    python bench/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIME_BUDGET = 1.4
MEMORY_BUDGET = 1.5


def measure(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one whole process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited {process.returncode}")
    return elapsed, usage.ru_maxrss / 1024  # ru_maxrss is KiB on Linux


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    runs = max(7, args.runs)
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    # As on a school's computer: the warm-up run leaves .pyc files that later runs use. (A
    # shell with PYTHONDONTWRITEBYTECODE would otherwise compile every module at every start.)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as base:
        app = [sys.executable, "-m", "desktop", "--quit-on-first-paint", "--basedir", base]
        bare = [sys.executable, str(ROOT / "bench" / "bare_window.py")]
        measure(app, env)  # warm-up: file cache, .pyc files, font cache
        measure(bare, env)
        results: dict[str, list[tuple[float, float]]] = {"app": [], "bare": []}
        for _ in range(runs):
            results["bare"].append(measure(bare, env))
            results["app"].append(measure(app, env))

    def median(name: str, index: int) -> float:
        return statistics.median(r[index] for r in results[name])

    app_time, bare_time = median("app", 0), median("bare", 0)
    app_rss, bare_rss = median("app", 1), median("bare", 1)
    time_ratio, rss_ratio = app_time / bare_time, app_rss / bare_rss
    print(f"runs: {runs} each, alternating, after one warm-up each")
    print(
        f"bare PySide6 window: first paint {bare_time * 1000:7.1f} ms, peak RSS {bare_rss:6.1f} MiB"
    )
    print(
        f"Schoolsignaal:       first paint {app_time * 1000:7.1f} ms, peak RSS {app_rss:6.1f} MiB"
    )
    ok_time, ok_rss = time_ratio <= TIME_BUDGET, rss_ratio <= MEMORY_BUDGET
    print(
        f"ratio first paint: {time_ratio:.2f} (budget {TIME_BUDGET}) {'ok' if ok_time else 'OVER'}"
    )
    print(
        f"ratio peak RSS:    {rss_ratio:.2f} (budget {MEMORY_BUDGET}) {'ok' if ok_rss else 'OVER'}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
