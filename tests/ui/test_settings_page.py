"""The settings page: unsaved edits are asked about, the logo is an edit, limits are said."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QImageReader
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.school_profile import LOGO_FORMATS, logo_file_filter, logo_format_names
from desktop.settings import MAX_TEXT
from desktop.ui.app import Built
from desktop.ui.pages.settings import SettingsPage

Button = QMessageBox.StandardButton


def open_settings(built: Built) -> SettingsPage:
    page = built.window.settings_page
    built.window.show_page(page)
    return page


def answer(page: SettingsPage, button: QMessageBox.StandardButton) -> None:
    box = page.ask
    assert box is not None, "asked"
    assert box.isVisible()
    assert box.windowModality() == Qt.WindowModality.WindowModal  # opened with open()
    assert box.text() == "Wijzigingen opslaan?"
    box.button(button).click()
    assert page.ask is None


def stored(built: Built) -> dict[str, object]:
    return json.loads(built.startup.paths.settings_file.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_closing_with_unsaved_edits_asks(built: Built) -> None:
    window = built.window
    page = open_settings(built)
    assert window.close(), "nothing to ask: closes"
    assert page.ask is None
    window.show()
    page.edits["school_name"].setText("Het Baken")
    assert not window.close()  # asked instead
    answer(page, Button.Cancel)
    assert window.isVisible()
    assert page.edits["school_name"].text() == "Het Baken"  # the edit stays

    window.close()
    answer(page, Button.Save)
    assert not window.isVisible()
    assert stored(built)["school_name"] == "Het Baken"


def test_closing_and_discarding(built: Built) -> None:
    page = open_settings(built)
    page.edits["school_name"].setText("Het Baken")
    built.window.close()
    answer(page, Button.Discard)
    assert not built.window.isVisible()
    assert not built.startup.paths.settings_file.exists()


def test_a_failed_save_on_closing_keeps_the_window(built: Built) -> None:
    page = open_settings(built)
    page.edits["coordinator_phone"].setText("030-1234567")  # no name: refused
    built.window.close()
    answer(page, Button.Save)
    assert built.window.isVisible()
    assert built.window.current_page() is page
    assert page.errors["coordinator_name"].isVisibleTo(page)


def test_leaving_the_page_with_unsaved_edits_asks(built: Built) -> None:
    window = built.window
    page = open_settings(built)
    window.show_page(window.lessons_page)
    assert page.ask is None  # no edits: nothing to ask
    window.show_page(page)
    page.autolock.setValue(12)
    window.show_page(window.lessons_page)
    answer(page, Button.Cancel)
    assert window.current_page() is page, "back to the edits"
    assert page.autolock.value() == 12

    window.show_page(window.lessons_page)
    answer(page, Button.Discard)
    assert window.current_page() is window.lessons_page
    assert page.autolock.value() == 5
    assert not page.has_unsaved_edits()

    window.show_page(page)
    page.autolock.setValue(15)
    window.show_page(window.signal_card_page)
    answer(page, Button.Save)
    assert window.current_page() is window.signal_card_page
    assert built.profile.settings.autolock_minutes == 15


def test_saved_goes_away_on_the_next_edit(built: Built, qtbot: QtBot) -> None:
    page = open_settings(built)
    qtbot.keyClicks(page.edits["school_name"], "De Linde")
    assert "Nog niet opgeslagen" in page.status.text()
    assert page.save()
    assert page.status.text() == "Opgeslagen."
    qtbot.keyClicks(page.edits["school_name"], "n")
    assert "Opgeslagen." not in page.status.text()
    assert "Nog niet opgeslagen" in page.status.text()
    qtbot.keyClick(page.edits["school_name"], Qt.Key.Key_Backspace)  # back to what is saved
    assert page.status.text() == ""
    assert page.save()
    page.retention.setValue(36)
    assert "Nog niet opgeslagen" in page.status.text()
    page.revert()
    assert page.status.text() == ""


def logo(tmp_path: Path, name: str = "logo.png", colour: str = "#1d3557") -> Path:
    image = QImage(400, 100, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    path = tmp_path / name
    assert image.save(str(path))
    return path


def test_the_logo_is_saved_with_the_other_fields(built: Built, tmp_path: Path) -> None:
    page = open_settings(built)
    logo_file = built.startup.paths.logo_file
    assert page.set_logo(str(logo(tmp_path)))
    assert not logo_file.exists(), "in memory until saved"
    assert page.has_unsaved_edits()
    assert "Nog niet opgeslagen" in page.status.text()
    assert page.logo_remove.isEnabled()
    page.revert()
    assert not logo_file.exists()
    assert not page.logo_remove.isEnabled()

    assert page.set_logo(str(logo(tmp_path)))
    page.edits["school_name"].setText("De Linde")
    assert page.save()
    assert logo_file.exists()
    assert stored(built)["has_logo"] is True
    assert not page.has_unsaved_edits()

    page.logo_remove.click()
    assert logo_file.exists(), "removing is an edit too"
    assert not page.logo_remove.isEnabled()
    page.revert()
    assert page.logo_remove.isEnabled()
    page.logo_remove.click()
    assert page.save()
    assert not logo_file.exists()
    assert stored(built)["has_logo"] is False


def test_a_refused_save_writes_no_logo(built: Built, tmp_path: Path) -> None:
    page = open_settings(built)
    assert page.set_logo(str(logo(tmp_path)))
    page.edits["coordinator_email"].setText("geen-adres")
    assert not page.save()
    assert not built.startup.paths.logo_file.exists()
    assert page.has_unsaved_edits()


def test_a_failed_write_puts_the_old_logo_back(built: Built, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page = open_settings(built)
    assert page.set_logo(str(logo(tmp_path, "old.png", "#ff0000")))
    assert page.save()
    before = built.startup.paths.logo_file.read_bytes()
    assert page.set_logo(str(logo(tmp_path, "new.png", "#00ff00")))

    def full_disk(_settings: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(built.profile.store, "save", full_disk)
    assert not page.save()
    assert "Is de schijf vol?" in page.status.text()
    assert built.startup.paths.logo_file.read_bytes() == before
    assert page.has_unsaved_edits()


def test_a_school_name_over_the_limit_is_refused_not_cut(built: Built) -> None:
    page = open_settings(built)
    name = "Scholengemeenschap " * 12  # 228 characters, the last word whole
    page.edits["school_name"].setText(name)
    assert page.edits["school_name"].text() == name, "nothing cut"
    error = page.errors["school_name"]
    assert error.isVisibleTo(page), "said where it is typed"
    assert error.text() == f"te lang: ten hoogste {MAX_TEXT} tekens."
    assert not page.save()
    assert not built.startup.paths.settings_file.exists()
    assert error.isVisibleTo(page)
    page.edits["school_name"].setText("Scholengemeenschap De Linde")
    assert not error.isVisibleTo(page)
    assert page.save()


def test_the_logo_message_and_the_filter_name_the_same_formats(
    built: Built, tmp_path: Path
) -> None:
    readable = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    for _name, suffixes in LOGO_FORMATS:
        assert set(suffixes) <= readable
    names = logo_format_names()
    assert names == "PNG, JPG, BMP, GIF of SVG"
    assert names in logo_file_filter()
    assert "*.svg" in logo_file_filter()
    page = open_settings(built)
    broken = tmp_path / "logo.png"
    broken.write_bytes(b"no image here")
    assert not page.set_logo(str(broken))
    assert names in page.errors["has_logo"].text()


def test_a_coordinator_without_a_name_is_refused(built: Built) -> None:
    page = open_settings(built)
    page.edits["coordinator_role"].setText("Zorgcoördinator")
    page.edits["coordinator_email"].setText("zorg@school.nl")
    assert not page.save()
    error = page.errors["coordinator_name"]
    assert error.isVisibleTo(page)
    assert error.text() == "Vul ook de naam van de zorgcoördinator in."
    assert not built.startup.paths.settings_file.exists()
    page.edits["coordinator_name"].setText("A. de Wit")
    assert page.save()
    assert not error.isVisibleTo(page)
