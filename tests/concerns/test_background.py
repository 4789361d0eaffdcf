"""Work off the UI thread: the result, or the error, arrives on the UI thread."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from desktop import background


def test_result_arrives_on_the_calling_thread(qtbot: QtBot) -> None:
    seen: list[tuple[object, bool]] = []
    worker_threads: list[threading.Thread] = []

    def work() -> int:
        worker_threads.append(threading.current_thread())
        return 42

    job = background.run(
        work,
        lambda value: seen.append((value, threading.current_thread() is threading.main_thread())),
        lambda error: seen.append((error, False)),
    )
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [(42, True)]
    assert worker_threads
    assert worker_threads[0] is not threading.main_thread()
    job.wait(1)


def test_an_error_goes_to_failed_not_to_done(qtbot: QtBot) -> None:
    done: list[object] = []
    failed: list[BaseException] = []

    def work() -> int:
        raise ValueError("boom")

    background.run(work, done.append, failed.append)
    qtbot.waitUntil(lambda: bool(failed), timeout=5000)
    assert done == []
    assert isinstance(failed[0], ValueError)
