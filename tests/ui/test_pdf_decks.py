from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.classroom.pdf_decks import PdfDeck, PdfDeckStore
from desktop.ui.app import Built, build
from desktop.ui.pages.lessons import LessonsPage
from desktop.ui.pdf_deck_dialog import AddPdfDeckDialog
from desktop.ui.presenter.pdf_deck import PdfDeckConsole, present_deck
from desktop.ui.presenter.session import PresenterSession
from tests.deck_pdfs import slides_pdf, write
from tests.ui.fake_screens import BEAMER, LAPTOP, FakeScreens


def loaded_page(built: Built) -> LessonsPage:
    page = built.window.lessons_page
    page.ensure_loaded()
    return page


def rows(page: LessonsPage) -> list[str]:
    return [page.list.item(i).text() for i in range(page.list.count())]


def add_through_the_page(page: LessonsPage, source: Path, title: str) -> PdfDeck:
    dialog = page.pdf_decks.add_file(source)
    assert isinstance(dialog, AddPdfDeckDialog)
    assert dialog.isVisible()
    dialog.title_edit.setText(title)
    dialog.level.setCurrentIndex(dialog.level.findData("bovenbouw"))
    dialog.minutes.setValue(45)
    dialog.buttons.accepted.emit()
    assert not dialog.isVisible()
    deck = page.pdf_decks.current()
    assert deck is not None
    return deck


def test_add_list_and_survive_a_restart(built: Built, basedir: Path, tmp_path: Path) -> None:
    page = loaded_page(built)
    lessons = page.list.count()
    source = write(tmp_path / "Mensenhandel les 1.pdf", slides_pdf(4))
    (tmp_path / "Mensenhandel les 1.txt").write_text("Start met de film.\n---\nVraag de klas.")
    deck = add_through_the_page(page, source, "Officiële dia's les 1")
    assert deck.pdf == basedir / "data" / "lespdfs" / f"{deck.id}.pdf"
    assert page.list.count() == lessons + 1
    assert "PDF · Officiële dia's les 1" in rows(page)[-1]
    assert "bovenbouw · 4 pagina's · 45 minuten" in rows(page)[-1]
    assert "1 PDF" in page.status.text()
    assert page.start_button.isEnabled()
    assert not page.plan_button.isEnabled()
    assert page.pdf_decks.remove_button.isVisible()
    assert "Start met de film." in page.detail.toPlainText()
    built.window.close()

    again = build(["--basedir", str(basedir)], install_hooks=False)
    try:
        page = loaded_page(again)
        assert "PDF · Officiële dia's les 1" in rows(page)[-1]
    finally:
        again.window.close()
        again.window.deleteLater()


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"PK\x03\x04 not a pdf", "geen PDF"),
        (slides_pdf(2, password="geheim"), "wachtwoord"),
        (slides_pdf(2)[:300], "beschadigd"),
    ],
)
def test_refused_with_a_message(
    built: Built, basedir: Path, tmp_path: Path, data: bytes, words: str
) -> None:
    page = loaded_page(built)
    before = rows(page)
    box = page.pdf_decks.add_file(write(tmp_path / "kapot.pdf", data))
    assert isinstance(box, QMessageBox)
    assert box.isVisible()
    assert box.isModal()
    assert words in box.text()
    assert rows(page) == before
    folder = basedir / "data" / "lespdfs"
    assert not folder.exists() or list(folder.iterdir()) == []


def test_remove_asks_first(built: Built, basedir: Path, tmp_path: Path) -> None:
    page = loaded_page(built)
    before = rows(page)
    add_through_the_page(page, write(tmp_path / "a.pdf", slides_pdf(2)), "Weg ermee")
    box = page.pdf_decks.ask_remove()
    assert box is not None
    assert box.isVisible()
    assert "Weg ermee" in box.text()
    box.button(QMessageBox.StandardButton.No).click()
    assert len(rows(page)) == len(before) + 1
    page.list.setCurrentRow(page.list.count() - 1)
    box = page.pdf_decks.ask_remove()
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()
    assert rows(page) == before
    assert list((basedir / "data" / "lespdfs").iterdir()) == []


def test_present_a_deck_from_the_page(built: Built, qtbot: QtBot, tmp_path: Path) -> None:
    page = loaded_page(built)
    add_through_the_page(page, write(tmp_path / "a.pdf", slides_pdf(5)), "Eigen dia's")
    page.start_current()  # F5
    session = built.window.session
    assert session is not None
    audience = session.audience
    assert audience.isVisible()
    assert audience.isFullScreen()
    p = session.presentation
    assert p.count == 5
    qtbot.keyClick(audience, Qt.Key.Key_Right)
    assert p.index == 1
    qtbot.keyClick(audience, Qt.Key.Key_Space)
    assert p.index == 2
    qtbot.keyClick(audience, Qt.Key.Key_Left)
    assert p.index == 1
    image = audience.canvas.grab().toImage()
    centre = image.pixelColor(image.width() // 2, image.height() // 2)
    assert centre.lightness() > 200  # the page's white paper, drawn from the PDF
    qtbot.keyClick(audience, Qt.Key.Key_B)
    assert p.blank == "black"
    image = audience.canvas.grab().toImage()
    assert image.pixelColor(image.width() // 2, image.height() // 2).lightness() == 0
    qtbot.keyClick(audience, Qt.Key.Key_W)
    assert p.blank == "white"
    qtbot.keyClick(audience, Qt.Key.Key_W)
    assert p.blank is None
    renderer_pages = session.renderer.pages
    assert renderer_pages is not None
    assert renderer_pages.wait_idle()
    size = audience.canvas.size() * audience.devicePixelRatioF()
    assert renderer_pages.cached(2, size)  # the next page, rendered ahead at this size
    with qtbot.waitSignal(session.finished):
        qtbot.keyClick(audience, Qt.Key.Key_Escape)
    assert built.window.session is None


@pytest.fixture
def deck_session(qtbot: QtBot, tmp_path: Path) -> Iterator[PresenterSession]:
    store = PdfDeckStore(tmp_path / "lespdfs")
    source = write(tmp_path / "a.pdf", slides_pdf(3))
    (tmp_path / "a.txt").write_text("NOTITIE-EEN\n---\n---\nNOTITIE-DRIE\n", encoding="utf-8")
    deck = store.add(source, "Titel", None)
    screens = FakeScreens(LAPTOP, BEAMER)
    session = present_deck(deck, screens=screens, primary=screens.primary)
    qtbot.addWidget(session.audience)
    qtbot.addWidget(session.console)
    session.start()
    yield session
    session.close()


def test_notes_from_the_text_file_and_typed_ones_kept(
    deck_session: PresenterSession, qtbot: QtBot
) -> None:
    console = deck_session.console
    assert isinstance(console, PdfDeckConsole)
    p = deck_session.presentation
    assert console.isVisible()
    assert "NOTITIE-EEN" in console.notes.toPlainText()
    assert not console.reveal_button.isVisible()
    p.next()
    assert "Geen notities bij deze pagina" in console.notes.toPlainText()
    console.edit_button.click()
    assert console.editor.isVisible()
    assert not console.notes.isVisible()
    console.editor.setFocus()
    qtbot.keyClicks(console.editor, "Vraag wie dit herkent")
    assert p.index == 1  # typing (spaces too) does not move the slides
    qtbot.keyClick(console.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not console.editor.isVisible()
    assert "Vraag wie dit herkent" in console.notes.toPlainText()
    deck = console.deck
    saved = json.loads(deck.meta.read_text("utf-8"))["notes"]
    assert saved == ["NOTITIE-EEN", "Vraag wie dit herkent", "NOTITIE-DRIE"]

    console.edit_button.click()  # Esc while typing: stop typing, the lesson goes on
    console.editor.setFocus()
    qtbot.keyClicks(console.editor, " en nog iets")
    qtbot.keyClick(console.editor, Qt.Key.Key_Escape)
    assert not p.ended
    assert not console.editor.isVisible()
    assert deck.notes[1] == "Vraag wie dit herkent"

    console.edit_button.click()  # a page change while typing keeps what was typed
    console.editor.setPlainText("Op de vorige pagina")
    p.next()
    assert deck.notes[1] == "Op de vorige pagina"
    assert not console.editor.isVisible()
    assert "NOTITIE-DRIE" in console.notes.toPlainText()
    for _ in range(3):
        assert "NOTITIE" not in repr(p.audience_slide())
        p.previous()
