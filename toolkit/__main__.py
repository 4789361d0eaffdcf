"""``python -m toolkit``: print the toolkit's documents from the command line, without the app.

python -m toolkit signal-card --lang nl --format trifold -o signalenkaart.pdf
python -m toolkit signal-card --lang en --format poster --paper a3 -o poster.pdf
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from lessons.datafile import ContentError
from toolkit.pdf import PanelOverflow, save
from toolkit.school_contact import SchoolContact
from toolkit.signal_card import LANGUAGES
from toolkit.signal_card_documents import FORMATS, build_signal_card


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="python -m toolkit",
        description="Print Schoolsignaal's documents as PDF files.",
    )
    commands = main.add_subparsers(dest="command", required=True, metavar="COMMAND")
    card = commands.add_parser(
        "signal-card",
        help="the signal card: folded A4 (trifold), pocket card (A6, 4 a sheet) or pupils' poster",
        description="The signal card (signalenkaart) in one of its printed formats.",
    )
    card.add_argument("--lang", choices=LANGUAGES, default="nl")
    card.add_argument("--format", choices=FORMATS, default="trifold", dest="fmt")
    card.add_argument("--paper", choices=("a4", "a3"), default="a4", help="poster only")
    card.add_argument(
        "--school-contact",
        metavar="'NAME; ROLE; PHONE; E-MAIL'",
        help="the school's own contact for concerns, shown on the card and poster",
    )
    card.add_argument("--school", default="", help="the school's name")
    card.add_argument("-o", "--output", required=True, help="the PDF file to write")
    return main


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    contact = SchoolContact.parse(args.school_contact) if args.school_contact else SchoolContact()
    if args.school:
        contact = SchoolContact(
            args.school, contact.name, contact.role, contact.phone, contact.email
        )
    try:
        data = build_signal_card(args.lang, args.fmt, paper=args.paper, contact=contact)
        path = save(data, args.output)
    except (ContentError, PanelOverflow) as err:
        print(f"Fout: {err}", file=sys.stderr)
        return 1
    except OSError as err:
        print(f"Fout: kan {args.output} niet schrijven: {err.strerror}", file=sys.stderr)
        return 1
    print(f"{path} ({len(data) // 1024} kB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
