"""PNGs of the concern log on the demo vault, per language, at 1366×768.

    python tools/concern_shots.py OUT

The lock screen, the case list, a case, the observation form with a privacy warning, the
afwegingskader, and (when present) the backups and audit log dialogs. Uses a throw-away basedir
and the demo vault's made-up cases only.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

WIDTH, HEIGHT = 1366, 768


def settle(seconds: float = 0.3) -> None:
    import time

    from PySide6.QtCore import QCoreApplication

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.02)


def shoot(widget: Any, path: Path) -> None:
    settle(0.15)
    widget.grab().save(str(path))
    print(path)


def shoot_language(language: str, out: Path) -> None:
    from desktop.concerns.demo import DEMO_PASSPHRASE
    from desktop.ui.app import build

    with tempfile.TemporaryDirectory() as base:
        built = build(["--basedir", base, "--demo", "--lang", language], install_hooks=False)
        window = built.window
        window.resize(WIDTH, HEIGHT)
        page = window.concerns_page
        window.show_page(page)
        shoot(window, out / f"{language}-concerns-1-lock.png")
        page.unlock.passphrase.setText(DEMO_PASSPHRASE)
        page.unlock.unlock()
        page.session.wait()
        while not page.session.is_open:
            settle(0.05)
        shoot(window, out / f"{language}-concerns-2-list.png")
        rows = page.session.vault.cases()
        longest = max(rows, key=lambda row: (row.acute_on is not None, row.entry_count))
        view = page.workspace.open_case(longest.code)
        assert view is not None
        shoot(window, out / f"{language}-concerns-3-case.png")
        view.tabs.setCurrentIndex(1)
        assert view.meldcode is not None
        bar = view.meldcode.verticalScrollBar()
        bar.setValue(view.meldcode.afweging.y() + view.meldcode.steps[3].y())
        shoot(window, out / f"{language}-concerns-4-afwegingskader.png")
        view.tabs.setCurrentIndex(0)
        form = view.new_entry("observation", ("several-phones",))
        form.resize(760, 720)
        form.facts.setPlainText(  # type: ignore[attr-defined]
            "Fatima de Vries belde na school met 06-12345678. Ik denk dat ze bang is."
            if language == "nl"
            else "Fatima de Vries called 06-12345678 after school. I think she is scared."
        )
        form.who.setCurrentText("mentor")  # type: ignore[attr-defined]
        form.save()  # type: ignore[attr-defined]
        shoot(form, out / f"{language}-concerns-5-observation-privacy.png")
        form.close()
        for name, opener in (("6-backups", "open_backups"), ("7-audit-log", "open_audit_log")):
            open_it = getattr(page, opener, None)
            if open_it is not None:
                dialog = open_it()
                dialog.resize(1000, 680)
                shoot(dialog, out / f"{language}-concerns-{name}.png")
                dialog.close()
        page.session.lock()
        window.close()


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for language in ("nl", "en"):
        shoot_language(language, out)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "screens"))
