"""A print job of many pages is asked about before it goes to the printer."""

from __future__ import annotations

import io

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.i18n import _

BIG_JOB_PAGES = 500  # a school's printer runs a good while on more: say so first


def page_count(data: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(data)).pages)


def confirm_big_job(parent: QWidget, data: bytes) -> bool:
    """True to go on: a job of at most :data:`BIG_JOB_PAGES` pages, or the user said so."""
    pages = page_count(data)
    if pages <= BIG_JOB_PAGES:
        return True
    answer = QMessageBox.question(
        parent,
        _("Veel pagina’s"),
        _(
            "Deze opdracht is {pages} pagina’s. Weet je zeker dat je die allemaal naar de "
            "printer wilt sturen? Kies anders minder exemplaren of minder documenten."
        ).format(pages=pages),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
