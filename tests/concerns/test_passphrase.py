"""Passphrase strength: weak ones refused with Dutch advice, sentences accepted, the school's
name and the app's own words counted against, the vault's minimum kept, fast per keystroke."""

from __future__ import annotations

import time

import pytest

from desktop import i18n
from desktop.concerns.passphrase import ASSESSED_CHARS, Strength, assess, crack_time
from desktop.vault import kdf
from desktop.vault.errors import PassphraseTooShort

SCHOOL = "Het Baken-College"


@pytest.mark.parametrize(
    "passphrase",
    ["welkom123456", "wachtwoord1234", "qwertyuiop12", "aaaaaaaaaaaaaaaa", "12345678901234"],
)
def test_weak_passphrases_are_refused_with_advice(passphrase: str) -> None:
    strength = assess(passphrase)
    assert strength.score < 3
    assert not strength.acceptable
    assert strength.label in {"Heel zwak", "Zwak", "Matig"}
    assert "woorden" in strength.advice or "weg" in strength.advice
    assert strength.crack_time


@pytest.mark.parametrize(
    "passphrase",
    [
        "de fiets staat bij de bakker om de hoek",
        "mijn kat slaapt graag op de verwarming",
        "correct horse battery staple",
    ],
)
def test_sentences_of_ordinary_words_are_accepted(passphrase: str) -> None:
    strength = assess(passphrase, context=[SCHOOL])
    assert strength.acceptable
    assert strength.score >= 3
    assert strength.label in {"Goed", "Sterk"}
    assert strength.crack_time == "meer dan een eeuw"


def test_zxcvbns_english_feedback_is_never_shown() -> None:
    for passphrase in ("password1234", "qwerty123456", "aaaaaaaaaaaa", "19-03-2021 12"):
        advice = assess(passphrase).advice
        for english in ("Add another word", "Avoid", "This is a", "Use a few words"):
            assert english not in advice


def test_the_school_name_and_the_apps_words_count_against() -> None:
    alone = assess("hetbakencollege!")
    with_school = assess("hetbakencollege!", context=[SCHOOL])
    assert with_school.score < alone.score
    assert not with_school.acceptable
    assert "naam van de school" in with_school.advice
    for word in ("schoolsignaalkluis", "kluiswachtwoord"):
        strength = assess(word)
        assert not strength.acceptable, word
        assert "kluis" in strength.advice


def test_the_vaults_minimum_length_holds_whatever_the_score() -> None:
    short = "Zq8#vW3!pL"  # strong for its length, yet shorter than the vault takes
    assert len(short) < kdf.MIN_PASSPHRASE_CHARS
    strength = assess(short)
    assert not strength.acceptable
    assert strength.advice == PassphraseTooShort(kdf.MIN_PASSPHRASE_CHARS).message()


def test_acceptable_means_the_vault_takes_it() -> None:
    for passphrase in ("de fiets staat bij de bakker", "een lange zin als wachtwoord"):
        if assess(passphrase).acceptable:
            assert kdf.check_passphrase(passphrase) == passphrase


def test_an_empty_passphrase_has_no_meter_only_the_rule() -> None:
    assert assess("") == Strength(
        0, False, "", PassphraseTooShort(kdf.MIN_PASSPHRASE_CHARS).message(), ""
    )


def test_a_passphrase_longer_than_the_vault_takes_is_refused() -> None:
    strength = assess("de fiets staat bij de bakker " * 40)
    assert len("de fiets staat bij de bakker " * 40) > kdf.MAX_PASSPHRASE_CHARS
    assert not strength.acceptable
    assert "te lang" in strength.advice


def test_crack_time_in_dutch_words() -> None:
    assert crack_time(0.2) == "minder dan een seconde"
    assert crack_time(1) == "ongeveer 1 seconde"
    assert crack_time(40) == "ongeveer 40 seconden"
    assert crack_time(60 * 17) == "ongeveer 17 minuten"
    assert crack_time(3600 * 5) == "ongeveer 5 uur"
    assert crack_time(86400 * 3) == "ongeveer 3 dagen"
    assert crack_time(86400 * 31 * 4) == "ongeveer 4 maanden"
    assert crack_time(86400 * 365 * 49) == "ongeveer 49 jaar"
    assert crack_time(1e20) == "meer dan een eeuw"
    assert crack_time(float("inf")) == "meer dan een eeuw"


def test_english_words_for_an_english_app() -> None:
    i18n.set_language("en")
    strength = assess("welkom123456")
    assert strength.label in {"Very weak", "Weak", "Fair"}
    assert crack_time(86400 * 31 * 4) == "about 4 months"
    assert "words" in strength.advice


def test_fast_enough_for_every_keystroke() -> None:
    assess("warm up")  # loads zxcvbn's word lists once
    typed = "de fiets staat bij de bakker om de hoek!"
    started = time.perf_counter()
    for end in range(1, len(typed) + 1):  # one call per keystroke
        assess(typed[:end], context=[SCHOOL])
    per_call = (time.perf_counter() - started) / len(typed)
    assert per_call < 0.03, f"{per_call * 1000:.1f} ms a call"


def test_only_the_beginning_of_a_long_passphrase_is_weighed() -> None:
    beginning = "de fiets staat bij de bakker om de hoek en de kat"[:ASSESSED_CHARS]
    longer = beginning + " " + "x" * 900
    started = time.perf_counter()
    strength = assess(longer)
    assert time.perf_counter() - started < 0.5
    assert strength.score == assess(beginning).score


def test_phrases_of_common_dutch_words_and_the_schools_name_are_refused() -> None:
    from desktop.concerns.passphrase import assess

    school = ["Het Baken College"]
    for weak in ("ik hou van jou", "het baken college", "Het Baken College 2026"):
        assert not assess(weak, context=school).acceptable, weak
    assert assess("paarse olifanten dansen op het dak", context=school).acceptable
