"""``python -m toolkit key-messages``: the key messages card (gesprekskaart), four to a sheet.

python -m toolkit key-messages --lang nl --school "OSG De Brug" \\
    --school-contact "Anna de Vries; zorgcoördinator; 030-1234567; zorg@debrug.nl" -o kaart.pdf
"""

from __future__ import annotations

import argparse

from toolkit.cli_school import add_school_options, school_of
from toolkit.signal_card import LANGUAGES


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``key-messages`` command to ``commands`` (argparse's subparsers)."""
    card = commands.add_parser(
        "key-messages",
        help="the conversation card for staff when a pupil discloses (A6, 4 a sheet, two-sided)",
        description=(
            "The key messages card (gesprekskaart): how to respond when a pupil tells you "
            "something, and what happens next. Print double-sided, flip on the long edge."
        ),
    )
    card.add_argument("--lang", choices=LANGUAGES, default="nl")
    add_school_options(card, contact=True)
    card.add_argument("-o", "--output", required=True, help="the PDF file to write")


def build(args: argparse.Namespace) -> bytes:
    from toolkit.key_messages import build_key_messages

    return build_key_messages(args.lang, school_of(args))
