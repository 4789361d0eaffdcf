"""Opening the vault: making one (first use) and unlocking it.

Both forms hand the work to :class:`~desktop.concerns.session.VaultSession`, which runs
Argon2id off the UI thread; meanwhile a busy bar runs and the form is disabled. Every error is
shown in place, in the app's language, and the passphrase field is cleared of nothing the
user typed unless the vault opened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.concerns.session import VaultSession
from desktop.i18n import _
from desktop.ui.widgets import named

if TYPE_CHECKING:
    from desktop.concerns.passphrase import Strength


def secret_field(name: str) -> QLineEdit:
    field = named(QLineEdit(), name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMinimumWidth(360)
    # no undo history, no drag out, no context menu with "copy": the text stays in the field
    field.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    field.setDragEnabled(False)
    return field


def strength_meter() -> tuple[QProgressBar, QLabel]:
    """A bar for a new passphrase's strength (0-4) and a line saying it in words."""
    meter = named(QProgressBar(), "strengthMeter")
    meter.setRange(0, 4)
    meter.setTextVisible(False)
    meter.setMaximumHeight(8)
    return meter, named(QLabel(wordWrap=True), "strengthVerdict")


def show_strength(meter: QProgressBar, verdict: QLabel, text: str, context: list[str]) -> Strength:
    """Weigh ``text`` as a new passphrase (``desktop.concerns.passphrase.assess``, with the
    school's ``context`` words against it) and show it on ``meter`` and ``verdict``."""
    from desktop.concerns.passphrase import assess
    from desktop.vault.kdf import MIN_PASSPHRASE_CHARS

    strength = assess(text, context=context)
    meter.setValue(strength.score if text else 0)
    meter.setProperty("score", strength.score if text else -1)
    meter.style().unpolish(meter)
    meter.style().polish(meter)
    if not text:
        verdict.setText(
            _("Minstens {n} tekens. Een zin van vier of meer gewone woorden is sterk.").format(
                n=MIN_PASSPHRASE_CHARS
            )
        )
    else:
        parts = [strength.label + ".", strength.advice]
        if strength.crack_time:
            parts.append(_("Raden kost een aanvaller: {time}.").format(time=strength.crack_time))
        verdict.setText(" ".join(p for p in parts if p.strip(".")))
    return strength


def busy_bar() -> QProgressBar:
    bar = named(QProgressBar(), "busyBar")
    bar.setRange(0, 0)  # no known length: a moving bar
    bar.setTextVisible(False)
    bar.setMaximumHeight(6)
    bar.hide()
    return bar


class Card(QFrame):
    """A white panel in the middle of the page, as the lock screen of a bank's app."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("vaultCard")
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(28, 24, 28, 24)
        self.column.setSpacing(12)
        self.setFixedWidth(620)  # a fixed width lets the wrapped labels take their full height


class SetupView(Card):
    """First use: what the vault is, where it lives, and a passphrase to make it with."""

    def __init__(self, session: VaultSession, context: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.context = context  # words that make a passphrase weak: the school's name
        self.title = named(QLabel(), "cardTitle")
        self.explain = named(QLabel(wordWrap=True), "setupExplain")
        self.explain.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.passphrase = secret_field("newPassphrase")
        self.repeat = secret_field("repeatPassphrase")
        self.show_text = named(QPushButton(), "showPassphrase")
        self.show_text.setCheckable(True)
        self.show_text.toggled.connect(self._reveal)
        self.meter, self.verdict = strength_meter()
        self.error = named(QLabel(wordWrap=True), "fieldError")
        self.create_button = named(QPushButton(), "createVault")
        self.create_button.setDefault(True)
        self.busy = busy_bar()

        self.form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.passphrase, 1)
        row.addWidget(self.show_text)
        self.passphrase_label, self.repeat_label = QLabel(), QLabel()
        self.form.addRow(self.passphrase_label, row)
        self.form.addRow(self.repeat_label, self.repeat)
        self.column.addWidget(self.title)
        self.column.addWidget(self.explain)
        self.column.addLayout(self.form)
        self.column.addWidget(self.meter)
        self.column.addWidget(self.verdict)
        self.column.addWidget(self.error)
        self.column.addWidget(self.busy)
        self.column.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignRight)

        self._assess_later = QTimer(self, singleShot=True, interval=120)
        self._assess_later.timeout.connect(self.assess)
        self.passphrase.textChanged.connect(lambda _text: self._assess_later.start())
        self.repeat.textChanged.connect(lambda _text: self._assess_later.start())
        self.passphrase.returnPressed.connect(self.repeat.setFocus)
        self.repeat.returnPressed.connect(self.make_vault)
        self.create_button.clicked.connect(self.make_vault)
        session.busy_changed.connect(self._busy)
        session.failed.connect(self._failed)
        self.retranslate()
        self.assess()

    def retranslate(self) -> None:
        self.title.setText(_("Een kluis voor de zorgmeldingen"))
        self.explain.setText(
            _(
                "Zorgmeldingen worden bewaard in een versleutelde kluis op deze computer: zonder "
                "het wachtwoord of de herstelsleutel kan niemand ze lezen. De kluis staat in "
                "{folder} en gaat nooit het internet op."
            ).format(folder=str(self.session.path.parent))
        )
        self.passphrase.setPlaceholderText(_("Kies een wachtwoord: een zin van een paar woorden"))
        self.repeat.setPlaceholderText(_("Typ het wachtwoord nog een keer"))
        self.show_text.setText(_("Tonen"))
        self.passphrase_label.setText(_("Wachtwoord"))
        self.repeat_label.setText(_("Nog een keer"))
        self.create_button.setText(_("Kluis maken"))
        self.assess()

    def _reveal(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.passphrase.setEchoMode(mode)
        self.repeat.setEchoMode(mode)

    def assess(self) -> bool:
        """Show the strength of the passphrase; True if it may be used and both match."""
        text = self.passphrase.text()
        strength = show_strength(self.meter, self.verdict, text, self.context)
        matches = bool(text) and text == self.repeat.text()
        if self.repeat.text() and not text.startswith(self.repeat.text()) and not matches:
            self.error.setText(_("De twee wachtwoorden zijn niet gelijk."))
        elif not self.session.is_busy:
            self.error.setText("")
        ok = strength.acceptable and matches and not self.session.is_busy
        self.create_button.setEnabled(ok)
        return ok

    def make_vault(self) -> None:
        if not self.assess():
            if self.passphrase.text() and self.repeat.text() != self.passphrase.text():
                self.error.setText(_("De twee wachtwoorden zijn niet gelijk."))
            return
        self.error.setText("")
        self.session.create(self.passphrase.text())

    def clear(self) -> None:
        self.passphrase.setText("")  # setText, not clear(): no undo brings it back
        self.repeat.setText("")  # setText, not clear(): no undo brings it back
        self.error.setText("")

    def _busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for widget in (self.passphrase, self.repeat, self.show_text):
            widget.setEnabled(not busy)
        self.create_button.setEnabled(not busy and self.assess())

    def _failed(self, error: BaseException) -> None:
        if self.isVisible() or not self.session.exists():
            self.error.setText(_message(error))


class UnlockView(Card):
    """The lock screen: the passphrase, or the recovery key when it is lost."""

    recovery_mode_changed = Signal(bool)

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.title = named(QLabel(), "cardTitle")
        self.explain = named(QLabel(wordWrap=True), "unlockExplain")
        self.passphrase = secret_field("unlockPassphrase")
        self.recovery_key = named(QLineEdit(), "unlockRecoveryKey")
        self.recovery_key.setMinimumWidth(420)
        self.recovery_key.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.recovery_key.hide()
        self.demo_hint = named(QLabel(wordWrap=True), "demoPassphrase")
        self.demo_hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.demo_hint.setVisible(session.is_demo)
        self.error = named(QLabel(wordWrap=True), "fieldError")
        self.switch = named(QPushButton(), "useRecoveryKey")
        self.switch.setFlat(True)
        self.switch.setCheckable(True)
        self.switch.toggled.connect(self.use_recovery_key)
        self.open_button = named(QPushButton(), "unlockVault")
        self.open_button.setDefault(True)
        self.busy = busy_bar()

        self.column.addWidget(self.title)
        self.column.addWidget(self.explain)
        self.column.addWidget(self.demo_hint)
        self.column.addWidget(self.passphrase)
        self.column.addWidget(self.recovery_key)
        self.column.addWidget(self.error)
        self.column.addWidget(self.busy)
        buttons = QHBoxLayout()
        buttons.addWidget(self.switch)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        self.column.addLayout(buttons)

        self.passphrase.returnPressed.connect(self.unlock)
        self.recovery_key.returnPressed.connect(self.unlock)
        self.open_button.clicked.connect(self.unlock)
        session.busy_changed.connect(self._busy)
        session.failed.connect(self._failed)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(_("De kluis is vergrendeld"))
        self.explain.setText(
            _("Typ je wachtwoord om de zorgmeldingen te openen.")
            if not self.switch.isChecked()
            else _(
                "Typ de herstelsleutel over van het vel dat bij het maken van de kluis is "
                "afgedrukt: tien groepjes van vijf tekens. Streepjes en spaties mogen."
            )
        )
        self.demo_hint.setText(
            _(
                "Dit is de oefenkluis met verzonnen meldingen. Het wachtwoord is: {passphrase}"
            ).format(passphrase=self.session.demo_passphrase)
        )
        self.passphrase.setPlaceholderText(_("Wachtwoord"))
        self.recovery_key.setPlaceholderText("XXXXX-XXXXX-XXXXX-…")
        self.switch.setText(
            _("Wachtwoord kwijt? Open met de herstelsleutel")
            if not self.switch.isChecked()
            else _("Terug naar het wachtwoord")
        )
        self.open_button.setText(_("Openen"))

    def use_recovery_key(self, on: bool) -> None:
        self.passphrase.setVisible(not on)
        self.recovery_key.setVisible(on)
        self.error.setText("")
        (self.recovery_key if on else self.passphrase).setFocus()
        self.retranslate()
        self.recovery_mode_changed.emit(on)

    def unlock(self) -> None:
        if self.session.is_busy:
            return
        if self.switch.isChecked():
            key = self.recovery_key.text().strip()
            if not key:
                self.error.setText(_("Typ eerst de herstelsleutel."))
                return
            self.error.setText("")
            self.session.unlock(recovery_key=key)
        else:
            secret = self.passphrase.text()
            if not secret:
                self.error.setText(_("Typ eerst je wachtwoord."))
                return
            self.error.setText("")
            self.session.unlock(passphrase=secret)

    def clear(self) -> None:
        """Forget what was typed (after opening, and when the lock screen comes back)."""
        self.passphrase.setText("")  # setText, not clear(): no undo brings it back
        self.recovery_key.setText("")  # setText, not clear(): no undo brings it back
        self.error.setText("")
        self.switch.setChecked(False)  # the next person sees the usual lock screen

    def _busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for widget in (self.passphrase, self.recovery_key, self.switch, self.open_button):
            widget.setEnabled(not busy)

    def _failed(self, error: BaseException) -> None:
        self.error.setText(_message(error))
        field = self.recovery_key if self.switch.isChecked() else self.passphrase
        field.selectAll()
        field.setFocus()


def _message(error: BaseException) -> str:
    """A VaultError's own message; anything else a calm general one (and in the log)."""
    from desktop.vault.errors import VaultError

    if isinstance(error, VaultError):
        return error.message()
    return _(
        "De kluis kon niet worden geopend door een onverwachte fout. Probeer het opnieuw; "
        "blijft het gebeuren, neem dan contact op met de ICT van school."
    )
