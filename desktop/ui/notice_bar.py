"""A yellow bar at the top of the main window for something the user should know now."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.ui.widgets import named


class NoticeBar(QFrame):
    """A sentence, an optional action button and a close button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.text = named(QLabel(wordWrap=True), "noticeText")
        self.action = named(QPushButton(), "noticeAction")
        self.close_button = named(QPushButton(), "noticeClose")
        self.close_button.clicked.connect(self.hide)
        self.on_action: Callable[[], None] | None = None
        self.action.clicked.connect(self._act)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 8, 16, 8)
        row.addWidget(self.text, 1)
        row.addWidget(self.action)
        row.addWidget(self.close_button)
        self.hide()

    def _act(self) -> None:
        if self.on_action is not None:
            self.on_action()
