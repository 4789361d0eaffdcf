"""Print the signal card: choose format, paper and language, look at a preview, then print
through the system's print dialog or save as PDF."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QSizeF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import i18n
from desktop.i18n import LANGUAGE_NAMES, LANGUAGES, N_, _
from desktop.printing import save_pdf, signal_card_file_name, signal_card_pdf
from desktop.settings import Settings
from desktop.ui.widgets import named

log = logging.getLogger(__name__)

FORMAT_NAMES = {
    "trifold": N_("Gevouwen kaart (A4, drie panelen)"),
    "pocket": N_("Zakkaart (A6, vier per vel)"),
    "poster": N_("Poster voor leerlingen: Waar kun je terecht?"),
}


class SignalCardPrintDialog(QDialog):
    """Preview, save and print the signal card in each of its formats."""

    def __init__(
        self,
        settings: Callable[[], Settings],
        documents_folder: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.documents_folder = documents_folder
        self.pdf_bytes = b""
        self.setWindowTitle(_("Signalenkaart afdrukken"))
        self.resize(980, 760)

        self.format = named(QComboBox(), "printFormat")
        for key, label in FORMAT_NAMES.items():
            self.format.addItem(_(label), key)
        self.paper = named(QComboBox(), "printPaper")
        self.paper.addItem("A4", "a4")
        self.paper.addItem("A3", "a3")
        self.language = named(QComboBox(), "printLanguage")
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(self.language.findData(i18n.current_language()))
        self.paper_label = QLabel(_("Papier:"))
        form = QFormLayout()
        form.addRow(_("Soort:"), self.format)
        form.addRow(self.paper_label, self.paper)
        form.addRow(_("Taal:"), self.language)

        self.document = QPdfDocument(self)
        self.buffer = QBuffer(self)
        self.view = named(QPdfView(self), "printPreview")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
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
        column.addLayout(form)
        column.addWidget(self.view, 1)
        column.addLayout(buttons)

        self.format.currentIndexChanged.connect(self.refresh)
        self.paper.currentIndexChanged.connect(self.refresh)
        self.language.currentIndexChanged.connect(self.refresh)
        self.save_button.clicked.connect(self._ask_and_save)
        self.print_button.clicked.connect(self._print)
        self.close_button.clicked.connect(self.accept)
        self.refresh()

    def choice(self) -> tuple[str, str, str]:
        return self.language.currentData(), self.format.currentData(), self.paper.currentData()

    def refresh(self) -> None:
        language, fmt, paper = self.choice()
        self.paper.setVisible(fmt == "poster")
        self.paper_label.setVisible(fmt == "poster")
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.pdf_bytes = signal_card_pdf(self.settings(), language, fmt, paper)
        except ValueError as err:  # content that does not fit: say which item
            self.pdf_bytes = b""
            self.status.setText(
                _("Dit document kan niet worden gemaakt: {reason}").format(reason=err)
            )
            self.document.close()
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.document.close()
        self.buffer.close()
        self.buffer.setData(QByteArray(self.pdf_bytes))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self.buffer)
        pages = self.document.pageCount()
        self.status.setText(i18n.ngettext("{n} pagina", "{n} pagina’s", pages).format(n=pages))

    def save_to(self, path: str | Path) -> bool:
        try:
            save_pdf(self.pdf_bytes, path)
        except OSError as err:
            QMessageBox.warning(
                self,
                _("Niet opgeslagen"),
                _("Het bestand kon niet worden opgeslagen ({reason}). Kies een andere map.").format(
                    reason=err.strerror or type(err).__name__
                ),
            )
            return False
        self.status.setText(_("Opgeslagen: {path}").format(path=str(path)))
        return True

    def _ask_and_save(self) -> None:
        suggested = self.documents_folder / signal_card_file_name(*self.choice())
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Opslaan als PDF"), str(suggested), _("PDF-bestanden (*.pdf)")
        )
        if path:
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            self.save_to(path)

    def _print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Render every page into ``printer``; returns the number of pages sent."""
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(self, _("Niet afgedrukt"), _("De printer kon niet worden gestart."))
            return 0
        try:
            for index in range(self.document.pageCount()):
                if index:
                    printer.newPage()
                target = painter.viewport().size()
                points = self.document.pagePointSize(index)
                scale = min(target.width() / points.width(), target.height() / points.height())
                size = QSizeF(points.width() * scale, points.height() * scale).toSize()
                image: QImage = self.document.render(index, size)
                painter.drawImage(QPointF(0, 0), image)
        finally:
            painter.end()
        log.info("signal card sent to the printer")
        return self.document.pageCount()
