"""Lessen: the lesson series "Mensenhandel (niet) op school" and the presenter."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.i18n import _
from desktop.ui.pages.base import ComingSoon, Page


class LessonsPage(Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = ComingSoon(self)
        self.body.addWidget(self.plan)
        self.body.addStretch(1)
        self.retranslate()

    def title(self) -> str:
        return _("Lessen")

    def retranslate(self) -> None:
        self.heading.setText(_("Lessen"))
        self.intro.setText(
            _(
                "De lessenreeks ‘Mensenhandel (niet) op school’: zes lessen van ongeveer vijftig "
                "minuten voor onderbouw, bovenbouw en mbo, om in de klas te geven op een beamer."
            )
        )
        self.plan.show_plan(
            _("Wat hier komt"),
            [
                _("De lessen met niveau, duur en leerdoelen"),
                _("Per les: voorbereiding, groepsafspraken en nazorg"),
                _("Presenteren op de beamer, met notities voor de docent op je laptop"),
                _("Lesplannen en werkbladen om af te drukken"),
            ],
            _("De lessen worden in een volgende versie toegevoegd."),
        )
