"""Switch the app's language at run time: our gettext catalog and Qt's own ``qtbase`` one.

Installing or removing a QTranslator makes Qt send ``QEvent.LanguageChange`` to every window;
the widgets re-translate themselves in ``changeEvent``. Where no Qt translator changes (no
``qtbase`` catalog for a language), the event is sent by hand.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from desktop import i18n

log = logging.getLogger(__name__)

_qt_translator: QTranslator | None = None


def apply_language(language: str) -> None:
    """Use ``language`` for our strings, Qt's standard buttons and Babel's dates."""
    global _qt_translator
    i18n.set_language(language)
    QLocale.setDefault(QLocale(language))
    app = QCoreApplication.instance()
    if app is None:
        return
    changed = False
    if _qt_translator is not None:
        app.removeTranslator(_qt_translator)
        _qt_translator = None
        changed = True
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if language != "en" and translator.load(f"qtbase_{language}", folder):
        app.installTranslator(translator)
        _qt_translator = translator
        changed = True
    if not changed:
        QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))
    log.info("language set to %s", language)
