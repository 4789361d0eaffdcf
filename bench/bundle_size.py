"""Bundle size against a bare PySide6 window's bundle, both one-folder and stripped.

Builds the reference (bench/bare_window.spec) into build/bare and dist/bare and measures it
beside dist/schoolsignaal (made by `make bundle`). Budget (design.md): at most 1.4x.

    python bench/bundle_size.py [--no-build]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET = 1.4


def size_mb(folder: Path) -> float:
    files = (p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.stat().st_size for p in files) / 1_000_000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-build", action="store_true", help="measure existing folders only")
    args = parser.parse_args()
    app = ROOT / "dist" / "schoolsignaal"
    bare = ROOT / "dist" / "bare" / "bare_window"
    if not args.no_build:
        subprocess.run(
            [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
             "--distpath", str(ROOT / "dist" / "bare"), "--workpath", str(ROOT / "build" / "bare"),
             str(ROOT / "bench" / "bare_window.spec")],
            check=True,
        )  # fmt: skip
    if not app.is_dir():
        raise SystemExit("dist/schoolsignaal is missing: run `make bundle` first")
    app_mb, bare_mb = size_mb(app), size_mb(bare)
    ratio = app_mb / bare_mb
    print(f"bare PySide6 window bundle: {bare_mb:6.1f} MB")
    print(f"Schoolsignaal bundle:       {app_mb:6.1f} MB")
    print(f"ratio: {ratio:.2f} (budget {BUDGET}) {'ok' if ratio <= BUDGET else 'OVER'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
