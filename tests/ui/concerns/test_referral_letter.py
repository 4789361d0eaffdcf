"""The letter dialog as the coordinator uses it: choose, preview, save, print, follow up."""

from __future__ import annotations

import datetime as dt
import io
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from desktop.referrals.choices import EntryUse
from desktop.ui.concerns.page import ConcernsPage
from desktop.ui.referrals.letter_dialog import LetterDialog
from desktop.vault.service import Vault

TODAY = dt.date.today()
NAME = "Zwanetta Markeervos"  # typed for one letter: in that PDF, and nowhere else
BIRTH = "14-03-2011"
UNTICKED = "Onaangevinkt-Q7"
RECIPIENTS = [
    {
        "kind": "regional_coordinator",
        "organisation": "Zorgcoördinatie mensenhandel regio Oost",
        "name": "T. Bakker",
        "address": "Postbus 12\n1234 AB Voorbeeldstad",
    },
    {"kind": "veilig_thuis", "organisation": "Veilig Thuis regio Oost", "name": "", "address": ""},
]


def text_of(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def make_case(vault: Vault) -> tuple[str, list[int]]:
    code = vault.create_case(forms=["criminal"], age_band="14-15", school_type="vmbo")
    ids = [
        vault.add_entry(
            code,
            "observation",
            occurred_on=TODAY - dt.timedelta(days=d),
            facts=f"Feit nummer {d}: kwam met nieuwe spullen op school.",
            interpretation=f"Duiding {d}",
            who="mentor",
        )
        for d in (9, 7, 5)
    ]
    ids.append(
        vault.add_entry(code, "note", occurred_on=TODAY, facts=f"{UNTICKED} niet voor de brief")
    )
    return code, ids


@pytest.fixture
def letter(open_page: ConcernsPage, qtbot: QtBot) -> Iterator[tuple[LetterDialog, list[int]]]:
    open_page.profile.save(
        {"coordinator_name": "M. de Vries", "school_name": "OSG De Brug", "recipients": RECIPIENTS}
    )
    code, ids = make_case(open_page.session.vault)
    open_page.workspace.open_case(code)
    dialog = open_page.open_letter(code)
    assert isinstance(dialog, LetterDialog)
    yield dialog, ids
    if shiboken6.isValid(dialog):  # closing or a lock deletes it
        dialog.close()


def fill(dialog: LetterDialog, ids: list[int]) -> None:
    dialog.recipient.setCurrentIndex(1)
    dialog.basis.radios[next(iter(dialog.basis.radios))].setChecked(True)  # consent
    dialog.basis.consent_by.setCurrentIndex(dialog.basis.consent_by.findData("pupil"))
    dialog.basis.consent_form.setCurrentIndex(
        dialog.basis.consent_form.findData("spoken")
    )  # consent
    dialog.basis.pupil.choice.setCurrentIndex(dialog.basis.pupil.choice.findData("told"))
    parents = dialog.basis.parents.choice
    parents.setCurrentIndex(parents.findData("endangers_pupil"))
    for entry_id in ids[:3]:
        dialog.entries.choose(entry_id, EntryUse.FACTS_ONLY)
    dialog.texts.boxes["request"].setPlainText("Wilt u de hulp coördineren?")
    dialog.refresh()


def test_nothing_can_leave_until_the_grounds_are_given(
    letter: tuple[LetterDialog, list[int]],
) -> None:
    dialog, ids = letter
    assert not dialog.save_button.isEnabled()
    assert not dialog.print_button.isEnabled()
    assert "Kies een ontvanger" in dialog.missing.text()
    assert "Kies op welke grond" in dialog.missing.text()
    assert len(dialog.pages) >= 1  # the preview shows the letter as it stands
    fill(dialog, ids)
    assert dialog.missing.isHidden()
    assert dialog.save_button.isEnabled()
    assert dialog.print_button.isEnabled()


def test_meldrecht_waits_for_veilig_thuis(letter: tuple[LetterDialog, list[int]]) -> None:
    from desktop.vault.vocabulary import SharingBasis

    dialog, ids = letter
    fill(dialog, ids)
    dialog.basis.radios[SharingBasis.MELDRECHT].setChecked(True)
    dialog.refresh()
    assert not dialog.save_button.isEnabled()
    assert "Veilig Thuis" in dialog.missing.text()
    dialog.recipient.setCurrentIndex(2)  # Veilig Thuis
    dialog.refresh()
    assert dialog.save_button.isEnabled()


def test_the_typed_name_is_in_the_letter_and_nowhere_else(
    letter: tuple[LetterDialog, list[int]],
    open_page: ConcernsPage,
    basedir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog, ids = letter
    scratch = basedir / "tmp"
    scratch.mkdir(parents=True, exist_ok=True)
    monkeypatch.setenv("TMPDIR", str(scratch))
    monkeypatch.setattr("tempfile.tempdir", str(scratch))
    handler = logging.FileHandler(basedir / "test-everything.log", encoding="utf-8")
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    out = tmp_path / "out"
    try:
        fill(dialog, ids)
        dialog.name.setText(NAME)
        dialog.birth.setText(BIRTH)
        dialog.refresh()
        saved = out / "verwijsbrief.pdf"
        assert dialog.save_to(saved)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printed = out / "afdruk.pdf"
        printer.setOutputFileName(str(printed))
        printed_run = dialog.print_to(printer)
        assert printed_run is not None
        assert printed_run.wait() >= 1
        vault = open_page.session.vault
        dump = vault_dump(vault)
        audit = repr(vault.audit_events()) if hasattr(vault, "audit_events") else ""
        open_page.session.lock()
    finally:
        root.removeHandler(handler)
        handler.close()
        root.setLevel(old_level)
    for letter_file in (saved, printed):
        text = text_of(letter_file.read_bytes())
        assert NAME in text
        assert BIRTH in text
        assert UNTICKED not in text
    assert NAME not in dump
    assert BIRTH not in dump
    assert NAME not in audit
    files = [p for p in basedir.rglob("*") if p.is_file()]
    files += [p for p in out.iterdir() if p not in (saved, printed)]
    assert any(p.name == "settings.json" for p in files)
    needles = [s.encode(enc) for s in (NAME, "Markeervos") for enc in ("utf-8", "utf-16-le")]
    assert [str(p) for p in files for n in needles if n in p.read_bytes()] == []
    assert not any("Markeervos" in str(p) for p in files)


def vault_dump(vault: Vault) -> str:
    """Every row of every table of the open vault, as text."""
    from sqlalchemy import select

    from desktop.vault.schema import Base

    parts = []
    with vault._store.session() as session:
        for table in Base.metadata.sorted_tables:
            parts.append(repr(session.execute(select(table)).all()))
    return "\n".join(parts)


def test_a_save_and_a_print_are_one_referral_in_the_audit_log(
    letter: tuple[LetterDialog, list[int]], open_page: ConcernsPage, tmp_path: Path
) -> None:
    dialog, ids = letter
    fill(dialog, ids)
    assert dialog.save_to(tmp_path / "brief.pdf")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "afdruk.pdf"))
    run = dialog.print_to(printer)
    assert run is not None
    assert run.wait() >= 1
    detail = open_page.session.vault.case(dialog.detail.code)
    assert len(detail.referrals) == 1
    assert detail.referrals[0].entry_ids == tuple(ids[:3])
    assert detail.row.open_referrals == 1
    assert (tmp_path / "afdruk.pdf").read_bytes() == dialog.pdf_bytes  # vector: the same PDF


def test_locking_closes_the_letter(
    letter: tuple[LetterDialog, list[int]], open_page: ConcernsPage, qtbot: QtBot
) -> None:
    dialog, ids = letter
    fill(dialog, ids)
    dialog.name.setText(NAME)
    open_page.session.lock()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.name.text() == ""
    assert dialog.pdf_bytes == b""


def test_english_letter(letter: tuple[LetterDialog, list[int]], open_page: ConcernsPage) -> None:
    from desktop.language import apply_language

    dialog, ids = letter
    code = dialog.detail.code
    dialog.close()
    apply_language("en")
    english = open_page.open_letter(code)
    assert isinstance(english, LetterDialog)
    fill(english, ids)
    text = text_of(english.pdf_bytes)
    assert "Confidential" in text
    assert "Vertrouwelijk" not in text
    assert "Consent" in text


def test_kept_texts_are_checked_for_personal_data(
    letter: tuple[LetterDialog, list[int]], tmp_path: Path
) -> None:
    from desktop.vault.vocabulary import SharingBasis

    dialog, ids = letter
    fill(dialog, ids)
    dialog.basis.radios[SharingBasis.CONFLICT_OF_DUTIES].setChecked(True)
    dialog.basis.conflict_why.setPlainText("Haar oom belt steeds met 06-12345678.")
    dialog.basis.conflict_efforts.setPlainText("Twee keer gevraagd, zij weigerde.")
    dialog.refresh()
    assert not dialog.save_to(tmp_path / "brief.pdf")  # first: the check shows what it found
    assert "06-12345678" in dialog.warning.text()
    assert not (tmp_path / "brief.pdf").exists()
    assert dialog.save_to(tmp_path / "brief.pdf")  # seen: saved anyway


def test_a_referral_is_followed_up_until_done(
    letter: tuple[LetterDialog, list[int]], open_page: ConcernsPage, tmp_path: Path
) -> None:
    from desktop.ui.referrals.followup import FollowUpDialog

    dialog, ids = letter
    fill(dialog, ids)
    assert dialog.save_to(tmp_path / "brief.pdf")
    view = open_page.workspace.case_view
    assert view is not None
    assert view.referrals is not None
    assert view.referrals.table.rowCount() == 1
    follow = view.referrals.follow_up()
    assert isinstance(follow, FollowUpDialog)
    follow.status.setCurrentIndex(follow.status.findData("closed"))
    assert follow.save()
    row = open_page.session.vault.case(dialog.detail.code).row
    assert row.open_referrals == 0
    assert "Afgerond" in view.referrals.table.item(0, 3).text()


def test_a_long_answer_makes_a_longer_letter_not_a_crash(
    letter: tuple[LetterDialog, list[int]],
) -> None:
    from desktop.vault.vocabulary import SharingBasis

    dialog, ids = letter
    fill(dialog, ids)
    dialog.basis.radios[SharingBasis.CONFLICT_OF_DUTIES].setChecked(True)
    dialog.basis.conflict_why.setPlainText("lang " * 2000)  # capped at 2000 characters
    dialog.basis.conflict_efforts.setPlainText("Gevraagd, geweigerd.")
    dialog.refresh()
    assert len(dialog.basis.conflict_why.toPlainText()) == 2000
    assert dialog.pdf_bytes.startswith(b"%PDF")
    assert len(dialog.pages) >= 3


def test_the_typed_name_may_not_go_into_what_the_vault_keeps(
    letter: tuple[LetterDialog, list[int]], tmp_path: Path
) -> None:
    dialog, ids = letter
    fill(dialog, ids)
    dialog.name.setText(NAME)
    parents = dialog.basis.parents.choice
    parents.setCurrentIndex(parents.findData("other"))
    dialog.basis.parents.explanation.setText("De vader van Zwanetta is mogelijk betrokken")
    dialog.refresh()
    assert not dialog.save_button.isEnabled()
    assert "naam die je voor de brief typte" in dialog.missing.text()
    assert not dialog.save_to(tmp_path / "brief.pdf")
    assert not (tmp_path / "brief.pdf").exists()


def test_printing_to_a_file_named_after_the_pupil_is_refused(
    letter: tuple[LetterDialog, list[int]], open_page: ConcernsPage, tmp_path: Path
) -> None:
    dialog, ids = letter
    fill(dialog, ids)
    dialog.name.setText(NAME)
    dialog.refresh()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "Markeervos.pdf"))
    assert dialog.print_to(printer) is None
    assert not (tmp_path / "Markeervos.pdf").exists()
    assert open_page.session.vault.case(dialog.detail.code).referrals == ()


def test_a_print_the_vault_cannot_log_is_taken_back(
    letter: tuple[LetterDialog, list[int]],
    open_page: ConcernsPage,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from desktop.vault.errors import InvalidInput

    dialog, ids = letter
    fill(dialog, ids)

    def refuse(*_args: object, **_kwargs: object) -> int:
        raise InvalidInput("basis", "Kies op welke grond je deze gegevens deelt.")

    monkeypatch.setattr(dialog.export, "printed", refuse)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "afdruk.pdf"))
    run = dialog.print_to(printer)
    assert run is not None
    run.wait()
    assert "Niet afgedrukt" in dialog.status.text()
    assert not (tmp_path / "afdruk.pdf").exists()  # no letter without its audit event


def test_consent_is_never_assumed(letter: tuple[LetterDialog, list[int]]) -> None:
    dialog, ids = letter
    fill(dialog, ids)
    dialog.basis.consent_by.setCurrentIndex(0)  # "Kies…"
    dialog.refresh()
    assert not dialog.save_button.isEnabled()
    assert "wie toestemming gaf" in dialog.missing.text()
