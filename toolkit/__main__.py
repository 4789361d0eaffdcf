"""``python -m toolkit``: print the toolkit's documents from the command line, without the app.

python -m toolkit signal-card --lang nl --format trifold -o signalenkaart.pdf
python -m toolkit signal-card --lang en --format poster --paper a3 -o poster.pdf
python -m toolkit lesson-plan --lesson wat-is-mensenhandel --level onderbouw -o lesplan.pdf
python -m toolkit lesson-plan --lesson wat-is-mensenhandel --level mbo --worksheet -o werkblad.pdf
python -m toolkit referral-letter --example --lang nl -o voorbeeldbrief.pdf
python -m toolkit observation-form --lang nl --school "OSG De Brug" -o observatieformulier.pdf
python -m toolkit key-messages --lang nl --school "OSG De Brug" -o gesprekskaart.pdf
python -m toolkit guide --lang en --school "OSG De Brug" --logo logo.png -o guide.pdf

Every school document takes the school's own details: ``--school NAME``, ``--logo FILE`` (PNG or
JPEG) and, on the signal card, ``--school-contact``. Messages are in Dutch, like the app; the
output path is checked (:mod:`toolkit.cli_output`) before anything is made.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from lessons.datafile import ContentError
from lessons.model import LEVELS
from toolkit import (
    cli_contacts_sheet,
    cli_guide,
    cli_key_messages,
    cli_parent_letter,
    cli_prevention_report,
)
from toolkit.cli_output import UsageError, output_path, write_error
from toolkit.cli_school import add_school_options, school_of
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
    card.add_argument("--paper", choices=("a4", "a3"), default=None, help="poster only; default a4")
    add_school_options(card, contact=True)
    card.add_argument("-o", "--output", required=True, help="the PDF file to write")
    plan = commands.add_parser(
        "lesson-plan",
        help="a lesson's plan for the teacher, or with --worksheet its worksheet for pupils",
        description="The teacher's lesson plan (lesplan) or the pupils' worksheet (werkblad).",
    )
    plan.add_argument("--lesson", required=True, metavar="ID", help="the lesson's id")
    plan.add_argument("--lang", choices=LANGUAGES, default="nl")
    plan.add_argument(
        "--level",
        choices=LEVELS,
        default=None,
        help="the level the class has; its slides only (default: the lesson's first level)",
    )
    plan.add_argument(
        "--worksheet", action="store_true", help="the pupils' worksheet instead of the plan"
    )
    plan.add_argument(
        "--lessons-dir",
        type=Path,
        metavar="DIR",
        help="a folder with one subfolder of lesson files per language (default: the shipped ones)",
    )
    add_school_options(plan)
    plan.add_argument("-o", "--output", required=True, help="the PDF file to write")
    letter = commands.add_parser(
        "referral-letter",
        help="a referral letter from a built-in fictional case (--example), to check the layout",
        description=(
            "The referral letter (verwijsbrief) for a built-in fictional case, to check the "
            "layout without a vault. Letters with case data are made in the app."
        ),
    )
    letter.add_argument(
        "--example",
        action="store_true",
        help="the fictional example case (required: case data never comes from the command line)",
    )
    letter.add_argument("--lang", choices=LANGUAGES, default="nl")
    letter.add_argument("-o", "--output", required=True, help="the PDF file to write")
    form = commands.add_parser(
        "observation-form",
        help="the paper form for meldcode step 1 that a teacher hands to the care coordinator",
        description=(
            "The observation form (observatieformulier): what was seen or heard, the pupil's "
            "own words, the interpretation apart, the signals to tick; a case code, no name."
        ),
    )
    form.add_argument("--lang", choices=LANGUAGES, default="nl")
    add_school_options(form)
    form.add_argument("-o", "--output", required=True, help="the PDF file to write")
    cli_key_messages.register(commands)
    cli_guide.register(commands)
    cli_prevention_report.register(commands)
    cli_parent_letter.register(commands)
    cli_contacts_sheet.register(commands)
    return main


def _lesson_plan(args: argparse.Namespace) -> bytes:
    from lessons.library import CONTENT, load_library
    from toolkit.lesson_plan import build_lesson_plan, build_worksheet, has_questions
    from toolkit.signal_card import load_signal_card

    root = args.lessons_dir or CONTENT
    library = load_library(args.lang, root, help_lines=load_signal_card(args.lang).help_line_ids())
    try:
        lesson = library.get(args.lesson).lesson
    except KeyError:
        known = ", ".join(loaded.lesson.id for loaded in library.lessons)
        message = f"onbekende les '{args.lesson}' in {root / args.lang}. " + (
            f"Bekende lessen: {known}." if known else "Daar staan geen (leesbare) lessen."
        )
        if library.broken:
            names = ", ".join(broken.path.name for broken in library.broken)
            message += f" Niet te lezen: {names}."
        raise UsageError(message) from None
    level = args.level or lesson.levels[0]
    if level not in lesson.levels:
        raise UsageError(
            f"les '{lesson.id}' is er niet voor {level}; kies --level "
            + " of ".join(lesson.levels)
            + "."
        )
    if args.worksheet:
        if not has_questions(lesson, level):
            raise UsageError(
                f"les '{lesson.id}' heeft voor {level} geen stellingen, quizvragen of "
                "casusvragen, dus geen werkblad. Druk het lesplan af (zonder --worksheet)."
            )
        return build_worksheet(lesson, level=level, school=school_of(args))
    return build_lesson_plan(lesson, level=level, school=school_of(args))


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        target = output_path(args.output)
        data = BUILDERS[args.command](args)
        path = save(data, target)
    except UsageError as err:
        print(f"Fout: {err}", file=sys.stderr)
        return 2
    except (ContentError, PanelOverflow) as err:
        print(f"Fout: {err}", file=sys.stderr)
        return 1
    except OSError as err:
        print(f"Fout: {write_error(args.output, err)}", file=sys.stderr)
        return 1
    print(f"{path} ({len(data) // 1024} kB)")
    return 0


def _signal_card(args: argparse.Namespace) -> bytes:
    if args.paper is not None and args.fmt != "poster":
        raise UsageError(
            f"--paper geldt alleen voor de poster; de {args.fmt}-kaart is altijd A4. "
            "Laat --paper weg, of kies --format poster."
        )
    school = school_of(args)
    paper = args.paper or "a4"
    try:
        return build_signal_card(args.lang, args.fmt, paper=paper, contact=school)
    except PanelOverflow as err:
        raise _what_did_not_fit(args, school) or err from None


# Which of the school's details to leave out to find the one that does not fit: the option that
# sets it, where the app keeps it, and what to do.
_SHORTER = (
    (
        "het contact van de school (--school-contact)",
        "Instellingen, Zorgcoördinator",
        "Maak naam, functie, telefoon of e-mail korter, of laat een deel weg "
        "(bijvoorbeeld alleen naam en telefoon)",
    ),
    (
        "de naam of het logo van de school (--school, --logo)",
        "Instellingen, School",
        "Kies een kortere naam (bijvoorbeeld zonder plaatsnaam) of een breder, lager logo",
    ),
)
_CARDS = {"trifold": "de gevouwen kaart", "pocket": "de zakkaart", "poster": "de poster"}


def _what_did_not_fit(args: argparse.Namespace, school: SchoolContact) -> UsageError | None:
    """The school's detail that made the card overflow, named by its option and its place in
    the app's settings; None when the card overflows without them (its own text)."""
    paper = args.paper or "a4"
    lesser = (SchoolContact(school=school.school, logo=school.logo), SchoolContact())
    for less, (culprit, settings, fix) in zip(lesser, _SHORTER, strict=True):
        if less == school:
            continue
        try:
            build_signal_card(args.lang, args.fmt, paper=paper, contact=less)
        except PanelOverflow:
            continue
        return UsageError(
            f"{culprit} past niet op {_CARDS.get(args.fmt, args.fmt)}. {fix}. "
            f"In de app staat dit bij {settings}."
        )
    return None


def _referral_letter(args: argparse.Namespace) -> bytes:
    if not args.example:
        raise UsageError(
            "een verwijsbrief met gegevens van een melding maak je in de app, bij die "
            "melding; nooit vanaf de opdrachtregel. Met --example maak je een voorbeeldbrief "
            "bij een verzonnen melding om de opmaak te controleren."
        )
    from toolkit.referral_letter import example_letter, referral_letter

    return referral_letter(example_letter(args.lang))


def _observation_form(args: argparse.Namespace) -> bytes:
    from toolkit.observation_form import build_observation_form

    return build_observation_form(args.lang, school_of(args))


BUILDERS: dict[str, Callable[[argparse.Namespace], bytes]] = {
    "signal-card": _signal_card,
    "lesson-plan": _lesson_plan,
    "referral-letter": _referral_letter,
    "observation-form": _observation_form,
    "key-messages": cli_key_messages.build,
    "guide": cli_guide.build,
    "prevention-report": cli_prevention_report.build,
    "parent-letter": cli_parent_letter.build,
    "contacts-sheet": cli_contacts_sheet.build,
}


if __name__ == "__main__":
    raise SystemExit(main())
