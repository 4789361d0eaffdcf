"""A widget that shows one audience slide, letterboxed to 16:9."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.classroom.presenter import AudienceSlide
from desktop.ui.presenter.render import SlideRenderer


class SlideCanvas(QWidget):
    def __init__(self, renderer: SlideRenderer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.renderer = renderer
        self.view: AudienceSlide | None = None
        self.blank: str | None = None
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumSize(160, 90)

    def show_view(self, view: AudienceSlide | None, blank: str | None = None) -> None:
        self.view, self.blank = view, blank
        self.update()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width * 9 // 16

    def sizeHint(self) -> QSize:
        return QSize(640, 360)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        self.renderer.paint(painter, QRectF(self.rect()), self.view, self.blank)
        painter.end()
