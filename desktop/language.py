"""Switch the app's language at run time: our gettext catalog and Qt's own ``qtbase`` one.

Installing or removing a QTranslator makes Qt send ``QEvent.LanguageChange`` to every window;
the widgets re-translate themselves in ``changeEvent``. Where no Qt translator changes (no
``qtbase`` catalog for a language), the event is sent by hand.

Qt 6.11 gave some labels a shortcut letter ("&Look in:", "Files of &type:" in the file
dialog) that its Dutch catalog still has only without one ("Look in:"): `MnemonicFallback`
answers those from the same catalog, so the file dialog reads Dutch throughout.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
)

from desktop import i18n

log = logging.getLogger(__name__)

_qt_translators: list[QTranslator] = []


class MnemonicFallback(QTranslator):
    """Asked only when ``catalog`` has no translation: for a text with a shortcut letter
    (``&``), the catalog's translation of the text without it, with the same letter marked
    where the translation has it."""

    def __init__(self, catalog: QTranslator, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog

    def isEmpty(self) -> bool:
        return False

    def translate(
        self,
        context: str,
        sourceText: str,  # noqa: N803 (Qt's name: an override)
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str:
        if "&" not in sourceText or "&&" in sourceText:
            return ""
        plain = sourceText.replace("&", "", 1)
        found = self.catalog.translate(context, plain, disambiguation, n)
        if not found:
            return ""
        letter = sourceText[sourceText.index("&") + 1].lower()
        return with_mnemonic(found, letter)


def with_mnemonic(text: str, letter: str) -> str:
    """``text`` with ``&`` before ``letter``: at the start of a word if it can, else the first
    place; unchanged when the letter is not in it."""
    lower = text.lower()
    places = [i for i, c in enumerate(lower) if c == letter]
    if not places:
        return text
    word_starts = [i for i in places if i == 0 or not lower[i - 1].isalpha()]
    at = (word_starts or places)[0]
    return text[:at] + "&" + text[at:]


def apply_language(language: str) -> None:
    """Use ``language`` for our strings, Qt's standard buttons and Babel's dates."""
    i18n.set_language(language)
    QLocale.setDefault(QLocale(language))
    app = QCoreApplication.instance()
    if app is None:
        return
    changed = bool(_qt_translators)
    while _qt_translators:
        app.removeTranslator(_qt_translators.pop())
    translator = QTranslator(app)
    if language != "en" and translator.load(f"qtbase_{language}", qt_translations_folder()):
        # installed last is asked first: the catalog, then the fallback
        _qt_translators.extend([MnemonicFallback(translator, app), translator])
        for installed in _qt_translators:
            app.installTranslator(installed)
        changed = True
    elif language != "en":
        log.warning("Qt's own catalog for %s is missing: standard dialogs in English", language)
    if not changed:
        QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))
    log.info("language set to %s", language)


def qt_catalog_loaded() -> bool:
    """Whether Qt's own catalog for the current language is in use (English needs none)."""
    return i18n.current_language() == "en" or bool(_qt_translators)


def qt_translations_folder() -> str:
    """Where Qt's ``qtbase_*.qm`` are: PySide6's folder, or the bundle's (build.spec)."""
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
