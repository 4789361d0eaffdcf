"""The catalogue of printable documents: what exists, and how to make a sample of each."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class DocumentSpec:
    """A printable document kind. ``write_sample`` writes one (Dutch) into a folder."""

    key: str
    write_sample: Callable[[Path], Path]


DOCUMENTS: list[DocumentSpec] = []
