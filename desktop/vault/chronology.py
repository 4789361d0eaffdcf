"""A case's chronology: dated entries, and their corrections.

An entry keeps apart what was seen or heard (facts), the pupil's own words (verbatim), what
the writer makes of it (interpretation) and who saw or heard it, with the signal card's
signals. An entry is corrected by a new revision with the reason for the correction; the
text it replaces stays, as an earlier revision (shared/design.md: "an entry is corrected by
an addendum; the earlier text stays").

A spontaneous disclosure (the pupil tells of their own accord) counts as acute unsafety
(shared/domain.md 3): an entry marked as one sets the case's acute date, if it had none.

Each function takes the vault's open :class:`~desktop.vault.store.Store` first; the vault
offers them as its methods. The case keeps its entry count and newest entry's date for the
case list (``desktop.vault.schema``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from desktop.i18n import N_
from desktop.vault import audit, cases, queries, validation
from desktop.vault.audit import AuditKind
from desktop.vault.errors import EntryNotFound
from desktop.vault.schema import Case, Entry, EntryRevision
from desktop.vault.vocabulary import EntryKind

if TYPE_CHECKING:
    from desktop.vault.store import Store

CORRECTION_NEEDS_REASON = N_("Geef een reden voor de correctie.")


def add_entry(
    store: Store,
    code: str,
    kind: EntryKind | str,
    *,
    occurred_on: dt.date,
    facts: str,
    interpretation: str = "",
    who: str = "",
    pupil_words: str = "",
    signals: Iterable[str] = (),
    disclosure: bool = False,
) -> int:
    """Add a dated entry to the case's chronology; returns the entry's id.

    ``pupil_words``: what the pupil said, verbatim. ``disclosure``: the pupil told of their
    own accord; the case is then acute from ``occurred_on``, unless it already was.
    """
    validation.case_code(code)
    entry_kind = validation.choice(EntryKind, kind, "kind")
    day = validation.calendar_date("occurred_on", occurred_on)
    texts = validation.texts(
        facts=facts, interpretation=interpretation, who=who, pupil_words=pupil_words
    )
    signal_ids = validation.signal_ids(signals)
    told = validation.flag("disclosure", disclosure)
    with store.session() as session:
        case = queries.find_case(session, code)
        now = validation.utcnow()
        entry = Entry(
            case_id=case.id,
            kind=entry_kind.value,
            occurred_on=day,
            signals=json.dumps(signal_ids),
            revision=1,
            created_at=now,
            updated_at=now,
            disclosure=told,
            reason="",
            **texts,
        )
        session.add(entry)
        case.updated_at = now
        case.entry_count += 1
        case.last_entry_on = day if case.last_entry_on is None else max(case.last_entry_on, day)
        session.flush()
        audit.record(
            session,
            AuditKind.ENTRY_ADDED,
            case_code=code,
            entry=entry.id,
            kind=entry_kind.value,
            signals=len(signal_ids),
            disclosure=told,
        )
        if told and case.acute_on is None:
            cases.mark_acute(session, case, day, entry=entry.id)
        return entry.id


def edit_entry(
    store: Store,
    entry_id: int,
    *,
    reason: str,
    occurred_on: dt.date | None = None,
    facts: str | None = None,
    interpretation: str | None = None,
    who: str | None = None,
    pupil_words: str | None = None,
    signals: Iterable[str] | None = None,
) -> int:
    """Correct an entry, saying why (``reason``); the text it replaces is kept as an earlier
    revision, with the reason that made that one.

    Fields left as None keep their value. Returns the entry's revision number (unchanged
    if nothing differs: then nothing is written, the reason neither).
    """
    validation.entry_id(entry_id)
    why = validation.reason("reason", reason, CORRECTION_NEEDS_REASON)
    day = validation.optional_date("occurred_on", occurred_on)
    given = {
        "facts": facts,
        "interpretation": interpretation,
        "who": who,
        "pupil_words": pupil_words,
    }
    texts = validation.texts(**{k: v for k, v in given.items() if v is not None})
    signal_ids = validation.signal_ids(signals) if signals is not None else None
    with store.session() as session:
        entry = session.get(Entry, entry_id)
        if entry is None:
            raise EntryNotFound(entry_id)
        changed: dict[str, object] = {k: v for k, v in texts.items() if getattr(entry, k) != v}
        if day is not None and day != entry.occurred_on:
            changed["occurred_on"] = day
        if signal_ids is not None and json.dumps(signal_ids) != entry.signals:
            changed["signals"] = json.dumps(signal_ids)
        if not changed:
            return entry.revision
        now = validation.utcnow()
        session.add(
            EntryRevision(
                entry_id=entry.id,
                revision=entry.revision,
                occurred_on=entry.occurred_on,
                facts=entry.facts,
                interpretation=entry.interpretation,
                who=entry.who,
                signals=entry.signals,
                saved_at=entry.updated_at,
                replaced_at=now,
                pupil_words=entry.pupil_words,
                reason=entry.reason,
            )
        )
        for name, value in changed.items():
            setattr(entry, name, value)
        entry.reason = why
        entry.revision += 1
        entry.updated_at = now
        case = session.get(Case, entry.case_id)
        assert case is not None
        case.updated_at = now
        if "occurred_on" in changed:
            session.flush()
            case.last_entry_on = session.scalar(
                select(func.max(Entry.occurred_on)).where(Entry.case_id == case.id)
            )
        audit.record(
            session,
            AuditKind.ENTRY_EDITED,
            case_code=case.code,
            entry=entry.id,
            revision=entry.revision,
            fields=sorted(changed),
        )
        return entry.revision
