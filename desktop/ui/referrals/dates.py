"""Date fields of the letter's forms: a past date, today by default, typed as dd-mm-jjjj."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit

from desktop.ui.widgets import named


def past_date(name: str) -> QDateEdit:
    edit = named(QDateEdit(), name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd-MM-yyyy")
    edit.setMaximumDate(QDate.currentDate())
    edit.setMinimumDate(QDate.currentDate().addYears(-10))
    edit.setDate(QDate.currentDate())
    return edit


def any_date(name: str) -> QDateEdit:
    edit = named(QDateEdit(), name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd-MM-yyyy")
    edit.setMinimumDate(QDate.currentDate().addYears(-10))
    edit.setMaximumDate(QDate.currentDate().addYears(2))
    edit.setDate(QDate.currentDate())
    return edit


def day_of(edit: QDateEdit) -> dt.date:
    day = edit.date()
    return dt.date(day.year(), day.month(), day.day())
