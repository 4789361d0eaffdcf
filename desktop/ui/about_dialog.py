"""Over Schoolsignaal: what the app is, where its lessons come from, and that nothing leaves."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from desktop import __version__
from desktop.i18n import _
from desktop.ui.widgets import named


def about_html() -> str:
    """The about text, in the current language."""
    paragraphs = [
        _(
            "Schoolsignaal helpt het preventieteam van een middelbare school bij mensenhandel "
            "en uitbuiting van leerlingen: lessen in de klas, de signalenkaart, zorgmeldingen "
            "in een versleutelde kluis en verwijsbrieven voor de zorgcoördinator."
        ),
        _(
            "De Lessenreeks Schoolsignaal is voor deze app geschreven, op de thema’s en doelen "
            "van het lesprogramma ‘Mensenhandel (niet) op school’ van het Rode Kruis met Fier "
            "en CKM. Het is niet het officiële lespakket van dat programma. Heeft uw school de "
            "officiële dia’s, voeg ze dan als PDF toe op de pagina Lessen: ze worden dan in "
            "dezelfde presentatie getoond."
        ),
        _(
            "Alles blijft op deze computer. De app maakt geen verbinding met internet, stuurt "
            "geen gebruiksgegevens en zoekt niet naar updates."
        ),
    ]
    version = _("Versie {version}").format(version=__version__)
    return (
        "<h2 style='color:#1f3a5f'>Schoolsignaal</h2>"
        + "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
        + f"<p style='color:#5a6270'>{escape(version)}</p>"
    )


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(_("Over Schoolsignaal"))
        self.text = named(QTextBrowser(), "aboutText")
        self.text.setOpenLinks(False)
        self.text.document().setDocumentMargin(18)
        self.text.setHtml(about_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.text, 1)
        column.addWidget(buttons)
        self.resize(560, 360)
