"""Questions that never block: a window-modal box whose answer arrives in a callback.

A blocking ``QMessageBox.question`` runs its own event loop; if the vault locks meanwhile
(the hide key, Ctrl+L, idle), the form it belongs to is destroyed inside that loop and the
box with it, twice (a crash). An open box is a child of its form: a lock takes both at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

Button = QMessageBox.StandardButton


def ask(
    parent: QWidget,
    title: str,
    text: str,
    yes: Button,
    then: Callable[[], None],
    *,
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
) -> QMessageBox:
    """Ask ``text`` with ``yes`` and Cancel (the default); call ``then`` after ``yes``."""
    box = QMessageBox(icon, title, text, yes | Button.Cancel, parent)
    box.setDefaultButton(Button.Cancel)
    box.finished.connect(lambda result: then() if result == yes else None)
    box.open()
    return box


def tell(parent: QWidget, title: str, text: str) -> QMessageBox:
    """Say ``text``, without waiting for the answer."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, Button.Ok, parent)
    box.open()
    return box
