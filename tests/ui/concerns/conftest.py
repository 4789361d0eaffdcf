"""Concern screens: a built app with cheap Argon2id, and helpers to reach an open vault."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from desktop.ui.app import Built
from desktop.ui.concerns.page import ConcernsPage
from desktop.vault import kdf
from tests.vault.conftest import CHEAP, PASSPHRASE

MARKER = "Zwanetta"  # stands for any case text; must be gone from every widget after locking


@pytest.fixture(autouse=True)
def _cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kdf, "ARGON2_DEFAULT", CHEAP)


def wait_open(qtbot: QtBot, page: ConcernsPage) -> None:
    qtbot.waitUntil(lambda: page.session.is_open and not page.session.is_busy, timeout=10_000)


def confirm_recovery_key(page: ConcernsPage) -> None:
    view = page.recovery
    view.group_field.setText(view._groups[view.asked])
    assert view.confirm()


@pytest.fixture
def page(built: Built) -> ConcernsPage:
    window = built.window
    concerns = window.concerns_page
    window.show_page(concerns)
    return concerns


@pytest.fixture
def open_page(page: ConcernsPage, qtbot: QtBot) -> Iterator[ConcernsPage]:
    """A new vault, opened, its recovery key confirmed: the workspace shows."""
    with qtbot.waitSignal(page.session.opened, timeout=10_000):
        page.session.create(PASSPHRASE)
    confirm_recovery_key(page)
    assert page.stack.currentWidget() is page.workspace
    yield page
    page.session.lock()
