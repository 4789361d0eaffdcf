"""One print of a referral letter: refused for a file named after the pupil, sent with
progress and cancel (``desktop.ui.print_run``), then logged in the vault. A print the vault
cannot log is taken back where it can be (a PDF file is removed) and the coordinator is told
what to do with paper that already came out."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.i18n import _
from desktop.referrals.choices import LetterChoices
from desktop.referrals.export import ExportRefused, LetterExport
from desktop.ui.print_run import PrintRun, sent_text
from desktop.ui.referrals.password_box import not_logged
from desktop.vault.errors import VaultError

if TYPE_CHECKING:
    from desktop.pdf_pages import PdfPages


def warn(parent: QWidget, title: str, text: str) -> QMessageBox:
    """Say ``text`` in a window-modal box, without waiting for the answer."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.open()
    return box


class LetterPrint(QObject):
    logged = Signal(object)  # the LetterChoices of a print the vault logged
    said = Signal(str)  # a line for the dialog's status

    def __init__(self, export: LetterExport, parent: QWidget) -> None:
        super().__init__(parent)
        self.export = export
        self.window = parent
        self.run: PrintRun | None = None

    def start(
        self,
        data: bytes,
        pages: PdfPages,
        printer: QPrinter,
        choices: LetterChoices,
        sections: tuple[str, ...],
    ) -> PrintRun | None:
        to_file = (
            printer.outputFileName()
            if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
            else ""
        )
        if to_file:
            try:
                self.export.check_file_name(Path(to_file), choices)
            except ExportRefused as err:
                warn(self.window, _("Niet afgedrukt"), str(err))
                return None
        run = PrintRun(data, pages, printer, self.window)
        finish: Callable[[int], None] = lambda sent: self._finished(  # noqa: E731
            run, sent, data, choices, sections, to_file
        )
        run.finished.connect(finish)
        self.run = run
        self.said.emit(_("Afdrukken…"))
        run.start()
        return run

    def _finished(
        self,
        run: PrintRun,
        sent: int,
        data: bytes,
        choices: LetterChoices,
        sections: tuple[str, ...],
        to_file: str,
    ) -> None:
        if run.cancelled:
            self.said.emit(_("Afdrukken geannuleerd."))
            return
        if not sent:
            self.said.emit(_("Niet afgedrukt."))
            warn(self.window, _("Niet afgedrukt"), run.problem)
            return
        try:
            self.export.printed(data, choices, sections)
        except VaultError as err:  # printed, not logged: take back what can be taken back
            if to_file:
                Path(to_file).unlink(missing_ok=True)
            self.said.emit(_("Niet afgedrukt."))
            warn(self.window, _("Niet vastgelegd"), not_logged(err.message(), bool(to_file)))
            return
        self.logged.emit(choices)
        self.said.emit(sent_text(sent) + " " + _("De afdruk staat in de auditlog."))
