from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.classroom.pdf_decks import DeckProblem, PdfDeckStore, split_notes
from desktop.classroom.presenter import Presentation
from tests.deck_pdfs import slides_pdf, write


@pytest.fixture
def store(tmp_path: Path) -> PdfDeckStore:
    return PdfDeckStore(tmp_path / "data" / "lespdfs")


def test_add_copies_with_title_level_and_notes(store: PdfDeckStore, tmp_path: Path) -> None:
    source = write(tmp_path / "bron" / "les3.pdf", slides_pdf(3, "Mensenhandel (niet) op school"))
    (tmp_path / "bron" / "les3.txt").write_text(
        "Open met de vraag.\n\n- Wat weet de klas?\n---\n---\nAfsluiten.\n---\nteveel\n",
        encoding="utf-8",
    )
    info = store.inspect(source)
    assert info.pages == 3
    assert info.title == "Mensenhandel (niet) op school"  # the PDF's own title
    assert info.notes == ["Open met de vraag.\n\n- Wat weet de klas?", "", "Afsluiten."]
    deck = store.add(source, "  Les 3:   loverboys ", "bovenbouw", 45)
    assert deck.pdf.read_bytes() == source.read_bytes()
    assert deck.pdf.parent == store.folder
    assert deck.meta.is_file()
    again = PdfDeckStore(store.folder).decks()  # a restart reads the JSON anew
    assert [(d.title, d.level, d.duration, d.pages) for d in again] == [
        ("Les 3: loverboys", "bovenbouw", 45, 3)
    ]
    assert again[0].notes[2] == "Afsluiten."
    source.unlink()  # the copy stands on its own
    assert store.get(deck.id).pdf.is_file()


def test_title_defaults_to_the_file_name(store: PdfDeckStore, tmp_path: Path) -> None:
    info = store.inspect(write(tmp_path / "Eigen dia's klas 2.pdf", slides_pdf(1)))
    assert info.title == "Eigen dia's klas 2"
    assert info.notes_file is None
    assert info.notes == [""]


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"PK\x03\x04 a Word file, zipped", "geen PDF"),
        (b"Just some text, not a PDF at all\n" * 10, "geen PDF"),
        (slides_pdf(2, password="geheim"), "wachtwoord"),
        (slides_pdf(3)[:400], "beschadigd"),
        (b"%PDF-1.4\n%garbage with no objects at all\n", "beschadigd"),
    ],
)
def test_refused_with_a_message_and_nothing_left(
    store: PdfDeckStore, tmp_path: Path, data: bytes, words: str
) -> None:
    source = write(tmp_path / "bron.pdf", data)
    with pytest.raises(DeckProblem, match=words):
        store.inspect(source)
    with pytest.raises(DeckProblem, match=words):
        store.add(source, "Titel", None)
    assert not store.folder.exists() or list(store.folder.iterdir()) == []
    assert store.decks() == []


def test_empty_title_and_unreadable_file_refused(store: PdfDeckStore, tmp_path: Path) -> None:
    source = write(tmp_path / "a.pdf", slides_pdf(1))
    with pytest.raises(DeckProblem, match="titel"):
        store.add(source, "   ", None)
    with pytest.raises(DeckProblem, match="kan niet worden gelezen"):
        store.inspect(tmp_path / "weg.pdf")
    assert store.decks() == []


def test_half_copied_pdf_is_never_listed_and_cleaned_up(
    store: PdfDeckStore, tmp_path: Path
) -> None:
    store.folder.mkdir(parents=True)
    (store.folder / "pdf-0123456789ab.pdf").write_bytes(b"%PDF-1.4 cut off")  # JSON never written
    assert store.decks() == []
    store.add(write(tmp_path / "a.pdf", slides_pdf(1)), "Titel", None)
    assert not (store.folder / "pdf-0123456789ab.pdf").exists()


def test_typed_notes_kept_and_remove(store: PdfDeckStore, tmp_path: Path) -> None:
    deck = store.add(write(tmp_path / "a.pdf", slides_pdf(2)), "Titel", "mbo")
    store.save_notes(deck, 1, "Vraag: wie herkent dit?\n")
    assert json.loads(deck.meta.read_text("utf-8"))["notes"] == ["", "Vraag: wie herkent dit?"]
    assert store.get(deck.id).notes[1] == "Vraag: wie herkent dit?"
    assert not list(store.folder.glob("*.part"))
    store.remove(deck)
    assert store.decks() == []
    assert list(store.folder.iterdir()) == []


def test_a_deck_is_presented_like_a_lesson(store: PdfDeckStore, tmp_path: Path) -> None:
    deck = store.add(write(tmp_path / "a.pdf", slides_pdf(3)), "Titel", None, 30)
    store.save_notes(deck, 0, "GEHEIME NOTITIE")
    p = Presentation(deck, deck.folder, deck.levels[0])
    assert p.count == 3
    assert p.slide.notes == "GEHEIME NOTITIE"
    assert p.planned_lesson_seconds() == 30 * 60
    assert p.planned_slide_seconds() is None
    view = p.audience_slide()
    assert (view.kind, view.pdf, view.page) == ("pdf", deck.pdf, 0)
    assert "GEHEIM" not in repr(view)  # the heading in lists is for the console only
    p.next()
    assert p.audience_slide().page == 1
    assert p.next_preview() is not None
    assert not p.can_reveal()


def test_split_notes() -> None:
    assert split_notes("a\r\n---\r\nb", 3) == ["a", "b", ""]
    assert split_notes("  ---  \nx", 2) == ["", "x"]
