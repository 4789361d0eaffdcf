"""Long vault work started from a dialog: a backup, a restore, a new key (Argon2id).

:class:`DialogWork` runs one job at a time through :func:`desktop.background.run`: the busy
bar moves and the dialog's buttons are off meanwhile; the result comes back on the UI
thread. If the dialog is gone by then (the vault locked, which waits for the job to end, and
closed every dialog), ``done`` and ``failed`` are not called; ``always`` still is, for what
must happen whatever became of the dialog (the case list reloads after a restore).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

import shiboken6
from PySide6.QtWidgets import QLabel, QProgressBar, QWidget

from desktop import background
from desktop.i18n import _

log = logging.getLogger(__name__)


class DialogWork:
    """The jobs of ``owner``: ``bar`` moves and ``widgets()`` are off while one runs;
    ``settle()`` sets the buttons right again after it."""

    def __init__(
        self,
        owner: QWidget,
        bar: QProgressBar,
        widgets: Callable[[], Sequence[QWidget]],
        settle: Callable[[], None] = lambda: None,
    ) -> None:
        self.owner = owner
        self.bar = bar
        self.widgets = widgets
        self.settle = settle
        self.job: background.Job[Any] | None = None

    @property
    def busy(self) -> bool:
        return self.job is not None

    def start(
        self,
        work: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None],
        always: Callable[[], None] = lambda: None,
    ) -> bool:
        """Run ``work`` off the UI thread; False (and nothing done) if a job is running."""
        if self.job is not None:
            return False
        self._show_busy(True)

        def finish(outcome: Callable[[], None]) -> None:
            self.job = None
            always()
            if not shiboken6.isValid(self.owner) or not self.owner.isVisible():
                return  # closed meanwhile (the vault locked): nothing left to show it in
            self._show_busy(False)
            outcome()

        self.job = background.run(
            work,
            lambda value: finish(lambda: done(value)),
            lambda error: finish(lambda: failed(error)),
        )
        return True

    def wait(self, timeout: float = 30.0) -> None:
        """Block until the running job's thread ends (tests only; its result comes later)."""
        if self.job is not None:
            self.job.wait(timeout)

    def _show_busy(self, busy: bool) -> None:
        self.bar.setVisible(busy)
        for widget in self.widgets():
            widget.setEnabled(not busy)
        if not busy:
            self.settle()


def error_text(error: BaseException) -> str:
    """A VaultError's own message; anything else a calm general one (its kind in the log)."""
    from desktop.vault.errors import VaultError

    if isinstance(error, VaultError):
        return error.message()
    log.error("vault work failed: %s", type(error).__name__)  # never the message: a path
    return _(
        "Dat is niet gelukt door een onverwachte fout. Probeer het opnieuw; blijft het "
        "gebeuren, neem dan contact op met de ICT van school."
    )


def say(label: QLabel, text: str) -> None:
    """Show ``text`` in ``label``, or hide the label when there is none."""
    label.setText(text)
    label.setVisible(bool(text))
