"""Printing from the app: a school's own contact that does not fit says which setting to change."""

from __future__ import annotations

import pytest

from desktop.printing import signal_card_pdf
from desktop.settings import Settings

LONG = Settings(  # fits on the A3 poster, not on the A4 one
    school_name="Scholengemeenschap " + "De Lange Naam " * 4,
    coordinator_name="Anna-Maria " + "van den Berg-Jansen " * 3,
    coordinator_role="Zorgcoördinator " + "en aandachtsfunctionaris " * 3,
    coordinator_phone="030-1234567",
    coordinator_email="zorgcoordinator." + "heel.lang" * 4 + "@school.nl",
)


def test_a_contact_too_long_for_the_a4_poster_names_the_settings_and_a3() -> None:
    with pytest.raises(ValueError, match="te lang voor dit formaat") as caught:
        signal_card_pdf(LONG, "nl", "poster", "a4")
    assert "Instellingen" in str(caught.value)
    assert "A3" in str(caught.value)
    assert signal_card_pdf(LONG, "nl", "poster", "a3").startswith(b"%PDF")


def test_an_ordinary_contact_prints() -> None:
    ordinary = Settings(school_name="De Brug", coordinator_name="J. de Vries")
    assert signal_card_pdf(ordinary, "nl", "poster", "a4").startswith(b"%PDF")


def test_a_school_name_too_long_for_the_card_names_the_school_name() -> None:
    long_name = Settings(
        school_name="X" * 200, coordinator_name="A. Jansen", coordinator_phone="010-1234567"
    )  # what the settings accept
    with pytest.raises(ValueError, match="naam van de school") as caught:
        signal_card_pdf(long_name, "nl", "pocket")
    assert "Instellingen" in str(caught.value)
