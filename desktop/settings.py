"""The school's settings: one JSON file, written atomically, validated on load.

Settings hold the school's own details, the care coordinator's contact (a member of staff,
not a pupil), the organisations the school sends referral letters to
(:mod:`desktop.recipients`) and the contacts on its contacts sheet (:mod:`desktop.contacts`), never
case data. A file that cannot be read is kept aside as a copy, defaults are used for what was
wrong (a broken recipient or contact is left out, the others kept),
and :class:`LoadResult` says so, so that the user can be told.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop import contacts
from desktop.contacts import ContactEntry
from desktop.i18n import DEFAULT_LANGUAGE, LANGUAGES, N_, _
from desktop.recipients import RecipientEntry, entry_from, good_entries, list_problem
from toolkit.atomic import keep_broken_copy, write_atomic

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
AUTOLOCK_RANGE = (1, 60)
RETENTION_RANGE = (1, 120)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9 ()-]{6,20}$")
MAX_TEXT = 200  # characters in a text field: more is refused with a message, never cut


@dataclass(frozen=True)
class Settings:
    """What the school enters once. Every field has a safe default."""

    school_name: str = ""
    school_address: str = ""
    has_logo: bool = False
    coordinator_name: str = ""
    coordinator_role: str = ""
    coordinator_phone: str = ""
    coordinator_email: str = ""
    language: str = DEFAULT_LANGUAGE
    autolock_minutes: int = 5
    retention_months: int = 24
    recipients: tuple[RecipientEntry, ...] = ()
    contacts: tuple[ContactEntry, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"version": SCHEMA_VERSION, **dataclasses.asdict(self)}


# Field labels for messages; Dutch ids, translated when shown.
FIELD_LABELS: dict[str, str] = {
    "school_name": N_("Naam van de school"),
    "school_address": N_("Adres van de school"),
    "has_logo": N_("Logo"),
    "coordinator_name": N_("Naam zorgcoördinator"),
    "coordinator_role": N_("Functie"),
    "coordinator_phone": N_("Telefoon"),
    "coordinator_email": N_("E-mail"),
    "language": N_("Taal"),
    "autolock_minutes": N_("Automatisch vergrendelen na (minuten)"),
    "retention_months": N_("Bewaartermijn na afsluiten (maanden)"),
    "recipients": N_("Ontvangers van verwijsbrieven"),
    "contacts": N_("Contactenblad (sociale kaart)"),
}


class SettingsError(ValueError):
    """One or more fields are not valid; ``problems`` maps field name to a translated message."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{_(FIELD_LABELS[k])}: {v}" for k, v in problems.items()))


def validate(values: dict[str, Any], *, complete_contact: bool = True) -> Settings:
    """A :class:`Settings` from ``values``, or :class:`SettingsError` naming every bad field.

    ``complete_contact``: a coordinator's role, phone or e-mail needs the coordinator's name
    too (the contact is printed on the signal card and the poster, and signs the referral
    letter). Checked when settings are saved; a file written before this rule still loads.
    """
    problems = _check(values)
    if complete_contact and "coordinator_name" not in problems:
        problems.update(_contact_problems(values))
    if problems:
        raise SettingsError(problems)
    known = {f.name for f in dataclasses.fields(Settings)}
    clean = {k: v for k, v in values.items() if k in known}
    if "recipients" in clean:  # JSON objects or entries, in a list or a tuple
        clean["recipients"] = tuple(
            item if isinstance(item, RecipientEntry) else entry_from(item)
            for item in clean["recipients"]
        )
    if "contacts" in clean:
        clean["contacts"] = tuple(map(contacts.entry_from, clean["contacts"]))
    return Settings(**clean)


def _check(values: dict[str, Any]) -> dict[str, str]:
    problems: dict[str, str] = {}
    defaults = Settings()
    for f in dataclasses.fields(Settings):
        if f.name not in values:
            continue
        value = values[f.name]
        expected = type(getattr(defaults, f.name))
        # A tuple field is a list in JSON; a bool is not a number here (``type(...) is``).
        if not (isinstance(value, list | tuple) if expected is tuple else type(value) is expected):
            problems[f.name] = _("verkeerd soort waarde (verwacht: {kind}).").format(
                kind=_("tekst")
                if expected is str
                else _("getal")
                if expected is int
                else _("lijst")
                if expected is tuple
                else _("ja/nee")
            )
            continue
        if isinstance(value, str) and (message := too_long(value)):
            problems[f.name] = message
        if f.name == "recipients" and (message := list_problem(value)):
            problems[f.name] = message
        if f.name == "contacts" and (message := contacts.list_problem(value)):
            problems[f.name] = message
    # The rules below only for values of the right type and length (the rest is reported).
    values = {k: v for k, v in values.items() if k not in problems}
    email = values.get("coordinator_email", "")
    if email and not _EMAIL.match(email):
        problems["coordinator_email"] = _(
            "dit is geen geldig e-mailadres. Gebruik de vorm naam@school.nl."
        )
    phone = values.get("coordinator_phone", "")
    if phone and not _PHONE.match(phone):
        problems["coordinator_phone"] = _(
            "gebruik alleen cijfers, spaties, streepjes en eventueel + vooraan, "
            "bijvoorbeeld 030-1234567."
        )
    if values.get("language", DEFAULT_LANGUAGE) not in LANGUAGES:
        problems["language"] = _("kies Nederlands of English.")
    for name, (low, high) in (
        ("autolock_minutes", AUTOLOCK_RANGE),
        ("retention_months", RETENTION_RANGE),
    ):
        number = values.get(name, getattr(defaults, name))
        if not low <= number <= high:
            problems[name] = _("kies een getal van {low} tot en met {high}.").format(
                low=low, high=high
            )
    return problems


def too_long_message() -> str:
    return _("te lang: ten hoogste {n} tekens.").format(n=MAX_TEXT)


def too_long(text: str) -> str | None:
    """The message for a text over :data:`MAX_TEXT` characters, or None."""
    return too_long_message() if len(text) > MAX_TEXT else None


def _contact_problems(values: dict[str, Any]) -> dict[str, str]:
    def filled(name: str) -> bool:
        value = values.get(name, "")
        return isinstance(value, str) and bool(value.strip())

    others = ("coordinator_role", "coordinator_phone", "coordinator_email")
    if not filled("coordinator_name") and any(filled(name) for name in others):
        return {"coordinator_name": _("Vul ook de naam van de zorgcoördinator in.")}
    return {}


@dataclass(frozen=True)
class LoadResult:
    settings: Settings
    problems: dict[str, str] = field(default_factory=dict)
    kept_aside: Path | None = None

    @property
    def ok(self) -> bool:
        return not self.problems and self.kept_aside is None


class SettingsStore:
    """Loads and saves the settings file."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> LoadResult:
        if not self.path.exists():
            return LoadResult(Settings())
        import json  # only when there is a file: a first start stays light

        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            log.warning("settings file unreadable; kept aside, defaults used")
            return LoadResult(
                Settings(), {"*": _("het bestand is onleesbaar.")}, self._keep_aside()
            )
        if not isinstance(raw, dict):
            return LoadResult(
                Settings(), {"*": _("het bestand is onleesbaar.")}, self._keep_aside()
            )
        raw.pop("version", None)
        problems = _check(raw)
        if not problems:
            return LoadResult(validate(raw, complete_contact=False))
        log.warning("settings file has invalid fields %s; defaults used for them", sorted(problems))
        good = {k: v for k, v in raw.items() if k not in problems}  # passes _check by design
        if "recipients" in problems:  # keep the recipients that are right
            good["recipients"] = good_entries(raw.get("recipients"))
        if "contacts" in problems:  # and the contacts that are right
            good["contacts"] = contacts.good_entries(raw.get("contacts"))
        return LoadResult(validate(good, complete_contact=False), problems, self._keep_aside())

    def save(self, settings: Settings) -> None:
        import json

        data = json.dumps(settings.to_json(), ensure_ascii=False, indent=2, sort_keys=True)
        write_atomic(self.path, data.encode("utf-8"))

    def _keep_aside(self) -> Path | None:
        """A copy of the broken file beside it, or None if the folder cannot be written (the
        file itself is then left as it is until the user saves new settings)."""
        copy = keep_broken_copy(self.path)
        if copy is None:
            log.warning("broken settings file could not be kept aside")
        return copy
