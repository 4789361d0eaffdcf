"""The settings page's recipients of referral letters: a list, and a dialog to add or change one.

The list is part of the page's values: a change here is stored with the page's "Opslaan" and
undone with "Herstellen", like any other field. The rules live in :mod:`desktop.recipients`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from desktop.recipients import (
    MAX_NAME,
    MAX_ORGANISATION,
    MAX_RECIPIENTS,
    RECIPIENT_FIELD_LABELS,
    RecipientEntry,
    entry_problems,
    kind_label,
)
from desktop.ui.widgets import add_field_row, named
from desktop.vault.vocabulary import RecipientKind


class RecipientList(QTreeWidget):
    """The recipients as rows (kind, organisation, person or department). Enter or a double
    click asks to change the current one, Delete to remove it."""

    change_requested = Signal()
    remove_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(3)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAllColumnsShowFocus(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.itemDoubleClicked.connect(self._double_clicked)

    def _double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        self.setCurrentItem(item)
        self.change_requested.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.currentItem() is not None:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.change_requested.emit()
                return
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.remove_requested.emit()
                return
        super().keyPressEvent(event)


class RecipientsBox(QGroupBox):
    """The group "Ontvangers van verwijsbrieven" on the settings page."""

    edited = Signal()  # the list changed and is not saved yet

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[RecipientEntry] = []
        self.dialog: RecipientDialog | None = None  # the one open, for tests and screenshots
        self.explain = named(QLabel(wordWrap=True), "recipientsExplain")
        self.list = named(RecipientList(), "recipientList")
        self.empty = named(QLabel(wordWrap=True), "recipientsEmpty")
        self.error = named(QLabel(wordWrap=True), "fieldError")
        self.error.hide()
        self.add_button = named(QPushButton(), "recipientAdd")
        self.change_button = named(QPushButton(), "recipientChange")
        self.remove_button = named(QPushButton(), "recipientRemove")
        self.add_button.clicked.connect(self.add)
        self.change_button.clicked.connect(self.change)
        self.remove_button.clicked.connect(self.remove)
        self.list.change_requested.connect(self.change)
        self.list.remove_requested.connect(self.remove)
        self.list.currentItemChanged.connect(lambda *_args: self._enable())

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.change_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.addWidget(self.explain)
        column.addWidget(self.list)
        column.addWidget(self.empty)
        column.addWidget(self.error)
        column.addLayout(buttons)
        QWidget.setTabOrder(self.list, self.add_button)
        QWidget.setTabOrder(self.add_button, self.change_button)
        QWidget.setTabOrder(self.change_button, self.remove_button)
        self._fit_list()
        self.retranslate()

    # ---------------------------------------------------------------- values
    def entries(self) -> tuple[RecipientEntry, ...]:
        return tuple(self._entries)

    def set_entries(self, entries: tuple[RecipientEntry, ...]) -> None:
        self._entries = list(entries)
        self._fill(0 if entries else None)
        self.clear_error()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def clear_error(self) -> None:
        self.error.clear()
        self.error.hide()

    def current_row(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else self.list.indexOfTopLevelItem(item)

    # ---------------------------------------------------------------- actions
    def add(self) -> RecipientDialog | None:
        if len(self._entries) >= MAX_RECIPIENTS:
            return None
        return self._open(None, None)

    def change(self) -> RecipientDialog | None:
        row = self.current_row()
        return None if row is None else self._open(row, self._entries[row])

    def remove(self) -> None:
        """Remove the current recipient from the list; not saved until "Opslaan", so
        "Herstellen" brings it back."""
        row = self.current_row()
        if row is None:
            return
        del self._entries[row]
        self._fill(min(row, len(self._entries) - 1) if self._entries else None)
        self.list.setFocus()
        self.edited.emit()

    def _open(self, row: int | None, entry: RecipientEntry | None) -> RecipientDialog:
        dialog = RecipientDialog(entry, self)
        self.dialog = dialog

        def done(result: int) -> None:
            if result == QDialog.DialogCode.Accepted and dialog.result_entry is not None:
                if row is None:
                    self._entries.append(dialog.result_entry)
                    self._fill(len(self._entries) - 1)
                else:
                    self._entries[row] = dialog.result_entry
                    self._fill(row)
                self.edited.emit()
            self.dialog = None
            dialog.deleteLater()
            self.list.setFocus()

        dialog.finished.connect(done)
        dialog.open()  # window-modal, without a nested event loop
        return dialog

    # ---------------------------------------------------------------- view
    def _fill(self, current: int | None) -> None:
        self.list.clear()
        for entry in self._entries:
            item = QTreeWidgetItem([kind_label(entry.kind), entry.organisation, entry.name])
            item.setToolTip(1, "\n".join(filter(None, [entry.organisation, entry.address])))
            self.list.addTopLevelItem(item)
        chosen = None if current is None else self.list.topLevelItem(current)
        if chosen is not None:
            self.list.setCurrentItem(chosen)
        self.list.setVisible(bool(self._entries))
        self.empty.setVisible(not self._entries)
        self._enable()

    def _fit_list(self) -> None:
        """Room for five rows without scrolling; more scroll inside the list."""
        rows = 5
        row_height = self.list.fontMetrics().height() + 8
        self.list.setFixedHeight(self.list.header().sizeHint().height() + rows * row_height + 4)

    def _enable(self) -> None:
        has_current = self.list.currentItem() is not None
        self.change_button.setEnabled(has_current)
        self.remove_button.setEnabled(has_current)
        full = len(self._entries) >= MAX_RECIPIENTS
        self.add_button.setEnabled(not full)
        self.add_button.setToolTip(
            _("Ten hoogste {n} ontvangers. Verwijder er eerst een.").format(n=MAX_RECIPIENTS)
            if full
            else ""
        )

    def retranslate(self) -> None:
        self.setTitle(_("Ontvangers van verwijsbrieven"))
        self.explain.setText(
            _(
                "De organisaties waaraan de school verwijsbrieven stuurt, zoals de regionale "
                "zorgcoördinator mensenhandel en Veilig Thuis in je regio. Schoolsignaal kent "
                "geen regionale namen of nummers: vul ze hier zelf in. Alleen gegevens van "
                "organisaties en hun medewerkers, nooit van leerlingen."
            )
        )
        self.empty.setText(_("Nog geen ontvangers. Kies Toevoegen… om er een in te vullen."))
        columns = ("kind", "organisation", "name")
        self.list.setHeaderLabels([_(RECIPIENT_FIELD_LABELS[column]) for column in columns])
        self.add_button.setText(_("Toevoegen…"))
        self.change_button.setText(_("Wijzigen…"))
        self.remove_button.setText(_("Verwijderen"))
        self._fill(self.current_row())


class RecipientDialog(QDialog):
    """Add or change one recipient. OK checks the rules and shows what is wrong under the field;
    :attr:`result_entry` holds the recipient once accepted."""

    def __init__(self, entry: RecipientEntry | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recipientDialog")
        self.is_new = entry is None
        self.result_entry: RecipientEntry | None = None
        self.intro = named(QLabel(wordWrap=True), "recipientIntro")
        self.kind = named(QComboBox(), "kind")
        for kind in RecipientKind:
            self.kind.addItem("", kind.value)
        self.organisation = named(QLineEdit(), "organisation")
        self.organisation.setMaxLength(MAX_ORGANISATION)
        self.name = named(QLineEdit(), "name")
        self.name.setMaxLength(MAX_NAME)
        self.address = named(QPlainTextEdit(), "address")
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(self.address.fontMetrics().lineSpacing() * 6 + 16)
        self.labels: dict[str, QLabel] = {}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        fields: dict[str, QWidget] = {
            "kind": self.kind,
            "organisation": self.organisation,
            "name": self.name,
            "address": self.address,
        }
        for field_name, widget in fields.items():
            self._add_row(form, field_name, widget)
        self.fields = fields
        buttons = QDialogButtonBox()
        self.ok_button = named(
            buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole), "recipientOk"
        )
        self.cancel_button = named(
            buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole), "recipientCancel"
        )
        self.ok_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column = self._column = QVBoxLayout(self)
        column.addWidget(self.intro)
        column.addLayout(form)
        column.addWidget(buttons)

        if entry is not None:
            self.kind.setCurrentIndex(max(0, self.kind.findData(entry.kind)))
            self.organisation.setText(entry.organisation)
            self.name.setText(entry.name)
            self.address.setPlainText(entry.address)
        self.retranslate()
        self.resize(520, self.sizeHint().height())
        (self.kind if self.is_new else self.organisation).setFocus()

    def _add_row(self, form: QFormLayout, field_name: str, widget: QWidget) -> None:
        self.labels[field_name], self.errors[field_name] = add_field_row(form, widget)

    def retranslate(self) -> None:
        self.setWindowTitle(_("Ontvanger toevoegen") if self.is_new else _("Ontvanger wijzigen"))
        self.intro.setText(
            _(
                "Zoals de ontvanger boven de verwijsbrief komt. Vul alleen gegevens van de "
                "organisatie in, nooit van een leerling."
            )
        )
        for index, kind in enumerate(RecipientKind):
            self.kind.setItemText(index, kind_label(kind.value))
        for field_name, label in self.labels.items():
            label.setText(_(RECIPIENT_FIELD_LABELS[field_name]) + ":")
        self.organisation.setPlaceholderText(_("de naam zoals die boven de brief komt"))
        self.name.setPlaceholderText(_("optioneel, bijvoorbeeld een contactpersoon of team"))
        self.address.setPlaceholderText(_("Straat en nummer of postbus\nPostcode en plaats"))
        self.ok_button.setText(_("Toevoegen") if self.is_new else _("Wijzigen"))
        self.cancel_button.setText(_("Annuleren"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def values(self) -> dict[str, str]:
        lines = [line.rstrip() for line in self.address.toPlainText().strip().splitlines()]
        return {
            "kind": self.kind.currentData(),
            "organisation": self.organisation.text().strip(),
            "name": self.name.text().strip(),
            "address": "\n".join(lines),
        }

    def accept(self) -> None:
        values = self.values()
        problems = entry_problems(values)
        for field_name, error in self.errors.items():
            error.setText(problems.get(field_name, ""))
            error.setVisible(field_name in problems)
        if problems:
            self._column.activate()  # room for the messages
            self.resize(self.width(), max(self.height(), self.sizeHint().height()))
            self.fields[next(iter(problems))].setFocus()
            return
        self.result_entry = RecipientEntry(**values)
        super().accept()
