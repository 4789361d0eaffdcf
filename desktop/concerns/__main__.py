"""``python -m desktop.concerns privacy-check [--facts]``: the privacy check from a terminal.

Reads UTF-8 text on standard input and prints one line per finding: ``KIND START END``, the
character offsets of ``text[start:end]`` (end exclusive), e.g. ``bsn 12 23``. Never Qt.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from desktop.concerns.privacy import FindingKind, check


def parser() -> argparse.ArgumentParser:
    kinds = ", ".join(kind.value for kind in FindingKind)
    top = argparse.ArgumentParser(
        prog="python -m desktop.concerns",
        description=(
            "Controles op vrije tekst van een zorgmelding, zonder beeldscherm. "
            "(Checks on a concern's free text, without a display.)"
        ),
    )
    commands = top.add_subparsers(dest="command", required=True, metavar="opdracht")
    check_command = commands.add_parser(
        "privacy-check",
        help="zoek persoonsgegevens in tekst van standaardinvoer (find personal data)",
        description=(
            "Leest UTF-8-tekst van standaardinvoer en schrijft per vondst één regel: "
            "SOORT BEGIN EIND (tekenposities, EIND niet meegerekend). "
            f"Soorten: {kinds}. (Reads text on stdin; prints KIND START END per finding.)"
        ),
    )
    check_command.add_argument(
        "--facts",
        action="store_true",
        help="de tekst is het veld Feiten: meld ook woorden van interpretatie "
        "(the text is a facts field: report words of interpretation too)",
    )
    return top


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parser().parse_args(argv)
    if arguments.command != "privacy-check":  # pragma: no cover - argparse refuses others
        return 2
    try:
        text = sys.stdin.buffer.read().decode("utf-8")
    except UnicodeDecodeError as error:
        print(f"De invoer is geen UTF-8 (byte {error.start}).", file=sys.stderr)
        return 2
    out = sys.stdout
    for finding in check(text, facts=arguments.facts):
        out.write(f"{finding.kind.value} {finding.start} {finding.end}\n")
    out.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
