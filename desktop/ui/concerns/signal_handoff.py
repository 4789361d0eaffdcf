"""Ticked signals from the signal card on their way to a case.

The signal card's "Nieuwe zorgmelding met deze signalen" leads to the concern log. The ticks
wait there until the vault is open (and a new vault's recovery key confirmed), then the
coordinator chooses a new case or an open one. A lock, or leaving the concern page, drops
them: they stay ticked on the card.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from desktop.concerns.session import VaultSession
    from desktop.ui.concerns.page import ConcernsPage


class SignalHandoff:
    def __init__(
        self, session: VaultSession, page: Callable[[], ConcernsPage], parent: QWidget
    ) -> None:
        self.session = session
        self.page = page
        self.parent = parent
        self.pending: tuple[str, ...] = ()
        self.last_dialog: QWidget | None = None
        session.opened.connect(self.vault_opened)
        session.locked.connect(lambda _reason: self.forget())

    def start(self, signal_ids: list[str]) -> None:
        """Keep the ticks; place them now if the vault is open."""
        self.pending = tuple(signal_ids)
        if self.session.is_open:
            self.place()

    def vault_opened(self) -> None:
        if self.pending and not self.session.recovery_unconfirmed:
            self.place()

    def forget(self) -> None:
        self.pending = ()

    def place(self) -> None:
        from desktop.ui.concerns.from_signals import SignalsTargetDialog

        signals, self.pending = self.pending, ()
        page = self.page()
        dialog = SignalsTargetDialog(self.session, len(signals), self.parent)
        page.workspace.keep_dialog(dialog)

        def chosen(result: int) -> None:
            if result != SignalsTargetDialog.DialogCode.Accepted:
                return
            target = dialog.target()
            if target is None:
                page.new_case(signals)
            else:
                page.observe(target, signals)

        dialog.finished.connect(chosen)
        dialog.open()
        self.last_dialog = dialog
