"""The main window: navigation on the left, one page at a time on the right."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.concerns.session import VaultSession
from desktop.i18n import N_, _
from desktop.school_profile import SchoolProfile
from desktop.ui.concerns.signal_handoff import SignalHandoff
from desktop.ui.notice_bar import NoticeBar
from desktop.ui.pages.base import Page
from desktop.ui.sidebar import Sidebar
from desktop.ui.style import STYLE_SHEET
from desktop.ui.widgets import named
from desktop.ui.window_places import available_areas, remember_place, restore_place
from desktop.window_state import WindowStates

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtWidgets import QMessageBox

    from desktop.classroom.lesson_log import LessonLog
    from desktop.classroom.pdf_decks import PdfDeck
    from desktop.ui.concerns.guard import VaultGuard
    from desktop.ui.concerns.page import ConcernsPage
    from desktop.ui.guide_dialog import GuideDialog
    from desktop.ui.lesson_log_dialog import LessonLogDialog, RecordLessonDialog
    from desktop.ui.pages.lessons import LessonsPage
    from desktop.ui.pages.printing import PrintingPage
    from desktop.ui.pages.settings import SettingsPage
    from desktop.ui.pages.signal_card import SignalCardPage
    from desktop.ui.presenter.session import PresenterSession
    from desktop.ui.print_dialog import LessonPlanPrintDialog, SignalCardPrintDialog
    from lessons.library import LoadedLesson


# The pages in navigation order. Each is built the first time it is shown, so start-up only
# builds the first one.
PAGES: list[tuple[str, str]] = [
    ("lessons", N_("Lessen")),
    ("signal_card", N_("Signalenkaart")),
    ("concerns", N_("Zorgmeldingen")),
    ("printing", N_("Printen")),
    ("settings", N_("Instellingen")),
]
KEYS = [key for key, _title in PAGES]
MAIN_WINDOW, MAIN_SIZE = "main", (1200, 780)  # its name in desktop.window_state, its size
GUARD_AFTER_PAINT_MS = 150  # the lock and hide keys: just after the window first shows


class MainWindow(QMainWindow):
    presentation_finished = Signal(object)  # LoadedLesson

    def __init__(
        self,
        profile: SchoolProfile,
        *,
        demo_passphrase: str = "",
        vault_file: Path | None = None,
    ) -> None:
        """``vault_file``: the vault the concern log opens (the demo vault's with ``--demo``);
        the school's own (``paths.vault_file``) if None."""
        super().__init__()
        self._guard: VaultGuard | None = None  # made right after the first paint
        self.profile = profile
        self.vault_session = VaultSession(
            vault_file or profile.paths.vault_file,
            retention_months=lambda: profile.settings.retention_months,
            demo_passphrase=demo_passphrase,
            parent=self,
        )
        self.handoff = SignalHandoff(self.vault_session, lambda: self.concerns_page, self)
        self.last_message: QMessageBox | None = None
        self.setObjectName("mainWindow")
        self.setStyleSheet(STYLE_SHEET)
        self.setMinimumSize(960, 640)
        # The size and place of last time, fitted to this screen (a 1024x768 laptop too).
        self.window_states = WindowStates(profile.paths.window_state_file)
        self.opens_maximized = restore_place(
            self, self.window_states, MAIN_WINDOW, MAIN_SIZE, available_areas()
        )

        self._pages: dict[str, Page] = {}
        sidebar = self.sidebar = Sidebar(len(KEYS))
        self.navigation, self.tagline = sidebar.navigation, sidebar.tagline
        self.app_name, self.local_only = sidebar.app_name, sidebar.local_only
        self.stack = named(QStackedWidget(), "pageStack")
        for _key in KEYS:
            self.stack.addWidget(QWidget())  # a placeholder until the page is first shown
        self.navigation.currentRowChanged.connect(self._show_row)

        self.notice = NoticeBar()
        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.setSpacing(0)
        right_column.addWidget(self.notice)
        right_column.addWidget(self.stack, 1)

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(sidebar)
        row.addWidget(right, 1)
        self.setCentralWidget(central)

        for number in range(len(KEYS)):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number + 1}"), self)
            shortcut.activated.connect(lambda row=number: self.navigation.setCurrentRow(row))

        self.session: PresenterSession | None = None
        self._lesson_log: LessonLog | None = None
        self.record_dialog: RecordLessonDialog | None = None
        start = QShortcut(QKeySequence("F5"), self)
        start.activated.connect(self._start_from_anywhere)

        self.navigation.setCurrentRow(0)
        self.retranslate()

    def open_signal_card_printing(self) -> SignalCardPrintDialog:
        from desktop.ui.print_dialog import SignalCardPrintDialog  # QtPdf loads on first use

        dialog = SignalCardPrintDialog(self.profile, self)
        dialog.setModal(True)
        dialog.show()
        return dialog

    def _start_from_anywhere(self) -> None:
        self.show_page(self.lessons_page)
        self.lessons_page.ensure_loaded()
        self.lessons_page.start_current()

    def start_presentation(self, loaded: LoadedLesson, level: str) -> PresenterSession:
        """Open the audience window and the console for ``loaded``, at ``level`` only."""
        from desktop.classroom.presenter import Presentation
        from desktop.printing import school_contact
        from desktop.ui.presenter.session import PresenterSession

        if self.session is not None:
            self.session.close()
        school = school_contact(self.profile.settings)  # on the help slide, when there is one
        lesson, folder = loaded.lesson, loaded.folder
        presentation = Presentation(lesson, folder, lesson.pick_level(level), school=school)
        self.session = PresenterSession(presentation, states=self.window_states)
        given = presentation.level
        self.session.finished.connect(lambda: self._presentation_ended(loaded, given))
        self.session.start()
        return self.session

    def start_deck_presentation(self, deck: PdfDeck) -> PresenterSession:
        """A PDF deck in the same presenter; no lesson log after it (it counts the series)."""
        from desktop.ui.presenter.pdf_deck import start_deck

        self.session = start_deck(deck, self.session, self.window_states, self.lessons_page)
        self.session.finished.connect(lambda: setattr(self, "session", None))
        return self.session

    def _presentation_ended(self, loaded: LoadedLesson, level: str) -> None:
        self.session = None
        self.presentation_finished.emit(loaded)
        self.activateWindow()
        self.offer_lesson_record((loaded.lesson.id, loaded.lesson.title), level)

    # ---------------------------------------------------------------- lessons given
    @property
    def lesson_log(self) -> LessonLog:
        if self._lesson_log is None:
            from desktop.classroom.lesson_log import LessonLog

            self._lesson_log = LessonLog(self.profile.paths.lesson_log_file)
            if self._lesson_log.kept_aside is not None:
                self.show_notice(
                    _(
                        "Het logboek van gegeven lessen was onleesbaar. Er is een nieuw begonnen; "
                        "het oude staat ernaast als {name}."
                    ).format(name=self._lesson_log.kept_aside.name)
                )
        return self._lesson_log

    def _series(self) -> list[tuple[str, str]]:
        library = self.lessons_page.ensure_loaded()
        return [(loaded.lesson.id, loaded.lesson.title) for loaded in library.lessons]

    def offer_lesson_record(
        self, lesson: tuple[str, str] | None = None, level: str = ""
    ) -> RecordLessonDialog:
        """After a presentation: ask which group had the lesson (one click to skip)."""
        from desktop.ui.lesson_log_dialog import RecordLessonDialog

        dialog = RecordLessonDialog(
            self.lesson_log, self._series(), lesson, parent=self, level=level
        )
        dialog.setModal(True)
        dialog.show()
        self.record_dialog = dialog
        return dialog

    def open_guide(self) -> GuideDialog:
        from desktop.ui.guide_dialog import GuideDialog

        dialog = GuideDialog(self)  # not modal: a teacher reads it beside the lesson
        dialog.show()
        return dialog

    def open_lesson_log(self) -> LessonLogDialog:
        from desktop.ui.lesson_log_dialog import LessonLogDialog

        dialog = LessonLogDialog(
            self.lesson_log, self._series(), self.profile.paths.documents, parent=self
        )
        dialog.setModal(True)
        dialog.show()
        return dialog

    def open_lesson_plan_printing(
        self, loaded: LoadedLesson, level: str | None = None
    ) -> LessonPlanPrintDialog:
        """The plan and worksheet of ``loaded`` at ``level`` (else the level last picked)."""
        from desktop.ui.pages.lessons import LEVEL_LABELS
        from desktop.ui.print_dialog import LessonPlanPrintDialog

        level = loaded.lesson.pick_level(level or self.lessons_page.levels.level)
        lesson = loaded.lesson.for_level(level)  # the dialog and its PDF hold this level only
        dialog = LessonPlanPrintDialog(lesson, self.profile, self)
        dialog.setWindowTitle(_("Lesplan afdrukken – {level}").format(level=_(LEVEL_LABELS[level])))
        dialog.setModal(True)
        dialog.show()
        return dialog

    def start_concern(self, signal_ids: list[str]) -> None:
        """Ticked signals from the signal card: to a new case or a chosen one, once open."""
        self.show_page(self.concerns_page)
        self.handoff.start(signal_ids)

    @property
    def guard(self) -> VaultGuard:
        """Auto-lock, Ctrl+L, the hide key; made after the first paint (the Qt namespace it
        needs costs start-up time), or when the concern page or a test needs it first."""
        if self._guard is None:
            from desktop.ui.concerns.guard import VaultGuard

            self._guard = VaultGuard(
                self.vault_session, self, lambda: self.profile.settings.autolock_minutes
            )
            self._guard.extra_hide.append(self._black_out_projector)
            self.profile.changed.connect(lambda _settings: self.guard.settings_changed())
        return self._guard

    def event(self, event: QEvent) -> bool:
        if self._guard is None and event.type() == QEvent.Type.Paint:
            QTimer.singleShot(GUARD_AFTER_PAINT_MS, self, lambda: self.guard)  # gone with self
        return super().event(event)

    def _black_out_projector(self) -> None:
        if self.session is not None:
            self.session.presentation.blank = "black"
            self.session.refresh()

    # ---------------------------------------------------------------- pages
    def page(self, key: str) -> Page:
        """The page ``key``, built and wired the first time it is asked for."""
        existing = self._pages.get(key)
        if existing is not None:
            return existing
        page = self._build_page(key)
        index = KEYS.index(key)
        placeholder = self.stack.widget(index)
        current = self.stack.currentIndex()
        self.stack.insertWidget(index, page)
        if placeholder is not None:
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
        self.stack.setCurrentIndex(current)
        self._pages[key] = page
        return page

    def _build_page(self, key: str) -> Page:
        if key == "lessons":
            from desktop.classroom.level_choice import LevelChoice  # the level picked last time
            from desktop.ui.pages.lessons import LessonsPage

            lessons = LessonsPage(levels=LevelChoice(self.profile.paths.level_file))
            lessons.start_requested.connect(self.start_presentation)
            lessons.plan_requested.connect(self.open_lesson_plan_printing)
            lessons.log_requested.connect(self.open_lesson_log)
            lessons.guide_requested.connect(self.open_guide)
            lessons.pdf_decks.attach(self.profile.paths.pdf_decks, self.start_deck_presentation)
            return lessons
        if key == "signal_card":
            from desktop.ui.pages.signal_card import SignalCardPage

            card = SignalCardPage()
            card.print_requested.connect(self.open_signal_card_printing)
            card.concern_requested.connect(self.start_concern)
            return card
        if key == "concerns":
            from desktop.ui.concerns.page import ConcernsPage

            self.guard  # noqa: B018 (made now: the page's vault may open before the first paint)
            concerns = ConcernsPage(self.vault_session, self.profile)
            concerns.recovery_confirmed.connect(self.handoff.vault_opened)  # a new vault: place
            return concerns
        if key == "printing":
            from desktop.ui.pages.printing import PrintingPage

            printing = PrintingPage()
            printing.signal_card_requested.connect(self.open_signal_card_printing)
            printing.lesson_plan_requested.connect(self.open_lesson_plan_printing)
            return printing
        if key == "settings":
            from desktop.ui.pages.settings import SettingsPage

            return SettingsPage(self.profile)
        raise KeyError(key)

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(KEYS) and KEYS[row] != "concerns":
            self.handoff.forget()  # left the lock screen: the ticks stay on the card
        if 0 <= row < len(KEYS):
            self.page(KEYS[row])
            self.stack.setCurrentIndex(row)

    @property
    def pages(self) -> list[Page]:
        """Every page (building those not yet shown)."""
        return [self.page(key) for key in KEYS]

    @property
    def lessons_page(self) -> LessonsPage:
        return cast("LessonsPage", self.page("lessons"))

    @property
    def signal_card_page(self) -> SignalCardPage:
        return cast("SignalCardPage", self.page("signal_card"))

    @property
    def concerns_page(self) -> ConcernsPage:
        return cast("ConcernsPage", self.page("concerns"))

    @property
    def printing_page(self) -> PrintingPage:
        return cast("PrintingPage", self.page("printing"))

    @property
    def settings_page(self) -> SettingsPage:
        return cast("SettingsPage", self.page("settings"))

    def show_page(self, page: Page) -> None:
        key = next(k for k, built in self._pages.items() if built is page)
        self.navigation.setCurrentRow(KEYS.index(key))

    def current_page(self) -> Page:
        return self.page(KEYS[self.stack.currentIndex()])

    def show_notice(
        self,
        text: str | Callable[[], str],
        action_text: str | Callable[[], str] = "",
        on_action: Callable[[], None] | None = None,
    ) -> None:
        """Show ``text`` in the notice bar. Give callables to have it follow a language switch."""
        self.notice.show_message(text, action_text, on_action)

    def retranslate(self) -> None:
        self.setWindowTitle(_("Schoolsignaal – preventie van uitbuiting van leerlingen"))
        self.sidebar.retranslate()
        for row, (_key, title) in enumerate(PAGES):
            shortcut = QKeySequence(f"Ctrl+{row + 1}")
            name = shortcut.toString(QKeySequence.SequenceFormat.NativeText)
            self.sidebar.set_page_name(row, _(title), name)
        self.notice.retranslate()

    def closeEvent(self, event: QCloseEvent) -> None:
        from desktop.concerns.idle import LockReason

        if "settings" in self._pages and self.settings_page.ask_to_save(self.close):
            event.ignore()  # unsaved settings: asked without blocking; closes once answered
            return
        self.vault_session.lock(LockReason.CLOSING)
        remember_place(self, self.window_states, MAIN_WINDOW)
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
