"""The documents made from a case: each referral letter (or other case document) saved as PDF
or sent to a printer is logged with what it was, to whom, on which basis, the sections and
entries it holds and its SHA-256 (shared/domain.md 4: record every sharing of data). The
audit log on paper is logged too (:func:`record_audit_export`): it names case codes and what
was done.

A referral letter (``what == "referral_letter"``) is made only on a lawful basis, with whom
the school told of it, or why not (``desktop.vault.sharing_rules.problems`` must find nothing); it
starts its follow-up as sent, today (``desktop.vault.followup``). The same letter saved or
printed again (``repeat_of``) is an audit event only.

Each function takes the vault's open :class:`~desktop.vault.store.Store` first; the vault
offers them as its methods. The recipient's name, the conflict of duties' texts and the
explanation of why someone was not told are kept with the case (in the encrypted vault);
the audit event holds only kinds, ids, counts and the hash.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from desktop.i18n import N_
from desktop.vault import audit, followup, queries, sharing, sharing_rules, validation
from desktop.vault.audit import AuditKind
from desktop.vault.errors import InvalidInput
from desktop.vault.schema import Entry, Referral
from desktop.vault.sharing import (
    Basis,
    ConflictOfDuties,
    Consent,
    ConsentForm,
    ConsentFrom,
    NotToldReason,
    ReferralStatus,
    Telling,
    Told,
)
from desktop.vault.vocabulary import RecipientKind, SharingBasis

if TYPE_CHECKING:
    from desktop.vault.store import Store


REFERRAL_LETTER = "referral_letter"
REFERRAL_IDS = range(1, 2**63)
BASIS_MISMATCH = N_(
    "De gekozen grondslag is een andere dan die in de gegevens van de brief. Kies de grondslag "
    "opnieuw."
)
NOT_A_REPEAT = N_(
    "Deze brief gaat naar een andere ontvanger of op een andere grondslag dan de brief die hij "
    "zou herhalen. Maak er een nieuwe verwijzing van."
)


def record_export(
    store: Store,
    code: str,
    what: str,
    recipient: RecipientKind | str,
    basis: SharingBasis | str,
    sha256: str,
    *,
    recipient_name: str = "",
    sections: Iterable[str] = (),
    entry_ids: Iterable[int] = (),
    basis_details: Basis | None = None,
    told: Told | None = None,
    pupil_16_plus: bool | None = None,
    repeat_of: int | None = None,
) -> int:
    """Log a document of the case saved as PDF (what, to whom, on which basis, which entries,
    its hash); returns the referral's id.

    A referral letter needs ``basis_details`` (whose kind is ``basis``) and ``told``, and
    :func:`desktop.vault.sharing_rules.problems` must find nothing (today: this computer's date),
    else :class:`InvalidInput` names the first field that is wrong. ``entry_ids`` must be
    entries of this case. ``repeat_of``: the id of a referral of this case that this is the
    same letter as (to the same kind of recipient, on the same basis): no new referral, only
    the audit event."""
    given = _Given(
        what, recipient, basis, sha256, recipient_name, sections, entry_ids, basis_details,
        told, pupil_16_plus, repeat_of,
    )  # fmt: skip
    return _record(store, "export", code, given)


def record_print(
    store: Store,
    code: str,
    what: str,
    recipient: RecipientKind | str,
    basis: SharingBasis | str,
    sha256: str,
    *,
    recipient_name: str = "",
    sections: Iterable[str] = (),
    entry_ids: Iterable[int] = (),
    basis_details: Basis | None = None,
    told: Told | None = None,
    pupil_16_plus: bool | None = None,
    repeat_of: int | None = None,
) -> int:
    """Log a document of the case sent to a printer (as :func:`record_export`)."""
    given = _Given(
        what, recipient, basis, sha256, recipient_name, sections, entry_ids, basis_details,
        told, pupil_16_plus, repeat_of,
    )  # fmt: skip
    return _record(store, "print", code, given)


@dataclass(frozen=True)
class _Given:
    """The arguments of :func:`record_export` and :func:`record_print`, as given."""

    what: object
    recipient: object
    basis: object
    sha256: object
    recipient_name: object
    sections: object
    entry_ids: object
    basis_details: object
    told: object
    pupil_16_plus: object
    repeat_of: object


AUDIT_CHANNELS = {"export": AuditKind.AUDIT_EXPORTED, "print": AuditKind.AUDIT_PRINTED}
MAX_ROWS = 2**63 - 1


def record_audit_export(store: Store, channel: str, rows: int, sha256: str) -> int:
    """Log the audit log itself saved as PDF (``channel`` ``"export"``) or sent to a printer
    (``"print"``): how many of its events the document holds, and the PDF's SHA-256.
    Returns the new event's number. Nothing else: no file name, no printer, no filter text."""
    if not isinstance(channel, str) or channel not in AUDIT_CHANNELS:
        raise InvalidInput("channel", validation.UNKNOWN_CHOICE)
    count = validation.whole_number(
        "rows", rows, range(0, MAX_ROWS), N_("Het aantal regels moet een heel getal zijn.")
    )
    digest = validation.sha256(sha256)
    with store.session() as session:
        event = audit.record(
            session, AUDIT_CHANNELS[channel], channel=channel, rows=count, sha256=digest
        )
        return event.seq


def _record(store: Store, channel: str, code: str, given: _Given) -> int:
    validation.case_code(code)
    what = validation.document_kind(given.what)
    kind = validation.choice(RecipientKind, given.recipient, "recipient")
    basis = validation.choice(SharingBasis, given.basis, "basis")
    digest = validation.sha256(given.sha256)
    section_ids = validation.section_ids(given.sections)
    name = validation.texts(recipient=given.recipient_name)["recipient"]
    links = validation.linked_entries(given.entry_ids)
    details = checked_basis(given.basis_details)
    told = checked_told(given.told)
    sixteen = (
        None
        if given.pupil_16_plus is None
        else validation.flag("pupil_16_plus", given.pupil_16_plus)
    )
    repeat = (
        None
        if given.repeat_of is None
        else validation.whole_number(
            "repeat_of", given.repeat_of, REFERRAL_IDS, followup.UNKNOWN_REFERRAL
        )
    )
    if details is not None and details.kind is not basis:
        raise InvalidInput("basis", BASIS_MISMATCH)
    with store.session() as session:
        case = queries.find_case(session, code)
        if what == REFERRAL_LETTER:  # the rules on the case's own age and dates
            band = sharing.pupil_16_plus(case.age_band)
            if band is not None and sixteen is not None and band != sixteen:
                raise InvalidInput("pupil_16_plus", sharing_rules.AGE_NOT_THE_CASES)
            found = sharing_rules.problem_ids(
                kind,
                details,
                told,
                pupil_16_plus=band if band is not None else sixteen,
                today=dt.date.today(),
                opened_on=case.opened_on,
            )
            if found:
                field, problem = next(iter(found.items()))
                raise InvalidInput(field, problem)
        if links:
            found_ids = session.scalars(
                select(Entry.id).where(Entry.case_id == case.id, Entry.id.in_(links))
            ).all()
            if len(set(found_ids)) != len(links):
                raise InvalidInput("entry_ids", validation.NOT_OF_THIS_CASE)
        if repeat is not None:
            referral = followup.referral_of(session, case, repeat, "repeat_of")
            if (referral.recipient_kind, referral.basis) != (kind.value, basis.value):
                raise InvalidInput("repeat_of", NOT_A_REPEAT)
        else:
            referral = Referral(
                case_id=case.id,
                channel=channel,
                document=what,
                recipient_kind=kind.value,
                recipient=name,
                basis=basis.value,
                sections=json.dumps(section_ids),
                sha256=digest,
                made_at=validation.utcnow(),
                entry_ids=json.dumps(links),
                basis_details=_json(details.to_json() if details else {}),
                told=_json(told.to_json() if told else {}),
                status=ReferralStatus.SENT.value,
                status_on=dt.date.today(),
                recheck_on=None,
            )
            session.add(referral)
            session.flush()
            followup.add_update(session, referral, ReferralStatus.SENT, dt.date.today(), None, "")
            followup.keep_case_counts(session, case)
        audit.record(
            session,
            AuditKind.EXPORTED if channel == "export" else AuditKind.PRINTED,
            case_code=code,
            referral=referral.id,
            document=what,
            recipient=kind.value,
            basis=basis.value,
            told=None if told is None else {"pupil": told.pupil.kind, "parents": told.parents.kind},
            entries=links,
            sections=len(section_ids),
            sha256=digest,
            repeat=repeat is not None,
        )
        return referral.id


def _json(data: object) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def checked_basis(value: object) -> Basis | None:
    """``value`` as a :class:`Basis` of the vault's own values, keeping only the part that
    goes with its kind (the consent, or the conflict of duties' texts); None if None."""
    if value is None:
        return None
    if not isinstance(value, Basis):
        raise InvalidInput("basis", sharing_rules.NO_BASIS)
    kind = validation.choice(SharingBasis, value.kind, "basis")
    consent: object = value.consent
    conflict: object = value.conflict
    if kind is SharingBasis.CONSENT and consent is not None:
        if not isinstance(consent, Consent):
            raise InvalidInput("consent_by", sharing_rules.CONSENT_BY)
        return Basis(
            kind,
            consent=Consent(
                validation.choice(ConsentFrom, consent.given_by, "consent_by"),
                validation.calendar_date("consent_on", consent.given_on),
                validation.choice(ConsentForm, consent.form, "consent_form"),
            ),
        )
    if kind is SharingBasis.CONFLICT_OF_DUTIES and conflict is not None:
        if not isinstance(conflict, ConflictOfDuties):
            raise InvalidInput("conflict_why", sharing_rules.CONFLICT_WHY)
        texts = validation.texts(
            conflict_why=conflict.why_only_way, conflict_efforts=conflict.consent_efforts
        )
        return Basis(
            kind, conflict=ConflictOfDuties(texts["conflict_why"], texts["conflict_efforts"])
        )
    return Basis(kind)


def checked_told(value: object) -> Told | None:
    """``value`` as a :class:`Told` of the vault's own values; None if None."""
    if value is None:
        return None
    if not isinstance(value, Told):
        raise InvalidInput("told_pupil", sharing_rules.TOLD_MISSING["told_pupil"])
    return Told(_telling("told_pupil", value.pupil), _telling("told_parents", value.parents))


def _telling(field: str, value: object) -> Telling:
    if not isinstance(value, Telling):
        raise InvalidInput(field, sharing_rules.TOLD_MISSING[field])
    reason = None if value.reason is None else validation.choice(NotToldReason, value.reason, field)
    return Telling(
        validation.optional_date(field, value.told_on),
        reason,
        validation.texts(**{field: value.explanation})[field],
    )
