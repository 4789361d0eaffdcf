"""Sending a finished PDF to the printer the user chose, with a progress box that can cancel.

Two ways a document reaches paper (see ``desktop/print_job.py``):

- as it is, vector PDF: written to the file of a PDF printer, or handed to CUPS's ``lp``. This
  runs on a worker thread (``desktop.background``): a CUPS that hangs for up to a minute does
  not freeze the window. The box shows an indeterminate bar; cancel stops ``lp``.
- as page images where no PDF can be sent (Windows, Linux without CUPS): PDFium renders each
  page at the printer's resolution, at most RASTER_DPI_CAP, one page per turn of the event
  loop, so the window keeps painting and the cancel button answers between pages. Qt has no
  way to draw a PDF page as vector into a QPainter (QtPdf and pypdfium2 render to images only;
  PDFium's own printing to a Windows printer DC is not reachable through QPrinter), so this
  path stays raster, capped.

A cancelled or failed job ends with ``finished(0)``: the dialog then writes nothing in an
audit log. A job the print system took ends with ``finished(pages)``.
"""

from __future__ import annotations

import logging
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QPainter
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop import background, i18n, print_job
from desktop.i18n import _
from desktop.pdf_pages import PdfPages

log = logging.getLogger(__name__)

RASTER_DPI_CAP = 300  # page images, where no PDF can be sent: sharp on paper, a few MB a page
SHOW_AFTER_MS = 300  # a job done sooner shows no box: the status line says it was sent


def print_target(printer: QPrinter) -> print_job.PrintTarget:
    """The print dialog's choice as a PrintTarget. A PDF printer with a file name (QPrintDialog's
    "print to file") becomes ``output_file``; raises PrintError for a PDF printer without one."""
    output_file = printer.outputFileName()
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and not output_file:
        raise print_job.PrintError(_("Kies een bestandsnaam om als PDF af te drukken."))
    duplex = {
        QPrinter.DuplexMode.DuplexLongSide: "long",
        QPrinter.DuplexMode.DuplexShortSide: "short",
    }.get(printer.duplex(), "")  # DuplexAuto and DuplexNone: the printer's own setting
    return print_job.PrintTarget(
        printer.printerName(),
        copies=max(1, printer.copyCount()),
        duplex=duplex,
        output_file=output_file,
    )


def sent_text(pages: int) -> str:
    return i18n.ngettext(
        "Naar de printer gestuurd: {n} pagina.", "Naar de printer gestuurd: {n} pagina’s.", pages
    ).format(n=pages)


class RasterPages:
    """The page-image fallback, one page at a time: ``begin``, ``draw`` each page, ``end``."""

    def __init__(self, document: PdfPages, printer: QPrinter) -> None:
        self.document = document
        self.printer = printer
        self.dpi = min(printer.resolution(), RASTER_DPI_CAP)
        self.painter = QPainter()

    def begin(self) -> bool:
        if not self.painter.begin(self.printer):
            return False
        self.painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        return True

    def draw(self, index: int) -> None:
        if index:
            self.printer.newPage()
        area = self.painter.viewport()  # device pixels, at printer.resolution()
        points = self.document.point_size(index)
        scale = min(area.width() / points.width(), area.height() / points.height())
        place = QRectF(0, 0, points.width() * scale, points.height() * scale)
        width_px = max(1, round(place.width() * self.dpi / self.printer.resolution()))
        self.painter.drawImage(place, self.document.render(index, width_px))

    def end(self, *, abort: bool = False) -> None:
        if abort:
            self.printer.abort()  # a real printer drops the job; a PDF file is removed below
        if self.painter.isActive():
            self.painter.end()
        if abort and self.printer.outputFileName():
            Path(self.printer.outputFileName()).unlink(missing_ok=True)
        log.info("no PDF printing here: pages sent as images at %d dpi", self.dpi)


def send_to_printer(data: bytes, document: PdfPages, printer: QPrinter) -> str:
    """Print ``data`` (shown as ``document``) on ``printer`` and wait: vector PDF where the
    system takes a PDF, else page images. Returns "" when sent, else what went wrong, in words.
    Blocks the UI thread: :class:`PrintRun` is the way with progress and cancel."""
    problem = ""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        print_job.send_pdf(data, print_target(printer))
    except print_job.VectorPrintUnavailable:
        raster = RasterPages(document, printer)
        if raster.begin():
            for index in range(len(document)):
                raster.draw(index)
            raster.end()
        else:
            problem = _("De printer kon niet worden gestart.")
    except print_job.PrintError as error:
        problem = error.message
    finally:
        QGuiApplication.restoreOverrideCursor()
    return problem


class PrintRun(QObject):
    """One print job with its progress box. ``finished(pages)`` fires once, on the UI thread:
    the pages sent, or 0 when nothing was printed (``problem`` says why, or ``cancelled``)."""

    finished = Signal(int)

    def __init__(self, data: bytes, document: PdfPages, printer: QPrinter, parent: QWidget) -> None:
        super().__init__(parent)
        self.data = data
        self.document = document
        self.printer = printer  # kept alive for the whole run
        self.pages = len(document)
        self.problem = ""
        self.cancelled = False
        self.running = False
        self.job: background.Job[None] | None = None
        self._raster: RasterPages | None = None
        self._next = 0
        self.box = QProgressDialog(parent)
        self.box.setObjectName("printProgress")
        self.box.setWindowTitle(_("Afdrukken"))
        self.box.setWindowModality(Qt.WindowModality.WindowModal)
        self.box.setAutoClose(False)
        self.box.setAutoReset(False)
        self.box.setMinimumDuration(2**31 - 1)  # shown by _show_box, not by Qt's own guess
        self.box.setMinimumWidth(380)
        self.box.setCancelButtonText(_("Annuleren"))
        self.box.canceled.connect(self.cancel)
        self.box.hide()
        self._show_timer = QTimer(self, singleShot=True, interval=SHOW_AFTER_MS)
        self._show_timer.timeout.connect(self._show_box)

    def start(self) -> None:
        """Begin: the PDF as it is on a worker thread; page images if that cannot be."""
        self.running = True
        if not self.data or not self.pages:
            self._finish(problem=_("Er is niets om af te drukken."))
            return
        try:
            target = print_target(self.printer)
        except print_job.PrintError as error:
            self._finish(problem=error.message)
            return
        self.box.setLabelText(_("Het document gaat naar de printer…"))
        self.box.setRange(0, 0)  # how long lp takes cannot be told: a moving bar
        self._show_timer.start()
        data = self.data
        self.job = background.run(
            lambda: print_job.send_pdf(data, target, cancelled=lambda: self.cancelled),
            lambda _none: self._finish(),
            self._failed,
        )

    def cancel(self) -> None:
        if self.running:
            self.cancelled = True  # lp is stopped by its worker; page images between pages
            self.box.setLabelText(_("Afdrukken wordt geannuleerd…"))
        else:
            self.box.hide()  # the box said the job was sent; its button closes it

    def _show_box(self) -> None:
        if self.running:
            self.box.show()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, print_job.VectorPrintUnavailable):
            self._start_pages()
        elif isinstance(error, print_job.PrintCancelled):
            self._finish(cancelled=True)
        elif isinstance(error, print_job.PrintError):
            self._finish(problem=error.message)
        else:
            self._finish(problem=_("De printer kon niet worden gestart."))
            raise error  # a bug: the crash hook reports it

    # ---------------------------------------------------------------- page images
    def _start_pages(self) -> None:
        if self.cancelled:
            self._finish(cancelled=True)
            return
        self._raster = RasterPages(self.document, self.printer)
        if not self._raster.begin():
            self._raster = None
            self._finish(problem=_("De printer kon niet worden gestart."))
            return
        self.box.setRange(0, self.pages)
        self.box.setValue(0)
        self._next = 0
        self._step_label()
        QTimer.singleShot(0, self, self._draw_next)

    def _step_label(self) -> None:
        self.box.setLabelText(
            _("Pagina {page} van {pages} naar de printer…").format(
                page=min(self._next + 1, self.pages), pages=self.pages
            )
        )

    def _draw_next(self) -> None:
        raster = self._raster
        assert raster is not None
        if self.cancelled:
            raster.end(abort=True)
            self._finish(cancelled=True)
            return
        raster.draw(self._next)
        self._next += 1
        self.box.setValue(self._next)
        if self._next < self.pages:
            self._step_label()
            QTimer.singleShot(0, self, self._draw_next)  # one page per turn: the UI answers
            return
        raster.end()
        self._finish()

    # ---------------------------------------------------------------- the end
    def _finish(self, *, problem: str = "", cancelled: bool = False) -> None:
        if not shiboken6.isValid(self.box):  # its window went while lp was busy
            return
        self.running = False
        self._show_timer.stop()
        self.problem = problem
        self.cancelled = cancelled
        if problem or cancelled or not self.box.isVisible():
            self.box.hide()
        else:  # the user watched it: the box says it is done, and its button closes it
            self.box.setRange(0, 1)
            self.box.setValue(1)
            self.box.setLabelText(sent_text(self.pages))
            self.box.setCancelButtonText(_("Sluiten"))
        sent = 0 if problem or cancelled else self.pages
        if sent:
            log.info(
                "document sent to the printer: %d pages, %d copies",
                sent,
                self.printer.copyCount(),
            )
        self.finished.emit(sent)

    def wait(self, timeout_ms: int = 30_000) -> int:
        """Tests and benchmarks: let the event loop run until the job ends; its pages sent."""
        from PySide6.QtCore import QDeadlineTimer, QEventLoop

        deadline = QDeadlineTimer(timeout_ms)
        while self.running and not deadline.hasExpired():
            QGuiApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
        if self.running:
            raise TimeoutError("the print job did not end in time")
        return 0 if self.problem or self.cancelled else self.pages
