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
        for name, dialog in (
            ("6-backups", page.open_backups()),
            ("7-audit-log", page.open_audit_log()),
        ):
            assert dialog is not None
            dialog.resize(1000, 680)
            shoot(dialog, out / f"{language}-concerns-{name}.png")
            dialog.close()
        shoot_letter(page, longest.code, language, out, Path(base))
        audit = page.open_audit_log()
        assert audit is not None
        audit.resize(1000, 680)
        shoot(audit, out / f"{language}-concerns-8-audit-after-letter.png")
        audit.close()
        view.tabs.setCurrentIndex(2)
        shoot(window, out / f"{language}-concerns-9-referrals.png")
        page.workspace.close_case()
        shoot(window, out / f"{language}-concerns-10-list-referred.png")
        page.session.lock()
        window.close()


def shoot_letter(page: Any, code: str, language: str, out: Path, base: Path) -> None:
    """The referral letter dialog, filled in for a made-up recipient, and saved once."""
    from desktop.referrals.choices import EntryUse

    page.profile.save(
        {
            "coordinator_name": "M. de Vries",
            "coordinator_role": "zorgcoördinator",
            "school_name": "OSG De Brug",
            "school_address": "Bruggenlaan 12\n1234 AB Voorbeeldstad",
            "recipients": [
                {
                    "kind": "regional_coordinator",
                    "organisation": "Zorgcoördinatie mensenhandel (voorbeeld)",
                    "name": "T. Bakker",
                    "address": "Postbus 1000\n1200 AA Voorbeeldstad",
                }
            ],
        }
    )
    dialog = page.open_letter(code)
    dialog.resize(WIDTH - 40, HEIGHT - 40)
    shoot(dialog, out / f"{language}-letter-1-empty.png")
    dialog.recipient.setCurrentIndex(1)
    dialog.basis.radios[next(iter(dialog.basis.radios))].setChecked(True)  # consent
    dialog.basis.consent_by.setCurrentIndex(dialog.basis.consent_by.findData("pupil"))
    dialog.basis.consent_form.setCurrentIndex(dialog.basis.consent_form.findData("spoken"))
    dialog.basis.pupil.choice.setCurrentIndex(dialog.basis.pupil.choice.findData("told"))
    parents = dialog.basis.parents.choice
    parents.setCurrentIndex(parents.findData("endangers_pupil"))
    for entry in dialog.detail.entries[:3]:
        dialog.entries.choose(entry.id, EntryUse.FACTS_ONLY)
    dialog.texts.boxes["request"].setPlainText(
        "Wilt u de hulp aan deze leerling coördineren en ons laten weten wie contact opneemt?"
        if language == "nl"
        else "Would you coordinate help for this pupil and let us know who will get in touch?"
    )
    dialog.refresh()
    shoot(dialog, out / f"{language}-letter-2-grounds.png")
    dialog.tabs.setCurrentIndex(1)
    shoot(dialog, out / f"{language}-letter-3-entries.png")
    dialog.tabs.setCurrentIndex(2)
    shoot(dialog, out / f"{language}-letter-4-texts.png")
    path = base / "brief.pdf"
    dialog.save_to(path)
    (out / f"{language}-letter.pdf").write_bytes(path.read_bytes())
    shoot(dialog, out / f"{language}-letter-5-saved.png")
    dialog.close()


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for language in ("nl", "en"):
        shoot_language(language, out)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "screens"))
