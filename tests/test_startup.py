"""Start-up as whole processes: the smoke test, first paint, deferred imports, local only."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_python


def test_smoke_test_exits_zero(basedir: Path) -> None:
    result = run_python(
        "from desktop.ui.app import main; raise SystemExit(main())",
        "--smoke-test",
        "--basedir",
        str(basedir),
    )
    assert result.returncode == 0, result.stderr
    assert "smoke test: 5 pages built" in result.stdout


def test_smoke_test_fails_rather_than_hangs_on_an_error_inside_qt(basedir: Path) -> None:
    """An error raised in a Qt event handler reaches the crash hook, not the smoke test's try:
    the smoke test must still exit non-zero, without a dialog nobody can close."""
    code = (
        "from desktop.ui.pages.printing import PrintingPage\n"
        "def broken(self, event):\n"
        "    raise RuntimeError('kapot')\n"
        "PrintingPage.showEvent = broken\n"
        "from desktop.ui.app import main\n"
        "raise SystemExit(main())\n"
    )
    result = run_python(code, "--smoke-test", "--basedir", str(basedir), timeout=60)
    assert result.returncode == 1
    assert "smoke test FAILED" in result.stderr
    assert "PrintingPage raised an uncaught error" in result.stderr


def test_quit_on_first_paint_defers_heavy_imports(basedir: Path) -> None:
    code = (
        "import sys\n"
        "from desktop.ui.app import build\n"
        "built = build(sys.argv[1:])\n"
        "rc = built.app.exec()\n"
        "heavy = ('sqlalchemy', 'reportlab', 'pydantic', 'yaml', 'babel.dates', 'pypdfium2')\n"
        "heavy = sorted(m for m in heavy if m in sys.modules)\n"
        "from PySide6 import QtCore\n"
        "heavy += ['Qt namespace'] if 'Qt' in QtCore.__dict__ else []\n"
        "print('heavy:', heavy)\n"
        "raise SystemExit(rc)\n"
    )
    result = run_python(code, "--quit-on-first-paint", "--basedir", str(basedir))
    assert result.returncode == 0, result.stderr
    assert "heavy: []" in result.stdout


def test_no_socket_is_opened(basedir: Path) -> None:
    """The smoke test flow under an audit hook that fails on any socket use."""
    code = (
        "import sys, os\n"
        "def hook(event, args):\n"
        "    if event.startswith(('socket.', 'urllib.', 'http.client.')):\n"
        "        os.write(2, f'NETWORK: {event}\\n'.encode()); os._exit(3)\n"
        "sys.addaudithook(hook)\n"
        "from desktop.ui.app import main\n"
        "raise SystemExit(main())\n"
    )
    result = run_python(code, "--smoke-test", "--basedir", str(basedir))
    assert "NETWORK" not in result.stderr
    assert result.returncode == 0, result.stderr


def test_the_audit_hook_would_catch_a_socket() -> None:
    code = (
        "import sys, os, socket\n"
        "def hook(event, args):\n"
        "    if event.startswith('socket.'):\n"
        "        os.write(2, f'NETWORK: {event}\\n'.encode()); os._exit(3)\n"
        "sys.addaudithook(hook)\n"
        "socket.socket()\n"
    )
    result = run_python(code)
    assert result.returncode == 3
    assert "NETWORK: socket.__new__" in result.stderr


def test_version_and_help() -> None:
    result = run_python("from desktop.startup import parse_args; parse_args(['--help'])")
    assert result.returncode == 0
    for option in ("--basedir", "--lang", "--quit-on-first-paint", "--smoke-test"):
        assert option in result.stdout


def test_a_data_folder_that_cannot_be_made_is_said_in_dutch(tmp_path: Path) -> None:
    a_file = tmp_path / "geen-map"
    a_file.write_text("dit is een bestand")
    result = run_python(
        "from desktop.ui.app import main; raise SystemExit(main())",
        "--smoke-test",
        "--basedir",
        str(a_file),
    )
    assert result.returncode == 2
    assert "kan de map" in result.stderr
    assert "een deel van het pad is een bestand, geen map" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_mistyped_option_is_refused(tmp_path: Path) -> None:
    from desktop.startup import parse_args

    with pytest.raises(SystemExit):
        parse_args(["--basdir", str(tmp_path)])
    with pytest.raises(SystemExit):
        parse_args(["--basedir", " "])
    assert parse_args(["--platform", "offscreen", "-style", "fusion"]).basedir is None
