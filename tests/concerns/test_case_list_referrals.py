"""The case list's Verwijzingen column: open referrals, marked when a re-check date passed."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from desktop.concerns.case_list import Column, cell, referrals_tip, sort_key
from desktop.vault.records import CaseRow
from desktop.vault.vocabulary import CaseStatus

DAY = dt.date(2026, 3, 2)
ROW = CaseRow(
    "2026-001", CaseStatus.OPEN, (), None, None, None, DAY, dt.datetime(2026, 3, 2), None, None,
    0, None, 1, None, None,
)  # fmt: skip


def test_no_open_referrals_show_a_dash() -> None:
    assert cell(ROW, Column.REFERRALS, DAY) == "–"
    assert referrals_tip(ROW, DAY) is None


def test_open_referrals_are_counted_and_marked_when_overdue() -> None:
    row = replace(ROW, open_referrals=2, referral_recheck_on=dt.date(2026, 3, 10))
    assert cell(row, Column.REFERRALS, DAY) == "2"
    assert (
        referrals_tip(row, DAY) == "2 verwijzingen zijn nog niet afgerond. Nagaan op 10 mrt 2026."
    )
    later = dt.date(2026, 3, 11)
    assert cell(row, Column.REFERRALS, later) == "2 (verlopen)"
    assert "had op 10 mrt 2026" in (referrals_tip(row, later) or "")
    closed = replace(row, status=CaseStatus.CLOSED)
    assert cell(closed, Column.REFERRALS, later) == "2"  # a closed case is not overdue
    assert sort_key(row, Column.REFERRALS) > sort_key(ROW, Column.REFERRALS)
