"""A list of entries on the settings page, and a dialog to add or change one: the recipients of
referral letters (:mod:`desktop.ui.pages.recipients`) and the contacts of the contacts sheet
(:mod:`desktop.ui.pages.contacts`).

The list is part of the page's values: a change here is stored with the page's "Opslaan" and
undone with "Herstellen", like any other field. A subclass says which entries, how a row shows
one, which dialog edits one and its words; the rules live in ``desktop/``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

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
from desktop.ui.widgets import add_field_row, named

E = TypeVar("E")


@dataclass(frozen=True)
class EntryRules(Generic[E]):
    """What a kind of entry is, from ``desktop/``: its kinds and their labels, its fields'
    labels (Dutch, translated when shown), its rules and how one is made from the fields."""

    kinds: tuple[str, ...]
    kind_label: Callable[[str], str]
    field_labels: Mapping[str, str]
    problems: Callable[[Mapping[str, Any]], dict[str, str]]
    make: Callable[..., E]


class EntryList(QTreeWidget):
    """The entries as rows; the ``fitted`` columns as wide as their text, the others share the
    rest. Enter or a double click asks to change the current one, Delete to remove it."""

    change_requested = Signal()
    remove_requested = Signal()

    def __init__(
        self, columns: int, fitted: tuple[int, ...] = (0,), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setColumnCount(columns)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAllColumnsShowFocus(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.header()
        header.setStretchLastSection(columns - 1 not in fitted)
        mode = QHeaderView.ResizeMode
        for column in range(columns):
            fit = column in fitted
            header.setSectionResizeMode(column, mode.ResizeToContents if fit else mode.Stretch)
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


class EntryDialog(QDialog, Generic[E]):
    """Add or change one entry: a kind from a list, then the fields :meth:`make_fields` gives.
    OK checks the rules and shows what is wrong under the field; :attr:`result_entry` holds the
    entry once accepted. Object names start with :attr:`prefix` (``recipientOk``)."""

    prefix = "entry"
    rules: EntryRules[E]

    def __init__(self, entry: E | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        prefix = self.prefix
        self.setObjectName(f"{prefix}Dialog")
        self.is_new = entry is None
        self.result_entry: E | None = None
        self.intro = named(QLabel(wordWrap=True), f"{prefix}Intro")
        self.kind = named(QComboBox(), "kind")
        for kind in self.rules.kinds:
            self.kind.addItem("", kind)
        self.fields: dict[str, QWidget] = {"kind": self.kind, **self.make_fields()}
        self.labels: dict[str, QLabel] = {}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for field_name, widget in self.fields.items():
            self.labels[field_name], self.errors[field_name] = add_field_row(form, widget)
        buttons = QDialogButtonBox()
        role = QDialogButtonBox.ButtonRole
        self.ok_button = named(buttons.addButton("", role.AcceptRole), f"{prefix}Ok")
        self.cancel_button = named(buttons.addButton("", role.RejectRole), f"{prefix}Cancel")
        self.ok_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column = self._column = QVBoxLayout(self)
        column.addWidget(self.intro)
        column.addLayout(form)
        column.addWidget(buttons)
        if entry is not None:
            self._show_entry(entry)
        self.retranslate()
        self.resize(520, self.sizeHint().height())
        self.fields["kind" if self.is_new else "organisation"].setFocus()

    # ---------------------------------------------------------------- what subclasses say
    def make_fields(self) -> dict[str, QWidget]:
        """The fields after the kind, by the entry's field names, in order."""
        raise NotImplementedError

    def texts(self) -> tuple[str, str]:
        """The window title and the introduction, translated."""
        raise NotImplementedError

    # ---------------------------------------------------------------- values
    def _show_entry(self, entry: E) -> None:
        for field_name, widget in self.fields.items():
            value = getattr(entry, field_name)
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(value)))
            elif isinstance(widget, QLineEdit):
                widget.setText(value)
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value)

    def values(self) -> dict[str, str]:
        """Each field's text, trimmed (a multi-line field line by line, without empty ends)."""
        values: dict[str, str] = {}
        for field_name, widget in self.fields.items():
            if isinstance(widget, QComboBox):
                values[field_name] = widget.currentData()
            elif isinstance(widget, QLineEdit):
                values[field_name] = widget.text().strip()
            elif isinstance(widget, QPlainTextEdit):
                lines = widget.toPlainText().strip().splitlines()
                values[field_name] = "\n".join(line.rstrip() for line in lines)
        return values

    def retranslate(self) -> None:
        title, intro = self.texts()
        self.setWindowTitle(title)
        self.intro.setText(intro)
        for index, kind in enumerate(self.rules.kinds):
            self.kind.setItemText(index, self.rules.kind_label(kind))
        for field_name, label in self.labels.items():
            label.setText(_(self.rules.field_labels[field_name]) + ":")
        self.ok_button.setText(_("Toevoegen") if self.is_new else _("Wijzigen"))
        self.cancel_button.setText(_("Annuleren"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def accept(self) -> None:
        values = self.values()
        problems = self.rules.problems(values)
        for field_name, error in self.errors.items():
            error.setText(problems.get(field_name, ""))
            error.setVisible(field_name in problems)
        if problems:
            self._column.activate()  # room for the messages
            self.resize(self.width(), max(self.height(), self.sizeHint().height()))
            self.fields[next(iter(problems))].setFocus()
            return
        self.result_entry = self.rules.make(**values)
        super().accept()


class EntriesBox(QGroupBox, Generic[E]):
    """A group on the settings page: a list of entries with Add, Change and Remove, edited in a
    :attr:`dialog`. Object names start with the dialog's prefix (``recipientAdd``); the
    explanation, the empty line and the list keep the style sheet's names for every such list."""

    edited = Signal()  # the list changed and is not saved yet
    max_entries = 30
    columns: tuple[str, ...] = ("kind", "organisation", "name")  # the fields the list shows
    fitted: tuple[int, ...] = (0,)  # the columns as wide as their text (the kind)
    dialog_type: type[EntryDialog[E]]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        prefix = self.dialog_type.prefix
        self._entries: list[E] = []
        self.dialog: EntryDialog[E] | None = None  # the one open, for tests and screenshots
        self.explain = named(QLabel(wordWrap=True), "recipientsExplain")
        self.list = named(EntryList(len(self.columns), self.fitted), "recipientList")
        self.empty = named(QLabel(wordWrap=True), "recipientsEmpty")
        self.error = named(QLabel(wordWrap=True), "fieldError")
        self.error.hide()
        self.add_button = named(QPushButton(), f"{prefix}Add")
        self.change_button = named(QPushButton(), f"{prefix}Change")
        self.remove_button = named(QPushButton(), f"{prefix}Remove")
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

    # ---------------------------------------------------------------- what subclasses say
    def tooltip(self, entry: E) -> str:
        """What the row of ``entry`` shows when pointed at."""
        raise NotImplementedError

    def texts(self) -> dict[str, str]:
        """Translated: ``title``, ``explain``, ``empty`` and ``full`` (with ``{n}``)."""
        raise NotImplementedError

    # ---------------------------------------------------------------- values
    def entries(self) -> tuple[E, ...]:
        return tuple(self._entries)

    def set_entries(self, entries: tuple[E, ...]) -> None:
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
    def add(self) -> EntryDialog[E] | None:
        if len(self._entries) >= self.max_entries:
            return None
        return self._open(None, None)

    def change(self) -> EntryDialog[E] | None:
        row = self.current_row()
        return None if row is None else self._open(row, self._entries[row])

    def remove(self) -> None:
        """Remove the current entry from the list; not saved until "Opslaan", so "Herstellen"
        brings it back."""
        row = self.current_row()
        if row is None:
            return
        del self._entries[row]
        self._fill(min(row, len(self._entries) - 1) if self._entries else None)
        self.list.setFocus()
        self.edited.emit()

    def _open(self, row: int | None, entry: E | None) -> EntryDialog[E]:
        dialog = self.dialog_type(entry, self)
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
            rules = self.dialog_type.rules
            texts = [getattr(entry, name) for name in self.columns]
            item = QTreeWidgetItem([rules.kind_label(texts[0]), *texts[1:]])
            item.setToolTip(1, self.tooltip(entry))
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
        full = len(self._entries) >= self.max_entries
        self.add_button.setEnabled(not full)
        self.add_button.setToolTip(self.texts()["full"].format(n=self.max_entries) if full else "")

    def retranslate(self) -> None:
        texts = self.texts()
        self.setTitle(texts["title"])
        self.explain.setText(texts["explain"])
        self.empty.setText(texts["empty"])
        labels = self.dialog_type.rules.field_labels
        self.list.setHeaderLabels([_(labels[name]) for name in self.columns])
        self.add_button.setText(_("Toevoegen…"))
        self.change_button.setText(_("Wijzigen…"))
        self.remove_button.setText(_("Verwijderen"))
        self._fill(self.current_row())


class EntryLists(dict[str, EntriesBox[Any]]):
    """The settings' lists by their field name, each in its own group: shown, read, checked and
    retranslated together."""

    def on_edited(self, slot: Callable[[], None]) -> None:
        for box in self.values():
            box.edited.connect(slot)

    def show(self, settings: object) -> None:
        for name, box in self.items():
            box.set_entries(getattr(settings, name))

    def entries(self) -> dict[str, tuple[Any, ...]]:
        return {name: box.entries() for name, box in self.items()}

    def clear_errors(self) -> None:
        for box in self.values():
            box.clear_error()

    def retranslate(self) -> None:
        for box in self.values():
            box.retranslate()


def line_edit(name: str, limit: int) -> QLineEdit:
    """A one-line field named ``name`` that takes at most ``limit`` characters."""
    edit = named(QLineEdit(), name)
    edit.setMaxLength(limit)
    return edit
