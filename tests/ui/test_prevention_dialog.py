"""The prevention report dialog (Printen, Preventieverslag…) on the demo vault: lessons only
while the vault is locked, counts once it is open and chosen, audited when saved with counts,
and the counts gone from the preview when the vault locks."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from desktop.classroom.lesson_log import checked
from desktop.concerns.demo import DEMO_PASSPHRASE
from desktop.ui.app import Built, build
from desktop.ui.prevention.dialog import PreventionReportDialog
from desktop.vault import kdf
from desktop.vault.audit import AuditKind
from tests.vault.conftest import CHEAP

SHOTS = os.environ.get("SCHOOLSIGNAAL_SHOTS")  # a folder to save the dialog's picture in


@pytest.fixture
def demo(qtbot: QtBot, basedir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Built]:
    monkeypatch.setattr(kdf, "ARGON2_DEFAULT", CHEAP)
    built = build(["--basedir", str(basedir), "--demo", "--lang", "nl"], install_hooks=False)
    qtbot.addWidget(built.window)
    yield built
    built.window.vault_session.lock()


def text_of(data: bytes) -> str:
    return " ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def open_dialog(built: Built, qtbot: QtBot) -> PreventionReportDialog:
    window = built.window
    today = dt.date.today()
    window.lesson_log.add(
        checked(day=today, group="2B", lesson_id="wat-is-mensenhandel",
                lesson_title="Wat is mensenhandel?", today=today)
    )  # fmt: skip
    page = window.printing_page
    window.show_page(page)
    assert page.report_button.text() == "Preventieverslag…"
    page.report_button.click()
    dialog = page.prevention_dialog
    assert isinstance(dialog, PreventionReportDialog)
    qtbot.addWidget(dialog)
    return dialog


def test_a_locked_vault_gives_the_lessons_only(demo: Built, qtbot: QtBot) -> None:
    dialog = open_dialog(demo, qtbot)
    assert not dialog.with_counts.isEnabled()
    assert "op slot" in dialog.counts_note.text()
    if SHOTS:
        dialog.resize(980, 760)
        dialog.grab().save(str(Path(SHOTS) / "prevention-dialog-locked.png"))
        demo.window.printing_page.grab().save(str(Path(SHOTS) / "printing-page.png"))
    text = text_of(dialog.pdf_bytes)
    assert "Preventieverslag mensenhandel en uitbuiting" in text
    assert "Wat is mensenhandel?" in text
    assert "Meldingen naar vermoede vorm" not in text
    assert dialog.file_name() == f"preventieverslag-{dialog.chosen_year().label}.pdf"


def test_counts_from_the_open_vault_audited_when_saved(
    demo: Built, qtbot: QtBot, tmp_path: Path
) -> None:
    session = demo.window.vault_session
    with qtbot.waitSignal(session.opened, timeout=10_000):
        session.unlock(passphrase=DEMO_PASSPHRASE)
    qtbot.waitUntil(lambda: session.is_open and not session.is_busy, timeout=10_000)
    dialog = open_dialog(demo, qtbot)
    assert dialog.with_counts.isEnabled()
    assert not dialog.with_counts.isChecked()
    dialog.with_counts.setChecked(True)
    report = dialog.report
    assert report is not None
    assert report.counts is not None
    text = text_of(dialog.pdf_bytes)
    assert "Meldingen naar vermoede vorm" in text
    assert "< 5" in text
    for case in session.vault.cases():
        assert case.code not in text
    if SHOTS:
        dialog.resize(980, 760)
        dialog.grab().save(str(Path(SHOTS) / "prevention-dialog.png"))

    before = len(session.vault.audit_log())
    target = tmp_path / dialog.file_name()
    assert dialog.save_to(target)
    events = session.vault.audit_log()[before:]
    assert [(e.kind, e.case_code) for e in events] == [(AuditKind.EXPORTED, None)]
    details = json.loads(events[0].details)
    assert details["document"] == "prevention_report"
    assert details["counts"] is True
    assert details["school_year"] == dialog.chosen_year().label

    dialog.with_counts.setChecked(False)  # lessons only: saved without a log entry
    assert dialog.save_to(tmp_path / "alleen-lessen.pdf")
    assert len(session.vault.audit_log()) == before + 1

    dialog.with_counts.setChecked(True)
    session.lock()  # the counts leave the preview at once
    assert not dialog.with_counts.isEnabled()
    assert not dialog.with_counts.isChecked()
    assert dialog.report is not None
    assert dialog.report.counts is None
    assert "Meldingen naar vermoede vorm" not in text_of(dialog.pdf_bytes)
