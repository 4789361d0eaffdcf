"""A PDF deck's pages as images, rendered ahead by PDFium so that a page change is a blit.

Each page is rendered at the size it is shown (the audience window's, and the console's two
previews), fitted into that box with its own aspect ratio. A worker thread renders the pages
around the current one (:meth:`DeckPages.ahead`) at every size that was asked for lately; a
page not yet there is rendered at once (the first page, or a jump with the number keys).

PDFium is not thread-safe: every call into it holds ``PDFIUM_LOCK``. pypdfium2 calls PDFium
through ctypes, which releases the GIL, so the UI thread keeps running while a page renders.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter

from desktop.pdf_pages import PdfPages

PDFIUM_LOCK = threading.Lock()
AHEAD = (1, 2, 3, -1)  # the pages rendered ahead of the current one, in this order
BUDGET_BYTES = 160 * 1024 * 1024  # about 20 pages at 1920 x 1080
SIZES_KEPT = 3  # the audience window and the console's two previews

Key = tuple[int, int, int]  # page, box width, box height (device pixels)


class DeckPages:
    """The page images of one PDF, cached by page and box size."""

    def __init__(self, pdf: Path, budget_bytes: int = BUDGET_BYTES) -> None:
        self.budget = budget_bytes
        self._document = PdfPages()
        with PDFIUM_LOCK:
            self._document.load(pdf.read_bytes())
            self.count = len(self._document)
            self._sizes_pt = [self._document.point_size(i) for i in range(self.count)]
        self._images: OrderedDict[Key, QImage] = OrderedDict()
        self._sizes: list[tuple[int, int]] = []  # boxes asked for, most recent first
        self._jobs: list[Key] = []
        self.current = 0  # the page the presenter shows: render around it
        self._state = threading.Condition()
        self._busy = False
        self._closed = False
        self.rendered = 0  # pages rendered in all (for tests and the bench)
        self._worker = threading.Thread(target=self._work, name="pdf-deck-pages", daemon=True)
        self._worker.start()

    # ---------------------------------------------------------------- sizes
    def fitted(self, index: int, box: QSize) -> QSize:
        """The page's size in pixels when fitted into ``box`` (aspect ratio kept)."""
        page = self._sizes_pt[index]
        scale = min(box.width() / page.width(), box.height() / page.height())
        return QSize(max(1, round(page.width() * scale)), max(1, round(page.height() * scale)))

    # ---------------------------------------------------------------- images
    def image(self, index: int, box: QSize) -> QImage:
        """Page ``index`` fitted into ``box``: from the cache, else rendered now."""
        key = (index, box.width(), box.height())
        with self._state:
            size = (box.width(), box.height())
            if not self._sizes or self._sizes[0] != size:
                new = size not in self._sizes
                if not new:
                    self._sizes.remove(size)
                self._sizes.insert(0, size)
                del self._sizes[SIZES_KEPT:]
                if new:  # a window shown or resized: its pages ahead too
                    self._plan(self.current)
            cached = self._images.get(key)
            if cached is not None:
                self._images.move_to_end(key)
                return cached
        return self._render(key)

    def paint(self, painter: QPainter, target: QRectF, index: int) -> None:
        """Blit page ``index`` into ``target``, centred on black, one image pixel per device
        pixel (rendered for exactly this box, so no scaling)."""
        ratio = painter.device().devicePixelRatioF()
        box = QSize(round(target.width() * ratio), round(target.height() * ratio))
        if box.isEmpty() or not 0 <= index < self.count:
            return
        image = self.image(index, box)
        image.setDevicePixelRatio(ratio)
        width, height = image.width() / ratio, image.height() / ratio
        place = QPointF(
            target.x() + (target.width() - width) / 2, target.y() + (target.height() - height) / 2
        )
        if image.width() < box.width() or image.height() < box.height():
            painter.fillRect(target, QColor("black"))  # the bars beside or above the page
        painter.drawImage(place, image)

    def cached(self, index: int, box: QSize) -> bool:
        with self._state:
            return (index, box.width(), box.height()) in self._images

    def ahead(self, current: int) -> None:
        """Render the pages around ``current`` in the background (the older plan is dropped)."""
        with self._state:
            self._plan(current)

    def _plan(self, current: int) -> None:
        self.current = current
        jobs = []
        for offset in AHEAD:
            index = current + offset
            if 0 <= index < self.count:
                for width, height in self._sizes:
                    key = (index, width, height)
                    if key not in self._images:
                        jobs.append(key)
        self._jobs = jobs
        self._state.notify_all()

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Wait until no page is waiting to be rendered ahead (tests and the bench)."""
        with self._state:
            return self._state.wait_for(lambda: not self._jobs and not self._busy, timeout)

    def close(self) -> None:
        with self._state:
            self._closed = True
            self._jobs = []
            self._state.notify_all()
        self._worker.join(timeout=5)
        with PDFIUM_LOCK:
            self._document.close()
        self._images.clear()

    # ---------------------------------------------------------------- rendering
    def _render(self, key: Key) -> QImage:
        index, width, height = key
        size = self.fitted(index, QSize(width, height))
        with PDFIUM_LOCK:
            if self._closed:
                return QImage()
            image = self._document.render(index, size.width())
        with self._state:
            self.rendered += 1
            self._images[key] = image
            self._images.move_to_end(key)
            self._trim()
        return image

    def _trim(self) -> None:
        used = sum(image.sizeInBytes() for image in self._images.values())
        while used > self.budget and len(self._images) > 1:
            _key, oldest = self._images.popitem(last=False)
            used -= oldest.sizeInBytes()

    def _work(self) -> None:
        while True:
            with self._state:
                self._busy = False
                self._state.notify_all()
                self._state.wait_for(lambda: self._closed or bool(self._jobs))
                if self._closed:
                    return
                key = self._jobs.pop(0)
                if key in self._images:
                    continue
                self._busy = True
            self._render(key)
