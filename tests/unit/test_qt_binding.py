"""The Qt binding itself: a PySide6 that loses references to None aborts the app.

PySide6 6.12.0 under Python 3.11 (where None is not yet immortal) drops a reference to None
on every call of a void method; after a few thousand calls the interpreter aborts with
"deallocating None". This test fails on such a binding, so a version bump cannot bring it back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QRectF
from PySide6.QtGui import QColor, QImage, QPainter


def test_void_calls_keep_none_alive(qapp: object) -> None:
    thing = QObject()
    image = QImage(16, 16, QImage.Format.Format_RGB32)
    before = sys.getrefcount(None)
    for _ in range(500):
        thing.setObjectName("x")
        painter = QPainter(image)
        painter.save()
        painter.fillRect(QRectF(0, 0, 4, 4), QColor("black"))
        painter.restore()
        painter.end()
    assert sys.getrefcount(None) - before > -50  # 2,500 lost references on a broken binding
