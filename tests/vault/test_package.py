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


def test_docs_describe_the_schema_version_and_every_table() -> None:
    from desktop.vault import migrations
    from desktop.vault.schema import Base

    doc = (ROOT / "docs" / "vault-schema.md").read_text(encoding="utf-8")
    assert f"schema version {migrations.SCHEMA_VERSION}" in doc
    for step in migrations.MIGRATIONS:
        assert f"`{step.description}`" in doc
    for table in Base.metadata.tables.values():
        assert f"`{table.name}`" in doc
        if table.name in ("meta", "audit_events"):
            continue
        for column in table.columns:
            name = column.name
            if name.endswith("_on") and name[:-3] in table.columns:  # an answer's date
                name = name[:-3]
            if name not in ("id", "case_id", "entry_id"):
                assert f"`{name}`" in doc, (table.name, name)
