"""Preventieverslag: the school's prevention report for a school year, previewed, saved or
printed. The data, the small-count rule and the audit are ``desktop.prevention.report``; the
drawing is ``toolkit.prevention_report``; this dialog holds the choices only.

Counts from the vault can be included only while the vault is open; when it locks, they go
out of the preview at once and the choice is switched off.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtWidgets import QCheckBox, QLabel, QMessageBox, QWidget

from desktop import i18n, os_errors
from desktop.i18n import LANGUAGE_NAMES, LANGUAGES, _
from desktop.prevention import report as prevention
from desktop.ui.print_dialog import PdfPreviewDialog
from desktop.ui.widgets import named

if TYPE_CHECKING:
    from desktop.classroom.lesson_log import LessonLog, SchoolYear
    from desktop.concerns.session import VaultSession
    from desktop.school_profile import SchoolProfile
    from toolkit.prevention_report import PreventionReport

log = logging.getLogger(__name__)


class Host(Protocol):
    """What the dialog needs of the main window."""

    profile: SchoolProfile
    vault_session: VaultSession

    @property
    def lesson_log(self) -> LessonLog: ...


class PreventionReportDialog(PdfPreviewDialog):
    def __init__(
        self,
        profile: SchoolProfile,
        session: VaultSession,
        lesson_log: LessonLog,
        *,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_("Preventieverslag"), profile.paths.documents, parent)
        self.profile = profile
        self.session = session
        self.lesson_log = lesson_log
        self.report: PreventionReport | None = None
        years = prevention.school_years(lesson_log, today or dt.date.today())
        self.year = self.add_choice(
            _("Schooljaar:"), "reportYear", [(year.title, year) for year in years]
        )
        self.language = self.add_choice(
            _("Taal:"), "reportLanguage", [(LANGUAGE_NAMES[code], code) for code in LANGUAGES]
        )
        self.language.setCurrentIndex(self.language.findData(i18n.current_language()))
        self.with_counts = named(
            QCheckBox(
                _("Aantallen uit de kluis opnemen (meldingen, meldcodestappen, verwijzingen)")
            ),
            "reportCounts",
        )
        self.with_counts.toggled.connect(self.refresh)
        self.counts_note = named(QLabel(wordWrap=True), "reportCountsNote")
        self.form.addRow(self.with_counts)
        self.form.addRow(self.counts_note)
        session.locked.connect(self._vault_locked)
        session.opened.connect(self._vault_state)
        self._vault_state()

    # ---------------------------------------------------------------- the vault
    def _vault_state(self) -> None:
        is_open = self.session.is_open
        self.with_counts.setEnabled(is_open)
        if not is_open:
            self.with_counts.setChecked(False)
            self.counts_note.setText(
                _(
                    "De kluis is op slot, dus het verslag bevat alleen de lessen. Open de kluis "
                    "bij Zorgmeldingen om aantallen op te nemen."
                )
            )
        else:
            self.counts_note.setText(
                _(
                    "Alleen aantallen, nooit codes, data of teksten van meldingen; 1 tot en met "
                    "4 staat er als “< 5”. Opslaan en afdrukken met aantallen komen in de "
                    "auditlog."
                )
            )
        self.refresh()

    def _vault_locked(self, _reason: str) -> None:
        self._vault_state()

    # ---------------------------------------------------------------- the document
    def chosen_year(self) -> SchoolYear:
        return cast("SchoolYear", self.year.currentData())

    def refresh(self) -> None:
        if hasattr(self, "counts_note"):  # every choice is made
            super().refresh()

    def build(self) -> bytes:
        from desktop import printing
        from desktop.classroom.lesson_series import series
        from toolkit.prevention_report import build_prevention_report

        year, language = self.chosen_year(), str(self.language.currentData())
        lessons = [(loaded.lesson.id, loaded.lesson.title) for loaded in series(language).lessons]
        counts = None
        if self.with_counts.isChecked() and self.session.is_open:
            counts = prevention.vault_counts(self.session.vault, year)
        settings = self.profile.settings
        report = prevention.make_report(
            year,
            school_name=settings.school_name,
            lessons=prevention.lesson_rows(self.lesson_log, year, lessons),
            counts=counts,
            language=language,
        )
        school = printing.school_contact(settings, logo=self.profile.logo())
        data = build_prevention_report(report, school)
        self.report = report
        return data

    def file_name(self) -> str:
        from toolkit.prevention_report import file_name

        return file_name(self.chosen_year().label, str(self.language.currentData()))

    def _set_busy(self, busy: bool) -> None:
        super()._set_busy(busy)
        self.with_counts.setEnabled(not busy and self.session.is_open)

    # ---------------------------------------------------------------- save and print
    def save_to(self, path: str | Path) -> bool:
        """Save; a report with counts is logged, and removed again if that fails."""
        from desktop.vault.errors import VaultError

        report = self.report
        assert report is not None
        vault = self.session.vault if report.counts is not None else None
        try:
            prevention.save(self.pdf_bytes, Path(path), report, vault)
        except OSError as err:
            QMessageBox.warning(
                self,
                _("Niet opgeslagen"),
                _("Het bestand kon niet worden opgeslagen ({reason}). Kies een andere map.").format(
                    reason=os_errors.reason(err)
                ),
            )
            return False
        except VaultError as error:
            QMessageBox.warning(
                self,
                _("Niet opgeslagen"),
                _(
                    "Het verslag met aantallen kon niet worden vastgelegd in de auditlog, dus "
                    "het is niet bewaard: {reason}"
                ).format(reason=error.message()),
            )
            return False
        self.status.setText(_("Opgeslagen: {path}").format(path=str(path)))
        return True

    def audit(self, action: str, path: str) -> None:
        """After a print: log it when the report held counts (saving logs in :meth:`save_to`)."""
        from desktop.vault.errors import VaultError

        if action != "print" or self.report is None or self.report.counts is None:
            return
        try:
            prevention.printed(self.pdf_bytes, self.report, self.session.vault)
        except VaultError as error:
            QMessageBox.warning(
                self,
                _("Niet vastgelegd"),
                _("Het verslag is afgedrukt, maar dat kon niet worden vastgelegd: {reason}").format(
                    reason=error.message()
                ),
            )


def open_prevention_report(window: QWidget) -> PreventionReportDialog | None:
    """The dialog over the main window ``window`` (its profile, vault and lesson log)."""
    if not all(hasattr(window, name) for name in ("profile", "vault_session", "lesson_log")):
        log.warning("prevention report asked for outside the main window")
        return None
    host = cast("Host", window)
    dialog = PreventionReportDialog(
        host.profile, host.vault_session, host.lesson_log, parent=window
    )
    dialog.setModal(True)
    dialog.show()
    return dialog
