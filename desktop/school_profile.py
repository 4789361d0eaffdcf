"""The school's profile: saving settings, switching language, and the school's logo.

The settings page calls this; it holds the rules, the page holds the layout.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
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


# The formats a logo may have: what the file dialog offers and what the error message names.
# Qt reads each of them in the app and in the bundle (QImageReader; GIF and SVG by plugins
# that build.spec keeps), tested in tests/ui/test_settings_page.py.
LOGO_FORMATS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("PNG", ("png",)),
    ("JPG", ("jpg", "jpeg")),
    ("BMP", ("bmp",)),
    ("GIF", ("gif",)),
    ("SVG", ("svg",)),
)


def logo_format_names() -> str:
    """ "PNG, JPG, BMP, GIF of SVG", in the current language."""
    names = [name for name, _suffixes in LOGO_FORMATS]
    return _("{names} of {last}").format(names=", ".join(names[:-1]), last=names[-1])


def logo_file_filter() -> str:
    """The file dialog's filter: the same formats as the error message names."""
    patterns = " ".join(f"*.{suffix}" for _name, suffixes in LOGO_FORMATS for suffix in suffixes)
    return _("Afbeeldingen: {formats} ({patterns})").format(
        formats=logo_format_names(), patterns=patterns
    )


class LogoError(ValueError):
    """The chosen file cannot be used as a logo; the message says why, in the UI language."""


@dataclass(frozen=True)
class LogoChange:
    """A logo chosen or removed on the settings page and not saved yet: the image is kept in
    memory (as PNG) and written with the other settings, or forgotten."""

    png: bytes | None  # None: remove the logo


def prepare_logo(source: str) -> LogoChange:
    """Read an image as the new logo: a PNG scaled down to a sensible size, kept in memory."""
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
                "Kies een afbeelding in {formats}."
            ).format(formats=logo_format_names())
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
    return LogoChange(bytes(data.data()))


class SchoolProfile(QObject):
    """Current settings, with a signal when they change."""

    changed = Signal(object)  # Settings

    def __init__(self, store: SettingsStore, settings: Settings, paths: Paths) -> None:
        super().__init__()
        self.store = store
        self.settings = settings
        self.paths = paths

    def save(self, values: dict[str, Any], logo: LogoChange | None = None) -> Settings:
        """Validate and store ``values`` and the logo change, if any, together: raises
        SettingsError naming every bad field (nothing written), or OSError (nothing changed:
        a logo already written is put back)."""
        present = self.has_logo() if logo is None else logo.png is not None
        new = validate({**self.settings.to_json(), **values, "has_logo": present})
        if logo is None:
            self.store.save(new)
        else:
            self._save_with_logo(new, logo)
        language_changed = new.language != self.settings.language
        self.settings = new
        if language_changed:
            apply_language(new.language)
        log.info("settings saved")
        self.changed.emit(new)
        return new

    def _save_with_logo(self, settings: Settings, logo: LogoChange) -> None:
        path = self.paths.logo_file
        before = path.read_bytes() if path.exists() else None
        if logo.png is None:
            path.unlink(missing_ok=True)
        else:
            write_atomic(path, logo.png)
        try:
            self.store.save(settings)
        except OSError:
            if before is None:
                path.unlink(missing_ok=True)
            else:
                write_atomic(path, before)
            raise

    def has_logo(self) -> bool:
        return self.paths.logo_file.exists()

    def logo(self) -> Path | None:
        """The school's logo file for documents, or None when it has none."""
        return self.paths.logo_file if self.has_logo() else None
