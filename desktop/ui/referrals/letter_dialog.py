"""Verwijsbrief: the coordinator's choices on the left, every page of the letter on the right.

The letter is made only when it is lawful and complete: the list under the form says what is
still missing, and "Opslaan als PDF…" and "Afdrukken…" wait until it is empty. Nothing here
blocks the rest of the app: the dialog is a window of its own, and its file and print
dialogs open without a nested event loop (a lock closes all of them at once).

The pupil's name, date of birth and gender, when typed, live in this dialog's fields and in the
PDF it makes; never in the vault, the settings, a log or a temp file.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import os_errors
from desktop.i18n import _
from desktop.pdf_pages import PdfPages
from desktop.referrals.choices import LetterChoices, kept_texts, problems
from desktop.referrals.compose import (
    LetterContext,
    LetterNotDrawn,
    compose,
    draw,
    included_sections,
)
from desktop.referrals.export import ExportRefused, LetterExport
from desktop.referrals.prefill import prefill
from desktop.ui.concerns.privacy_gate import PrivacyGate
from desktop.ui.print_dialog import PdfPreview
from desktop.ui.print_run import PrintRun
from desktop.ui.referrals.basis_form import BasisForm
from desktop.ui.referrals.entry_picker import EntryPicker
from desktop.ui.referrals.identity_form import IdentityForm
from desktop.ui.referrals.letter_print import LetterPrint, warn
from desktop.ui.referrals.password_box import show_password
from desktop.ui.referrals.texts_form import TextsForm
from desktop.ui.widgets import named, scrolled, shrinkable
from desktop.vault.errors import VaultError

if TYPE_CHECKING:
    from desktop.concerns.session import VaultSession
    from desktop.recipients import RecipientEntry
    from desktop.settings import Settings
    from desktop.vault.records import CaseDetail
    from toolkit.referral_letter import Signatory

PREVIEW_DELAY_MS = 350
PDF_OUTPUT = QPrinter.OutputFormat.PdfFormat


def _message(err: Exception) -> str:
    return err.message() if isinstance(err, VaultError) else str(err)


class LetterDialog(QDialog):
    def __init__(
        self,
        session: VaultSession,
        code: str,
        settings: Settings,
        logo: Path | None,
        documents_folder: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        from desktop.vault.sharing import pupil_16_plus

        self.setWindowFlag(Qt.WindowType.Window)  # its own window: the app stays usable
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # closed: its words go too
        self.session = session
        self.settings = settings
        self.documents_folder = documents_folder
        self.detail: CaseDetail = session.vault.case(code)
        head = session.vault.audit_head()
        self.context = LetterContext.of(
            settings, logo, head.short if head is not None else "", dt.date.today()
        )
        self.band_16_plus = pupil_16_plus(self.detail.row.age_band)
        self.export = LetterExport(session.vault, code)
        self.printing = LetterPrint(self.export, self)
        self.recorded_grounds: object = None
        self.pdf_bytes = b""
        self.setWindowTitle(_("Verwijsbrief voor melding {code}").format(code=code))

        # ---- 1. recipient and grounds
        self.recipient = named(QComboBox(), "letterRecipient")
        shrinkable(self.recipient)
        self.recipient.addItem(_("Kies een ontvanger…"), None)
        for index, entry in enumerate(settings.recipients):
            self.recipient.addItem(self._recipient_text(entry), index)
        self.no_recipients = QLabel(
            _(
                "Er zijn nog geen ontvangers. Voeg de organisaties waarnaar de school verwijst "
                "toe bij Instellingen, onder Ontvangers van verwijsbrieven."
            ),
            wordWrap=True,
        )
        self.no_recipients.setVisible(not settings.recipients)
        self.basis = BasisForm()
        grounds = QWidget()
        grounds_column = QVBoxLayout(grounds)
        recipient_row = QFormLayout()
        recipient_row.addRow(_("Ontvanger"), self.recipient)
        grounds_column.addLayout(recipient_row)
        grounds_column.addWidget(self.no_recipients)
        grounds_column.addWidget(self.basis)
        grounds_column.addStretch(1)

        # ---- 2. the pupil and the entries
        self.identity = IdentityForm()
        self.name, self.birth = self.identity.name, self.identity.birth
        self.entries = EntryPicker(self.detail.entries)
        pupil_page = QWidget()
        pupil_column = QVBoxLayout(pupil_page)
        pupil_column.addWidget(self.identity)
        pupil_column.addWidget(self.entries, 1)

        # ---- 3. the letter's words
        self.texts = TextsForm(prefill(self.detail, self._signatory()))

        self.tabs = named(QTabWidget(), "letterTabs")
        self.tabs.addTab(scrolled(grounds), _("1. Ontvanger"))
        self.tabs.addTab(pupil_page, _("2. Leerling"))
        self.tabs.addTab(scrolled(self.texts), _("3. Tekst"))

        self.pages = PdfPages()
        self.preview = named(PdfPreview(self.pages, self), "letterPreview")
        self.splitter = splitter = QSplitter()
        splitter.addWidget(self.tabs)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.preview.setMinimumWidth(320)

        self.missing = named(QLabel(wordWrap=True), "letterMissing")
        self.status = named(QLabel(wordWrap=True), "letterStatus")
        self.warning = named(QLabel(wordWrap=True), "fieldError")
        self.gate = PrivacyGate(self.warning)
        self.password = named(QCheckBox(_("Met wachtwoord (om te mailen)")), "letterPassword")
        self.password.setToolTip(
            _(
                "Versleutelt de PDF (AES-256). Het wachtwoord wordt één keer getoond: geef het "
                "apart door, bijvoorbeeld telefonisch."
            )
        )
        self.save_button = named(QPushButton(_("Opslaan als PDF…")), "saveLetter")
        self.print_button = named(QPushButton(_("Afdrukken…")), "printLetter")
        close = QPushButton(_("Sluiten"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.password)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(close)
        column = QVBoxLayout(self)
        column.addWidget(splitter, 1)
        column.addWidget(self.missing)
        column.addWidget(self.warning)
        column.addLayout(buttons)

        self.printing.said.connect(self.status.setText)
        self.printing.logged.connect(self._printed)
        self.timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self.timer.timeout.connect(self.refresh)
        self.recipient.currentIndexChanged.connect(self._recipient_changed)
        for form in (self.basis, self.entries, self.texts):
            form.changed.connect(self.timer.start)
        self.identity.changed.connect(self.timer.start)
        self.save_button.clicked.connect(self.ask_where)
        self.print_button.clicked.connect(self.ask_printer)
        close.clicked.connect(self.reject)
        self._fit_screen()
        self._recipient_changed()
        self.refresh()

    # ---------------------------------------------------------------- state
    def _fit_screen(self) -> None:
        screen = QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else None
        width = min(1280, room.width() - 40) if room is not None else 1200
        height = min(900, room.height() - 60) if room is not None else 800
        self.resize(max(800, width), max(560, height))
        left = 50 if self.width() < 1200 else 45  # the form's percentage; the rest previews
        self.splitter.setSizes([self.width() * left // 100, self.width() * (100 - left) // 100])

    def _recipient_text(self, entry: RecipientEntry) -> str:
        from desktop.vault.vocabulary import RECIPIENT_LABELS, RecipientKind

        kind = RecipientKind(entry.kind)
        parts = [entry.organisation]
        if entry.name:
            parts.append(entry.name)
        return f"{_(RECIPIENT_LABELS[kind])}: {', '.join(parts)}"

    def _recipient_changed(self) -> None:
        from desktop.vault.vocabulary import RecipientKind

        entry = self.chosen_recipient()
        comensha = entry is not None and entry.kind == RecipientKind.COMENSHA.value
        self.basis.ask_age(comensha and self.band_16_plus is None)
        self.timer.start()

    def chosen_recipient(self) -> RecipientEntry | None:
        index = self.recipient.currentData()
        return None if index is None else self.settings.recipients[index]

    def choices(self) -> LetterChoices:
        answered = self.basis.answered_16_plus()
        return LetterChoices(
            recipient=self.chosen_recipient(),
            basis=self.basis.basis(),
            told=self.basis.told(),
            pupil_16_plus=self.band_16_plus if self.band_16_plus is not None else answered,
            entries=self.entries.value(),
            texts=self.texts.value(),
            identity=self.identity.value(),
        )

    def _signatory(self) -> Signatory:
        from toolkit.referral_letter import Signatory

        c = self.context
        return Signatory(c.coordinator, c.role, c.phone, c.email)

    def problems(self, choices: LetterChoices) -> dict[str, str]:
        return problems(
            choices,
            self.detail.row,
            signatory_name=self.settings.coordinator_name,
            today=dt.date.today(),
        )

    # ---------------------------------------------------------------- preview
    def refresh(self) -> None:
        """Make the letter again from the form, and show every page of it."""
        self.timer.stop()
        choices = self.choices()
        self.letter = compose(self.detail, choices, self.context)
        found = self.problems(choices)
        try:
            self.pdf_bytes = draw(self.letter)
        except LetterNotDrawn as err:
            self.pdf_bytes = b""
            found = {**found, "layout": str(err)}
        else:
            self.pages.load(self.pdf_bytes)
            self.preview.show_pages()
        self.missing.setText(
            _("Nog nodig voor deze brief:") + "\n" + "\n".join(f"• {m}" for m in found.values())
            if found
            else ""
        )
        self.missing.setVisible(bool(found))
        self.save_button.setEnabled(not found)
        self.print_button.setEnabled(not found)
        grounds = self._grounds(choices)
        if self.recorded_grounds is not None and grounds != self.recorded_grounds:
            self.export.forget_letter()  # other grounds or entries: a new referral
            self.recorded_grounds = None

    @staticmethod
    def _grounds(choices: LetterChoices) -> object:
        return (choices.recipient, choices.basis, choices.told, choices.ticked())

    # ---------------------------------------------------------------- save
    def ask_where(self) -> QFileDialog:
        from toolkit.referral_letter import file_name

        self.refresh()
        dialog = QFileDialog(self, _("Verwijsbrief opslaan als PDF"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(_("PDF-bestanden (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        dialog.setDirectory(str(self.documents_folder))
        dialog.selectFile(file_name(self.detail.code, self.letter.language))
        dialog.fileSelected.connect(lambda path: self.save_to(Path(path)))
        dialog.open()
        return dialog

    def ready(self, choices: LetterChoices) -> bool:
        """Lawful and complete, and the kept texts checked (a second try saves them anyway)."""
        return not self.problems(choices) and self.gate.allows(kept_texts(choices))

    def save_to(self, path: Path) -> bool:
        choices = self.choices()
        if not self.ready(choices):
            return False
        try:
            saved = self.export.save(
                self.pdf_bytes,
                path,
                choices,
                included_sections(self.letter),
                with_password=self.password.isChecked(),
            )
        except (ExportRefused, VaultError) as err:
            self._warn(_("Niet opgeslagen"), _message(err))
            return False
        except OSError as err:
            self._warn(
                _("Niet opgeslagen"),
                _("Het bestand kon niet worden opgeslagen ({reason}). Kies een andere map.").format(
                    reason=os_errors.reason(err)
                ),
            )
            return False
        self.recorded_grounds = self._grounds(choices)
        self.session.changed(self.detail.code)  # the case's referrals and the list
        self.status.setText(
            _("Opgeslagen: {path}. De export staat in de auditlog.").format(path=str(saved.path))
        )
        if saved.password:
            show_password(self, saved.password)
        return True

    # ---------------------------------------------------------------- print
    def ask_printer(self) -> QPrintDialog:
        self.refresh()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.accepted.connect(lambda: self.print_to(printer))
        QDialog.open(dialog)  # window-modal, no nested event loop
        self._printer = printer  # lives as long as its dialog may need it
        return dialog

    def print_to(self, printer: QPrinter) -> PrintRun | None:
        """Start printing the letter (progress with cancel); None when it may not go out."""
        choices = self.choices()
        if not self.ready(choices):
            return None
        return self.printing.start(
            self.pdf_bytes, self.pages, printer, choices, included_sections(self.letter)
        )

    def _printed(self, choices: LetterChoices) -> None:
        self.recorded_grounds = self._grounds(choices)
        self.session.changed(self.detail.code)

    # ---------------------------------------------------------------- closing
    def _warn(self, title: str, text: str) -> QMessageBox:
        return warn(self, title, text)

    def done(self, result: int) -> None:
        self.forget()
        super().done(result)

    def forget(self) -> None:
        """Drop the letter and every typed word (closed, or the vault locked)."""
        run = self.printing.run
        if run is not None and run.running:
            run.cancel()  # no page is drawn from a closed letter
        self.timer.stop()
        self.identity.forget()
        self.texts.forget()
        self.pdf_bytes = b""
        self.pages.close()
