"""Building many documents off the UI thread: progress per document, cancel between documents.

The work is ``desktop.print_shop`` (make, then combine) on a worker thread
(``desktop.background``); ``progress`` and the end arrive on the UI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal

from desktop import background, print_shop
from desktop.print_shop import Context, Duplex, Part

log = logging.getLogger(__name__)


class ShopRun(QObject):
    """One run: ``progress(done, total, title)`` while it builds, then exactly one of
    ``finished(pdf_bytes)``, ``failed(message)`` or ``cancelled()``."""

    progress = Signal(int, int, str)  # emitted on the worker thread: queued to the UI's
    finished = Signal(bytes)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(
        self,
        parts: Sequence[Part],
        context: Context,
        *,
        copies: int = 1,
        double_sided: bool = False,
        duplex: Duplex = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.parts = list(parts)
        self.context = context
        self.copies = copies
        self.double_sided = double_sided
        self.duplex = duplex
        self.stop = False
        self.running = False
        self.job: background.Job[bytes] | None = None

    def start(self) -> None:
        self.running = True
        self.job = background.run(self._work, self._done, self._failed)

    def cancel(self) -> None:
        """Stop before the next document (the one being built is finished, then dropped)."""
        self.stop = True

    def _work(self) -> bytes:
        made = print_shop.make(
            self.parts,
            self.context,
            cancelled=lambda: self.stop,
            progress=lambda done, total, part: self.progress.emit(done, total, part.title()),
        )
        if self.stop:
            raise print_shop.Cancelled
        return print_shop.combine(
            made, self.copies, double_sided=self.double_sided, duplex=self.duplex
        )

    def _done(self, data: bytes) -> None:
        self.running = False
        self.finished.emit(data)

    def _failed(self, error: BaseException) -> None:
        self.running = False
        if isinstance(error, print_shop.Cancelled):
            self.cancelled.emit()
        elif isinstance(error, print_shop.PartFailed):
            self.failed.emit(str(error))
        else:
            self.failed.emit(str(error))
            raise error  # a bug: the crash hook reports it
