"""The privacy check's patterns: e-mail, account, phone, BSN, postcode, address, date of birth,
and the words of interpretation that do not belong in a facts field.

Each ``find_*`` function returns the spans ``(start, end)`` it sees, in text order; the caller
(:func:`desktop.concerns.privacy.check`) settles overlaps between kinds. Every regular
expression is compiled once, at import.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from desktop.concerns.wordlists import phrases, words

Span = tuple[int, int]

# ---------------------------------------------------------------- e-mail and accounts

EMAIL = re.compile(
    r"(?<![\w.%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}(?![\w-])"
)

# "@naam" that is not part of an e-mail address or a URL.
AT_HANDLE = re.compile(r"(?<![\w@.%+/-])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@])")

SOCIAL_URL = re.compile(
    r"(?<![\w.-])(?:https?://)?(?:www\.|m\.|vm\.)?"
    r"(?:instagram\.com|instagr\.am|tiktok\.com|snapchat\.com|facebook\.com|fb\.com|x\.com"
    r"|twitter\.com|t\.me|telegram\.me|youtube\.com|twitch\.tv|onlyfans\.com|linktr\.ee)"
    r"/[^\s\"'<>()\[\]]*[^\s\"'<>()\[\].,;:!?]",
    re.IGNORECASE,
)

_PLATFORM = r"(?:snap(?:chat)?|insta(?:gram)?|ig|tik\s?tok|telegram|discord|twitter)"
_HANDLE_VALUE = r"@?(?P<value>[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)(?![\w@])"
# "snap: naam", "insta = naam", "Snapchat-naam: naam"
LABELLED_HANDLE = re.compile(
    rf"(?<!\w){_PLATFORM}(?:[-\s]?(?:naam|name|account|handle|id))?\s*[:=]\s*{_HANDLE_VALUE}",
    re.IGNORECASE,
)
# "snapnaam bigboy.0102", "op insta als lisa_xo": only values that look like an account name.
NAMED_HANDLE = re.compile(
    rf"(?<!\w){_PLATFORM}(?:[-\s]?(?:naam|name|account|handle))?\s+(?:(?:is|was|heet)\s+|als\s+)?"
    rf"{_HANDLE_VALUE}",
    re.IGNORECASE,
)
_HANDLE_MARK = re.compile(r"[0-9_.]")
_LETTER = re.compile(r"[A-Za-z]")
# After "snap:" an ordinary word is no account name ("snap: geen", "insta: privé").
_NOT_A_HANDLE = words(
    "geen niet nee ja onbekend privé prive account accounts heeft had is was de het een en of "
    "via zelf wel niks niets gevonden verwijderd geblokkeerd dezelfde zelfde"
)


def find_emails(text: str) -> Iterator[Span]:
    for match in EMAIL.finditer(text):
        yield match.span()


def find_handles(text: str) -> Iterator[Span]:
    for match in SOCIAL_URL.finditer(text):
        yield match.span()
    for match in AT_HANDLE.finditer(text):
        yield match.span()
    for match in LABELLED_HANDLE.finditer(text):
        value = match.group("value")
        if _HANDLE_MARK.search(value) or value.casefold() not in _NOT_A_HANDLE:
            yield match.span("value")
    for match in NAMED_HANDLE.finditer(text):
        value = match.group("value")
        if len(value) >= 3 and _HANDLE_MARK.search(value) and _LETTER.search(value):
            yield match.span("value")


# ---------------------------------------------------------------- phone numbers

# Dutch numbers: 0 and nine digits (06-12345678, 010-1234567, 020 123 4567), or +31 / 0031 and
# nine digits (+31 6 1234 5678, +31 (0)6 ...). Separators: spaces, one dash or dot between groups.
PHONE = re.compile(
    r"(?<![\w+.,/-])"
    r"(?:(?:\+|00)\s?31\s?(?:\(0\)\s?)?(?:[-.]\s?)?|\(0(?=\d{1,3}\))|0)"
    r"\d(?:\)?(?:\s?[-.]\s?|\s)?\d){8}"
    r"(?!\d|[.,]\d)"
)
_DIGIT = re.compile(r"\d")
# Public service numbers (0800 free, 0900/0906/0909 paid) are fine in text: help lines.
_SERVICE_PREFIXES = ("0800", "0900", "0906", "0909")
# A date followed by a time ("06-12-2010 14") is no phone number.
_DATE_LIKE = re.compile(r"\(?0?\d\s?[-./]\s?\d{1,2}\s?[-./]\s?(?:19|20)\d\d")


def find_phones(text: str) -> Iterator[Span]:
    for match in PHONE.finditer(text):
        found = match.group()
        digits = "".join(_DIGIT.findall(found))
        national = "0" + digits[-9:]
        if national.startswith(_SERVICE_PREFIXES) or _DATE_LIKE.match(found):
            continue
        yield match.span()


# ---------------------------------------------------------------- BSN

BSN = re.compile(
    r"(?<![\w.,+/€-])(?<!\d )"
    r"(?:\d{9}|\d{8}|\d{3}[. ]\d{3}[. ]\d{3}|\d{4}[. ]\d{2}[. ]\d{3}"
    r"|\d{3}[. ]\d{2}[. ]\d{2}[. ]\d{2}|\d{2}[. ]\d{3}[. ]\d{3})"
    r"(?!\w|[.,]\d|[ ]\d|[-/]\d)"
)
_MONEY_BEFORE = re.compile(r"(?:€|eur|euro)\s*$", re.IGNORECASE)
_MONEY_AFTER = re.compile(r"\s*(?:€|eur\b|euro)", re.IGNORECASE)
_ELFPROEF_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)


def passes_elfproef(digits: str) -> bool:
    """Whether nine digits (or eight, read with a leading zero) pass the BSN's 11-proef.

    9*d1 + 8*d2 + ... + 2*d8 - 1*d9 must be divisible by 11, and not all digits be zero.
    """
    if len(digits) == 8:
        digits = "0" + digits
    if len(digits) != 9 or not digits.isdigit() or digits == "000000000":
        return False
    pairs = zip(_ELFPROEF_WEIGHTS, digits, strict=True)
    total = sum(weight * int(digit) for weight, digit in pairs)
    return total % 11 == 0


def find_bsns(text: str) -> Iterator[Span]:
    for match in BSN.finditer(text):
        start, end = match.span()
        if _MONEY_BEFORE.search(text, max(0, start - 6), start) or _MONEY_AFTER.match(text, end):
            continue
        if passes_elfproef("".join(_DIGIT.findall(match.group()))):
            yield start, end


# ---------------------------------------------------------------- postcode

# "1234 AB" or "1234AB", capital letters only (so "2026 en" is a year), never SA, SD or SS
# (PostNL leaves them out); a house number after it is part of the finding.
POSTCODE = re.compile(
    r"(?<![\w.,/-])[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}(?![\w-])"
    r"(?:,?\s(?:nr\.?\s?)?\d{1,5}(?:-?[A-Za-z](?![\w])|-\d{1,4})?(?![\w.,]\w|[.,]\d|\s?(?:uur|keer)))?"
)


def find_postcodes(text: str) -> Iterator[Span]:
    for match in POSTCODE.finditer(text):
        yield match.span()


# ---------------------------------------------------------------- address

STREET_SUFFIXES = (
    "straat|straatje|straatweg|weg|laan|laantje|plein|pleintje|gracht|kade|singel|dijk|dreef"
    "|hof|hofje|pad|steeg|steegje|plantsoen|park|markt|baan|wal|burgwal|haven|veld|erf"
    "|allee|boulevard|zijde|oord|kamp|hoeve|brink|weide|vaart|wetering|passage|promenade"
    "|galerij|poort|kwartier|hage|gaarde|akker|vliet"
)
_STREET_TYPES = r"Laan|Weg|Plein|Markt|Kade|Singel|Gracht|Dreef|Hof|Dijk|Straat|Park|Ring|Wal|Haven"
_PARTICLE = r"(?:van|de|der|den|het|'t|ter|ten|te|op|aan|in|bij|la|le)"
_LEAD_WORD = r"(?!(?:Op|In|Aan|Naar|Bij|Ook|En|Of|Adres|Thuisadres|Postadres|Woont|Via)\s)"
_HOUSE_NUMBER = (
    r"\d{1,4}(?:\s?[A-Za-z](?![\w])|-\d{1,4}(?![\w])|\s?-?(?:bis|hs|huis|I{1,3})(?![\w]))?"
)
ADDRESS = re.compile(
    r"(?<![\w-])(?:"
    # "Dorpsstraat 12", "Burgemeester de Vlugtlaan 125", "Van Speijkstraat 81"
    rf"(?:{_LEAD_WORD}[A-Z][\w'’.-]*\s+(?:{_PARTICLE}\s+)*){{0,3}}"
    rf"[A-Z][\w'’-]*?(?:{STREET_SUFFIXES})"
    # "Laan van Meerdervoort 55", "Plein 1944"
    rf"|(?:{_STREET_TYPES})(?:\s+{_PARTICLE}){{0,3}}(?:\s+[A-Z][\w'’-]*){{0,2}}"
    r")"
    rf"\s+{_HOUSE_NUMBER}"
    r"(?![\w.,]\d|[.,]\d|\s*(?:keer|uur|minuten|min|dagen|weken|maanden|jaar|euro|procent|%"
    r"|leerlingen|jongens|meisjes|x\b))"
)


def find_addresses(text: str) -> Iterator[Span]:
    for match in ADDRESS.finditer(text):
        yield match.span()


# ---------------------------------------------------------------- date of birth

_MONTHS = (
    "(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
    r"|(?:jan|feb|febr|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)\.?)"
)
_DATE = (
    r"(?:\d{1,2}\s?[-/.]\s?\d{1,2}\s?[-/.]\s?(?:\d{4}|\d{2})"
    r"|(?:19|20)\d\d-\d{1,2}-\d{1,2}"
    rf"|\d{{1,2}}(?:e|ste|de)?\s+{_MONTHS}(?:\s+(?:19|20)\d\d)?)"
)
_BIRTH_TRIGGER = (
    r"(?:geboren|geb\.?\s?datum|geb\.?|geboortedatum|geboortedag|verjaardag|jarig|"
    r"d\.o\.b\.?|dob)"
)
# The trigger, then at most three short words ("op", "van het zusje"), then the date.
BIRTH_DATE = re.compile(
    rf"(?<![\w.]){_BIRTH_TRIGGER}(?:[\s:.,]+[^\W\d_]{{1,12}}){{0,3}}?[\s:.,]+(?P<date>{_DATE})"
    r"(?![\w]|[-/.]\d)",
    re.IGNORECASE,
)


def find_birth_dates(text: str) -> Iterator[Span]:
    for match in BIRTH_DATE.finditer(text):
        yield match.span("date")


# ---------------------------------------------------------------- words of interpretation

INTERPRETATION_PHRASES = phrases(
    "ik denk, denk, denkt, denken, dacht, dachten, het lijkt erop, het lijkt alsof,"
    "het leek alsof, lijkt alsof, leek alsof, lijkt, lijken, leek, leken, waarschijnlijk,"
    "vermoedelijk, vermoed, vermoedt, vermoeden, ik vermoed, misschien, wellicht,"
    "mogelijkerwijs, volgens mij, volgens ons, naar mijn idee, naar mijn mening, mijns inziens,"
    "ik heb het gevoel, het gevoel, gevoelsmatig, onderbuikgevoel, buikgevoel, ik heb het idee,"
    "het idee, ik heb de indruk, de indruk, vast, zal wel, zullen wel, zou wel, kennelijk,"
    "blijkbaar, schijnbaar, ogenschijnlijk, klaarblijkelijk, ongetwijfeld, zeker weten,"
    "naar verluidt, het zou kunnen, zou kunnen, kan zijn dat, ik vind, wij vinden, ik geloof,"
    "ik verwacht, ik ga ervan uit, ik neem aan, alsof, schijnt"
)
INTERPRETATION = re.compile(
    r"(?<!\w)(?:"
    + "|".join(
        r"\s+".join(map(re.escape, phrase.split()))
        for phrase in sorted(INTERPRETATION_PHRASES, key=len, reverse=True)
    )
    + r")(?!\w)",
    re.IGNORECASE,
)
# "vast" as in "zat vast", "houdt de telefoon vast", "vast komen te zitten" is no guess.
_STUCK_BEFORE = re.compile(
    r"\b(?:zat|zit|zitten|zaten|houdt|hield|hielden|houden|hou|pakt|pakte|pakten|zet|zette|"
    r"bond|bindt|ligt|lag|staat|stond|liep|loopt|plakt|plakte|klemt)\b(?:\s+\S+){0,3}\s*$",
    re.IGNORECASE,
)
_STUCK_AFTER = re.compile(
    r"\s+(?:te\s+)?(?:komen|zitten|houden|pakken|leggen|zetten|binden|staan|lopen|aan)\b",
    re.IGNORECASE,
)
_QUOTE_PAIRS = re.compile(r"\"[^\"\n]*\"|“[^”\n]*”|„[^”“\n]*[”“]")


def find_interpretations(text: str) -> Iterator[Span]:
    """Words of interpretation, outside quoted words (a pupil's own words are facts)."""
    quoted = [match.span() for match in _QUOTE_PAIRS.finditer(text)]
    for match in INTERPRETATION.finditer(text):
        start, end = match.span()
        if any(q_start < start and end < q_end for q_start, q_end in quoted):
            continue
        if match.group().casefold() == "vast" and (
            _STUCK_BEFORE.search(text, max(0, start - 40), start) or _STUCK_AFTER.match(text, end)
        ):
            continue
        yield start, end
