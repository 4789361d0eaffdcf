"""The preview of several documents in one PDF: the existing preview dialog, drawing only the
pages in view (a run of a hundred pages does not hold a hundred page images)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from desktop import print_shop
from desktop.i18n import _
from desktop.pdf_pages import PdfPages
from desktop.ui.print_dialog import PdfPreview, PdfPreviewDialog
from desktop.ui.widgets import named


class LazyPreview(PdfPreview):
    """Every page laid out at its size; only those near the view drawn, the rest let go."""

    def __init__(self, pages: PdfPages, parent: QWidget | None = None) -> None:
        super().__init__(pages, parent)
        self.drawn: set[int] = set()
        self._draw_later = QTimer(self, singleShot=True, interval=0)
        self._draw_later.timeout.connect(self.draw_visible)
        self.verticalScrollBar().valueChanged.connect(self._draw_later.start)

    def show_pages(self) -> None:
        width = max(200, self.viewport().width() - 2 * self.GAP)
        self._width = width
        while len(self.labels) > len(self.pages):
            self.labels.pop().deleteLater()
        while len(self.labels) < len(self.pages):
            page = named(QLabel(), "previewPage")
            page.setStyleSheet("background: white;")
            self.labels.append(page)
            self.column.addWidget(page)
        for index, page in enumerate(self.labels):
            size = self.pages.point_size(index)
            page.setFixedSize(width, round(width * size.height() / size.width()))
            page.clear()
        self.drawn.clear()
        self._draw_later.start()

    def draw_visible(self) -> None:
        top = self.verticalScrollBar().value()
        room = self.viewport().height()
        ratio = self.devicePixelRatioF()
        for index, page in enumerate(self.labels):
            near = page.y() + page.height() >= top - room and page.y() <= top + 2 * room
            if near and index not in self.drawn:
                pixmap = QPixmap.fromImage(self.pages.render(index, round(page.width() * ratio)))
                pixmap.setDevicePixelRatio(ratio)
                page.setPixmap(pixmap)
                self.drawn.add(index)
            elif not near and index in self.drawn:
                page.clear()
                self.drawn.discard(index)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._draw_later.start()


class CombinedPreviewDialog(PdfPreviewDialog):
    """The chosen documents, each once, as they will be printed; saving and printing (with
    the copies) are the page's own buttons, so this shows and closes only."""

    def __init__(self, data: bytes, documents_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(_("Voorbeeld: meerdere documenten"), documents_folder, parent)
        self.setObjectName("shopPreview")
        lazy = named(LazyPreview(self.document, self), "printPreview")
        layout = self.layout()
        assert layout is not None
        layout.replaceWidget(self.view, lazy)
        self.view.deleteLater()
        self.view = lazy
        self.data = data
        self.save_button.hide()
        self.print_button.hide()
        self.refresh()

    def build(self) -> bytes:
        return self.data

    def file_name(self) -> str:
        return print_shop.combined_file_name()

    def refresh(self) -> None:
        super().refresh()
        self.status.setText(
            self.status.text()
            + " · "
            + _(
                "Elk document één keer. Opslaan en afdrukken, met het aantal exemplaren, doe "
                "je op de pagina Printen."
            )
        )
