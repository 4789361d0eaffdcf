"""Lessen: the lesson series (Lessenreeks Schoolsignaal), each lesson's details, and the
start of a presentation (F5).

A lesson is given at one level, picked here before it starts (and remembered between runs):
the details, the slides, the planned minutes and the printed plan are that level's. On a
language switch the series is loaded again in the new language, keeping the lesson and level.

The lessons load just after the window first paints; a lesson file that cannot be read is
listed with its error, and the others stay available.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop import i18n
from desktop.i18n import N_, _, ngettext
from desktop.ui.pages.base import Page
from desktop.ui.pages.pdf_shelf import PdfDeckShelf
from desktop.ui.widgets import named, shrinkable

if TYPE_CHECKING:
    from desktop.classroom.level_choice import LevelChoice
    from lessons.library import Library, LoadedLesson
    from lessons.model import Lesson, Level

LEVEL_LABELS = {
    "onderbouw": N_("onderbouw"),
    "bovenbouw": N_("bovenbouw"),
    "mbo": N_("mbo"),
    "eenvoudig": N_("eenvoudige taal"),
}
KIND_LABELS = {
    "title": N_("Titel"),
    "text": N_("Tekst"),
    "image": N_("Afbeelding"),
    "statement": N_("Stelling"),
    "quiz": N_("Quizvraag"),
    "reveal": N_("Eerst zelf denken"),
    "case": N_("Casus"),
    "help": N_("Hulp"),
    "closing": N_("Afsluiting"),
}
# Qt.ItemDataRole.UserRole; the number, because touching Qt's namespace costs ~30 ms at start.
ROLE = 256


def levels_text(levels: list[str]) -> str:
    return ", ".join(_(LEVEL_LABELS[level]) for level in levels)


class LessonsPage(Page):
    """The series, a lesson's details, and the buttons to present or print it."""

    start_requested = Signal(object, str)  # LoadedLesson, level
    plan_requested = Signal(object, str)  # LoadedLesson, level
    log_requested = Signal()
    guide_requested = Signal()

    def __init__(
        self,
        lessons_root: Path | None = None,
        parent: QWidget | None = None,
        levels: LevelChoice | None = None,
    ) -> None:
        super().__init__(parent)
        self.lessons_root = lessons_root
        if levels is None:
            from desktop.classroom.level_choice import LevelChoice

            levels = LevelChoice(None)  # kept for this run only
        self.levels = levels
        self.library: Library | None = None
        self._load_scheduled = False

        self.list = named(QListWidget(), "lessonList")
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.currentRowChanged.connect(self._show_current)
        self.detail = named(QTextBrowser(), "lessonDetail")
        self.detail.setOpenLinks(False)
        self.level = shrinkable(named(QComboBox(), "presentLevel"), 16)  # "mbo (vocational)"
        self.level.activated.connect(self._level_chosen)
        self.level_label = QLabel()
        self.start_button = named(QPushButton(), "startLesson")
        self.plan_button = named(QPushButton(), "printPlan")
        self.log_button = named(QPushButton(), "lessonLog")
        self.start_button.clicked.connect(self.start_current)
        self.plan_button.clicked.connect(self._plan_current)
        self.log_button.clicked.connect(self.log_requested)
        self.guide_button = named(QPushButton(), "teacherGuide")
        self.guide_button.clicked.connect(self.guide_requested)
        self.pdf_decks = PdfDeckShelf(self, self.list, self.detail, (self.level_label, self.level))
        self.pdf_decks.changed.connect(self._fill_list)

        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.detail, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.level_label)
        actions.addWidget(self.level)
        actions.addStretch(1)
        actions.addWidget(self.pdf_decks.remove_button)
        actions.addWidget(self.start_button)
        column.addLayout(actions)
        splitter = QSplitter()  # horizontal
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        self.body.addWidget(splitter, 1)
        footer = QHBoxLayout()
        self.status = named(QLabel(), "lessonStatus")
        footer.addWidget(self.status, 1)
        footer.addWidget(self.pdf_decks.add_button)
        footer.addWidget(self.plan_button)
        footer.addWidget(self.guide_button)
        footer.addWidget(self.log_button)
        self.body.addLayout(footer)
        self.retranslate()

    # ---------------------------------------------------------------- loading
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.library is None and not self._load_scheduled:
            self._load_scheduled = True  # after the first paint: start-up stays light
            QTimer.singleShot(30, self.ensure_loaded)

    def ensure_loaded(self) -> Library:
        language = i18n.current_language()
        if self.library is None or self.library.language != language:
            from desktop.classroom.lesson_series import series

            self.library = (
                series(language)
                if self.lessons_root is None
                else series(language, self.lessons_root)
            )
            self._fill_list()
        return self.library

    def _fill_list(self) -> None:
        assert self.library is not None
        current = self.current_lesson()
        current_id = current.lesson.id if current else self.pdf_decks.current_key()
        self.list.blockSignals(True)
        self.list.clear()
        for loaded in self.library.lessons:
            lesson = loaded.lesson
            item = QListWidgetItem(
                f"{lesson.number}. {lesson.title}\n"
                + _("{levels} · {minutes} minuten").format(
                    levels=levels_text(list(lesson.levels)), minutes=lesson.duration
                )
            )
            item.setData(ROLE, lesson.id)
            self.list.addItem(item)
        for broken in self.library.broken:
            item = QListWidgetItem(
                _("⚠ {file}: kan niet worden geladen").format(file=broken.path.name)
            )
            item.setData(ROLE, f"broken:{broken.path.name}")
            item.setForeground(QBrush(QColor("#b00020")))
            self.list.addItem(item)
        decks = self.pdf_decks.fill()
        self.list.blockSignals(False)
        rows = [self.list.item(i).data(ROLE) for i in range(self.list.count())]
        self.list.setCurrentRow(rows.index(current_id) if current_id in rows else 0)
        self._show_current()
        good, bad = len(self.library.lessons), len(self.library.broken)
        text = ngettext("{n} les", "{n} lessen", good).format(n=good)
        if bad:
            text += " · " + ngettext(
                "{n} lesbestand met een fout", "{n} lesbestanden met een fout", bad
            ).format(n=bad)
        if decks:
            text += " · " + ngettext("{n} PDF", "{n} PDF's", decks).format(n=decks)
        self.status.setText(text)

    # ---------------------------------------------------------------- selection
    def current_lesson(self) -> LoadedLesson | None:
        item = self.list.currentItem()
        if self.library is None or item is None:
            return None
        lesson_id = item.data(ROLE)
        try:
            return self.library.get(lesson_id)
        except KeyError:
            return None

    def select(self, lesson_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(ROLE) == lesson_id:
                self.list.setCurrentRow(row)
                return
        raise KeyError(lesson_id)

    def _show_current(self) -> None:
        loaded = self.current_lesson()
        self.start_button.setEnabled(loaded is not None)
        self.plan_button.setEnabled(loaded is not None)
        self.level.setEnabled(loaded is not None)
        if self.pdf_decks.show_current():
            self.start_button.setEnabled(True)
            return
        if loaded is None:
            self._show_broken_or_empty()
            return
        lesson = loaded.lesson
        level = lesson.pick_level(self.levels.level)  # the teacher's choice, if this lesson has it
        self.level.blockSignals(True)
        self.level.clear()
        for each in lesson.levels:
            self.level.addItem(_(LEVEL_LABELS[each]), each)
        self.level.setCurrentIndex(self.level.findData(level))
        self.level.blockSignals(False)
        self.detail.setHtml(lesson_html(lesson, level))

    def current_level(self) -> Level | None:
        """The level the current lesson is given at (None without a lesson)."""
        loaded = self.current_lesson()
        return loaded.lesson.pick_level(self.level.currentData()) if loaded else None

    def _level_chosen(self) -> None:
        level = self.current_level()
        if level is not None:
            self.levels.remember(level)
            self._show_current()

    def _show_broken_or_empty(self) -> None:
        item = self.list.currentItem()
        if self.library is not None and item is not None:
            name = str(item.data(ROLE)).removeprefix("broken:")
            broken = next((b for b in self.library.broken if b.path.name == name), None)
            if broken is not None:
                heading = escape(_("Dit lesbestand kan niet worden geladen"))
                advice = escape(
                    _(
                        "Verbeter het bestand (bijvoorbeeld met Kladblok) en start Schoolsignaal "
                        "opnieuw. De andere lessen kun je gewoon geven."
                    )
                )
                problems = "".join(f"<li>{escape(str(p))}</li>" for p in broken.problems)
                self.detail.setHtml(
                    f"<h2 style='color:#b00020'>{heading}</h2><p>{advice}</p><ul>{problems}</ul>"
                )
                return
        loading = self.library is None
        text = _("De lessen worden geladen…") if loading else _("Er zijn nog geen lessen.")
        self.detail.setHtml(f"<p style='color:#5a6270'>{escape(text)}</p>")

    def start_current(self) -> None:
        if self.pdf_decks.start_current():
            return
        loaded, level = self.current_lesson(), self.current_level()
        if loaded is not None and level is not None:
            self.levels.remember(level)
            self.start_requested.emit(loaded, level)

    def _plan_current(self) -> None:
        loaded, level = self.current_lesson(), self.current_level()
        if loaded is not None and level is not None:
            self.plan_requested.emit(loaded, level)

    # ---------------------------------------------------------------- texts
    def title(self) -> str:
        return _("Lessen")

    def retranslate(self) -> None:
        self.heading.setText(_("Lessen"))
        self.intro.setText(
            _(
                "Hier vindt u de Lessenreeks Schoolsignaal, om in de klas te geven. Kies een "
                "les, lees de voorbereiding en start de presentatie op de beamer (F5). De lessen "
                "zijn voor deze app geschreven, op de thema’s en doelen van ‘Mensenhandel (niet) "
                "op school’ (Rode Kruis, Fier en CKM); ze zijn niet het officiële lespakket. Heeft "
                "uw school de officiële dia’s, voeg ze dan hieronder toe als PDF."
            )
        )
        self.level_label.setText(_("Niveau:"))
        self.start_button.setText(_("Start les (F5)"))
        self.plan_button.setText(_("Lesplan afdrukken…"))
        self.log_button.setText(_("Gegeven lessen…"))
        self.guide_button.setText(_("Handleiding voor docenten"))
        self.pdf_decks.retranslate()
        if self.library is None:
            self._show_broken_or_empty()
        elif self.library.language != i18n.current_language():
            self.ensure_loaded()  # the series in the new language; lesson and level kept
        else:
            self._fill_list()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)


def lesson_html(lesson: Lesson, level: Level) -> str:
    """The detail view: goals, preparation, ground rules, aftercare and the slides the class
    sees at ``level``, with their notes."""
    from lessons.markdown import to_html as md

    def items(values: list[str]) -> str:
        return "<ul>" + "".join(f"<li>{escape(v)}</li>" for v in values) + "</ul>"

    goals = lesson.goals
    heads = {
        "goals": _("Leerdoelen"),
        "knowledge": _("Kennis"),
        "skills": _("Vaardigheden"),
        "attitude": _("Houding"),
        "preparation": _("Voorbereiding"),
        "rules": _("Groepsafspraken"),
        "aftercare": _("Nazorg: als een leerling iets vertelt"),
        "slides": _("Dia's en notities"),
    }
    given = lesson.for_level(level)
    meta = _("{levels} · {minutes} minuten").format(
        levels=levels_text(list(lesson.levels)), minutes=lesson.duration
    )
    planned = _("Gepland voor {level}: {minutes} minuten · {slides} dia's").format(
        level=_(LEVEL_LABELS[level]),
        minutes=f"{given.planned_minutes():g}",
        slides=len(given.slides),
    )
    spare = [s for s in given.slides if s.skippable]
    if spare:
        planned += " · " + ngettext(
            "{n} dia mag u overslaan ({minutes} min)",
            "{n} dia's mag u overslaan ({minutes} min)",
            len(spare),
        ).format(n=len(spare), minutes=f"{sum(s.minutes or 0 for s in spare):g}")
    html = [
        f"<h2 style='color:#1d3557'>{lesson.number}. {escape(lesson.title)}</h2>",
        f"<p style='color:#5a6270'>{escape(meta)}<br><b>{escape(planned)}</b></p>",
        md(lesson.summary),
        f"<h3>{escape(heads['goals'])}</h3>",
        f"<p><b>{escape(heads['knowledge'])}</b></p>{items(list(goals.knowledge))}",
        f"<p><b>{escape(heads['skills'])}</b></p>{items(list(goals.skills))}",
        f"<p><b>{escape(heads['attitude'])}</b></p>{items(list(goals.attitude))}",
        f"<h3>{escape(heads['preparation'])}</h3>{items(list(lesson.preparation))}",
        f"<h3>{escape(heads['rules'])}</h3>{items(list(lesson.ground_rules))}",
        f"<h3>{escape(heads['aftercare'])}</h3>{md(lesson.aftercare)}",
        f"<h3>{escape(heads['slides'])}</h3>",
    ]
    for number, slide in enumerate(given.slides, start=1):
        title = slide.heading
        extra = []
        if slide.minutes:
            extra.append(_("{n} min").format(n=f"{slide.minutes:g}"))
        if slide.skippable:
            extra.append(_("overslaan mag"))
        kind = _(KIND_LABELS[slide.kind])
        meta_line = " · ".join([kind, *extra])
        html.append(
            f"<p style='margin-top:10px'><b>{number}. {escape(title)}</b> "
            f"<span style='color:#5a6270'>({escape(meta_line)})</span></p>"
            f"<div style='margin-left:16px; color:#1f2430'>{md(slide.notes)}</div>"
        )
    return "".join(html)
