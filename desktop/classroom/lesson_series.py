"""The lesson series for the app: the library in the current language, loaded once per language.

Loading reads and checks every lesson file (YAML, pydantic); the Lessen page asks for it after
the window has painted, never at start-up.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path

from lessons.library import CONTENT, Library, load_library

log = logging.getLogger(__name__)


@functools.cache
def series(language: str, root: Path = CONTENT) -> Library:
    from lessons.datafile import ContentError
    from toolkit.signal_card import load_signal_card

    try:
        known: set[str] | None = load_signal_card(language).help_line_ids()
    except ContentError:  # the Signalenkaart page says what is wrong with the card
        known = None
    library = load_library(language, root, help_lines=known)
    log.info(
        "lessons loaded: %s ok, %s broken (%s)", len(library.lessons), len(library.broken), language
    )
    return library


def reload(language: str, root: Path = CONTENT) -> Library:
    series.cache_clear()
    return series(language, root)
