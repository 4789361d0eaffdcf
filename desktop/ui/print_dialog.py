"""Print a document: choose its options, look at a preview, then print through the system's
print dialog or save as PDF. One base for every printable document; a subclass says which
choices there are and how the PDF is made (by `desktop.printing`, never here)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QPixmap, QResizeEvent
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop import i18n, os_errors, printing
from desktop.i18n import LANGUAGE_NAMES, LANGUAGES, N_, _
from desktop.pdf_pages import PdfPages
from desktop.ui.print_run import RASTER_DPI_CAP as RASTER_DPI_CAP
from desktop.ui.print_run import PrintRun, sent_text
from desktop.ui.print_run import send_to_printer as send_to_printer  # the referral letter's
from desktop.ui.widgets import named

if TYPE_CHECKING:
    from desktop.school_profile import SchoolProfile
    from lessons.model import Lesson

log = logging.getLogger(__name__)


class PdfPreview(QScrollArea):
    """The pages one under the other, each as wide as the view, on a grey desk."""

    GAP = 16

    def __init__(self, pages: PdfPages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages = pages
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # a steady width: pages fill it and never need a horizontal scroll bar
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sheet = named(QWidget(), "previewDesk")
        self.sheet.setStyleSheet("#previewDesk { background: #8a8f98; }")
        self.column = QVBoxLayout(self.sheet)
        self.column.setContentsMargins(self.GAP, self.GAP, self.GAP, self.GAP)
        self.column.setSpacing(self.GAP)
        self.setWidget(self.sheet)
        self.labels: list[QLabel] = []
        self._width = 0
        self._rerender = QTimer(self, singleShot=True, interval=120)
        self._rerender.timeout.connect(self.show_pages)

    def show_pages(self) -> None:
        """(Re)draw every page at the view's current width."""
        width = max(200, self.viewport().width() - 2 * self.GAP)
        self._width = width
        while len(self.labels) > len(self.pages):
            self.labels.pop().deleteLater()
        while len(self.labels) < len(self.pages):
            label = QLabel(alignment=Qt.AlignmentFlag.AlignHCenter)
            self.labels.append(label)
            self.column.addWidget(label)
        ratio = self.devicePixelRatioF()
        for index, label in enumerate(self.labels):
            pixmap = QPixmap.fromImage(self.pages.render(index, round(width * ratio)))
            pixmap.setDevicePixelRatio(ratio)
            label.setPixmap(pixmap)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.labels and abs(self.viewport().width() - 2 * self.GAP - self._width) > 8:
            self._rerender.start()


class PdfPreviewDialog(QDialog):
    """Options at the top, the preview in the middle, save and print at the bottom."""

    def __init__(self, title: str, documents_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.documents_folder = documents_folder
        self.pdf_bytes = b""
        self.print_run: PrintRun | None = None
        self.setWindowTitle(title)
        # a 1366x768 laptop: the buttons stay on screen, with room for the frame and title bar
        room = QGuiApplication.primaryScreen().availableGeometry()
        self.resize(min(980, room.width() - 40), min(760, room.height() - 70))
        self.form = QFormLayout()
        self.document = PdfPages()
        self.view = named(PdfPreview(self.document, self), "printPreview")
        self.status = named(QLabel(wordWrap=True), "printStatus")
        self.save_button = named(QPushButton(_("Opslaan als PDF…")), "savePdf")
        self.print_button = named(QPushButton(_("Afdrukken…")), "printPdf")
        self.close_button = QPushButton(_("Sluiten"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.close_button)
        column = QVBoxLayout(self)
        column.addLayout(self.form)
        column.addWidget(self.view, 1)
        column.addLayout(buttons)
        self.save_button.clicked.connect(self._ask_and_save)
        self.print_button.clicked.connect(self._print)
        self.close_button.clicked.connect(self.accept)

    def done(self, result: int) -> None:
        if self.print_run is not None and self.print_run.running:
            self.print_run.cancel()  # no page is drawn from a closed document
        self.document.close()  # PDFium's copy of the document goes with the dialog
        super().done(result)

    def add_choice(self, label: str, name: str, items: list[tuple[str, object]]) -> QComboBox:
        combo = named(QComboBox(), name)
        for text, data in items:
            combo.addItem(text, data)
        combo.currentIndexChanged.connect(self.refresh)
        self.form.addRow(label, combo)
        return combo

    # ---------------------------------------------------------------- what subclasses say
    def build(self) -> bytes:
        raise NotImplementedError

    def file_name(self) -> str:
        raise NotImplementedError

    def audit(self, action: str, path: str) -> None:
        """Hook for documents with case data (referral letters): log every save and print."""

    # ---------------------------------------------------------------- preview
    def refresh(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.pdf_bytes = self.build()
        except ValueError as err:  # content that does not fit or cannot be made: say why
            self.pdf_bytes = b""
            self.document.close()
            self.view.show_pages()
            self.status.setText(
                _("Dit document kan niet worden gemaakt: {reason}").format(reason=err)
            )
            self.save_button.setEnabled(False)
            self.print_button.setEnabled(False)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.document.load(self.pdf_bytes)
        self.view.show_pages()
        pages = len(self.document)
        self.status.setText(i18n.ngettext("{n} pagina", "{n} pagina’s", pages).format(n=pages))
        self.save_button.setEnabled(True)
        self.print_button.setEnabled(True)

    # ---------------------------------------------------------------- save and print
    def save_to(self, path: str | Path) -> bool:
        try:
            printing.save_pdf(self.pdf_bytes, path)
        except OSError as err:
            QMessageBox.warning(
                self,
                _("Niet opgeslagen"),
                _("Het bestand kon niet worden opgeslagen ({reason}). Kies een andere map.").format(
                    reason=os_errors.reason(err)
                ),
            )
            return False
        self.audit("export", str(path))
        self.status.setText(_("Opgeslagen: {path}").format(path=str(path)))
        return True

    def _ask_and_save(self) -> None:
        suggested = self.documents_folder / self.file_name()
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Opslaan als PDF"), str(suggested), _("PDF-bestanden (*.pdf)")
        )
        if path:
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            self.save_to(path)

    def _print(self) -> None:
        # High resolution is for the page-image fallback only: the printer's own resolution
        # (capped at RASTER_DPI_CAP there). A PDF sent as it is does not care.
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        # the whole document is sent as one PDF: a page range would be silently ignored
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, False)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> PrintRun:
        """Start printing the document on ``printer`` (see :class:`PrintRun`): a progress box
        with cancel, the window stays responsive. When it ends the status line says so, and
        only a job that was sent is audited."""
        run = PrintRun(self.pdf_bytes, self.document, printer, self)
        run.finished.connect(self._printed)  # a bound method: no cycle keeps the dialog
        self.print_run = run
        self._set_busy(True)
        self.status.setText(_("Afdrukken…"))
        run.start()
        return run

    def _set_busy(self, busy: bool) -> None:
        self.print_button.setEnabled(not busy)
        for combo in self.findChildren(QComboBox):  # the pages must stay the ones printing
            combo.setEnabled(not busy)

    def _printed(self, pages: int) -> None:
        run = self.print_run
        assert run is not None
        self._set_busy(False)
        if run.cancelled:
            self.status.setText(_("Afdrukken geannuleerd."))
            return
        if not pages:
            self.status.setText(_("Niet afgedrukt."))
            QMessageBox.warning(self, _("Niet afgedrukt"), run.problem)
            return
        self.audit("print", run.printer.printerName() or run.printer.outputFileName())
        self.status.setText(sent_text(pages))


FORMAT_NAMES = {
    "trifold": N_("Gevouwen kaart (A4, drie panelen)"),
    "pocket": N_("Zakkaart (A6, vier per vel)"),
    "poster": N_("Poster voor leerlingen: Waar kun je terecht?"),
}


class SignalCardPrintDialog(PdfPreviewDialog):
    """The signal card in each of its formats and languages."""

    def __init__(self, profile: SchoolProfile, parent: QWidget | None = None) -> None:
        super().__init__(_("Signalenkaart afdrukken"), profile.paths.documents, parent)
        self.profile = profile
        self.format = self.add_choice(
            _("Soort:"), "printFormat", [(_(label), key) for key, label in FORMAT_NAMES.items()]
        )
        self.paper = self.add_choice(_("Papier:"), "printPaper", [("A4", "a4"), ("A3", "a3")])
        self.language = self.add_choice(
            _("Taal:"), "printLanguage", [(LANGUAGE_NAMES[code], code) for code in LANGUAGES]
        )
        self.language.setCurrentIndex(self.language.findData(i18n.current_language()))
        self.duplex = named(QLabel(wordWrap=True), "printDuplex")
        self.form.addRow(self.duplex)
        self.refresh()

    def choice(self) -> tuple[str, str, str]:
        return self.language.currentData(), self.format.currentData(), self.paper.currentData()

    def refresh(self) -> None:
        if not hasattr(self, "language"):
            return  # still adding the choices
        fmt = self.format.currentData()
        self.paper.setVisible(fmt == "poster")
        label = self.form.labelForField(self.paper)
        if label is not None:
            label.setVisible(fmt == "poster")
        advice = printing.duplex_advice(fmt)
        self.duplex.setText(advice)
        self.duplex.setVisible(bool(advice))
        super().refresh()

    def build(self) -> bytes:
        language, fmt, paper = self.choice()
        return printing.signal_card_pdf(
            self.profile.settings, language, fmt, paper, logo=self.profile.logo()
        )

    def file_name(self) -> str:
        return printing.signal_card_file_name(*self.choice())


class LessonPlanPrintDialog(PdfPreviewDialog):
    """A lesson's plan for the teacher, or its worksheet for pupils, in the lesson's language."""

    def __init__(
        self, lesson: Lesson, profile: SchoolProfile, parent: QWidget | None = None
    ) -> None:
        super().__init__(_("Lesplan afdrukken"), profile.paths.documents, parent)
        self.lesson, self.profile = lesson, profile
        kinds: list[tuple[str, object]] = [(_("Lesplan voor de docent"), False)]
        if printing.lesson_has_questions(lesson):
            kinds.append((_("Werkblad voor leerlingen"), True))
        self.kind = self.add_choice(_("Soort:"), "planKind", kinds)
        self.refresh()

    def refresh(self) -> None:
        if hasattr(self, "kind"):
            super().refresh()

    def build(self) -> bytes:
        school = printing.school_contact(self.profile.settings, self.profile.logo())
        worksheet = bool(self.kind.currentData())
        return printing.lesson_plan_pdf(self.lesson, worksheet=worksheet, school=school)

    def file_name(self) -> str:
        return printing.lesson_plan_file_name(self.lesson, worksheet=bool(self.kind.currentData()))
