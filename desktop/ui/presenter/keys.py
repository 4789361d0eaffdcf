"""The presenter's keys, as in PowerPoint and Impress and as clickers send them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent

from desktop.classroom.presenter import Presentation

NEXT = {Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_PageDown, Qt.Key.Key_Down, Qt.Key.Key_N}
PREVIOUS = {Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Up, Qt.Key.Key_Backspace, Qt.Key.Key_P}
DIGITS = {getattr(Qt.Key, f"Key_{n}"): str(n) for n in range(10)}


class PresenterKeys(QObject):
    """An event filter for both presenter windows: every key does the same in either."""

    def __init__(self, presentation: Presentation, swap: Callable[[], None]) -> None:
        super().__init__()
        self.presentation = presentation
        self.swap = swap
        self.typed = ""  # a slide number being typed, finished with Enter
        self.on_typed: Callable[[str], None] = lambda text: None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self.handle(event)
        return False

    def handle(self, event: QKeyEvent) -> bool:
        key = Qt.Key(event.key())
        if event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            return False
        p = self.presentation
        if key in DIGITS:
            self._type(self.typed + DIGITS[key])
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.typed:
                p.go_to(int(self.typed))
                self._type("")
            else:
                p.next()
            return True
        self._type("")
        if key in NEXT:
            p.next()
        elif key in PREVIOUS:
            p.previous()
        elif key == Qt.Key.Key_Home:
            p.first()
        elif key == Qt.Key.Key_End:
            p.last()
        elif key in (Qt.Key.Key_B, Qt.Key.Key_Period):
            p.toggle_blank("black")
        elif key in (Qt.Key.Key_W, Qt.Key.Key_Comma):
            p.toggle_blank("white")
        elif key == Qt.Key.Key_R:
            p.reveal()
        elif key == Qt.Key.Key_S:
            self.swap()
        elif key == Qt.Key.Key_Escape:
            p.end()
        else:
            return False
        return True

    def _type(self, text: str) -> None:
        self.typed = text[-3:]
        self.on_typed(self.typed)
