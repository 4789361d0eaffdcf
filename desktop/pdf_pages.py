"""A PDF made in memory, rendered page by page into images for the preview and the printer.

Rendering is PDFium's, through the pypdfium2 wheel (8 MB). Qt's own QtPdf would do it too, but
the only PySide6-Pdf wheel is 6.12, and PySide6 6.12 loses a reference to ``None`` on every
call of a void method under Python 3.11 (the app would abort after a few thousand calls; see
tests/unit/test_qt_binding.py). So PySide6 stays at 6.11 and PDF pages come from PDFium.
"""

from __future__ import annotations

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PySide6.QtCore import QSizeF
from PySide6.QtGui import QImage


class PdfPages:
    """The pages of one PDF document; empty until `load` is given bytes."""

    def __init__(self) -> None:
        self._pdf: pdfium.PdfDocument | None = None

    def load(self, data: bytes) -> None:
        """Open ``data``; raises ValueError when it is no PDF."""
        self.close()
        try:
            self._pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as error:
            raise ValueError(f"geen leesbare PDF: {error}") from error

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None

    def __len__(self) -> int:
        return 0 if self._pdf is None else len(self._pdf)

    def point_size(self, index: int) -> QSizeF:
        """The page's size in PDF points (1/72 inch)."""
        assert self._pdf is not None
        width, height = self._pdf.get_page_size(index)
        return QSizeF(width, height)

    def render(self, index: int, width_px: int) -> QImage:
        """Page ``index`` as an image ``width_px`` wide, white paper, colours as printed."""
        assert self._pdf is not None
        page = self._pdf[index]
        try:
            scale = max(width_px, 1) / page.get_width()
            bitmap = page.render(
                scale=scale,
                force_bitmap_format=pdfium_c.FPDFBitmap_BGRA,
                rev_byteorder=True,  # RGBA in memory: QImage's RGBA8888
                may_draw_forms=False,
            )
            try:
                image = QImage(
                    bitmap.buffer,
                    bitmap.width,
                    bitmap.height,
                    bitmap.stride,
                    QImage.Format.Format_RGBA8888,
                )
                return image.copy()  # own the pixels: the bitmap is freed below
            finally:
                bitmap.close()
        finally:
            page.close()
