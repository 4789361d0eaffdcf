"""Small helpers shared by the pages."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox

W = TypeVar("W", bound=QObject)


def named(widget: W, name: str) -> W:
    """Give ``widget`` an object name (for the style sheet and tests) and return it."""
    widget.setObjectName(name)
    return widget


def shrinkable(combo: QComboBox, letters: int = 16) -> QComboBox:
    """A combo box that fits a narrow form: long items are cut in the box, whole in its list."""
    combo.setMinimumContentsLength(letters)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    return combo
