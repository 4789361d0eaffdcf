"""``python -m toolkit parent-letter``: the letter to parents about the lessons (ouderbrief).

python -m toolkit parent-letter --lang nl --when "in de weken van 12 tot en met 23 januari" \\
    --school "OSG De Brug" --address "Schoolstraat 1, 1234 AB Ergens" \\
    --school-contact "J. de Vries; zorgcoördinator; 010 123 45 67; zorg@debrug.nl" -o brief.pdf
"""

from __future__ import annotations

import argparse
from typing import Any

from toolkit.cli_school import add_school_options, school_of
from toolkit.parent_letter import PARENT_LANGUAGES


def register(commands: Any) -> None:
    """Add the ``parent-letter`` command to ``python -m toolkit``'s subcommands."""
    letter = commands.add_parser(
        "parent-letter",
        help="the letter to parents announcing the lessons, on the school's letterhead",
        description=(
            "The parent letter (ouderbrief): what the lessons are about, when, why, how parents "
            "can help and where they get advice. Ukrainian, Polish, Turkish and Arabic still "
            "need checking by a native speaker; their letter says so at its foot."
        ),
    )
    letter.add_argument("--lang", choices=PARENT_LANGUAGES, default="nl")
    letter.add_argument(
        "--when",
        default="",
        metavar="TEXT",
        help="when the lessons are, in the letter's language, e.g. 'in de weken van 12 tot en "
        "met 23 januari' (default: 'in de komende periode')",
    )
    letter.add_argument(
        "--address",
        default="",
        metavar="TEXT",
        help="the school's address for the letterhead; \\n starts a new line",
    )
    add_school_options(letter, contact=True)
    letter.add_argument("-o", "--output", required=True, help="the PDF file to write")


def build(args: argparse.Namespace) -> bytes:
    from toolkit.parent_letter import build_parent_letter

    return build_parent_letter(
        args.lang, school_of(args), when=args.when, address=args.address.replace("\\n", "\n")
    )
