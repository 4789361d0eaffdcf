"""The main window's left column: the app's name, the navigation, and "nothing leaves"."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
)

from desktop.ui.style import NAV_HINT_MARGIN
from desktop.ui.widgets import named

WIDTH = 230
# Qt's numbers, not its namespace: touching Qt.* at start-up costs ~30 ms before first paint
HINT_ROLE = 256 + 1  # Qt.ItemDataRole.UserRole + 1: a row's shortcut as shown ("Ctrl+1")
ACCESSIBLE_DESCRIPTION_ROLE = 12  # Qt.ItemDataRole.AccessibleDescriptionRole
ALIGN_RIGHT_MIDDLE = 0x0002 | 0x0080  # Qt.AlignmentFlag.AlignRight | AlignVCenter
HINT_COLOUR_ROLE = QPalette.ColorRole.PlaceholderText  # #navigation's placeholder-text-color


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
        # The colour comes from the style sheet (placeholder-text-color), the place from
        # numbers: a pen or a Qt.AlignmentFlag would load the Qt namespace before first paint.
        area = option.rect.adjusted(0, 0, -NAV_HINT_MARGIN, 0)
        style = option.widget.style() if option.widget is not None else QApplication.style()
        style.drawItemText(
            painter, area, ALIGN_RIGHT_MIDDLE, option.palette, True, hint, HINT_COLOUR_ROLE
        )
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
        self.about_button = named(QPushButton(), "aboutButton")
        self.about_button.setFlat(True)
        self.about_button.clicked.connect(self.show_about)
        self.about: QDialog | None = None
        side = QVBoxLayout(self)
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(0)
        side.addWidget(self.app_name)
        side.addWidget(self.tagline)
        side.addWidget(self.navigation, 1)
        side.addWidget(self.local_only)
        side.addWidget(self.about_button)
        self.navigation.setMinimumHeight(120)  # the list scrolls; the labels keep their lines
        # margins, not style-sheet padding: QLabel's height-for-width counts only these
        self.local_only.setContentsMargins(22, 16, 16, 16)

    def retranslate(self) -> None:
        from desktop.i18n import _

        self.tagline.setText(_("Uitbuiting van leerlingen voorkomen en signaleren"))
        self.local_only.setText(_("Alles blijft op deze computer. Er gaat niets het internet op."))
        self.about_button.setText(_("Over Schoolsignaal"))

    def show_about(self) -> None:
        """The about text, as a window of its own (shown again if already open)."""
        from desktop.ui.about_dialog import AboutDialog

        if self.about is None:
            self.about = AboutDialog(self.window())
            self.about.finished.connect(self._forget_about)
        self.about.show()
        self.about.raise_()

    def _forget_about(self) -> None:
        if self.about is not None:
            self.about.deleteLater()
            self.about = None

    def set_page_name(self, row: int, name: str, shortcut: str) -> None:
        item = self.navigation.item(row)
        item.setText(name)
        item.setData(HINT_ROLE, shortcut)
        item.setToolTip(f"{name} ({shortcut})")
        item.setData(ACCESSIBLE_DESCRIPTION_ROLE, shortcut)
