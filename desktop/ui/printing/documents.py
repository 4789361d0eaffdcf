"""The documents to tick, one per catalogue entry, with the choices some of them take: the
poster's paper, the parent letter's date, the lesson and level of plans and worksheets."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from desktop.print_shop import CATALOGUE
from desktop.ui.widgets import named, shrinkable


class DocumentChoice(QGroupBox):
    """A check box per entry of ``desktop.print_shop.CATALOGUE`` (a new entry shows up by
    itself); ``changed`` when any tick or choice changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shopDocuments")
        self.document_boxes: dict[str, QCheckBox] = {}
        documents = QVBoxLayout(self)
        documents.setSpacing(4)
        self.paper = named(QComboBox(), "shopPaper")
        self.paper.addItem("A4", "a4")
        self.paper.addItem("A3", "a3")
        self.when = named(QLineEdit(), "shopWhen")
        self.lesson = shrinkable(named(QComboBox(), "shopLesson"), 12)
        self.level = named(QComboBox(), "shopLevel")
        self.level.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.level.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)  # never cut
        self.lesson_label, self.level_label = QLabel(), QLabel()
        lesson_row = QHBoxLayout()
        lessons_placed = False
        for entry in CATALOGUE:
            box = named(QCheckBox(), f"shop-{entry.key}")
            box.toggled.connect(self.changed)
            self.document_boxes[entry.key] = box
            if "lesson" in entry.options:  # plan and worksheet side by side, the lesson below
                lesson_row.addWidget(box)
                if not lessons_placed:
                    documents.addLayout(lesson_row)
                    lessons_placed = True
                continue
            row = QHBoxLayout()
            row.addWidget(box)
            if "paper" in entry.options:
                row.addWidget(self.paper)
            row.addStretch(1)
            documents.addLayout(row)
            if "when" in entry.options:
                when_row = QHBoxLayout()
                when_row.setContentsMargins(24, 0, 0, 0)
                when_row.addWidget(self.when)
                documents.addLayout(when_row)
        lesson_row.addStretch(1)
        choice_row = QHBoxLayout()
        choice_row.setContentsMargins(24, 0, 0, 0)
        for label, combo in ((self.lesson_label, self.lesson), (self.level_label, self.level)):
            label.setBuddy(combo)
            choice_row.addWidget(label)
            choice_row.addWidget(combo, 1 if combo is self.lesson else 0)
        documents.addLayout(choice_row)
        documents.addStretch(1)
        self.lesson.currentIndexChanged.connect(self._fill_levels)
        for widget in (self.paper, self.level):
            widget.currentIndexChanged.connect(self.changed)
        self.when.textChanged.connect(self.changed)

    def fill_lessons(self, lessons: Sequence[tuple[str, str, Sequence[str]]]) -> None:
        """(title, id, levels) per lesson of the series in the app's language."""
        chosen = self.lesson.currentData()
        self.lesson.blockSignals(True)
        self.lesson.clear()
        for title, lesson_id, levels in lessons:
            self.lesson.addItem(title, (lesson_id, levels))
        ids = [lesson_id for _title, lesson_id, _levels in lessons]
        self.lesson.setCurrentIndex(ids.index(chosen[0]) if chosen and chosen[0] in ids else 0)
        self.lesson.blockSignals(False)
        self._fill_levels()

    def _fill_levels(self) -> None:
        from desktop.ui.pages.lessons import LEVEL_LABELS

        chosen = self.level.currentData()
        data = self.lesson.currentData()
        self.level.blockSignals(True)
        self.level.clear()
        for level in data[1] if data else []:
            self.level.addItem(_(LEVEL_LABELS[level]), level)
        self.level.setCurrentIndex(max(0, self.level.findData(chosen)))
        self.level.blockSignals(False)
        self.changed.emit()

    def chosen_keys(self) -> list[str]:
        return [key for key, box in self.document_boxes.items() if box.isChecked()]

    def options(self) -> dict[str, str]:
        lesson = self.lesson.currentData()
        return {
            "paper": self.paper.currentData() or "a4",
            "when": self.when.text(),
            "lesson": lesson[0] if lesson else "",
            "level": self.level.currentData() or "",
        }

    def retranslate(self) -> None:
        self.setTitle(_("Documenten"))
        for entry in CATALOGUE:
            self.document_boxes[entry.key].setText(_(entry.label))
        self.when.setPlaceholderText(_("Wanneer de lessen zijn (mag leeg)"))
        self.when.setToolTip(
            _(
                "Bijvoorbeeld ‘in de weken van 12 tot en met 23 januari’. De tekst komt zoals "
                "je hem typt in de brief, in elke taal: leeg zegt de brief ‘in de komende "
                "periode’ in de taal van de brief."
            )
        )
        self.lesson_label.setText(_("Les:"))
        self.level_label.setText(_("Niveau:"))
        if self.lesson.count():
            self._fill_levels()  # the level names in the new language
