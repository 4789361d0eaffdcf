"""The rules of a lawful referral letter (``desktop.vault.sharing_rules.problems``), and the JSON
the vault keeps the basis and the telling in."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.vault import sharing
from desktop.vault.sharing import (
    Basis,
    ConflictOfDuties,
    Consent,
    ConsentForm,
    ConsentFrom,
    NotToldReason,
    Telling,
    Told,
)
from desktop.vault.sharing_rules import problems
from desktop.vault.vocabulary import RecipientKind, SharingBasis

TODAY = dt.date(2026, 11, 30)
BEFORE = dt.date(2026, 11, 2)
TOMORROW = TODAY + dt.timedelta(days=1)
TOLD = Told(Telling(told_on=BEFORE), Telling(reason=NotToldReason.BREAKS_CONTACT))
R = RecipientKind


def consent(by: ConsentFrom = ConsentFrom.PUPIL, form: ConsentForm = ConsentForm.WRITTEN) -> Basis:
    return Basis(SharingBasis.CONSENT, consent=Consent(by, BEFORE, form))


def check(
    recipient: RecipientKind,
    basis: Basis | None,
    told: Told | None = TOLD,
    sixteen: bool | None = True,
) -> dict[str, str]:
    return problems(recipient, basis, told, pupil_16_plus=sixteen, today=TODAY)


def test_lawful_letters_have_no_problems() -> None:
    assert check(R.REGIONAL_COORDINATOR, consent(ConsentFrom.PARENT, ConsentForm.SPOKEN)) == {}
    assert check(R.VEILIG_THUIS, Basis(SharingBasis.MELDRECHT)) == {}
    conflict = Basis(SharingBasis.CONFLICT_OF_DUTIES, conflict=ConflictOfDuties("a", "b"))
    assert check(R.POLICE, conflict) == {}


@pytest.mark.parametrize("recipient", [r for r in RecipientKind if r is not R.VEILIG_THUIS])
def test_meldrecht_is_for_veilig_thuis_only(recipient: RecipientKind) -> None:
    found = check(recipient, Basis(SharingBasis.MELDRECHT))
    assert list(found) == ["basis"]
    expected = (
        "CoMensha vraagt" if recipient is R.COMENSHA else "alleen voor een melding bij Veilig"
    )
    assert expected in found["basis"]


def test_a_basis_is_required() -> None:
    assert list(check(R.VEILIG_THUIS, None)) == ["basis"]


def test_consent_needs_who_when_and_how() -> None:
    empty = Basis(SharingBasis.CONSENT)
    assert set(check(R.REGIONAL_COORDINATOR, empty)) == {"consent_by", "consent_on", "consent_form"}
    later = Basis(
        SharingBasis.CONSENT, consent=Consent(ConsentFrom.PUPIL, TOMORROW, ConsentForm.SPOKEN)
    )
    found = check(R.REGIONAL_COORDINATOR, later)
    assert list(found) == ["consent_on"]
    assert "toekomst" in found["consent_on"]
    assert (
        check(
            R.REGIONAL_COORDINATOR,
            Basis(
                SharingBasis.CONSENT, consent=Consent(ConsentFrom.PUPIL, TODAY, ConsentForm.SPOKEN)
            ),
        )
        == {}
    )


def test_a_conflict_of_duties_needs_both_answers() -> None:
    none = Basis(SharingBasis.CONFLICT_OF_DUTIES)
    assert set(check(R.POLICE, none)) == {"conflict_why", "conflict_efforts"}
    blank = Basis(SharingBasis.CONFLICT_OF_DUTIES, conflict=ConflictOfDuties("  ", "gevraagd"))
    assert list(check(R.POLICE, blank)) == ["conflict_why"]
    half = Basis(SharingBasis.CONFLICT_OF_DUTIES, conflict=ConflictOfDuties("enige weg", "\n"))
    assert list(check(R.POLICE, half)) == ["conflict_efforts"]


@pytest.mark.parametrize(
    "basis",
    [
        Basis(SharingBasis.MELDRECHT),
        Basis(SharingBasis.CONFLICT_OF_DUTIES, conflict=ConflictOfDuties("a", "b")),
        None,
    ],
)
def test_comensha_is_refused_without_consent(basis: Basis | None) -> None:
    found = check(R.COMENSHA, basis)
    assert list(found) == ["basis"]
    if basis is not None:
        assert found["basis"].startswith("CoMensha vraagt schriftelijke toestemming")


def test_comensha_needs_written_consent() -> None:
    found = check(R.COMENSHA, consent(ConsentFrom.PUPIL, ConsentForm.SPOKEN))
    assert list(found) == ["consent_form"]
    assert "schriftelijke" in found["consent_form"]


@pytest.mark.parametrize(
    ("sixteen", "by", "lawful"),
    [
        (True, ConsentFrom.PUPIL, True),
        (True, ConsentFrom.BOTH, True),
        (True, ConsentFrom.PARENT, False),
        (False, ConsentFrom.PARENT, True),
        (False, ConsentFrom.BOTH, True),
        (False, ConsentFrom.PUPIL, False),
    ],
)
def test_comensha_needs_consent_from_the_right_party_for_the_age(
    sixteen: bool, by: ConsentFrom, lawful: bool
) -> None:
    found = check(R.COMENSHA, consent(by), sixteen=sixteen)
    assert found == {} if lawful else list(found) == ["consent_by"]
    if not lawful:
        assert ("16 of ouder" if sixteen else "jonger dan 16") in found["consent_by"]


def test_comensha_asks_the_age_when_it_is_unknown() -> None:
    assert list(check(R.COMENSHA, consent(), sixteen=None)) == ["pupil_16_plus"]
    assert check(R.REGIONAL_COORDINATOR, consent(), sixteen=None) == {}  # only CoMensha asks


def test_each_party_is_told_or_has_a_reason() -> None:
    assert set(check(R.VEILIG_THUIS, Basis(SharingBasis.MELDRECHT), told=None)) == {
        "told_pupil",
        "told_parents",
    }
    neither = Told(Telling(), Telling(told_on=BEFORE))
    assert list(check(R.VEILIG_THUIS, Basis(SharingBasis.MELDRECHT), told=neither)) == [
        "told_pupil"
    ]
    both = Told(
        Telling(told_on=BEFORE), Telling(told_on=BEFORE, reason=NotToldReason.ENDANGERS_OTHERS)
    )
    assert list(check(R.VEILIG_THUIS, Basis(SharingBasis.MELDRECHT), told=both)) == ["told_parents"]


def test_other_reason_needs_an_explanation() -> None:
    bare = Told(Telling(told_on=BEFORE), Telling(reason=NotToldReason.OTHER, explanation=" "))
    found = check(R.VEILIG_THUIS, Basis(SharingBasis.MELDRECHT), told=bare)
    assert list(found) == ["told_parents"]
    explained = Told(Telling(told_on=BEFORE), Telling(reason=NotToldReason.OTHER, explanation="x"))
    assert check(R.VEILIG_THUIS, Basis(SharingBasis.MELDRECHT), told=explained) == {}


def test_telling_in_the_future_is_refused() -> None:
    later = Told(Telling(told_on=TOMORROW), Telling(told_on=TODAY))
    found = check(R.VEILIG_THUIS, Basis(SharingBasis.MELDRECHT), told=later)
    assert list(found) == ["told_pupil"]
    assert "toekomst" in found["told_pupil"]


def test_every_message_is_a_translated_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop import i18n

    worst = problems(R.COMENSHA, Basis(SharingBasis.CONSENT), None, pupil_16_plus=None, today=TODAY)
    assert set(worst) == {
        "consent_by",
        "consent_on",
        "consent_form",
        "pupil_16_plus",
        "told_pupil",
        "told_parents",
    }
    i18n.set_language("en")
    try:
        english = problems(R.VEILIG_THUIS, None, None, pupil_16_plus=None, today=TODAY)
    finally:
        i18n.set_language("nl")
    assert all(message.endswith(".") for message in [*worst.values(), *english.values()])
    assert "Veilig Thuis" in english["basis"]
    assert "Kies" not in english["basis"]


@pytest.mark.parametrize(
    ("band", "answer"),
    [
        ("10-11", False),
        ("12-13", False),
        ("14-15", False),
        ("16-17", True),
        ("18+", True),
        (None, None),
        ("", None),
    ],
)
def test_pupil_16_plus(band: str | None, answer: bool | None) -> None:
    assert sharing.pupil_16_plus(band) is answer


days = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2199, 12, 31))
consents = st.builds(Consent, st.sampled_from(ConsentFrom), days, st.sampled_from(ConsentForm))
conflicts = st.builds(ConflictOfDuties, st.text(), st.text())
bases = st.builds(Basis, st.sampled_from(SharingBasis), st.none() | consents, st.none() | conflicts)
tellings = st.builds(
    Telling, st.none() | days, st.none() | st.sampled_from(NotToldReason), st.text()
)
tolds = st.builds(Told, tellings, tellings)


@given(bases)
def test_a_basis_round_trips_through_json(basis: Basis) -> None:
    import json

    data = json.loads(json.dumps(basis.to_json()))
    assert Basis.from_json(data) == basis
    assert list(data) == ["kind", "consent", "conflict"]  # every key, always


@given(tolds)
def test_told_round_trips_through_json(told: Told) -> None:
    import json

    data = json.loads(json.dumps(told.to_json()))
    assert Told.from_json(data) == told
    assert set(data["pupil"]) == {"told_on", "reason", "explanation"}


@pytest.mark.parametrize(
    "data",
    [
        None,
        [],
        {"kind": "consent"},
        {"kind": "x", "consent": None, "conflict": None},
        {
            "kind": "consent",
            "consent": {"given_by": "pupil", "given_on": 3, "form": "written"},
            "conflict": None,
        },
    ],
)
def test_malformed_json_is_refused(data: object) -> None:
    with pytest.raises(ValueError, match=r"expected|not a valid"):
        Basis.from_json(data)
