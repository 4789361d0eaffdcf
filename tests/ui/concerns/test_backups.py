"""Reservekopieën: making backups here and elsewhere, restoring one (a backup of an earlier
passphrase too), a new passphrase and its notice about older backups, a new recovery key
typed back whole, the reminder after unlocking, and locking with any of it open."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.ui.concerns.backups_dialog import BackupsDialog
from desktop.ui.concerns.key_dialogs import PassphraseDialog, RecoveryKeyDialog
from desktop.ui.concerns.page import ConcernsPage
from desktop.vault.errors import WrongPassphrase, WrongRecoveryKey
from desktop.vault.keys import backups_notice
from desktop.vault.service import Vault
from tests.ui.concerns.conftest import PASSPHRASE, wait_open
from tests.ui.concerns.test_locking import case_text_left

NEW_PASSPHRASE = "paarse giraffen dansen zacht op het dak"


def open_backups(page: ConcernsPage) -> BackupsDialog:
    dialog = page.open_backups()
    assert isinstance(dialog, BackupsDialog)
    assert dialog.isVisible()
    assert dialog in page.workspace.dialogs
    return dialog


def wait_done(qtbot: QtBot, dialog: BackupsDialog | PassphraseDialog | RecoveryKeyDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.work.busy, timeout=10_000)
    QApplication.processEvents()


def click(qtbot: QtBot, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


def elsewhere(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))


def answer_yes(dialog: BackupsDialog) -> None:
    box = dialog.confirmation
    assert box is not None
    assert box.isVisible()
    box.button(QMessageBox.StandardButton.Yes).click()


# ---------------------------------------------------------------------- making backups


def test_a_backup_made_now_is_listed_and_the_reminder_goes(
    open_page: ConcernsPage, qtbot: QtBot
) -> None:
    notices = open_page.workspace.notices
    assert "Er is nog geen reservekopie" in notices.text()
    assert open_page.workspace.notice_action.isVisible()
    click(qtbot, open_page.workspace.notice_action)  # the notice's button opens the dialog
    dialog = open_page.workspace.dialogs[-1]
    assert isinstance(dialog, BackupsDialog)
    assert dialog.table.rowCount() == 0
    assert dialog.empty.isVisible()
    assert not dialog.restore_button.isEnabled()

    click(qtbot, dialog.backup_button)
    assert dialog.work.busy
    assert not dialog.backup_button.isEnabled()
    wait_done(qtbot, dialog)
    assert dialog.backup_button.isEnabled()
    assert dialog.error.text() == ""
    (made,) = open_page.session.vault.backups()
    assert dialog.table.rowCount() == 1
    assert dialog.selected() is not None
    assert dialog.selected().path == made
    assert dialog.restore_button.isEnabled()
    when = dialog.table.item(0, 0).text()
    assert str(dt.date.today().year) in when
    assert dialog.table.item(0, 1).text().endswith(("kB", "MB"))
    assert dialog.message.text() == f"Reservekopie gemaakt: {when}."
    assert "reservekopie" not in notices.text()
    assert not open_page.workspace.notice_action.isVisible()


def test_a_backup_elsewhere_says_what_it_holds_and_counts_at_a_deletion(
    open_page: ConcernsPage, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = open_page.session.vault
    code = vault.create_case(forms=["labour"])
    usb = tmp_path / "USB-stick"
    elsewhere(monkeypatch, usb)
    dialog = open_backups(open_page)
    click(qtbot, dialog.elsewhere_button)
    wait_done(qtbot, dialog)
    (copy,) = usb.glob("*.db")
    assert copy.with_suffix(".sleutel").is_file()
    assert not list(usb.glob("*.onvolledig"))
    assert dialog.table.rowCount() == 0  # only the backups beside the vault are listed
    said = dialog.message.text()
    assert str(usb) in said
    assert copy.name in said
    assert "alle meldingen" in said
    assert "veilige plek" in said
    assert "zelf weggooien" in said
    kinds = [e.kind for e in vault.audit_log()]
    assert kinds[-2:] == ["backup_started", "backed_up"]
    assert vault.delete_case(code).saved_elsewhere == 1


def test_an_error_shows_in_place(
    open_page: ConcernsPage, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    usb = tmp_path / "usb"
    elsewhere(monkeypatch, usb)
    dialog = open_backups(open_page)
    taken = usb / "kluis-taken.db"
    monkeypatch.setattr("desktop.concerns.backup_words.file_in", lambda *a, **k: taken)
    taken.write_bytes(b"not mine")
    click(qtbot, dialog.elsewhere_button)
    wait_done(qtbot, dialog)
    assert dialog.error.isVisible()
    assert "Er staat al een bestand met deze naam" in dialog.error.text()
    assert taken.read_bytes() == b"not mine"
    assert dialog.elsewhere_button.isEnabled()


# ---------------------------------------------------------------------- restoring


def test_restore_from_elsewhere_brings_back_a_deleted_case(
    open_page: ConcernsPage, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = open_page.session.vault
    code = vault.create_case(forms=["sexual"])
    open_page.session.changed(code)
    usb = tmp_path / "usb"
    elsewhere(monkeypatch, usb)
    dialog = open_backups(open_page)
    click(qtbot, dialog.elsewhere_button)
    wait_done(qtbot, dialog)
    (copy,) = usb.glob("*.db")
    vault.delete_case(code)  # also removes every copy beside the vault that holds it
    open_page.session.changed(code)
    assert open_page.workspace.list_panel.model.row_of(code) == -1

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(copy), ""))
    click(qtbot, dialog.restore_file_button)
    box = dialog.confirmation
    assert box is not None
    assert "terugzetten?" in box.text()
    assert "veiligheidskopie" in box.informativeText()
    box.button(QMessageBox.StandardButton.Cancel).click()  # no: nothing happens
    assert not dialog.work.busy
    assert [row.code for row in vault.cases()] == []

    click(qtbot, dialog.restore_file_button)
    answer_yes(dialog)
    wait_done(qtbot, dialog)
    assert dialog.error.text() == ""
    assert [row.code for row in vault.cases()] == [code]
    assert open_page.workspace.list_panel.model.row_of(code) == 0  # the list reloaded
    assert "is teruggezet" in dialog.message.text()
    kinds = [dialog.table.item(row, 2).text() for row in range(dialog.table.rowCount())]
    assert "Veiligheidskopie van vóór een terugzetting" in kinds
    assert dialog.selected() is not None
    assert dialog.selected().path.name in dialog.message.text()  # type: ignore[union-attr]


def test_restoring_a_listed_backup_drops_a_case_made_since(
    open_page: ConcernsPage, qtbot: QtBot
) -> None:
    vault = open_page.session.vault
    vault.backup()
    code = vault.create_case(forms=["criminal"])
    open_page.session.changed(code)
    assert open_page.workspace.open_case(code) is not None
    dialog = open_backups(open_page)
    dialog.table.selectRow(0)
    click(qtbot, dialog.restore_button)
    answer_yes(dialog)
    wait_done(qtbot, dialog)
    assert vault.cases() == []
    assert open_page.workspace.case_view is None  # the open case went with it, calmly
    assert dialog.table.rowCount() == 2


def test_a_backup_from_an_earlier_passphrase_asks_for_it(
    open_page: ConcernsPage, qtbot: QtBot
) -> None:
    vault = open_page.session.vault
    code = vault.create_case(forms=["sexual"])
    vault.backup()
    vault.delete_case(code)  # the fresh backup it leaves has no case
    vault.create_case(forms=["labour"])
    old_backup = vault.backup()
    vault.change_passphrase(NEW_PASSPHRASE, current=PASSPHRASE)
    dialog = open_backups(open_page)
    row = next(i for i, item in enumerate(dialog.items) if item.path == old_backup)
    dialog.table.selectRow(row)
    click(qtbot, dialog.restore_button)
    answer_yes(dialog)
    wait_done(qtbot, dialog)
    assert dialog.earlier.isVisible()
    assert "wachtwoord van toen" in dialog.earlier_text.text()
    dialog.earlier_secret.setText("niet het goede wachtwoord")
    click(qtbot, dialog.earlier_button)
    wait_done(qtbot, dialog)
    assert dialog.earlier.isVisible()
    assert dialog.error.text().startswith("Dat opent deze reservekopie niet.")
    dialog.earlier_secret.setText(PASSPHRASE)
    click(qtbot, dialog.earlier_button)
    wait_done(qtbot, dialog)
    assert not dialog.earlier.isVisible()
    assert dialog.earlier_secret.text() == ""
    assert [row.forms for row in vault.cases()] == [("labour",)]
    open_page.session.lock()
    Vault.unlock(vault.path, passphrase=NEW_PASSPHRASE).lock()  # the passphrase stayed


# ---------------------------------------------------------------------- the passphrase


def change(qtbot: QtBot, dialog: PassphraseDialog, current: str) -> None:
    dialog.current.setText(current)
    dialog.new.setText(NEW_PASSPHRASE)
    dialog.repeat.setText(NEW_PASSPHRASE)
    assert dialog.assess()
    click(qtbot, dialog.change_button)
    wait_done(qtbot, dialog)


def test_change_passphrase_then_only_the_new_one_opens(
    open_page: ConcernsPage, qtbot: QtBot
) -> None:
    backups = open_backups(open_page)
    dialog = backups.change_passphrase()
    assert isinstance(dialog, PassphraseDialog)
    assert dialog in open_page.workspace.dialogs
    assert dialog.current.isVisible()
    assert dialog.form.labelForField(dialog.current).isVisible()
    dialog.new.setText("kort")
    dialog.repeat.setText("kort")
    assert not dialog.assess()
    assert not dialog.change_button.isEnabled()
    assert dialog.meter.value() <= 1
    assert dialog.verdict.text()
    dialog.new.setText(NEW_PASSPHRASE)
    dialog.repeat.setText(NEW_PASSPHRASE + "x")
    assert not dialog.assess()
    assert dialog.error.text() == "De twee wachtwoorden zijn niet gelijk."

    change(qtbot, dialog, "dit is het niet")
    assert dialog.error.text() == WrongPassphrase().message()
    assert dialog.pages.currentWidget() is dialog.form_page
    change(qtbot, dialog, PASSPHRASE)
    assert dialog.pages.currentWidget() is dialog.done_page
    assert "Het wachtwoord is gewijzigd" in dialog.done_text.text()
    assert not dialog.notice.isVisible()  # no backups from before
    assert dialog.close_button.isVisible()
    assert not dialog.replace_button.isVisible()
    assert (dialog.current.text(), dialog.new.text(), dialog.repeat.text()) == ("", "", "")
    path = open_page.session.vault.path
    open_page.session.lock()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(path, passphrase=PASSPHRASE)
    Vault.unlock(path, passphrase=NEW_PASSPHRASE).lock()


def test_after_a_change_older_backups_can_be_replaced(
    open_page: ConcernsPage, qtbot: QtBot
) -> None:
    vault = open_page.session.vault
    old = [vault.backup(), vault.backup()]
    backups = open_backups(open_page)
    dialog = backups.change_passphrase()
    assert isinstance(dialog, PassphraseDialog)
    change(qtbot, dialog, PASSPHRASE)
    assert dialog.notice.isVisible()
    assert dialog.notice.text() == backups_notice(2)
    assert dialog.replace_button.isVisible()
    assert dialog.keep_button.isVisible()
    click(qtbot, dialog.replace_button)
    wait_done(qtbot, dialog)
    assert vault.backups_from_earlier_keys() == 0
    assert not any(path.exists() for path in old)
    assert len(vault.backups()) == 1
    assert dialog.notice.text() == "2 oude reservekopieën zijn vervangen door één nieuwe."
    assert dialog.close_button.isVisible()
    assert not dialog.replace_button.isVisible()
    assert backups.table.rowCount() == 1  # the list behind it followed


def test_opened_with_the_recovery_key_the_current_passphrase_is_not_asked(
    page: ConcernsPage, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(page.session.opened, timeout=10_000):
        page.session.create(PASSPHRASE)
    key = "-".join(page.recovery._groups)
    page.recovery.group_field.setText(page.recovery._groups[page.recovery.asked])
    assert page.recovery.confirm()
    page.session.lock()
    page.session.unlock(recovery_key=key)
    wait_open(qtbot, page)
    dialog = open_backups(page).change_passphrase()
    assert isinstance(dialog, PassphraseDialog)
    assert not dialog.current.isVisible()
    assert not dialog.form.labelForField(dialog.current).isVisible()
    assert "herstelsleutel" in dialog.explain.text()
    change(qtbot, dialog, "")
    assert dialog.pages.currentWidget() is dialog.done_page
    page.session.lock()


# ---------------------------------------------------------------------- the recovery key


def test_a_new_recovery_key_needs_the_whole_key_typed_back(
    page: ConcernsPage, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(page.session.opened, timeout=10_000):
        page.session.create(PASSPHRASE)
    old_key = "-".join(page.recovery._groups)
    page.recovery.group_field.setText(page.recovery._groups[page.recovery.asked])
    assert page.recovery.confirm()
    path = page.session.vault.path

    dialog = open_backups(page).new_recovery_key()
    assert isinstance(dialog, RecoveryKeyDialog)
    dialog.current.setText("niet het goede")
    click(qtbot, dialog.next_button)
    wait_done(qtbot, dialog)
    assert dialog.error.text() == WrongPassphrase().message()
    dialog.current.setText(PASSPHRASE)
    click(qtbot, dialog.next_button)
    wait_done(qtbot, dialog)
    view = dialog.key_view
    assert dialog.pages.currentWidget() is view
    assert dialog.current.text() == ""
    new_key = "-".join(view._groups)
    assert len(view._groups) == 10
    assert new_key != old_key
    assert "blijft de oude herstelsleutel gelden" in view.question.text()

    view.group_field.setText(view._groups[view.asked])  # one group is not enough here
    click(qtbot, view.confirm_button)
    wait_done(qtbot, dialog)
    assert "Dit is niet de herstelsleutel" in view.error.text()
    assert dialog.pages.currentWidget() is view

    view.group_field.setText(new_key.lower().replace("-", " "))
    click(qtbot, view.confirm_button)
    wait_done(qtbot, dialog)
    assert dialog.pages.currentWidget() is dialog.done_page
    assert "De nieuwe herstelsleutel geldt nu" in dialog.done_text.text()
    assert view.key_label.text() == ""
    assert view.group_field.text() == ""
    page.session.lock()
    with pytest.raises(WrongRecoveryKey):
        Vault.unlock(path, recovery_key=old_key)
    Vault.unlock(path, recovery_key=new_key).lock()
    Vault.unlock(path, passphrase=PASSPHRASE).lock()


def test_until_typed_back_the_old_recovery_key_stays(page: ConcernsPage, qtbot: QtBot) -> None:
    with qtbot.waitSignal(page.session.opened, timeout=10_000):
        page.session.create(PASSPHRASE)
    old_key = "-".join(page.recovery._groups)
    page.recovery.group_field.setText(page.recovery._groups[page.recovery.asked])
    assert page.recovery.confirm()
    path = page.session.vault.path
    dialog = open_backups(page).new_recovery_key()
    assert isinstance(dialog, RecoveryKeyDialog)
    dialog.current.setText(PASSPHRASE)
    click(qtbot, dialog.next_button)
    wait_done(qtbot, dialog)
    new_key = "-".join(dialog.key_view._groups)
    page.session.lock()  # before the key was typed back
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()
    assert case_text_left(dialog_key_group := new_key.split("-")[0]) == [], dialog_key_group
    with pytest.raises(WrongRecoveryKey):
        Vault.unlock(path, recovery_key=new_key)
    Vault.unlock(path, recovery_key=old_key).lock()


# ---------------------------------------------------------------------- locking


def test_locking_closes_every_dialog_and_leaves_no_case_code(
    open_page: ConcernsPage, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = open_page.session.vault
    code = vault.create_case(forms=["sexual"])
    vault.backup()
    backups = open_backups(open_page)
    passphrase = backups.change_passphrase()
    passphrase.new.setText(NEW_PASSPHRASE)
    recovery = backups.new_recovery_key()
    audit = open_page.open_audit_log()
    assert audit is not None
    assert case_text_left(code)  # the audit log shows the code
    open_page.session.lock()
    qtbot.wait(50)  # deleteLater runs
    QApplication.processEvents()
    for dialog in (backups, passphrase, recovery, audit):
        assert not shiboken6.isValid(dialog) or not dialog.isVisible()
    assert open_page.workspace.dialogs == []
    assert case_text_left(code) == []
    assert case_text_left(NEW_PASSPHRASE) == []
