"""The recovery key, shown once after the vault is made, and confirmed by typing a group back.

The key is drawn in a monospaced font, not selectable and never put on the clipboard. The
coordinator prints it or saves it as a one-page PDF (the recovery sheet), then types one of
its ten groups to show it was copied; only then does the concern log open.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from desktop.i18n import _, current_language
from desktop.settings import Settings
from desktop.ui.concerns.opening import Card
from desktop.ui.widgets import named


class RecoveryKeyView(Card):
    """Shows ``key`` (ten groups of five, joined by dashes) and asks for one group back."""

    confirmed = Signal()

    def __init__(
        self,
        settings: Callable[[], Settings],
        documents_folder: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.documents_folder = documents_folder
        self._groups: tuple[str, ...] = ()
        self.asked = 0  # the group (0-9) to type back
        self.title = named(QLabel(), "cardTitle")
        self.explain = named(QLabel(wordWrap=True), "recoveryExplain")
        self.key_label = named(QLabel(), "recoveryKey")
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(16)
        font.setWeight(QFont.Weight.DemiBold)
        self.key_label.setFont(font)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.print_button = named(QPushButton(), "printRecoverySheet")
        self.save_button = named(QPushButton(), "saveRecoverySheet")
        self.question = named(QLabel(wordWrap=True), "typeGroupBack")
        self.group_field = named(QLineEdit(), "groupBack")
        self.group_field.setMaxLength(5)
        self.group_field.setMaximumWidth(140)
        self.group_field.setFont(font)
        self.error = named(QLabel(wordWrap=True), "fieldError")
        self.confirm_button = named(QPushButton(), "confirmRecoveryKey")
        self.confirm_button.setDefault(True)

        sheet = QHBoxLayout()
        sheet.addWidget(self.print_button)
        sheet.addWidget(self.save_button)
        sheet.addStretch(1)
        back = QHBoxLayout()
        back.addWidget(self.group_field)
        back.addStretch(1)
        back.addWidget(self.confirm_button)
        self.column.addWidget(self.title)
        self.column.addWidget(self.explain)
        self.column.addWidget(self.key_label)
        self.column.addLayout(sheet)
        self.column.addWidget(self.question)
        self.column.addLayout(back)
        self.column.addWidget(self.error)

        self.print_button.clicked.connect(lambda: self.open_sheet(print_it=True))
        self.save_button.clicked.connect(lambda: self.open_sheet(print_it=False))
        self.group_field.returnPressed.connect(self.confirm)
        self.confirm_button.clicked.connect(self.confirm)
        self.retranslate()

    def show_key(self, key: str) -> None:
        self._groups = tuple(key.split("-"))
        self.asked = secrets.randbelow(len(self._groups)) if self._groups else 0
        self.key_label.setTextFormat(Qt.TextFormat.RichText)
        self.key_label.setText(numbered_groups(self._groups))
        self.group_field.setText("")  # setText, not clear(): no undo brings it back
        self.error.setText("")
        self.retranslate()

    def forget(self) -> None:
        """Drop the key from every widget (once confirmed, and when the vault locks)."""
        self._groups = ()
        self.key_label.clear()
        self.group_field.setText("")  # setText, not clear(): no undo brings it back

    def retranslate(self) -> None:
        self.title.setText(_("Je herstelsleutel"))
        self.explain.setText(
            _(
                "Met deze sleutel open je de kluis als het wachtwoord kwijt is. Hij wordt maar "
                "één keer getoond: druk hem af of sla hem op als PDF, en bewaar hem op een veilige "
                "plek op school, niet bij deze computer. Wie de sleutel heeft, kan alle meldingen "
                "lezen."
            )
        )
        self.print_button.setText(_("Afdrukken…"))
        self.save_button.setText(_("Opslaan als PDF…"))
        self.question.setText(
            _("Typ ter controle groep {n} van de sleutel over (vijf tekens).").format(
                n=self.asked + 1
            )
        )
        self.confirm_button.setText(_("Bevestigen en verder"))

    def confirm(self) -> bool:
        typed = self.group_field.text().strip().upper()
        wanted = self._groups[self.asked] if self._groups else ""
        if not typed:
            self.error.setText(_("Typ eerst groep {n} over.").format(n=self.asked + 1))
            return False
        if typed.translate(_LOOKALIKES) != wanted:
            self.error.setText(
                _(
                    "Dat is niet groep {n}. Kijk op het afgedrukte vel of in de PDF en typ de "
                    "vijf tekens van groep {n} over."
                ).format(n=self.asked + 1)
            )
            self.group_field.selectAll()
            return False
        self.forget()
        self.confirmed.emit()
        return True

    def sheet_pdf(self) -> bytes:
        from desktop.printing import recovery_sheet_pdf

        return recovery_sheet_pdf(self.settings(), "-".join(self._groups), current_language())

    def open_sheet(self, *, print_it: bool) -> None:
        from desktop.ui.concerns.sheet_dialog import RecoverySheetDialog

        dialog = RecoverySheetDialog(self.sheet_pdf, self.documents_folder, self)
        dialog.refresh()
        if print_it:
            dialog.print_now()
        else:
            dialog.save_now()
        dialog.done(0)


def numbered_groups(groups: tuple[str, ...]) -> str:
    """The key as a table of numbered groups, five to a row, so "groep 6" can be found."""
    cells = [
        f"<td align='center' style='padding:4px 10px'><span style='font-size:9pt;"
        f"color:#5a6270'>{number}</span><br>{group}</td>"
        for number, group in enumerate(groups, start=1)
    ]
    rows = "".join(f"<tr>{''.join(cells[i : i + 5])}</tr>" for i in range(0, len(cells), 5))
    return f"<table>{rows}</table>"


# The recovery key's alphabet has no I, L, O or U; a typed I, L or O reads as 1, 1 or 0.
_LOOKALIKES = str.maketrans({"I": "1", "L": "1", "O": "0"})
