"""Every content file a school reads or prints writes quotes and apostrophes typographically
(’ ‘ “ ”): the lessons, the guide, the toolkit's documents and the demo vault's cases."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT
from tests.pdf.content_quotes import straight_quoted

CONTENT_FILES = sorted(
    [
        *(ROOT / "lessons" / "content").glob("*/*.yaml"),
        *(ROOT / "toolkit" / "content").glob("*.yaml"),
        *(ROOT / "desktop" / "concerns").glob("demo_cases.*.yaml"),
    ]
)


@pytest.mark.parametrize("path", CONTENT_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_straight_quotes_in_content(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert straight_quoted(data) == []


@pytest.mark.parametrize("language", ["nl", "en"])
def test_no_straight_quotes_in_the_guide(language: str) -> None:
    text = (ROOT / "lessons" / "content" / "guide" / f"{language}.md").read_text(encoding="utf-8")
    assert "'" not in text
    assert '"' not in text


def test_the_files_are_found() -> None:
    assert len(CONTENT_FILES) > 20
