"""Reading a built PDF with pdfium in the PDF tests: its pages, and where each character sits
and how big it is. Every document opened here is closed after the test that opened it
(tests/pdf/conftest.py), not later in another test."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import pypdfium2 as pdfium

_OPEN: list[Any] = []


def open_pdf(data: bytes) -> Any:
    document = pdfium.PdfDocument(data)
    _OPEN.append(document)
    return document


def pages(data: bytes) -> list[Any]:
    document = open_pdf(data)
    return [document[index] for index in range(len(document))]


def chars(page: Any) -> Iterator[tuple[str, tuple[float, float, float, float], float]]:
    """Each printed character with its box (left, bottom, right, top) and font size."""
    text = page.get_textpage()
    for index in range(text.count_chars()):
        char = text.get_text_range(index, 1)
        if char.strip():
            size = pdfium.raw.FPDFText_GetFontSize(text.raw, index)
            yield char, text.get_charbox(index), size


def close_all() -> None:
    while _OPEN:
        _OPEN.pop().close()
    gc.collect()
