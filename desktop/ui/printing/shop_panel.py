"""Several documents at once: tick documents and languages, choose copies; preview, save as one
PDF or print as one job. What exists and how it is made is ``desktop.print_shop``; the building
runs on a worker (:class:`ShopRun`), the printing through ``PrintRun`` as every document does."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop import i18n, os_errors, print_shop, printing
from desktop.i18n import N_, _
from desktop.pdf_pages import PdfPages
from desktop.print_shop import LANGUAGE_LABELS, Context, Duplex, Plan
from desktop.ui.print_run import PrintRun, sent_text
from desktop.ui.printing.big_job import confirm_big_job
from desktop.ui.printing.documents import DocumentChoice
from desktop.ui.printing.shop_run import ShopRun
from desktop.ui.style import MUTED
from desktop.ui.widgets import named

log = logging.getLogger(__name__)

NOTE_STYLE = f"color: {MUTED};"
PROBLEM_STYLE = "color: #b00020;"
EDGE_ADVICE = {
    "short": N_("Dubbelzijdig: kies ‘omslaan langs de korte kant’ voor {documents}."),
    "long": N_("Dubbelzijdig: kies ‘omslaan langs de lange kant’ voor {documents}."),
}
DUPLEX_MODES = {
    "short": QPrinter.DuplexMode.DuplexShortSide,
    "long": QPrinter.DuplexMode.DuplexLongSide,
}


def note(name: str) -> QLabel:
    label = named(QLabel(wordWrap=True), name)
    label.setStyleSheet(NOTE_STYLE)
    return label


class ShopPanel(QWidget):
    """The documents on the left; languages, copies, advice and the buttons on the right."""

    def __init__(
        self,
        context: Callable[[], Context],
        folder: Callable[[], Path],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context, self.folder = context, folder
        self.run: ShopRun | None = None
        self.print_run: PrintRun | None = None
        self.print_document: PdfPages | None = None
        self.preview_dialog: QDialog | None = None
        self.last_pdf = b""

        self.documents_box = DocumentChoice()
        self.documents_box.changed.connect(self.refresh)
        self.document_boxes = self.documents_box.document_boxes
        self.paper, self.when = self.documents_box.paper, self.documents_box.when
        self.lesson, self.level = self.documents_box.lesson, self.documents_box.level

        self.languages_box = named(QGroupBox(), "shopLanguages")
        grid = QGridLayout(self.languages_box)
        grid.setVerticalSpacing(2)
        self.language_boxes: dict[str, QCheckBox] = {}
        self.unchecked = print_shop.unchecked_languages()
        for index, code in enumerate(print_shop.ALL_LANGUAGES):
            box = named(QCheckBox(), f"shop-language-{code}")
            box.setChecked(code == i18n.current_language())
            box.toggled.connect(self.refresh)
            self.language_boxes[code] = box
            grid.addWidget(box, index, 0)
        self.unchecked_note = note("shopUncheckedNote")
        grid.addWidget(self.unchecked_note, len(self.language_boxes), 0)

        self.copies_label = QLabel()
        self.copies = named(QSpinBox(minimum=1, maximum=print_shop.MAX_COPIES), "shopCopies")
        self.copies_label.setBuddy(self.copies)
        self.double_sided = named(QCheckBox(), "shopDoubleSided")
        self.double_sided.setChecked(True)
        copies_row = QHBoxLayout()
        copies_row.addWidget(self.copies_label)
        copies_row.addWidget(self.copies)
        copies_row.addStretch(1)
        self.advice = note("shopAdvice")
        self.missing = note("shopMissing")
        self.preview_button = named(QPushButton(), "shopPreview")
        self.save_button = named(QPushButton(), "shopSave")
        self.print_button = named(QPushButton(), "shopPrint")
        self.preview_button.clicked.connect(self.preview)
        self.save_button.clicked.connect(self._ask_and_save)
        self.print_button.clicked.connect(self.print_all)
        self.progress = named(QProgressBar(), "shopProgress")
        self.cancel_button = named(QPushButton(), "shopCancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.progress.hide()
        self.cancel_button.hide()
        buttons = QHBoxLayout()
        for button in (self.preview_button, self.save_button, self.print_button):
            buttons.addWidget(button)
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        self.status = named(QLabel(wordWrap=True), "shopStatus")

        right = QVBoxLayout()
        right.addWidget(self.languages_box)
        right.addLayout(copies_row)
        right.addWidget(self.double_sided)
        right.addWidget(self.advice)
        right.addWidget(self.missing)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addWidget(self.documents_box, 3)
        columns.addLayout(right, 2)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(columns)
        column.addLayout(buttons)
        column.addWidget(self.status)
        self.double_sided.toggled.connect(self.refresh)
        self.retranslate()

    # ---------------------------------------------------------------- choices
    def fill_lessons(self, lessons: Sequence[tuple[str, str, Sequence[str]]]) -> None:
        self.documents_box.fill_lessons(lessons)

    def chosen_keys(self) -> list[str]:
        return self.documents_box.chosen_keys()

    def chosen_languages(self) -> list[str]:
        return [code for code, box in self.language_boxes.items() if box.isChecked()]

    def options(self) -> dict[str, str]:
        return self.documents_box.options()

    def plan(self) -> Plan:
        return print_shop.plan(self.chosen_keys(), self.chosen_languages(), self.options())

    def refresh(self) -> None:
        """The advice for what is ticked: double-sided, and what does not exist."""
        plan = self.plan()
        edges = print_shop.duplex_edges(plan.parts)
        lines = [
            _(EDGE_ADVICE[edge]).format(documents=", ".join(_(entry.label) for entry in entries))
            for edge, entries in edges.items()
        ]
        if len(edges) > 1:
            lines.append(
                _(
                    "Deze kaarten slaan om langs verschillende kanten: druk ze apart af als je "
                    "dubbelzijdig afdrukt."
                )
            )
        self.advice.setText("\n".join(lines))
        self.advice.setVisible(bool(lines))
        missing = print_shop.missing_text(plan.missing)
        self.missing.setText(missing)
        self.missing.setVisible(bool(missing))

    # ---------------------------------------------------------------- the work
    def nothing_text(self, plan: Plan) -> str:
        if not self.chosen_keys():
            return _("Er is niets aangevinkt: kies eerst een of meer documenten.")
        if not self.chosen_languages():
            return _("Er is geen taal aangevinkt: kies ten minste één taal.")
        return _("Geen van de gekozen documenten bestaat in de gekozen talen.")

    def when_text(self) -> str:
        """The lessons' dates are typed in one language: for one letter language at a time."""
        return _(
            "De datum van de lessen typ je in de taal van de brief. Vink voor de brief aan "
            "ouders één taal aan als je een datum invult, of laat het veld leeg: dan staat er "
            "‘in de komende periode’ in elke taal."
        )

    def start(self, then: Callable[[bytes], None], *, copies: int | None = None) -> ShopRun | None:
        """Build the ticked documents on a worker, then ``then(pdf)`` on the UI thread."""
        if self.run is not None and self.run.running:
            return None
        plan = self.plan()
        if not plan.parts:
            self._say(self.nothing_text(plan), problem=True)
            return None
        letters = [part for part in plan.parts if part.entry.key == "parent-letter"]
        if self.options().get("when", "").strip() and len(letters) > 1:
            self._say(self.when_text(), problem=True)
            return None
        edges = print_shop.duplex_edges(plan.parts)
        run = ShopRun(
            plan.parts,
            self.context(),
            copies=copies or self.copies.value(),
            double_sided=self.double_sided.isChecked(),
            duplex=next(iter(edges)) if len(edges) == 1 else None,
            parent=self,
        )
        run.progress.connect(self._progress)
        run.finished.connect(lambda data: self._built(data, then))
        run.failed.connect(lambda message: self._ended(message, problem=True))
        run.cancelled.connect(lambda: self._ended(_("Geannuleerd: er is niets gemaakt.")))
        self.run = run
        self._busy(True)
        self.progress.setRange(0, len(plan.parts))
        self.progress.setValue(0)
        self._say(_("Bezig met maken…"))
        run.start()
        return run

    def cancel(self) -> None:
        if self.run is not None and self.run.running:
            self.run.cancel()
            self._say(_("Wordt geannuleerd na dit document…"))

    def wait(self, timeout_ms: int = 60_000) -> None:
        """Tests: let the event loop run until the run ends."""
        from PySide6.QtCore import QDeadlineTimer, QEventLoop
        from PySide6.QtGui import QGuiApplication

        deadline = QDeadlineTimer(timeout_ms)
        while self.run is not None and self.run.running and not deadline.hasExpired():
            QGuiApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
        QGuiApplication.processEvents()
        if self.run is not None and self.run.running:
            raise TimeoutError("the documents were not made in time")

    def _progress(self, done: int, total: int, title: str) -> None:
        self.progress.setValue(done)
        self._say(
            _("Document {n} van {total}: {title}").format(n=done + 1, total=total, title=title)
        )

    def _built(self, data: bytes, then: Callable[[bytes], None]) -> None:
        self._busy(False)
        self.last_pdf = data
        self._say("")
        then(data)

    def _ended(self, message: str, *, problem: bool = False) -> None:
        self._busy(False)
        self._say(message, problem=problem)

    def _busy(self, busy: bool) -> None:
        for button in (self.preview_button, self.save_button, self.print_button):
            button.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)

    def _say(self, text: str, *, problem: bool = False) -> None:
        self.status.setStyleSheet(PROBLEM_STYLE if problem else "")
        self.status.setText(text)

    # ---------------------------------------------------------------- preview, save, print
    def preview(self) -> ShopRun | None:
        return self.start(self._show_preview, copies=1)

    def _show_preview(self, data: bytes) -> None:
        from desktop.ui.printing.preview import CombinedPreviewDialog

        dialog = CombinedPreviewDialog(data, self.folder(), self.window())
        dialog.setModal(True)
        dialog.show()
        self.preview_dialog = dialog

    def _ask_and_save(self) -> None:
        plan = self.plan()
        if not plan.parts:  # said before a file is asked for
            self._say(self.nothing_text(plan), problem=True)
            return
        suggested = self.folder() / print_shop.combined_file_name()
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Opslaan als één PDF"), str(suggested), _("PDF-bestanden (*.pdf)")
        )
        if path:
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            self.save_to(path)

    def save_to(self, path: str | Path) -> ShopRun | None:
        return self.start(lambda data: self._write(data, path))

    def _write(self, data: bytes, path: str | Path) -> None:
        try:
            printing.save_pdf(data, path)
        except OSError as err:
            self._say(
                _("Het bestand kon niet worden opgeslagen ({reason}). Kies een andere map.").format(
                    reason=os_errors.reason(err)
                ),
                problem=True,
            )
            return
        self._say(_("Opgeslagen: {path}").format(path=str(path)))

    def print_all(self) -> ShopRun | None:
        return self.start(self._ask_printer)

    def chosen_edge(self) -> Duplex:
        """The edge the print dialog starts with: the chosen documents' when they share one."""
        edges = print_shop.duplex_edges(self.plan().parts)
        if self.double_sided.isChecked() and len(edges) == 1:
            return next(iter(edges))
        return None

    def printer_for(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        edge = self.chosen_edge()
        if edge:  # a printer that cannot print double-sided keeps its own setting
            printer.setDuplex(DUPLEX_MODES[edge])
        return printer

    def _ask_printer(self, data: bytes) -> None:
        if not confirm_big_job(self, data):
            self._say(_("Niet afgedrukt."))
            return
        printer = self.printer_for()
        dialog = QPrintDialog(printer, self)
        # the whole document goes as one PDF: a page range would be silently ignored
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, False)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            self._say(_("Niet afgedrukt."))
            return
        self.print_to(data, printer)

    def print_to(self, data: bytes, printer: QPrinter) -> PrintRun:
        """One print job through the app's print path (vector PDF, or page images)."""
        document = PdfPages()
        document.load(data)
        run = PrintRun(data, document, printer, self)
        run.finished.connect(self._printed)
        self.print_run, self.print_document = run, document
        self._say(_("Afdrukken…"))
        run.start()
        return run

    def _printed(self, pages: int) -> None:
        run = self.print_run
        assert run is not None
        if run.cancelled:
            self._say(_("Afdrukken geannuleerd."))
        elif not pages:
            self._say(run.problem or _("Niet afgedrukt."), problem=True)
        else:
            self._say(sent_text(pages))
        if self.print_document is not None:
            self.print_document.close()

    # ---------------------------------------------------------------- texts
    def retranslate(self) -> None:
        self.documents_box.retranslate()
        self.languages_box.setTitle(_("Talen"))
        for code, box in self.language_boxes.items():
            name, own = LANGUAGE_LABELS[code]
            text = _(name) if not own or own == _(name) else f"{_(name)} ({own})"
            if code in self.unchecked:
                text += " *"
            box.setText(text)
        self.unchecked_note.setText(
            _(
                "* Alleen de brief aan ouders. Nog niet nagekeken door iemand die de taal als "
                "moedertaal spreekt: laat de brief nakijken voor je hem meegeeft."
            )
            if self.unchecked
            else ""
        )
        self.unchecked_note.setVisible(bool(self.unchecked))
        self.copies_label.setText(_("Exemplaren van elk:"))
        self.double_sided.setText(_("Dubbelzijdig"))
        self.double_sided.setToolTip(
            _("Elk document begint op een nieuw vel: na een oneven aantal pagina’s komt een lege.")
        )
        self.preview_button.setText(_("Voorbeeld…"))
        self.save_button.setText(_("Opslaan als één PDF…"))
        self.print_button.setText(_("Afdrukken…"))
        self.cancel_button.setText(_("Annuleren"))
        self.refresh()
