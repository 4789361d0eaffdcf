"""Printen: toolkits, signal cards, lesson plans and posters to print or save as PDF."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.i18n import _
from desktop.ui.pages.base import ComingSoon, Page


class PrintingPage(Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        self.plan.show_plan(
            _("Wat hier komt"),
            [
                _("Signalenkaart: gevouwen A4, zakkaart en poster ‘Waar kun je terecht?’"),
                _("Lesplannen en werkbladen voor leerlingen"),
                _("Kaart met kernboodschappen en een brief voor ouders"),
            ],
            _("Kies straks een document en een taal, bekijk het voorbeeld en druk af."),
        )
