"""Reservekopieën: make a backup, here or on a chosen place; restore one; change the keys.

The list shows the backups beside the vault (``Vault.backups()``, newest first) with their
time in the app's language, their size and, for the copies the vault made on its own, why.
A backup on a chosen place (a USB stick) is not in the list: the dialog says what it holds
and that it counts when cases are purged. A restore asks first and says what happens; a
backup made under an earlier passphrase asks for that one. The work runs off the UI thread
(``DialogWork``); every error shows in place. The words are ``desktop.concerns.backup_words``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.concerns import backup_words as words
from desktop.concerns.session import VaultSession
from desktop.i18n import _
from desktop.settings import Settings
from desktop.ui.concerns.dialog_work import DialogWork, error_text, say
from desktop.ui.concerns.opening import busy_bar, secret_field
from desktop.ui.widgets import named

if TYPE_CHECKING:
    from desktop.ui.concerns.key_dialogs import KeyDialog


class BackupsDialog(QDialog):
    """The backups of the open vault, and the way to a new passphrase or recovery key."""

    backups_changed = Signal()  # a backup was made or replaced: the reminder may go

    def __init__(
        self,
        session: VaultSession,
        *,
        keep: Callable[[QDialog], QDialog],
        settings: Callable[[], Settings],
        documents_folder: Path,
        context: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.keep = keep  # tracks a dialog so that locking closes it
        self.settings = settings
        self.documents_folder = documents_folder
        self.context = context
        self.items: list[words.BackupItem] = []
        self.restoring: Path | None = None  # a backup that asks for the passphrase of its time
        self.confirmation: QMessageBox | None = None
        self.setWindowTitle(_("Reservekopieën"))
        self.setModal(True)

        self.explain = named(QLabel(wordWrap=True), "backupsExplain")
        self.backup_button = named(QPushButton(_("Nu een reservekopie maken")), "backupNow")
        self.elsewhere_button = named(QPushButton(_("Op een andere plek…")), "backupElsewhere")
        self.table = named(QTableWidget(0, 3), "backupList")
        self.table.setHorizontalHeaderLabels([_("Gemaakt op"), _("Grootte"), _("Soort")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.empty = named(QLabel(wordWrap=True), "noBackups")
        self.restore_button = named(QPushButton(_("Terugzetten…")), "restoreBackup")
        self.restore_file_button = named(
            QPushButton(_("Een reservekopie van een andere plek terugzetten…")), "restoreFile"
        )

        # asked when the backup was made under an earlier passphrase
        self.earlier = named(QFrame(), "earlierKeyPanel")
        self.earlier_text = named(QLabel(wordWrap=True), "earlierKeyText")
        self.earlier_secret = secret_field("earlierPassphrase")
        self.earlier_use_key = named(QCheckBox(_("Met de herstelsleutel van toen")), "earlierKey")
        self.earlier_button = named(QPushButton(_("Terugzetten")), "restoreWithEarlierKey")
        self.earlier_cancel = QPushButton(_("Annuleren"))
        earlier_row = QHBoxLayout()
        earlier_row.addWidget(self.earlier_secret, 1)
        earlier_row.addWidget(self.earlier_use_key)
        earlier_row.addWidget(self.earlier_cancel)
        earlier_row.addWidget(self.earlier_button)
        earlier_column = QVBoxLayout(self.earlier)
        earlier_column.setContentsMargins(0, 0, 0, 0)
        earlier_column.addWidget(self.earlier_text)
        earlier_column.addLayout(earlier_row)
        self.earlier.hide()

        self.message = named(QLabel(wordWrap=True), "backupMessage")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.error = named(QLabel(wordWrap=True), "fieldError")
        self.error.hide()
        self.busy = busy_bar()

        self.keys = QGroupBox(_("Wachtwoord en herstelsleutel"))
        self.keys_text = named(QLabel(wordWrap=True), "keysExplain")
        self.passphrase_button = named(QPushButton(_("Wachtwoord wijzigen…")), "changePassphrase")
        self.recovery_button = named(QPushButton(_("Nieuwe herstelsleutel…")), "newRecoveryKey")
        keys_column = QVBoxLayout(self.keys)
        keys_column.addWidget(self.keys_text)
        keys_buttons = QHBoxLayout()
        keys_buttons.addWidget(self.passphrase_button)
        keys_buttons.addWidget(self.recovery_button)
        keys_buttons.addStretch(1)
        keys_column.addLayout(keys_buttons)
        self.close_button = named(QPushButton(_("Sluiten")), "closeBackups")

        make = QHBoxLayout()
        make.addWidget(self.backup_button)
        make.addWidget(self.elsewhere_button)
        make.addStretch(1)
        restore = QHBoxLayout()
        restore.addWidget(self.restore_button)
        restore.addWidget(self.restore_file_button)
        restore.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(20, 18, 20, 16)
        column.setSpacing(10)
        column.addWidget(self.explain)
        column.addLayout(make)
        column.addWidget(self.table, 1)
        column.addWidget(self.empty, 1)  # takes the table's room while there is none
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        column.addLayout(restore)
        column.addWidget(self.earlier)
        column.addWidget(self.message)
        column.addWidget(self.error)
        column.addWidget(self.busy)
        column.addWidget(self.keys)
        column.addLayout(bottom)

        self.work = DialogWork(self, self.busy, self._controls, self._settle)
        self.backup_button.clicked.connect(self.backup_now)
        self.elsewhere_button.clicked.connect(self.backup_elsewhere)
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_file_button.clicked.connect(self.restore_from_file)
        self.earlier_button.clicked.connect(self._restore_with_earlier_key)
        self.earlier_secret.returnPressed.connect(self._restore_with_earlier_key)
        self.earlier_cancel.clicked.connect(self._hide_earlier)
        self.earlier_use_key.toggled.connect(self._earlier_mode)
        self.passphrase_button.clicked.connect(self.change_passphrase)
        self.recovery_button.clicked.connect(self.new_recovery_key)
        self.close_button.clicked.connect(self.accept)
        self.table.itemSelectionChanged.connect(self._settle)
        self._texts()
        self.reload()
        self.resize(820, 640)

    def _texts(self) -> None:
        from desktop.vault.backups import backup_dir

        self.explain.setText(
            _(
                "Een reservekopie is een versleutelde kopie van de hele kluis. Schoolsignaal "
                "bewaart ze in {folder}. Zet af en toe ook een kopie op een andere plek, "
                "zoals een USB-stick die op school in een afgesloten kast ligt."
            ).format(folder=str(backup_dir(self.session.vault.path)))
        )
        self.empty.setText(_("Er is nog geen reservekopie."))
        self.keys_text.setText(
            _(
                "Een reservekopie gaat open met het wachtwoord en de herstelsleutel die golden "
                "toen hij werd gemaakt. Na een wijziging kun je oude reservekopieën vervangen."
            )
        )
        self._earlier_mode(False)

    # ---------------------------------------------------------------- the list
    def reload(self, select: Path | None = None) -> None:
        if not self.session.is_open:
            return
        self.items = words.items(self.session.vault.backups())
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            cells = [item.when, item.size_text, item.kind]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column == 1:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, cell)
            if item.path == select:
                self.table.selectRow(row)
        self.table.setVisible(bool(self.items))
        self.empty.setVisible(not self.items)
        self._settle()

    def selected(self) -> words.BackupItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows else None

    def _controls(self) -> list[QWidget]:
        return [
            self.backup_button,
            self.elsewhere_button,
            self.table,
            self.restore_button,
            self.restore_file_button,
            self.earlier,
            self.keys,
            self.close_button,
        ]

    def _settle(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None and not self.work.busy)

    def _say(self, message: str = "", error: str = "") -> None:
        say(self.message, message)
        say(self.error, error)

    def _failed(self, error: BaseException) -> None:
        self._say(error=error_text(error))

    def reject(self) -> None:
        if self.work.busy and self.session.is_open:
            return  # a backup or restore runs on; it cannot be stopped halfway
        super().reject()

    # ---------------------------------------------------------------- making backups
    def backup_now(self) -> None:
        vault = self.session.vault
        self._say()
        self.work.start(vault.backup, self._made, self._failed)

    def _made(self, path: Path) -> None:
        self.reload(select=path)
        made = next((item for item in self.items if item.path == path), None)
        self._say(words.made_here(made) if made is not None else "")
        self.backups_changed.emit()

    def backup_elsewhere(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, _("Kies een map voor de reservekopie, bijvoorbeeld op een USB-stick")
        )
        if not folder or not self.session.is_open:
            return
        vault = self.session.vault
        target = words.file_in(Path(folder), vault.path)
        self._say()
        self.work.start(lambda: vault.backup(target), self._made_elsewhere, self._failed)

    def _made_elsewhere(self, target: Path) -> None:
        self._say(words.made_elsewhere(target))

    # ---------------------------------------------------------------- restoring
    def restore_selected(self) -> None:
        item = self.selected()
        if item is not None:
            self.ask_restore(item.path, item)

    def restore_from_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            _("Kies de reservekopie die je wilt terugzetten"),
            "",
            _("Reservekopieën van de kluis (*.db)"),
        )
        if path:
            self.ask_restore(Path(path), None)

    def ask_restore(self, path: Path, item: words.BackupItem | None) -> QMessageBox:
        """The question before a restore; on yes, the restore runs."""
        question, consequence = words.restore_question(item or path)
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(_("Reservekopie terugzetten"))
        box.setText(question)
        box.setInformativeText(consequence)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(_("Terugzetten"))
        box.button(QMessageBox.StandardButton.Cancel).setText(_("Annuleren"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(
            lambda result: self.restore(path) if result == QMessageBox.StandardButton.Yes else None
        )
        self.confirmation = box
        box.open()
        return box

    def restore(
        self, path: Path, *, passphrase: str | None = None, recovery_key: str | None = None
    ) -> None:
        if not self.session.is_open:
            return
        vault, session = self.session.vault, self.session
        self._say()
        self.work.start(
            lambda: vault.restore(path, passphrase=passphrase, recovery_key=recovery_key),
            self._restored,
            lambda error: self._not_restored(path, error),
            always=lambda: session.changed(""),  # the lists reload, the dialog open or not
        )

    def _restored(self, safety: Path) -> None:
        self._hide_earlier()
        self.reload(select=safety)
        self._say(words.restored(safety))
        self.backups_changed.emit()

    def _not_restored(self, path: Path, error: BaseException) -> None:
        from desktop.vault.errors import BackupFromEarlierKey, WrongPassphrase, WrongRecoveryKey

        asked = self.restoring == path  # the passphrase of its time was typed: not that one
        if isinstance(error, BackupFromEarlierKey) or (
            asked and isinstance(error, WrongPassphrase | WrongRecoveryKey)
        ):
            self.restoring = path
            self.earlier.show()
            self._say(error=words.earlier_key_wrong() if asked else "")
            self.earlier_secret.selectAll()
            self.earlier_secret.setFocus()
            return
        self._hide_earlier()
        self._failed(error)

    def _earlier_mode(self, use_key: bool) -> None:
        self.earlier_text.setText(words.earlier_key_question())
        self.earlier_secret.setEchoMode(
            QLineEdit.EchoMode.Normal if use_key else QLineEdit.EchoMode.Password
        )
        self.earlier_secret.setPlaceholderText(
            _("Herstelsleutel van toen") if use_key else _("Wachtwoord van toen")
        )

    def _restore_with_earlier_key(self) -> None:
        secret = self.earlier_secret.text().strip() if self.earlier_use_key.isChecked() else None
        passphrase = None if secret is not None else self.earlier_secret.text()
        if self.restoring is None or not (secret or passphrase):
            self._say(error=_("Typ eerst het wachtwoord of de herstelsleutel van toen."))
            return
        self.restore(self.restoring, passphrase=passphrase, recovery_key=secret)

    def _hide_earlier(self) -> None:
        self.restoring = None
        self.earlier_secret.setText("")  # setText, not clear(): no undo brings it back
        self.earlier.hide()

    # ---------------------------------------------------------------- keys
    def change_passphrase(self) -> KeyDialog:
        from desktop.ui.concerns.key_dialogs import PassphraseDialog

        dialog = PassphraseDialog(self.session, self.context, self)
        return self._open(dialog)

    def new_recovery_key(self) -> KeyDialog:
        from desktop.ui.concerns.key_dialogs import RecoveryKeyDialog

        dialog = RecoveryKeyDialog(self.session, self.settings, self.documents_folder, self)
        return self._open(dialog)

    def _open(self, dialog: KeyDialog) -> KeyDialog:
        self.keep(dialog)
        dialog.backups_changed.connect(self._keys_replaced_backups)
        dialog.open()
        return dialog

    def _keys_replaced_backups(self) -> None:
        self.reload()
        self.backups_changed.emit()
