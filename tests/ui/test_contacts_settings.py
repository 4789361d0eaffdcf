"""The settings page's contacts sheet group (sociale kaart): add, change, remove, save, revert;
and "Contactenblad afdrukken…" on the Printen page."""

from __future__ import annotations

import io
import json
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.contacts import MAX_CONTACTS, ContactEntry
from desktop.recipients import RecipientEntry
from desktop.ui.app import Built, build
from desktop.ui.contacts_print import ContactsSheetPrintDialog
from desktop.ui.pages.contacts import ContactDialog, ContactsBox

VEILIG_THUIS = ContactEntry(
    "veilig_thuis", "Veilig Thuis Voorbeeldregio", "Team advies", "0800-2000"
)
WIJKAGENT = ContactEntry(
    "wijkagent", "Politie, basisteam Voorbeeldstad", "", "", "wijk@voorbeeldstad.example"
)


def rows(box: ContactsBox) -> list[list[str]]:
    return [
        [box.list.topLevelItem(i).text(c) for c in range(4)]  # type: ignore[union-attr]
        for i in range(box.list.topLevelItemCount())
    ]


def stored(built: Built) -> list[dict[str, str]]:
    data = json.loads(built.startup.paths.settings_file.read_text(encoding="utf-8"))
    return list(data["contacts"])


def fill(dialog: ContactDialog, kind: str, **texts: str) -> None:
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
    for name, text in texts.items():
        getattr(dialog, name).setText(text)


def test_the_group_sits_under_the_recipients(built: Built) -> None:
    page = built.window.settings_page
    box = page.contacts
    assert box.title() == "Contactenblad (sociale kaart)"
    assert box.add_button.objectName() == "contactAdd"
    assert page.recipients.add_button.objectName() == "recipientAdd"
    layout = page.recipients.parentWidget().layout()  # type: ignore[union-attr]
    assert layout.indexOf(box) == layout.indexOf(page.recipients) + 1  # type: ignore[union-attr]
    assert box.empty.isVisibleTo(page)
    assert "lege regels" in box.empty.text()


def test_the_dialog_offers_every_kind_in_order(built: Built) -> None:
    dialog = built.window.settings_page.contacts.add()
    assert isinstance(dialog, ContactDialog)
    assert [dialog.kind.itemText(i) for i in range(dialog.kind.count())] == [
        "Zorgcoördinator mensenhandel",
        "Veilig Thuis",
        "Wijkagent",
        "Leerplichtambtenaar",
        "Overig",
    ]
    assert dialog.windowTitle() == "Contact toevoegen"
    assert [dialog.labels[name].text() for name in ("phone", "email", "note")] == [
        "Telefoon:",
        "E-mail:",
        "Notitie:",
    ]
    assert dialog.organisation.maxLength() == 80
    dialog.reject()


def test_add_through_the_dialog_and_save(built: Built, qtbot: QtBot) -> None:
    page = built.window.settings_page
    box = page.contacts
    qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
    dialog = box.dialog
    assert isinstance(dialog, ContactDialog)
    fill(
        dialog,
        "regional_coordinator",
        organisation="  Zorgcoördinatie Mensenhandel & Co  ",
        name="M. de Boer",
        phone=" 030-000 00 02 ",
        email="mensenhandel@voorbeeldregio.example",
        note="bereikbaar ma–vr",
    )
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert rows(box) == [
        [
            "Zorgcoördinator mensenhandel",
            "Zorgcoördinatie Mensenhandel & Co",
            "M. de Boer",
            "030-000 00 02",
        ]
    ]
    assert "bereikbaar ma–vr" in box.list.topLevelItem(0).toolTip(1)  # type: ignore[union-attr]
    assert "Nog niet opgeslagen" in page.status.text()
    assert page.has_unsaved_edits()
    assert not built.startup.paths.settings_file.exists()  # saved with the page, not before
    assert page.save()
    assert stored(built) == [
        {
            "kind": "regional_coordinator",
            "organisation": "Zorgcoördinatie Mensenhandel & Co",
            "name": "M. de Boer",
            "phone": "030-000 00 02",
            "email": "mensenhandel@voorbeeldregio.example",
            "note": "bereikbaar ma–vr",
        }
    ]
    assert not page.has_unsaved_edits()
    assert built.profile.settings.recipients == ()  # the other list untouched


def test_the_dialog_says_what_is_wrong_in_place(built: Built, qtbot: QtBot) -> None:
    box = built.window.settings_page.contacts
    dialog = box.add()
    assert isinstance(dialog, ContactDialog)
    fill(dialog, "wijkagent", organisation="Politie", phone="030-12a4567", email="wijk@politie")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # still open: nothing added
    assert "‘a’ hoort niet in een telefoonnummer" in dialog.errors["phone"].text()
    assert "na de @ ontbreekt een domein" in dialog.errors["email"].text()
    assert not dialog.errors["organisation"].isVisibleTo(dialog)
    assert box.entries() == ()
    fill(dialog, "wijkagent", phone="", email="")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "vul een telefoonnummer of een e-mailadres in" in dialog.errors["phone"].text()
    assert not dialog.errors["email"].isVisibleTo(dialog)
    dialog.email.setText("wijk@politie.example")
    qtbot.keyClick(dialog.email, Qt.Key.Key_Return)  # Enter takes the default button
    assert not dialog.isVisible()
    assert box.entries() == (ContactEntry("wijkagent", "Politie", email="wijk@politie.example"),)


def test_change_remove_and_revert(built: Built, qtbot: QtBot) -> None:
    page = built.window.settings_page
    assert page.profile.save({"contacts": (VEILIG_THUIS, WIJKAGENT)})
    page.revert()
    box = page.contacts
    box.list.setCurrentItem(box.list.topLevelItem(1))
    box.list.setFocus()
    qtbot.keyClick(box.list, Qt.Key.Key_Return)
    dialog = box.dialog
    assert isinstance(dialog, ContactDialog)
    assert dialog.windowTitle() == "Contact wijzigen"
    assert dialog.email.text() == "wijk@voorbeeldstad.example"
    assert dialog.kind.currentData() == "wijkagent"
    dialog.note.setText("vraag naar team jeugd")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert box.entries()[1].note == "vraag naar team jeugd"
    qtbot.keyClick(box.list, Qt.Key.Key_Delete)
    assert box.entries() == (VEILIG_THUIS,)
    page.revert()  # "Herstellen": as saved
    assert box.entries() == (VEILIG_THUIS, WIJKAGENT)
    assert not page.has_unsaved_edits()


def test_leaving_with_unsaved_contacts_asks_to_save(built: Built, qtbot: QtBot) -> None:
    window = built.window
    page = window.settings_page
    window.show()
    window.show_page(page)
    page.contacts.set_entries((VEILIG_THUIS,))
    assert page.has_unsaved_edits()
    assert page.ask_to_save(lambda: None)
    box = page.ask
    assert isinstance(box, QMessageBox)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Discard), Qt.MouseButton.LeftButton)
    assert page.contacts.entries() == ()
    assert not page.has_unsaved_edits()


def test_a_contact_the_rules_refuse_is_shown_in_the_group(built: Built) -> None:
    page = built.window.settings_page
    page.contacts.set_entries((ContactEntry("wijkagent", "Politie", phone="12"),))
    assert not page.save()
    assert page.contacts.error.isVisibleTo(page)
    assert "contact 1: Telefoon: te weinig cijfers (2)" in page.contacts.error.text()
    assert not page.recipients.error.isVisibleTo(page)
    page.revert()
    assert not page.contacts.error.isVisibleTo(page)


def test_the_list_is_full_at_its_limit(built: Built) -> None:
    box = built.window.settings_page.contacts
    box.set_entries((WIJKAGENT,) * MAX_CONTACTS)
    assert not box.add_button.isEnabled()
    assert box.add() is None
    assert str(MAX_CONTACTS) in box.add_button.toolTip()


def test_a_language_switch_retranslates_the_group(built: Built, qtbot: QtBot) -> None:
    page = built.window.settings_page
    box = page.contacts
    box.set_entries((VEILIG_THUIS, WIJKAGENT))
    page.language.setCurrentIndex(page.language.findData("en"))
    assert page.save()
    qtbot.waitUntil(lambda: box.title() == "Contacts sheet (sociale kaart)")
    header = box.list.headerItem()
    assert header is not None
    assert [header.text(c) for c in range(4)] == ["Kind", "Organisation", "Person or department",
                                                  "Phone"]  # fmt: skip
    assert rows(box)[1][0] == "Community police officer"
    dialog = box.add()
    assert dialog is not None
    assert dialog.windowTitle() == "Add contact"
    dialog.reject()


def test_a_broken_contact_in_the_file_is_left_out(qtbot: QtBot, basedir: Path) -> None:
    settings_file = basedir / "config" / "settings.json"
    settings_file.parent.mkdir(parents=True)
    broken = {"kind": "wijkagent", "organisation": "Politie", "phone": "bel maar"}
    settings_file.write_text(
        json.dumps(
            {
                "school_name": "De Brug",
                "recipients": [RecipientEntry("veilig_thuis", "Veilig Thuis").to_json()],
                "contacts": [VEILIG_THUIS.to_json(), broken],
            }
        ),
        encoding="utf-8",
    )
    result = build(["--basedir", str(basedir)], install_hooks=False)
    qtbot.addWidget(result.window)
    text = result.window.notice.text.text()
    assert "Contacten voor het contactenblad die niet klopten zijn weggelaten" in text
    assert "standaardwaarde" not in text  # the good contact was kept, not reset
    assert result.window.settings_page.contacts.entries() == (VEILIG_THUIS,)
    assert len(result.window.settings_page.recipients.entries()) == 1
    assert list(settings_file.parent.glob("settings.kapot-*.json"))


# ---------------------------------------------------------------- Printen


def open_dialog(built: Built, qtbot: QtBot) -> ContactsSheetPrintDialog:
    page = built.window.page("printing")
    built.window.show()
    built.window.show_page(page)
    button = page.contacts_button  # type: ignore[attr-defined]
    assert button.text() == "Contactenblad…"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialogs = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, ContactsSheetPrintDialog) and w.isVisible()
    ]
    assert len(dialogs) == 1
    qtbot.addWidget(dialogs[0])
    return dialogs[0]


def pdf_text(dialog: ContactsSheetPrintDialog) -> str:
    pages = PdfReader(io.BytesIO(dialog.pdf_bytes)).pages
    return " ".join(" ".join((page.extract_text() or "").split()) for page in pages)


def test_without_contacts_it_prints_and_says_where_to_add_them(built: Built, qtbot: QtBot) -> None:
    assert built.profile.save({"school_name": "De Brug", "coordinator_name": "A. Jansen"})
    dialog = open_dialog(built, qtbot)
    assert dialog.windowTitle() == "Contactenblad afdrukken"
    assert dialog.advice.isVisibleTo(dialog)
    assert "Instellingen, Contactenblad (sociale kaart)" in dialog.advice.text()
    assert "Zorgcoördinator" not in dialog.advice.text()  # the coordinator is there
    assert dialog.print_button.isEnabled()
    text = pdf_text(dialog)
    assert "A. Jansen" in text
    assert "0800-2000" in text  # the national lines
    assert dialog.file_name() == "contactenblad-nl.pdf"


def test_the_sheet_holds_the_contacts_in_the_language_chosen(built: Built, qtbot: QtBot) -> None:
    assert built.profile.save({"contacts": (WIJKAGENT,)})
    dialog = open_dialog(built, qtbot)
    assert "Contactenblad" not in dialog.advice.text()  # there are contacts
    assert "Instellingen, Zorgcoördinator" in dialog.advice.text()  # but no coordinator
    assert "Wijkagent" in pdf_text(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    text = pdf_text(dialog)
    assert "Community police officer" in text
    assert "Politie, basisteam Voorbeeldstad" in text
    assert dialog.file_name() == "contactenblad-en.pdf"
    assert dialog.status.text() == "1 pagina"
