from __future__ import annotations

from pathlib import Path

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


def test_unwritable_output_is_a_clear_error(tmp_path: Path) -> None:
    out = tmp_path / "no-such-folder" / "x" / "card.pdf"
    (tmp_path / "no-such-folder").write_text("a file, not a folder")
    result = run_python(CLI, "signal-card", "-o", str(out))
    assert result.returncode == 1
    assert "Fout: kan" in result.stderr
    assert "Traceback" not in result.stderr


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
