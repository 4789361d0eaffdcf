"""The letter's own words: one box per section, filled from the case, for the coordinator to
read, shorten and complete. The hulpvraag is written here and is required."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from desktop.i18n import N_, _
from desktop.referrals.choices import TEXT_KEYS
from desktop.ui.widgets import named

HEADINGS = {
    "reason": N_("Aanleiding en vermoedelijke vorm van uitbuiting"),
    "pupil": N_("Over de leerling (aanvulling, niet verplicht)"),
    "meldcode": N_("Gezette stappen van de meldcode"),
    "safety": N_("Inschatting van de veiligheid"),
    "knows": N_("Wat de leerling weet en waarmee hij of zij instemt"),
    "request": N_("Hulpvraag: wat vraagt de school van de ontvanger? (verplicht)"),
    "involved": N_("Betrokken professionals en veiligheidsafspraken"),
    "contact": N_("Contactpersoon en vervolg"),
}
MAX_CHARS = 5000


class TextsForm(QWidget):
    changed = Signal()

    def __init__(self, texts: Mapping[str, str]) -> None:
        super().__init__()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QPlainTextEdit] = {}
        for key in TEXT_KEYS:
            heading = QLabel(_(HEADINGS[key]), wordWrap=True)
            heading.setObjectName("sectionHeading")
            box = named(QPlainTextEdit(), f"letterText_{key}")
            box.setTabChangesFocus(True)
            box.setPlainText(texts.get(key, ""))
            box.setFixedHeight(110 if key in ("meldcode", "request") else 80)
            box.textChanged.connect(lambda b=box: self._edited(b))
            self.boxes[key] = box
            column.addWidget(heading)
            column.addWidget(box)
        column.addStretch(1)

    def _edited(self, box: QPlainTextEdit) -> None:
        text = box.toPlainText()
        if len(text) > MAX_CHARS:  # a letter, not the file: the box stops where paper would
            cursor = box.textCursor()
            box.setPlainText(text[:MAX_CHARS])
            cursor.setPosition(MAX_CHARS)
            box.setTextCursor(cursor)
            return
        self.changed.emit()

    def value(self) -> dict[str, str]:
        return {key: box.toPlainText() for key, box in self.boxes.items()}

    def forget(self) -> None:
        for box in self.boxes.values():
            box.blockSignals(True)
            box.clear()
            box.document().clearUndoRedoStacks()
