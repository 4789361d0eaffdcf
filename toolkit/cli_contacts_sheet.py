"""``python -m toolkit contacts-sheet``: the school's contacts sheet (sociale kaart).

python -m toolkit contacts-sheet --lang nl --school "OSG De Brug" \\
    --school-contact "A. Jansen; zorgcoördinator; 030-1234567; zorg@debrug.nl" \\
    --contact "veilig_thuis; Veilig Thuis regio …; team advies; 0…; ; vraag naar de adviseur" \\
    -o contactenblad.pdf

Each ``--contact`` is ``KIND; ORGANISATION; NAME; PHONE; E-MAIL; NOTE`` (the last four may be
empty), KIND one of :data:`toolkit.contacts_sheet.KINDS`. Without contacts the sheet has empty
rows to write them in; the national lines are always on it.
"""

from __future__ import annotations

import argparse
from typing import Any

from toolkit.cli_output import UsageError
from toolkit.cli_school import add_school_options, school_of
from toolkit.contacts_sheet import KINDS, build_contacts_sheet, parse_contact
from toolkit.signal_card import LANGUAGES


def register(commands: Any) -> None:
    """Add the ``contacts-sheet`` command to ``commands`` (argparse's subparsers)."""
    sheet: argparse.ArgumentParser = commands.add_parser(
        "contacts-sheet",
        help="the school's contacts sheet (sociale kaart): its own contacts and the national lines",
        description=(
            "The contacts sheet (contactenblad): the school's care coordinator, the regional "
            "contacts the school gives with --contact, and the national help lines."
        ),
    )
    sheet.add_argument("--lang", choices=LANGUAGES, default="nl")
    add_school_options(sheet, contact=True)
    sheet.add_argument(
        "--contact",
        action="append",
        default=[],
        metavar="'KIND; ORGANISATION; NAME; PHONE; E-MAIL; NOTE'",
        help=f"a contact of the school, again for each; KIND one of: {', '.join(KINDS)}",
    )
    sheet.add_argument("-o", "--output", required=True, help="the PDF file to write")


def build(args: argparse.Namespace) -> bytes:
    contacts = []
    for text in args.contact:
        try:
            contacts.append(parse_contact(text, args.lang))
        except ValueError as err:
            raise UsageError(f"--contact: {err}") from None
    return build_contacts_sheet(args.lang, school_of(args), contacts)
