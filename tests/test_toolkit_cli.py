from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from tests.conftest import run_python

CLI = "from toolkit.__main__ import main; raise SystemExit(main())"


def test_help_lists_signal_card() -> None:
    result = run_python(CLI, "--help")
    assert result.returncode == 0
    assert "signal-card" in result.stdout


def test_writes_a_poster(tmp_path: Path) -> None:
    out = tmp_path / "poster.pdf"
    result = run_python(
        CLI,
        "signal-card",
        "--lang",
        "en",
        "--format",
        "poster",
        "--paper",
        "a3",
        "--school",
        "De Linde",
        "--school-contact",
        "A. Jansen; mentor; 030-1234567; a@b.nl",
        "-o",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    text = PdfReader(out).pages[0].extract_text()
    assert "Where can you go?" in text
    assert "A. Jansen" in text


def test_unwritable_output_is_a_clear_error(tmp_path: Path) -> None:
    out = tmp_path / "no-such-folder" / "x" / "card.pdf"
    (tmp_path / "no-such-folder").write_text("a file, not a folder")
    result = run_python(CLI, "signal-card", "-o", str(out))
    assert result.returncode == 1
    assert "Fout: kan" in result.stderr
    assert "Traceback" not in result.stderr
