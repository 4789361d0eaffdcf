"""The audit log viewer: every event in words, newest first; the filters; the chain check in
green or red; the log on paper, whose every save and print is itself in the log."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QDate, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from desktop.ui.concerns.audit_dialog import AuditLogDialog, AuditPrintDialog
from desktop.ui.concerns.page import ConcernsPage
from tests.ui.concerns.test_locking import case_text_left


def open_log(page: ConcernsPage, qtbot: QtBot) -> AuditLogDialog:
    qtbot.mouseClick(page.workspace.audit_button, Qt.MouseButton.LeftButton)
    dialog = page.workspace.dialogs[-1]
    assert isinstance(dialog, AuditLogDialog)
    assert dialog.isVisible()
    return dialog


def column(dialog: AuditLogDialog, index: int) -> list[str]:
    model = dialog.model
    return [model.data(model.index(row, index)) for row in range(model.rowCount())]


def some_work(page: ConcernsPage) -> tuple[str, str]:
    vault = page.session.vault
    first = vault.create_case(forms=["sexual"])
    vault.add_entry(first, "observation", occurred_on=dt.date.today(), facts="iets gezien")
    second = vault.create_case(forms=["labour"])
    vault.backup()
    return first, second


def test_every_event_is_listed_newest_first_with_an_intact_chain(
    open_page: ConcernsPage, qtbot: QtBot
) -> None:
    first, second = some_work(open_page)
    dialog = open_log(open_page, qtbot)
    log = open_page.session.vault.audit_log()
    assert dialog.model.rowCount() == len(log)
    assert column(dialog, 0) == [str(e.seq) for e in reversed(log)]
    assert column(dialog, 2)[0] == "Reservekopie gemaakt"
    assert column(dialog, 2)[-1] == "Kluis aangemaakt"
    assert column(dialog, 3)[:4] == ["", second, first, first]
    details = column(dialog, 4)
    assert "Waarneming toegevoegd" in details
    assert all("{" not in text for text in details)
    assert str(dt.date.today().year) in column(dialog, 1)[0]
    assert dialog.chain.property("ok") is True
    assert dialog.chain.text() == f"De auditlog is compleet en ongewijzigd ({len(log)} regels)."
    assert "#2d6a4f" in dialog.chain.styleSheet()  # green
    assert dialog.count.text() == f"{len(log)} van {len(log)} regels"


def test_filters_by_group_code_text_and_day(open_page: ConcernsPage, qtbot: QtBot) -> None:
    first, _second = some_work(open_page)
    dialog = open_log(open_page, qtbot)
    total = dialog.model.rowCount()
    dialog.group.setCurrentIndex(dialog.group.findData("backups"))
    assert column(dialog, 2) == ["Reservekopie gemaakt"]
    dialog.group.setCurrentIndex(dialog.group.findData("cases"))
    assert column(dialog, 2) == ["Melding aangemaakt", "Melding aangemaakt"]
    dialog.code.setText(first)
    dialog.apply()  # what the typing timer does
    assert column(dialog, 3) == [first]
    dialog.group.setCurrentIndex(0)
    assert column(dialog, 3) == [first, first]
    assert dialog.count.text() == f"2 van {total} regels"
    dialog.code.clear()
    dialog.text.setText("waarneming")
    dialog.apply()
    assert column(dialog, 3) == [first]
    dialog.text.clear()
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    dialog.since.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    assert dialog.model.rowCount() == 0
    dialog.since.setDate(dialog.since.minimumDate())
    dialog.until.setDate(QDate.currentDate())
    assert dialog.model.rowCount() == total


def test_a_broken_chain_shows_in_red(open_page: ConcernsPage, qtbot: QtBot) -> None:
    some_work(open_page)
    engine = open_page.session.vault._store.engine
    assert engine is not None
    with engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM audit_events WHERE seq = 2")
    dialog = open_log(open_page, qtbot)
    assert dialog.chain.property("ok") is False
    assert "Gebeurtenis 2 is uit het logboek verwijderd." in dialog.chain.text()
    assert "#9b2226" in dialog.chain.styleSheet()  # red


def test_the_pdf_saved_is_in_the_log_with_its_sha256(
    open_page: ConcernsPage, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, _second = some_work(open_page)
    open_page.profile.save({"school_name": "De Brug"})
    dialog = open_log(open_page, qtbot)
    dialog.code.setText(first)
    dialog.apply()
    rows = dialog.model.rowCount()
    preview = dialog.export()
    assert isinstance(preview, AuditPrintDialog)
    assert preview in open_page.workspace.dialogs
    assert len(preview.document) >= 1
    assert preview.save_button.isEnabled()
    target = tmp_path / "auditlog.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    newest = open_page.session.vault.audit_log()[-1]
    assert newest.kind == "audit_exported"
    assert newest.case_code is None
    assert json.loads(newest.details) == {
        "channel": "export",
        "rows": rows,
        "sha256": hashlib.sha256(data).hexdigest(),
    }
    # the viewer read the log again: the export is there under its filter
    dialog.code.clear()
    dialog.apply()
    assert column(dialog, 2)[0] == "Auditlog geëxporteerd"
    assert column(dialog, 4)[0] == f"Auditlog opgeslagen als PDF ({rows} regels)"

    printed = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    assert preview.print_to(printer).wait() == len(preview.document)
    newest = open_page.session.vault.audit_log()[-1]
    assert newest.kind == "audit_printed"
    assert json.loads(newest.details)["sha256"] == hashlib.sha256(data).hexdigest()
    assert str(printed) not in newest.details
    assert open_page.session.vault.verify_audit().ok


def test_locking_closes_the_log_and_its_preview(open_page: ConcernsPage, qtbot: QtBot) -> None:
    first, _second = some_work(open_page)
    dialog = open_log(open_page, qtbot)
    preview = dialog.export()
    assert preview is not None
    assert case_text_left(first)
    open_page.session.lock()
    qtbot.wait(50)
    QApplication.processEvents()
    for window in (dialog, preview):
        assert not shiboken6.isValid(window) or not window.isVisible()
    assert case_text_left(first) == []
