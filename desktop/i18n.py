"""UI translations: ``_``, ``ngettext`` and ``N_`` over gettext catalogs compiled by Babel.

Message ids are Dutch, the app's first language; ``resources/locale/en`` translates them to
English. Import the functions explicitly (``from desktop.i18n import _``); nothing is put in
builtins. Strings defined at module level are marked with ``N_`` and translated with ``_``
when shown, so that a language switch re-translates them.

Dates and numbers go through Babel (:func:`format_date`, :func:`format_number`), loaded on
first use so that start-up does not pay for it.
"""

from __future__ import annotations

import datetime as dt
import gettext
import logging
from collections.abc import Callable
from pathlib import Path

from toolkit.resources import resource_path

log = logging.getLogger(__name__)

DOMAIN = "schoolsignaal"
LANGUAGES: tuple[str, ...] = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = DEFAULT_LANGUAGE
_listeners: list[Callable[[str], None]] = []


def locale_dir() -> Path:
    return resource_path("locale")


def _(message: str) -> str:
    """Translate ``message`` (a Dutch message id) into the current language."""
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate with a plural form chosen by ``n``."""
    return _translations.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it now."""
    return message


def current_language() -> str:
    return _language


def set_language(language: str) -> None:
    """Switch the catalog used by ``_``; listeners are told (the UI re-translates)."""
    global _translations, _language
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}; choose one of {LANGUAGES}")
    _translations = _load(language)
    _language = language
    for listener in list(_listeners):
        listener(language)


def on_language_changed(listener: Callable[[str], None]) -> None:
    _listeners.append(listener)


def _load(language: str) -> gettext.NullTranslations:
    if language == DEFAULT_LANGUAGE:
        return gettext.NullTranslations()  # message ids are Dutch
    try:
        return gettext.translation(DOMAIN, localedir=locale_dir(), languages=[language])
    except FileNotFoundError:
        # A source tree where `make catalogs` has not run: compile the .po in memory.
        po_file = locale_dir() / language / "LC_MESSAGES" / f"{DOMAIN}.po"
        if not po_file.exists():
            log.warning("no catalog for language %s; showing Dutch", language)
            return gettext.NullTranslations()
        log.warning("compiled catalog for %s missing; reading the .po file", language)
        return _translations_from_po(po_file)


def _translations_from_po(po_file: Path) -> gettext.NullTranslations:
    import io

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po_file.open("rb") as handle:
        catalog = read_po(handle)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def format_date(value: dt.date, fmt: str = "long") -> str:
    """A date in the current language, e.g. ``22 november 2026`` or ``22 November 2026``."""
    from babel.dates import format_date as babel_format_date

    return babel_format_date(value, format=fmt, locale=_language)


def format_datetime(value: dt.datetime, fmt: str = "medium") -> str:
    from babel.dates import format_datetime as babel_format_datetime

    return babel_format_datetime(value, format=fmt, locale=_language)


def format_number(value: float) -> str:
    """A number in the current language: ``1.234,5`` in Dutch, ``1,234.5`` in English."""
    from babel.numbers import format_decimal

    return format_decimal(value, locale=_language)
