"""Staged start-up: arguments, paths, logging and crash hook, QApplication, translations, window.

``build(argv)`` runs every stage and returns the application and its main window without
entering the event loop, for tests and the smoke test; ``main()`` adds the event loop.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from desktop import APP_NAME, __version__
from desktop.i18n import _
from desktop.language import apply_language
from desktop.logs import set_crash_callback
from desktop.school_profile import SchoolProfile
from desktop.startup import Startup, run_early_stages
from desktop.ui.main_window import MainWindow


@dataclass
class Built:
    app: QApplication
    window: MainWindow
    startup: Startup
    profile: SchoolProfile
    crashes: list[Path | None] = field(default_factory=list)  # reports of uncaught errors


class _CrashReporter(QObject):
    """Shows the crash dialog on the UI thread, whichever thread crashed."""

    crashed = Signal(object)

    def __init__(self, reports: list[Path | None], *, headless: bool) -> None:
        super().__init__()
        self.reports = reports
        self.headless = headless  # the smoke test: no dialog that nobody can close
        # AutoConnection queues the call when another thread crashed.
        self.crashed.connect(self._show)

    def _show(self, report: Path | None) -> None:
        self.reports.append(report)
        if self.headless:
            sys.stderr.write(f"uncaught error; crash report: {report}\n")
            return
        from PySide6.QtWidgets import QMessageBox  # Qt builds a class on first use: not at start

        where = str(report.parent) if report else ""
        box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, _("Er ging iets mis."))
        box.setInformativeText(
            _(
                "Schoolsignaal heeft een fout gemaakt. Wat je had opgeslagen, is bewaard. "
                "Een foutverslag zonder persoonlijke gegevens staat in: {folder}"
            ).format(folder=where)
        )
        box.exec()


class _FirstPaint(QObject):
    """Quits the application right after the window's first paint (``--quit-on-first-paint``)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            QTimer.singleShot(0, self.app.quit)
        return False


def build(argv: Sequence[str] | None = None, *, install_hooks: bool = True) -> Built:
    """Run every start-up stage and show the main window; do not enter the event loop."""
    argv = list(sys.argv[1:] if argv is None else argv)
    reporter_holder: list[_CrashReporter] = []
    startup = run_early_stages(
        argv,
        install_hooks=install_hooks,
        on_crash=lambda report: (
            reporter_holder[0].crashed.emit(report) if reporter_holder else None
        ),
    )
    QGuiApplication.setApplicationName(APP_NAME)
    QGuiApplication.setApplicationDisplayName(APP_NAME)
    QGuiApplication.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName("schoolsignaal")
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0], *argv])
    crashes: list[Path | None] = []
    if install_hooks:
        reporter_holder.append(_CrashReporter(crashes, headless=startup.args.smoke_test))
    else:
        set_crash_callback(None)
    apply_language(startup.language)

    profile = SchoolProfile(startup.settings_store, startup.settings_load.settings, startup.paths)
    demo_problem: Callable[[], str] | None = None
    if startup.args.demo:
        from desktop.concerns.demo import DEMO_PASSPHRASE, demo_vault_path

        vault_file = demo_vault_path(startup.paths)
        demo_problem = _make_demo_vault(vault_file, startup.language)
        window = MainWindow(profile, demo_passphrase=DEMO_PASSPHRASE, vault_file=vault_file)
    else:
        window = MainWindow(profile)
    if not startup.settings_load.ok:
        _tell_settings_were_broken(window, startup)
    if demo_problem is not None:
        window.show_notice(demo_problem)
    if startup.args.quit_on_first_paint:
        watcher = _FirstPaint(app)
        window.installEventFilter(watcher)
    if window.opens_maximized:
        window.showMaximized()
    else:
        window.show()
    return Built(app=app, window=window, startup=startup, profile=profile, crashes=crashes)


def _make_demo_vault(vault_file: Path, language: str) -> Callable[[], str] | None:
    """Make the demo vault if there is none (about a second); what went wrong, if anything,
    as a text that follows a language switch."""
    from desktop.concerns.demo import make_demo_vault
    from desktop.vault.errors import VaultError
    from lessons.datafile import ContentError

    try:
        make_demo_vault(vault_file, language)
    except (ContentError, VaultError, OSError) as error:
        problem = error

        def text() -> str:
            from desktop.os_errors import reason

            if isinstance(problem, VaultError):
                why = problem.message()
            elif isinstance(problem, OSError):
                why = reason(problem)
            else:  # the demo cases' file was edited and is wrong: it names file and field
                why = str(problem)
            return _("De oefenkluis kon niet worden gemaakt: {problem}").format(problem=why)

        return text
    return None


def _tell_settings_were_broken(window: MainWindow, startup: Startup) -> None:
    from desktop.settings import FIELD_LABELS

    result = startup.settings_load

    def text() -> str:  # built when shown, so that it follows a language switch
        broken = [name for name in result.problems if name in FIELD_LABELS]
        lists = ("recipients", "contacts")  # a list keeps its good entries
        fields = [_(FIELD_LABELS[name]) for name in broken if name not in lists]
        parts = []
        if fields:
            parts.append(
                _("Teruggezet naar de standaardwaarde: {fields}.").format(fields=", ".join(fields))
            )
        if "recipients" in broken:  # the good ones are kept (desktop.recipients.good_entries)
            parts.append(
                _(
                    "Ontvangers van verwijsbrieven die niet klopten zijn weggelaten; "
                    "de andere zijn bewaard."
                )
            )
        if "contacts" in broken:  # desktop.contacts.good_entries
            parts.append(
                _(
                    "Contacten voor het contactenblad die niet klopten zijn weggelaten; "
                    "de andere zijn bewaard."
                )
            )
        reset = " ".join(parts) or _("Alle instellingen staan op de standaardwaarde.")
        kept = (
            _("Een kopie van het oude bestand staat in {path}.").format(path=str(result.kept_aside))
            if result.kept_aside
            else _("Het oude bestand kon niet worden gekopieerd: de map is niet schrijfbaar.")
        )
        return " ".join(
            [
                _("Het instellingenbestand was beschadigd."),
                reset,
                kept,
                _("Controleer de instellingen en sla ze opnieuw op."),
            ]
        )

    window.show_notice(
        text,
        lambda: _("Naar instellingen"),
        lambda: window.show_page(window.settings_page),
    )


def main(argv: Sequence[str] | None = None) -> int:
    built = build(argv)
    if built.startup.args.smoke_test:
        from desktop.ui.smoke import run_smoke_test

        return run_smoke_test(built)
    return int(built.app.exec())
