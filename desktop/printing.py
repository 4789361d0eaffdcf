"""Printing the toolkit: documents made by `toolkit/` with the school's details from settings.

The UI asks for a document here and gets PDF bytes back; it shows, saves or prints them.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.i18n import _
from desktop.settings import Settings
from toolkit.school_contact import SchoolContact

if TYPE_CHECKING:
    from lessons.model import Lesson

log = logging.getLogger(__name__)


def school_contact(settings: Settings, logo: Path | None = None) -> SchoolContact:
    """The school's name and contact for concerns from the settings; ``logo`` the school's logo
    file when it has one (:meth:`desktop.school_profile.SchoolProfile.logo`)."""
    return SchoolContact(
        school=settings.school_name,
        name=settings.coordinator_name,
        role=settings.coordinator_role,
        phone=settings.coordinator_phone,
        email=settings.coordinator_email,
        logo=logo,
    )


def duplex_advice(fmt: str) -> str:
    """How to print ``fmt`` double-sided, as a printer dialog words it; "" for one side."""
    from toolkit.signal_card_documents import duplex_for

    return duplex_advice_for_edge(duplex_for(fmt))


def duplex_advice_for_edge(edge: str | None) -> str:
    """How to print double-sided on ``edge`` ("short", "long"), as a printer dialog words it;
    "" for None (one side)."""
    if edge == "short":
        return _("Dubbelzijdig afdrukken: kies ‘omslaan langs de korte kant’.")
    if edge == "long":
        return _("Dubbelzijdig afdrukken: kies ‘omslaan langs de lange kant’.")
    return ""


def signal_card_pdf(
    settings: Settings, language: str, fmt: str, paper: str = "a4", logo: Path | None = None
) -> bytes:
    from toolkit.pdf import PanelOverflow
    from toolkit.signal_card_documents import build_signal_card

    contact = school_contact(settings, logo)
    try:
        data = build_signal_card(language, fmt, paper=paper, contact=contact)
    except PanelOverflow as err:
        raise ValueError(_too_long(contact, language, fmt, paper)) from err
    log.info("signal card built: %s, %s, %s", fmt, paper, language)
    return data


def _too_long(contact: SchoolContact, language: str, fmt: str, paper: str) -> str:
    """Which of the school's details made the card overflow, and where to shorten it."""
    name_only = SchoolContact(school=contact.school, logo=contact.logo)
    person_only = SchoolContact(
        name=contact.name, role=contact.role, phone=contact.phone, email=contact.email
    )
    if contact.has_person and _fits(language, fmt, paper, name_only):
        message = (
            _(
                "de naam van de school en de contactgegevens zijn samen te lang voor dit "
                "formaat. Maak bij Instellingen de naam van de school korter (bijvoorbeeld "
                "zonder plaatsnaam) of de contactgegevens (naam, rol, telefoon, e-mail)."
            )
            if contact.school and _fits(language, fmt, paper, person_only)
            else _(
                "de contactgegevens van de school zijn te lang voor dit formaat. Maak ze "
                "korter bij Instellingen (naam, rol, telefoon, e-mail)."
            )
        )
    elif _fits(language, fmt, paper, None):  # the school's name (or its logo)
        message = _(
            "de naam van de school is te lang voor dit formaat. Maak hem korter bij "
            "Instellingen (Naam van de school), bijvoorbeeld zonder plaatsnaam."
        )
    else:
        return _("de kaart past niet op het papier. Meld dit aan wie de app beheert.")
    if fmt == "poster" and paper == "a4":
        message += " " + _("Of kies A3 voor de poster.")
    return message


def _fits(language: str, fmt: str, paper: str, contact: SchoolContact | None) -> bool:
    from toolkit.pdf import PanelOverflow
    from toolkit.signal_card_documents import build_signal_card

    try:
        build_signal_card(language, fmt, paper=paper, contact=contact)
    except PanelOverflow:
        return False
    return True


def signal_card_file_name(language: str, fmt: str, paper: str = "a4") -> str:
    from toolkit.signal_card_documents import file_name

    return file_name(language, fmt, paper)


def save_pdf(data: bytes, path: str | Path) -> Path:
    """Write atomically: the old file or the whole new one, never half."""
    from toolkit.pdf import save

    return save(data, path)


def lesson_plan_pdf(
    lesson: Lesson, *, worksheet: bool = False, school: SchoolContact | None = None
) -> bytes:
    """The teacher's lesson plan, or the pupils' worksheet, of ``lesson``; ``school`` (from
    :func:`school_contact`) heads its first page with the school's name and logo."""
    from toolkit.lesson_plan import build_lesson_plan, build_worksheet
    from toolkit.signal_card import load_signal_card

    card = load_signal_card(lesson.language)
    build = build_worksheet if worksheet else build_lesson_plan
    data = build(lesson, card, school=school)
    log.info("lesson %s built: %s", "worksheet" if worksheet else "plan", lesson.id)
    return data


def lesson_has_questions(lesson: Lesson) -> bool:
    from toolkit.lesson_plan import has_questions

    return has_questions(lesson)


def lesson_plan_file_name(lesson: Lesson, *, worksheet: bool = False) -> str:
    from toolkit.lesson_plan import file_name

    return file_name(lesson, worksheet)


def recovery_sheet_pdf(
    settings: Settings, recovery_key: str, language: str, *, today: dt.date | None = None
) -> bytes:
    """The sheet for the safe with ``recovery_key`` as the vault showed it (``7KQ2M-0D9XW-…``),
    the school's name and today's date. The key goes nowhere else: not in a log, not in the
    PDF's metadata."""
    from toolkit.recovery_sheet import RecoverySheet, recovery_sheet

    sheet = RecoverySheet(
        key_groups=tuple(recovery_key.split("-")),
        school=settings.school_name,
        made_on=today or dt.date.today(),
        language=language,
    )
    data = recovery_sheet(sheet)
    log.info("recovery sheet built (%s)", language)
    return data


def recovery_sheet_file_name(language: str) -> str:
    from toolkit.recovery_sheet import file_name

    return file_name(language)


def contacts_sheet_pdf(
    settings: Settings, language: str, logo: Path | None = None, *, today: dt.date | None = None
) -> bytes:
    """The school's contacts sheet (sociale kaart) in ``language``: the coordinator and the
    contacts from the settings, each kind named in the sheet's language, and the national
    lines."""
    from toolkit.contacts_sheet import Contact, build_contacts_sheet, kind_label

    contacts = [
        Contact(
            kind_label=kind_label(entry.kind, language),
            organisation=entry.organisation,
            name=entry.name,
            phone=entry.phone,
            email=entry.email,
            note=entry.note,
        )
        for entry in settings.contacts
    ]
    data = build_contacts_sheet(language, school_contact(settings, logo), contacts, date=today)
    log.info("contacts sheet built (%s, %d contacts)", language, len(contacts))
    return data


def contacts_sheet_file_name(language: str) -> str:
    from toolkit.contacts_sheet import file_name

    return file_name(language)
