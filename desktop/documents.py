"""Every printable document the app can make, for the printing page and the smoke test."""

from __future__ import annotations

from pathlib import Path

from toolkit.catalog import DOCUMENTS


def write_sample_documents(folder: Path) -> list[Path]:
    """Write one of each document (Dutch) into ``folder``; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    return [path for spec in DOCUMENTS for path in spec.write_samples(folder)]
