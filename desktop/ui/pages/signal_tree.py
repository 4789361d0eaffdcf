"""The signal card's list: every signal whole, on as many lines as it needs, at any width.

A signal cut short can change its meaning ("…wordt door een ander" without "gebruikt"), so a
signal's text wraps and its row grows to fit. Qt's own word wrap in a tree measures a row
without the row's indentation and check box, and only once: rows kept the height of one line
and the rest of the text was cut without a mark. The delegate here measures with the width the
text really gets, the rows are measured again when the column's width changes, and should a
text still not fit, the view elides it with "…". The whole text is also the item's tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QWidget,
)

Index = QModelIndex | QPersistentModelIndex
ROW_AIR = 4  # pixels between two signals, so that wrapped ones stay apart


class SignalTree(QTreeWidget):
    """One column of forms, categories and signals; long signals wrap."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setIndentation(14)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)  # the mark, should a text not fit
        self.header().setStretchLastSection(True)
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setItemDelegate(_WrappingDelegate(self))
        self.header().sectionResized.connect(self._width_changed)

    def _width_changed(self, _section: int, old: int, new: int) -> None:
        if old != new:
            self.scheduleDelayedItemsLayout()  # measure every row again, once, later

    def level(self, index: Index) -> int:
        """How many levels ``index`` lies below the top (a form 0, a category 1, a signal 2)."""
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        return depth

    def row_width(self, index: Index) -> int:
        """The width of row ``index``: the column less the row's indentation."""
        indent = self.indentation() * (self.level(index) + (1 if self.rootIsDecorated() else 0))
        return max(self.columnWidth(0) - indent, 60)


class _WrappingDelegate(QStyledItemDelegate):
    def __init__(self, tree: SignalTree) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        row = QStyleOptionViewItem(option)
        self.initStyleOption(row, index)
        row.rect = QRect(0, 0, self.tree.row_width(index), 1 << 16)
        style = self.tree.style()
        text = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, row, self.tree)
        measured = QStyleOptionViewItem(option)
        # The style wraps within option.rect's width: give it the width the text is drawn in.
        measured.rect = QRect(0, 0, text.width(), 1 << 16)
        size = super().sizeHint(measured, index)
        if index.data(Qt.ItemDataRole.CheckStateRole) is not None:  # a signal: air between two
            size.setHeight(size.height() + ROW_AIR)
        return size
