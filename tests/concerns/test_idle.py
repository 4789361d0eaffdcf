"""Auto-lock: idle minutes by a fake clock, a computer that slept, input that resets."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.concerns.idle import IdleWatch, LockReason


class FakeClock:
    def __init__(self) -> None:
        self.mono = 1000.0
        self.wall = 1_700_000_000.0

    def pass_(self, seconds: float, *, asleep: bool = False) -> None:
        self.wall += seconds
        if not asleep:  # Linux's monotonic clock stops while the computer sleeps
            self.mono += seconds


def watch(clock: FakeClock, minutes: int = 5) -> tuple[IdleWatch, list[str]]:
    idle = IdleWatch(minutes, clock=lambda: clock.mono, wall=lambda: clock.wall)
    fired: list[str] = []
    idle.expired.connect(fired.append)
    idle.start()
    return idle, fired


def tick_every_second(idle: IdleWatch, clock: FakeClock, seconds: int) -> None:
    for _ in range(seconds):
        clock.pass_(1)
        idle.tick()


def test_locks_after_the_idle_minutes_and_not_before(qtbot: QtBot) -> None:
    clock = FakeClock()
    idle, fired = watch(clock, minutes=5)
    tick_every_second(idle, clock, 5 * 60 - 1)
    assert fired == []
    tick_every_second(idle, clock, 1)
    assert fired == [LockReason.IDLE.value]
    assert not idle.running
    tick_every_second(idle, clock, 600)
    assert fired == [LockReason.IDLE.value], "it fires once, then waits for the next start"


def test_input_anywhere_in_the_app_resets_the_minutes(qtbot: QtBot) -> None:
    clock = FakeClock()
    idle, fired = watch(clock, minutes=1)
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.installEventFilter(idle)
    tick_every_second(idle, clock, 50)
    key = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
    assert idle.eventFilter(widget, key) is False, "the event goes on to the widget"
    tick_every_second(idle, clock, 50)
    assert fired == []
    click = QMouseEvent(
        QEvent.Type.MouseButtonPress,
        QPointF(1, 1),
        QPointF(1, 1),
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    idle.eventFilter(widget, click)
    tick_every_second(idle, clock, 59)
    assert fired == []
    tick_every_second(idle, clock, 1)
    assert fired == [LockReason.IDLE.value]


def test_other_events_do_not_count_as_input(qtbot: QtBot) -> None:
    clock = FakeClock()
    idle, fired = watch(clock, minutes=1)
    widget = QWidget()
    qtbot.addWidget(widget)
    tick_every_second(idle, clock, 30)
    idle.eventFilter(widget, QEvent(QEvent.Type.Paint))
    idle.eventFilter(widget, QEvent(QEvent.Type.Timer))
    tick_every_second(idle, clock, 30)
    assert fired == [LockReason.IDLE.value]


def test_a_computer_that_slept_locks_at_once_even_within_the_minutes(qtbot: QtBot) -> None:
    clock = FakeClock()
    idle, fired = watch(clock, minutes=60)
    tick_every_second(idle, clock, 10)
    clock.pass_(120, asleep=True)  # wall time ran on, the monotonic clock stood still
    idle.tick()
    assert fired == [LockReason.SLEEP.value]


def test_a_tick_that_comes_far_too_late_means_the_computer_slept(qtbot: QtBot) -> None:
    clock = FakeClock()
    idle, fired = watch(clock, minutes=60)
    clock.pass_(45)  # Windows: the monotonic clock runs through sleep, the timer did not
    idle.tick()
    assert fired == [LockReason.SLEEP.value]


def test_stopped_watch_never_fires(qtbot: QtBot) -> None:
    clock = FakeClock()
    idle, fired = watch(clock, minutes=1)
    idle.stop()
    tick_every_second(idle, clock, 120)
    assert fired == []


def test_new_minutes_apply_to_the_running_watch(qtbot: QtBot) -> None:
    clock = FakeClock()
    idle, fired = watch(clock, minutes=10)
    idle.set_minutes(1)
    tick_every_second(idle, clock, 60)
    assert fired == [LockReason.IDLE.value]
