"""Signalenkaart: the signals of exploitation, to look up, tick and print."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.i18n import _
from desktop.ui.pages.base import ComingSoon, Page


class SignalCardPage(Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = ComingSoon(self)
        self.body.addWidget(self.plan)
        self.body.addStretch(1)
        self.retranslate()

    def title(self) -> str:
        return _("Signalenkaart")

    def retranslate(self) -> None:
        self.heading.setText(_("Signalenkaart"))
        self.intro.setText(
            _(
                "Signalen die kunnen wijzen op uitbuiting van een leerling, per vorm en per "
                "categorie. Eén signaal bewijst niets: let op meerdere signalen, over tijd."
            )
        )
        self.plan.show_plan(
            _("Wat hier komt"),
            [
                _("Zoeken en filteren op vorm en categorie"),
                _("Signalen aanvinken en er een zorgmelding mee beginnen"),
                _("De meldcode in vijf stappen en de landelijke hulplijnen"),
            ],
            _("De signalenkaart wordt in een volgende versie toegevoegd."),
        )
