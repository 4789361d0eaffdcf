"""The signal card's signals to tick in an observation, with a search."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop.i18n import _, current_language
from desktop.ui.widgets import named


class SignalPicker(QWidget):
    """The signal card's signals with a search; ticked ones are the entry's signals."""

    def __init__(self, ticked: tuple[str, ...] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from toolkit.signal_card import load_signal_card

        card = load_signal_card(current_language())
        self.search = named(QLineEdit(), "signalPickerSearch")
        self.search.setClearButtonEnabled(True)
        self.list = named(QListWidget(), "signalPickerList")
        self.list.setMinimumHeight(160)
        self.list.setWordWrap(True)  # a signal cut short can change its meaning
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # the signals brought from the card first, so that they are seen at once
        ordered = sorted(card.signals, key=lambda s: s.id not in ticked)
        for signal in ordered:
            item = QListWidgetItem(f"{card.categories[signal.category]}: {signal.text}")
            item.setData(Qt.ItemDataRole.UserRole, signal.id)
            item.setToolTip(signal.explanation or signal.text)
            item.setCheckState(
                Qt.CheckState.Checked if signal.id in ticked else Qt.CheckState.Unchecked
            )
            self.list.addItem(item)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.search)
        column.addWidget(self.list)
        self.search.textChanged.connect(self._filter)
        self.search.setPlaceholderText(_("Zoek een signaal"))

    def _filter(self, text: str) -> None:
        needle = text.casefold().strip()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    def ticked(self) -> tuple[str, ...]:
        return tuple(
            self.list.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.list.count())
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        )
