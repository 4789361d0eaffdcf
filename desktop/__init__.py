"""Schoolsignaal, the application: start-up, paths, settings, i18n, the vault, referrals.

Nothing here outside `desktop/ui/` imports QtWidgets; the widgets live in `desktop/ui/`.
"""

APP_NAME = "Schoolsignaal"
# Kept equal to pyproject.toml's version by a test; importlib.metadata would cost start-up time.
__version__ = "0.1.0"
