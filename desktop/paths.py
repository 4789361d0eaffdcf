"""Every folder the app writes to, in one place.

``--basedir DIR`` (or the environment variable ``SCHOOLSIGNAAL_HOME``) puts data, settings and
logs under DIR: for tests, smoke tests and portable installs. Otherwise the platform's own
folders are used (``QStandardPaths``: ``~/.local/share/Schoolsignaal`` and
``~/.config/Schoolsignaal`` on Linux, ``%APPDATA%\\Schoolsignaal`` on Windows).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths

from desktop import APP_NAME

ENV_HOME = "SCHOOLSIGNAAL_HOME"


@dataclass(frozen=True)
class Paths:
    """The app's folders. Create them with :meth:`ensure` before writing."""

    data: Path
    config: Path
    logs: Path

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.json"

    @property
    def window_state_file(self) -> Path:
        """Where the windows were and how large (``desktop.window_state``): no content at all."""
        return self.config / "vensters.json"

    @property
    def level_file(self) -> Path:
        """The level last chosen for a lesson (``desktop.classroom.level_choice``): one word."""
        return self.config / "niveau.json"

    @property
    def documents(self) -> Path:
        """Printed documents the user saved without choosing a folder (smoke test too)."""
        return self.data / "documenten"

    @property
    def vault_file(self) -> Path:
        return self.data / "kluis.db"

    @property
    def lesson_log_file(self) -> Path:
        return self.data / "lessen-gegeven.json"

    @property
    def pdf_decks(self) -> Path:
        """PDFs added to the Lessen list, each with a JSON beside it
        (``desktop.classroom.pdf_decks``)."""
        return self.data / "lespdfs"

    @property
    def logo_file(self) -> Path:
        return self.data / "logo.png"

    @property
    def app_log(self) -> Path:
        return self.logs / "schoolsignaal.log"

    @property
    def crash_dir(self) -> Path:
        return self.logs / "crashes"

    def ensure(self) -> Paths:
        """Create the folders, readable by this user only."""
        for folder in (self.data, self.config, self.logs, self.crash_dir, self.documents):
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        return self


def resolve(basedir: str | os.PathLike[str] | None = None) -> Paths:
    """The folders for this run: ``basedir``, else ``$SCHOOLSIGNAAL_HOME``, else the platform's."""
    chosen = basedir if basedir is not None else os.environ.get(ENV_HOME) or None
    if chosen is not None:
        base = Path(chosen).expanduser().resolve()
        return Paths(data=base / "data", config=base / "config", logs=base / "logs")
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName("")
    data = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    config = Path(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppConfigLocation)
    )
    return Paths(data=data, config=config, logs=data / "logs")
