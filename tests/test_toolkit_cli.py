from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import run_python

CLI = "from toolkit.__main__ import main; raise SystemExit(main())"


def test_help_lists_signal_card() -> None:
    result = run_python(CLI, "--help")
    assert result.returncode == 0
    assert "signal-card" in result.stdout


def test_writes_a_poster(tmp_path: Path) -> None:
    out = tmp_path / "poster.pdf"
    result = run_python(
        CLI,
        "signal-card",
        "--lang",
        "en",
        "--format",
        "poster",
        "--paper",
        "a3",
        "--school",
        "De Linde",
        "--school-contact",
        "A. Jansen; mentor; 030-1234567; a@b.nl",
        "-o",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    text = PdfReader(out).pages[0].extract_text()
    assert "Where can you go?" in text
    assert "A. Jansen" in text


def test_a_path_under_a_file_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "somefile.pdf").write_text("a file, not a folder")
    out = tmp_path / "somefile.pdf" / "card.pdf"
    result = run_python(CLI, "signal-card", "-o", str(out))
    assert result.returncode == 2
    assert "somefile.pdf is een bestand, geen map" in result.stderr
    assert "Kies een bestandsnaam in een map die bestaat" in result.stderr
    assert "File exists" not in result.stderr
    assert "Traceback" not in result.stderr


def error_of(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    from toolkit.__main__ import main

    code = main(list(argv))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.err


def test_an_output_folder_that_does_not_exist_is_refused_not_made(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "nieuw" / "map" / "kaart.pdf"
    code, err = error_of(capsys, "signal-card", "-o", str(out))
    assert code == 2
    assert f"de map {out.parent} bestaat niet" in err
    assert "Maak die map eerst aan" in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("empty", ["", " "])
def test_an_empty_output_name_is_refused(
    empty: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, err = error_of(capsys, "signal-card", "-o", empty)
    assert code == 2
    assert "na -o staat geen bestandsnaam" in err
    assert "busy" not in err
    assert list(tmp_path.iterdir()) == []


def test_a_folder_as_output_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = error_of(capsys, "signal-card", "-o", str(tmp_path))
    assert code == 2
    assert "is een map, geen bestand" in err
    assert list(tmp_path.iterdir()) == []


def test_a_write_error_is_dutch_and_leaves_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "replace", full)
    code, err = error_of(capsys, "signal-card", "-o", str(tmp_path / "kaart.pdf"))
    assert code == 1
    assert "de schijf is vol" in err
    assert list(tmp_path.iterdir()) == []


def test_a_too_long_contact_names_the_option_not_an_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = "Annemarie van der Zwaluwenburg-Oosterhuis " * 12
    contact = f"{name}; zorgcoördinator; 030-1234567; a@b.nl"
    out = tmp_path / "poster.pdf"
    code, err = error_of(
        capsys, "signal-card", "--format", "poster", "--school-contact", contact, "-o", str(out)
    )
    assert code == 2
    assert "--school-contact" in err
    assert "Instellingen" in err
    assert "school-contact'" not in err
    assert "Spacer" not in err
    assert not out.exists()


def png(folder: Path, name: str = "logo.png") -> Path:
    from PIL import Image

    path = folder / name
    Image.new("RGB", (240, 80), (20, 120, 60)).save(path)
    return path


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda folder: folder / "weg.png", "bestaat niet"),
        (lambda folder: folder, "is een map, geen afbeelding"),
        (lambda folder: folder / "tekst.png", "geen PNG- of JPEG-afbeelding"),
        (lambda folder: folder / "kapot.png", "beschadigd of niet te lezen"),
    ],
    ids=["missing", "folder", "not-an-image", "damaged"],
)
def test_a_bad_logo_is_refused(
    make: Callable[[Path], Path],
    expected: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    images = tmp_path / "images"
    images.mkdir()
    (images / "tekst.png").write_text("geen plaatje")
    (images / "kapot.png").write_bytes(png(tmp_path).read_bytes()[:60])
    out = tmp_path / "out.pdf"
    for command in (
        ["signal-card"],
        ["lesson-plan", "--lesson", "proefles", "--lessons-dir", str(FIXTURE_LESSONS)],
    ):
        code, err = error_of(capsys, *command, "--logo", str(make(images)), "-o", str(out))
        assert code == 2
        assert expected in err
        assert "--logo" in err
        assert not out.exists()


FIXTURE_LESSONS = Path(__file__).resolve().parent / "fixtures" / "lessons"


def test_help_lists_lesson_plan() -> None:
    result = run_python(CLI, "--help")
    assert "lesson-plan" in result.stdout


def test_writes_a_lesson_plan_and_a_worksheet(tmp_path: Path) -> None:
    for extra, name, expected in (
        ((), "lesplan.pdf", "Goed antwoord"),
        (("--worksheet",), "werkblad.pdf", "Groep:"),
    ):
        out = tmp_path / name
        result = run_python(
            CLI,
            "lesson-plan",
            "--lesson",
            "proefles",
            "--lang",
            "nl",
            *extra,
            "--lessons-dir",
            str(FIXTURE_LESSONS),
            "-o",
            str(out),
        )
        assert result.returncode == 0, result.stderr
        text = " ".join(page.extract_text() for page in PdfReader(out).pages)
        assert "Proefles met elke soort dia" in text
        assert expected in text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lesplan.pdf", "werkblad.pdf"]


def test_unknown_lesson_is_a_clear_error_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "lesplan.pdf"
    result = run_python(
        CLI,
        "lesson-plan",
        "--lesson",
        "bestaat-niet",
        "--lessons-dir",
        str(FIXTURE_LESSONS),
        "-o",
        str(out),
    )
    assert result.returncode == 2
    assert "Fout: onbekende les 'bestaat-niet'" in result.stderr
    assert "Bekende lessen: proefles" in result.stderr
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_worksheet_of_a_lesson_without_questions_is_refused(tmp_path: Path) -> None:
    import yaml

    source = yaml.safe_load((FIXTURE_LESSONS / "nl" / "00-proefles.yaml").read_text("utf-8"))
    source["slides"] = [s for s in source["slides"] if s["kind"] in ("title", "text", "help")]
    folder = tmp_path / "lessons" / "nl"
    folder.mkdir(parents=True)
    (folder / "00-proefles.yaml").write_text(yaml.safe_dump(source), "utf-8")
    out = tmp_path / "werkblad.pdf"
    args = ["lesson-plan", "--lesson", "proefles", "--lessons-dir", str(tmp_path / "lessons")]
    result = run_python(CLI, *args, "--worksheet", "-o", str(out))
    assert result.returncode == 2
    assert "geen werkblad" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()
    assert run_python(CLI, *args, "-o", str(out)).returncode == 0  # the plan is fine


def test_paper_is_for_the_poster_only(tmp_path: Path) -> None:
    from toolkit.__main__ import main

    target = tmp_path / "kaart.pdf"
    assert main(["signal-card", "--format", "trifold", "--paper", "a3", "-o", str(target)]) == 2
    assert not target.exists()


def test_help_lists_the_referral_letter() -> None:
    result = run_python(CLI, "referral-letter", "--help")
    assert result.returncode == 0
    assert "fictional" in result.stdout
    assert "--example" in result.stdout


def test_writes_the_example_referral_letter(tmp_path: Path) -> None:
    for language, subject in (
        ("nl", "Betreft: verwijzing, melding 2026-014"),
        ("en", "Re: referral, case 2026-014"),
    ):
        out = tmp_path / f"{language}.pdf"
        result = run_python(CLI, "referral-letter", "--example", "--lang", language, "-o", str(out))
        assert result.returncode == 0, result.stderr
        pages = PdfReader(out).pages
        assert len(pages) >= 2
        assert subject in pages[0].extract_text()


def test_a_referral_letter_needs_the_example_flag(tmp_path: Path) -> None:
    out = tmp_path / "brief.pdf"
    result = run_python(CLI, "referral-letter", "-o", str(out))
    assert result.returncode == 2
    assert "Fout:" in result.stderr
    assert "in de app" in result.stderr
    assert "--example" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_the_plan_and_worksheet_are_per_level(tmp_path: Path) -> None:
    base = ["lesson-plan", "--lesson", "proefles", "--lessons-dir", str(FIXTURE_LESSONS)]
    upper, lower = tmp_path / "boven.pdf", tmp_path / "onder.pdf"
    assert run_python(CLI, *base, "--level", "bovenbouw", "-o", str(upper)).returncode == 0
    assert run_python(CLI, *base, "--level", "onderbouw", "-o", str(lower)).returncode == 0
    upper_text = " ".join(page.extract_text() for page in PdfReader(upper).pages)
    lower_text = " ".join(page.extract_text() for page in PdfReader(lower).pages)
    assert "Verdieping" in upper_text  # the slide for the bovenbouw only
    assert "Verdieping" not in lower_text
    refused = run_python(CLI, *base, "--level", "mbo", "-o", str(tmp_path / "mbo.pdf"))
    assert refused.returncode == 2
    assert "niet voor mbo" in refused.stderr
    assert "onderbouw of bovenbouw" in refused.stderr
    assert not (tmp_path / "mbo.pdf").exists()


def test_school_and_logo_on_the_lesson_plan_worksheet_and_card(tmp_path: Path) -> None:
    logo = png(tmp_path)
    plan = ["lesson-plan", "--lesson", "proefles", "--lessons-dir", str(FIXTURE_LESSONS)]
    for name, command in (
        ("lesplan.pdf", plan),
        ("werkblad.pdf", [*plan, "--worksheet"]),
        ("kaart.pdf", ["signal-card"]),
    ):
        out = tmp_path / name
        extra = ["--school", "Lyceum De Linde", "--logo", str(logo)]
        result = run_python(CLI, *command, *extra, "-o", str(out))
        assert result.returncode == 0, result.stderr
        first = PdfReader(out).pages[0]
        if name != "kaart.pdf":  # the card's layout is the signal card's own
            assert "Lyceum De Linde" in first.extract_text()
            assert len(first.images) == 1


def test_writes_the_observation_form_with_the_schools_name(tmp_path: Path) -> None:
    out = tmp_path / "observatieformulier.pdf"
    result = run_python(CLI, "observation-form", "--school", "OSG De Brug", "-o", str(out))
    assert result.returncode == 0, result.stderr
    reader = PdfReader(out)
    assert len(reader.pages) == 2
    first = reader.pages[0].extract_text()
    assert "OSG De Brug" in first
    assert "Casuscode" in first


def test_a_huge_logo_is_refused_before_it_is_decoded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from PIL import Image

    logo = tmp_path / "groot.png"
    Image.new("1", (8000, 6000)).save(logo)  # 48 MP, a small file
    out = tmp_path / "form.pdf"
    code, err = error_of(capsys, "observation-form", "--logo", str(logo), "-o", str(out))
    assert code == 2
    assert "te groot" in err
    assert not out.exists()
