"""The vault package: no Qt, and light to import where only its errors are needed."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT, run_python
from tests.unit.test_arrows import offending


def test_no_qt_in_the_vault() -> None:
    files = sorted((ROOT / "desktop" / "vault").rglob("*.py"))
    assert len(files) > 10
    assert offending(files, ("PySide6", "shiboken6", "desktop.ui")) == []


def test_errors_and_vocabulary_load_without_sqlalchemy() -> None:
    code = (
        "import sys\n"
        "import desktop.vault, desktop.vault.errors, desktop.vault.vocabulary\n"
        "print(sorted(m for m in ('sqlalchemy', 'sqlcipher3', 'PySide6') if m in sys.modules))\n"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_docs_describe_the_header_version() -> None:
    from desktop.vault import keyheader

    doc = (ROOT / "docs" / "vault-key-header.md").read_text(encoding="utf-8")
    assert f"version {keyheader.VERSION}" in doc
    assert keyheader.FORMAT in doc
    assert Path(keyheader.header_path(Path("kluis.db"))).name in doc
