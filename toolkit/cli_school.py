"""``python -m toolkit``: the school's own details on a document (``--school``, ``--logo``,
``--school-contact``), as the app takes them from its settings.

A logo is checked before anything is made: a file that is missing, or is not a PNG or JPEG
picture, is refused with a sentence that says what to do.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from toolkit.cli_output import UsageError
from toolkit.school_contact import SchoolContact

# How a PNG and a JPEG file start (their "magic numbers").
_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")
_LOGO_HINT = "Geef bij --logo het pad van het logo van de school, als PNG- of JPEG-bestand."


def add_school_options(parser: argparse.ArgumentParser, *, contact: bool = False) -> None:
    """``--school`` and ``--logo`` (and ``--school-contact`` where the document shows it)."""
    if contact:
        parser.add_argument(
            "--school-contact",
            metavar="'NAME; ROLE; PHONE; E-MAIL'",
            help="the school's own contact for concerns, shown on the card and poster",
        )
    parser.add_argument("--school", default="", metavar="NAME", help="the school's name")
    parser.add_argument(
        "--logo", type=Path, metavar="FILE", help="the school's logo, a PNG or JPEG file"
    )


def school_of(args: argparse.Namespace) -> SchoolContact:
    """The school's details from the command line (empty where not given); the logo checked."""
    text = getattr(args, "school_contact", None)
    person = SchoolContact.parse(text) if text else SchoolContact()
    logo = check_logo(args.logo) if args.logo is not None else None
    return SchoolContact(
        school=args.school.strip(),
        name=person.name,
        role=person.role,
        phone=person.phone,
        email=person.email,
        logo=logo,
    )


MAX_LOGO_PIXELS = 40_000_000  # as the app's settings (desktop.school_profile): 40 MP at most


def check_logo(path: Path) -> Path:
    """``path`` if it is a PNG or JPEG picture that can be read; else :class:`UsageError`."""
    if not path.exists():
        raise UsageError(f"het logo {path} bestaat niet. {_LOGO_HINT}")
    if path.is_dir():
        raise UsageError(f"{path} is een map, geen afbeelding. {_LOGO_HINT}")
    try:
        with path.open("rb") as file:
            start = file.read(8)
    except OSError:
        raise UsageError(
            f"kan het logo {path} niet openen (geen toestemming?). {_LOGO_HINT}"
        ) from None
    if not start.startswith(_SIGNATURES):
        raise UsageError(
            f"{path} is geen PNG- of JPEG-afbeelding. Sla het logo op als PNG of JPEG "
            "(in een tekenprogramma: Opslaan als) en geef dat bestand bij --logo."
        )
    from PIL import Image  # reportlab's own image library

    try:
        with Image.open(path) as image:  # reads the header only, not the pixels yet
            width, height = image.size
            if width * height > MAX_LOGO_PIXELS:
                raise UsageError(
                    f"het logo {path} is te groot ({width} × {height} beeldpunten). Kies een "
                    "kleiner bestand: hoogstens 40 miljoen beeldpunten; 2000 beeldpunten breed "
                    "is ruim genoeg voor een logo."
                )
            image.load()  # decodes every pixel: a damaged or cut-off file fails here
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        width = height = 0
    if width <= 0 or height <= 0:
        raise UsageError(
            f"het logo {path} is beschadigd of niet te lezen. Sla het opnieuw op als PNG of "
            "JPEG en geef dat bestand bij --logo."
        )
    return path
