"""The audit log's filters and its printed copy: the selection in words, the rows in words,
the PDF of the picked events with the chain check, and its file name."""

from __future__ import annotations

import datetime as dt
import io

from pypdf import PdfReader

from desktop import i18n
from desktop.concerns.audit_paper import AuditSelection, audit_pdf, file_name, rows, sha256
from desktop.concerns.audit_paper import vault_made as made_on
from desktop.vault.audit import AuditKind, AuditReport
from tests.concerns.test_audit_words import event, sample_log


def test_an_empty_selection_picks_everything_and_says_nothing() -> None:
    everything = AuditSelection(case_code="  ", text=" ")
    assert everything.is_everything
    assert everything.describe() == ""
    assert [e.seq for e in everything.apply(sample_log())] == [1, 2, 3, 4, 5, 6]


def test_a_selection_picks_and_says_which() -> None:
    chosen = AuditSelection(group="cases", case_code=" 2026-001 ")
    assert not chosen.is_everything
    assert [e.seq for e in chosen.apply(sample_log())] == [2]
    assert chosen.describe() == "soort: Meldingen; melding 2026-001"
    dated = AuditSelection(text="kopie", since=dt.date(2026, 3, 1), until=dt.date(2026, 3, 4))
    assert dated.describe() == "met de tekst “kopie”; van 1 maart 2026 tot en met 4 maart 2026"
    assert AuditSelection(since=dt.date(2026, 3, 1)).describe() == "vanaf 1 maart 2026"
    assert AuditSelection(until=dt.date(2026, 3, 1)).describe() == "tot en met 1 maart 2026"


def test_rows_are_in_words() -> None:
    (row,) = rows([event(AuditKind.ENTRY_ADDED, seq=7, case_code="2026-001")])
    assert (row.seq, row.what, row.case_code) == (7, "Notitie toegevoegd", "2026-001")
    assert row.details == "Waarneming toegevoegd (2 signalen)"
    assert "2026" in row.when
    (other,) = rows([event(AuditKind.UNLOCKED)])
    assert other.case_code == ""


def test_the_pdf_holds_the_picked_rows_the_check_and_the_selection() -> None:
    selection = AuditSelection(group="exports")
    picked = selection.apply(sample_log())
    data = audit_pdf(
        picked,
        AuditReport(6, ()),
        selection,
        school="De Brug",
        made=made_on(sample_log()),
        today=dt.date(2026, 3, 5),
    )
    assert data.startswith(b"%PDF")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert "De Brug" in text
    assert "2026-002" in text
    assert "2026-001" not in text  # not picked
    assert "soort: Exporteren en afdrukken" in text
    assert "compleet en ongewijzigd" in text
    assert "5 maart 2026" in text
    assert len(sha256(data)) == 64


def test_the_vaults_day_and_the_file_name() -> None:
    assert made_on(sample_log()) == "1 maart 2026"
    assert made_on([]) == ""
    assert made_on([event(AuditKind.VAULT_CREATED, at="gisteren")]) == ""
    assert file_name(dt.date(2026, 3, 5)) == "auditlog-2026-03-05.pdf"
    i18n.set_language("en")
    try:
        assert file_name(dt.date(2026, 3, 5)) == "audit-log-2026-03-05.pdf"
    finally:
        i18n.set_language("nl")
