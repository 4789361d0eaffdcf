"""Small helpers shared by the pages."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

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


def add_field_row(form: QFormLayout, field: QWidget) -> tuple[QLabel, QLabel]:
    """Add ``field`` to ``form`` with its label (text set by the caller, e.g. on a language
    switch) and, under the field, a hidden error line; returns (label, error)."""
    label = QLabel()
    label.setBuddy(field)
    error = named(QLabel(wordWrap=True), "fieldError")
    error.hide()
    holder = QWidget()
    stack = QVBoxLayout(holder)
    stack.setContentsMargins(0, 0, 0, 0)
    stack.setSpacing(2)
    stack.addWidget(field)
    stack.addWidget(error)
    form.addRow(label, holder)
    return label, error


def scrolled(widget: QWidget) -> QScrollArea:
    """``widget`` in a scroll area that fits its width."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(widget)
    return area
