"""Zorgmeldingen: the concern log, kept in the encrypted vault."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.i18n import _
from desktop.ui.pages.base import ComingSoon, Page


class ConcernsPage(Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = ComingSoon(self)
        self.body.addWidget(self.plan)
        self.body.addStretch(1)
        self.retranslate()

    def title(self) -> str:
        return _("Zorgmeldingen")

    def retranslate(self) -> None:
        self.heading.setText(_("Zorgmeldingen"))
        self.intro.setText(
            _(
                "Voor de zorgcoördinator: zorgen over een leerling vastleggen en de vijf stappen "
                "van de meldcode volgen. Een melding heeft een code, nooit een naam."
            )
        )
        self.plan.show_plan(
            _("Wat hier komt"),
            [
                _("Een versleutelde kluis op deze computer, alleen te openen met je wachtwoord"),
                _("Per melding: waarnemingen met datum, feiten los van interpretatie"),
                _("De stappen van de meldcode en de vragen van het afwegingskader"),
                _("Een verwijsbrief voor de zorgcoördinator mensenhandel of Veilig Thuis"),
            ],
            _("De kluis wordt in een volgende versie toegevoegd. Er wordt nu niets opgeslagen."),
        )
