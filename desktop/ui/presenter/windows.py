"""The two presenter windows (``session.py`` places them on the screens).

The audience window holds a slide canvas and nothing else. The console holds the current and
next slide, the notes in large adjustable type, the timers, the slide list and the controls.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.classroom.presenter import Presentation
from desktop.i18n import _
from desktop.ui.presenter.canvas import SlideCanvas
from desktop.ui.presenter.render import SlideRenderer
from desktop.ui.widgets import named
from lessons.markdown import to_html


def clock(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 60:d}:{seconds % 60:02d}"


class AudienceWindow(QWidget):
    """The projector: the slide and nothing else."""

    def __init__(self, renderer: SlideRenderer) -> None:
        super().__init__()
        self.setObjectName("audienceWindow")
        self.setProperty("audience", True)  # the hide key blacks it out rather than hiding it
        self.canvas = SlideCanvas(renderer, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        self.setStyleSheet("#audienceWindow { background: black; }")
        self.resize(960, 540)


class PresenterConsole(QWidget):
    """The teacher's screen."""

    closing = Signal()

    def __init__(self, presentation: Presentation, renderer: SlideRenderer) -> None:
        super().__init__()
        self.setObjectName("presenterConsole")
        self.presentation = presentation
        self.notes_size = 22

        self.current = SlideCanvas(renderer)
        self.next_slide = SlideCanvas(renderer)
        self.notes = named(QTextBrowser(), "presenterNotes")
        # The clicker's keys must reach the presentation, never scroll the notes: nothing in
        # the console takes keyboard focus (the notes still scroll with the mouse wheel).
        self.notes.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.notes.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.lesson_time = named(QLabel(), "lessonTime")
        self.slide_time = named(QLabel(), "slideTime")
        self.position = named(QLabel(), "slidePosition")
        self.typed = named(QLabel(), "typedNumber")
        self.slide_list = named(QListWidget(), "slideList")
        self.slide_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.slide_list.setTextElideMode(Qt.TextElideMode.ElideRight)  # long statements: "…"
        self.slide_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.previous_button = named(QPushButton(), "previousSlide")
        self.next_button = named(QPushButton(), "nextSlide")
        self.reveal_button = named(QPushButton(), "revealAnswer")
        self.black_button = named(QPushButton(), "blackScreen")
        self.white_button = named(QPushButton(), "whiteScreen")
        self.swap_button = named(QPushButton(), "swapScreens")
        self.end_button = named(QPushButton(), "endPresentation")
        self.smaller = named(QPushButton("A−"), "notesSmaller")
        self.larger = named(QPushButton("A+"), "notesLarger")
        for button in (
            self.previous_button, self.next_button, self.reveal_button, self.black_button,
            self.white_button, self.swap_button, self.end_button, self.smaller, self.larger,
        ):  # fmt: skip
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        top = QHBoxLayout()
        top.addWidget(self.position)
        top.addWidget(self.typed)
        top.addStretch(1)
        top.addWidget(self.lesson_time)
        top.addSpacing(24)
        top.addWidget(self.slide_time)

        notes_bar = QHBoxLayout()
        self.notes_label = QLabel()
        notes_bar.addWidget(self.notes_label)
        notes_bar.addStretch(1)
        notes_bar.addWidget(self.smaller)
        notes_bar.addWidget(self.larger)
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self.current, 3)
        left_column.addLayout(notes_bar)
        left_column.addWidget(self.notes, 2)

        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        self.next_label = QLabel()
        right_column.addWidget(self.next_label)
        right_column.addWidget(self.next_slide, 1)
        right_column.addWidget(self.slide_list, 2)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        controls = QHBoxLayout()
        for button in (self.previous_button, self.next_button, self.reveal_button):
            controls.addWidget(button)
        controls.addStretch(1)
        for button in (self.black_button, self.white_button, self.swap_button, self.end_button):
            controls.addWidget(button)

        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addWidget(splitter, 1)
        column.addLayout(controls)
        self.setStyleSheet(
            "#presenterConsole { background: #20242c; } QLabel { color: #e8eaee; font-size: 15px; }"
            " #lessonTime, #slideTime { font-size: 22px; font-weight: 600; }"
            " #lessonTime[over='true'], #slideTime[over='true'] { color: #ff8a65; }"
            " #presenterNotes { background: #fbfbf8; color: #1f2430; }"
            " #slideList { background: #2b303a; color: #e8eaee; font-size: 14px; }"
        )
        self.resize(1280, 800)

        p = presentation
        self.previous_button.clicked.connect(p.previous)
        self.next_button.clicked.connect(p.next)
        self.reveal_button.clicked.connect(p.reveal)
        self.black_button.clicked.connect(lambda: p.toggle_blank("black"))
        self.white_button.clicked.connect(lambda: p.toggle_blank("white"))
        self.end_button.clicked.connect(p.end)
        self.smaller.clicked.connect(lambda: self.set_notes_size(self.notes_size - 2))
        self.larger.clicked.connect(lambda: self.set_notes_size(self.notes_size + 2))
        self.slide_list.currentRowChanged.connect(self._list_clicked)
        self.timer = QTimer(self)
        self.timer.setInterval(500)
        self.timer.timeout.connect(self.update_times)
        self.timer.start()
        self.retranslate()
        self.set_notes_size(self.notes_size)

    def retranslate(self) -> None:
        self.setWindowTitle(
            _("Presentatie – {lesson}").format(lesson=self.presentation.lesson.title)
        )
        self.previous_button.setText(_("◀ Vorige"))
        self.next_button.setText(_("Volgende ▶"))
        self.reveal_button.setText(_("Antwoord tonen (R)"))
        self.black_button.setText(_("Zwart (B)"))
        self.white_button.setText(_("Wit (W)"))
        self.swap_button.setText(_("Wissel schermen (S)"))
        self.end_button.setText(_("Stoppen (Esc)"))
        self.notes_label.setText(_("Notities voor de docent (alleen op dit scherm)"))
        self.smaller.setToolTip(_("Kleinere letters"))
        self.larger.setToolTip(_("Grotere letters"))
        self.slide_list.blockSignals(True)
        self.slide_list.clear()
        skip = _("overslaan mag")
        for number, slide in enumerate(self.presentation.slides, start=1):
            if slide.skippable:  # leave it out when time runs short: grey, italic, said
                self.slide_list.addItem(f"{number}. ({skip}) {slide.heading}")
                item = self.slide_list.item(number - 1)
                item.setForeground(QColor("#aab2c0"))
                font = item.font()
                font.setItalic(True)
                item.setFont(font)
                item.setToolTip(f"{slide.heading}\n{skip}")
            else:
                self.slide_list.addItem(f"{number}. {slide.heading}")
                self.slide_list.item(number - 1).setToolTip(slide.heading)
        self.slide_list.blockSignals(False)
        self.refresh()

    def set_notes_size(self, size: int) -> None:
        self.notes_size = max(12, min(48, size))
        self.notes.setStyleSheet(f"font-size: {self.notes_size}px;")

    def refresh(self) -> None:
        p = self.presentation
        self.current.show_view(p.audience_slide(), p.blank)
        self.next_slide.show_view(p.next_preview())
        self.notes.setHtml(to_html(p.slide.notes))
        self.position.setText(
            _("Dia {n} van {total}").format(n=p.index + 1, total=p.count)
            + (f" · {p.step + 1}/{p.slide.steps}" if p.slide.steps > 1 else "")
            + (" · " + _("overslaan mag") if p.slide.skippable else "")
        )
        following = p.slides[p.index + 1] if p.index + 1 < p.count else None
        self.next_label.setText(
            _("Hierna (overslaan mag)") if following is not None and following.skippable
            else _("Hierna")
        )  # fmt: skip
        self.reveal_button.setEnabled(p.can_reveal())
        self.black_button.setDown(p.blank == "black")
        self.white_button.setDown(p.blank == "white")
        self.slide_list.blockSignals(True)
        self.slide_list.setCurrentRow(p.index)
        self.slide_list.blockSignals(False)
        self.update_times()

    def update_times(self) -> None:
        p = self.presentation
        lesson_over = p.lesson_elapsed() > p.planned_lesson_seconds()
        self.lesson_time.setText(
            _("Les {elapsed} / {planned}").format(
                elapsed=clock(p.lesson_elapsed()), planned=clock(p.planned_lesson_seconds())
            )
        )
        planned = p.planned_slide_seconds()
        slide_over = planned is not None and p.slide_elapsed() > planned
        self.slide_time.setText(
            _("Dia {elapsed} / {planned}").format(
                elapsed=clock(p.slide_elapsed()), planned=clock(planned) if planned else "–"
            )
        )
        for label, over in ((self.lesson_time, lesson_over), (self.slide_time, slide_over)):
            if label.property("over") != over:
                label.setProperty("over", over)
                label.style().unpolish(label)
                label.style().polish(label)

    def show_typed(self, text: str) -> None:
        self.typed.setText(_("Naar dia {n} + Enter").format(n=text) if text else "")

    def _list_clicked(self, row: int) -> None:
        if row >= 0:
            self.presentation.go_to(row + 1)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        super().closeEvent(event)
