"""The settings page's recipients of referral letters: add, change, remove, save, revert."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.recipients import MAX_RECIPIENTS, RecipientEntry
from desktop.ui.app import Built, build
from desktop.ui.pages.recipients import RecipientDialog, RecipientsBox

VEILIG_THUIS = RecipientEntry("veilig_thuis", "Veilig Thuis Voorbeeldregio", "Team Advies")
POLICE = RecipientEntry("police", "Politie, basisteam Voorbeeldstad")


def rows(box: RecipientsBox) -> list[list[str]]:
    return [
        [box.list.topLevelItem(i).text(c) for c in range(3)]  # type: ignore[union-attr]
        for i in range(box.list.topLevelItemCount())
    ]


def stored(built: Built) -> list[dict[str, str]]:
    data = json.loads(built.startup.paths.settings_file.read_text(encoding="utf-8"))
    return list(data["recipients"])


def fill(dialog: RecipientDialog, kind: str, organisation: str, name: str, address: str) -> None:
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
    dialog.organisation.setText(organisation)
    dialog.name.setText(name)
    dialog.address.setPlainText(address)


def test_the_dialog_offers_every_kind_in_order(built: Built) -> None:
    dialog = built.window.settings_page.recipients.add()
    assert dialog is not None
    assert [dialog.kind.itemText(i) for i in range(dialog.kind.count())] == [
        "Zorgcoördinator mensenhandel",
        "Veilig Thuis",
        "Meldpunt Uitbuiting Minderjarigen",
        "CoMensha",
        "Politie",
        "Andere organisatie",
    ]
    assert dialog.windowTitle() == "Ontvanger toevoegen"
    assert dialog.kind.hasFocus() or not dialog.isActiveWindow()
    dialog.reject()


def test_add_through_the_dialog_and_save(built: Built, qtbot: QtBot) -> None:
    page = built.window.settings_page
    box = page.recipients
    assert box.empty.isVisibleTo(page)
    assert not box.list.isVisibleTo(page)
    qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
    dialog = box.dialog
    assert dialog is not None
    assert dialog.isVisible()
    fill(
        dialog,
        "regional_coordinator",
        "  Zorgcoördinatie Mensenhandel & Co  ",
        "M. de Boer",
        "Postbus 100  \n9999 ZZ Voorbeeldstad\n\n",
    )
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert rows(box) == [
        ["Zorgcoördinator mensenhandel", "Zorgcoördinatie Mensenhandel & Co", "M. de Boer"]
    ]
    assert "Nog niet opgeslagen" in page.status.text()
    assert not built.startup.paths.settings_file.exists()  # saved with the page, not before
    assert page.save()
    assert stored(built) == [
        {
            "kind": "regional_coordinator",
            "organisation": "Zorgcoördinatie Mensenhandel & Co",
            "name": "M. de Boer",
            "address": "Postbus 100\n9999 ZZ Voorbeeldstad",
        }
    ]
    assert built.profile.settings.recipients[0].organisation == "Zorgcoördinatie Mensenhandel & Co"


def test_the_dialog_shows_what_is_wrong_in_place(built: Built, qtbot: QtBot) -> None:
    box = built.window.settings_page.recipients
    dialog = box.add()
    assert dialog is not None
    fill(dialog, "veilig_thuis", "   ", "", "\n".join(f"regel {n}" for n in range(8)))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # still open: nothing added
    assert dialog.errors["organisation"].isVisibleTo(dialog)
    assert "vul de naam van de organisatie in" in dialog.errors["organisation"].text()
    assert "ten hoogste 6" in dialog.errors["address"].text()
    assert not dialog.errors["kind"].isVisibleTo(dialog)
    assert box.entries() == ()
    dialog.organisation.setText("Veilig Thuis Voorbeeldregio")
    dialog.address.setPlainText("Voorbeeldlaan 1\n9999 ZZ Voorbeeldstad")
    qtbot.keyClick(dialog.organisation, Qt.Key.Key_Return)  # Enter takes the default button
    assert not dialog.isVisible()
    assert [e.organisation for e in box.entries()] == ["Veilig Thuis Voorbeeldregio"]


def test_change_with_enter_and_double_click(built: Built, qtbot: QtBot) -> None:
    page = built.window.settings_page
    box = page.recipients
    box.set_entries((VEILIG_THUIS, POLICE))
    box.list.setCurrentItem(box.list.topLevelItem(1))
    box.list.setFocus()
    qtbot.keyClick(box.list, Qt.Key.Key_Return)
    dialog = box.dialog
    assert dialog is not None
    assert dialog.windowTitle() == "Ontvanger wijzigen"
    assert dialog.organisation.text() == "Politie, basisteam Voorbeeldstad"
    assert dialog.kind.currentData() == "police"
    dialog.name.setText("Wijkagent jeugd")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert rows(box)[1] == ["Politie", "Politie, basisteam Voorbeeldstad", "Wijkagent jeugd"]

    first = box.list.topLevelItem(0)
    assert first is not None
    box.list.itemDoubleClicked.emit(first, 0)
    dialog = box.dialog
    assert dialog is not None
    assert dialog.organisation.text() == "Veilig Thuis Voorbeeldregio"
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)  # nothing changes
    assert box.entries()[0] == VEILIG_THUIS
    assert page.save()
    assert [r["name"] for r in stored(built)] == ["Team Advies", "Wijkagent jeugd"]


def test_remove_with_delete_is_undone_by_revert(built: Built, qtbot: QtBot) -> None:
    page = built.window.settings_page
    assert page.profile.save({"recipients": (VEILIG_THUIS, POLICE)})
    page.revert()
    box = page.recipients
    assert box.entries() == (VEILIG_THUIS, POLICE)
    box.list.setFocus()
    qtbot.keyClick(box.list, Qt.Key.Key_Delete)
    assert box.entries() == (POLICE,)
    assert box.current_row() == 0  # the next one is current: Delete again goes on
    page.revert()
    assert box.entries() == (VEILIG_THUIS, POLICE)
    box.list.setCurrentItem(box.list.topLevelItem(1))
    qtbot.mouseClick(box.remove_button, Qt.MouseButton.LeftButton)
    assert box.entries() == (VEILIG_THUIS,)
    assert page.save()
    assert [r["kind"] for r in stored(built)] == ["veilig_thuis"]


def test_buttons_follow_the_list(built: Built) -> None:
    box = built.window.settings_page.recipients
    assert not box.change_button.isEnabled()
    assert not box.remove_button.isEnabled()
    box.set_entries((VEILIG_THUIS,))
    assert box.change_button.isEnabled()
    assert box.remove_button.isEnabled()
    box.set_entries((POLICE,) * MAX_RECIPIENTS)
    assert not box.add_button.isEnabled()
    assert box.add() is None
    assert "30" in box.add_button.toolTip()


def test_tab_goes_from_the_list_to_its_buttons(built: Built, qtbot: QtBot) -> None:
    page = built.window.settings_page
    built.window.show_page(page)
    box = page.recipients
    box.set_entries((VEILIG_THUIS,))
    built.window.activateWindow()  # focus needs the active window (another test's may linger)
    qtbot.waitUntil(built.window.isActiveWindow)
    box.list.setFocus()
    qtbot.waitUntil(box.list.hasFocus)
    order = []
    for _step in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order == [box.add_button, box.change_button, box.remove_button]


def test_a_language_switch_retranslates_the_group(built: Built, qtbot: QtBot) -> None:
    page = built.window.settings_page
    box = page.recipients
    box.set_entries((VEILIG_THUIS, RecipientEntry("regional_coordinator", "Regio")))
    page.language.setCurrentIndex(page.language.findData("en"))
    assert page.save()
    qtbot.waitUntil(lambda: box.title() == "Recipients of referral letters")
    assert box.add_button.text() == "Add…"
    assert box.change_button.text() == "Change…"
    header = box.list.headerItem()
    assert header is not None
    assert header.text(1) == "Organisation"
    assert rows(box)[1][0] == "Regional care coordinator for trafficking"
    dialog = box.add()
    assert dialog is not None
    assert dialog.windowTitle() == "Add recipient"
    assert dialog.kind.itemText(3) == "CoMensha"
    dialog.reject()


def test_a_broken_recipient_in_the_file_is_reported(qtbot: QtBot, basedir: Path) -> None:
    settings_file = basedir / "config" / "settings.json"
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text(
        json.dumps(
            {
                "school_name": "De Brug",
                "recipients": [VEILIG_THUIS.to_json(), {"kind": "police", "organisation": ""}],
            }
        ),
        encoding="utf-8",
    )
    result = build(["--basedir", str(basedir)], install_hooks=False)
    qtbot.addWidget(result.window)
    text = result.window.notice.text.text()
    assert "Ontvangers van verwijsbrieven die niet klopten zijn weggelaten" in text
    assert "standaardwaarde" not in text  # nothing else was reset
    assert result.window.settings_page.recipients.entries() == (VEILIG_THUIS,)
    assert list(settings_file.parent.glob("settings.kapot-*.json"))
