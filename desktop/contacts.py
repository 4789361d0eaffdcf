"""The school's contacts for its contacts sheet (sociale kaart), kept in the settings.

A *sociale kaart* is the list of people and organisations a school works with around its
pupils' safety. The school enters its own: the regional zorgcoördinator mensenhandel (care
coordinator for trafficking), its Veilig Thuis region, the wijkagent (community police officer),
the leerplichtambtenaar (school attendance officer) and others. The app ships no regional names
or numbers. A contact is an organisation, a person or department there, a phone number and an
e-mail address to reach them, and a short note ("bereikbaar ma–vr"): professionals, never a
pupil. The school's own zorgcoördinator stays in the settings' coordinator fields.

:func:`entry_problems` checks one contact as the edit dialog and the settings file give it;
:func:`list_problem` and :func:`good_entries` check and salvage the settings file's list, as
:mod:`desktop.recipients` does for the recipients of referral letters.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields
from typing import Any

from desktop.i18n import N_, _

# With the coordinator and the national lines the sheet is one A4 for about six contacts and
# two for the most, each field as long as allowed (tests/pdf/test_contacts_sheet.py).
MAX_CONTACTS = 12
MAX_ORGANISATION = 80
MAX_NAME = 60
MAX_PHONE = 30
MAX_EMAIL = 80
MAX_NOTE = 60
PHONE_DIGITS = (5, 15)  # "14 030" (a municipality) to an international number

KIND_LABELS: dict[str, str] = {
    "regional_coordinator": N_("Zorgcoördinator mensenhandel"),
    "veilig_thuis": N_("Veilig Thuis"),
    "wijkagent": N_("Wijkagent"),
    "leerplicht": N_("Leerplichtambtenaar"),
    "other": N_("Overig"),
}
# The kinds, in the order the settings offer them: toolkit.contacts_sheet.KINDS (not imported:
# that loads reportlab, and the settings are read at start-up).
KINDS = tuple(KIND_LABELS)

# The fields of one contact, for messages; Dutch ids, translated when shown.
CONTACT_FIELD_LABELS: dict[str, str] = {
    "kind": N_("Soort"),
    "organisation": N_("Organisatie"),
    "name": N_("Persoon of afdeling"),
    "phone": N_("Telefoon"),
    "email": N_("E-mail"),
    "note": N_("Notitie"),
}
LIMITS: dict[str, int] = {
    "organisation": MAX_ORGANISATION,
    "name": MAX_NAME,
    "phone": MAX_PHONE,
    "email": MAX_EMAIL,
    "note": MAX_NOTE,
}


@dataclass(frozen=True)
class ContactEntry:
    """One contact the school entered: a kind from :data:`KINDS` and how to reach them."""

    kind: str
    organisation: str  # required
    name: str = ""  # a person or a department
    phone: str = ""  # a phone number or an e-mail address, or both
    email: str = ""
    note: str = ""  # "bereikbaar ma–vr", "vraag naar team jeugd"

    def to_json(self) -> dict[str, str]:
        return asdict(self)


def phone_problem(phone: str) -> str:
    """What is wrong with ``phone`` (not empty), translated; "" when it is a phone number."""
    allowed = set("0123456789 -()+")
    wrong = next((char for char in phone if char not in allowed), None)
    if wrong is not None:
        return _(
            "‘{char}’ hoort niet in een telefoonnummer. Gebruik cijfers, spaties, streepjes en "
            "haakjes, bijvoorbeeld 030-123 45 67; zet uren of een toestel bij Notitie."
        ).format(char=wrong)
    if "+" in phone[1:] or phone.count("+") > 1:
        return _("een + mag alleen vooraan staan, zoals in +31 30 123 45 67.")
    digits = sum(char.isdigit() for char in phone)
    low, high = PHONE_DIGITS
    if digits < low:
        return _("te weinig cijfers ({n}): een telefoonnummer heeft er minstens {low}.").format(
            n=digits, low=low
        )
    if digits > high:
        return _(
            "te veel cijfers ({n}): ten hoogste {high}. Staan er twee nummers in? Zet het "
            "tweede bij Notitie."
        ).format(n=digits, high=high)
    return ""


def email_problem(email: str) -> str:
    """What is wrong with ``email`` (not empty), translated; "" when it looks like an address."""
    if any(char.isspace() for char in email):
        return _("er staat een spatie in; een e-mailadres heeft geen spaties.")
    if "@" not in email:
        return _("er staat geen @ in. Gebruik de vorm naam@organisatie.nl.")
    if email.count("@") > 1:
        return _("er staan meer @-tekens in; een e-mailadres heeft er één.")
    local, domain = email.split("@")
    if not local:
        return _("voor de @ ontbreekt de naam, zoals in naam@organisatie.nl.")
    if "." not in domain.strip(".") or ".." in domain or domain.startswith("."):
        return _("na de @ ontbreekt een domein als organisatie.nl.")
    return ""


def entry_problems(values: Mapping[str, Any]) -> dict[str, str]:
    """Field name -> translated message for each rule that ``values`` (one contact as a JSON
    object, or a :class:`ContactEntry`'s :meth:`~ContactEntry.to_json`) breaks."""
    problems: dict[str, str] = {}
    for name in CONTACT_FIELD_LABELS:
        value = values.get(name, "")
        if not isinstance(value, str):
            problems[name] = _("verkeerd soort waarde (verwacht: {kind}).").format(kind=_("tekst"))
        elif name in LIMITS and len(value) > LIMITS[name]:
            problems[name] = _("te lang: ten hoogste {n} tekens.").format(n=LIMITS[name])
    # The rules below only for values of the right type and length (the rest is reported).
    good = {name: values.get(name, "") for name in CONTACT_FIELD_LABELS if name not in problems}
    if "kind" in good and good["kind"] not in KINDS:
        problems["kind"] = _("kies een soort contact uit de lijst.")
    if "organisation" in good and not good["organisation"].strip():
        problems["organisation"] = _(
            "vul de naam van de organisatie in; een persoon of afdeling kan eronder."
        )
    phone, email = good.get("phone", ""), good.get("email", "")
    if phone and (message := phone_problem(phone)):
        problems["phone"] = message
    if email and (message := email_problem(email)):
        problems["email"] = message
    if not phone and not email and not {"phone", "email"} & problems.keys():
        problems["phone"] = _(
            "vul een telefoonnummer of een e-mailadres in, zodat het contact te bereiken is."
        )
    return problems


def entry_from(values: Mapping[str, Any]) -> ContactEntry:
    """A :class:`ContactEntry` from a JSON object (or an entry) that has no
    :func:`entry_problems`."""
    if isinstance(values, ContactEntry):
        return values
    return ContactEntry(**{f.name: values.get(f.name, "") for f in fields(ContactEntry)})


def _values_of(item: object) -> Mapping[str, Any] | None:
    if isinstance(item, ContactEntry):
        return item.to_json()
    return item if isinstance(item, Mapping) else None


def list_problem(items: list[Any] | tuple[Any, ...]) -> str:
    """One translated message for everything wrong in the list of contacts, or ""."""
    parts = []
    if len(items) > MAX_CONTACTS:
        parts.append(
            _("te veel contacten: ten hoogste {n}. Verwijder wie de school niet meer belt.").format(
                n=MAX_CONTACTS
            )
        )
    for number, item in enumerate(items, start=1):
        values = _values_of(item)
        if values is None:
            wrong = _("dit is geen contact (verwacht: soort, organisatie, naam, telefoon, e-mail).")
        else:
            wrong = "; ".join(
                f"{_(CONTACT_FIELD_LABELS[name])}: {message}"
                for name, message in entry_problems(values).items()
            )
        if wrong:
            parts.append(_("contact {n}: {details}").format(n=number, details=wrong))
    return " ".join(parts)


def good_entries(items: object) -> tuple[ContactEntry, ...]:
    """The contacts of ``items`` that are valid, in order, at most :data:`MAX_CONTACTS`: what a
    settings file with a broken contact keeps."""
    if not isinstance(items, list | tuple):
        return ()
    kept = [
        entry_from(values)
        for values in map(_values_of, items)
        if values is not None and not entry_problems(values)
    ]
    return tuple(kept[:MAX_CONTACTS])


def kind_label(kind: str) -> str:
    """The translated label of a kind of contact (the value itself if it is unknown)."""
    return _(KIND_LABELS[kind]) if kind in KIND_LABELS else kind
