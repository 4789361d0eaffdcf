"""Windows that open at a size that fits the screen, and where they were last time.

The rules are Qt-free (``desktop.classroom.screen_layout.fit_window``); this module reads the
screens and the window, and keeps the result in ``desktop.window_state``.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from desktop.classroom.screen_layout import Rect, fit_window
from desktop.window_state import WindowPlace, WindowStates


def rect_of(rect: QRect) -> Rect:
    return Rect(rect.x(), rect.y(), rect.width(), rect.height())


def qrect(rect: Rect) -> QRect:
    return QRect(rect.x, rect.y, rect.width, rect.height)


def available_areas(first: QScreen | None = None) -> list[Rect]:
    """Every screen's available area, ``first`` (else the primary screen's) first."""
    first = first or QGuiApplication.primaryScreen()
    screens = QGuiApplication.screens()
    ordered = ([first] if first is not None else []) + [s for s in screens if s is not first]
    return [rect_of(s.availableGeometry()) for s in ordered]


def restore_place(
    window: QWidget,
    states: WindowStates | None,
    name: str,
    default: tuple[int, int],
    areas: list[Rect],
) -> bool:
    """Give ``window`` its last size and place (or ``default``), fitted into ``areas``;
    True when it was maximised last time (the caller shows it so)."""
    saved = states.get(name) if states is not None else None
    minimum = (window.minimumWidth(), window.minimumHeight())
    rect = fit_window(saved.rect if saved else None, default, minimum, areas)
    # A small screen: the window may be smaller than its usual minimum, never larger than it.
    window.setMinimumSize(min(minimum[0], rect.width), min(minimum[1], rect.height))
    window.setGeometry(qrect(rect))
    return saved is not None and saved.maximized


def remember_place(window: QWidget, states: WindowStates | None, name: str) -> None:
    """Keep ``window``'s size and place for the next run (its normal size when maximised)."""
    if states is None:
        return
    maximized = window.isMaximized() or window.isFullScreen()
    geometry = window.normalGeometry() if maximized else window.geometry()
    if geometry.isEmpty():
        geometry = window.geometry()
    states.put(name, WindowPlace(rect_of(geometry), window.isMaximized()))
