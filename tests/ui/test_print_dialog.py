"""Afdrukken…: the PDF goes to the printer as it is (vector), page images only where it cannot,
and every successful print is audited once, after it succeeded."""

from __future__ import annotations

import io
import os
import time
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from desktop import print_job
from desktop.ui import print_dialog, print_run
from desktop.ui.print_dialog import PdfPreviewDialog
from tests.unit.test_print_job import install_lp


def text_pdf(pages: int = 2) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=True)
    for number in range(1, pages + 1):
        canvas.setFont("Helvetica", 14)
        canvas.drawString(72, 770, f"Verwijsbrief, pagina {number}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


class Letter(PdfPreviewDialog):
    """A case document: every print audited."""

    def __init__(self, tmp_path: Path) -> None:
        super().__init__("Verwijsbrief", tmp_path)
        self.audited: list[tuple[str, str]] = []
        self.refresh()

    def build(self) -> bytes:
        return text_pdf()

    def file_name(self) -> str:
        return "verwijsbrief.pdf"

    def audit(self, action: str, path: str) -> None:
        self.audited.append((action, path))


class FakePrinter:
    """What print_to reads of a QPrinter that QPrintDialog set to a CUPS printer."""

    def printerName(self) -> str:
        return "Lokaal-204"

    def outputFileName(self) -> str:
        return ""

    def outputFormat(self) -> QPrinter.OutputFormat:
        return QPrinter.OutputFormat.NativeFormat

    def duplex(self) -> QPrinter.DuplexMode:
        return QPrinter.DuplexMode.DuplexLongSide

    def copyCount(self) -> int:
        return 2


@pytest.fixture
def letter(qtbot: QtBot, tmp_path: Path) -> Letter:
    dialog = Letter(tmp_path)
    qtbot.addWidget(dialog)
    return dialog


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: said.append(args[2]))
    return said


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_print_to_a_pdf_printer_writes_the_documents_own_bytes(
    letter: Letter, tmp_path: Path
) -> None:
    target = tmp_path / "printed.pdf"
    assert letter.print_to(pdf_printer(target)).wait() == 2
    assert target.read_bytes() == letter.pdf_bytes
    page = PdfReader(target).pages[0]
    assert "Verwijsbrief, pagina 1" in page.extract_text()  # text, so vector
    assert list(page.images) == []  # and no page image
    assert letter.audited == [("print", str(target))]
    assert letter.status.text() == "Naar de printer gestuurd: 2 pagina’s."


def test_print_to_cups_sends_the_pdf_to_lp(
    letter: Letter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_lp(tmp_path / "bin", tmp_path / "record")
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    assert letter.print_to(FakePrinter()).wait() == 2  # type: ignore[arg-type]
    assert (tmp_path / "record" / "stdin").read_bytes() == letter.pdf_bytes
    argv = (tmp_path / "record" / "argv").read_text().splitlines()
    assert argv[:6] == ["-d", "Lokaal-204", "-n", "2", "-o", "sides=two-sided-long-edge"]
    assert argv[6:] == ["-t", "Schoolsignaal", "--"]  # a generic title: no case data
    assert letter.audited == [("print", "Lokaal-204")]


def test_a_refused_job_says_why_and_is_not_audited(letter: Letter, warnings: list[str]) -> None:
    # conftest puts an lp first on the PATH that refuses every job
    assert letter.print_to(FakePrinter()).wait() == 0  # type: ignore[arg-type]
    assert len(warnings) == 1
    assert "niet naar de printer worden gestuurd" in warnings[0]
    assert letter.audited == []
    assert letter.status.text() == "Niet afgedrukt."


def test_a_pdf_printer_without_a_file_name_prints_nothing(
    letter: Letter, warnings: list[str]
) -> None:
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    assert letter.print_to(printer).wait() == 0
    assert warnings == ["Kies een bestandsnaam om als PDF af te drukken."]
    assert letter.audited == []


def test_cancel_prints_nothing(letter: Letter, monkeypatch: pytest.MonkeyPatch) -> None:
    sent: list[bytes] = []
    monkeypatch.setattr(print_job, "send_pdf", lambda data, *a, **k: sent.append(data))
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    letter._print()
    assert sent == []
    assert letter.audited == []


def test_without_pdf_printing_pages_go_as_images_of_at_most_300_dpi(
    letter: Letter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unavailable(*args: object, **kwargs: object) -> None:
        raise print_job.VectorPrintUnavailable("no lp")

    monkeypatch.setattr(print_job, "send_pdf", unavailable)
    widths: list[int] = []
    render = letter.document.render
    monkeypatch.setattr(
        letter.document, "render", lambda index, width: widths.append(width) or render(index, width)
    )
    target = tmp_path / "images.pdf"
    printer = pdf_printer(target)
    assert printer.resolution() == 1200
    assert letter.print_to(printer).wait() == 2
    assert len(widths) == 2
    reader = PdfReader(target)
    assert len(reader.pages) == 2
    for page in reader.pages:
        (image,) = page.images
        inches = float(page.mediabox.width) / 72
        assert image.image.width / inches <= print_dialog.RASTER_DPI_CAP + 1
        assert image.image.width / inches >= 250  # still sharp on paper
    assert letter.audited == [("print", str(target))]
    assert letter.status.text() == "Naar de printer gestuurd: 2 pagina’s."


def click_cancel(run: print_run.PrintRun) -> None:
    button = run.box.findChild(QPushButton)
    assert isinstance(button, QPushButton)
    button.click()


def test_page_images_render_one_page_per_turn_and_can_be_cancelled(
    letter: Letter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    def unavailable(*args: object, **kwargs: object) -> None:
        raise print_job.VectorPrintUnavailable("no lp")

    monkeypatch.setattr(print_job, "send_pdf", unavailable)
    drawn: list[int] = []
    render = letter.document.render

    def render_and_cancel(index: int, width: int) -> QImage:
        drawn.append(index)
        click_cancel(run)  # as the user's click between two pages
        return render(index, width)

    monkeypatch.setattr(letter.document, "render", render_and_cancel)
    target = tmp_path / "images.pdf"
    run = letter.print_to(pdf_printer(target))
    assert run.box.windowModality() == Qt.WindowModality.WindowModal
    assert run.running  # print_to returned before any page was drawn
    assert drawn == []
    assert run.wait() == 0
    assert drawn == [0]  # the second page was never drawn
    assert run.cancelled
    assert letter.audited == []  # a case document's audit log says nothing was printed
    assert letter.status.text() == "Afdrukken geannuleerd."
    assert not target.exists()
    assert not run.box.isVisible()
    assert letter.print_button.isEnabled()


def test_a_slow_job_shows_its_progress_and_says_when_it_is_done(
    letter: Letter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    def unavailable(*args: object, **kwargs: object) -> None:
        raise print_job.VectorPrintUnavailable("no lp")

    monkeypatch.setattr(print_job, "send_pdf", unavailable)
    monkeypatch.setattr(print_run, "SHOW_AFTER_MS", 0)
    letter.show()
    run = letter.print_to(pdf_printer(tmp_path / "images.pdf"))
    assert not letter.print_button.isEnabled()  # one job at a time
    assert run.wait() == 2
    assert run.box.isVisible()  # it was watched: it says the job is done
    assert run.box.labelText() == "Naar de printer gestuurd: 2 pagina’s."
    assert letter.status.text() == "Naar de printer gestuurd: 2 pagina’s."
    click_cancel(run)  # its button now closes it
    assert not run.box.isVisible()
    assert letter.audited == [("print", str(tmp_path / "images.pdf"))]


def test_lp_runs_off_the_ui_thread_and_cancel_stops_it(
    letter: Letter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    install_lp(tmp_path / "bin", tmp_path / "record")
    (tmp_path / "bin" / "lp").write_text("#!/bin/sh\nexec sleep 30\n")  # a CUPS that hangs
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    started = time.monotonic()
    run = letter.print_to(FakePrinter())  # type: ignore[arg-type]
    assert time.monotonic() - started < 1  # the window did not wait for lp
    assert run.running
    assert run.box.minimum() == run.box.maximum() == 0  # a moving bar
    ticks: list[int] = []
    timer = QTimer(letter, interval=20)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    qtbot.wait(300)
    assert len(ticks) >= 5  # the event loop kept turning meanwhile
    click_cancel(run)
    assert run.wait(5000) == 0
    timer.stop()
    assert run.cancelled
    assert letter.audited == []
    assert letter.status.text() == "Afdrukken geannuleerd."
    assert time.monotonic() - started < 5  # not lp's 30 s


def test_closing_the_preview_cancels_a_running_job(
    letter: Letter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unavailable(*args: object, **kwargs: object) -> None:
        raise print_job.VectorPrintUnavailable("no lp")

    monkeypatch.setattr(print_job, "send_pdf", unavailable)
    run = letter.print_to(pdf_printer(tmp_path / "images.pdf"))
    letter.close_button.click()
    assert run.wait() == 0
    assert letter.audited == []
