"""Printen: toolkits, signal cards, lesson plans and posters to print or save as PDF."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import i18n
from desktop.i18n import _
from desktop.ui.pages.base import ComingSoon, Page
from desktop.ui.widgets import named


class PrintingPage(Page):
    signal_card_requested = Signal()
    lesson_plan_requested = Signal(object)  # LoadedLesson

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

        self.lesson_box = QGroupBox()
        self.lesson_text = QLabel(wordWrap=True)
        self.lesson_choice = named(QComboBox(), "printLessonChoice")
        self.lesson_button = named(QPushButton(), "printLessonPlan")
        self.lesson_button.clicked.connect(self._plan_chosen)
        lesson_row = QHBoxLayout()
        lesson_row.addWidget(self.lesson_text, 1)
        lesson_row.addWidget(self.lesson_choice)
        lesson_row.addWidget(self.lesson_button)
        QVBoxLayout(self.lesson_box).addLayout(lesson_row)
        self.body.addWidget(self.lesson_box)
        self._lessons_language = ""
        self.report_button = named(QPushButton(), "printPreventionReport")
        self.report_button.clicked.connect(self._open_prevention_report)
        self.body.addWidget(self.report_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.contacts_box = QGroupBox()
        self.contacts_text = QLabel(wordWrap=True)
        self.contacts_button = named(QPushButton(), "printContactsSheet")
        self.contacts_button.clicked.connect(self._contacts_sheet)
        contacts_row = QHBoxLayout(self.contacts_box)
        contacts_row.addWidget(self.contacts_text, 1)
        contacts_row.addWidget(self.contacts_button)
        self.body.addWidget(self.contacts_box)

        self.plan = ComingSoon(self)
        self.body.addWidget(self.plan)
        self.body.addStretch(1)
        self.retranslate()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fill_lessons()

    def fill_lessons(self) -> None:
        """The series in the current language (loaded when the page is first shown)."""
        language = i18n.current_language()
        if self._lessons_language == language:
            return
        from desktop.classroom.lesson_series import series

        self._lessons_language = language
        self.lesson_choice.clear()
        for loaded in series(language).lessons:
            self.lesson_choice.addItem(f"{loaded.lesson.number}. {loaded.lesson.title}", loaded)
        self.lesson_button.setEnabled(self.lesson_choice.count() > 0)

    def _plan_chosen(self) -> None:
        loaded = self.lesson_choice.currentData()
        if loaded is not None:
            self.lesson_plan_requested.emit(loaded)

    def _open_prevention_report(self) -> None:
        from desktop.ui.prevention.dialog import open_prevention_report

        self.prevention_dialog = open_prevention_report(self.window())

    def _contacts_sheet(self) -> None:
        from desktop.ui.contacts_print import open_contacts_sheet_printing  # QtPdf on first use

        open_contacts_sheet_printing(self)

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
        self.lesson_box.setTitle(_("Lessen"))
        self.lesson_text.setText(
            _(
                "Per les een lesplan voor de docent (doelen, voorbereiding, nazorg en de notities "
                "bij elke dia) en een werkblad voor leerlingen, zonder antwoorden."
            )
        )
        self.lesson_button.setText(_("Lesplan afdrukken…"))
        self.report_button.setText(_("Preventieverslag…"))
        self.contacts_box.setTitle(_("Contactenblad (sociale kaart)"))
        self.contacts_text.setText(
            _(
                "Wie de school belt bij zorgen over uitbuiting: de zorgcoördinator, de regionale "
                "contacten uit de instellingen en de landelijke nummers, met de datum erop."
            )
        )
        self.contacts_button.setText(_("Contactenblad afdrukken…"))
        if self.isVisible():
            self.fill_lessons()
        self.plan.show_plan(
            _("Wat hier nog komt"),
            [
                _("Kaart met kernboodschappen en een brief voor ouders"),
            ],
            _("Deze documenten worden in een volgende versie toegevoegd."),
        )
