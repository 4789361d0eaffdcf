"""Locking: the button, Ctrl+L, idle minutes, sleep, the hide key; no case text left behind."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.ui.app import Built
from desktop.ui.concerns import guard
from desktop.ui.concerns.page import ConcernsPage
from tests.ui.concerns.conftest import MARKER
from tests.vault.conftest import PASSPHRASE


def texts_in(widget: QWidget) -> list[str]:
    """Every piece of text a widget holds or shows."""
    found = [widget.windowTitle(), widget.toolTip(), widget.accessibleName()]
    if isinstance(widget, QLabel):
        found.append(widget.text())
    if isinstance(widget, QLineEdit):
        found += [widget.text(), widget.placeholderText()]
    if isinstance(widget, QPlainTextEdit):
        found.append(widget.toPlainText())
    if isinstance(widget, QTextEdit):
        found += [widget.toPlainText(), widget.toHtml()]
    if isinstance(widget, QComboBox):
        found += [widget.itemText(i) for i in range(widget.count())]
        found.append(widget.currentText())
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        root = QModelIndex()
        rows = model.rowCount(root)
        try:
            columns = model.columnCount(root)
        except TypeError:  # a list model keeps it private: one column
            columns = 1
        for row in range(rows):
            for column in range(columns):
                found.append(str(model.data(model.index(row, column, root))))
    return found


def case_text_left(marker: str = MARKER) -> list[str]:
    left = []
    for widget in QApplication.allWidgets():
        for text in texts_in(widget):
            if marker in (text or ""):
                left.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return left


def fill_with_case_text(page: ConcernsPage, qtbot: QtBot) -> str:
    vault = page.session.vault
    code = vault.create_case(forms=["sexual"])
    entry = vault.add_entry(
        code,
        "observation",
        occurred_on=dt.date.today(),
        facts=f"{MARKER} stond bij het hek",
        interpretation=f"{MARKER} lijkt bang",
        who="mentor",
        pupil_words=f"{MARKER} zei: ik mag het niet zeggen",
    )
    vault.edit_entry(entry, facts=f"{MARKER} stond bij de poort", reason=f"{MARKER} typfout")
    vault.set_step(code, 1, "done", done_on=dt.date.today(), who="mentor", note=MARKER)
    vault.set_answers(
        code,
        ["yes", "unknown", "unknown", "unknown", "unknown"],
        answered_on=[dt.date.today(), None, None, None, None],
        consulted=MARKER,
        note=MARKER,
    )
    page.session.changed(code)
    view = page.workspace.open_case(code)
    assert view is not None
    page.workspace.list_panel.search.setText(MARKER)
    page.workspace.list_panel._apply()
    dialog = view.correct_entry(entry)  # a form open with case text in it
    assert dialog is not None
    assert dialog.isVisible()
    assert case_text_left(), "the test must first show case text somewhere"
    return code


def test_lock_button_destroys_every_piece_of_case_text(
    open_page: ConcernsPage, qtbot: QtBot
) -> None:
    fill_with_case_text(open_page, qtbot)
    qtbot.mouseClick(open_page.workspace.lock_button, Qt.MouseButton.LeftButton)
    qtbot.wait(50)  # deleteLater runs
    QApplication.processEvents()
    assert not open_page.session.is_open
    assert case_text_left() == []
    assert MARKER not in (QGuiApplication.clipboard().text() or "")
    assert open_page.stack.currentIndex() == 1
    assert open_page.workspace.list_panel.model.rowCount() == 0


def test_text_copied_from_a_case_leaves_the_clipboard_on_lock(
    built: Built, open_page: ConcernsPage, qtbot: QtBot
) -> None:
    window = built.window
    window.guard  # noqa: B018 (made, as after the first paint)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is not None, timeout=3000)
    fill_with_case_text(open_page, qtbot)
    view = open_page.workspace.case_view
    assert view is not None
    view.chronology.selectAll()
    view.chronology.copy()
    assert MARKER in QGuiApplication.clipboard().text()
    open_page.session.lock()
    assert MARKER not in (QGuiApplication.clipboard().text() or "")


def test_ctrl_l_locks_from_anywhere_in_the_window(
    built: Built, open_page: ConcernsPage, qtbot: QtBot
) -> None:
    window = built.window
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    with qtbot.waitSignal(open_page.session.locked, timeout=3000):
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not open_page.session.is_open


class FakeClock:
    def __init__(self) -> None:
        self.now = 5000.0

    def __call__(self) -> float:
        return self.now


def test_auto_lock_after_the_settings_idle_minutes(
    built: Built, open_page: ConcernsPage, qtbot: QtBot
) -> None:
    idle = built.window.guard.idle
    clock = FakeClock()
    idle.clock = idle.wall = clock
    idle.start()
    built.profile.save({"autolock_minutes": 2})
    fill_with_case_text(open_page, qtbot)
    for _ in range(119):
        clock.now += 1
        idle.tick()
    assert open_page.session.is_open
    clock.now += 1
    idle.tick()
    qtbot.wait(50)
    assert not open_page.session.is_open
    assert case_text_left() == []


def test_a_sleeping_computer_locks_the_vault(
    built: Built, open_page: ConcernsPage, qtbot: QtBot
) -> None:
    built.window.guard.platform.prepare_for_sleep(True)
    assert not open_page.session.is_open


def test_the_hide_key_locks_blacks_out_and_minimises(
    built: Built, open_page: ConcernsPage, qtbot: QtBot
) -> None:
    window = built.window
    window.show()
    qtbot.waitExposed(window)
    fill_with_case_text(open_page, qtbot)
    window.guard.hide_everything()
    qtbot.wait(50)
    assert not open_page.session.is_open
    assert window.isMinimized()
    assert case_text_left() == []
    assert window.guard.hidden_by_key == 1


def test_both_keys_work_inside_an_open_case_dialog(
    built: Built, open_page: ConcernsPage, qtbot: QtBot
) -> None:
    window = built.window
    window.show()
    qtbot.waitExposed(window)
    code = open_page.session.vault.create_case(forms=["sexual"])
    view = open_page.workspace.open_case(code)
    assert view is not None
    dialog = view.new_entry("observation")
    qtbot.waitExposed(dialog)
    dialog.facts.setPlainText(MARKER)  # type: ignore[attr-defined]
    qtbot.keyClick(dialog.facts, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # type: ignore[attr-defined]
    assert not open_page.session.is_open
    qtbot.wait(50)
    assert case_text_left() == []
    with qtbot.waitSignal(open_page.session.opened, timeout=10_000):
        open_page.session.unlock(passphrase=PASSPHRASE)
    view = open_page.workspace.open_case(code)
    assert view is not None
    status = view.change_status()
    qtbot.waitExposed(status)
    qtbot.keyClick(
        status,
        Qt.Key.Key_Space,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert not open_page.session.is_open
    assert window.guard.hidden_by_key == 1


def test_the_hide_key_clears_a_passphrase_typed_on_the_lock_screen(
    built: Built, open_page: ConcernsPage, qtbot: QtBot
) -> None:
    open_page.session.lock()
    open_page.unlock.passphrase.setText(PASSPHRASE)
    built.window.guard.hide_everything()
    assert open_page.unlock.passphrase.text() == ""
    open_page.unlock.passphrase.undo()
    assert open_page.unlock.passphrase.text() == "", "no undo brings it back"


def test_windows_excludes_the_window_from_capture_while_open(
    built: Built, page: ConcernsPage, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []

    class User32:
        def SetWindowDisplayAffinity(self, hwnd: int, affinity: int) -> int:
            calls.append(affinity)
            return 1

    monkeypatch.setattr(guard, "ON_WINDOWS", True)
    monkeypatch.setattr(guard, "_user32", User32)
    from tests.ui.concerns.conftest import confirm_recovery_key

    with qtbot.waitSignal(page.session.opened, timeout=10_000):
        page.session.create(PASSPHRASE)
    confirm_recovery_key(page)
    built.window.show()
    qtbot.waitExposed(built.window)
    assert guard.WDA_EXCLUDEFROMCAPTURE in calls
    calls.clear()
    code = page.session.vault.create_case(forms=["sexual"])
    view = page.workspace.open_case(code)
    assert view is not None
    dialog = view.new_entry("observation")
    qtbot.waitExposed(dialog)
    assert calls == [guard.WDA_EXCLUDEFROMCAPTURE], "a dialog is kept out of capture too"
    calls.clear()
    page.session.lock()
    assert guard.WDA_NONE in calls


def test_elsewhere_capture_exclusion_is_a_no_op(built: Built) -> None:
    if guard.ON_WINDOWS:
        pytest.skip("this checks the other platforms")
    assert guard.set_capture_excluded(built.window, True) is False


def test_the_hide_key_works_in_the_presenter_and_blacks_out_the_projector(
    built: Built, open_page: ConcernsPage, qtbot: QtBot
) -> None:
    from lessons.library import LoadedLesson, read_lesson
    from tests.conftest import ROOT

    window = built.window
    fixture = ROOT / "tests" / "fixtures" / "lessons" / "nl" / "00-proefles.yaml"
    presenter = window.start_presentation(LoadedLesson(read_lesson(fixture), fixture), "bovenbouw")
    console = presenter.console
    # One screen (offscreen): the slide is full screen, the console hidden; keys go to the slide.
    assert not console.isVisible()
    audience = presenter.audience
    qtbot.waitExposed(audience)
    audience.activateWindow()
    qtbot.keyClick(
        audience,
        Qt.Key.Key_Space,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: window.guard.hidden_by_key == 1, timeout=3000)
    assert not open_page.session.is_open
    assert presenter.presentation.blank == "black"
    assert presenter.audience.isVisible()
    assert not presenter.audience.isMinimized()
    assert not console.isVisible()
    presenter.close()


def test_a_purge_at_unlock_names_the_codes_it_removed(
    open_page: ConcernsPage, qtbot: QtBot
) -> None:
    from tests.vault.conftest import PASSPHRASE

    vault = open_page.session.vault
    code = vault.create_case(forms=["sexual"], opened_on=dt.date(2024, 1, 10))
    vault.set_status(
        code, "closed", reason="afgerond", outcome="not_confirmed", today=dt.date(2024, 2, 1),
        retention_months=1,
    )  # fmt: skip
    open_page.session.lock()
    open_page.unlock.passphrase.setText(PASSPHRASE)
    open_page.unlock.unlock()
    qtbot.waitUntil(lambda: open_page.session.is_open, timeout=10_000)
    assert open_page.session.after_unlock.purged == (code,)
    assert code in open_page.workspace.notices.text()
    assert open_page.workspace.notices.isVisible()
    assert code not in [row.code for row in open_page.session.vault.cases()]
