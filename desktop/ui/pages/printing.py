"""Printen: the toolkit to print or save as PDF, several documents at once or one with its
own preview and choices, and the school's prevention report (Preventieverslag)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop import i18n
from desktop.i18n import _
from desktop.print_shop import Context
from desktop.ui.pages.base import Page
from desktop.ui.printing.shop_panel import ShopPanel
from desktop.ui.widgets import named, shrinkable

if TYPE_CHECKING:
    from desktop.school_profile import SchoolProfile


class Host(Protocol):
    """What the page needs of the main window."""

    profile: SchoolProfile


class PrintingPage(Page):
    signal_card_requested = Signal()
    lesson_plan_requested = Signal(object)  # LoadedLesson

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop_box = named(QGroupBox(), "printShop")
        self.shop = ShopPanel(self.school_context, self.documents_folder)
        QVBoxLayout(self.shop_box).addWidget(self.shop)

        self.single_box = named(QGroupBox(), "printSingle")
        self.single_text = QLabel(wordWrap=True)
        self.card_button = named(QPushButton(), "printSignalCard")
        self.card_button.clicked.connect(self.signal_card_requested)
        self.lesson_choice = shrinkable(named(QComboBox(), "printLessonChoice"), 14)
        self.lesson_button = named(QPushButton(), "printLessonPlan")
        self.lesson_button.clicked.connect(self._plan_chosen)
        self.report_button = named(QPushButton(), "printPreventionReport")
        self.report_button.clicked.connect(self._open_prevention_report)
        self.contacts_button = named(QPushButton(), "printContactsSheet")
        self.contacts_button.clicked.connect(self._contacts_sheet)
        single_row = QHBoxLayout()
        single_row.addWidget(self.card_button)
        single_row.addSpacing(12)
        single_row.addWidget(self.lesson_choice, 1)
        single_row.addWidget(self.lesson_button)
        single_row.addSpacing(12)
        single_row.addWidget(self.contacts_button)
        single_row.addWidget(self.report_button)
        single = QVBoxLayout(self.single_box)
        single.addWidget(self.single_text)
        single.addLayout(single_row)
        self._lessons_language = ""

        # heading and introduction stay put; the rest scrolls on a low screen
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.shop_box)
        column.addWidget(self.single_box)
        column.addStretch(1)
        self.scroller = named(QScrollArea(), "printingScroll")
        self.scroller.setWidgetResizable(True)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setWidget(content)
        content.setAutoFillBackground(False)
        self.scroller.viewport().setAutoFillBackground(False)
        self.body.addWidget(self.scroller, 1)
        self.retranslate()

    # ---------------------------------------------------------------- the school
    def _host(self) -> Host:
        return cast(Host, self.window())

    def school_context(self) -> Context:
        profile = self._host().profile
        return Context(profile.settings, profile.logo())

    def documents_folder(self) -> Path:
        return self._host().profile.paths.documents

    # ---------------------------------------------------------------- lessons
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
        loaded_lessons = series(language).lessons
        for loaded in loaded_lessons:
            self.lesson_choice.addItem(f"{loaded.lesson.number}. {loaded.lesson.title}", loaded)
        self.lesson_button.setEnabled(self.lesson_choice.count() > 0)
        self.shop.fill_lessons(
            [
                (f"{item.lesson.number}. {item.lesson.title}", item.lesson.id, item.lesson.levels)
                for item in loaded_lessons
            ]
        )

    def _plan_chosen(self) -> None:
        loaded = self.lesson_choice.currentData()
        if loaded is not None:
            self.lesson_plan_requested.emit(loaded)

    def _contacts_sheet(self) -> None:
        from desktop.ui.contacts_print import open_contacts_sheet_printing  # QtPdf on first use

        open_contacts_sheet_printing(self)

    def _open_prevention_report(self) -> None:
        from desktop.ui.prevention.dialog import open_prevention_report

        self.prevention_dialog = open_prevention_report(self.window())

    # ---------------------------------------------------------------- texts
    def title(self) -> str:
        return _("Printen")

    def retranslate(self) -> None:
        self.heading.setText(_("Printen"))
        self.intro.setText(
            _(
                "Materiaal voor het preventieteam om af te drukken of als PDF te bewaren, met "
                "de naam en het logo van je school uit de instellingen."
            )
        )
        self.shop_box.setTitle(_("Meerdere documenten tegelijk"))
        self.shop.retranslate()
        self.single_box.setTitle(_("Eén document, met voorbeeld en keuzes"))
        self.single_text.setText(
            _(
                "De signalenkaart in elk formaat, een lesplan of werkblad op het niveau dat je "
                "bij Lessen koos, het contactenblad van de school en het preventieverslag voor "
                "de gemeente."
            )
        )
        self.card_button.setText(_("Signalenkaart…"))
        self.lesson_button.setText(_("Lesplan…"))
        self.contacts_button.setText(_("Contactenblad…"))
        self.report_button.setText(_("Preventieverslag…"))
        if self.isVisible():
            self.fill_lessons()
