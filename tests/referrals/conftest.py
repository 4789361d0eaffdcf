"""A vault with one case to write letters from; the recipients and school of a settings file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.recipients import RecipientEntry
from desktop.referrals.compose import LetterContext
from desktop.vault import kdf
from desktop.vault.service import Vault
from desktop.vault.sharing import (
    Basis,
    Consent,
    ConsentForm,
    ConsentFrom,
    NotToldReason,
    Telling,
    Told,
)
from desktop.vault.vocabulary import SharingBasis
from tests.vault.conftest import CHEAP, PASSPHRASE

TODAY = dt.date.today()
UNTICKED = "Zwanetta-onaangevinkt"  # a marker in an entry nobody ticked
INTERPRETED = "Vermoedelijk-rekruteerder"  # a marker in an interpretation
COORDINATOR = RecipientEntry(
    kind="regional_coordinator",
    organisation="Zorgcoördinatie mensenhandel regio Oost",
    name="T. Bakker",
    address="Postbus 12\n1234 AB Voorbeeldstad",
)
VEILIG_THUIS = RecipientEntry(kind="veilig_thuis", organisation="Veilig Thuis regio Oost")
COMENSHA = RecipientEntry(kind="comensha", organisation="CoMensha")
CONSENT = Basis(
    SharingBasis.CONSENT,
    consent=Consent(ConsentFrom.PUPIL, TODAY - dt.timedelta(days=2), ConsentForm.SPOKEN),
)
TOLD = Told(
    pupil=Telling(told_on=TODAY - dt.timedelta(days=1)),
    parents=Telling(reason=NotToldReason.ENDANGERS_PUPIL),
)


@pytest.fixture
def vault(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Vault]:
    monkeypatch.setattr(kdf, "ARGON2_DEFAULT", CHEAP)
    made, _key = Vault.create(tmp_path / "data" / "kluis.db", PASSPHRASE)
    yield made
    made.lock()


@pytest.fixture
def case(vault: Vault) -> tuple[str, list[int]]:
    """A case with three entries: plain facts, one with an interpretation, one unticked."""
    code = vault.create_case(
        forms=["criminal"], age_band="14-15", school_type="havo", school_year=3
    )
    ids = [
        vault.add_entry(
            code,
            "observation",
            occurred_on=TODAY - dt.timedelta(days=9),
            facts="Kwam met een nieuwe telefoon en dure schoenen op school.",
            who="mentor",
            signals=[],
        ),
        vault.add_entry(
            code,
            "observation",
            occurred_on=TODAY - dt.timedelta(days=5),
            facts="Werd na school opgehaald door een auto; stapte snel in.",
            interpretation=f"{INTERPRETED}: de bestuurder lijkt veel ouder.",
            who="conciërge",
        ),
        vault.add_entry(
            code,
            "note",
            occurred_on=TODAY - dt.timedelta(days=3),
            facts=f"{UNTICKED} belde de school over iets anders.",
            who="zorgcoördinator",
        ),
    ]
    return code, ids


@pytest.fixture
def context() -> LetterContext:
    return LetterContext(
        school="OSG De Brug",
        address="Schoolstraat 1\n1234 AB Voorbeeldstad",
        logo=None,
        coordinator="M. de Vries",
        role="zorgcoördinator",
        phone="030-1234567",
        email="zorg@debrug.example",
        audit_head="#12 · 3f2a9c01",
        today=TODAY,
    )
