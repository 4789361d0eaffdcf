"""Zorgmeldingen: the concern log's page. Set-up, the lock screen, or the open log.

The page follows the :class:`~desktop.concerns.session.VaultSession`: no vault yet shows the
set-up; a locked vault the lock screen; an open vault the workspace. On lock the workspace
forgets every piece of case text and the lock screen comes back.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.concerns.session import VaultSession
from desktop.i18n import _, ngettext
from desktop.ui.concerns.opening import SetupView, UnlockView
from desktop.ui.concerns.recovery_view import RecoveryKeyView
from desktop.ui.concerns.workspace import Workspace
from desktop.ui.pages.base import Page
from desktop.ui.widgets import named

if TYPE_CHECKING:
    from desktop.school_profile import SchoolProfile


def centred(card: QWidget) -> QWidget:
    """``card`` in the middle of a scrollable area (a small screen scrolls, nothing is cut)."""
    from PySide6.QtWidgets import QHBoxLayout, QScrollArea

    holder = QWidget()
    holder.setObjectName("scrollContent")
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(card)
    row.addStretch(1)
    column = QVBoxLayout(holder)
    column.addStretch(1)
    column.addLayout(row)
    column.addStretch(2)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setWidget(holder)
    return scroll


class ConcernsPage(Page):
    recovery_confirmed = Signal()  # a new vault's recovery key was typed back

    def __init__(
        self,
        session: VaultSession,
        profile: SchoolProfile,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.profile = profile
        self.last_message: QMessageBox | None = None
        self.demo_banner = named(QLabel(wordWrap=True), "demoBanner")
        self.demo_banner.setVisible(session.is_demo)
        self.setup = SetupView(session, self._weak_words())
        self.unlock = UnlockView(session)
        self.recovery = RecoveryKeyView(lambda: profile.settings, Path.home())
        self.workspace = Workspace(session)
        self.stack = named(QStackedWidget(), "concernStack")
        for view in (self.setup, self.unlock, self.recovery):
            self.stack.addWidget(centred(view))
        self.stack.addWidget(self.workspace)
        self.body.insertWidget(0, self.demo_banner)
        self.body.addWidget(self.stack, 1)

        session.opened.connect(self._opened)
        session.locked.connect(self._locked)
        self.recovery.confirmed.connect(self._recovery_confirmed)
        self.workspace.new_case_requested.connect(lambda: self.new_case(()))
        profile.changed.connect(self._settings_changed)
        self.workspace.backups_requested.connect(self.open_backups)
        self.workspace.audit_requested.connect(self.open_audit_log)
        self.workspace.letter_requested.connect(self.open_letter)
        self.retranslate()
        self.show_current()

    def title(self) -> str:
        return _("Zorgmeldingen")

    def retranslate(self) -> None:
        self.heading.setText(_("Zorgmeldingen"))
        self.intro.setText(
            _(
                "Zorgen over een leerling vastleggen en de vijf stappen van de meldcode volgen. "
                "Een melding heeft een code, nooit een naam."
            )
        )
        self.demo_banner.setText(
            _(
                "Oefenkluis: alle meldingen hier zijn verzonnen. Gebruik deze kluis om te "
                "oefenen en voor uitleg, nooit voor echte leerlingen."
            )
        )
        for view in (self.setup, self.unlock, self.recovery, self.workspace):
            view.retranslate()

    def _settings_changed(self, _settings: object) -> None:
        self.setup.context = self._weak_words()  # a new school name counts against at once
        self.setup.assess()

    def _weak_words(self) -> list[str]:
        words = ["schoolsignaal", "kluis", "wachtwoord", "zorgmelding"]
        school = self.profile.settings.school_name
        return [*words, school] if school else words  # the whole name, and each of its words

    # ---------------------------------------------------------------- which view
    def show_current(self) -> None:
        if self.session.is_open:
            self._show_workspace()
        elif self.session.exists():
            self.stack.setCurrentIndex(1)
            self.unlock.passphrase.setFocus()
        else:
            self.setup.context = self._weak_words()  # the school's name as it is now
            self.stack.setCurrentIndex(0)
            self.setup.passphrase.setFocus()

    def _opened(self) -> None:
        self.setup.clear()
        self.unlock.clear()
        after = self.session.after_unlock
        if after.recovery_key:
            self.recovery.show_key(after.recovery_key)
            self.stack.setCurrentIndex(2)
            self.recovery.group_field.setFocus()
            return
        self._show_workspace()
        if self.session.recovery_unconfirmed:  # locked before the key was typed back
            self.open_new_recovery_key()

    def _recovery_confirmed(self) -> None:
        self.session.recovery_unconfirmed = False
        self._show_workspace()
        self.recovery_confirmed.emit()

    def _show_workspace(self) -> None:
        self.stack.setCurrentIndex(3)
        self._show_notices()
        self.workspace.unsaved_lost = False  # said once
        self.workspace.reload()
        self.workspace.list_panel.search.setFocus()
        if self.session.after_unlock.clock_uncertain:
            self._ask_about_the_date()

    def _show_notices(self) -> None:
        reminder = self.backup_reminder()
        lines = self.after_unlock_lines()
        self.workspace.show_notices(
            [*lines, reminder] if reminder else lines, backup_action=bool(reminder)
        )

    def backup_reminder(self) -> str | None:
        """A line when the newest backup is more than a week old, or there is none."""
        from desktop.concerns.backup_reminder import reminder

        return reminder(self.session.vault.backups()) if self.session.is_open else None

    def after_unlock_lines(self) -> list[str]:
        after = self.session.after_unlock
        lines = [problem.message() for problem in after.problems]
        if self.workspace.unsaved_lost:
            lines.append(
                _(
                    "Bij het vergrendelen stond een notitie open die nog niet was opgeslagen. "
                    "Die tekst is niet bewaard: een vergrendelde kluis laat niets op het scherm."
                )
            )
        if after.purged:
            lines.append(
                ngettext(
                    "De bewaartermijn van {n} gesloten melding is verstreken. Deze is "
                    "verwijderd, ook uit de reservekopieën op deze computer: {codes}.",
                    "De bewaartermijn van {n} gesloten meldingen is verstreken. Deze zijn "
                    "verwijderd, ook uit de reservekopieën op deze computer: {codes}.",
                    len(after.purged),
                ).format(n=len(after.purged), codes=", ".join(after.purged))
            )
        if after.saved_elsewhere:
            lines.append(
                ngettext(
                    "Er is {n} reservekopie elders opgeslagen (bijvoorbeeld op een USB-stick) "
                    "waarin deze meldingen nog kunnen staan. Verwijder die met de hand.",
                    "Er zijn {n} reservekopieën elders opgeslagen (bijvoorbeeld op een "
                    "USB-stick) waarin deze meldingen nog kunnen staan. Verwijder die met de hand.",
                    after.saved_elsewhere,
                ).format(n=after.saved_elsewhere)
            )
        return lines

    def _ask_about_the_date(self) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(_("Klopt de datum?"))
        box.setText(self.session.after_unlock.clock_uncertain)
        box.setInformativeText(
            _("Klopt de datum van deze computer? Dan worden verlopen meldingen nu verwijderd.")
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(self._date_answered)
        self.workspace.keep_dialog(box)
        box.open()
        self.last_message = box

    def _date_answered(self, result: int) -> None:
        if result == QMessageBox.StandardButton.Yes and self.session.is_open:
            self.session.purge_with_confirmed_date()
            self._show_notices()

    # ---------------------------------------------------------------- new cases and entries
    def new_case(self, signals: tuple[str, ...] = ()) -> QWidget | None:
        """The new-case dialog; once made, the case opens with an observation form."""
        from desktop.ui.concerns.new_case import CaseDetailsDialog

        if not self.session.is_open:
            return None
        dialog = CaseDetailsDialog(self.session, parent=self)
        self.workspace.keep_dialog(dialog)
        dialog.saved.connect(lambda code: self.observe(code, signals))
        dialog.open()
        return dialog

    def observe(self, code: str, signals: tuple[str, ...] = ()) -> QWidget | None:
        """Open case ``code`` and its observation form, with ``signals`` ticked."""
        if not self.session.is_open:
            return None
        self.workspace.reload()
        view = self.workspace.open_case(code)
        if view is None:
            return None
        row = self.workspace.list_panel.model.row_of(code)
        if row >= 0:
            self.workspace.list_panel.table.selectRow(row)
        return view.new_entry("observation", signals)

    # ---------------------------------------------------------------- backups and the log
    def open_backups(self) -> QDialog | None:
        """The backups dialog (and from it the passphrase and recovery key)."""
        from desktop.ui.concerns.backups_dialog import BackupsDialog

        if not self.session.is_open:
            return None
        dialog = BackupsDialog(
            self.session,
            keep=self.workspace.keep_dialog,
            settings=lambda: self.profile.settings,
            documents_folder=Path.home(),
            context=self._weak_words(),
            parent=self,
        )
        self.workspace.keep_dialog(dialog)
        dialog.backups_changed.connect(self._show_notices)
        dialog.open()
        return dialog

    def open_new_recovery_key(self) -> QDialog | None:
        """A new recovery key, when the first one was never confirmed (it showed only once)."""
        from desktop.ui.concerns.key_dialogs import RecoveryKeyDialog

        if not self.session.is_open:
            return None
        dialog = RecoveryKeyDialog(
            self.session, lambda: self.profile.settings, Path.home(), parent=self
        )
        self.workspace.keep_dialog(dialog)
        dialog.open()
        self.last_message = dialog  # type: ignore[assignment]
        return dialog

    def open_letter(self, code: str) -> QDialog | None:
        """The referral letter of case ``code``: a window of its own, closed by a lock."""
        from desktop.ui.referrals.letter_dialog import LetterDialog

        if not self.session.is_open:
            return None
        logo = self.profile.paths.logo_file
        dialog = LetterDialog(
            self.session,
            code,
            self.profile.settings,
            logo if self.profile.has_logo() else None,
            documents_folder=Path.home(),
            parent=self,
        )
        self.workspace.keep_dialog(dialog)
        dialog.show()
        return dialog

    def open_audit_log(self) -> QDialog | None:
        """The audit log: every event, filtered, checked, and on paper."""
        from desktop.ui.concerns.audit_dialog import AuditLogDialog

        if not self.session.is_open:
            return None
        dialog = AuditLogDialog(
            self.session,
            keep=self.workspace.keep_dialog,
            school=lambda: self.profile.settings.school_name,
            documents_folder=Path.home(),
            parent=self,
        )
        self.workspace.keep_dialog(dialog)
        dialog.open()
        return dialog

    def _locked(self, _reason: str) -> None:
        self.workspace.forget()
        self.recovery.forget()
        self.unlock.clear()
        self.show_current()
