"""What looks like a person's name in free text.

A word is read as a name when it is
- a known first name or surname (:mod:`desktop.concerns.wordlists`), wherever it stands;
- a capitalised word in the middle of a sentence that is on no list of ordinary capitalised
  words (places, organisations, apps, months, subjects, roles), unless an article, possessive
  or place word puts a thing before it ("de Efteling", "een oude Nokia", "in Kabul");
- a name that is also a word (Roos, Bas, Mei) when capitalised in mid-sentence, or at the
  start of a sentence when a verb such as "vertelde" follows ("Roos vertelde");
- the word after a title such as "meneer", "mevrouw", "juf", "dhr." ("juf Roos");
- a known first name typed in lower case ("fatima"), unless it is also a word.

Lower-case ordinary words are never names. Adjacent name words, with a tussenvoegsel between
them, make one finding: "Daan van den Berg", "mevrouw De Vries", "Fatima El Amrani".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from desktop.concerns.wordlists import (
    TUSSENVOEGSEL_RUNS,
    TUSSENVOEGSELS,
    WORD,
    WordLists,
    key,
    word_lists,
)
from desktop.concerns.wordlists import words as _words

Span = tuple[int, int]


# After one of these the next word is a name, whatever else it could be ("meneer Post").
HONORIFICS = _words(
    "meneer mevrouw mevr mw mr dhr juf juffrouw meester mejuffrouw mej dokter dr drs heer"
)
# What a subject does in an observation: "Roos vertelde", "Bas kwam", "Jade zegt".
SUBJECT_VERBS = _words(
    """zei zegt zeggen vertelde vertelt vertelden kwam komt ging gaat liep loopt stapte stapt
    had heeft hadden hebben huilde huilt belde belt appte appt stuurde stuurt kreeg krijgt gaf
    geeft wilde wil mocht mag moest moet werd wordt woont woonde sliep slaapt zat zit stond
    staat droeg draagt toonde toont liet laat vroeg vraagt antwoordde verzuimde verzuimt
    spijbelde spijbelt vertrok verliet reageerde reageert weigerde weigert durfde durft kon kan
    zag ziet hoorde hoort sprak spreekt maakte maakt werkte werkt verdient verdiende rookt
    rookte blowt blowde lacht lachte schreef schrijft meldde meldt noemde noemt zou zal
    ontkende ontkent gaf bleef blijft deelde deelt postte post kocht koopt verkocht verkoopt
    vertelde liegt loog bracht brengt haalde haalt wachtte wacht"""
)
ARTICLES = _words("de het een t der")
POSSESSIVES = _words("mijn zijn haar hun onze ons jouw je uw z'n m'n")
# "in Kabul", "naar Breda", "op Valentijnsdag": a place, a day or a thing follows.
PLACE_WORDS = _words("in naar uit te op richting vanuit nabij rond via tijdens sinds vanaf tot")
MONTHS = _words(
    "januari februari maart april mei juni juli augustus september oktober november december"
)
_TIME_WORDS = _words("in begin eind half medio sinds vanaf tot per na voor")
# A full stop after these ends no sentence: "dhr. Kowalski", "o.a. Fier", "geb. 3 mei".
ABBREVIATIONS = _words(
    """dhr mw mevr mr dr drs ir ing prof geb tel nr bijv bv ca evt zgn resp vs jl enz etc incl
    excl ivm tav mbt vnl st mej ma di wo do vr za zo blz pag jr sr"""
)
_OPENERS = "\"'„“”‘’«»([{*•–—-"
_STREET = re.compile(
    r"(?:straat|straatje|weg|laan|plein|gracht|kade|singel|dijk|dreef|steeg|plantsoen|markt"
    r"|haven|pad|hof|park|burgwal)$"
)
_POSTCODE_BEFORE = re.compile(r"\d{4}\s?[A-Z]{2}(?:\s+\d+[a-z]?)?,?\s+$")
_NUMBER_BEFORE = re.compile(r"\d(?:e|ste|de)?\s*$")
_YEAR_AFTER = re.compile(r"\s+(?:19|20)\d\d(?!\d)")
_ABBREVIATION_BEFORE = re.compile(r"([^\W\d_]+)$")

STRONG: Final = 0  # a name
WEAK: Final = 1  # a capitalised word at a sentence's start: a name only beside a surname
JOINER: Final = 2  # a tussenvoegsel: part of a name only between or before name words
NONE: Final = 3


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    word: str
    key: str

    @property
    def capital(self) -> bool:
        return self.word[:1].isupper()


def tokens_of(text: str) -> list[Token]:
    """The words of ``text``; a possessive "'s" is cut off ("Mila's" -> "Mila")."""
    found = []
    for match in WORD.finditer(text):
        word, start, end = match.group(), match.start(), match.end()
        if len(word) > 3 and word[-2] in "'’" and word[-1] in "sS":
            word, end = word[:-2], end - 2
        found.append(Token(start, end, word, key(word)))
    return found


def find_names(text: str, lists: WordLists | None = None) -> list[Span]:
    """The spans of ``text`` that look like a person's name, in text order."""
    words = lists if lists is not None else word_lists()
    tokens = tokens_of(text)
    if not tokens:
        return []
    reader = _Reader(text, tokens, words)
    roles = [reader.role(i) for i in range(len(tokens))]
    spans: list[Span] = []
    i = 0
    while i < len(tokens):
        if roles[i] == NONE:
            i += 1
            continue
        j = i
        while j + 1 < len(tokens) and roles[j + 1] != NONE and reader.adjacent(j, j + 1):
            j += 1
        spans.extend(reader.names_in_run(roles, i, j))
        i = j + 1
    return spans


class _Reader:
    """One text's tokens and what the lists say of each."""

    def __init__(self, text: str, tokens: list[Token], lists: WordLists) -> None:
        self.text = text
        self.tokens = tokens
        self.lists = lists
        self.in_phrase = self._phrase_tokens()
        self.forced = self._after_honorifics()

    # ------------------------------------------------------------ context

    def adjacent(self, i: int, j: int) -> bool:
        """Whether tokens i and j (i < j) stand next to each other with only spaces between."""
        gap = self.text[self.tokens[i].end : self.tokens[j].start]
        return gap.isspace() and "\n" not in gap

    def _previous(self, i: int) -> Token | None:
        return self.tokens[i - 1] if i > 0 and self.adjacent(i - 1, i) else None

    def _phrase_tokens(self) -> set[int]:
        """Tokens inside a listed phrase that names no person ("Veilig Thuis", "Van Dale")."""
        keys = [token.key for token in self.tokens]
        inside: set[int] = set()
        for i, first in enumerate(keys):
            for tail in self.lists.phrases.get(first, ()):
                if tuple(keys[i + 1 : i + 1 + len(tail)]) == tail:
                    inside.update(range(i, i + 1 + len(tail)))
                    break
        return inside

    def _after_honorifics(self) -> set[int]:
        """Tokens of the name after "meneer", "mevrouw", "juf", "dhr." and the like."""
        forced: set[int] = set()
        tokens = self.tokens
        for i, token in enumerate(tokens[:-1]):
            if token.key not in HONORIFICS:
                continue
            gap = self.text[token.end : tokens[i + 1].start]
            if gap.lstrip(".") == "" or not gap.lstrip(".").isspace() or "\n" in gap:
                continue
            k = i + 1
            while (
                k + 1 < len(tokens) and tokens[k].key in TUSSENVOEGSELS and self.adjacent(k, k + 1)
            ):
                k += 1
            name = tokens[k]
            known = name.key in self.lists.first_names or name.key in self.lists.surnames
            if name.capital or known:
                forced.update(range(i + 1, k + 1))
        return forced

    def starts_sentence(self, i: int) -> bool:
        """Whether token i opens a sentence, a line, or speech after a colon."""
        text = self.text
        j = self.tokens[i].start - 1
        while j >= 0 and (text[j].isspace() or text[j] in _OPENERS):
            if text[j] == "\n":
                return True
            j -= 1
        if j < 0 or text[j] in "!?…:":
            return True
        if text[j] != ".":
            return False
        before = _ABBREVIATION_BEFORE.search(text, max(0, j - 12), j)
        return not (
            before and (len(before.group(1)) == 1 or before.group(1).lower() in ABBREVIATIONS)
        )

    def _thing_before(self, i: int) -> bool:
        """An article, possessive or place word before token i: "de Efteling", "in Kabul"."""
        previous = self._previous(i)
        if previous is None:
            return False
        if previous.key in ARTICLES or previous.key in POSSESSIVES or previous.key in PLACE_WORDS:
            return True
        if previous.word.islower() and previous.word.endswith("e"):  # "een oude Nokia"
            before = self._previous(i - 1)
            return before is not None and (before.key in ARTICLES or before.key in POSSESSIVES)
        return False

    def _month_here(self, i: int) -> bool:
        """A month name used as a month: "3 Mei", "Mei 2026", "begin Mei"."""
        token = self.tokens[i]
        if _NUMBER_BEFORE.search(self.text, max(0, token.start - 6), token.start):
            return True
        if _YEAR_AFTER.match(self.text, token.end):
            return True
        previous = self._previous(i)
        return previous is not None and previous.key in _TIME_WORDS

    def _verb_follows(self, i: int) -> bool:
        nxt = i + 1
        return (
            nxt < len(self.tokens)
            and self.adjacent(i, nxt)
            and self.tokens[nxt].key in SUBJECT_VERBS
        )

    def _listed_surname(self, i: int) -> bool:
        """Token i ends a listed surname with its tussenvoegsel: "van Dam", "de Boer"."""
        parts = [self.tokens[i].key]
        k = i
        while k > 0 and len(parts) < 4 and self.tokens[k - 1].key in TUSSENVOEGSELS:
            if not self.adjacent(k - 1, k):
                break
            k -= 1
            parts.insert(0, self.tokens[k].key)
            if tuple(parts) in self.lists.full_surnames:
                return True
        return False

    # ------------------------------------------------------------ one word

    def role(self, i: int) -> int:
        token, lists = self.tokens[i], self.lists
        k = token.key
        if i in self.forced:
            return STRONG
        if k in HONORIFICS or i in self.in_phrase:
            return NONE
        if k in TUSSENVOEGSELS:
            return JOINER
        if not token.capital:
            lower_name = k in lists.first_names and len(k) >= 4
            if lower_name and k not in lists.name_words and k not in lists.not_names:
                return STRONG
            return NONE
        word = token.word
        if len(word) < 2 or word.isupper() or _mixed_case(word):
            return NONE
        parts = k.split("-")
        if len(parts) > 1 and any(part[:1].islower() for part in word.split("-")[1:]):
            return NONE  # a compound: "Instagram-bericht", "Gucci-tas"
        if self._listed_surname(i):
            return STRONG
        if k in lists.not_names or _STREET.search(k):
            return NONE
        if parts[0] in lists.not_names and parts[0] not in TUSSENVOEGSELS:
            return NONE  # "Rotterdam-Zuid", "Noord-Holland"; not "Al-Masri"
        if _POSTCODE_BEFORE.search(self.text, max(0, token.start - 20), token.start):
            return NONE  # the town after a postcode
        at_start = self.starts_sentence(i)
        if k in lists.name_words:
            if k in MONTHS and self._month_here(i):
                return NONE
            if at_start:
                return STRONG if self._verb_follows(i) else WEAK
            return NONE if self._thing_before(i) else STRONG
        if k in lists.first_names or k in lists.surnames:
            return STRONG
        if any(part in lists.first_names or part in lists.surnames for part in parts):
            return STRONG  # "Anne-Sophie", "Jan-Willem", "Anne-Roxy"
        if at_start:
            return WEAK
        return NONE if self._thing_before(i) else STRONG

    # ------------------------------------------------------------ a run of words

    def names_in_run(self, roles: list[int], first: int, last: int) -> list[Span]:
        """Split a run of adjacent name words and tussenvoegsels into names."""
        groups: list[list[int]] = []
        current: list[int] = []
        pending: list[int] = []
        for i in range(first, last + 1):
            if roles[i] == JOINER:
                pending.append(i)
                continue
            if current and (not pending or self._joins(pending, i)):
                current.extend(pending)
                current.append(i)
            else:
                if current:
                    groups.append(current)
                current = [*self._leading(pending, i), i]
            pending = []
        if current:
            groups.append(current)
        spans = []
        for group in groups:
            kept = self._without_weak_start(roles, group)
            if kept:
                spans.append((self.tokens[kept[0]].start, self.tokens[kept[-1]].end))
        return spans

    def _run_keys(self, indices: list[int]) -> tuple[str, ...]:
        return tuple(self.tokens[i].key for i in indices)

    def _joins(self, tussenvoegsels: list[int], i: int) -> bool:
        """One name across tussenvoegsels ("Tess van der Linden"), or two ("Kevin aan Dylan")."""
        run = self._run_keys(tussenvoegsels)
        if (*run, self.tokens[i].key) in self.lists.full_surnames:
            return True
        return run in TUSSENVOEGSEL_RUNS and self.tokens[i].key not in self.lists.first_names

    def _leading(self, tussenvoegsels: list[int], i: int) -> list[int]:
        """The tussenvoegsels before a name that belong to it: "De Vries", "bij van Dijk"."""
        if not tussenvoegsels:
            return []
        run = self._run_keys(tussenvoegsels)
        if (*run, self.tokens[i].key) in self.lists.full_surnames:
            return tussenvoegsels
        capitalised = self.tokens[tussenvoegsels[0]].capital
        if capitalised and self._joins(tussenvoegsels, i):
            return tussenvoegsels
        return []

    def _without_weak_start(self, roles: list[int], group: list[int]) -> list[int]:
        """A sentence's first word stays only beside a surname: "Sterre de Wit", "Mei Ling"."""
        names = [i for i in group if roles[i] != JOINER]
        if not any(roles[i] == STRONG for i in names):
            return []
        if roles[names[0]] != WEAK:
            return group
        surname_after = any(
            roles[i] == STRONG and self.tokens[i].key not in self.lists.first_names
            for i in names[1:]
        )
        if surname_after:
            return group
        rest = [i for i in group if i > names[0]]
        while rest and roles[rest[0]] == JOINER:
            rest.pop(0)
        return self._without_weak_start(roles, rest) if rest else []


def _mixed_case(word: str) -> bool:
    """A capital inside a word ("TikTok", "McDonald's") marks a brand, not a name; not "IJ"."""
    body = word[2:] if word.startswith("IJ") else word[1:]
    previous = word[:1]
    for char in body:
        if char.isupper() and previous not in "-'’":
            return True
        previous = char
    return False
