"""Sleep and session lock from the platform: the D-Bus signals on Linux, Windows messages."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap

import pytest
from pytestqt.qtbot import QtBot

from desktop.concerns import platform_events
from desktop.concerns.platform_events import PlatformEvents


def test_logind_and_screen_saver_signals_mean_going_away(qtbot: QtBot) -> None:
    events = PlatformEvents()
    seen: list[str] = []
    events.going_away.connect(seen.append)
    events.prepare_for_sleep(False)  # waking up: nothing to do
    events.screen_saver(False)
    assert seen == []
    events.prepare_for_sleep(True)
    events.session_lock()
    events.screen_saver(True)
    assert seen == ["sleep", "session_locked", "session_locked"]


def test_windows_suspend_and_session_lock_messages(qtbot: QtBot) -> None:
    events = PlatformEvents()
    seen: list[str] = []
    events.going_away.connect(seen.append)
    events.windows_message(platform_events.WM_POWERBROADCAST, 0x12)  # resume: nothing
    events.windows_message(platform_events.WM_WTSSESSION_CHANGE, 0x8)  # unlock: nothing
    events.windows_message(platform_events.WM_POWERBROADCAST, platform_events.PBT_APMSUSPEND)
    events.windows_message(platform_events.WM_WTSSESSION_CHANGE, platform_events.WTS_SESSION_LOCK)
    assert seen == ["sleep", "session_locked"]


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("dbus-run-session") is None,
    reason="needs Linux with dbus-run-session (Debian package dbus) to start a private bus",
)
def test_a_real_screen_saver_signal_on_a_private_session_bus() -> None:
    script = textwrap.dedent(
        """
        import subprocess
        from PySide6.QtCore import QCoreApplication, QTimer
        from desktop.concerns.platform_events import PlatformEvents
        app = QCoreApplication([])
        events = PlatformEvents()
        got = []
        events.going_away.connect(got.append)
        events.going_away.connect(lambda _w: app.quit())
        sources = events.watch()
        QTimer.singleShot(200, lambda: subprocess.run(["dbus-send", "--session",
            "--type=signal", "/org/freedesktop/ScreenSaver",
            "org.freedesktop.ScreenSaver.ActiveChanged", "boolean:true"]))
        QTimer.singleShot(5000, app.quit)
        app.exec()
        print(sources, got)
        """
    )
    result = subprocess.run(
        ["dbus-run-session", "--", sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "org.freedesktop.ScreenSaver" in result.stdout
    assert "['session_locked']" in result.stdout
