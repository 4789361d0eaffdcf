"""``python -m toolkit contacts-sheet``: the school's contacts sheet from the command line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from tests.conftest import run_python
from toolkit.catalog import DOCUMENTS

CLI = "from toolkit.__main__ import main; raise SystemExit(main())"


def text_of(path: Path) -> str:
    return " ".join(
        re.sub(r"\s+", " ", page.extract_text() or "") for page in PdfReader(path).pages
    )


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    from toolkit.__main__ import main

    code = main(list(argv))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.err


def test_the_command_is_listed() -> None:
    result = run_python(CLI, "--help")
    assert result.returncode == 0
    assert "contacts-sheet" in result.stdout


def test_writes_the_sheet_with_the_schools_contacts(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    Image.new("RGB", (300, 90), "darkgreen").save(logo)
    out = tmp_path / "contactenblad.pdf"
    result = run_python(
        CLI,
        "contacts-sheet",
        "--lang",
        "en",
        "--school",
        "De Linde & Co",
        "--logo",
        str(logo),
        "--school-contact",
        "A. Jansen; zorgcoördinator; 030-000 00 01; zorg@delinde.example",
        "--contact",
        "wijkagent; Politie, basisteam Voorbeeldstad; J. Agent; 030-000 00 04;; team jeugd",
        "--contact",
        "leerplicht; Gemeente Voorbeeldstad",
        "-o",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    text = text_of(out)
    assert "De Linde & Co" in text
    assert "A. Jansen" in text
    assert "Community police officer" in text  # the kind named in the sheet's language
    assert "Politie, basisteam Voorbeeldstad" in text
    assert "team jeugd" in text
    assert "School attendance officer" in text
    assert "Check this sheet every school year." in text
    assert "0800-2000" in text  # the national lines


def test_without_contacts_it_leaves_rows_to_write_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "leeg.pdf"
    code, err = run(capsys, "contacts-sheet", "-o", str(out))
    assert code == 0, err
    text = text_of(out)
    assert "De school heeft nog geen regionale contacten ingevuld" in text
    assert "Leerplichtambtenaar" in text


@pytest.mark.parametrize(
    ("contact", "words"),
    [
        ("politie; Politie Voorbeeldstad", "onbekende soort ‘politie’"),
        ("wijkagent", "noemt geen organisatie"),
        ("other; a; b; c; d; e; f", "ten hoogste 6"),
    ],
)
def test_a_bad_contact_is_refused_in_dutch(
    contact: str, words: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "blad.pdf"
    code, err = run(capsys, "contacts-sheet", "--contact", contact, "-o", str(out))
    assert code == 2
    assert err.startswith("Fout: --contact: ")
    assert words in err
    assert not out.exists()


def test_an_unknown_kind_lists_the_kinds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = run(
        capsys, "contacts-sheet", "--contact", "GGD; GGD", "-o", str(tmp_path / "x.pdf")
    )
    assert code == 2
    assert "regional_coordinator, veilig_thuis, wijkagent, leerplicht, other" in err


def test_a_bad_logo_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    logo = tmp_path / "logo.png"
    logo.write_text("geen plaatje")
    code, err = run(capsys, "contacts-sheet", "--logo", str(logo), "-o", str(tmp_path / "x.pdf"))
    assert code == 2
    assert "geen PNG- of JPEG-afbeelding" in err


def test_the_smoke_test_makes_the_example(tmp_path: Path) -> None:
    (spec,) = [spec for spec in DOCUMENTS if spec.key == "contacts-sheet"]
    (path,) = spec.write_samples(tmp_path)
    assert "Voorbeeld: alle namen, nummers en adressen op dit blad zijn verzonnen." in text_of(path)
