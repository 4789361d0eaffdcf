"""The school's recipients of referral letters, kept in the settings.

The school enters its own: the regional care coordinator for trafficking (zorgcoördinator
mensenhandel), its Veilig Thuis region, the police unit it works with. The app ships no regional
names or numbers. A recipient is an organisation and, if the school wants, a person or department
there: professionals, never a pupil or anything else of a case.

:func:`entry_problems` checks one recipient as the edit dialog and the settings file give it;
:func:`list_problem` and :func:`good_entries` check and salvage the settings file's list.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from desktop.i18n import N_, _
from desktop.vault.vocabulary import RecipientKind  # light: enums and N_ labels only

MAX_RECIPIENTS = 30
MAX_ORGANISATION = 120
MAX_NAME = 120
MAX_ADDRESS = 300
MAX_ADDRESS_LINES = 6

# The fields of one recipient, for messages; Dutch ids, translated when shown.
RECIPIENT_FIELD_LABELS: dict[str, str] = {
    "kind": N_("Soort"),
    "organisation": N_("Organisatie"),
    "name": N_("Persoon of afdeling"),
    "address": N_("Adres"),
}


@dataclass(frozen=True)
class RecipientEntry:
    """One recipient the school entered: a :class:`RecipientKind` value and who it is."""

    kind: str  # a RecipientKind value
    organisation: str  # required
    name: str = ""  # a person or a department
    address: str = ""  # multi-line, "\n" separated

    def to_json(self) -> dict[str, str]:
        return asdict(self)


def entry_problems(values: Mapping[str, Any]) -> dict[str, str]:
    """Field name -> translated message for each rule that ``values`` (one recipient as a JSON
    object, or a :class:`RecipientEntry`'s :meth:`~RecipientEntry.to_json`) breaks."""
    problems: dict[str, str] = {}
    for name, limit in (
        ("kind", None),
        ("organisation", MAX_ORGANISATION),
        ("name", MAX_NAME),
        ("address", MAX_ADDRESS),
    ):
        value = values.get(name, "")
        if not isinstance(value, str):
            problems[name] = _("verkeerd soort waarde (verwacht: {kind}).").format(kind=_("tekst"))
        elif limit is not None and len(value) > limit:
            problems[name] = _("te lang: ten hoogste {n} tekens.").format(n=limit)
    kind = values.get("kind", "")
    if "kind" not in problems and kind not in {k.value for k in RecipientKind}:
        problems["kind"] = _("kies een soort ontvanger uit de lijst.")
    organisation = values.get("organisation", "")
    if "organisation" not in problems and not organisation.strip():
        problems["organisation"] = _(
            "vul de naam van de organisatie in; een persoon of afdeling kan eronder."
        )
    address = values.get("address", "")
    if "address" not in problems and len(address.splitlines()) > MAX_ADDRESS_LINES:
        problems["address"] = _(
            "te veel regels: ten hoogste {n}. Zet straat, postcode en plaats op een paar "
            "regels en laat lege regels weg."
        ).format(n=MAX_ADDRESS_LINES)
    return problems


def entry_from(values: Mapping[str, Any]) -> RecipientEntry:
    """A :class:`RecipientEntry` from a JSON object that has no :func:`entry_problems`."""
    return RecipientEntry(
        kind=values["kind"],
        organisation=values["organisation"],
        name=values.get("name", ""),
        address=values.get("address", ""),
    )


def _as_mapping(item: object) -> Mapping[str, Any] | None:
    if isinstance(item, RecipientEntry):
        return item.to_json()
    if isinstance(item, Mapping):
        return item
    return None


def _item_problems(item: object) -> dict[str, str]:
    values = _as_mapping(item)
    if values is None:
        return {"*": _("dit is geen ontvanger (verwacht: organisatie, soort, naam en adres).")}
    return entry_problems(values)


def list_problem(items: list[Any] | tuple[Any, ...]) -> str:
    """One translated message for everything wrong in the list of recipients, or ""."""
    parts = []
    if len(items) > MAX_RECIPIENTS:
        parts.append(
            _("te veel ontvangers: ten hoogste {n}. Verwijder wie de school niet meer gebruikt.")
            .format(n=MAX_RECIPIENTS)
        )  # fmt: skip
    for number, item in enumerate(items, start=1):
        problems = _item_problems(item)
        if problems:
            details = "; ".join(
                f"{_(RECIPIENT_FIELD_LABELS[field])}: {message}" if field != "*" else message
                for field, message in problems.items()
            )
            parts.append(_("ontvanger {n}: {details}").format(n=number, details=details))
    return " ".join(parts)


def good_entries(items: object) -> tuple[RecipientEntry, ...]:
    """The recipients of ``items`` that are valid, in order, at most :data:`MAX_RECIPIENTS`:
    what a settings file with a broken recipient keeps."""
    if not isinstance(items, list | tuple):
        return ()
    good = []
    for item in items:
        values = _as_mapping(item)
        if values is not None and not entry_problems(values):
            good.append(entry_from(values))
    return tuple(good[:MAX_RECIPIENTS])


def kind_label(kind: str) -> str:
    """The translated label of a recipient kind (the value itself if it is unknown)."""
    from desktop.vault.vocabulary import RECIPIENT_LABELS

    try:
        return _(RECIPIENT_LABELS[RecipientKind(kind)])
    except ValueError:
        return kind
