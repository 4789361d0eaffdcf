"""Long work off the UI thread, with its result handed back on the UI thread.

Argon2id (unlocking the vault), a backup or a large PDF take from a tenth of a second to
minutes; the window must keep painting meanwhile. :func:`run` starts ``work`` on a Python
thread and calls ``done`` or ``failed`` later, on the thread that called :func:`run` (through
a queued Qt signal), as Anki's ``CollectionOp`` does.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, Signal

T = TypeVar("T")

_running: set[Job[object]] = set()  # keeps each job alive until its result is delivered


class Job(QObject, Generic[T]):
    """One piece of work on its own thread; ``finished`` fires on the caller's thread."""

    _result = Signal(object, object)  # (value, error): emitted on the worker thread

    def __init__(self, work: Callable[[], T]) -> None:
        super().__init__()
        self._work = work
        self.worker: threading.Thread | None = None

    def start(self, done: Callable[[T], None], failed: Callable[[BaseException], None]) -> None:
        def deliver(value: object, error: object) -> None:
            _running.discard(self)
            if isinstance(error, BaseException):
                failed(error)
            else:
                done(value)  # type: ignore[arg-type]

        self._result.connect(deliver)
        _running.add(self)  # type: ignore[arg-type]
        self.worker = threading.Thread(target=self._run, name="schoolsignaal-job", daemon=True)
        self.worker.start()

    def _run(self) -> None:
        try:
            value = self._work()
        except BaseException as error:  # handed to ``failed`` on the UI thread
            self._result.emit(None, error)
        else:
            self._result.emit(value, None)

    def wait(self, timeout: float | None = None) -> None:
        """Block until the thread ends (tests and shutdown only)."""
        if self.worker is not None:
            self.worker.join(timeout)


def run(
    work: Callable[[], T], done: Callable[[T], None], failed: Callable[[BaseException], None]
) -> Job[T]:
    """Run ``work`` on another thread; ``done(result)`` or ``failed(error)`` on this one."""
    job = Job(work)
    job.start(done, failed)
    return job
