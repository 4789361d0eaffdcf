"""A new passphrase, or a new recovery key, for the open vault; from the backups dialog.

Both give the vault a new database key (``desktop.vault.rotation``), so nothing written
before opens it any more: Argon2id and the re-encryption run off the UI thread. Backups made
before the change still open with the passphrase and recovery key of their time; afterwards
the dialog says how many there are (``keys.backups_notice``) and offers to replace them by
one fresh backup.

The passphrase change weighs the new passphrase as the set-up does
(``opening.show_strength``). A vault opened with the recovery key does not ask for the
current passphrase (that is how a forgotten one is replaced). A new recovery key asks for
the passphrase, shows the key as the set-up does (print it, or save the sheet), and is put
in force only once the coordinator has typed the whole key back; until then the old one
stays.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.concerns.session import VaultSession
from desktop.i18n import _, ngettext
from desktop.settings import Settings
from desktop.ui.concerns.dialog_work import DialogWork, error_text, say
from desktop.ui.concerns.opening import busy_bar, secret_field, show_strength, strength_meter
from desktop.ui.concerns.recovery_view import RecoveryKeyView
from desktop.ui.widgets import named


def _page(*rows: QWidget | QLayout) -> QWidget:
    page = QWidget()
    column = QVBoxLayout(page)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(10)
    for row in rows:
        if isinstance(row, QLayout):
            column.addLayout(row)
        else:
            column.addWidget(row)
    column.addStretch(1)  # the stack is as high as its highest page: the rest at the top
    return page


def _buttons(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    return row


class KeyDialog(QDialog):
    """Pages for the change, then a last page: what changed, and the backups from before."""

    backups_changed = Signal()

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.pages = QStackedWidget()
        self.error = named(QLabel(wordWrap=True), "fieldError")
        self.busy = busy_bar()
        self.work = DialogWork(self, self.busy, self._buttons_to_disable, self._settle)

        self.done_text = named(QLabel(wordWrap=True), "keysChanged")
        self.notice = named(QLabel(wordWrap=True), "earlierBackups")
        self.replace_button = named(QPushButton(_("Vervangen")), "replaceBackups")
        self.keep_button = named(QPushButton(_("Laten staan")), "keepBackups")
        self.close_button = named(QPushButton(_("Sluiten")), "closeKeys")
        self.done_page = _page(
            self.done_text,
            self.notice,
            _buttons(self.keep_button, self.replace_button, self.close_button),
        )
        self.replace_button.clicked.connect(self.replace_backups)
        self.keep_button.clicked.connect(self.accept)
        self.close_button.clicked.connect(self.accept)

        column = QVBoxLayout(self)
        column.setContentsMargins(24, 20, 24, 20)
        column.addWidget(self.pages)
        column.addWidget(self.error)
        column.addWidget(self.busy)
        column.addStretch(1)
        self.setModal(True)

    def _buttons_to_disable(self) -> list[QWidget]:
        return [self.pages]

    def _settle(self) -> None:
        """Set the buttons right after a job (subclasses)."""

    def reject(self) -> None:
        if self.work.busy and self.session.is_open:
            return  # a key change cannot be stopped halfway; it takes a second or two
        super().reject()

    def show_done(self, text: str) -> None:
        self.error.setText("")
        self.done_text.setText(text)
        count = self.session.vault.backups_from_earlier_keys()
        if count:
            from desktop.vault.keys import backups_notice

            self.notice.setText(backups_notice(count))
        say(self.notice, self.notice.text() if count else "")
        for button in (self.replace_button, self.keep_button):
            button.setVisible(bool(count))
        self.close_button.setVisible(not count)
        self.pages.setCurrentWidget(self.done_page)
        (self.replace_button if count else self.close_button).setDefault(True)

    def replace_backups(self) -> None:
        self.error.setText("")
        self.work.start(self.session.vault.replace_backups, self._replaced, self._failed)

    def _replaced(self, removed: int) -> None:
        self.notice.setText(
            ngettext(
                "{n} oude reservekopie is vervangen door één nieuwe.",
                "{n} oude reservekopieën zijn vervangen door één nieuwe.",
                removed,
            ).format(n=removed)
        )
        self.replace_button.hide()
        self.keep_button.hide()
        self.close_button.show()
        self.close_button.setDefault(True)
        self.backups_changed.emit()

    def _failed(self, error: BaseException) -> None:
        self.error.setText(error_text(error))


class PassphraseDialog(KeyDialog):
    """The current passphrase (unless opened with the recovery key), the new one twice."""

    def __init__(
        self, session: VaultSession, context: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(session, parent)
        self.context = context  # words that make a passphrase weak: the school's name
        self.needs_current = session.vault.unlocked_with != "recovery_key"
        self.setWindowTitle(_("Wachtwoord wijzigen"))
        self.explain = named(QLabel(wordWrap=True), "passphraseExplain")
        self.current = secret_field("currentPassphrase")
        self.new = secret_field("newPassphrase")
        self.repeat = secret_field("repeatPassphrase")
        self.show_text = named(QPushButton(_("Tonen")), "showPassphrase")
        self.show_text.setCheckable(True)
        self.meter, self.verdict = strength_meter()
        self.cancel_button = QPushButton(_("Annuleren"))
        self.change_button = named(QPushButton(_("Wachtwoord wijzigen")), "changePassphrase")
        self.change_button.setDefault(True)
        new_row = QHBoxLayout()
        new_row.addWidget(self.new, 1)
        new_row.addWidget(self.show_text)
        self.form = QFormLayout()
        self.form.addRow(_("Huidig wachtwoord"), self.current)
        self.form.addRow(_("Nieuw wachtwoord"), new_row)
        self.form.addRow(_("Nog een keer"), self.repeat)
        self.form.addRow("", self.meter)
        self.form.addRow("", self.verdict)
        self.form.setRowVisible(0, self.needs_current)
        self.form_page = _page(
            self.explain, self.form, _buttons(self.cancel_button, self.change_button)
        )
        self.pages.addWidget(self.form_page)
        self.pages.addWidget(self.done_page)

        self.explain.setText(
            _(
                "Na de wijziging opent alleen het nieuwe wachtwoord de kluis. De herstelsleutel "
                "blijft dezelfde."
            )
            + (
                ""
                if self.needs_current
                else " "
                + _(
                    "Je hebt de kluis geopend met de herstelsleutel, dus het huidige wachtwoord "
                    "is niet nodig."
                )
            )
        )
        self.new.setPlaceholderText(_("Een zin van een paar woorden"))
        self.current.textChanged.connect(lambda _text: self.error.setText(""))
        self._assess_later = QTimer(self, singleShot=True, interval=120)
        self._assess_later.timeout.connect(self.assess)
        for field in (self.new, self.repeat):
            field.textChanged.connect(lambda _text: self._assess_later.start())
        self.show_text.toggled.connect(self._reveal)
        self.current.returnPressed.connect(self.new.setFocus)
        self.new.returnPressed.connect(self.repeat.setFocus)
        self.repeat.returnPressed.connect(self.change)
        self.cancel_button.clicked.connect(self.reject)
        self.change_button.clicked.connect(self.change)
        self.assess()
        self.resize(640, 380)

    def _reveal(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.new.setEchoMode(mode)
        self.repeat.setEchoMode(mode)

    def assess(self) -> bool:
        """Show the new passphrase's strength; True if it may be used and both match."""
        text = self.new.text()
        strength = show_strength(self.meter, self.verdict, text, self.context)
        matches = bool(text) and text == self.repeat.text()
        differ = _("De twee wachtwoorden zijn niet gelijk.")
        if self.repeat.text() and not text.startswith(self.repeat.text()) and not matches:
            self.error.setText(differ)
        elif self.error.text() == differ:
            self.error.setText("")  # only its own message: not a wrong current passphrase
        ok = strength.acceptable and matches and not self.work.busy
        self.change_button.setEnabled(ok)
        return ok

    def _settle(self) -> None:
        self.assess()

    def change(self) -> None:
        if self.needs_current and not self.current.text():
            self.error.setText(_("Typ eerst je huidige wachtwoord."))
            self.current.setFocus()
            return
        if not self.assess():
            if self.new.text() and self.repeat.text() != self.new.text():
                self.error.setText(_("De twee wachtwoorden zijn niet gelijk."))
            return
        vault = self.session.vault
        new, current = self.new.text(), self.current.text() if self.needs_current else None
        self.error.setText("")
        self.work.start(
            lambda: vault.change_passphrase(new, current=current), self._changed, self._wrong
        )

    def _changed(self, _none: object) -> None:
        for field in (self.current, self.new, self.repeat):
            field.setText("")  # not clear(): no undo brings it back
        self.show_done(
            _(
                "Het wachtwoord is gewijzigd. Vanaf nu opent alleen het nieuwe wachtwoord de "
                "kluis; de herstelsleutel blijft dezelfde."
            )
        )

    def _wrong(self, error: BaseException) -> None:
        from desktop.vault.errors import WrongPassphrase

        self._failed(error)
        if isinstance(error, WrongPassphrase):
            self.current.selectAll()
            self.current.setFocus()


class FullKeyView(RecoveryKeyView):
    """The recovery key view of the set-up, asking for the whole key back: ``typed(text)``."""

    typed = Signal(str)

    def __init__(
        self,
        settings: Callable[[], Settings],
        documents_folder: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(settings, documents_folder, parent)
        self.setMaximumWidth(16777215)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.column.setContentsMargins(0, 0, 0, 0)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(12)
        self.group_field.setFont(font)
        self.group_field.setMaxLength(120)
        self.group_field.setMaximumWidth(16777215)
        self.group_field.setMinimumWidth(520)
        self.group_field.setObjectName("wholeKeyBack")

    def retranslate(self) -> None:
        super().retranslate()
        self.title.setText(_("Je nieuwe herstelsleutel"))
        self.question.setText(
            _(
                "Typ ter controle de hele nieuwe sleutel over: tien groepjes van vijf tekens "
                "(streepjes en spaties mogen). Tot je dat hebt gedaan, blijft de oude "
                "herstelsleutel gelden en opent de nieuwe niets."
            )
        )
        self.group_field.setPlaceholderText("XXXXX-XXXXX-XXXXX-…")
        self.confirm_button.setText(_("Bevestigen"))

    def confirm(self) -> bool:
        text = self.group_field.text().strip()
        if not text:
            self.error.setText(_("Typ eerst de hele nieuwe sleutel over."))
            return False
        self.error.setText("")
        self.typed.emit(text)
        return True


class RecoveryKeyDialog(KeyDialog):
    """The passphrase, then the new key to print and type back, then what changed."""

    def __init__(
        self,
        session: VaultSession,
        settings: Callable[[], Settings],
        documents_folder: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, parent)
        self.setWindowTitle(_("Nieuwe herstelsleutel"))
        self.explain = named(QLabel(wordWrap=True), "recoveryKeyExplain")
        self.current = secret_field("currentPassphrase")
        self.cancel_button = QPushButton(_("Annuleren"))
        self.next_button = named(QPushButton(_("Verder")), "makeRecoveryKey")
        self.next_button.setDefault(True)
        self.ask_page = _page(
            self.explain, self.current, _buttons(self.cancel_button, self.next_button)
        )
        self.key_view = FullKeyView(settings, documents_folder)
        self.pages.addWidget(self.ask_page)
        self.pages.addWidget(self.key_view)
        self.pages.addWidget(self.done_page)
        self.explain.setText(
            _(
                "Een nieuwe herstelsleutel vervangt de oude, bijvoorbeeld als het vel kwijt is "
                "of als iemand anders hem heeft gezien. Typ je wachtwoord om te beginnen. De "
                "oude sleutel blijft gelden tot je de nieuwe hebt overgetypt."
            )
        )
        self.current.setPlaceholderText(_("Huidig wachtwoord"))
        self.current.returnPressed.connect(self.make_key)
        self.cancel_button.clicked.connect(self.reject)
        self.next_button.clicked.connect(self.make_key)
        self.key_view.typed.connect(self.confirm_key)
        self.resize(760, 520)

    def make_key(self) -> None:
        current = self.current.text()
        if not current:
            self.error.setText(_("Typ eerst je huidige wachtwoord."))
            return
        vault = self.session.vault
        self.error.setText("")
        self.work.start(
            lambda: vault.new_recovery_key(current=current), self._show_key, self._failed
        )

    def _show_key(self, key: str) -> None:
        self.current.setText("")  # setText, not clear(): no undo brings it back
        self.key_view.show_key(key)
        self.pages.setCurrentWidget(self.key_view)
        self.key_view.group_field.setFocus()

    def confirm_key(self, typed: str) -> None:
        vault = self.session.vault
        self.work.start(
            lambda: vault.confirm_recovery_key(typed), self._confirmed, self._not_confirmed
        )

    def _not_confirmed(self, error: BaseException) -> None:
        self.key_view.error.setText(error_text(error))
        self.key_view.group_field.selectAll()
        self.key_view.group_field.setFocus()

    def _confirmed(self, _none: object) -> None:
        self.session.recovery_unconfirmed = False
        self.key_view.forget()
        self.show_done(
            _(
                "De nieuwe herstelsleutel geldt nu; de oude opent de kluis niet meer. Vernietig "
                "het oude vel (versnipperen) en bewaar het nieuwe op een veilige plek op school."
            )
        )

    def done(self, result: int) -> None:
        self.key_view.forget()  # the key leaves no widget, whatever closed the dialog
        super().done(result)
