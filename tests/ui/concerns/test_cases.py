"""The case flows: a new case, signals from the card, the list's filters, entries, closing."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.ui.app import Built
from desktop.ui.concerns.entry_form import EntryDialog
from desktop.ui.concerns.from_signals import SignalsTargetDialog
from desktop.ui.concerns.new_case import CaseDetailsDialog
from desktop.ui.concerns.page import ConcernsPage
from desktop.ui.concerns.status_dialog import StatusDialog
from tests.ui.concerns.conftest import wait_open
from tests.vault.conftest import PASSPHRASE

TODAY = dt.date.today()


def open_dialogs(kind: type) -> list:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def test_new_case_gets_its_code_and_opens_with_an_observation_form(
    open_page: ConcernsPage, qtbot: QtBot
) -> None:
    year = TODAY.year
    dialog = open_page.new_case()
    assert isinstance(dialog, CaseDetailsDialog)
    assert f"{year}-001" in dialog.code_label.text()
    dialog.forms["criminal"].setChecked(True)
    dialog.age_band.setCurrentIndex(dialog.age_band.findData("14-15"))
    dialog.school_type.setCurrentIndex(dialog.school_type.findData("vmbo"))
    dialog.school_year.setCurrentIndex(dialog.school_year.findData(3))
    assert dialog.save() == f"{year}-001"
    view = open_page.workspace.case_view
    assert view is not None
    assert view.code == f"{year}-001"
    assert "14-15" in view.summary.text()
    assert "vmbo" in view.summary.text()
    assert open_dialogs(EntryDialog), "the observation form opens for the new case"
    rows = open_page.workspace.list_panel.model.rows
    assert [r.code for r in rows] == [f"{year}-001"]


def test_signals_from_the_card_land_in_a_first_observation(
    built: Built, page: ConcernsPage, qtbot: QtBot
) -> None:
    window = built.window
    with qtbot.waitSignal(page.session.opened, timeout=10_000):
        page.session.create(PASSPHRASE)
    from tests.ui.concerns.conftest import confirm_recovery_key

    confirm_recovery_key(page)
    page.session.lock()
    window.start_concern(["lots-of-cash", "several-phones"])  # the vault is locked
    assert window.current_page() is page
    assert page.stack.currentIndex() == 1, "the lock screen first"
    page.unlock.passphrase.setText(PASSPHRASE)
    page.unlock.unlock()
    wait_open(qtbot, page)
    target = window.handoff.last_dialog
    assert isinstance(target, SignalsTargetDialog)
    assert target.target() is None  # a new case by default
    target.accept()
    details = open_dialogs(CaseDetailsDialog)[0]
    code = details.save()
    entry_form = open_dialogs(EntryDialog)[0]
    assert entry_form.signal_picker is not None
    assert set(entry_form.signal_picker.ticked()) == {"lots-of-cash", "several-phones"}
    entry_form.facts.setPlainText(
        "Had in de pauze drie telefoons en een stapel briefgeld bij zich."
    )
    entry_form.who.setCurrentText("mentor")
    assert entry_form.save()
    detail = page.session.vault.case(code)
    assert set(detail.entries[0].signals) == {"lots-of-cash", "several-phones"}
    assert "drie telefoons" in page.workspace.case_view.chronology.toPlainText()


def test_privacy_findings_stop_the_save_until_adjusted_or_accepted(
    open_page: ConcernsPage, qtbot: QtBot
) -> None:
    code = open_page.session.vault.create_case(forms=["sexual"])
    view = open_page.workspace.open_case(code)
    dialog = view.new_entry("observation")
    dialog.facts.setPlainText("Fatima de Vries belde met 06-12345678. Ik denk dat ze bang is.")
    dialog.who.setCurrentText("mentor")
    assert not dialog.save()
    kinds = {f.kind for f in dialog.findings}
    assert {"name", "phone", "interpretation"} <= kinds
    assert dialog.found.isVisible()
    assert dialog.anyway_button.isVisible()
    assert dialog.facts.extraSelections(), "findings are highlighted in the field"
    assert open_page.session.vault.case(code).entries == ()
    dialog.go_to_first_finding()
    assert dialog.facts.textCursor().selectedText() == "Fatima de Vries"
    dialog.facts.setPlainText("De leerling belde in de pauze lang met een onbekend nummer.")
    dialog.interpretation.setPlainText("Ik denk dat ze bang is.")
    assert dialog.save()
    assert len(open_page.session.vault.case(code).entries) == 1


def test_save_anyway_keeps_the_text_as_typed(open_page: ConcernsPage, qtbot: QtBot) -> None:
    code = open_page.session.vault.create_case(forms=["labour"])
    view = open_page.workspace.open_case(code)
    dialog = view.new_entry("note")
    dialog.facts.setPlainText("Werkt bij de Dorpsstraat 12 tot laat.")
    assert not dialog.save()
    assert dialog.save(anyway=True)
    assert (
        open_page.session.vault.case(code).entries[0].facts
        == "Werkt bij de Dorpsstraat 12 tot laat."
    )


def test_a_correction_needs_a_reason_and_keeps_the_earlier_text(
    open_page: ConcernsPage, qtbot: QtBot
) -> None:
    vault = open_page.session.vault
    code = vault.create_case(forms=["sexual"])
    entry = vault.add_entry(code, "observation", occurred_on=TODAY, facts="Stond bij het hek.")
    view = open_page.workspace.open_case(code)
    dialog = view.correct_entry(entry)
    dialog.facts.setPlainText("Stond bij de poort.")
    assert not dialog.save()
    assert "reden" in dialog.error.text().lower()
    dialog.reason.setText("verkeerde plek genoteerd")
    assert dialog.save()
    text = view.chronology.toPlainText()
    assert "Stond bij de poort." in text
    assert "Stond bij het hek." in text
    assert "verkeerde plek genoteerd" in text


def test_the_list_filters_by_status_form_and_text(open_page: ConcernsPage, qtbot: QtBot) -> None:
    vault = open_page.session.vault
    sexual = vault.create_case(forms=["sexual"])
    criminal = vault.create_case(forms=["criminal"])
    vault.add_entry(criminal, "observation", occurred_on=TODAY, facts="veel contant geld")
    vault.set_status(sexual, "closed", reason="afgerond", outcome="not_confirmed")
    panel = open_page.workspace.list_panel
    open_page.workspace.reload()
    assert [r.code for r in panel.model.rows] == [criminal], "closed cases hide by default"
    panel.status.setCurrentIndex(panel.status.findData(None))
    assert {r.code for r in panel.model.rows} == {sexual, criminal}
    panel.form.setCurrentIndex(panel.form.findData("sexual"))
    assert [r.code for r in panel.model.rows] == [sexual]
    panel.form.setCurrentIndex(0)
    panel.search.setText("contant")
    qtbot.waitUntil(lambda: [r.code for r in panel.model.rows] == [criminal], timeout=2000)
    assert panel.count.text() == "1 melding"


def test_overdue_recheck_is_marked_in_the_list(open_page: ConcernsPage, qtbot: QtBot) -> None:
    vault = open_page.session.vault
    code = vault.create_case(forms=["criminal"])
    vault.set_answers(
        code,
        ["yes", "no", "yes", "yes", "unknown"],
        answered_on=[TODAY] * 4 + [None],
        recheck_on=TODAY - dt.timedelta(days=3),
    )
    open_page.workspace.reload()
    model = open_page.workspace.list_panel.model
    cell = model.index(0, 5)
    assert "verlopen" in model.data(cell)
    assert model.data(cell, Qt.ItemDataRole.ForegroundRole) is not None


def test_closing_asks_a_reason_and_says_when_the_case_goes(
    open_page: ConcernsPage, qtbot: QtBot
) -> None:
    code = open_page.session.vault.create_case(forms=["sexual"])
    open_page.workspace.open_case(code)
    dialog = StatusDialog(open_page.session, code)
    qtbot.addWidget(dialog)
    dialog.status.setCurrentIndex(dialog.status.findData("closed"))
    assert dialog.outcome.isVisibleTo(dialog)
    assert dialog.outcome.itemData(0) == "not_confirmed"
    assert "niet is bevestigd" in dialog.consequence.text()
    assert not dialog.save()
    dialog.reason.setPlainText("Na gesprekken en overleg geen aanwijzingen meer.")
    assert dialog.save()
    view = open_page.workspace.case_view
    assert "verwijderd" in view.retention.text()


def test_meldcode_skipped_step_needs_a_reason_and_answers_give_advice(
    open_page: ConcernsPage, qtbot: QtBot
) -> None:
    code = open_page.session.vault.create_case(forms=["sexual"])
    view = open_page.workspace.open_case(code)
    panel = view.meldcode
    assert panel is not None
    step3 = panel.steps[2]
    step3.status.setCurrentIndex(step3.status.findData("skipped"))
    assert not step3.save()
    assert step3.error.text()
    step3.note.setText("Gesprek met ouders niet veilig: mogelijk betrokken.")
    assert step3.save()
    form = panel.afweging
    form.answers[0].setCurrentIndex(form.answers[0].findData("yes"))
    form.answers[1].setCurrentIndex(form.answers[1].findData("yes"))
    assert "Veilig Thuis" in form.recommendation.text()
    form.recheck_on.setChecked(True)
    form.recheck.setDate(form.recheck.date().addDays(10))
    assert form.save()
    detail = open_page.session.vault.case(code)
    assert detail.assessment is not None
    assert detail.assessment.recommendation.value == "report"
    assert detail.assessment.recheck_on is not None
    assert detail.assessment.answered_on[:2] == (TODAY, TODAY)
    view.reload()
    assert panel.afweging.recheck_on.isChecked(), "the saved re-check date shows again"


def test_a_narrow_window_shows_the_list_and_a_case_in_turn(
    built: Built, open_page: ConcernsPage, qtbot: QtBot
) -> None:
    window = built.window
    window.resize(1024, 700)
    window.show()
    qtbot.waitExposed(window)
    workspace = open_page.workspace
    code = open_page.session.vault.create_case(forms=["sexual"])
    workspace.reload()
    assert workspace.narrow
    view = workspace.open_case(code)
    assert view is not None
    assert not workspace.list_panel.isVisible()
    assert view.back_button.isVisible()
    qtbot.mouseClick(view.back_button, Qt.MouseButton.LeftButton)
    assert workspace.case_view is None
    assert workspace.list_panel.isVisible()
    window.resize(1400, 800)
    qtbot.waitUntil(lambda: not workspace.narrow, timeout=2000)
    view = workspace.open_case(code)
    assert view is not None
    assert workspace.list_panel.isVisible()
    assert not view.back_button.isVisible()


def test_enter_in_the_signal_search_does_not_save_and_cancel_asks_first(
    open_page: ConcernsPage, qtbot: QtBot
) -> None:
    from PySide6.QtWidgets import QMessageBox

    code = open_page.session.vault.create_case(forms=["criminal"])
    view = open_page.workspace.open_case(code)
    dialog = view.new_entry("observation")
    qtbot.waitExposed(dialog)
    dialog.facts.setPlainText("Had drie telefoons bij zich.")
    assert dialog.signal_picker is not None
    qtbot.keyClick(dialog.signal_picker.search, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert open_page.session.vault.case(code).entries == ()
    dialog.reject()
    question = dialog.question
    assert question.isVisible()
    assert dialog.isVisible(), "typed text is not thrown away without asking"
    question.done(QMessageBox.StandardButton.Cancel)
    assert dialog.isVisible()
    qtbot.keyClick(dialog.facts, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(open_page.session.vault.case(code).entries) == 1


def test_a_lock_while_a_question_is_open_closes_both(open_page: ConcernsPage, qtbot: QtBot) -> None:
    code = open_page.session.vault.create_case(forms=["criminal"])
    view = open_page.workspace.open_case(code)
    dialog = view.new_entry("observation")
    dialog.facts.setPlainText("Nog niet opgeslagen.")
    dialog.reject()
    assert dialog.question.isVisible()
    open_page.session.lock()
    qtbot.wait(50)
    assert open_page.workspace.case_view is None
    assert open_page.workspace.unsaved_lost


def test_a_lock_with_an_unsaved_form_says_so_after_unlock(
    open_page: ConcernsPage, qtbot: QtBot
) -> None:
    code = open_page.session.vault.create_case(forms=["criminal"])
    view = open_page.workspace.open_case(code)
    dialog = view.new_entry("observation")
    dialog.facts.setPlainText("Nog niet opgeslagen waarneming.")
    open_page.session.lock()
    assert not dialog.isVisible()
    with qtbot.waitSignal(open_page.session.opened, timeout=10_000):
        open_page.session.unlock(passphrase=PASSPHRASE)
    assert "niet was opgeslagen" in open_page.workspace.notices.text()


def test_step_notes_consulted_and_status_reasons_are_checked_too(
    open_page: ConcernsPage, qtbot: QtBot
) -> None:
    code = open_page.session.vault.create_case(forms=["sexual"])
    view = open_page.workspace.open_case(code)
    assert view is not None
    assert view.meldcode is not None
    step = view.meldcode.steps[1]
    step.status.setCurrentIndex(step.status.findData("done"))
    step.note.setText("Besproken met meneer Jansen, 06-12345678")
    assert not step.save()
    assert "Jansen" in step.error.text()
    assert step.save(), "the same text again: saved anyway"
    form = view.meldcode.afweging
    form.consulted.setText("mevrouw de Vries")
    assert not form.save()
    assert "de Vries" in form.error.text()
    dialog = StatusDialog(open_page.session, code)
    qtbot.addWidget(dialog)
    dialog.reason.setPlainText("Doorverwezen, mail naar j.jansen@example.nl")
    assert not dialog.save()
    assert "j.jansen@example.nl" in dialog.error.text()
    dialog.reason.setPlainText("Doorverwezen naar de zorgcoördinator mensenhandel")
    assert dialog.save()


def test_tab_leaves_the_date_filters(built: Built, open_page: ConcernsPage, qtbot: QtBot) -> None:
    window = built.window
    window.show()
    qtbot.waitExposed(window)
    panel = open_page.workspace.list_panel
    panel.since.setFocus()
    qtbot.waitUntil(panel.since.hasFocus, timeout=2000)
    qtbot.keyClick(panel.since, Qt.Key.Key_Tab)
    assert not panel.since.hasFocus()
    panel.until.setFocus()
    qtbot.waitUntil(panel.until.hasFocus, timeout=2000)
    qtbot.keyClick(panel.until, Qt.Key.Key_Tab)
    assert not panel.until.hasFocus(), "on to the table, the case and the meldcode"
    panel.table.setFocus()
    qtbot.waitUntil(panel.table.hasFocus, timeout=2000)
    qtbot.keyClick(panel.table, Qt.Key.Key_Tab)
    assert not panel.table.hasFocus(), "Tab leaves the table too (arrows move between rows)"


def test_a_narrow_list_keeps_what_needs_doing_in_view(open_page: ConcernsPage) -> None:
    from desktop.concerns.case_list import Column

    panel = open_page.workspace.list_panel
    panel.resize(1100, 500)
    panel.fit_columns()
    assert not any(panel.table.isColumnHidden(c.value) for c in Column)
    panel.resize(460, 500)
    panel.fit_columns()
    assert panel.table.isColumnHidden(Column.LAST_ENTRY.value)
    for kept in (Column.CODE, Column.STATUS, Column.RECHECK, Column.REFERRALS):
        assert not panel.table.isColumnHidden(kept.value)
