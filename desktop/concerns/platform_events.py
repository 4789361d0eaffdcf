"""The computer going to sleep or its session being locked, where the platform tells us.

- Linux: logind's ``PrepareForSleep`` and the session's ``Lock`` on the system bus, and the
  screen saver's ``ActiveChanged`` (freedesktop and GNOME) on the session bus, through QtDBus.
  D-Bus is a local message bus: nothing leaves the machine.
- Windows: ``WM_POWERBROADCAST``/``PBT_APMSUSPEND`` and, once the window registered for
  them, ``WM_WTSSESSION_CHANGE``/``WTS_SESSION_LOCK`` through a native event filter.
- Elsewhere (and where no bus runs): nothing; the idle watch still notices a sleep afterwards
  (``desktop.concerns.idle``).
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QAbstractNativeEventFilter, QCoreApplication, QObject, Signal, Slot

log = logging.getLogger(__name__)

WM_POWERBROADCAST = 0x0218
PBT_APMSUSPEND = 0x0004
WM_WTSSESSION_CHANGE = 0x02B1
WTS_SESSION_LOCK = 0x0007

_LOGIN1 = "org.freedesktop.login1"
_SCREEN_SAVERS = (
    ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"),
    ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver"),
)


class PlatformEvents(QObject):
    """Emits ``going_away`` when the computer sleeps or the user's session locks."""

    going_away = Signal(str)  # "sleep" or "session_locked"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sources: list[str] = []  # what is being watched (for the log and tests)
        self._native: _WindowsMessages | None = None

    def watch(self, window_id: int | None = None) -> list[str]:
        """Start listening; returns the names of what could be watched here."""
        if sys.platform.startswith("linux"):
            self._watch_dbus()
        elif sys.platform == "win32":
            self._watch_windows(window_id)
        log.info("watching for sleep and session lock: %s", ", ".join(self.sources) or "none")
        return self.sources

    # ---------------------------------------------------------------- Linux
    def _watch_dbus(self) -> None:
        from PySide6.QtCore import SLOT
        from PySide6.QtDBus import QDBusConnection

        system = QDBusConnection.systemBus()
        if system.isConnected():
            if system.connect(  # type: ignore[call-overload]  # PySide6 takes the slot as str
                _LOGIN1,
                "/org/freedesktop/login1",
                "org.freedesktop.login1.Manager",
                "PrepareForSleep",
                self,
                SLOT("prepare_for_sleep(bool)"),
            ):
                self.sources.append("logind sleep")
            session_path = _own_session_path(system)
            if session_path and system.connect(  # type: ignore[call-overload]
                _LOGIN1,
                session_path,  # logind sends Lock from the session's own path, not ".../auto"
                "org.freedesktop.login1.Session",
                "Lock",
                self,
                SLOT("session_lock()"),
            ):
                self.sources.append("logind lock")
        session = QDBusConnection.sessionBus()
        if session.isConnected():
            for service, path in _SCREEN_SAVERS:
                # any sender: the screen saver's owner varies by desktop
                if session.connect(  # type: ignore[call-overload]
                    "",
                    path,
                    service,
                    "ActiveChanged",
                    self,
                    SLOT("screen_saver(bool)"),
                ):
                    self.sources.append(service)

    @Slot(bool)
    def prepare_for_sleep(self, starting: bool) -> None:
        if starting:
            self.going_away.emit("sleep")

    @Slot()
    def session_lock(self) -> None:
        self.going_away.emit("session_locked")

    @Slot(bool)
    def screen_saver(self, active: bool) -> None:
        if active:
            self.going_away.emit("session_locked")

    # ---------------------------------------------------------------- Windows
    def _watch_windows(self, window_id: int | None) -> None:
        import ctypes

        app = QCoreApplication.instance()
        if app is None:
            return
        self._native = _WindowsMessages(self)
        app.installNativeEventFilter(self._native)
        self.sources.append("power broadcast")
        if window_id is not None:
            try:
                wtsapi32 = ctypes.windll.wtsapi32  # type: ignore[attr-defined,unused-ignore]
                if wtsapi32.WTSRegisterSessionNotification(window_id, 0):
                    self.sources.append("session lock")
            except (AttributeError, OSError):
                log.info("session notifications not available")

    def windows_message(self, message: int, wparam: int) -> None:
        if message == WM_POWERBROADCAST and wparam == PBT_APMSUSPEND:
            self.going_away.emit("sleep")
        elif message == WM_WTSSESSION_CHANGE and wparam == WTS_SESSION_LOCK:
            self.going_away.emit("session_locked")


def _own_session_path(system: object) -> str:
    """The object path of this process's logind session ("" when there is none)."""
    from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage

    assert isinstance(system, QDBusConnection)
    manager = QDBusInterface(
        _LOGIN1, "/org/freedesktop/login1", "org.freedesktop.login1.Manager", system
    )
    if not manager.isValid():
        return ""
    reply = manager.call("GetSession", "auto")  # "auto": the caller's own session
    if reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
        return ""
    path = reply.arguments()[0]
    text = path.path() if hasattr(path, "path") else str(path)
    return text if text.startswith("/org/freedesktop/login1/session/") else ""


class _WindowsMessages(QAbstractNativeEventFilter):
    def __init__(self, owner: PlatformEvents) -> None:
        super().__init__()
        self.owner = owner

    def nativeEventFilter(self, event_type: bytes, message: int) -> tuple[bool, int]:  # type: ignore[override]
        if event_type == b"windows_generic_MSG":
            from ctypes import wintypes

            msg = wintypes.MSG.from_address(int(message))
            self.owner.windows_message(msg.message, msg.wParam)
        return False, 0
