"""The vault's audit events in words, for the audit log screen and its printed copy.

An event (:class:`~desktop.vault.records.AuditEventView`) holds a kind, a time in UTC, maybe a
case code, and details as canonical JSON of ids, kinds and counts (never case text). Here it
becomes a label (:func:`label`), a short sentence (:func:`describe`) and a local time
(:func:`when`), the sentences written in :mod:`desktop.concerns.audit_details`;
:func:`chain_result` says what the chain check found and what to do, and
:func:`filter_events` picks events for the screen's filters (:data:`KIND_GROUPS`).

Dutch message ids, marked with ``N_`` and translated when called, like the rest of the app.
A kind this version does not know (a vault written by a newer one) shows its own id.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable

from desktop.concerns.audit_details import sentence
from desktop.i18n import N_, _, format_datetime, format_number, ngettext
from desktop.vault.audit import AuditKind, AuditReport, ProblemKind
from desktop.vault.records import AuditEventView

K = AuditKind
LABELS: dict[AuditKind, str] = {
    K.VAULT_CREATED: N_("Kluis aangemaakt"),
    K.UNLOCKED: N_("Kluis geopend"),
    K.UNLOCK_FAILED: N_("Openen mislukt"),
    K.PASSPHRASE_CHANGED: N_("Wachtwoord gewijzigd"),
    K.CASE_CREATED: N_("Melding aangemaakt"),
    K.CASE_CHANGED: N_("Gegevens van de melding gewijzigd"),
    K.STATUS_SET: N_("Status gewijzigd"),
    K.ACUTE_SET: N_("Acute onveiligheid bijgewerkt"),
    K.ENTRY_ADDED: N_("Notitie toegevoegd"),
    K.ENTRY_EDITED: N_("Notitie gewijzigd"),
    K.STEP_SET: N_("Meldcodestap bijgewerkt"),
    K.ANSWERS_SET: N_("Afwegingskader ingevuld"),
    K.EXPORTED: N_("Geëxporteerd"),
    K.PRINTED: N_("Afgedrukt"),
    K.BACKED_UP: N_("Reservekopie gemaakt"),
    K.BACKUP_STARTED: N_("Reservekopie begonnen"),
    K.RESTORED: N_("Reservekopie teruggezet"),
    K.PURGED: N_("Bewaartermijn voorbij: verwijderd"),
    K.CASE_DELETED: N_("Melding verwijderd"),
    K.MIGRATED: N_("Kluis bijgewerkt"),
    K.RECOVERY_KEY_CHANGED: N_("Nieuwe herstelsleutel"),
    K.ROLLBACK_FOUND: N_("Eerdere stand van de kluis gevonden"),
    K.ANCHOR_REPLACED: N_("Controlebestand vervangen"),
    K.HEADER_RESTORED: N_("Sleutelbestand hersteld"),
    K.COPIES_REPLACED: N_("Oude kopieën vervangen"),
    K.BACKUPS_TO_REPLACE: N_("Reservekopieën vervangen gevraagd"),
    K.AUDIT_EXPORTED: N_("Auditlog geëxporteerd"),
    K.AUDIT_PRINTED: N_("Auditlog afgedrukt"),
    K.REFERRAL_UPDATED: N_("Verwijzing bijgewerkt"),
}

# The screen's filter: every kind in exactly one group (a test checks it).
KIND_GROUPS: dict[str, frozenset[AuditKind]] = {
    "cases": frozenset(
        {
            K.CASE_CREATED,
            K.CASE_CHANGED,
            K.STATUS_SET,
            K.ACUTE_SET,
            K.CASE_DELETED,
            K.PURGED,
            K.REFERRAL_UPDATED,
        }
    ),
    "entries": frozenset({K.ENTRY_ADDED, K.ENTRY_EDITED}),
    "meldcode": frozenset({K.STEP_SET, K.ANSWERS_SET}),
    "exports": frozenset({K.EXPORTED, K.PRINTED, K.AUDIT_EXPORTED, K.AUDIT_PRINTED}),
    "keys": frozenset(
        {K.VAULT_CREATED, K.PASSPHRASE_CHANGED, K.RECOVERY_KEY_CHANGED, K.HEADER_RESTORED}
    ),
    "backups": frozenset(
        {K.BACKED_UP, K.BACKUP_STARTED, K.RESTORED, K.COPIES_REPLACED, K.BACKUPS_TO_REPLACE}
    ),
    # opening the vault, and what the checks at opening found or did
    "unlocks": frozenset(
        {K.UNLOCKED, K.UNLOCK_FAILED, K.MIGRATED, K.ROLLBACK_FOUND, K.ANCHOR_REPLACED}
    ),
}
GROUP_LABELS: dict[str, str] = {
    "cases": N_("Meldingen"),
    "entries": N_("Notities"),
    "meldcode": N_("Meldcode en afwegingskader"),
    "exports": N_("Exporteren en afdrukken"),
    "keys": N_("Wachtwoord en sleutels"),
    "backups": N_("Reservekopieën"),
    "unlocks": N_("Openen en controles"),
}


def label(kind: AuditKind | str) -> str:
    """What kind of event this is, in the current language (``Kluis geopend``)."""
    known = _known(kind)
    return _(LABELS[known]) if known is not None else str(kind)


def group_label(group: str) -> str:
    """A filter group's name in the current language (``Reservekopieën``)."""
    return _(GROUP_LABELS[group])


def describe(event: AuditEventView) -> str:
    """A short sentence of what the event's details say (``Waarneming toegevoegd (2
    signalen)``); the label where the details say nothing more or cannot be read."""
    kind = _known(event.kind)
    if kind is None:
        return str(event.kind)
    try:
        details = json.loads(event.details) if event.details else {}
    except ValueError:
        details = {}
    words = sentence(kind, details) if isinstance(details, dict) else None
    return words or label(kind)


def when(event: AuditEventView) -> str:
    """The event's time on this computer's clock, in the current language
    (``2 mrt 2026, 11:11:12``); the stored text if it is not a time."""
    moment = _moment(event.at)
    return format_datetime(moment.astimezone()) if moment is not None else event.at


def chain_result(report: AuditReport) -> tuple[bool, str]:
    """Whether the audit chain is whole, and that in words: what is wrong and what to do."""
    if report.ok:
        return True, ngettext(
            "De auditlog is compleet en ongewijzigd ({n} regel).",
            "De auditlog is compleet en ongewijzigd ({n} regels).",
            report.events,
        ).format(n=format_number(report.events))
    found = " ".join(problem.message() for problem in report.problems)
    if any(problem.kind is ProblemKind.UNREADABLE for problem in report.problems):
        advice = _(
            "Sluit Schoolsignaal en open de kluis opnieuw. Lukt het dan nog niet, vraag hulp "
            "aan de ICT-beheerder en houd de nieuwste reservekopie bij de hand."
        )
    else:
        advice = _(
            "De auditlog is veranderd of ingekort buiten Schoolsignaal om, of er is een oude "
            "kopie van de kluis teruggezet. Bewaar een afdruk van deze auditlog, meld het aan "
            "de ICT-beheerder en de schoolleiding, en zet zo nodig de nieuwste reservekopie "
            "terug."
        )
    return False, f"{found} {advice}"


def filter_events(
    events: Iterable[AuditEventView],
    *,
    kind_group: str | None = None,
    case_code: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    text: str | None = None,
) -> list[AuditEventView]:
    """The events that pass every filter given, in their order.

    ``kind_group`` is a key of :data:`KIND_GROUPS`; ``since`` and ``until`` are days on this
    computer's calendar, both included (a ``datetime`` is a moment, naive ones local);
    ``text`` is looked for, ignoring case, in the label, the sentence and the case code.
    """
    kinds: frozenset[str] | None = None
    if kind_group is not None:
        if kind_group not in KIND_GROUPS:
            raise ValueError(f"unknown kind group {kind_group!r}; one of {', '.join(KIND_GROUPS)}")
        kinds = frozenset(kind.value for kind in KIND_GROUPS[kind_group])
    code = case_code.strip().casefold() if case_code else None
    start = _bound(since, end=False) if since is not None else None
    stop = _bound(until, end=True) if until is not None else None
    needle = text.strip().casefold() if text else None
    picked = []
    for event in events:
        if kinds is not None and event.kind not in kinds:
            continue
        if code is not None and (event.case_code or "").casefold() != code:
            continue
        if start is not None or stop is not None:
            moment = _moment(event.at)
            if moment is None or (start is not None and moment < start):
                continue
            if stop is not None and moment >= stop:
                continue
        if needle and not any(
            needle in part.casefold()
            for part in (label(event.kind), describe(event), event.case_code or "")
        ):
            continue
        picked.append(event)
    return picked


# ---------------------------------------------------------------------- helpers


def _known(kind: AuditKind | str) -> AuditKind | None:
    try:
        return AuditKind(kind)
    except ValueError:
        return None


def _moment(at: str) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(at)
    except (TypeError, ValueError):
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def _bound(value: dt.date, *, end: bool) -> dt.datetime:
    """The first moment after ``value`` (``end``) or its first moment; local time."""
    if isinstance(value, dt.datetime):
        moment = value if value.tzinfo is not None else value.astimezone()
        return moment + dt.timedelta(microseconds=1) if end else moment
    day = value + dt.timedelta(days=1) if end else value
    return dt.datetime.combine(day, dt.time.min).astimezone()
