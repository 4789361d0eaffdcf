"""The case list's columns and filters, without Qt widgets.

The list shows, per case: its code, status, suspected forms, the date of the last entry, the
meldcode step it is at, the re-check date of the afwegingskader's question 5 (marked when
it has passed) and how many referrals are open (marked when the date to check on one has
passed). Filters map onto :meth:`desktop.vault.service.Vault.cases`, which does the
work in SQL, so that 10,000 cases filter in milliseconds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import Enum
from typing import TYPE_CHECKING, Any

from desktop.i18n import N_, _, format_date, ngettext

if TYPE_CHECKING:
    from desktop.vault.records import CaseRow


class Column(Enum):
    CODE = 0
    STATUS = 1
    FORMS = 2
    LAST_ENTRY = 3
    STEP = 4
    RECHECK = 5
    REFERRALS = 6


HEADERS = {
    Column.CODE: N_("Code"),
    Column.STATUS: N_("Status"),
    Column.FORMS: N_("Vermoeden"),
    Column.LAST_ENTRY: N_("Laatste notitie"),
    Column.STEP: N_("Meldcode"),
    Column.RECHECK: N_("Herbeoordelen"),
    Column.REFERRALS: N_("Verwijzingen"),
}
SHORT_FORMS = {
    "sexual": N_("seksueel"),
    "criminal": N_("crimineel"),
    "labour": N_("arbeid"),
}


@dataclass(frozen=True)
class CaseFilter:
    """What the coordinator narrowed the list to; empty fields do not filter."""

    status: str | None = None  # a CaseStatus value, or "active" for every status but closed
    form: str | None = None  # a Form value
    text: str = ""  # in the code and the entries' text
    since: dt.date | None = None  # opened on or after
    until: dt.date | None = None  # opened on or before

    def with_(self, **changes: Any) -> CaseFilter:
        return replace(self, **changes)

    def query(self) -> dict[str, Any]:
        """Keyword arguments for ``Vault.cases``."""
        from desktop.vault.vocabulary import CaseStatus

        status: object = self.status
        if self.status == "active":
            status = [s for s in CaseStatus if s is not CaseStatus.CLOSED]
        return {
            "status": status,
            "form": self.form,
            "text": self.text.strip() or None,
            "since": self.since,
            "until": self.until,
        }

    @property
    def is_empty(self) -> bool:
        return self == CaseFilter()


def step_text(step: int) -> str:
    """The meldcode step a case is at: "Stap 3 van 5", or done when all five are."""
    if step > 5:
        return _("Afgerond")
    return _("Stap {n} van 5").format(n=max(step, 1))


def cell(row: CaseRow, column: Column, today: dt.date) -> str:
    """The text of one cell."""
    from desktop.vault.vocabulary import STATUS_LABELS

    if column is Column.CODE:
        return row.code
    if column is Column.STATUS:
        text = _(STATUS_LABELS[row.status])
        return _("Acuut · {status}").format(status=text) if row.acute_on else text
    if column is Column.FORMS:
        return ", ".join(_(SHORT_FORMS[f.value]) for f in row.forms) or "–"
    if column is Column.LAST_ENTRY:
        return format_date(row.last_entry_on, "medium") if row.last_entry_on else "–"
    if column is Column.STEP:
        return step_text(row.step)
    if column is Column.REFERRALS:
        return referrals_text(row, today)
    if row.recheck_on is None:
        return "–"
    text = format_date(row.recheck_on, "medium")
    return _("{date} (verlopen)").format(date=text) if row.overdue(today) else text


def referrals_text(row: CaseRow, today: dt.date) -> str:
    """How many referrals are open: "2", "2 (verlopen)" when one's re-check date has passed,
    "–" for none."""
    if row.open_referrals <= 0:
        return "–"
    if row.referral_overdue(today):
        return _("{n} (verlopen)").format(n=row.open_referrals)
    return str(row.open_referrals)


def referrals_tip(row: CaseRow, today: dt.date) -> str | None:
    """The whole story of the referrals cell, for its tooltip; None when there are none."""
    if row.open_referrals <= 0:
        return None
    text = ngettext(
        "{n} verwijzing is nog niet afgerond.", "{n} verwijzingen zijn nog niet afgerond.",
        row.open_referrals,
    ).format(n=row.open_referrals)  # fmt: skip
    if row.referral_recheck_on is None:
        return text
    date = format_date(row.referral_recheck_on, "medium")
    if row.referral_overdue(today):
        return (
            text
            + " "
            + _("Ga na hoe het ermee staat: dat had op {date} gemoeten.").format(date=date)
        )
    return text + " " + _("Nagaan op {date}.").format(date=date)


def sort_key(row: CaseRow, column: Column) -> Any:
    """A key that sorts a column as its meaning asks (dates as dates, empty ones last)."""
    far = dt.date.max
    if column is Column.CODE:
        return row.code
    if column is Column.STATUS:
        return (row.status.value, row.code)
    if column is Column.FORMS:
        return tuple(f.value for f in row.forms)
    if column is Column.LAST_ENTRY:
        return row.last_entry_on or dt.date.min
    if column is Column.STEP:
        return row.step
    if column is Column.REFERRALS:
        return (row.open_referrals, -(row.referral_recheck_on or far).toordinal())
    return row.recheck_on or far
