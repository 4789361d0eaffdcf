"""Fake screens for the presenter session: what it reads of a QScreen, and nothing else."""

from __future__ import annotations

from PySide6.QtCore import QRect


class FakeScreen:
    def __init__(self, name: str, x: int, y: int, width: int, height: int, panel: int = 28):
        self._name = name
        self._geometry = QRect(x, y, width, height)
        self._available = QRect(x, y + panel, width, height - panel)

    def name(self) -> str:
        return self._name

    def geometry(self) -> QRect:
        return QRect(self._geometry)

    def availableGeometry(self) -> QRect:
        return QRect(self._available)


class FakeScreens:
    """A screen list that a test changes, as plugging in and pulling out does."""

    def __init__(self, *screens: FakeScreen) -> None:
        self.screens = list(screens)

    def __call__(self) -> list[FakeScreen]:
        return list(self.screens)

    def primary(self) -> FakeScreen | None:
        return self.screens[0] if self.screens else None


LAPTOP = FakeScreen("laptop", 0, 0, 1366, 768)
BEAMER = FakeScreen("beamer", 1366, 0, 1920, 1080)
SMALL_LAPTOP = FakeScreen("small", 0, 0, 1024, 768)
