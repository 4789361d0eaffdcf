"""The main window's left column: the app's name, the navigation, and "nothing leaves"."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
)

from desktop.ui.style import NAV_HINT, NAV_HINT_MARGIN
from desktop.ui.widgets import named

WIDTH = 230
HINT_ROLE = Qt.ItemDataRole.UserRole + 1  # a row's shortcut as shown ("Ctrl+1")


class ShortcutHints(QStyledItemDelegate):
    """Draws each row as the style sheet says, then its shortcut, muted, on the right (the
    style sheet's right padding keeps the page's name clear of it)."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().paint(painter, option, index)
        hint = index.data(HINT_ROLE)
        if not hint:
            return
        painter.save()
        font = QFont(option.font)
        font.setPixelSize(12)
        painter.setFont(font)
        painter.setPen(QColor(NAV_HINT))
        area = option.rect.adjusted(0, 0, -NAV_HINT_MARGIN, 0)
        painter.drawText(area, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, hint)
        painter.restore()


class Sidebar(QFrame):
    """Texts are set by the main window (``retranslate``); one navigation row per page."""

    def __init__(self, pages: int) -> None:
        super().__init__()
        self.setObjectName("mainSidebar")  # not "sidebar": QFileDialog's own list has that name
        self.setFixedWidth(WIDTH)
        self.app_name = named(QLabel("Schoolsignaal"), "appName")
        self.tagline = named(QLabel(wordWrap=True), "appTagline")
        self.navigation = named(QListWidget(), "navigation")
        self.navigation.setItemDelegate(ShortcutHints(self.navigation))
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

    def set_page_name(self, row: int, name: str, shortcut: str) -> None:
        item = self.navigation.item(row)
        item.setText(name)
        item.setData(HINT_ROLE, shortcut)
        item.setToolTip(f"{name} ({shortcut})")
        item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, shortcut)
