from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.pdf.pdfium_pages import close_all


@pytest.fixture(autouse=True)
def _close_pdfium_documents() -> Iterator[None]:
    """pdfium's handles closed and collected after each test, not later in another one."""
    yield
    close_all()
