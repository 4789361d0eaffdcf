"""How strong a new passphrase for the vault is, while it is typed.

The estimate is zxcvbn's (Dropbox's model of how attackers guess: dictionaries, names, dates,
keyboard patterns, repeats, l33t), offline and in pure Python. Its English feedback is not
shown; :func:`assess` says in its own Dutch words what to do.

A passphrase is acceptable when the vault would take it (``kdf.check_passphrase``: at least
:data:`~desktop.vault.kdf.MIN_PASSPHRASE_CHARS` characters) *and* zxcvbn scores it 3 or more
("safely unguessable": about 10^8 guesses or more). The crack time is zxcvbn's estimate for
an attacker with a stolen file and a slow hash (10,000 guesses a second); Argon2id at 64 MiB
is slower still, so it is an understatement. Words an attacker would try first count
against it: ``schoolsignaal``, ``kluis``, ``wachtwoord`` and the ``context`` given (the
school's name).

Speed: zxcvbn's work grows with the square of the length and with the number of different
l33t characters (``4@$1!0``). Only the first :data:`ASSESSED_CHARS` characters are weighed:
on the development machine a passphrase of 40 characters takes about 3 ms (95 in 100 under
11 ms, random symbols included), but a string made only of l33t characters about 0.3 s at
that length, so a screen should still wait for a pause in typing (150 ms, say) before it
asks. A longer passphrase is at least as hard to guess as its beginning, so the cap only errs
on the cautious side. (zxcvbn itself refuses more than 72 characters.) The first call also
loads zxcvbn's word lists: about 20 ms.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from desktop.i18n import N_, _, ngettext
from desktop.vault import kdf
from desktop.vault.errors import PassphraseTooShort, VaultError

ASSESSED_CHARS = 48
MIN_SCORE = 4  # score 3 may still mean hours of guessing for a stolen file
# What an attacker who knows where the file comes from tries first; the school's name is
# given as context.
CONTEXT_WORDS: tuple[str, ...] = ("schoolsignaal", "kluis", "wachtwoord", "herstelsleutel")

SCORE_LABELS = (
    N_("Heel zwak"),
    N_("Zwak"),
    N_("Matig"),
    N_("Goed"),
    N_("Sterk"),
)


@dataclass(frozen=True)
class Strength:
    """A passphrase's strength: zxcvbn's ``score`` (0-4), whether the vault should take it
    (``acceptable``), a word for the meter (``label``), what to do (``advice``) and how long
    guessing would take an attacker with a stolen file (``crack_time``, ``ongeveer 3
    maanden``). For an empty passphrase ``label`` and ``crack_time`` are empty."""

    score: int
    acceptable: bool
    label: str
    advice: str
    crack_time: str


def assess(passphrase: str, *, context: Sequence[str] = ()) -> Strength:
    """The strength of ``passphrase``; ``context`` holds words that make it weaker when used
    (the school's name: each of its words counts too). Fast enough for every keystroke."""
    text = kdf.normalise(passphrase)
    if not text:
        return Strength(0, False, "", PassphraseTooShort(kdf.MIN_PASSPHRASE_CHARS).message(), "")
    try:
        kdf.check_passphrase(passphrase)  # the vault's own rule: the same verdict as at saving
        refused = ""
    except VaultError as err:
        refused = err.message()
    from zxcvbn import zxcvbn

    _know_dutch()
    inputs = _inputs(context)
    result = zxcvbn(text[:ASSESSED_CHARS], user_inputs=inputs)
    # zxcvbn guesses each space as a random character, which makes a phrase of common words
    # ("ik hou van jou") look strong: weigh it run together too, and keep the weaker verdict.
    joined = "".join(text.split())
    if joined != text:
        together = zxcvbn(joined[:ASSESSED_CHARS], user_inputs=inputs)
        if float(together["guesses"]) < float(result["guesses"]):
            result = together
    score = int(result["score"])
    seconds = float(result["crack_times_seconds"]["offline_slow_hashing_1e4_per_second"])
    return Strength(
        score=score,
        acceptable=not refused and score >= MIN_SCORE,
        label=_(SCORE_LABELS[score]),
        advice=refused or _advice(score, result["sequence"]),
        crack_time=crack_time(seconds),
    )


def crack_time(seconds: float) -> str:
    """How long ``seconds`` of guessing is, in words: ``minder dan een seconde``,
    ``ongeveer 3 maanden``, ``meer dan een eeuw``."""
    if not math.isfinite(seconds) or seconds >= 100 * _YEAR:
        return _("meer dan een eeuw")
    if seconds < 1:
        return _("minder dan een seconde")
    if seconds < _MINUTE:
        n = round(seconds)
        return ngettext("ongeveer {n} seconde", "ongeveer {n} seconden", n).format(n=n)
    if seconds < _HOUR:
        n = round(seconds / _MINUTE)
        return ngettext("ongeveer {n} minuut", "ongeveer {n} minuten", n).format(n=n)
    if seconds < _DAY:
        n = round(seconds / _HOUR)
        return ngettext("ongeveer {n} uur", "ongeveer {n} uur", n).format(n=n)
    if seconds < _MONTH:
        n = round(seconds / _DAY)
        return ngettext("ongeveer {n} dag", "ongeveer {n} dagen", n).format(n=n)
    if seconds < _YEAR:
        n = round(seconds / _MONTH)
        return ngettext("ongeveer {n} maand", "ongeveer {n} maanden", n).format(n=n)
    n = round(seconds / _YEAR)
    return ngettext("ongeveer {n} jaar", "ongeveer {n} jaar", n).format(n=n)


_MINUTE, _HOUR, _DAY = 60, 3600, 86400
_MONTH, _YEAR = 31 * _DAY, 365 * _DAY


@functools.cache
def _know_dutch() -> None:
    """Teach zxcvbn the most common Dutch words (it ships English lists only), once."""
    from zxcvbn import matching

    from toolkit.resources import resource_path

    path = resource_path("concerns", "common_dutch_words.txt")
    words = [
        line.strip().lower()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    matching.add_frequency_lists({"dutch": list(dict.fromkeys(words))})


def _inputs(context: Sequence[str]) -> list[str]:
    words = [*CONTEXT_WORDS]
    for item in context:
        item = item.strip().lower()
        if item:
            parts = item.replace("-", " ").split()
            joined = (" ".join(parts), "".join(parts))
            words += [item, *joined, *(part for part in parts if len(part) >= 3)]
    return words


def _advice(score: int, sequence: list[dict[str, Any]]) -> str:
    if score == 4:
        return _(
            "Sterk genoeg. Onthoud het goed: zonder wachtwoord gaat de kluis alleen nog open "
            "met de herstelsleutel."
        )
    if score >= MIN_SCORE:
        return _("Goed genoeg. Met nog een woord erbij wordt het sterker.")
    patterns = {str(match.get("pattern")) for match in sequence}
    dictionaries = {str(match.get("dictionary_name")) for match in sequence}
    if "user_inputs" in dictionaries:
        return _(
            "Laat de naam van de school en woorden als ‘kluis’ of ‘wachtwoord’ weg: die "
            "probeert een aanvaller het eerst."
        )
    if "passwords" in dictionaries:
        return _(
            "Dit lijkt op een veelgebruikt wachtwoord. Maak er een zin van vier of meer "
            "gewone woorden van."
        )
    if patterns & {"repeat", "sequence"}:
        return _(
            "Herhalingen en reeksen zoals ‘aaaa’ of ‘1234’ maken het niet sterker. Maak er "
            "een zin van vier of meer gewone woorden van."
        )
    if "spatial" in patterns:
        return _(
            "Toetsenbordpatronen zoals ‘qwerty’ zijn snel geraden. Maak er een zin van vier "
            "of meer gewone woorden van."
        )
    if patterns & {"date", "regex"}:
        return _(
            "Jaartallen en datums zijn snel geraden. Maak er een zin van vier of meer "
            "gewone woorden van."
        )
    return _("Maak er een zin van vier of meer gewone woorden van, of voeg er woorden aan toe.")
