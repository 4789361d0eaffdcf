"""Which entries of the chronology go into the letter: none until the coordinator ticks one.

One row per entry: its date, kind and the start of its facts, and a choice: left out (the
default), facts only, or with interpretation (only for an entry that has one).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _, format_date
from desktop.referrals.choices import ENTRY_USE_LABELS, EntryUse
from desktop.ui.widgets import named

if TYPE_CHECKING:
    from desktop.vault.records import EntryView

EXCERPT = 90


def excerpt(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= EXCERPT else line[: EXCERPT - 1].rstrip() + "…"


class EntryPicker(QWidget):
    changed = Signal()

    def __init__(self, entries: Sequence[EntryView]) -> None:
        super().__init__()
        from desktop.vault.vocabulary import ENTRY_KIND_LABELS

        self.entries = tuple(entries)
        self.intro = named(QLabel(wordWrap=True), "entryPickerIntro")
        self.intro.setText(
            _(
                "Neem alleen op wat de ontvanger nodig heeft. De brief noemt hoeveel "
                "aantekeningen er niet in staan, niet wat erin staat."
            )
        )
        self.table = named(QTableWidget(len(self.entries), 3), "letterEntries")
        self.table.setHorizontalHeaderLabels([_("In de brief"), _("Datum"), _("Aantekening")])
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.uses: dict[int, QComboBox] = {}
        for row, entry in enumerate(self.entries):
            combo = named(QComboBox(), f"entryUse{entry.id}")
            for use, label in ENTRY_USE_LABELS.items():
                if use is EntryUse.WITH_INTERPRETATION and not entry.interpretation.strip():
                    continue
                combo.addItem(_(label), use.value)
            combo.currentIndexChanged.connect(self.changed)
            self.uses[entry.id] = combo
            self.table.setCellWidget(row, 0, combo)
            self.table.setItem(row, 1, QTableWidgetItem(format_date(entry.occurred_on, "short")))
            what = f"{_(ENTRY_KIND_LABELS[entry.kind])}: {excerpt(entry.facts)}"
            item = QTableWidgetItem(what)
            item.setToolTip(excerpt(entry.facts))
            self.table.setItem(row, 2, item)
        self.table.resizeRowsToContents()
        self.empty = QLabel(_("Deze melding heeft nog geen aantekeningen."), wordWrap=True)
        self.empty.setVisible(not self.entries)
        self.table.setVisible(bool(self.entries))
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.intro)
        column.addWidget(self.table, 1)
        column.addWidget(self.empty)

    def choose(self, entry_id: int, use: EntryUse) -> None:
        combo = self.uses[entry_id]
        combo.setCurrentIndex(max(combo.findData(use.value), 0))

    def value(self) -> dict[int, EntryUse]:
        return {entry_id: EntryUse(combo.currentData()) for entry_id, combo in self.uses.items()}
