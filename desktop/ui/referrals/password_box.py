"""What the letter dialog says once: the password of a protected PDF, and a print that went
out without its audit event."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.i18n import _


def show_password(parent: QWidget, password: str) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(_("Wachtwoord van de brief"))
    box.setText(
        _(
            "De PDF is versleuteld. Het wachtwoord is:\n\n{password}\n\nGeef het apart door, "
            "bijvoorbeeld telefonisch, niet in dezelfde e-mail. Schoolsignaal bewaart het "
            "nergens en toont het niet nog eens."
        ).format(password=password)
    )
    font = QFont(box.font())
    font.setPointSizeF(font.pointSizeF() * 1.15)
    box.setFont(font)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setObjectName("letterPasswordBox")
    box.open()
    return box


def not_logged(reason: str, to_file: bool) -> str:
    """Why a print is not in the audit log, and what was done about it."""
    if to_file:
        return _(
            "De brief kon niet in de auditlog worden vastgelegd ({reason}). Het PDF-bestand is "
            "weer verwijderd. Probeer het opnieuw."
        ).format(reason=reason)
    return _(
        "De brief is naar de printer gestuurd, maar kon niet in de auditlog worden vastgelegd "
        "({reason}). Haal de afdruk op en vernietig hem, en probeer het opnieuw."
    ).format(reason=reason)
