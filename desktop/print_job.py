"""Send a finished PDF to a printer as it is: vector, the same bytes the preview showed.

No Qt here. The print dialog (``desktop/ui/print_dialog.py``) turns the user's choice into a
`PrintTarget` and calls `send_pdf`:

- "print to file" (a PDF printer with a file name): the bytes are written atomically there;
- CUPS (Linux, macOS: ``lp`` on the PATH): the bytes go to ``lp`` on its standard input, so
  no copy of a case document is ever left in a temporary file;
- neither (Windows, or Linux without CUPS): `VectorPrintUnavailable`, and the dialog prints
  page images instead.

The job title is generic ("Schoolsignaal"): a print queue is visible to every user of the
machine and to the print server, so it never names a pupil, a case or a file. The log says
only that a job was sent and how many copies.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass

from desktop import os_errors
from desktop.i18n import _
from toolkit.atomic import write_atomic

log = logging.getLogger(__name__)

DUPLEX_SIDES = {"long": "two-sided-long-edge", "short": "two-sided-short-edge"}
LP_TIMEOUT_S = 60.0  # lp only hands the job to the scheduler: seconds, even for a long letter
LP_POLL_S = 0.1  # how often a waiting job looks whether the user cancelled it


class PrintError(Exception):
    """The job was not printed. ``message`` is translated: what went wrong and what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class VectorPrintUnavailable(Exception):
    """This machine cannot take a PDF as it is (no CUPS): print page images instead."""


class PrintCancelled(Exception):
    """The user cancelled the job before the print system took it: nothing was printed."""


@dataclass(frozen=True)
class PrintTarget:
    """Where a job goes. ``printer`` "" is the system's default printer; ``duplex`` is "" (the
    printer's own setting), "long" or "short" (the edge the sheet turns on); ``output_file``
    set means "print to file": the PDF is written there and no printer is used."""

    printer: str
    copies: int = 1
    duplex: str = ""
    output_file: str = ""

    def __post_init__(self) -> None:
        if self.copies < 1:
            raise ValueError(f"copies must be 1 or more, not {self.copies}")
        if self.duplex not in ("", *DUPLEX_SIDES):
            raise ValueError(f"duplex must be '', 'long' or 'short', not {self.duplex!r}")


def send_pdf(
    data: bytes,
    target: PrintTarget,
    *,
    title: str = "Schoolsignaal",
    cancelled: Callable[[], bool] = lambda: False,
) -> None:
    """Print ``data`` (a whole PDF) on ``target``. Safe to call off the UI thread.

    Raises PrintError when it could not be printed or written, VectorPrintUnavailable when
    the machine has no way to take a PDF (then print it as images), PrintCancelled when
    ``cancelled()`` turned true while ``lp`` was still busy (lp is stopped: no job queued)."""
    if not data.startswith(b"%PDF"):
        raise ValueError("send_pdf needs the bytes of a PDF")
    if target.output_file:
        _write_file(data, target.output_file)
        log.info("document printed to a PDF file: %d copies asked, one file", target.copies)
        return
    lp = shutil.which("lp")
    if lp is None:
        raise VectorPrintUnavailable("no lp on the PATH: CUPS is not installed")
    _run_lp(lp, data, target, title, cancelled)
    log.info("document sent to the printer as PDF: %d copies", target.copies)


def lp_command(lp: str, target: PrintTarget, title: str) -> list[str]:
    """The lp command line for ``target``; the document comes on standard input ("--" ends
    the options, and no file name follows)."""
    argv = [lp]
    if target.printer:  # "" leaves the choice to CUPS: the default printer
        argv += ["-d", target.printer]
    argv += ["-n", str(target.copies)]
    if target.duplex:
        argv += ["-o", f"sides={DUPLEX_SIDES[target.duplex]}"]
    argv += ["-t", title, "--"]
    return argv


def _write_file(data: bytes, path: str) -> None:
    try:
        write_atomic(path, data)
    except OSError as err:
        raise PrintError(
            _("Het PDF-bestand kon niet worden geschreven ({reason}). Kies een andere map.").format(
                reason=os_errors.reason(err)
            )
        ) from err


def _run_lp(
    lp: str, data: bytes, target: PrintTarget, title: str, cancelled: Callable[[], bool]
) -> None:
    # lp's messages in English whatever the desktop's language, so that they can be recognised
    env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
    try:
        process = subprocess.Popen(  # a fixed program and arguments, no shell
            lp_command(lp, target, title),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
    except OSError as err:
        raise PrintError(
            _(
                "Het afdrukprogramma (lp) kon niet worden gestart ({reason}). Vraag de "
                "systeembeheerder om het afdruksysteem (CUPS) na te kijken."
            ).format(reason=os_errors.reason(err))
        ) from err
    stderr_bytes = _wait_for_lp(process, data, cancelled)
    if process.returncode != 0:
        stderr = stderr_bytes.decode("utf-8", "replace")
        log.warning("lp refused the job (exit status %d)", process.returncode)
        if _scheduler_running(env) is False:  # lp then says the printer is unknown, or that
            stderr = "scheduler not responding"  # there is no default: neither is the cause
        raise PrintError(lp_failure(stderr, target.printer))


def _wait_for_lp(
    process: subprocess.Popen[bytes], data: bytes, cancelled: Callable[[], bool]
) -> bytes:
    """Feed ``data`` to lp and wait for it, at most LP_TIMEOUT_S; stop it when cancelled.
    Returns what lp said on standard error."""
    deadline = time.monotonic() + LP_TIMEOUT_S
    given: bytes | None = data
    while True:
        try:
            _out, err = process.communicate(input=given, timeout=LP_POLL_S)
            return err
        except subprocess.TimeoutExpired:
            given = None  # communicate goes on feeding what it was given
        if cancelled() or time.monotonic() > deadline:
            process.kill()  # lp stopped before the scheduler took the job: nothing queued
            process.communicate()
            if cancelled():
                log.info("print job cancelled while lp was busy")
                raise PrintCancelled
            raise PrintError(
                _(
                    "Het afdruksysteem reageerde niet binnen {seconds} seconden. Controleer of "
                    "de printer aan staat en probeer het opnieuw."
                ).format(seconds=round(LP_TIMEOUT_S))
            )


def _scheduler_running(env: dict[str, str]) -> bool | None:
    """Whether CUPS's scheduler runs (``lpstat -r``); None when that cannot be told."""
    lpstat = shutil.which("lpstat")
    if lpstat is None:
        return None
    try:
        done = subprocess.run(
            [lpstat, "-r"], capture_output=True, timeout=5, env=env, check=False, text=True
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    said = done.stdout.lower()
    if "not running" in said:
        return False
    return True if "is running" in said else None


def lp_failure(stderr: str, printer: str) -> str:
    """lp's complaint (in the C locale) as a translated message that says what to do."""
    said = stderr.lower()
    shown = printer or _("de standaardprinter")
    if "does not exist" in said or ("not found" in said and "printer" in said):
        return _(
            "De printer ‘{printer}’ is niet bekend bij het afdruksysteem. Kies een andere "
            "printer, of vraag de systeembeheerder om deze printer toe te voegen."
        ).format(printer=shown)
    if "no default destination" in said:
        return _("Er is geen standaardprinter ingesteld. Kies een printer in het afdrukvenster.")
    if "not accepting jobs" in said:
        return _(
            "De printer ‘{printer}’ neemt nu geen opdrachten aan. Probeer het later opnieuw of "
            "kies een andere printer."
        ).format(printer=shown)
    if any(
        sign in said
        for sign in (
            "scheduler not responding",
            "unable to connect",
            "connection refused",
            "no such file or directory",
            "bad file descriptor",
        )
    ):
        return _(
            "Het afdruksysteem (CUPS) draait niet. Start de computer opnieuw op, of vraag de "
            "systeembeheerder om de afdrukservice te starten."
        )
    if "forbidden" in said or "unauthorized" in said or "not authorized" in said:
        return _(
            "Je hebt geen toestemming om op ‘{printer}’ af te drukken. Kies een andere printer "
            "of vraag de systeembeheerder om toegang."
        ).format(printer=shown)
    first_line = next((line.strip() for line in stderr.splitlines() if line.strip()), "")
    return _(
        "Het document kon niet naar de printer worden gestuurd ({reason}). Probeer het "
        "opnieuw of kies een andere printer."
    ).format(reason=first_line[:200] or _("onbekende fout"))
