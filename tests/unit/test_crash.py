from __future__ import annotations

import sys
from pathlib import Path

from desktop import logs


def _raise_with_user_text() -> None:
    pupil_text = "Sanne (14) werd opgehaald door een oudere jongen"
    raise ValueError(pupil_text)


def test_crash_report_leaves_out_the_message_and_variables(tmp_path: Path) -> None:
    try:
        _raise_with_user_text()
    except ValueError:
        exc_type, _exc, tb = sys.exc_info()
        assert exc_type is not None
        logs.install_excepthook(tmp_path)
        try:
            report = logs.write_crash_report(exc_type, tb)
        finally:
            sys.excepthook = sys.__excepthook__
    assert report is not None
    assert report.exists()
    text = report.read_text()
    assert "builtins.ValueError" in text
    assert "_raise_with_user_text" in text
    assert "Sanne" not in text
    assert "oudere jongen" not in text
    assert str(Path.home()) not in text or str(Path.home()) == "/"


def test_excepthook_calls_back_with_the_report(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    seen: list[Path | None] = []
    logs.install_excepthook(tmp_path, seen.append)
    try:
        try:
            _raise_with_user_text()
        except ValueError:
            sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    finally:
        sys.excepthook = sys.__excepthook__
        logs.set_crash_callback(None)
    assert len(seen) == 1
    assert seen[0] is not None
    assert seen[0].parent == tmp_path
    assert "Sanne" not in capsys.readouterr().err


def test_log_rotation_keeps_three(tmp_path: Path) -> None:
    log_file = tmp_path / "app.log"
    for generation in range(5):
        log_file.write_bytes(str(generation).encode() * logs.MAX_LOG_BYTES)
        logs.rotate(log_file)
    assert not log_file.exists()
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert kept == ["app.log.1", "app.log.2", "app.log.3"]
    assert (tmp_path / "app.log.1").read_bytes()[:1] == b"4"
    small = tmp_path / "small.log"
    small.write_text("kort")
    logs.rotate(small)
    assert small.read_text() == "kort"


def test_version_matches_pyproject() -> None:
    import tomllib

    from desktop import __version__

    root = Path(__file__).resolve().parents[2]
    project = tomllib.loads((root / "pyproject.toml").read_text())["project"]
    assert __version__ == project["version"]


def test_gui_script_points_at_the_start_up() -> None:
    import importlib
    import tomllib

    root = Path(__file__).resolve().parents[2]
    project = tomllib.loads((root / "pyproject.toml").read_text())["project"]
    module, _, function = project["gui-scripts"]["schoolsignaal"].partition(":")
    assert callable(getattr(importlib.import_module(module), function))
