"""Over Schoolsignaal: the series is our own, written on another programme's themes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.language import apply_language
from desktop.ui.app import Built


def test_the_about_window_says_the_lessons_are_not_the_official_package(
    built: Built, qtbot: QtBot
) -> None:
    sidebar = built.window.sidebar
    assert sidebar.tagline.text() == "Uitbuiting van leerlingen voorkomen en signaleren"
    qtbot.mouseClick(sidebar.about_button, Qt.MouseButton.LeftButton)
    about = sidebar.about
    assert about is not None
    assert about.isVisible()
    text = about.text.toPlainText()
    assert "‘Mensenhandel (niet) op school’" in text
    assert "niet het officiële lespakket" in text
    assert "PDF" in text
    sidebar.show_about()  # a second click shows the same window, not a second one
    assert sidebar.about is about
    about.close()
    qtbot.waitUntil(lambda: sidebar.about is None)


def test_the_lessons_page_says_it_once_too(built: Built, qtbot: QtBot) -> None:
    intro = built.window.lessons_page.intro
    assert "Lessenreeks Schoolsignaal" in intro.text()
    assert "niet het officiële lespakket" in intro.text()
    apply_language("en")
    qtbot.waitUntil(lambda: "not its official lesson package" in intro.text())
    assert built.window.sidebar.about_button.text() == "About Schoolsignaal"
    apply_language("nl")
