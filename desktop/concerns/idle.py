"""When the vault locks by itself: after idle minutes, and when the computer slept.

"Idle" means no key press, mouse click, movement or wheel in any window of the app (the watch
is an event filter on the application). A computer that slept is noticed in two ways that work
on every platform: the clock that runs through suspend (``time.time``) moved much further than
the one that stops (``time.monotonic`` on Linux), or the watch's own one-second tick came far
too late. Locking of the user's session is reported by the platform where Qt can tell
(``desktop.concerns.platform_events``).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from enum import StrEnum

from PySide6.QtCore import QEvent, QObject, QTimer, Signal


class LockReason(StrEnum):
    BUTTON = "button"  # the lock button or Ctrl+L
    IDLE = "idle"  # no input for the settings' minutes
    SLEEP = "sleep"  # the computer slept or its session was locked
    HIDE = "hide"  # the hide-everything key
    CLOSING = "closing"  # the app is closing
    RESTORE = "restore"  # a backup is being restored


INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)
TICK_MS = 1000
LATE_TICK_S = 20.0  # a tick this late means the process was stopped: the computer slept
CLOCK_JUMP_S = 20.0  # wall time ran this much further than monotonic time: suspended


class IdleWatch(QObject):
    """Emits ``expired(reason)`` once after ``minutes`` without input, or after a sleep.

    ``clock`` and ``wall`` are for tests (a fake clock); ``tick`` is called by the timer and
    may be called directly.
    """

    expired = Signal(str)  # a LockReason value

    def __init__(
        self,
        minutes: int,
        *,
        clock: Callable[[], float] = time.monotonic,
        wall: Callable[[], float] = time.time,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.minutes = minutes
        self.clock = clock
        self.wall = wall
        self._timer = QTimer(self, interval=TICK_MS)
        self._timer.timeout.connect(self.tick)
        self._last_input = self._last_tick = clock()
        self._last_wall = wall()

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        self.touch()
        self._last_tick, self._last_wall = self.clock(), self.wall()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def set_minutes(self, minutes: int) -> None:
        self.minutes = minutes

    def touch(self) -> None:
        """Input happened now."""
        self._last_input = self.clock()

    def idle_seconds(self) -> float:
        return self.clock() - self._last_input

    def tick(self) -> None:
        if not self.running:
            return
        now, wall = self.clock(), self.wall()
        slept = (now - self._last_tick) > LATE_TICK_S or (
            (wall - self._last_wall) - (now - self._last_tick)
        ) > CLOCK_JUMP_S
        self._last_tick, self._last_wall = now, wall
        if slept:
            self._expire(LockReason.SLEEP)
        elif now - self._last_input >= self.minutes * 60:
            self._expire(LockReason.IDLE)

    def _expire(self, reason: LockReason) -> None:
        self.stop()
        self.expired.emit(reason.value)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self._last_input = self.clock()
        return False
