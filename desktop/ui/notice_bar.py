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
        self._texts: tuple[str | Callable[[], str], str | Callable[[], str]] = ("", "")
        self.action.clicked.connect(self._act)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 8, 16, 8)
        row.addWidget(self.text, 1)
        row.addWidget(self.action)
        row.addWidget(self.close_button)
        self.hide()

    def show_message(
        self,
        text: str | Callable[[], str],
        action_text: str | Callable[[], str] = "",
        on_action: Callable[[], None] | None = None,
    ) -> None:
        """Show ``text``; callables follow a language switch (:meth:`retranslate`)."""
        self._texts = (text, action_text)
        self.on_action = on_action
        self.retranslate()
        self.show()

    def retranslate(self) -> None:
        from desktop.i18n import _

        text, action_text = (t() if callable(t) else t for t in self._texts)
        self.text.setText(text)
        self.action.setVisible(bool(action_text))
        self.action.setText(action_text)
        self.close_button.setText(_("Sluiten"))

    def _act(self) -> None:
        if self.on_action is not None:
            self.on_action()
