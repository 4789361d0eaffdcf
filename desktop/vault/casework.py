"""Case work: the saves and reads of a case, as :class:`CaseWork`, which the vault inherits.

A case (*zorgdossier*, here the concern log of one pupil) is known by its code (``2026-001``).
It holds a chronology of dated entries, the state of the meldcode's steps, the answers to the
afwegingskader and a log of the documents made from it (exports and prints). Terms:

- *meldcode*: the reporting code for domestic violence and child abuse that schools must follow,
  five steps (see ``desktop.vault.vocabulary``).
- *afwegingskader*: the meldcode's assessment framework, five questions whose answers lead to
  a recommendation.
- *bewaartermijn*: the retention period of a closed case, in months from its closing date; the
  AVG (the Dutch name of the GDPR) asks that the case is gone everywhere once it has passed.

Every save is one transaction with its audit event, through the vault's ``_session``; the
opening, locking and backups those rely on stay in ``desktop.vault.service``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, select

from desktop.vault import audit, queries, retention, validation
from desktop.vault.audit import AuditKind
from desktop.vault.errors import EntryNotFound
from desktop.vault.records import CaseDetail, CaseRow
from desktop.vault.retention import RemovedCases
from desktop.vault.schema import (
    Assessment,
    Case,
    Entry,
    EntryRevision,
    MeldcodeStepRecord,
    Referral,
)
from desktop.vault.vocabulary import (
    MELDCODE_STEPS,
    Answer,
    CaseStatus,
    EntryKind,
    Form,
    RecipientKind,
    Recommendation,
    SharingBasis,
    StepStatus,
    recommend,
)

if TYPE_CHECKING:
    from desktop.vault.store import Store

DEFAULT_RETENTION_MONTHS = 24
RETENTION_MONTHS = range(1, 121)


class CaseWork:
    """The case methods of :class:`desktop.vault.service.Vault`; not used on its own.

    Works through the vault's open database (its :class:`~desktop.vault.store.Store`),
    declared here for the type checker only.
    """

    if TYPE_CHECKING:
        _store: Store

    # ================================================================== cases

    def create_case(
        self,
        *,
        forms: Iterable[Form | str] = (),
        age_band: str | None = None,
        school_type: str | None = None,
        school_year: int | None = None,
        opened_on: dt.date | None = None,
    ) -> str:
        """A new open case; returns its code (``2026-001``: the year, then a number)."""
        chosen = validation.forms(forms)
        validation.profile(age_band, school_type, school_year)
        opened = validation.calendar_date(
            "opened_on", dt.date.today() if opened_on is None else opened_on
        )
        with self._store.session() as session:
            code = queries.next_code(session, opened.year)
            now = validation.utcnow()
            case = Case(
                code=code,
                status=CaseStatus.OPEN.value,
                age_band=age_band,
                school_type=school_type,
                school_year=school_year,
                forms=validation.forms_column(chosen),
                opened_on=opened,
                created_at=now,
                updated_at=now,
            )
            session.add(case)
            audit.record(session, AuditKind.CASE_CREATED, case_code=code, forms=len(chosen))
        return code

    def set_details(
        self,
        code: str,
        *,
        forms: Iterable[Form | str],
        age_band: str | None = None,
        school_type: str | None = None,
        school_year: int | None = None,
    ) -> None:
        """Replace the case's suspected forms and its optional pupil profile."""
        validation.case_code(code)
        chosen = validation.forms(forms)
        validation.profile(age_band, school_type, school_year)
        with self._store.session() as session:
            case = queries.find_case(session, code)
            case.age_band, case.school_type, case.school_year = age_band, school_type, school_year
            case.forms = validation.forms_column(chosen)
            case.updated_at = validation.utcnow()
            audit.record(session, AuditKind.CASE_CHANGED, case_code=code, forms=len(chosen))

    def set_status(
        self,
        code: str,
        status: CaseStatus | str,
        *,
        today: dt.date | None = None,
        retention_months: int = DEFAULT_RETENTION_MONTHS,
    ) -> None:
        """Set the status. Closing starts the retention period; reopening stops it.

        Closing a case that is already closed keeps its closing date (the retention period
        still runs from it), so that saving the status again does not extend how long the
        case is kept; ``retention_months`` is applied from that date.
        """
        validation.case_code(code)
        new = validation.choice(CaseStatus, status, "status")
        validation.retention_months(retention_months, RETENTION_MONTHS)
        day = validation.calendar_date("today", dt.date.today() if today is None else today)
        with self._store.session() as session:
            case = queries.find_case(session, code)
            closed_before = case.closed_on if case.status == CaseStatus.CLOSED.value else None
            case.status = new.value
            if new is CaseStatus.CLOSED:
                closed_on = closed_before or day
                case.closed_on = closed_on
                case.retain_until = validation.add_months(closed_on, retention_months)
            else:
                case.closed_on = case.retain_until = None
            case.updated_at = validation.utcnow()
            audit.record(
                session,
                AuditKind.STATUS_SET,
                case_code=code,
                status=new.value,
                retain_until=case.retain_until.isoformat() if case.retain_until else None,
            )

    def delete_case(self, code: str) -> RemovedCases:
        """Delete a case and everything in it (its audit events stay, without its text).

        Every copy of the vault beside it goes too, replaced by one fresh backup, so that the
        case is in none of them (see ``desktop.vault.retention``); the result says how many
        went, and how many backups saved elsewhere must be removed by hand.
        """
        validation.case_code(code)
        with self._store.guard():  # the deletion and the copies' replacement, as one call
            with self._store.session() as session:
                case = queries.find_case(session, code)
                entries = session.scalar(
                    select(func.count()).select_from(Entry).where(Entry.case_id == case.id)
                )
                session.execute(delete(Case).where(Case.id == case.id))
                removed = RemovedCases(
                    [code], saved_elsewhere=retention.saved_elsewhere(session, [code])
                )
                event = audit.record(
                    session,
                    AuditKind.CASE_DELETED,
                    case_code=code,
                    entries=entries or 0,
                    saved_elsewhere=removed.saved_elsewhere,
                )
                retention.mark_stale(session, event)
            return retention.replace_copies(self._store, removed)

    def purge_expired(
        self, today: dt.date | None = None, *, date_confirmed: bool = False
    ) -> RemovedCases:
        """Delete closed cases whose retention date has passed; returns their codes.

        The AVG asks that such data is gone everywhere, not only from the vault: every copy of
        the vault beside it goes too, replaced by one fresh backup (see
        ``desktop.vault.retention``; the result also says how many copies went, and how many
        backups saved elsewhere must be removed by hand).

        ``today`` (the computer's date if None) before the last day the vault saw, or months
        after it, raises :class:`ClockUncertain` and purges nothing, unless the coordinator
        confirmed the date (``date_confirmed``, written to the audit log).
        """
        validation.optional_date("today", today)
        validation.flag("date_confirmed", date_confirmed)
        day = validation.calendar_date("today", today or retention.today())
        return retention.purge(self._store, day, date_confirmed=date_confirmed)

    # ------------------------------------------------------------------ entries

    def add_entry(
        self,
        code: str,
        kind: EntryKind | str,
        *,
        occurred_on: dt.date,
        facts: str,
        interpretation: str = "",
        who: str = "",
        signals: Iterable[str] = (),
    ) -> int:
        """Add a dated entry to the case's chronology; returns the entry's id."""
        validation.case_code(code)
        entry_kind = validation.choice(EntryKind, kind, "kind")
        day = validation.calendar_date("occurred_on", occurred_on)
        texts = validation.texts(facts=facts, interpretation=interpretation, who=who)
        signal_ids = validation.signal_ids(signals)
        with self._store.session() as session:
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
                **texts,
            )
            session.add(entry)
            case.updated_at = now
            case.entry_count += 1
            session.flush()
            audit.record(
                session,
                AuditKind.ENTRY_ADDED,
                case_code=code,
                entry=entry.id,
                kind=entry_kind.value,
                signals=len(signal_ids),
            )
            return entry.id

    def edit_entry(
        self,
        entry_id: int,
        *,
        occurred_on: dt.date | None = None,
        facts: str | None = None,
        interpretation: str | None = None,
        who: str | None = None,
        signals: Iterable[str] | None = None,
    ) -> int:
        """Change an entry; the text it replaces is kept as an earlier revision.

        Fields left as None keep their value. Returns the entry's revision number (unchanged
        if nothing differs: then nothing is written).
        """
        validation.entry_id(entry_id)
        day = validation.optional_date("occurred_on", occurred_on)
        given = {"facts": facts, "interpretation": interpretation, "who": who}
        texts = validation.texts(**{k: v for k, v in given.items() if v is not None})
        signal_ids = validation.signal_ids(signals) if signals is not None else None
        with self._store.session() as session:
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
                )
            )
            for name, value in changed.items():
                setattr(entry, name, value)
            entry.revision += 1
            entry.updated_at = now
            case = session.get(Case, entry.case_id)
            assert case is not None
            case.updated_at = now
            audit.record(
                session,
                AuditKind.ENTRY_EDITED,
                case_code=case.code,
                entry=entry.id,
                revision=entry.revision,
                fields=sorted(changed),
            )
            return entry.revision

    # ------------------------------------------------------------------ meldcode

    def set_step(
        self,
        code: str,
        step: int,
        status: StepStatus | str,
        *,
        done_on: dt.date | None = None,
        note: str = "",
    ) -> None:
        """Save the state of meldcode step 1-5 (earlier states are kept)."""
        validation.case_code(code)
        validation.step(step, MELDCODE_STEPS)
        step_status = validation.choice(StepStatus, status, "status")
        day = validation.optional_date("done_on", done_on)
        text = validation.texts(note=note)["note"]
        with self._store.session() as session:
            case = queries.find_case(session, code)
            now = validation.utcnow()
            session.add(
                MeldcodeStepRecord(
                    case_id=case.id,
                    step=step,
                    status=step_status.value,
                    done_on=day,
                    note=text,
                    saved_at=now,
                )
            )
            case.updated_at = now
            audit.record(
                session, AuditKind.STEP_SET, case_code=code, step=step, status=step_status.value
            )

    def set_answers(
        self, code: str, answers: Sequence[Answer | str], *, note: str = ""
    ) -> Recommendation:
        """Save the afwegingskader's five answers; returns the recommendation they lead to."""
        validation.case_code(code)
        five = validation.answers(answers)
        outcome = recommend(five)
        text = validation.texts(note=note)["note"]
        with self._store.session() as session:
            case = queries.find_case(session, code)
            now = validation.utcnow()
            session.add(
                Assessment(
                    case_id=case.id,
                    suspicion=five[0].value,
                    unsafe=five[1].value,
                    can_help=five[2].value,
                    accepted=five[3].value,
                    lasting_safety=five[4].value,
                    recommendation=outcome.value,
                    note=text,
                    saved_at=now,
                )
            )
            case.updated_at = now
            audit.record(
                session,
                AuditKind.ANSWERS_SET,
                case_code=code,
                answers=[a.value for a in five],
                recommendation=outcome.value,
            )
        return outcome

    # ------------------------------------------------------------------ referrals, prints

    def record_export(
        self,
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
        return self._record_document(
            "export", code, what, recipient, basis, sha256, recipient_name, sections
        )

    def record_print(
        self,
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
        return self._record_document(
            "print", code, what, recipient, basis, sha256, recipient_name, sections
        )

    def _record_document(
        self,
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
        with self._store.session() as session:
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

    # ------------------------------------------------------------------ reading

    def cases(
        self,
        *,
        status: CaseStatus | str | Iterable[CaseStatus | str] | None = None,
        form: Form | str | None = None,
        text: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> list[CaseRow]:
        """Cases, newest first, filtered by status, suspected form, text and opening date.

        ``text`` matches the code and the current text of the entries (facts, interpretation,
        who); letters A-Z match in either case, other letters as typed. ``since`` and
        ``until`` bound the date the case was opened, both included.
        """
        statuses = validation.statuses(status) if status is not None else None
        chosen = validation.choice(Form, form, "form") if form is not None else None
        search = validation.search_text(text)
        first = validation.optional_date("since", since)
        last = validation.optional_date("until", until)
        with self._store.session() as session:
            return queries.list_cases(
                session, status=statuses, form=chosen, text=search, since=first, until=last
            )

    def case(self, code: str) -> CaseDetail:
        """Everything in one case: the chronology with earlier texts, steps, answers, referrals."""
        validation.case_code(code)
        with self._store.session() as session:
            return queries.load_case(session, code)
