"""The audit log screen's filters, and the log on paper: the events the filters pick, in words,
drawn by ``toolkit.audit_report``.

:class:`AuditSelection` is what the screen's filter bar holds: a kind group, a case code,
text, and a first and last day. It picks the events (:func:`audit_words.filter_events`) and
says in words which ones it picked, for the printed copy. :func:`audit_pdf` makes the PDF;
the screen shows it, saves or prints it, and has the vault log that it did
(``Vault.record_audit_export``: the channel, the number of rows and the PDF's SHA-256).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.concerns import audit_words
from desktop.i18n import _, current_language, format_date
from desktop.vault.audit import AuditKind, AuditReport
from desktop.vault.records import AuditEventView

if TYPE_CHECKING:
    from toolkit.audit_report import AuditRow


@dataclass(frozen=True)
class AuditSelection:
    """The filters of the audit log screen; empty fields pick everything."""

    group: str | None = None  # a key of audit_words.KIND_GROUPS
    case_code: str = ""
    text: str = ""
    since: dt.date | None = None  # days on this computer's calendar, both included
    until: dt.date | None = None

    @property
    def is_everything(self) -> bool:
        return not (
            self.group or self.case_code.strip() or self.text.strip() or self.since or self.until
        )

    def apply(self, events: Iterable[AuditEventView]) -> list[AuditEventView]:
        return audit_words.filter_events(
            events,
            kind_group=self.group or None,
            case_code=self.case_code.strip() or None,
            since=self.since,
            until=self.until,
            text=self.text.strip() or None,
        )

    def describe(self) -> str:
        """Which events were picked, in words (``""`` for all): for the printed copy."""
        parts = []
        if self.group:
            parts.append(_("soort: {group}").format(group=audit_words.group_label(self.group)))
        if self.case_code.strip():
            parts.append(_("melding {code}").format(code=self.case_code.strip()))
        if self.text.strip():
            parts.append(_("met de tekst “{text}”").format(text=self.text.strip()))
        if self.since and self.until:
            parts.append(
                _("van {first} tot en met {last}").format(
                    first=format_date(self.since, "long"), last=format_date(self.until, "long")
                )
            )
        elif self.since:
            parts.append(_("vanaf {first}").format(first=format_date(self.since, "long")))
        elif self.until:
            parts.append(_("tot en met {last}").format(last=format_date(self.until, "long")))
        return "; ".join(parts)


def rows(events: Iterable[AuditEventView]) -> tuple[AuditRow, ...]:
    """The events as the printed table's rows, in words of the current language."""
    from toolkit.audit_report import AuditRow

    return tuple(
        AuditRow(
            seq=event.seq,
            when=audit_words.when(event),
            what=audit_words.label(event.kind),
            case_code=event.case_code or "",
            details=audit_words.describe(event),
        )
        for event in events
    )


def vault_made(events: Sequence[AuditEventView]) -> str:
    """The day the vault was made, from its first event (``""`` if the log lacks it)."""
    first = next((e for e in events if e.kind == AuditKind.VAULT_CREATED.value), None)
    if first is None:
        return ""
    try:
        moment = dt.datetime.fromisoformat(first.at)
    except ValueError:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return format_date(moment.astimezone().date(), "long")


def audit_pdf(
    picked: Sequence[AuditEventView],
    report: AuditReport,
    selection: AuditSelection,
    *,
    school: str,
    made: str = "",
    today: dt.date | None = None,
) -> bytes:
    """The audit log on paper: the ``picked`` events, the chain check's ``report`` in words,
    which events were picked, the school and the day; in the app's current language."""
    from toolkit.audit_report import AuditReportData, audit_report

    ok, chain_text = audit_words.chain_result(report)
    data = AuditReportData(
        school=school,
        vault_made=made,
        printed_on=format_date(today or dt.date.today(), "long"),
        rows=rows(picked),
        chain_ok=ok,
        chain_text=chain_text,
        language=current_language(),
        selection=selection.describe(),
    )
    return audit_report(data)


def file_name(today: dt.date | None = None) -> str:
    """``auditlog-2026-03-02.pdf`` (``audit-log-…`` in English)."""
    stem = "audit-log" if current_language() == "en" else "auditlog"
    return f"{stem}-{(today or dt.date.today()).isoformat()}.pdf"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
