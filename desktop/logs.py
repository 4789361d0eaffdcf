"""Logging and the crash log.

The app log holds what the app did (pages opened, documents written, errors by type), never
what a user typed: no case text, no names, no free text. Crash reports are built from the
traceback's frames (file, line, function) and the exception's type only: the exception's
message and local variables can hold user content, so they are left out.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from desktop import __version__
from toolkit.atomic import write_atomic

_handler: logging.Handler | None = None
_crash_dir: Path | None = None
_on_crash: Callable[[Path | None], None] | None = None


MAX_LOG_BYTES = 1_000_000
KEEP_LOGS = 3


def rotate(log_file: Path) -> None:
    """At start-up, move a full log aside (app.log -> app.log.1 -> ... -> .3, oldest dropped).

    Rotating once per start keeps logging.handlers (and the socket and pickle modules it
    imports) out of start-up.
    """
    try:
        if log_file.stat().st_size < MAX_LOG_BYTES:
            return
    except FileNotFoundError:
        return
    for number in range(KEEP_LOGS - 1, 0, -1):
        older = log_file.with_name(f"{log_file.name}.{number}")
        if older.exists():
            os.replace(older, log_file.with_name(f"{log_file.name}.{number + 1}"))
    os.replace(log_file, log_file.with_name(f"{log_file.name}.1"))


def setup_logging(log_file: Path, *, level: int = logging.INFO) -> None:
    """Log to a file, rotated at start-up (1 MB x 3); safe to call twice."""
    global _handler
    root = logging.getLogger()
    if _handler is not None:
        root.removeHandler(_handler)
        _handler.close()
    log_file.parent.mkdir(parents=True, exist_ok=True)
    rotate(log_file)
    _handler = logging.FileHandler(log_file, encoding="utf-8", delay=True)
    _handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(_handler)
    root.setLevel(level)


def crash_report(
    exc_type: type[BaseException], tb: TracebackType | None, *, when: dt.datetime | None = None
) -> str:
    """A crash report with no user content: versions, the exception's type and the frames."""
    import platform  # only when something crashed: not at start-up

    when = when or dt.datetime.now()
    lines = [
        f"Schoolsignaal {__version__} crash report, {when.isoformat(timespec='seconds')}",
        f"Python {platform.python_version()} on {platform.platform(terse=True)}",
        f"Exception type: {exc_type.__module__}.{exc_type.__qualname__}",
        "(The exception's message and variables are left out: they can hold user content.)",
        "Traceback, most recent call last:",
    ]
    for frame in traceback.extract_tb(tb):
        lines.append(f'  File "{_short(frame.filename)}", line {frame.lineno}, in {frame.name}')
    return "\n".join(lines) + "\n"


def _short(filename: str) -> str:
    """Paths relative to the package, so the report holds no user folder names."""
    parts = Path(filename).parts
    for anchor in ("desktop", "lessons", "toolkit", "site-packages", "lib"):
        if anchor in parts:
            index = len(parts) - 1 - parts[::-1].index(anchor)
            return "/".join(parts[index:])
    return Path(filename).name


def write_crash_report(exc_type: type[BaseException], tb: TracebackType | None) -> Path | None:
    if _crash_dir is None:
        return None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    try:
        return write_atomic(_crash_dir / f"crash-{stamp}.txt", crash_report(exc_type, tb).encode())
    except OSError:
        return None


def install_excepthook(
    crash_dir: Path, on_crash: Callable[[Path | None], None] | None = None
) -> None:
    """Route uncaught exceptions (main and other threads) to a crash report and ``on_crash``."""
    global _crash_dir, _on_crash
    _crash_dir = crash_dir
    _on_crash = on_crash
    sys.excepthook = _excepthook
    threading.excepthook = _thread_excepthook


def set_crash_callback(on_crash: Callable[[Path | None], None] | None) -> None:
    global _on_crash
    _on_crash = on_crash


def _excepthook(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    report = write_crash_report(exc_type, tb)
    logging.getLogger("desktop.crash").error(
        "uncaught %s; crash report %s", exc_type.__qualname__, report.name if report else "-"
    )
    sys.stderr.write(crash_report(exc_type, tb))
    if _on_crash is not None:
        try:
            _on_crash(report)
        except Exception as err:  # the crash dialog itself failed; the report is written
            logging.getLogger("desktop.crash").error(
                "crash callback failed: %s", type(err).__qualname__
            )


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is None:
        return
    _excepthook(args.exc_type, args.exc_value, args.exc_traceback)
