"""The word lists behind the name check, shipped as text files in ``resources/concerns/``.

- ``first_names.txt``: first names common among pupils, parents and staff in the Netherlands;
- ``surnames.txt``: common surnames, with their tussenvoegsel ("de Vries", "van den Berg");
- ``name_words.txt``: names that are also ordinary words or months (Roos, Bas, Mei, Bakker);
- ``not_names.txt``: capitalised words and phrases that name no person (Veilig Thuis,
  Snapchat, Utrecht, Wiskunde, Mentor).

A prevention worker can read and extend them: one entry a line, ``#`` starts a comment. They
are read once, on first use (:func:`word_lists`). Matching ignores case and accents, so
"Şahin", "Sahin" and "sahin" are one name.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from toolkit.resources import resource_path

# A word as the name check sees it: letters, joined by an apostrophe or a hyphen ("Anne-Sophie",
# "D'Angelo", "Mila's"); never part of an e-mail address, a URL or an account (@naam).
WORD = re.compile(r"(?<![\w@#/\\.&+])[^\W\d_]+(?:['’-][^\W\d_]+)*(?![\w@]|\.\w|['’-]\w)")

# Words that join the parts of a surname: "van den Berg", "El Amrani", "ter Horst".


def words(text: str) -> frozenset[str]:
    """The words of ``text``, split on white space: lists of words kept readable in code."""
    return frozenset(text.split())


def phrases(text: str) -> tuple[str, ...]:
    """The comma-separated phrases of ``text``, stripped."""
    return tuple(phrase.strip() for phrase in text.split(",") if phrase.strip())


TUSSENVOEGSELS = words(
    "van de der den het t ten ter te in op uit aan el al la le da dos du di del della bin ibn "
    "abu ait ould"
)
# The runs of them that stand between a first name and a surname ("Tess van der Linden").
TUSSENVOEGSEL_RUNS = frozenset(
    tuple(run.split())
    for run in phrases(
        "van, de, der, den, ten, ter, te, t, van de, van der, van den, van het, van t, in t, "
        "in het, op de, op den, op t, uit de, uit den, de la, de le, el, al, la, le, da, dos, du, "
        "di, del, della, bin, ibn, abu, ait, ould"
    )
)

_NOT_IN_KEYS = str.maketrans({"ı": "i", "’": "'", "ł": "l", "Ł": "l", "đ": "d", "ø": "o"})


def key(word: str) -> str:
    """A word as the lists are searched: without accents, case-folded ("Öztürk" -> "ozturk")."""
    decomposed = unicodedata.normalize("NFKD", word.translate(_NOT_IN_KEYS))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def phrase_keys(phrase: str) -> tuple[str, ...]:
    """The keys of a phrase's words, as :data:`WORD` splits running text."""
    return tuple(key(match.group()) for match in WORD.finditer(phrase))


@dataclass(frozen=True)
class WordLists:
    first_names: frozenset[str]
    surnames: frozenset[str]
    """Surnames without a tussenvoegsel ("jansen"), and the last word of the others."""
    full_surnames: frozenset[tuple[str, ...]]
    """Surnames with a tussenvoegsel, as keys: ("van", "den", "berg")."""
    name_words: frozenset[str]
    not_names: frozenset[str]
    """Single words that name no person."""
    phrases: dict[str, tuple[tuple[str, ...], ...]]
    """Phrases that name no person, by their first word: "veilig" -> (("thuis",),)."""


def _entries(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def load(folder: Path) -> WordLists:
    """Read the four lists from ``folder``."""
    first = {key(name) for name in _entries(folder / "first_names.txt")}
    single: set[str] = set()
    full: set[tuple[str, ...]] = set()
    for name in _entries(folder / "surnames.txt"):
        keys = phrase_keys(name)
        if not keys:
            continue
        if len(keys) > 1 and keys[0] in TUSSENVOEGSELS:
            full.add(keys)
        elif len(keys) == 1:
            single.add(keys[0])
        else:
            full.add(keys)
    words: set[str] = set()
    phrases: dict[str, list[tuple[str, ...]]] = {}
    for entry in _entries(folder / "not_names.txt"):
        keys = phrase_keys(entry)
        if len(keys) == 1:
            words.add(keys[0])
        elif keys:
            phrases.setdefault(keys[0], []).append(keys[1:])
    return WordLists(
        first_names=frozenset(first),
        surnames=frozenset(single),
        full_surnames=frozenset(full),
        name_words=frozenset(key(word) for word in _entries(folder / "name_words.txt")),
        not_names=frozenset(words),
        phrases={
            first: tuple(sorted(tails, key=len, reverse=True)) for first, tails in phrases.items()
        },
    )


@cache
def word_lists() -> WordLists:
    """The shipped lists, read on first use and kept."""
    return load(resource_path("concerns"))
