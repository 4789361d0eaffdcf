"""Referral letters in the vault: refused when unlawful, repeated without a new referral,
followed up, counted on the case for the case list, and logged without free text."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from desktop.vault.errors import InvalidInput
from desktop.vault.service import Vault
from desktop.vault.sharing import (
    Basis,
    ConflictOfDuties,
    Consent,
    ConsentForm,
    ConsentFrom,
    NotToldReason,
    ReferralStatus,
    Telling,
    Told,
)
from desktop.vault.vocabulary import SharingBasis
from tests.vault.letters import TOLD, lawful

DAY = dt.date(2026, 3, 2)
SHA = "ab" * 32
LETTER = "referral_letter"


@pytest.fixture
def code(vault: Vault) -> str:
    return vault.create_case(opened_on=DAY, age_band="14-15")


def send(
    vault: Vault,
    code: str,
    recipient: str = "veilig_thuis",
    basis: str = "meldrecht",
    **more: object,
) -> int:
    given: dict[str, object] = {**lawful(basis), **more}
    return vault.record_export(code, LETTER, recipient, basis, SHA, **given)  # type: ignore[arg-type]


def refused(vault: Vault, code: str, field: str, *args: str, **kwargs: object) -> InvalidInput:
    before = len(vault.audit_log())
    with pytest.raises(InvalidInput) as caught:
        vault.record_export(code, LETTER, *args, SHA, **kwargs)  # type: ignore[arg-type]
    assert caught.value.field == field
    assert len(vault.audit_log()) == before  # nothing written
    assert vault.case(code).referrals == ()
    return caught.value


def test_unlawful_letters_are_refused(vault: Vault, code: str) -> None:
    err = refused(vault, code, "basis", "police", "meldrecht", **lawful("meldrecht"))
    assert "alleen voor een melding bij Veilig Thuis" in str(err)
    refused(vault, code, "basis", "veilig_thuis", "meldrecht", told=TOLD)  # no basis
    refused(
        vault,
        code,
        "told_pupil",
        "veilig_thuis",
        "meldrecht",
        basis_details=Basis(SharingBasis.MELDRECHT),
    )
    spoken = Basis(
        SharingBasis.CONSENT, consent=Consent(ConsentFrom.PARENT, DAY, ConsentForm.SPOKEN)
    )
    err = refused(
        vault,
        code,
        "consent_form",
        "comensha",
        "consent",
        basis_details=spoken,
        told=TOLD,
        pupil_16_plus=False,
    )
    assert "schriftelijke" in str(err)
    refused(vault, code, "basis", "comensha", "meldrecht", **lawful("meldrecht"))
    pupil = Basis(
        SharingBasis.CONSENT, consent=Consent(ConsentFrom.PUPIL, DAY, ConsentForm.WRITTEN)
    )
    refused(
        vault,
        code,
        "consent_by",
        "comensha",
        "consent",
        basis_details=pupil,
        told=TOLD,
        pupil_16_plus=False,
    )
    # the case's age band says 14-15: the vault takes it from the case, not from the caller
    refused(vault, code, "consent_by", "comensha", "consent", basis_details=pupil, told=TOLD)
    err = refused(
        vault,
        code,
        "pupil_16_plus",
        "comensha",
        "consent",
        basis_details=pupil,
        told=TOLD,
        pupil_16_plus=True,
    )
    assert "leeftijdsgroep" in str(err)
    unknown = vault.create_case(opened_on=DAY)
    refused(vault, unknown, "pupil_16_plus", "comensha", "consent", basis_details=pupil, told=TOLD)
    half = Basis(SharingBasis.CONFLICT_OF_DUTIES, conflict=ConflictOfDuties("enige weg", ""))
    refused(
        vault,
        code,
        "conflict_efforts",
        "police",
        "conflict_of_duties",
        basis_details=half,
        told=TOLD,
    )
    later = Told(Telling(told_on=dt.date.today() + dt.timedelta(days=1)), TOLD.parents)
    refused(
        vault,
        code,
        "told_pupil",
        "veilig_thuis",
        "meldrecht",
        basis_details=Basis(SharingBasis.MELDRECHT),
        told=later,
    )
    unexplained = Told(TOLD.pupil, Telling(reason=NotToldReason.OTHER))
    refused(
        vault,
        code,
        "told_parents",
        "veilig_thuis",
        "meldrecht",
        basis_details=Basis(SharingBasis.MELDRECHT),
        told=unexplained,
    )
    # The basis chosen must be the basis described; the details must be what they say.
    refused(vault, code, "basis", "veilig_thuis", "consent", **lawful("meldrecht"))
    refused(vault, code, "basis", "veilig_thuis", "meldrecht", basis_details="meldrecht", told=TOLD)
    refused(
        vault,
        code,
        "told_pupil",
        "veilig_thuis",
        "meldrecht",
        basis_details=Basis(SharingBasis.MELDRECHT),
        told={"pupil": "told"},
    )
    refused(
        vault,
        code,
        "pupil_16_plus",
        "veilig_thuis",
        "meldrecht",
        pupil_16_plus="ja",
        **lawful("meldrecht"),
    )


def test_comensha_with_written_consent_of_the_right_party(vault: Vault, code: str) -> None:
    parent = Basis(
        SharingBasis.CONSENT, consent=Consent(ConsentFrom.PARENT, DAY, ConsentForm.WRITTEN)
    )
    referral = vault.record_print(
        code,
        LETTER,
        "comensha",
        "consent",
        SHA,
        basis_details=parent,
        told=TOLD,
        pupil_16_plus=False,
    )
    (view,) = vault.case(code).referrals
    assert (view.id, view.basis_details, view.told) == (referral, parent, TOLD)


def test_entries_must_be_the_cases(vault: Vault, code: str) -> None:
    other = vault.create_case(opened_on=DAY)
    mine = vault.add_entry(code, "observation", occurred_on=DAY, facts="gezien")
    theirs = vault.add_entry(other, "observation", occurred_on=DAY, facts="elders")
    refused(
        vault,
        code,
        "entry_ids",
        "veilig_thuis",
        "meldrecht",
        entry_ids=[mine, theirs],
        **lawful("meldrecht"),
    )
    refused(
        vault, code, "entry_ids", "veilig_thuis", "meldrecht", entry_ids="12", **lawful("meldrecht")
    )
    send(vault, code, entry_ids=[mine])
    assert vault.case(code).referrals[0].entry_ids == (mine,)


def test_a_new_referral_is_sent_today_and_open(vault: Vault, code: str) -> None:
    referral = send(vault, code)
    (view,) = vault.case(code).referrals
    today = dt.date.today()
    assert (view.id, view.status, view.status_on, view.recheck_on) == (
        referral,
        ReferralStatus.SENT,
        today,
        None,
    )
    assert [(u.status, u.on, u.recheck_on, u.note) for u in view.updates] == [
        (ReferralStatus.SENT, today, None, "")
    ]
    (row,) = vault.cases()
    assert (row.open_referrals, row.referral_recheck_on) == (1, None)


def test_a_repeat_is_an_audit_event_only(vault: Vault, code: str) -> None:
    first = send(vault, code)
    again = vault.record_print(
        code, LETTER, "veilig_thuis", "meldrecht", SHA, repeat_of=first, **lawful("meldrecht")
    )
    assert again == first
    assert len(vault.case(code).referrals) == 1
    printed = [json.loads(e.details) for e in vault.audit_log() if e.kind == "printed"]
    assert printed == [{**printed[0], "referral": first, "repeat": True}]
    other = vault.create_case(opened_on=DAY)
    elsewhere = send(vault, other)
    for wrong in (elsewhere, 999, 0, "1"):
        with pytest.raises(InvalidInput) as caught:
            vault.record_export(
                code,
                LETTER,
                "veilig_thuis",
                "meldrecht",
                SHA,
                repeat_of=wrong,
                **lawful("meldrecht"),
            )  # type: ignore[arg-type]
        assert caught.value.field == "repeat_of"
    with pytest.raises(InvalidInput, match="andere ontvanger"):
        vault.record_export(
            code, LETTER, "police", "consent", SHA, repeat_of=first, **lawful("consent")
        )
    assert len(vault.case(code).referrals) == 1


def test_follow_up_keeps_the_case_row_right(vault: Vault, code: str) -> None:
    first, second = send(vault, code), send(vault, code)
    vault.update_referral(
        code, first, ReferralStatus.RECEIVED, DAY, recheck_on=dt.date(2026, 3, 20), note="gebeld"
    )
    vault.update_referral(code, second, "responded", DAY, recheck_on=dt.date(2026, 3, 10))
    row = vault.cases()[0]
    assert (row.open_referrals, row.referral_recheck_on) == (2, dt.date(2026, 3, 10))
    assert row.referral_overdue(dt.date(2026, 3, 11))
    assert not row.referral_overdue(dt.date(2026, 3, 10))
    vault.update_referral(code, second, "closed", dt.date(2026, 3, 12))
    row = vault.cases()[0]
    assert (row.open_referrals, row.referral_recheck_on) == (1, dt.date(2026, 3, 20))
    vault.update_referral(code, first, "closed", dt.date(2026, 3, 12), note="afgerond")
    row = vault.cases()[0]
    assert (row.open_referrals, row.referral_recheck_on) == (0, None)
    assert not row.referral_overdue(dt.date(2030, 1, 1))
    view = vault.case(code).referrals[0]
    assert [(u.status, u.on, u.note) for u in view.updates] == [
        (ReferralStatus.SENT, dt.date.today(), ""),
        (ReferralStatus.RECEIVED, DAY, "gebeld"),
        (ReferralStatus.CLOSED, dt.date(2026, 3, 12), "afgerond"),
    ]
    assert (view.status, view.status_on, view.recheck_on, view.is_open) == (
        ReferralStatus.CLOSED,
        dt.date(2026, 3, 12),
        None,
        False,
    )
    events = [json.loads(e.details) for e in vault.audit_log() if e.kind == "referral_updated"]
    assert events[0] == {
        "referral": first,
        "status": "received",
        "on": "2026-03-02",
        "recheck_on": "2026-03-20",
    }


def test_update_referral_checks_its_input(vault: Vault, code: str) -> None:
    referral = send(vault, code)
    other = vault.create_case(opened_on=DAY)
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    for field, call in [
        ("referral_id", lambda: vault.update_referral(other, referral, "received", DAY)),
        ("referral_id", lambda: vault.update_referral(code, referral + 1, "received", DAY)),
        ("referral_id", lambda: vault.update_referral(code, True, "received", DAY)),
        ("status", lambda: vault.update_referral(code, referral, "lost", DAY)),
        ("on", lambda: vault.update_referral(code, referral, "received", tomorrow)),
        ("on", lambda: vault.update_referral(code, referral, "received", dt.datetime(2026, 3, 2))),
        (
            "recheck_on",
            lambda: vault.update_referral(
                code, referral, "received", DAY, recheck_on=dt.date(2026, 3, 1)
            ),
        ),
        (
            "recheck_on",
            lambda: vault.update_referral(
                code, referral, "closed", DAY, recheck_on=dt.date(2026, 3, 9)
            ),
        ),
        ("note", lambda: vault.update_referral(code, referral, "received", DAY, note=None)),
        ("code", lambda: vault.update_referral("Jan", referral, "received", DAY)),
    ]:
        with pytest.raises(InvalidInput) as caught:
            call()  # type: ignore[no-untyped-call]
        assert caught.value.field == field
    assert [u.status for u in vault.case(code).referrals[0].updates] == [ReferralStatus.SENT]


def test_no_free_text_in_the_audit_log(vault: Vault, code: str) -> None:
    marker = "Zoë-geheim-7f3a"
    entry = vault.add_entry(code, "observation", occurred_on=DAY, facts="gezien")
    referral = vault.record_export(
        code, LETTER, "police", "conflict_of_duties", SHA,
        recipient_name=f"Politie {marker}", sections=["reason", "basis"], entry_ids=[entry],
        **lawful("conflict_of_duties", marker=marker),
    )  # fmt: skip
    vault.update_referral(code, referral, "received", DAY, note=f"gebeld {marker}")
    view = vault.case(code).referrals[0]
    assert view.basis_details is not None
    assert view.basis_details.conflict is not None
    assert marker in view.basis_details.conflict.why_only_way  # kept in the vault ...
    assert view.told is not None
    assert marker in view.told.parents.explanation
    for event in vault.audit_log():  # ... never in its log
        assert marker not in event.details
        assert "geheim" not in event.details
    exported = next(json.loads(e.details) for e in vault.audit_log() if e.kind == "exported")
    assert exported == {
        "referral": referral,
        "document": LETTER,
        "recipient": "police",
        "basis": "conflict_of_duties",
        "told": {"pupil": "told", "parents": "other"},
        "entries": [entry],
        "sections": 2,
        "sha256": SHA,
        "repeat": False,
    }


def test_other_document_names_do_not_skip_the_rules(vault: Vault, code: str) -> None:
    for what in ("verwijsbrief", "referral_letter_v2", "brief"):
        with pytest.raises(InvalidInput) as caught:
            vault.record_export(code, what, "police", "meldrecht", SHA)
        assert caught.value.field == "what"
    assert vault.case(code).referrals == ()


def test_dates_long_before_the_case_are_refused(vault: Vault, code: str) -> None:
    old = dt.date(1990, 1, 1)
    consent = Basis(
        SharingBasis.CONSENT, consent=Consent(ConsentFrom.BOTH, old, ConsentForm.WRITTEN)
    )
    refused(vault, code, "consent_on", "police", "consent", basis_details=consent, told=TOLD)
    told = Told(pupil=Telling(told_on=old), parents=TOLD.parents)
    refused(
        vault,
        code,
        "told_pupil",
        "veilig_thuis",
        "meldrecht",
        **{**lawful("meldrecht"), "told": told},
    )
