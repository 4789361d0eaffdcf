"""The Printen page's "several at once": ticks, copies, one PDF, preview, print, cancel."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from desktop import print_shop
from desktop.ui.app import Built
from desktop.ui.printing.preview import CombinedPreviewDialog
from desktop.ui.printing.shop_panel import ShopPanel


def shop(built: Built) -> ShopPanel:
    page = built.window.printing_page
    built.window.show_page(page)
    return page.shop


def tick(panel: ShopPanel, keys: list[str], languages: list[str]) -> None:
    for key, box in panel.document_boxes.items():
        box.setChecked(key in keys)
    for code, box in panel.language_boxes.items():
        box.setChecked(code in languages)


def pages(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def expected_pages(panel: ShopPanel, copies: int, *, double_sided: bool) -> int:
    context = panel.context()
    total = 0
    for part in panel.plan().parts:
        count = pages(part.entry.build(part.language, context, part.options))
        total += copies * (count + count % 2 if double_sided else count)
    return total


def test_two_documents_in_two_languages_twice_make_one_pdf(built: Built, tmp_path: Path) -> None:
    panel = shop(built)
    tick(panel, ["observation-form", "parent-letter"], ["nl", "en"])
    panel.copies.setValue(2)
    assert panel.double_sided.isChecked()
    assert len(panel.plan().parts) == 4
    target = tmp_path / "drukwerk.pdf"
    assert panel.save_to(target) is not None
    assert not panel.save_button.isEnabled()  # busy: one run at a time
    panel.wait()
    assert target.exists(), panel.status.text()
    reader = PdfReader(target)
    assert len(reader.pages) == expected_pages(panel, 2, double_sided=True)
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Observatieformulier" in text or "observatie" in text.lower()
    assert panel.status.text() == f"Opgeslagen: {target}"
    assert panel.save_button.isEnabled()
    assert not panel.progress.isVisible()


def test_one_sided_has_no_blank_pages(built: Built, tmp_path: Path) -> None:
    panel = shop(built)
    tick(panel, ["poster", "parent-letter"], ["nl", "en"])
    panel.double_sided.setChecked(False)
    panel.copies.setValue(3)
    panel.save_to(tmp_path / "x.pdf")
    panel.wait()
    assert pages((tmp_path / "x.pdf").read_bytes()) == expected_pages(panel, 3, double_sided=False)


def test_what_does_not_exist_is_said(built: Built) -> None:
    panel = shop(built)
    tick(panel, ["guide", "parent-letter"], ["nl", "uk"])
    assert panel.missing.isVisibleTo(panel)
    assert "– Handleiding voor docenten (Oekraïens)" in panel.missing.text()
    assert "*" in panel.language_boxes["uk"].text()
    assert "moedertaal" in panel.unchecked_note.text()
    assert "*" not in panel.language_boxes["en"].text()


def test_double_sided_advice_for_the_chosen_cards(built: Built) -> None:
    panel = shop(built)
    tick(panel, ["signal-card-trifold"], ["nl"])
    assert "korte kant" in panel.advice.text()
    assert panel.chosen_edge() == "short"  # the print dialog starts with it
    tick(panel, ["signal-card-trifold", "key-messages"], ["nl"])
    assert "lange kant" in panel.advice.text()
    assert "apart" in panel.advice.text()
    assert panel.chosen_edge() is None  # two edges: the printer's own setting
    tick(panel, ["signal-card-trifold", "guide", "observation-form"], ["nl"])
    assert "apart" in panel.advice.text()  # the A4 documents' backs would stand on their head
    assert panel.chosen_edge() is None
    tick(panel, ["guide", "observation-form"], ["nl"])
    assert panel.chosen_edge() == "long"
    tick(panel, ["poster"], ["nl"])  # one page: nothing to flip
    assert not panel.advice.isVisibleTo(panel)


def test_cancel_stops_between_documents(built: Built, tmp_path: Path) -> None:
    panel = shop(built)
    tick(panel, ["guide", "lesson-plan"], ["nl", "en"])
    target = tmp_path / "niet.pdf"
    run = panel.save_to(target)
    assert run is not None
    panel.cancel_button.click()
    panel.wait()
    assert not target.exists()
    assert panel.status.text() == "Geannuleerd: er is niets gemaakt."
    assert panel.preview_button.isEnabled()


def test_nothing_ticked_says_so(built: Built) -> None:
    panel = shop(built)
    tick(panel, [], ["nl"])
    panel.save_button.click()  # no file dialog: it says so first
    assert "niets aangevinkt" in panel.status.text()
    panel.print_button.click()
    assert panel.run is None
    tick(panel, ["guide"], [])
    panel.preview_button.click()
    assert "geen taal" in panel.status.text()
    tick(panel, ["guide"], ["pl"])
    panel.preview_button.click()
    assert panel.status.text() == "Geen van de gekozen documenten bestaat in de gekozen talen."


def test_preview_shows_each_document_once(built: Built, qtbot: QtBot) -> None:
    panel = shop(built)
    tick(panel, ["key-messages", "poster"], ["nl"])
    panel.copies.setValue(5)
    panel.preview()
    panel.wait()
    dialog = panel.preview_dialog
    assert isinstance(dialog, CombinedPreviewDialog)
    qtbot.addWidget(dialog)
    # poster 1 page + blank back, the key messages card 2: each once, not five times
    assert len(dialog.document) == 4
    assert not dialog.print_button.isVisible()
    qtbot.waitUntil(lambda: bool(dialog.view.drawn))  # the pages in view are drawn


def test_printing_is_one_job_through_the_print_path(built: Built, tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    panel = shop(built)
    tick(panel, ["observation-form"], ["nl", "en"])
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printer.pdf"))
    runs = []
    panel.start(lambda data: runs.append(panel.print_to(data, printer)))
    panel.wait()
    assert runs
    assert runs[0].wait() == pages(panel.last_pdf)
    assert (tmp_path / "printer.pdf").read_bytes() == panel.last_pdf
    assert panel.status.text().startswith("Naar de printer gestuurd")


def test_the_page_offers_every_catalogue_entry(built: Built) -> None:
    panel = shop(built)
    assert list(panel.document_boxes) == [entry.key for entry in print_shop.CATALOGUE]
    assert panel.lesson.count() == 6
    assert panel.level.count() >= 3
    assert built.window.printing_page.report_button.text() == "Preventieverslag…"


def test_a_lesson_date_is_for_one_letter_language_at_a_time(built: Built, tmp_path: Path) -> None:
    panel = shop(built)
    tick(panel, ["parent-letter"], ["nl", "ar"])
    panel.documents_box.when.setText("in de week van 12 januari")
    assert panel.save_to(tmp_path / "brieven.pdf") is None  # refused before anything is made
    assert "één taal" in panel.status.text()
    assert not (tmp_path / "brieven.pdf").exists()
    panel.documents_box.when.clear()  # empty: each letter says "in the coming period"
    run = panel.save_to(tmp_path / "brieven.pdf")
    assert run is not None
    panel.wait()
    assert (tmp_path / "brieven.pdf").exists()


def test_a_very_large_print_job_is_asked_about_first(
    built: Built, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from desktop.ui.printing import big_job

    asked: list[str] = []

    def answer_no(*args: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(big_job.QMessageBox, "question", answer_no)
    monkeypatch.setattr(big_job, "BIG_JOB_PAGES", 3)
    panel = shop(built)
    sent: list[bytes] = []
    monkeypatch.setattr(panel, "print_to", lambda data, printer: sent.append(data))
    tick(panel, ["guide"], ["nl"])  # five pages
    run = panel.print_all()
    assert run is not None
    panel.wait()
    assert asked
    assert "pagina’s" in asked[0]
    assert sent == []
    assert panel.status.text() == "Niet afgedrukt."
