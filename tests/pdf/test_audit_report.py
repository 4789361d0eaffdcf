"""The printed audit log: a header and "page x of y" on every page, rows whole and in order,
user text escaped, scripts beyond Latin drawn, no case codes in the metadata."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

from tests.conftest import run_python
from tests.pdf.fonts import fonts_of
from toolkit.audit_report import LABELS, AuditReportData, AuditRow, audit_report
from toolkit.pdf import BOLD, REGULAR, register_fonts

ODD = "<Jansen & Zn> AT&T"
WORLD_SCHOOL = "Школа №5 <Jansen & Zn> AT&T مدرسة النور"


def rows(count: int) -> tuple[AuditRow, ...]:
    return tuple(
        AuditRow(
            seq=n,
            when=f"{n % 28 + 1} mrt 2026, 10:{n % 60:02d}:12",
            what=("Aantekening toegevoegd", "Geëxporteerd", "Kluis geopend")[n % 3],
            case_code=f"2026-{n % 40:03d}" if n % 3 != 2 else "",
            details=f"regel-{n:05d} "
            + (
                "Waarneming toegevoegd (2 signalen)",
                "verwijsbrief aan Veilig Thuis, grondslag meldrecht, 4 onderdelen",
                "Geopend met het wachtwoord",
            )[n % 3],
        )
        for n in range(1, count + 1)
    )


def report(
    count: int = 5, *, school: str = "De Brug", language: str = "nl", **changes: object
) -> AuditReportData:
    fields: dict[str, object] = {
        "school": school,
        "vault_made": "2 maart 2026",
        "printed_on": "30 november 2026",
        "rows": rows(count),
        "chain_ok": True,
        "chain_text": "De auditlog is compleet en ongewijzigd (5 regels).",
        "language": language,
    }
    fields.update(changes)
    return AuditReportData(**fields)  # type: ignore[arg-type]


def page_texts(data: bytes) -> list[str]:
    return [
        re.sub(r"\s+", " ", page.extract_text() or "") for page in PdfReader(io.BytesIO(data)).pages
    ]


@pytest.fixture(scope="module")
def long_log() -> tuple[float, list[str]]:
    """2,000 rows: each page's text (their speed is measured in bench/audit_report.py)."""
    return 0.0, page_texts(audit_report(report(2000)))


def test_two_thousand_rows_fill_a_sensible_number_of_pages(
    long_log: tuple[float, list[str]],
) -> None:
    pages = long_log[1]
    # about 30 rows a page: not one a page, not squeezed unreadably small
    assert 40 <= len(pages) <= 100, len(pages)


def test_every_page_has_the_header_the_mark_and_its_number(
    long_log: tuple[float, list[str]],
) -> None:
    pages = long_log[1]
    labels = LABELS["nl"]
    for number, text in enumerate(pages, start=1):
        for column in (labels.column_seq, labels.column_when, labels.column_what):
            assert column in text, f"page {number} lacks the table header"
        assert labels.confidential in text
        assert labels.page.format(page=number, pages=len(pages)) in text


def test_rows_split_cleanly_over_pages(long_log: tuple[float, list[str]]) -> None:
    seen: list[int] = []
    for text in long_log[1]:
        on_page = [int(n) for n in re.findall(r"regel-(\d{5})", text)]
        assert on_page, "a page without rows"
        assert on_page == list(range(on_page[0], on_page[0] + len(on_page)))
        seen += on_page
    assert seen == list(range(1, 2001))  # every row once, none cut in two or lost


def test_user_text_is_escaped_not_parsed() -> None:
    odd_row = AuditRow(1, "2 mrt 2026, 10:00:00", ODD, "2026-001", "<b>AT&T</b> & <Jansen & Zn>")
    data = audit_report(
        report(
            school=ODD, rows=(odd_row,), chain_text=f"{ODD} niet <i>gewijzigd</i>", selection=ODD
        )
    )
    text = page_texts(data)[0]
    assert "<b>AT&T</b> & <Jansen & Zn>" in text
    assert f"{ODD} niet <i>gewijzigd</i>" in text
    assert text.count(ODD) >= 4  # school, event, chain sentence, selection


def test_cyrillic_and_arabic_school_names_are_drawn_with_embedded_glyphs() -> None:
    data = audit_report(report(school=WORLD_SCHOOL))
    fonts = fonts_of(data)
    assert fonts
    assert all(fonts.values()), fonts
    text = page_texts(data)[0]
    assert "Школа №5" in text
    assert re.search("[\u0600-\u06ff]", text)  # the Arabic letters are there (unshaped)
    register_fonts()
    for name in (REGULAR, BOLD):
        glyphs = pdfmetrics.getFont(name).face.charToGlyph
        missing = {c for c in WORLD_SCHOOL if ord(c) not in glyphs}
        assert missing == set(), f"{name} has no glyph for {missing}"


def test_metadata_has_the_title_and_no_case_codes_or_school() -> None:
    data = audit_report(report(20, school=WORLD_SCHOOL))
    metadata = PdfReader(io.BytesIO(data)).metadata or {}
    assert metadata.get("/Title") == LABELS["nl"].title
    values = " ".join(str(v) for v in metadata.values())
    assert "2026-0" not in values
    assert "Школа" not in values
    assert not metadata.get("/Subject")


def test_a_broken_chain_and_a_selection_are_said() -> None:
    data = audit_report(
        report(
            chain_ok=False,
            chain_text="Gebeurtenis 3 is uit het logboek verwijderd.",
            selection="Export en afdrukken",
        )
    )
    text = page_texts(data)[0]
    assert "Gebeurtenis 3 is uit het logboek verwijderd." in text
    assert "Selectie: Export en afdrukken" in text


def test_an_empty_selection_is_one_page_that_says_so() -> None:
    data = audit_report(report(0, chain_text="De auditlog is compleet en ongewijzigd (0 regels)."))
    pages = page_texts(data)
    assert len(pages) == 1
    assert LABELS["nl"].no_events in pages[0]
    assert "pagina 1 van 1" in pages[0]


def test_english_labels_and_numbers() -> None:
    text = page_texts(audit_report(report(1234, language="en", chain_text="Complete.")))[0]
    labels = LABELS["en"]
    for words in (labels.title, labels.column_when, labels.confidential, "1,234"):
        assert words in text
    assert "page 1 of " in text


def test_dutch_count_uses_a_dot_for_thousands(long_log: tuple[float, list[str]]) -> None:
    assert "2.000" in long_log[1][0]


def test_both_vault_documents_draw_in_a_fresh_interpreter() -> None:
    """Nothing else has registered the fonts there: each document does it itself."""
    code = (
        "import datetime as dt\n"
        "from toolkit.audit_report import AuditReportData, AuditRow, audit_report\n"
        "from toolkit.recovery_sheet import RecoverySheet, recovery_sheet\n"
        "row = AuditRow(1, 'nu', 'Kluis geopend', '', 'Geopend met het wachtwoord')\n"
        "a = audit_report(AuditReportData('De Brug', '', '', (row,), True, 'Compleet.'))\n"
        "r = recovery_sheet(RecoverySheet(('ABCDE',) * 10, 'De Brug', dt.date(2026, 1, 1)))\n"
        "print(a[:5].decode(), r[:5].decode())\n"
    )
    done = run_python(code)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["%PDF-", "%PDF-"]
