"""The main window's left column: the app's name, the navigation, and "nothing leaves"."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QListWidget, QListWidgetItem, QVBoxLayout

from desktop.ui.widgets import named

WIDTH = 230


class Sidebar(QFrame):
    """Texts are set by the main window (``retranslate``); one navigation row per page."""

    def __init__(self, pages: int) -> None:
        super().__init__()
        self.setObjectName("sidebar")
        self.setFixedWidth(WIDTH)
        self.app_name = named(QLabel("Schoolsignaal"), "appName")
        self.tagline = named(QLabel(wordWrap=True), "appTagline")
        self.navigation = named(QListWidget(), "navigation")
        for _page in range(pages):
            QListWidgetItem(self.navigation)
        self.local_only = named(QLabel(wordWrap=True), "localOnly")
        side = QVBoxLayout(self)
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(0)
        side.addWidget(self.app_name)
        side.addWidget(self.tagline)
        side.addWidget(self.navigation, 1)
        side.addWidget(self.local_only)
        self.navigation.setMinimumHeight(120)  # the list scrolls; the labels keep their lines
        # margins, not style-sheet padding: QLabel's height-for-width counts only these
        self.local_only.setContentsMargins(22, 16, 16, 16)
