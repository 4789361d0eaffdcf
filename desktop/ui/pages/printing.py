"""Printen: toolkits, signal cards, lesson plans and posters to print or save as PDF."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.i18n import _
from desktop.ui.pages.base import ComingSoon, Page
from desktop.ui.widgets import named


class PrintingPage(Page):
    signal_card_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card_box = QGroupBox()
        self.card_text = QLabel(wordWrap=True)
        self.card_button = named(QPushButton(), "printSignalCard")
        self.card_button.clicked.connect(self.signal_card_requested)
        row = QHBoxLayout()
        row.addWidget(self.card_text, 1)
        row.addWidget(self.card_button)
        inner = QVBoxLayout(self.card_box)
        inner.addLayout(row)
        self.body.addWidget(self.card_box)
        self.plan = ComingSoon(self)
        self.body.addWidget(self.plan)
        self.body.addStretch(1)
        self.retranslate()

    def title(self) -> str:
        return _("Printen")

    def retranslate(self) -> None:
        self.heading.setText(_("Printen"))
        self.intro.setText(
            _(
                "Materiaal voor het preventieteam om af te drukken of als PDF te bewaren, "
                "in het Nederlands of het Engels."
            )
        )
        self.card_box.setTitle(_("Signalenkaart"))
        self.card_text.setText(
            _(
                "Een gevouwen kaart (A4, drie panelen), een zakkaart (A6, vier per vel) en de "
                "poster ‘Waar kun je terecht?’ voor leerlingen (A4 of A3). Met de contactpersoon "
                "van je school uit de instellingen."
            )
        )
        self.card_button.setText(_("Signalenkaart afdrukken…"))
        self.plan.show_plan(
            _("Wat hier nog komt"),
            [
                _("Lesplannen en werkbladen voor leerlingen"),
                _("Kaart met kernboodschappen en een brief voor ouders"),
            ],
            _("Deze documenten worden in een volgende versie toegevoegd."),
        )
