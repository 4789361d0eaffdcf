"""The sentences of :func:`desktop.concerns.audit_words.describe`: what an audit event's details
say, one small function per kind of event.

The details are canonical JSON of ids, kinds and counts (``desktop.vault.audit.record``
refuses anything else). Each function reads only what it knows and returns None when a value
is missing or unknown (a vault written by another version): then the event's label is shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from desktop.i18n import N_, _, format_date, ngettext
from desktop.vault.audit import AuditKind
from desktop.vault.sharing import REFERRAL_STATUS_LABELS, ReferralStatus
from desktop.vault.vocabulary import (
    CLOSING_OUTCOME_LABELS,
    ENTRY_KIND_LABELS,
    RECOMMENDATION_LABELS,
    STATUS_LABELS,
    CaseStatus,
    ClosingOutcome,
    EntryKind,
    Recommendation,
)

K = AuditKind
Details = dict[str, object]

_VIA = {
    (K.UNLOCKED, "passphrase"): N_("Geopend met het wachtwoord"),
    (K.UNLOCKED, "recovery_key"): N_("Geopend met de herstelsleutel"),
    (K.UNLOCK_FAILED, "passphrase"): N_("Openen met het wachtwoord mislukt"),
    (K.UNLOCK_FAILED, "recovery_key"): N_("Openen met de herstelsleutel mislukt"),
}
_STEP_STATUS = {
    "not_started": N_("nog niet begonnen"),
    "in_progress": N_("bezig"),
    "done": N_("afgerond"),
    "skipped": N_("overgeslagen"),
}
_FIELDS = {
    "facts": N_("feiten"),
    "interpretation": N_("interpretatie"),
    "who": N_("wie het zag of hoorde"),
    "signals": N_("signalen"),
    "occurred_on": N_("datum"),
}
_DOCUMENTS = {"referral_letter": N_("verwijsbrief")}
_TO = {
    "regional_coordinator": N_("aan de zorgcoördinator mensenhandel"),
    "veilig_thuis": N_("aan Veilig Thuis"),
    "meldpunt_uitbuiting_minderjarigen": N_("aan het Meldpunt Uitbuiting Minderjarigen"),
    "comensha": N_("aan CoMensha"),
    "police": N_("aan de politie"),
    "other": N_("aan een andere organisatie"),
}
_BASIS = {
    "consent": N_("toestemming"),
    "meldrecht": N_("meldrecht"),
    "conflict_of_duties": N_("conflict van plichten"),
}
_TOLD_PUPIL = {
    "told": N_("leerling ingelicht"),
    "endangers_pupil": N_("leerling niet ingelicht (veiligheid leerling)"),
    "endangers_others": N_("leerling niet ingelicht (veiligheid anderen)"),
    "breaks_contact": N_("leerling niet ingelicht (zou contact verbreken)"),
    "other": N_("leerling niet ingelicht (andere reden)"),
}
_TOLD_PARENTS = {
    "told": N_("ouders ingelicht"),
    "endangers_pupil": N_("ouders niet ingelicht (veiligheid leerling)"),
    "endangers_others": N_("ouders niet ingelicht (veiligheid anderen)"),
    "breaks_contact": N_("ouders niet ingelicht (zouden contact verbreken)"),
    "other": N_("ouders niet ingelicht (andere reden)"),
}
_ANCHOR = {
    "missing": N_("Het controlebestand ontbrak; er is een nieuw gemaakt"),
    "invalid": N_("Het controlebestand was beschadigd of veranderd; er is een nieuw gemaakt"),
    "earlier_key": N_(
        "Het controlebestand hoorde bij een eerdere sleutel; er is een nieuw gemaakt"
    ),
}


def _int(details: Details, key: str) -> int | None:
    value = details.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _str(details: Details, key: str) -> str | None:
    value = details.get(key)
    return value if isinstance(value, str) else None


def _word(table: dict[str, str], details: Details, key: str) -> str | None:
    value = _str(details, key)
    return _(table[value]) if value in table else None


def _via(kind: AuditKind, details: Details) -> str | None:
    key = (kind, _str(details, "via") or "")
    return _(_VIA[key]) if key in _VIA else None


def _forms(kind: AuditKind, details: Details) -> str | None:
    n = _int(details, "forms")
    if n is None:
        return None
    if kind is K.CASE_CREATED:
        words = ngettext(
            "Melding aangemaakt ({n} vorm van uitbuiting)",
            "Melding aangemaakt ({n} vormen van uitbuiting)",
            n,
        )
    else:
        words = ngettext(
            "Gegevens van de melding gewijzigd ({n} vorm van uitbuiting)",
            "Gegevens van de melding gewijzigd ({n} vormen van uitbuiting)",
            n,
        )
    return words.format(n=n)


def _status(kind: AuditKind, details: Details) -> str | None:
    status = _str(details, "status")
    if status not in {s.value for s in CaseStatus}:
        return None
    words = _(STATUS_LABELS[CaseStatus(status)])
    keep = _str(details, "retain_until")
    try:
        until = dt.date.fromisoformat(keep) if keep else None
    except ValueError:
        until = None
    outcome = _str(details, "outcome")
    if outcome in {o.value for o in ClosingOutcome}:
        words = _("{status} ({outcome})").format(
            status=words, outcome=_(CLOSING_OUTCOME_LABELS[ClosingOutcome(outcome)])
        )
    if until is None:
        return _("Status: {status}").format(status=words)
    return _("Status: {status}, bewaren tot {date}").format(status=words, date=format_date(until))


def _acute(kind: AuditKind, details: Details) -> str | None:
    day = _str(details, "acute_on")
    try:
        since = dt.date.fromisoformat(day) if day else None
    except ValueError:
        return None
    if since is None:
        return _("Niet meer acuut")
    if _int(details, "entry") is not None:
        return _("Acuut sinds {date}, door een spontane onthulling").format(date=format_date(since))
    return _("Acuut sinds {date}").format(date=format_date(since))


def _entry_added(kind: AuditKind, details: Details) -> str | None:
    entry = _str(details, "kind")
    if entry not in {k.value for k in EntryKind}:
        return None
    what = _(ENTRY_KIND_LABELS[EntryKind(entry)])
    signals = _int(details, "signals") or 0
    if not signals:
        return _("{kind} toegevoegd").format(kind=what)
    return ngettext(
        "{kind} toegevoegd ({n} signaal)", "{kind} toegevoegd ({n} signalen)", signals
    ).format(kind=what, n=signals)


def _entry_edited(kind: AuditKind, details: Details) -> str | None:
    revision = _int(details, "revision")
    fields = details.get("fields")
    listed = fields if isinstance(fields, list) else []
    names = [_(_FIELDS[f]) for f in listed if isinstance(f, str) and f in _FIELDS]
    if revision is None or not names:
        return None
    return _("Notitie gewijzigd: {fields} (nu versie {revision})").format(
        fields=", ".join(names), revision=revision
    )


def _step(kind: AuditKind, details: Details) -> str | None:
    step, status = _int(details, "step"), _word(_STEP_STATUS, details, "status")
    if step is None or status is None:
        return None
    return _("Meldcode stap {step}: {status}").format(step=step, status=status)


def _answers(kind: AuditKind, details: Details) -> str | None:
    outcome = _str(details, "recommendation")
    if outcome not in {r.value for r in Recommendation}:
        return None
    advice = _(RECOMMENDATION_LABELS[Recommendation(outcome)])
    return _("Afwegingskader ingevuld. Uitkomst: {advice}").format(advice=advice)


def _document(kind: AuditKind, details: Details) -> str | None:
    if details.get("document") == "prevention_report":  # counts only, no case
        year = _str(details, "school_year")
        template = (
            _("Geëxporteerd: preventieverslag {year}, met aantallen uit de kluis")
            if kind is K.EXPORTED
            else _("Afgedrukt: preventieverslag {year}, met aantallen uit de kluis")
        )
        return template.format(year=year.replace("-", "–")) if year else None
    to, basis = _word(_TO, details, "recipient"), _word(_BASIS, details, "basis")
    if to is None or basis is None:
        return None
    document = _word(_DOCUMENTS, details, "document") or _("document")
    template = (
        _("Geëxporteerd: {document} {recipient}, grondslag {basis}")
        if kind is K.EXPORTED
        else _("Afgedrukt: {document} {recipient}, grondslag {basis}")
    )
    parts = [template.format(document=document, recipient=to, basis=basis)]
    told = details.get("told")
    if isinstance(told, dict):
        parts += [
            w
            for w in (_word(_TOLD_PUPIL, told, "pupil"), _word(_TOLD_PARENTS, told, "parents"))
            if w
        ]
    entries = details.get("entries")
    if isinstance(entries, list):
        n = len(entries)
        numbers = ", ".join(str(e) for e in entries if isinstance(e, int))
        parts.append(
            ngettext("notitie nr. {numbers}", "notities nrs. {numbers}", n).format(numbers=numbers)
            if numbers
            else ngettext("{n} notitie", "{n} notities", n).format(n=n)
        )
    sentence = ", ".join(parts)
    sections = _int(details, "sections")
    if sections:
        sentence += " " + ngettext("({n} onderdeel)", "({n} onderdelen)", sections).format(
            n=sections
        )
    if details.get("repeat") is True:
        sentence += " " + _("(opnieuw, dezelfde verwijzing)")
    digest = _str(details, "sha256")
    if digest:  # so that a letter on file can be checked against its event (sha256sum)
        sentence += ". " + _("SHA-256 van de PDF: {digest}").format(digest=digest)
    return sentence


def _referral_updated(kind: AuditKind, details: Details) -> str | None:
    status, referral = _str(details, "status"), _int(details, "referral")
    if status not in {s.value for s in ReferralStatus} or referral is None:
        return None
    try:
        on = dt.date.fromisoformat(_str(details, "on") or "")
        recheck = _str(details, "recheck_on")
        again = dt.date.fromisoformat(recheck) if recheck else None
    except ValueError:
        return None
    words = _("Verwijzing {id}: {status} op {date}").format(
        id=referral, status=_(REFERRAL_STATUS_LABELS[ReferralStatus(status)]).lower(),
        date=format_date(on),
    )  # fmt: skip
    if again is None:
        return words
    return _("{update}, nagaan op {date}").format(update=words, date=format_date(again))


def _audit_paper(kind: AuditKind, details: Details) -> str | None:
    rows = _int(details, "rows")
    if rows is None:
        return None
    if kind is K.AUDIT_EXPORTED:
        template = ngettext(
            "Auditlog opgeslagen als PDF ({n} regel)",
            "Auditlog opgeslagen als PDF ({n} regels)",
            rows,
        )
    else:
        template = ngettext(
            "Auditlog afgedrukt ({n} regel)", "Auditlog afgedrukt ({n} regels)", rows
        )
    return template.format(n=rows)


def _backup(kind: AuditKind, details: Details) -> str | None:
    name = _str(details, "file")
    if details.get("found_at_unlock") and name:
        return _("Reservekopie gevonden bij het openen en vastgelegd: {file}").format(file=name)
    if kind is K.BACKUP_STARTED:
        return _("Reservekopie naar een gekozen plek begonnen")
    if name:
        return _("Reservekopie gemaakt: {file}").format(file=name)
    return _("Reservekopie gemaakt op een gekozen plek")


def _file(template: str) -> Callable[[AuditKind, Details], str | None]:
    def words(kind: AuditKind, details: Details) -> str | None:
        name = _str(details, "file")
        return _(template).format(file=name) if name else None

    return words


def _purged(kind: AuditKind, details: Details) -> str | None:
    n = _int(details, "count")
    if n is None:
        return None
    sentence = ngettext(
        "{n} melding verwijderd na de bewaartermijn",
        "{n} meldingen verwijderd na de bewaartermijn",
        n,
    ).format(n=n)
    codes = details.get("codes")
    if isinstance(codes, list) and codes:
        sentence += ": " + ", ".join(str(code) for code in codes)
    return sentence


def _deleted(kind: AuditKind, details: Details) -> str | None:
    n = _int(details, "entries")
    if n is None:
        return None
    return ngettext(
        "Melding verwijderd met {n} notitie", "Melding verwijderd met {n} notities", n
    ).format(n=n)


def _migrated(kind: AuditKind, details: Details) -> str | None:
    old, new = _int(details, "from_version"), _int(details, "to_version")
    if old is None or new is None:
        return None
    return _("Kluis bijgewerkt van versie {old} naar versie {new}").format(old=old, new=new)


def _rollback(kind: AuditKind, details: Details) -> str | None:
    expected, found = _int(details, "expected"), _int(details, "found")
    if expected is None or found is None:
        return None
    return _(
        "De kluis stond op een eerdere stand: tot regel {found}, terwijl de auditlog al bij "
        "regel {expected} was"
    ).format(found=found, expected=expected)


def _copies(kind: AuditKind, details: Details) -> str | None:
    n = _int(details, "copies_removed")
    if n is None:
        return None
    return ngettext(
        "{n} oude kopie verwijderd; er is één nieuwe reservekopie",
        "{n} oude kopieën verwijderd; er is één nieuwe reservekopie",
        n,
    ).format(n=n)


_SENTENCES: dict[AuditKind, Callable[[AuditKind, Details], str | None]] = {
    K.UNLOCKED: _via,
    K.UNLOCK_FAILED: _via,
    K.CASE_CREATED: _forms,
    K.CASE_CHANGED: _forms,
    K.STATUS_SET: _status,
    K.ACUTE_SET: _acute,
    K.ENTRY_ADDED: _entry_added,
    K.ENTRY_EDITED: _entry_edited,
    K.STEP_SET: _step,
    K.ANSWERS_SET: _answers,
    K.EXPORTED: _document,
    K.PRINTED: _document,
    K.BACKED_UP: _backup,
    K.BACKUP_STARTED: _backup,
    K.RESTORED: _file(N_("Reservekopie teruggezet: {file}")),
    K.HEADER_RESTORED: _file(N_("Sleutelbestand teruggehaald uit de reservekopie {file}")),
    K.PURGED: _purged,
    K.CASE_DELETED: _deleted,
    K.MIGRATED: _migrated,
    K.ROLLBACK_FOUND: _rollback,
    K.ANCHOR_REPLACED: lambda kind, details: _word(_ANCHOR, details, "finding"),
    K.COPIES_REPLACED: _copies,
    K.AUDIT_EXPORTED: _audit_paper,
    K.AUDIT_PRINTED: _audit_paper,
    K.REFERRAL_UPDATED: _referral_updated,
}


def sentence(kind: AuditKind, details: Details) -> str | None:
    """What ``details`` of a ``kind`` event say in words; None if nothing more than the label."""
    words = _SENTENCES.get(kind)
    return words(kind, details) if words is not None else None
