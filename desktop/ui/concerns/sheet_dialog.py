"""The recovery sheet through the app's PDF dialog: saved atomically or printed, never kept."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from desktop.i18n import _
from desktop.ui.print_dialog import PdfPreviewDialog


class RecoverySheetDialog(PdfPreviewDialog):
    def __init__(
        self, build: Callable[[], bytes], documents_folder: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(_("Herstelsleutel"), documents_folder, parent)
        self._build = build

    def build(self) -> bytes:
        return self._build()

    def file_name(self) -> str:
        from desktop.i18n import current_language
        from desktop.printing import recovery_sheet_file_name

        return recovery_sheet_file_name(current_language())

    def print_now(self) -> None:
        self._print()

    def save_now(self) -> None:
        self._ask_and_save()
