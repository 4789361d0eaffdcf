"""The small dialog that adds a PDF to the Lessen list: title, level and planned minutes.

The PDF was checked before the dialog opens (``PdfDeckStore.inspect``) and is checked again
when it is copied in; a problem is shown in the dialog, which stays open.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.classroom.pdf_decks import (
    DEFAULT_MINUTES,
    LEVELS,
    MAX_TITLE,
    DeckProblem,
    PdfDeckStore,
    PdfInfo,
)
from desktop.i18n import N_, _, ngettext
from desktop.ui.widgets import named

LEVEL_NAMES: dict[str | None, str] = {
    None: N_("alle niveaus"),
    "onderbouw": N_("onderbouw"),
    "bovenbouw": N_("bovenbouw"),
    "mbo": N_("mbo"),
    "eenvoudig": N_("eenvoudige taal"),
}


def level_name(level: str | None) -> str:
    return _(LEVEL_NAMES.get(level, LEVEL_NAMES[None]))


class AddPdfDeckDialog(QDialog):
    """Asks for the title, level and minutes of ``info``'s PDF and adds it to ``store``."""

    added = Signal(object)  # PdfDeck

    def __init__(
        self, store: PdfDeckStore, info: PdfInfo, language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("addPdfDeck")
        self.setWindowTitle(_("PDF toevoegen aan de lessen"))
        self.store, self.info, self.language = store, info, language
        self.about = named(QLabel(wordWrap=True), "pdfAbout")
        self.title_edit = named(QLineEdit(info.title), "pdfTitle")
        self.title_edit.setMaxLength(MAX_TITLE)
        self.level = named(QComboBox(), "pdfLevel")
        for level in (None, *LEVELS):
            self.level.addItem(level_name(level), level)
        self.minutes = named(QSpinBox(), "pdfMinutes")
        self.minutes.setRange(10, 180)
        self.minutes.setSingleStep(5)
        self.minutes.setValue(DEFAULT_MINUTES)
        self.minutes.setSuffix(" " + _("minuten"))
        self.problem = named(QLabel(wordWrap=True), "fieldError")
        self.problem.hide()
        form = QFormLayout()
        form.addRow(_("Titel:"), self.title_edit)
        form.addRow(_("Niveau:"), self.level)
        form.addRow(_("Lesduur:"), self.minutes)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(_("Toevoegen"))
        ok.setObjectName("addPdfConfirm")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Annuleren"))
        self.buttons.accepted.connect(self.add)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.about)
        column.addLayout(form)
        column.addWidget(self.problem)
        column.addWidget(self.buttons)
        self.about.setText(self._about_html())
        self.setMinimumWidth(520)

    def _about_html(self) -> str:
        info = self.info
        pages = ngettext("{n} pagina", "{n} pagina's", info.pages).format(n=info.pages)
        with_notes = sum(1 for n in info.notes if n.strip())
        if info.notes_file is not None:
            notes = ngettext(
                "Notities voor {n} pagina uit {file}.",
                "Notities voor {n} pagina's uit {file}.",
                with_notes,
            ).format(n=with_notes, file=info.notes_file.name)
        else:
            notes = _(
                "Geen notitiebestand gevonden ({file}). Notities typ je tijdens het presenteren "
                "in het docentenscherm; ze worden bewaard."
            ).format(file=info.source.with_suffix(".txt").name)
        copied = _(
            "De PDF wordt gekopieerd naar de gegevensmap van Schoolsignaal; het origineel blijft "
            "waar het is."
        )
        return (
            f"<p><b>{escape(info.source.name)}</b> · {escape(pages)}</p>"
            f"<p style='color:#5a6270'>{escape(notes)}</p>"
            f"<p style='color:#5a6270'>{escape(copied)}</p>"
        )

    def add(self) -> None:
        try:
            deck = self.store.add(
                self.info.source,
                self.title_edit.text(),
                self.level.currentData(),
                self.minutes.value(),
                self.language,
            )
        except DeckProblem as problem:
            self.problem.setText(str(problem))
            self.problem.show()
            return
        self.added.emit(deck)
        self.accept()
