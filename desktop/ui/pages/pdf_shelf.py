"""The PDF decks on the Lessen page: listed under the lessons, added with "PDF toevoegen…",
removed after a question, and started with the same F5 as a lesson.

The Lessen page calls in at a few points (filling the list, showing the selection, starting);
everything about decks is here and in ``desktop.classroom.pdf_decks``.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QWidget,
)

from desktop import i18n
from desktop.classroom.pdf_decks import DeckProblem, PdfDeck, PdfDeckStore
from desktop.i18n import _, ngettext
from desktop.ui.pdf_deck_dialog import AddPdfDeckDialog, level_name
from desktop.ui.widgets import named
from lessons.markdown import to_html

ROLE = 256  # Qt.ItemDataRole.UserRole, as on the Lessen page
PREFIX = "pdf:"


class PdfDeckShelf(QObject):
    """The decks in the Lessen page's list. ``store`` is set by the main window."""

    deck_requested = Signal(object)  # PdfDeck
    changed = Signal()  # a deck was added or removed: the page fills its list again

    def __init__(
        self,
        page: QWidget,
        items: QListWidget,
        detail: QTextBrowser,
        level: tuple[QLabel, QComboBox],
    ) -> None:
        super().__init__(page)
        self.page, self.items, self.detail = page, items, detail
        self.level_label, self.level = level
        self.store: PdfDeckStore | None = None
        self.decks: dict[str, PdfDeck] = {}
        self.add_button = named(QPushButton(), "addPdfDeck")
        self.remove_button = named(QPushButton(), "removePdfDeck")
        self.remove_button.hide()
        self.add_button.clicked.connect(self.choose_file)
        self.remove_button.clicked.connect(self.ask_remove)
        self.file_dialog: QFileDialog | None = None
        self.dialog: AddPdfDeckDialog | None = None
        self.message: QMessageBox | None = None

    def attach(self, folder: Path, start: Callable[[PdfDeck], object]) -> None:
        """The decks in ``folder``; ``start`` presents one (the main window's)."""
        self.store = PdfDeckStore(folder)
        self.deck_requested.connect(start)

    def retranslate(self) -> None:
        self.add_button.setText(_("PDF toevoegen…"))
        self.add_button.setToolTip(
            _("Eigen dia's of die van een lespakket, als PDF, presenteren als een les")
        )
        self.remove_button.setText(_("PDF verwijderen…"))

    # ---------------------------------------------------------------- the list
    def fill(self) -> int:
        """Add a row per deck to the list; returns how many."""
        self.decks = {d.id: d for d in self.store.decks()} if self.store is not None else {}
        for deck in self.decks.values():
            pages = ngettext("{n} pagina", "{n} pagina's", deck.pages).format(n=deck.pages)
            item = QListWidgetItem(
                f"PDF · {deck.title}\n"
                + _("{level} · {pages} · {minutes} minuten").format(
                    level=level_name(deck.level), pages=pages, minutes=deck.duration
                )
            )
            item.setData(ROLE, PREFIX + deck.id)
            item.setToolTip(deck.title)
            item.setForeground(QBrush(QColor("#1d3557")))
            self.items.addItem(item)
        return len(self.decks)

    def current(self) -> PdfDeck | None:
        item = self.items.currentItem()
        key = str(item.data(ROLE)) if item is not None else ""
        return self.decks.get(key.removeprefix(PREFIX)) if key.startswith(PREFIX) else None

    def current_key(self) -> str | None:
        deck = self.current()
        return PREFIX + deck.id if deck is not None else None

    def select(self, deck_id: str) -> None:
        for row in range(self.items.count()):
            if self.items.item(row).data(ROLE) == PREFIX + deck_id:
                self.items.setCurrentRow(row)
                return
        raise KeyError(deck_id)

    def show_current(self) -> bool:
        """Show the selected deck's details; False when the selection is no deck."""
        deck = self.current()
        self.remove_button.setVisible(deck is not None)
        self.level.setVisible(deck is None)  # a deck has the one level it was added with
        self.level_label.setVisible(deck is None)
        if deck is None:
            return False
        self.detail.setHtml(deck_html(deck))
        return True

    def start_current(self) -> bool:
        deck = self.current()
        if deck is not None:
            self.deck_requested.emit(deck)
        return deck is not None

    # ---------------------------------------------------------------- adding
    def choose_file(self) -> QFileDialog:
        dialog = QFileDialog(self.page, _("Kies een PDF om als les toe te voegen"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters([_("PDF-bestanden (*.pdf *.PDF)"), _("Alle bestanden (*)")])
        dialog.fileSelected.connect(lambda name: self.add_file(Path(name)))
        dialog.open()
        self.file_dialog = dialog
        return dialog

    def add_file(self, source: Path) -> AddPdfDeckDialog | QMessageBox | None:
        """Check ``source``; then ask for its title and level, or say what is wrong."""
        if self.store is None:
            return None
        try:
            info = self.store.inspect(source)
        except DeckProblem as problem:
            return self._warn(_("Deze PDF kan niet worden toegevoegd"), str(problem))
        dialog = AddPdfDeckDialog(self.store, info, i18n.current_language(), self.page)
        dialog.added.connect(self._added)
        dialog.setModal(True)
        dialog.show()
        self.dialog = dialog
        return dialog

    def _added(self, deck: PdfDeck) -> None:
        self.changed.emit()
        self.select(deck.id)

    # ---------------------------------------------------------------- removing
    def ask_remove(self) -> QMessageBox | None:
        deck = self.current()
        if deck is None:
            return None
        box = QMessageBox(
            QMessageBox.Icon.Question,
            _("PDF verwijderen"),
            _(
                "‘{title}’ uit de lessen verwijderen? De kopie in de gegevensmap en de getypte "
                "notities gaan weg; het originele bestand blijft waar het was."
            ).format(title=deck.title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self.page,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(_("Verwijderen"))
        box.button(QMessageBox.StandardButton.No).setText(_("Annuleren"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.accepted.connect(lambda: self.remove(deck))
        box.setModal(True)
        box.open()
        self.message = box
        return box

    def remove(self, deck: PdfDeck) -> None:
        if self.store is None:
            return
        try:
            self.store.remove(deck)
        except OSError as error:
            self._warn(
                _("PDF verwijderen"),
                _("De PDF kon niet worden verwijderd ({error}).").format(
                    error=error.strerror or type(error).__name__
                ),
            )
        self.changed.emit()

    def _warn(self, title: str, text: str) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self.page)
        box.setModal(True)
        box.open()
        self.message = box
        return box


def deck_html(deck: PdfDeck) -> str:
    """The detail view of a deck: what it is, and its notes per page."""
    pages = ngettext("{n} pagina", "{n} pagina's", deck.pages).format(n=deck.pages)
    meta = _("PDF · {level} · {pages} · {minutes} minuten").format(
        level=level_name(deck.level), pages=pages, minutes=deck.duration
    )
    about = _(
        "Een eigen PDF, gepresenteerd met dezelfde presentatie als de lessen (F5). Notities per "
        "pagina typ je in het docentenscherm, of zet je in een tekstbestand naast de PDF "
        "(zelfde naam met .txt, pagina’s gescheiden door een regel met alleen ---) en voeg je "
        "de PDF opnieuw toe."
    )
    html = [
        f"<h2 style='color:#1d3557'>{escape(deck.title)}</h2>",
        f"<p style='color:#5a6270'>{escape(meta)}</p>",
        f"<p>{escape(about)}</p>",
    ]
    if deck.source:
        source = _("Bestand: {name}").format(name=deck.source)
        html.append(f"<p style='color:#5a6270'>{escape(source)}</p>")
    heading = _("Notities per pagina")
    html.append(f"<h3>{escape(heading)}</h3>")
    with_notes = [page for page in deck.slides_for() if page.notes.strip()]
    if not with_notes:
        none_yet = _("Nog geen notities.")
        html.append(f"<p style='color:#5a6270'>{escape(none_yet)}</p>")
    for page in with_notes:
        label = _("Pagina {n}").format(n=page.index + 1)
        html.append(
            f"<p style='margin-top:8px'><b>{escape(label)}</b></p>"
            f"<div style='margin-left:16px; color:#1f2430'>{to_html(page.notes)}</div>"
        )
    return "".join(html)
