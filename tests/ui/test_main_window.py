from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from desktop.ui.app import Built, build


def nav_texts(built: Built) -> list[str]:
    nav = built.window.navigation
    return [nav.item(i).text() for i in range(nav.count())]


def test_build_shows_the_window_without_an_event_loop(built: Built) -> None:
    assert built.window.isVisible()
    assert nav_texts(built) == [
        "Lessen",
        "Signalenkaart",
        "Zorgmeldingen",
        "Printen",
        "Instellingen",
    ]
    assert built.window.current_page() is built.window.lessons_page


def test_navigation_and_shortcuts(built: Built, qtbot: QtBot) -> None:
    window = built.window
    window.navigation.setCurrentRow(2)
    assert window.current_page() is window.concerns_page
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() is window.settings_page
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() is window.signal_card_page


def test_every_page_paints_something(built: Built) -> None:
    for page in built.window.pages:
        built.window.show_page(page)
        image = built.window.grab().toImage()
        assert not image.isNull()
        assert page.heading.text()


def test_language_switch_retranslates_open_window(built: Built, qtbot: QtBot) -> None:
    page = built.window.settings_page
    built.window.show_page(page)
    page.language.setCurrentIndex(page.language.findData("en"))
    assert page.save()
    qtbot.waitUntil(lambda: nav_texts(built)[0] == "Lessons")
    assert nav_texts(built) == ["Lessons", "Signal card", "Concerns", "Print", "Settings"]
    assert page.heading.text() == "Settings"
    assert built.window.lessons_page.heading.text() == "Lessons"
    assert "Schoolsignaal" in built.window.windowTitle()
    stored = json.loads(built.startup.paths.settings_file.read_text(encoding="utf-8"))
    assert stored["language"] == "en"


def test_settings_save_and_reject(built: Built) -> None:
    page = built.window.settings_page
    page.edits["school_name"].setText("Het Baken")
    page.edits["coordinator_name"].setText("A. de Wit")
    page.edits["coordinator_email"].setText("geen-adres")
    assert not page.save()
    assert not built.startup.paths.settings_file.exists()  # nothing written
    assert page.errors["coordinator_email"].isVisibleTo(page)
    assert "e-mailadres" in page.errors["coordinator_email"].text()
    page.edits["coordinator_email"].setText("zorg@hetbaken.nl")
    assert page.save()
    assert not page.errors["coordinator_email"].isVisibleTo(page)
    stored = json.loads(built.startup.paths.settings_file.read_text(encoding="utf-8"))
    assert stored["school_name"] == "Het Baken"
    assert stored["coordinator_email"] == "zorg@hetbaken.nl"


def test_revert_restores_saved_values(built: Built) -> None:
    page = built.window.settings_page
    page.edits["school_name"].setText("Iets anders")
    page.revert()
    assert page.edits["school_name"].text() == ""


def test_logo_import_and_refusal(built: Built, tmp_path: Path) -> None:
    page = built.window.settings_page
    not_an_image = tmp_path / "logo.png"
    not_an_image.write_bytes(b"no image here")
    assert not page.set_logo(str(not_an_image))
    assert "geen afbeelding" in page.errors["has_logo"].text()
    assert not built.startup.paths.logo_file.exists()

    image = QImage(2000, 1000, QImage.Format.Format_RGB32)
    image.fill(QColor("#1d3557"))
    real = tmp_path / "real.png"
    assert image.save(str(real))
    assert page.set_logo(str(real))
    assert not built.startup.paths.logo_file.exists()  # an edit: stored with "Opslaan"
    assert page.save()
    stored = QImage(str(built.startup.paths.logo_file))
    assert stored.width() == 800
    assert stored.height() == 400
    assert built.profile.settings.has_logo
    assert page.logo_remove.isEnabled()
    page.logo_remove.click()
    assert built.startup.paths.logo_file.exists()
    assert page.save()
    assert not built.startup.paths.logo_file.exists()
    assert not built.profile.settings.has_logo


def test_broken_settings_file_is_reported(qtbot: QtBot, basedir: Path) -> None:
    settings_file = basedir / "config" / "settings.json"
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text("{kapot", encoding="utf-8")
    result = build(["--basedir", str(basedir)], install_hooks=False)
    qtbot.addWidget(result.window)
    assert result.window.notice.isVisible()
    assert "beschadigd" in result.window.notice.text.text()
    result.window.notice.action.click()
    assert result.window.current_page() is result.window.settings_page
    copies = list(settings_file.parent.glob("settings.kapot-*.json"))
    assert len(copies) == 1
    assert copies[0].read_text(encoding="utf-8") == "{kapot"


def test_lang_argument_overrides_settings(qtbot: QtBot, basedir: Path) -> None:
    result = build(["--basedir", str(basedir), "--lang", "en"], install_hooks=False)
    qtbot.addWidget(result.window)
    assert result.window.navigation.item(0).text() == "Lessons"


def test_several_bad_fields_still_start_the_app(qtbot: QtBot, basedir: Path) -> None:
    """A wrong type beside another bad value once stopped the start-up."""
    settings_file = basedir / "config" / "settings.json"
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text(
        '{"autolock_minutes": "5", "coordinator_email": "jan@school", "school_name": "De Brug"}',
        encoding="utf-8",
    )
    result = build(["--basedir", str(basedir)], install_hooks=False)
    qtbot.addWidget(result.window)
    assert result.profile.settings.school_name == "De Brug"  # what was right is kept
    assert result.profile.settings.autolock_minutes == 5
    text = result.window.notice.text.text()
    assert "Automatisch vergrendelen na (minuten)" in text
    assert "E-mail" in text or "e-mail" in text
    assert list(settings_file.parent.glob("settings.kapot-*.json"))


def test_the_settings_notice_follows_a_language_switch(qtbot: QtBot, basedir: Path) -> None:
    from desktop.language import apply_language

    settings_file = basedir / "config" / "settings.json"
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text("{kapot", encoding="utf-8")
    result = build(["--basedir", str(basedir)], install_hooks=False)
    qtbot.addWidget(result.window)
    assert "beschadigd" in result.window.notice.text.text()
    apply_language("en")
    try:
        qtbot.waitUntil(lambda: "damaged" in result.window.notice.text.text(), timeout=2000)
        assert "The settings file was damaged." in result.window.notice.text.text()
        assert result.window.notice.action.text() == "Go to settings"
    finally:
        apply_language("nl")
