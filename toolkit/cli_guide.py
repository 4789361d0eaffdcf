"""``python -m toolkit guide``: the teacher guide (handleiding) as a printable A4 document.

python -m toolkit guide --lang nl --school "OSG De Brug" --logo logo.png -o handleiding.pdf
"""

from __future__ import annotations

import argparse

from toolkit.cli_school import add_school_options, school_of
from toolkit.signal_card import LANGUAGES


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``guide`` command to ``commands`` (argparse's subparsers)."""
    guide = commands.add_parser(
        "guide",
        help="the teacher guide to the lesson series, A4",
        description=(
            "The teacher guide (handleiding voor docenten): ground rules, disclosures, "
            "aftercare and how the lessons tie to the meldcode."
        ),
    )
    guide.add_argument("--lang", choices=LANGUAGES, default="nl")
    add_school_options(guide)
    guide.add_argument("-o", "--output", required=True, help="the PDF file to write")


def build(args: argparse.Namespace) -> bytes:
    from toolkit.guide_document import build_guide

    return build_guide(args.lang, school_of(args))
