"""The letter from a case: minimal by default, lawful, and logged."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from desktop.referrals.choices import EntryUse, Identity, LetterChoices, problems
from desktop.referrals.compose import LetterContext, compose, included_sections
from desktop.referrals.export import ExportRefused, LetterExport, new_password
from desktop.referrals.prefill import prefill
from desktop.vault.errors import InvalidInput
from desktop.vault.service import Vault
from desktop.vault.sharing import Basis, ConflictOfDuties
from desktop.vault.vocabulary import SharingBasis
from tests.referrals.conftest import (
    COMENSHA,
    CONSENT,
    COORDINATOR,
    INTERPRETED,
    TODAY,
    TOLD,
    UNTICKED,
    VEILIG_THUIS,
)
from toolkit.referral_letter import Signatory, referral_letter


def text_of(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def choices(ids: list[int], **changes: object) -> LetterChoices:
    base = {
        "recipient": COORDINATOR,
        "basis": CONSENT,
        "told": TOLD,
        "pupil_16_plus": False,
        "entries": {ids[0]: EntryUse.FACTS_ONLY, ids[1]: EntryUse.FACTS_ONLY},
        "texts": {"request": "Wilt u de hulp aan deze leerling coördineren?"},
    }
    base.update(changes)
    return LetterChoices(**base)  # type: ignore[arg-type]


def letter_text(vault: Vault, code: str, chosen: LetterChoices, context: LetterContext) -> str:
    return " ".join(text_of(referral_letter(compose(vault.case(code), chosen, context))).split())


def test_an_unticked_entry_is_counted_never_shown(
    vault: Vault, case: tuple[str, list[int]], context: LetterContext
) -> None:
    code, ids = case
    text = letter_text(vault, code, choices(ids), context)
    assert "nieuwe telefoon" in text
    assert UNTICKED not in text
    assert "1 aantekening uit het dossier is niet in deze brief opgenomen" in text


def test_nothing_of_the_chronology_goes_in_by_default(
    vault: Vault, case: tuple[str, list[int]], context: LetterContext
) -> None:
    code, ids = case
    text = letter_text(vault, code, choices(ids, entries={}), context)
    assert "nieuwe telefoon" not in text
    assert UNTICKED not in text
    assert INTERPRETED not in text
    assert "3 aantekeningen uit het dossier zijn niet in deze brief opgenomen" in text


def test_interpretation_only_when_chosen(
    vault: Vault, case: tuple[str, list[int]], context: LetterContext
) -> None:
    code, ids = case
    facts_only = letter_text(vault, code, choices(ids), context)
    assert "opgehaald door een auto" in facts_only
    assert INTERPRETED not in facts_only
    with_it = {ids[0]: EntryUse.FACTS_ONLY, ids[1]: EntryUse.WITH_INTERPRETATION}
    assert INTERPRETED in letter_text(vault, code, choices(ids, entries=with_it), context)


def test_the_letter_says_the_basis_and_who_was_told(
    vault: Vault, case: tuple[str, list[int]], context: LetterContext
) -> None:
    code, ids = case
    text = letter_text(vault, code, choices(ids), context)
    assert "Toestemming" in text
    assert "Leerling ingelicht over deze verwijzing" in text
    assert code in text
    assert "#12 · 3f2a9c01" in text


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"basis": None}, "basis"),
        ({"told": None}, "told_pupil"),
        ({"recipient": None}, "recipient"),
        ({"texts": {}}, "request"),
        ({"basis": Basis(SharingBasis.MELDRECHT)}, "basis"),
        ({"recipient": COMENSHA}, "consent_form"),
        (
            {"basis": Basis(SharingBasis.CONFLICT_OF_DUTIES, conflict=ConflictOfDuties("", ""))},
            "conflict_why",
        ),
    ],
)
def test_no_letter_without_its_grounds(
    vault: Vault, case: tuple[str, list[int]], changes: dict[str, object], field: str
) -> None:
    code, ids = case
    found = problems(
        choices(ids, **changes), vault.case(code).row, signatory_name="M. de Vries", today=TODAY
    )
    assert field in found, found


def test_meldrecht_is_for_veilig_thuis(vault: Vault, case: tuple[str, list[int]]) -> None:
    code, ids = case
    chosen = choices(ids, recipient=VEILIG_THUIS, basis=Basis(SharingBasis.MELDRECHT))
    row = vault.case(code).row
    assert problems(chosen, row, signatory_name="M. de Vries", today=TODAY) == {}


def test_the_coordinator_signs(vault: Vault, case: tuple[str, list[int]]) -> None:
    code, ids = case
    found = problems(choices(ids), vault.case(code).row, signatory_name=" ", today=TODAY)
    assert set(found) == {"signatory"}


def test_a_save_is_logged_with_its_hash_and_the_next_refers_to_it(
    vault: Vault, case: tuple[str, list[int]], context: LetterContext, tmp_path: object
) -> None:
    from pathlib import Path

    code, ids = case
    chosen = choices(ids)
    letter = compose(vault.case(code), chosen, context)
    data = referral_letter(letter)
    export = LetterExport(vault, code)
    folder = Path(str(tmp_path)) / "out"
    saved = export.save(data, folder / "brief.pdf", chosen, included_sections(letter))
    assert (folder / "brief.pdf").read_bytes() == data
    again = export.printed(data, chosen, included_sections(letter))
    assert again == saved.referral
    referrals = vault.case(code).referrals
    assert len(referrals) == 1
    assert referrals[0].entry_ids == (ids[0], ids[1])
    assert referrals[0].sha256 == saved.sha256
    assert sorted(p.name for p in folder.iterdir()) == ["brief.pdf"]  # no temp file left


def test_a_password_letter_needs_the_password(
    vault: Vault, case: tuple[str, list[int]], context: LetterContext, tmp_path: object
) -> None:
    from pathlib import Path

    code, ids = case
    chosen = choices(ids)
    letter = compose(vault.case(code), chosen, context)
    path = Path(str(tmp_path)) / "brief.pdf"
    saved = LetterExport(vault, code).save(
        referral_letter(letter), path, chosen, included_sections(letter), with_password=True
    )
    reader = PdfReader(path)
    assert reader.is_encrypted
    assert reader.decrypt(saved.password)
    assert "nieuwe telefoon" in " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert len(saved.password) == 19
    assert saved.password.count("-") == 3


def test_a_file_named_after_the_pupil_is_refused(
    vault: Vault, case: tuple[str, list[int]], tmp_path: object
) -> None:
    from pathlib import Path

    code, ids = case
    chosen = choices(ids, identity=Identity(name="Zwanetta Markeervos"))
    path = Path(str(tmp_path)) / "brief-markeervos.pdf"
    with pytest.raises(ExportRefused):
        LetterExport(vault, code).save(b"%PDF-1.4", path, chosen, ())
    assert not path.exists()
    assert vault.case(code).referrals == ()


def test_an_unlawful_letter_is_refused_by_the_vault_too(
    vault: Vault, case: tuple[str, list[int]], tmp_path: object
) -> None:
    from pathlib import Path

    code, ids = case
    chosen = choices(ids, basis=Basis(SharingBasis.MELDRECHT))
    path = Path(str(tmp_path)) / "brief.pdf"
    with pytest.raises(InvalidInput):
        LetterExport(vault, code).save(b"%PDF-1.4 x", path, chosen, ())
    assert not path.exists()  # written, then removed: no letter without its audit event


def test_prefill_takes_no_chronology(vault: Vault, case: tuple[str, list[int]]) -> None:
    code, _ids = case
    texts = prefill(vault.case(code), Signatory("M. de Vries", "zorgcoördinator"))
    joined = " ".join(texts.values())
    assert "nieuwe telefoon" not in joined
    assert UNTICKED not in joined
    assert "M. de Vries" in texts["contact"]


def test_passwords_differ_and_avoid_look_alikes() -> None:
    passwords = {new_password() for _i in range(50)}
    assert len(passwords) == 50
    assert not set("".join(passwords)) & set("01OIL")
