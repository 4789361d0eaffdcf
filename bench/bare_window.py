"""The reference for start-up and bundle size: a bare PySide6 window that quits on first paint."""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget


class QuitOnFirstPaint(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self.app = app
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            QTimer.singleShot(0, self.app.quit)
        return False


def main() -> int:
    app = QApplication(sys.argv)
    window = QWidget()
    window.setWindowTitle("bare")
    window.resize(1200, 780)
    watcher = QuitOnFirstPaint(app)
    window.installEventFilter(watcher)
    window.show()
    return int(app.exec())


if __name__ == "__main__":
    raise SystemExit(main())
