"""Set-up and unlock as a coordinator meets them: passphrase, recovery key, errors in place."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.ui.app import Built
from desktop.ui.concerns.page import ConcernsPage
from tests.ui.concerns.conftest import confirm_recovery_key, wait_open
from tests.vault.conftest import PASSPHRASE


def test_first_use_explains_the_vault_and_where_it_lives(page: ConcernsPage) -> None:
    assert page.stack.currentIndex() == 0
    text = page.setup.explain.text()
    assert "versleutelde kluis" in text
    assert str(page.session.path.parent) in text


def test_a_weak_or_unmatched_passphrase_cannot_make_a_vault(
    page: ConcernsPage, qtbot: QtBot
) -> None:
    setup = page.setup
    setup.passphrase.setText("welkom123")
    setup.repeat.setText("welkom123")
    assert not setup.assess()
    assert not setup.create_button.isEnabled()
    setup.passphrase.setText("paarse olifanten dansen op het dak")
    setup.repeat.setText("paarse olifanten dansen op het")
    setup.repeat.setText("paarse olifanten dansen op het dakje")
    assert not setup.assess()
    assert "niet gelijk" in setup.error.text()
    setup.repeat.setText("paarse olifanten dansen op het dak")
    assert setup.assess()
    assert setup.create_button.isEnabled()


def test_making_a_vault_shows_the_recovery_key_once_and_asks_a_group_back(
    page: ConcernsPage, qtbot: QtBot
) -> None:
    setup = page.setup
    setup.passphrase.setText("paarse olifanten dansen op het dak")
    setup.repeat.setText("paarse olifanten dansen op het dak")
    qtbot.waitUntil(setup.create_button.isEnabled, timeout=5000)  # after a pause in typing
    with qtbot.waitSignal(page.session.opened, timeout=10_000):
        qtbot.mouseClick(setup.create_button, Qt.MouseButton.LeftButton)
    assert setup.passphrase.text() == ""
    assert setup.repeat.text() == ""
    view = page.recovery
    assert page.stack.currentIndex() == 2
    groups = view._groups
    assert len(groups) == 10
    assert all(len(g) == 5 for g in groups)
    assert all(g in view.key_label.text() for g in groups)
    assert ">6<" in view.key_label.text(), "the groups are numbered, so 'groep 6' is found"
    view.group_field.setText("ZZZZZ")
    assert not view.confirm()
    assert "niet groep" in view.error.text()
    assert page.stack.currentIndex() == 2
    confirm_recovery_key(page)
    assert page.stack.currentWidget() is page.workspace
    assert view.key_label.text() == "", "the key is gone from the screen once confirmed"


def test_wrong_passphrase_is_said_in_place_and_the_right_one_opens(
    open_page: ConcernsPage, qtbot: QtBot
) -> None:
    page = open_page
    page.session.lock()
    assert page.stack.currentIndex() == 1
    unlock = page.unlock
    unlock.passphrase.setText("dit is niet het wachtwoord")
    with qtbot.waitSignal(page.session.failed, timeout=10_000):
        unlock.unlock()
    assert "klopt niet" in unlock.error.text()
    assert page.stack.currentIndex() == 1
    unlock.passphrase.setText(PASSPHRASE)
    unlock.unlock()
    wait_open(qtbot, page)
    assert page.stack.currentWidget() is page.workspace
    assert unlock.passphrase.text() == ""


def test_unlock_with_the_recovery_key(page: ConcernsPage, qtbot: QtBot) -> None:
    with qtbot.waitSignal(page.session.opened, timeout=10_000):
        page.session.create(PASSPHRASE)
    key = page.session.after_unlock.recovery_key
    confirm_recovery_key(page)
    page.session.lock()
    unlock = page.unlock
    qtbot.mouseClick(unlock.switch, Qt.MouseButton.LeftButton)
    assert unlock.recovery_key.isVisibleTo(page)
    assert not unlock.passphrase.isVisibleTo(page)
    unlock.recovery_key.setText("ABCDE-12345")
    with qtbot.waitSignal(page.session.failed, timeout=10_000):
        unlock.unlock()
    assert "herstelsleutel" in unlock.error.text().lower()
    unlock.recovery_key.setText(key.lower())
    unlock.unlock()
    wait_open(qtbot, page)
    assert page.session.vault.unlocked_with == "recovery_key"


def test_empty_fields_are_refused_without_starting_argon2(page: ConcernsPage) -> None:
    page.session.path.parent.mkdir(parents=True, exist_ok=True)
    page.unlock.unlock()
    assert not page.session.is_busy
    assert "wachtwoord" in page.unlock.error.text()


def test_english_messages_follow_the_language(page: ConcernsPage, qtbot: QtBot) -> None:
    from desktop.language import apply_language

    apply_language("en")
    QApplication.processEvents()  # the language change event reaches the widgets
    try:
        assert "encrypted vault" in page.setup.explain.text()
        assert page.setup.create_button.text() == "Create vault"
    finally:
        apply_language("nl")


def test_a_recovery_key_never_typed_back_asks_for_a_new_one_after_unlock(
    page: ConcernsPage, qtbot: QtBot
) -> None:
    from desktop.ui.concerns.key_dialogs import RecoveryKeyDialog

    with qtbot.waitSignal(page.session.opened, timeout=10_000):
        page.session.create(PASSPHRASE)
    assert page.stack.currentIndex() == 2
    page.session.lock()  # idle, sleep or the hide key while the key was showing
    assert page.recovery.key_label.text() == ""
    with qtbot.waitSignal(page.session.opened, timeout=10_000):
        page.session.unlock(passphrase=PASSPHRASE)
    assert isinstance(page.last_message, RecoveryKeyDialog)
    assert page.last_message.isVisible()


def test_signals_ticked_before_the_first_vault_wait_for_the_recovery_key(
    built: Built, page: ConcernsPage, qtbot: QtBot
) -> None:
    from desktop.ui.concerns.from_signals import SignalsTargetDialog

    window = built.window
    window.start_concern(["lots-of-cash"])
    assert page.stack.currentIndex() == 0, "first use: the set-up"
    with qtbot.waitSignal(page.session.opened, timeout=10_000):
        page.session.create(PASSPHRASE)
    assert window.handoff.last_dialog is None, "not over the recovery key"
    confirm_recovery_key(page)
    assert isinstance(window.handoff.last_dialog, SignalsTargetDialog)


def test_the_school_name_set_later_still_counts_against_the_passphrase(
    built: Built, page: ConcernsPage
) -> None:
    built.profile.save({"school_name": "Het Baken College"})
    page.setup.passphrase.setText("Het Baken College 2026")
    page.setup.repeat.setText("Het Baken College 2026")
    assert not page.setup.assess()
