"""Presenting a PDF deck: the same session, windows and keys as a lesson, with the deck's pages
rendered ahead (``desktop.classroom.pdf_deck_pages``) and a console whose notes can be typed
and kept.

While the teacher types notes, the keys belong to the notes: Esc stops typing (the
presentation goes on), Ctrl+Enter or "Notities opslaan" keeps them. A page change saves first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QBoxLayout, QLabel, QLayout, QPlainTextEdit, QPushButton, QWidget

from desktop.classroom.pdf_deck_pages import DeckPages
from desktop.classroom.pdf_decks import PdfDeck, PdfDeckStore
from desktop.classroom.presenter import Presentation
from desktop.i18n import _
from desktop.ui.presenter.render import SlideRenderer
from desktop.ui.presenter.session import PresenterSession, ScreenLike
from desktop.ui.presenter.windows import PresenterConsole
from desktop.ui.widgets import named
from desktop.window_state import WindowStates


def holder(widget: QWidget) -> QBoxLayout | None:
    """The box layout that holds ``widget`` directly (searched from its parent's layout)."""
    parent = widget.parentWidget()
    return layout_holding(parent.layout() if parent is not None else None, widget)


def layout_holding(root: QLayout | None, widget: QWidget) -> QBoxLayout | None:
    """The box layout under ``root`` that holds ``widget`` directly."""
    if root is None:
        return None
    if isinstance(root, QBoxLayout) and root.indexOf(widget) >= 0:
        return root
    for i in range(root.count()):
        item = root.itemAt(i)
        if item is None:
            continue
        child = item.widget()
        inner = item.layout() or (child.layout() if child is not None else None)
        found = layout_holding(inner, widget)
        if found is not None:
            return found
    return None


class PdfDeckConsole(PresenterConsole):
    """The console for a PDF deck: no reveal, and notes the teacher can type."""

    def __init__(self, presentation: Presentation, renderer: SlideRenderer) -> None:
        self.editing: int | None = None  # the page whose notes are being typed
        super().__init__(presentation, renderer)
        deck = presentation.lesson
        assert isinstance(deck, PdfDeck)
        self.deck = deck
        self.store = PdfDeckStore(deck.folder)
        self.reveal_button.hide()  # a PDF page has nothing to reveal
        self.editor = named(QPlainTextEdit(), "notesEditor")
        self.editor.hide()
        self.editor.installEventFilter(self)
        self.edit_button = named(QPushButton(), "editNotes")
        self.cancel_button = named(QPushButton(), "cancelNotes")
        self.cancel_button.hide()
        self.save_problem = named(QLabel(), "notesProblem")
        self.save_problem.setWordWrap(True)
        self.save_problem.hide()
        for button in (self.edit_button, self.cancel_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.edit_button.clicked.connect(self.toggle_editing)
        self.cancel_button.clicked.connect(self.stop_editing)
        column = holder(self.notes)
        if column is not None:
            column.insertWidget(column.indexOf(self.notes) + 1, self.editor, 2)
            column.insertWidget(column.indexOf(self.editor) + 1, self.save_problem)
        bar = holder(self.larger)
        if bar is not None:
            bar.insertWidget(bar.indexOf(self.smaller), self.edit_button)
            bar.insertWidget(bar.indexOf(self.smaller), self.cancel_button)
        self.setStyleSheet(
            self.styleSheet() + " #notesEditor { background: #ffffff; color: #1f2430; }"
            " #notesProblem { color: #ff8a65; }"
        )
        self.set_notes_size(self.notes_size)  # the editor too
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        if hasattr(self, "edit_button"):
            self.setWindowTitle(_("Presentatie – {lesson}").format(lesson=self.deck.title))
            editing = self.editing is not None
            self.edit_button.setText(_("Notities opslaan") if editing else _("Notities typen"))
            self.edit_button.setToolTip(
                _("Ctrl+Enter slaat op, Esc stopt zonder opslaan") if editing else ""
            )
            self.cancel_button.setText(_("Annuleren"))
            self.editor.setPlaceholderText(_("Notities bij deze pagina (alleen op dit scherm)"))

    def set_notes_size(self, size: int) -> None:
        super().set_notes_size(size)
        if hasattr(self, "editor"):
            self.editor.setStyleSheet(f"font-size: {self.notes_size}px;")

    def refresh(self) -> None:
        if self.editing is not None and self.editing != self.presentation.index:
            self.save_editing()  # another page: keep what was typed for the one before
        super().refresh()
        if not self.presentation.slide.notes.strip():
            hint = _(
                "Geen notities bij deze pagina. Typ ze hier (‘Notities typen’), of zet ze in een "
                "tekstbestand naast de PDF: zelfde naam met .txt, pagina’s gescheiden door een "
                "regel met alleen ---."
            )
            self.notes.setHtml(f"<p style='color:#5a6270'>{escape(hint)}</p>")

    # ---------------------------------------------------------------- typing notes
    def toggle_editing(self) -> None:
        if self.editing is None:
            self.start_editing()
        else:
            self.save_editing()

    def start_editing(self) -> None:
        self.editing = self.presentation.index
        self.editor.setPlainText(self.presentation.slide.notes)
        self.notes.hide()
        self.editor.show()
        self.cancel_button.show()
        self.editor.setFocus()
        self.retranslate()

    def save_editing(self) -> bool:
        """Keep the typed notes (atomically, in the deck's JSON); False when that failed."""
        if self.editing is None:
            return True
        try:
            self.store.save_notes(self.deck, self.editing, self.editor.toPlainText())
        except OSError as error:
            self.save_problem.setText(
                _("De notities konden niet worden opgeslagen ({error}).").format(
                    error=error.strerror or type(error).__name__
                )
            )
            self.save_problem.show()
            return False
        self.stop_editing()
        return True

    def stop_editing(self) -> None:
        self.editing = None
        self.save_problem.hide()
        self.editor.hide()
        self.editor.clearFocus()
        self.cancel_button.hide()
        self.notes.show()
        self.retranslate()  # the button's text; refreshes the notes too

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_editing()  # Esc or the window's cross while typing: what was typed is kept
        super().closeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.editor and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape:
                self.stop_editing()
                return True
            ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if ctrl and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.save_editing()
                return True
        return super().eventFilter(watched, event)


def present_deck(
    deck: PdfDeck,
    *,
    states: WindowStates | None = None,
    screens: Callable[[], Sequence[ScreenLike]] | None = None,
    primary: Callable[[], ScreenLike | None] | None = None,
) -> PresenterSession:
    """A presenter session for ``deck``, not yet started; its pages close with it."""
    pages = DeckPages(deck.pdf)
    renderer = SlideRenderer()
    renderer.pages = pages
    presentation = Presentation(deck, deck.folder, deck.levels[0])
    session = PresenterSession(
        presentation,
        states=states,
        screens=screens,
        primary=primary,
        renderer=renderer,
        console=PdfDeckConsole,
    )
    presentation.changed.connect(lambda: pages.ahead(presentation.index))
    session.finished.connect(pages.close)
    return session


def start_deck(
    deck: PdfDeck,
    running: PresenterSession | None,
    states: WindowStates | None,
    lessons_page: QObject,
) -> PresenterSession:
    """Close ``running`` (if any), start ``deck``; afterwards the Lessen page shows the notes
    typed during it."""
    if running is not None:
        running.close()
    session = present_deck(deck, states=states)
    shelf = getattr(lessons_page, "pdf_decks", None)
    if shelf is not None:
        session.finished.connect(shelf.changed)
    session.start()
    return session
