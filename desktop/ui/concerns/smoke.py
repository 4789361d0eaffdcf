"""The concern log in ``--smoke-test``: a throwaway vault, one case, every concern screen.

Made in a temporary folder (never the school's vault): set up with a passphrase, the recovery
key confirmed, a case with an observation, the afwegingskader answered, locked, unlocked, and
each screen and dialog built and painted. Raises on the first thing that fails.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from desktop.school_profile import SchoolProfile

PASSPHRASE = "rook test met een wegwerpkluis"  # noqa: S105 (a throwaway vault's, deleted after)


def _wait(app: QApplication, done: Callable[[], bool], what: str, seconds: float = 60.0) -> None:
    end = time.monotonic() + seconds
    while not done():
        app.processEvents()
        if time.monotonic() > end:
            raise RuntimeError(f"concern log: {what} took more than {seconds:.0f} s")
        time.sleep(0.01)


def _painted(widget: QWidget, what: str) -> None:
    if widget.grab().isNull():
        raise RuntimeError(f"concern log: {what} did not paint")


def walk_concern_screens(profile: SchoolProfile, app: QApplication) -> int:
    """Returns the number of screens and dialogs built and painted."""
    from desktop.concerns.session import VaultSession
    from desktop.ui.concerns.page import ConcernsPage
    from desktop.ui.concerns.status_dialog import StatusDialog

    with tempfile.TemporaryDirectory(prefix="schoolsignaal-smoke-") as folder:
        session = VaultSession(Path(folder) / "kluis.db")
        page = ConcernsPage(session, profile)
        page.resize(1200, 760)
        page.show()
        screens = 0
        try:
            _painted(page, "the set-up")
            session.create(PASSPHRASE)
            _wait(app, lambda: session.is_open, "making the vault")
            _painted(page, "the recovery key")
            view = page.recovery
            view.group_field.setText(view._groups[view.asked])
            if not view.confirm():
                raise RuntimeError("concern log: the recovery key was not confirmed")
            vault = session.vault
            code = vault.create_case(forms=["criminal"], age_band="14-15")
            entry = vault.add_entry(
                code,
                "observation",
                occurred_on=dt.date.today(),
                facts="Had in de pauze drie telefoons bij zich.",
                who="mentor",
                signals=["several-phones"],
            )
            vault.set_answers(
                code,
                ["yes", "no", "yes", "yes", "unknown"],
                entry_ids=[entry],
                consulted="teamleider",
            )
            session.changed(code)
            case_view = page.workspace.open_case(code)
            if case_view is None or case_view.meldcode is None:
                raise RuntimeError("concern log: the case view did not open")
            _painted(page, "the case list and the case")
            case_view.tabs.setCurrentIndex(1)
            _painted(page, "the meldcode panel")
            dialogs: list[QWidget] = [
                case_view.new_entry("observation", ("several-phones",)),
                case_view.edit_details(),
                StatusDialog(session, code, page),
            ]
            corrected = case_view.correct_entry(entry)
            if corrected is not None:
                dialogs.append(corrected)
            case_view.tabs.setCurrentIndex(2)
            _painted(page, "the referrals tab")
            for opened in (page.open_backups(), page.open_audit_log(), page.open_letter(code)):
                if opened is None:
                    raise RuntimeError("concern log: a dialog did not open")
                dialogs.append(opened)
            for dialog in dialogs:
                _painted(dialog, type(dialog).__name__)
            screens = 6 + len(dialogs)
            session.lock()
            if case_view.isVisible() or page.workspace.list_panel.model.rowCount():
                raise RuntimeError("concern log: case text stayed after locking")
            page.unlock.passphrase.setText(PASSPHRASE)
            page.unlock.unlock()
            _wait(app, lambda: session.is_open, "unlocking")
            if code not in [row.code for row in session.vault.cases()]:
                raise RuntimeError("concern log: the case was not there after unlocking")
        finally:
            session.lock()
            page.close()
            page.deleteLater()
            app.processEvents()
    return screens
