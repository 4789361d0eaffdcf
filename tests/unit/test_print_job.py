"""Printing a PDF as it is: to a file atomically, or to CUPS's lp on standard input.

A fake ``lp`` (a shell script first on the PATH) records its arguments and what it read; no
test reaches a real printer.
"""

from __future__ import annotations

import os
import stat
import tempfile
import uuid
from pathlib import Path

import pytest

from desktop import print_job
from desktop.print_job import PrintError, PrintTarget, VectorPrintUnavailable, send_pdf


def fake_pdf() -> bytes:
    """PDF-looking bytes with a marker that occurs nowhere else on the disk."""
    marker = f"Pupil-Marker-{uuid.uuid4().hex}"
    return b"%PDF-1.4\n% " + marker.encode() + b"\n" + bytes(range(256)) * 64 + b"\n%%EOF\n"


def install_lp(
    folder: Path, record: Path, *, status: int = 0, stderr: str = "", scheduler: bool = True
) -> Path:
    """A fake lp: writes argv (one per line) to record/argv and stdin to record/stdin; and a
    fake lpstat that says whether the scheduler runs."""
    folder.mkdir(parents=True, exist_ok=True)
    record.mkdir(parents=True, exist_ok=True)
    script = folder / "lp"
    script.write_text(
        "#!/bin/sh\n"
        f"printf '%s\\n' \"$@\" > '{record}/argv'\n"
        f"cat > '{record}/stdin'\n"
        f"printf '%s' '{stderr}' >&2\n"
        f"exit {status}\n"
    )
    lpstat = folder / "lpstat"
    lpstat.write_text(f"#!/bin/sh\necho 'scheduler is {'' if scheduler else 'not '}running'\n")
    for program in (script, lpstat):
        program.chmod(program.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return script


@pytest.fixture
def lp_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    record = tmp_path / "record"
    install_lp(tmp_path / "bin", record)
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    return record


def files_holding(root: Path, needle: bytes) -> list[Path]:
    found = []
    for folder, _dirs, names in os.walk(root):
        for name in names:
            path = Path(folder, name)
            try:
                if needle in path.read_bytes():
                    found.append(path)
            except OSError:
                continue
    return found


def test_the_pdf_goes_to_lp_on_stdin_unchanged_and_nowhere_else(
    lp_record: Path, tmp_path: Path
) -> None:
    data = fake_pdf()
    marker = data.split(b"\n")[1][2:]
    temp_dir = Path(tempfile.gettempdir())
    before = set(os.listdir(temp_dir))
    send_pdf(data, PrintTarget("Lokaal-204", copies=3, duplex="long"))
    assert set(os.listdir(temp_dir)) - before == set()
    assert (lp_record / "stdin").read_bytes() == data
    argv = (lp_record / "argv").read_text().splitlines()
    assert argv == [
        "-d",
        "Lokaal-204",
        "-n",
        "3",
        "-o",
        "sides=two-sided-long-edge",
        "-t",
        "Schoolsignaal",
        "--",
    ]
    # the bytes are on disk only where the fake lp put them
    assert files_holding(tmp_path, marker) == [lp_record / "stdin"]


def test_short_edge_no_duplex_and_the_default_printer(lp_record: Path) -> None:
    send_pdf(fake_pdf(), PrintTarget("Kopieerhok", duplex="short"), title="Schoolsignaal")
    assert "sides=two-sided-short-edge" in (lp_record / "argv").read_text().splitlines()
    send_pdf(fake_pdf(), PrintTarget(""))
    argv = (lp_record / "argv").read_text().splitlines()
    assert argv == ["-n", "1", "-t", "Schoolsignaal", "--"]  # no -d: CUPS's default printer


@pytest.mark.parametrize(
    ("stderr", "expected"),
    [
        ("lp: Error - The printer or class does not exist.", "niet bekend"),
        ("lp: Error - scheduler not responding.", "draait niet"),
        ("lp: Error - No default destination.", "geen standaardprinter"),
        ('lp: Destination "Lokaal-204" is not accepting jobs.', "geen opdrachten aan"),
        ("lp: Forbidden", "geen toestemming"),
        ("lp: something new", "something new"),
    ],
)
def test_lp_failing_becomes_a_dutch_print_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stderr: str, expected: str
) -> None:
    install_lp(tmp_path / "bin", tmp_path / "record", status=1, stderr=stderr)
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    with pytest.raises(PrintError) as raised:
        send_pdf(fake_pdf(), PrintTarget("Lokaal-204"))
    assert expected in raised.value.message
    assert str(raised.value) == raised.value.message


def test_an_unknown_printer_while_cups_is_down_says_cups_is_down(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # real lp with the scheduler stopped: "lp: Error - The printer or class does not exist."
    said = "lp: Error - The printer or class does not exist."
    install_lp(tmp_path / "bin", tmp_path / "record", status=1, stderr=said, scheduler=False)
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    with pytest.raises(PrintError, match="draait niet"):
        send_pdf(fake_pdf(), PrintTarget("Lokaal-204"))


def test_lp_that_hangs_is_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lp_record: Path
) -> None:
    (tmp_path / "bin" / "lp").write_text("#!/bin/sh\nexec sleep 30\n")
    monkeypatch.setattr(print_job, "LP_TIMEOUT_S", 0.3)
    with pytest.raises(PrintError, match="reageerde niet binnen"):
        send_pdf(fake_pdf(), PrintTarget("Lokaal-204"))


def test_print_to_file_writes_the_same_bytes_atomically(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))  # no lp needed for a file
    written: list[Path] = []
    real = print_job.write_atomic

    def spy(path: str, data: bytes) -> Path:
        written.append(Path(path))
        return real(path, data)

    monkeypatch.setattr(print_job, "write_atomic", spy)
    data = fake_pdf()
    target = tmp_path / "out" / "lesplan.pdf"
    send_pdf(data, PrintTarget("", copies=2, output_file=str(target)))
    assert target.read_bytes() == data
    assert written == [target]
    assert [p.name for p in target.parent.iterdir()] == ["lesplan.pdf"]  # no .part left


def test_print_to_a_file_that_cannot_be_written(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(PrintError, match="kon niet worden geschreven"):
        send_pdf(fake_pdf(), PrintTarget("", output_file=str(blocker / "x.pdf")))


def test_no_lp_means_no_vector_printing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "empty").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(VectorPrintUnavailable):
        send_pdf(fake_pdf(), PrintTarget("Lokaal-204"))


def test_targets_and_data_are_checked() -> None:
    with pytest.raises(ValueError, match="copies"):
        PrintTarget("x", copies=0)
    with pytest.raises(ValueError, match="duplex"):
        PrintTarget("x", duplex="both")
    with pytest.raises(ValueError, match="PDF"):
        send_pdf(b"not a pdf", PrintTarget("x"))


def test_print_job_imports_no_qt() -> None:
    from tests.conftest import run_python

    done = run_python(
        "import sys, desktop.print_job; "
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
