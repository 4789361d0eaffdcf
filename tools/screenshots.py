"""Save a PNG of every page of the main window, per language: ``python tools/screenshots.py OUT``.

The concern log's screens come from ``tools/concern_shots.py`` (the demo vault, 1366×768).

For looking at what we build (offscreen). Uses a throw-away basedir.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def settle(app: object, seconds: float = 0.8) -> None:
    """Let Qt finish asynchronous work (the PDF preview renders pages in a thread)."""
    import time

    from PySide6.QtCore import QCoreApplication

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.02)


def shoot_lesson_log(built: Any, out: Path, language: str) -> None:
    import datetime as dt

    from desktop.classroom.lesson_log import checked

    window = built.window
    log = window.lesson_log
    series = window._series()
    if not log.entries:
        for days, group, (ident, title) in zip(
            (3, 10, 12, 30), ("2B", "2C", "3A", "2B"), [*series[:3], series[0]], strict=False
        ):
            day = dt.date.today() - dt.timedelta(days=days)
            log.add(checked(day=day, group=group, lesson_id=ident, lesson_title=title,
                            teacher="KV", today=dt.date.today()))  # fmt: skip
    record = window.offer_lesson_record(series[0] if series else None)
    record.group.setText("2B")
    built.app.processEvents()
    record.grab().save(str(out / f"{language}-lesson-record.png"))
    record.close()
    overview = window.open_lesson_log()
    built.app.processEvents()
    overview.grab().save(str(out / f"{language}-lesson-log.png"))
    overview.close()


def shoot_recipients(built: Any, out: Path, language: str) -> None:
    """The settings page with three (fictional) recipients, and the edit dialog with messages,
    at 1366×768 and 1024×768."""
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QScrollArea

    from desktop.recipients import RecipientEntry

    window = built.window
    page = window.settings_page
    box = page.recipients
    box.set_entries(
        (
            RecipientEntry("regional_coordinator", "Zorgcoördinatie Mensenhandel (fictief)",
                           "M. de Boer", "Postbus 100\n9999 ZZ Voorbeeldstad"),
            RecipientEntry("veilig_thuis", "Veilig Thuis Voorbeeldregio", "Team Advies"),
            RecipientEntry("police", "Politie, basisteam Voorbeeldstad", "Wijkagent jeugd"),
        )
    )  # fmt: skip
    window.show_page(page)
    scroll = page.findChild(QScrollArea)
    size = window.size()
    for width in (1366, 1024):
        window.resize(width, 768)
        settle(built.app, 0.2)
        scroll.ensureWidgetVisible(box)
        built.app.processEvents()
        window.grab().save(str(out / f"{language}-recipients-{width}.png"))
        box.list.setCurrentItem(box.list.topLevelItem(1))
        dialog = box.change()
        dialog.organisation.clear()
        dialog.address.setPlainText("\n".join(f"regel {n}" for n in range(1, 9)))
        dialog.accept()  # refused: the messages show under the fields
        settle(built.app, 0.2)
        shot = window.grab()  # the dialog drawn over the window, as it is seen
        painter = QPainter(shot)
        painter.drawPixmap(
            (shot.width() - dialog.width()) // 2, (shot.height() - dialog.height()) // 2,
            dialog.grab(),
        )  # fmt: skip
        painter.end()
        shot.save(str(out / f"{language}-recipient-dialog-{width}.png"))
        dialog.reject()
    box.set_entries(built.profile.settings.recipients)
    window.resize(size)


def shoot_long_signals(built: Any, out: Path, language: str) -> None:
    """The signal card at 1024 and 1366 wide: the longest signal chosen, its tooltip shown."""
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QApplication, QToolTip

    window = built.window
    page = window.signal_card_page
    window.show_page(page)
    settle(built.app, 0.2)  # a language switch reloads the card: items after it
    size = window.size()
    longest = max(page.signal_items(), key=lambda item: len(item.text(0)))
    for width in (1024, 1366):
        window.resize(width, 768)
        settle(built.app, 0.2)
        page.tree.setCurrentItem(longest)
        page.tree.scrollToItem(longest)
        built.app.processEvents()
        rect = page.tree.visualItemRect(longest)
        spot = page.tree.viewport().mapToGlobal(rect.center())
        QToolTip.showText(spot, longest.toolTip(0), page.tree.viewport(), rect)
        settle(built.app, 0.3)
        shot = window.grab()
        tip = next((w for w in QApplication.topLevelWidgets() if w.inherits("QTipLabel")), None)
        if tip is not None and tip.isVisible():  # a tooltip is a window of its own: draw it in
            painter = QPainter(shot)
            painter.drawPixmap(tip.pos() - window.pos(), tip.grab())
            painter.end()
        shot.save(str(out / f"{language}-signal-long-{width}.png"))
        QToolTip.hideText()
    window.resize(size)


def shoot_settings_edits(built: Any, out: Path, language: str) -> None:
    """The settings page with an unsaved edit, with a too-long school name, and the question
    on leaving it, at 1024×768."""
    from PySide6.QtGui import QPainter

    window = built.window
    page = window.settings_page
    window.show_page(page)
    size = window.size()
    window.resize(1024, 768)
    page.edits["school_name"].setText("Scholengemeenschap De Linde")
    settle(built.app, 0.2)
    window.grab().save(str(out / f"{language}-settings-unsaved.png"))
    page.edits["school_name"].setText("Scholengemeenschap De Linde " * 8)
    page.edits["coordinator_phone"].setText("030-1234567")
    page.save()
    settle(built.app, 0.2)
    window.grab().save(str(out / f"{language}-settings-too-long.png"))
    window.show_page(window.lessons_page)  # leaving with edits: asked
    settle(built.app, 0.2)
    box = page.ask
    if box is not None:
        shot = window.grab()
        painter = QPainter(shot)
        painter.drawPixmap(
            (shot.width() - box.width()) // 2, (shot.height() - box.height()) // 3, box.grab()
        )
        painter.end()
        shot.save(str(out / f"{language}-settings-ask.png"))
        box.button(box.StandardButton.Discard).click()
    window.resize(size)


def main(out: Path) -> None:
    from desktop.language import apply_language
    from desktop.ui.app import build

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as base:
        built = build(["--basedir", base, "--lang", "nl"], install_hooks=False)
        window = built.window
        for language in ("nl", "en"):
            apply_language(language)
            for width in (1366, 1024):
                window.resize(width, 768)
                for number, page in enumerate(window.pages, start=1):
                    window.show_page(page)
                    settle(built.app, 0.2)
                    name = f"{language}-{number}-{type(page).__name__}-{width}.png"
                    window.grab().save(str(out / name))
            window.sidebar.show_about()
            settle(built.app, 0.2)
            assert window.sidebar.about is not None
            window.sidebar.about.grab().save(str(out / f"{language}-about.png"))
            window.sidebar.about.close()
            card_page = window.signal_card_page
            window.show_page(card_page)
            card_page.set_ticked("several-phones", True)
            card_page.set_ticked("recruits-peers", True)
            card_page.tree.setCurrentItem(card_page.signal_items()[3])
            card_page.search.setText("telefoon" if language == "nl" else "phone")
            built.app.processEvents()
            window.grab().save(str(out / f"{language}-2b-signal-search.png"))
            card_page.search.clear()
            card_page.clear_ticks()
            dialog = window.open_signal_card_printing()
            for fmt in range(dialog.format.count()):
                dialog.format.setCurrentIndex(fmt)
                settle(built.app)
                dialog.grab().save(str(out / f"{language}-print-{dialog.format.currentData()}.png"))
            dialog.close()
            shoot_lesson_log(built, out, language)
            shoot_recipients(built, out, language)
            shoot_long_signals(built, out, language)
            shoot_settings_edits(built, out, language)
        window.close()
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from concern_shots import shoot_language  # the concern log, on the demo vault

    for language in ("nl", "en"):
        shoot_language(language, out)
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "screens"))
