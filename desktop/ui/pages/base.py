"""What every page shares: a heading, an introduction, and re-translation on a language change."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.ui.widgets import named


class Page(QWidget):
    """A page of the main window. Subclasses build widgets once and set texts in retranslate()."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = named(QLabel(), "pageHeading")
        self.intro = named(QLabel(wordWrap=True), "pageIntro")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(32, 24, 32, 24)
        self.body.setSpacing(12)
        self.body.addWidget(self.heading)
        self.body.addWidget(self.intro)

    def title(self) -> str:
        """The page's name in the navigation, in the current language."""
        raise NotImplementedError

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def bullet_list(items: list[str]) -> str:
    """Rich text for a short list of plain-text items (escaped)."""
    from html import escape

    rows = "".join(f"<li>{escape(item)}</li>" for item in items)
    return f"<ul style='margin-left:-20px'>{rows}</ul>"


class ComingSoon(QLabel):
    """What a page will hold, for parts that a later version fills: never an error."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, wordWrap=True)
        self.setObjectName("comingSoon")
        from PySide6.QtCore import Qt  # the Qt namespace costs ~30 ms: not before first paint

        self.setTextFormat(Qt.TextFormat.RichText)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

    def show_plan(self, heading: str, items: list[str], note: str) -> None:
        from html import escape

        self.setText(
            f"<p><b>{escape(heading)}</b></p>{bullet_list(items)}"
            f"<p style='color:#5a6270'>{escape(note)}</p>"
        )
