"""Schoolsignaal, the application: start-up, paths, settings, i18n, the vault, referrals.

Nothing here outside `desktop/ui/` imports QtWidgets; the widgets live in `desktop/ui/`.
"""

from importlib import metadata

APP_NAME = "Schoolsignaal"

try:
    __version__ = metadata.version("schoolsignaal")
except metadata.PackageNotFoundError:  # a source tree that was never installed, or the bundle
    __version__ = "0.1.0"
