from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from lessons.datafile import ContentError
from lessons.library import load_library, read_lesson
from lessons.markdown import BulletList, Paragraph, blocks, plain_text
from tests.conftest import ROOT, run_python

FIXTURES = ROOT / "tests" / "fixtures" / "lessons"
FIXTURE = FIXTURES / "nl" / "00-proefles.yaml"


def test_fixture_uses_every_slide_kind() -> None:
    lesson = read_lesson(FIXTURE)
    assert {s.kind for s in lesson.slides} == {
        "title", "text", "image", "statement", "quiz", "case", "help", "closing"
    }  # fmt: skip
    assert all(s.notes for s in lesson.slides)
    assert lesson.planned_minutes() == 20


def broken(tmp_path: Path, change) -> Path:  # type: ignore[no-untyped-def]
    folder = tmp_path / "nl"
    shutil.copytree(FIXTURE.parent, folder)
    data = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    change(data)
    path = folder / FIXTURE.name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def problem_of(path: Path) -> tuple[str, str, int | None]:
    with pytest.raises(ContentError) as caught:
        read_lesson(path)
    problem = caught.value.problems[0]
    assert problem.file == path.name
    return problem.field, problem.message, problem.line


def test_missing_field(tmp_path: Path) -> None:
    field, message, line = problem_of(broken(tmp_path, lambda d: d["slides"][1].pop("notes")))
    assert field == "slides[1].notes"
    assert "ontbreekt" in message
    assert line is not None


def test_unknown_kind(tmp_path: Path) -> None:
    field, message, _line = problem_of(
        broken(tmp_path, lambda d: d["slides"][2].update(kind="video"))
    )
    assert field == "slides[2]"
    assert message.startswith("onbekende soort 'video'; kies uit 'title', 'text'")
    assert message.endswith("'help', 'closing'")  # Dutch, not pydantic's English


def test_missing_kind(tmp_path: Path) -> None:
    field, message, _line = problem_of(broken(tmp_path, lambda d: d["slides"][2].pop("kind")))
    assert field == "slides[2]"
    assert message == "het veld 'kind' ontbreekt: zeg welke soort dit is"


def test_missing_image(tmp_path: Path) -> None:
    field, message, line = problem_of(
        broken(tmp_path, lambda d: d["slides"][2].update(image="images/weg.svg"))
    )
    assert field == "slides[2].image"
    assert "afbeelding niet gevonden: images/weg.svg" in message
    text = (tmp_path / "nl" / FIXTURE.name).read_text(encoding="utf-8").splitlines()
    assert line is not None
    assert "weg.svg" in text[line - 1]


def test_bad_quiz(tmp_path: Path) -> None:
    path = broken(tmp_path, lambda d: d["slides"][4].update(answer=7))
    field, message, line = problem_of(path)
    assert field == "slides[4].answer"
    assert "antwoord 7 is geen optie; kies een nummer van 1 tot en met 3" in message
    assert line is not None
    assert "answer: 7" in path.read_text(encoding="utf-8").splitlines()[line - 1]


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("id: x\ntitle: 'niet gesloten\nlevels: [mbo]\n", 2, "sluit de aanhalingstekens"),
        ("id: x\ntitle: Les: met dubbele punt: fout\n", 2, "dubbele punt"),
        ("id: x\n\ttitle: tab\n", 2, "tab"),
        ("slides:\n  - id: a\n   kind: text\n", 3, "inspringing"),
    ],
)
def test_yaml_mistakes_are_explained_in_dutch(
    tmp_path: Path, text: str, line: int, words: str
) -> None:
    path = tmp_path / "kapot.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        read_lesson(path)
    problem = caught.value.problems[0]
    assert problem.message.startswith("geen geldige YAML: ")
    assert words in problem.message
    assert problem.line == line


def test_unsupported_markdown(tmp_path: Path) -> None:
    field, message, _line = problem_of(
        broken(tmp_path, lambda d: d["slides"][1].update(body="# Kop\n\ntekst"))
    )
    assert field == "slides[1].body"
    assert "alleen alinea's" in message


def test_duplicate_slide_id(tmp_path: Path) -> None:
    _field, message, _line = problem_of(
        broken(tmp_path, lambda d: d["slides"][1].update(id="opening"))
    )
    assert "twee keer" in message


def test_a_broken_file_does_not_stop_the_others(tmp_path: Path) -> None:
    broken(tmp_path, lambda d: d["slides"][4].update(answer=0))
    good = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    good.update(id="tweede-les", number=1)
    (tmp_path / "nl" / "01-tweede.yaml").write_text(yaml.safe_dump(good, allow_unicode=True))
    library = load_library("nl", tmp_path)
    assert [loaded.lesson.id for loaded in library.lessons] == ["tweede-les"]
    assert [b.path.name for b in library.broken] == [FIXTURE.name]
    assert "slides[4].answer" in library.broken[0].message()


def test_check_command(tmp_path: Path) -> None:
    code = "from lessons.__main__ import main; raise SystemExit(main())"
    ok = run_python(code, "check", str(FIXTURES))
    assert ok.returncode == 0, ok.stdout
    assert "proefles" in ok.stdout
    assert " nl " in ok.stdout
    assert "9 slides" in ok.stdout
    assert "20 min" in ok.stdout
    broken(tmp_path, lambda d: d["slides"][0].pop("title"))
    bad = run_python(code, "check", str(tmp_path))
    assert bad.returncode == 1
    assert "00-proefles.yaml, regel" in bad.stdout
    assert "slides[0].title" in bad.stdout


def test_markdown_subset() -> None:
    result = blocks("Eerst **vet** & <zo>.\n\n- een *schuin* punt\n- twee\n\nSlot")
    assert result == [
        Paragraph("Eerst <b>vet</b> &amp; &lt;zo&gt;."),
        BulletList(("een <i>schuin</i> punt", "twee")),
        Paragraph("Slot"),
    ]
    assert plain_text("**Let op**: *niet* bang") == "Let op: niet bang"


def test_an_unknown_help_line_makes_the_lesson_broken(tmp_path: Path) -> None:
    import shutil

    from lessons.library import load_library

    shutil.copytree(FIXTURES / "nl", tmp_path / "nl")
    path = tmp_path / "nl" / "00-proefles.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("kindertelefoon,", "kindertelfoon,"),
        encoding="utf-8",
    )
    assert load_library("nl", tmp_path).lessons  # without the known ids: not checked
    library = load_library("nl", tmp_path, help_lines={"kindertelefoon", "fier-chat", "politie"})
    assert library.lessons == []
    message = library.broken[0].message()
    assert "slides[7].help_lines" in message
    assert "onbekende hulplijn 'kindertelfoon'" in message
