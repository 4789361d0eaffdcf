"""The school's profile: saving settings, switching language, and the school's logo.

The settings page calls this; it holds the rules, the page holds the layout.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.i18n import _
from desktop.language import apply_language
from desktop.paths import Paths
from desktop.settings import Settings, SettingsStore, validate
from toolkit.atomic import write_atomic

log = logging.getLogger(__name__)

LOGO_MAX_SIDE = 800
LOGO_MAX_BYTES = 10 * 1024 * 1024


class LogoError(ValueError):
    """The chosen file cannot be used as a logo; the message says why, in the UI language."""


class SchoolProfile(QObject):
    """Current settings, with a signal when they change."""

    changed = Signal(object)  # Settings

    def __init__(self, store: SettingsStore, settings: Settings, paths: Paths) -> None:
        super().__init__()
        self.store = store
        self.settings = settings
        self.paths = paths

    def save(self, values: dict[str, Any]) -> Settings:
        """Validate and store ``values``; raises SettingsError naming every bad field."""
        new = validate({**self.settings.to_json(), **values, "has_logo": self.has_logo()})
        self.store.save(new)
        language_changed = new.language != self.settings.language
        self.settings = new
        if language_changed:
            apply_language(new.language)
        log.info("settings saved")
        self.changed.emit(new)
        return new

    def has_logo(self) -> bool:
        return self.paths.logo_file.exists()

    def import_logo(self, source: str) -> None:
        """Copy an image into the data folder as a PNG, scaled down to a sensible size."""
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
        from PySide6.QtGui import QImage, QImageReader

        reader = QImageReader(source)
        if reader.size().isValid() and reader.size().width() * reader.size().height() > 40e6:
            raise LogoError(_("Deze afbeelding is te groot. Kies een kleiner bestand."))
        try:
            with open(source, "rb") as handle:
                if len(handle.read(LOGO_MAX_BYTES + 1)) > LOGO_MAX_BYTES:
                    raise LogoError(_("Het bestand is groter dan 10 MB. Kies een kleiner bestand."))
        except OSError as err:
            raise LogoError(_("Het bestand kan niet worden gelezen.")) from err
        image = QImage(source)
        if image.isNull():
            raise LogoError(
                _(
                    "Dit bestand is geen afbeelding die Schoolsignaal kan lezen. "
                    "Kies een PNG of JPG."
                )
            )
        if max(image.width(), image.height()) > LOGO_MAX_SIDE:
            image = image.scaled(
                LOGO_MAX_SIDE,
                LOGO_MAX_SIDE,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")  # type: ignore[call-overload]  # stubs say bytes
        write_atomic(self.paths.logo_file, bytes(data.data()))
        self._store_logo_flag(True)

    def remove_logo(self) -> None:
        self.paths.logo_file.unlink(missing_ok=True)
        self._store_logo_flag(False)

    def _store_logo_flag(self, present: bool) -> None:
        self.settings = validate({**self.settings.to_json(), "has_logo": present})
        self.store.save(self.settings)
        self.changed.emit(self.settings)
