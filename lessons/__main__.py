"""``python -m lessons check [DIR]``: validate every lesson and print a line per lesson.

DIR holds one folder per language (``nl``, ``en``); by default the shipped lessons. Exits 1 on
any error, with the file, line and field of each.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from lessons.library import CONTENT, load_library


def check(root: Path) -> int:
    languages = (
        sorted(p.name for p in root.iterdir() if p.is_dir() and len(p.name) == 2)
        if root.is_dir()
        else []
    )
    if not languages:
        print(f"Geen lessen gevonden in {root} (verwacht: mappen per taal, zoals nl/ en en/).")
        return 1
    errors = 0
    total = 0
    for language in languages:
        library = load_library(language, root)
        for loaded in library.lessons:
            lesson = loaded.lesson
            total += 1
            planned = ", ".join(
                f"{level} {lesson.for_level(level).planned_minutes():g}" for level in lesson.levels
            )
            print(
                f"ok    {lesson.id:32s} {language}  {len(lesson.slides):2d} slides  "
                f"{lesson.duration:3d} min  (gepland per niveau: {planned} min)"
            )
        for broken in library.broken:
            errors += len(broken.problems)
            print(f"FOUT  {broken.path.relative_to(root)}", file=sys.stdout)
            for problem in broken.problems:
                print(f"      {problem}")
    print(f"{total} lessen in orde, {errors} fouten.")
    return 1 if errors else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lessons", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    checker = commands.add_parser("check", help="validate every lesson file")
    checker.add_argument("dir", nargs="?", type=Path, default=CONTENT)
    args = parser.parse_args(argv)
    return check(args.dir)


if __name__ == "__main__":
    raise SystemExit(main())
