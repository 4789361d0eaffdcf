"""The documents made from a case: each referral letter (or other case document) saved as PDF
or sent to a printer is logged with what it was, to whom, on which basis, the sections it
holds and its SHA-256 (shared/domain.md 4: record every sharing of data). The audit log on
paper is logged too (:func:`record_audit_export`): it names case codes and what was done.

Each function takes the vault's open :class:`~desktop.vault.store.Store` first; the vault
offers them as its methods. The recipient's name, as the school entered it, is kept with
the case; the audit event holds only its kind.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING

from desktop.i18n import N_
from desktop.vault import audit, queries, validation
from desktop.vault.audit import AuditKind
from desktop.vault.errors import InvalidInput
from desktop.vault.schema import Referral
from desktop.vault.vocabulary import RecipientKind, SharingBasis

if TYPE_CHECKING:
    from desktop.vault.store import Store


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
) -> int:
    """Log a document of the case saved as PDF (what, to whom, on which basis, its hash)."""
    return _record(store, "export", code, what, recipient, basis, sha256, recipient_name, sections)


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
) -> int:
    """Log a document of the case sent to a printer."""
    return _record(store, "print", code, what, recipient, basis, sha256, recipient_name, sections)


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


def _record(
    store: Store,
    channel: str,
    code: str,
    what: str,
    recipient: RecipientKind | str,
    basis: SharingBasis | str,
    sha256: str,
    recipient_name: str,
    sections: Iterable[str],
) -> int:
    validation.case_code(code)
    validation.document_kind(what)
    kind = validation.choice(RecipientKind, recipient, "recipient")
    sharing = validation.choice(SharingBasis, basis, "basis")
    digest = validation.sha256(sha256)
    section_ids = validation.section_ids(sections)
    name = validation.texts(recipient=recipient_name)["recipient"]
    with store.session() as session:
        case = queries.find_case(session, code)
        referral = Referral(
            case_id=case.id,
            channel=channel,
            document=what,
            recipient_kind=kind.value,
            recipient=name,
            basis=sharing.value,
            sections=json.dumps(section_ids),
            sha256=digest,
            made_at=validation.utcnow(),
        )
        session.add(referral)
        session.flush()
        audit.record(
            session,
            AuditKind.EXPORTED if channel == "export" else AuditKind.PRINTED,
            case_code=code,
            referral=referral.id,
            document=what,
            recipient=kind.value,
            basis=sharing.value,
            sections=len(section_ids),
            sha256=digest,
        )
        return referral.id
