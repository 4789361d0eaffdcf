"""Instellingen: the school's details, the care coordinator's contact, language and safety.

Every change, the logo's too, is an edit until "Opslaan" stores it and "Herstellen" undoes it.
Leaving the page or closing the app with edits asks whether to save them (window-modal and
opened with ``open()``: the app, and the vault's auto-lock, keep running while it asks).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QHideEvent, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import LANGUAGE_NAMES, LANGUAGES, _
from desktop.school_profile import (
    LogoChange,
    LogoError,
    SchoolProfile,
    logo_file_filter,
    prepare_logo,
)
from desktop.settings import (
    AUTOLOCK_RANGE,
    FIELD_LABELS,
    RETENTION_RANGE,
    Settings,
    SettingsError,
    too_long,
    too_long_message,
)
from desktop.ui.pages.base import Page
from desktop.ui.pages.contacts import ContactsBox
from desktop.ui.pages.entry_list import EntryLists
from desktop.ui.pages.recipients import RecipientsBox
from desktop.ui.widgets import add_field_row, named


class SettingsPage(Page):
    TEXT_FIELDS = (
        "school_name",
        "school_address",
        "coordinator_name",
        "coordinator_role",
        "coordinator_phone",
        "coordinator_email",
    )

    def __init__(self, profile: SchoolProfile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        self.pending_logo: LogoChange | None = None  # chosen or removed, not saved yet
        self.ask: QMessageBox | None = None  # "Wijzigingen opslaan?", while it is open
        self._showing = False  # filling the fields from settings: not an edit
        self._status: Callable[[], str] | None = None  # follows a language switch

        content = named(QWidget(), "scrollContent")
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        self.school_box = QGroupBox()
        self.coordinator_box = QGroupBox()
        self.general_box = QGroupBox()
        school_form = QFormLayout(self.school_box)
        coordinator_form = QFormLayout(self.coordinator_box)
        general_form = QFormLayout(self.general_box)
        for form in (school_form, coordinator_form, general_form):
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for name in self.TEXT_FIELDS:
            edit = named(QLineEdit(), name)  # no maxLength: a long text is refused, not cut
            edit.textChanged.connect(lambda _text, n=name: self._text_edited(n))
            self.edits[name] = edit
            form = school_form if name.startswith("school") else coordinator_form
            self._add_row(form, name, edit)

        self.logo_preview = named(QLabel(), "logoPreview")
        self.logo_preview.setFixedSize(160, 64)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_choose = named(QPushButton(), "logoChoose")
        self.logo_remove = named(QPushButton(), "logoRemove")
        self.logo_choose.clicked.connect(self._choose_logo)
        self.logo_remove.clicked.connect(self._remove_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview)
        logo_row.addWidget(self.logo_choose)
        logo_row.addWidget(self.logo_remove)
        logo_row.addStretch(1)
        logo_widget = QWidget()
        logo_widget.setLayout(logo_row)
        logo_row.setContentsMargins(0, 0, 0, 0)
        self._add_row(school_form, "has_logo", logo_widget)
        self.recipients, self.contacts = RecipientsBox(), ContactsBox()
        self.lists = EntryLists(recipients=self.recipients, contacts=self.contacts)
        self.lists.on_edited(self._edited)

        self.language = named(QComboBox(), "language")
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.autolock = named(QSpinBox(), "autolock_minutes")
        self.autolock.setRange(*AUTOLOCK_RANGE)
        self.retention = named(QSpinBox(), "retention_months")
        self.retention.setRange(*RETENTION_RANGE)
        self.language.currentIndexChanged.connect(self._edited)
        self.autolock.valueChanged.connect(self._edited)
        self.retention.valueChanged.connect(self._edited)
        self._add_row(general_form, "language", self.language)
        self._add_row(general_form, "autolock_minutes", self.autolock)
        self._add_row(general_form, "retention_months", self.retention)

        column.addWidget(self.school_box)
        column.addWidget(self.coordinator_box)
        column.addWidget(self.recipients)
        column.addWidget(self.contacts)
        column.addWidget(self.general_box)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        scroll.viewport().setAutoFillBackground(False)
        self.body.addWidget(scroll, 1)

        self.status = named(QLabel(wordWrap=True), "saveStatus")
        self.save_button = named(QPushButton(), "saveSettings")
        self.save_button.setDefault(True)
        self.revert_button = named(QPushButton(), "revertSettings")
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        self.body.addLayout(buttons)

        self.show_settings(profile.settings)
        self.retranslate()

    def _add_row(self, form: QFormLayout, name: str, field: QWidget) -> None:
        self.labels[name], self.errors[name] = add_field_row(form, field)

    # ---------------------------------------------------------------- texts
    def title(self) -> str:
        return _("Instellingen")

    def retranslate(self) -> None:
        self.heading.setText(_("Instellingen"))
        self.intro.setText(
            _(
                "Gegevens van de school en de zorgcoördinator komen op de signalenkaart en in "
                "verwijsbrieven. Deze instellingen blijven op deze computer."
            )
        )
        self.school_box.setTitle(_("School"))
        self.coordinator_box.setTitle(_("Zorgcoördinator"))
        self.general_box.setTitle(_("Algemeen"))
        for name, label in self.labels.items():
            label.setText(_(FIELD_LABELS[name]) + ":")
        self.edits["school_address"].setPlaceholderText(_("Straat en nummer, postcode en plaats"))
        self.edits["coordinator_role"].setPlaceholderText(
            _("bijvoorbeeld zorgcoördinator of aandachtsfunctionaris")
        )
        self.edits["coordinator_phone"].setPlaceholderText(_("bijvoorbeeld 030-1234567"))
        self.edits["coordinator_email"].setPlaceholderText(_("naam@school.nl"))
        self.logo_choose.setText(_("Logo kiezen…"))
        self.logo_remove.setText(_("Verwijderen"))
        self.autolock.setSuffix(" " + _("min"))
        self.retention.setSuffix(" " + _("maanden"))
        self.save_button.setText(_("Opslaan"))
        self.revert_button.setText(_("Herstellen"))
        self.lists.retranslate()
        self._show_logo()
        self.status.setText(self._status() if self._status else "")

    # ---------------------------------------------------------------- values
    def show_settings(self, settings: Settings) -> None:
        self._showing = True
        for name, edit in self.edits.items():
            edit.setText(getattr(settings, name))
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.autolock.setValue(settings.autolock_minutes)
        self.retention.setValue(settings.retention_months)
        self.lists.show(settings)
        self.pending_logo = None
        self._showing = False
        self._clear_errors()
        self._show_logo()

    def values(self) -> dict[str, object]:
        values: dict[str, object] = {n: e.text().strip() for n, e in self.edits.items()}
        values["language"] = self.language.currentData()
        values["autolock_minutes"] = self.autolock.value()
        values["retention_months"] = self.retention.value()
        values.update(self.lists.entries())
        return values

    def has_unsaved_edits(self) -> bool:
        saved = self.profile.settings
        return self.pending_logo is not None or any(
            value != getattr(saved, name) for name, value in self.values().items()
        )

    def save(self) -> bool:
        self._clear_errors()
        try:
            self.profile.save(self.values(), logo=self.pending_logo)
        except SettingsError as err:
            for name, message in err.problems.items():
                if name in self.errors:
                    self.errors[name].setText(message)
                    self.errors[name].show()
                elif name in self.lists:
                    self.lists[name].show_error(message)
            self._set_status(
                lambda: _("Niet opgeslagen: verbeter de rood gemarkeerde velden."), "error"
            )
            return False
        except OSError:
            self._set_status(
                lambda: _(
                    "Niet opgeslagen: de instellingen konden niet worden geschreven. "
                    "Is de schijf vol?"
                ),
                "error",
            )
            return False
        self.pending_logo = None
        self._show_logo()
        self._set_status(lambda: _("Opgeslagen."), "ok")
        return True

    def revert(self) -> None:
        self.show_settings(self.profile.settings)
        self._set_status(None)

    def _clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()
        self.lists.clear_errors()

    def _text_edited(self, name: str) -> None:
        """A text over the limit is refused where it is typed, with the reason."""
        if self._showing:
            return
        error = self.errors[name]
        message = too_long(self.edits[name].text().strip())
        if message:
            error.setText(message)
            error.show()
        elif error.text() == too_long_message():  # the length was the problem: solved
            error.clear()
            error.hide()
        self._edited()

    def _edited(self) -> None:
        """Any change: "Opgeslagen." (or an earlier error) gives way to what is true now."""
        if self._showing:
            return
        if self.has_unsaved_edits():
            self._set_status(
                lambda: _("Nog niet opgeslagen: kies Opslaan om de wijziging te bewaren."), ""
            )
        else:
            self._set_status(None)

    def _set_status(self, text: Callable[[], str] | None, state: str = "") -> None:
        self._status = text
        self.status.setText(text() if text else "")
        self.status.setProperty("state", state)
        self._repolish(self.status)

    @staticmethod
    def _repolish(widget: QWidget) -> None:
        widget.style().unpolish(widget)
        widget.style().polish(widget)

    # ---------------------------------------------------------------- unsaved edits
    def ask_to_save(self, then: Callable[[], object]) -> bool:
        """With unsaved edits, ask "Wijzigingen opslaan?" and return True: ``then`` runs after
        they were saved or discarded; after Cancel, or a save that failed, nothing happens
        but this page is shown. Without unsaved edits, return False (nothing to ask)."""
        if self.ask is not None:
            return True  # already asking
        if not self.has_unsaved_edits():
            return False
        buttons = QMessageBox.StandardButton
        box = QMessageBox(
            QMessageBox.Icon.Question,
            _("Instellingen"),
            _("Wijzigingen opslaan?"),
            buttons.Save | buttons.Discard | buttons.Cancel,
            self.window(),
        )
        box.setObjectName("askToSave")
        box.setInformativeText(
            _("Er zijn wijzigingen in de instellingen die nog niet zijn opgeslagen.")
        )
        box.button(buttons.Save).setText(_("Opslaan"))
        box.button(buttons.Discard).setText(_("Niet opslaan"))
        box.button(buttons.Cancel).setText(_("Annuleren"))
        box.setDefaultButton(buttons.Save)
        box.setEscapeButton(buttons.Cancel)
        box.setWindowModality(Qt.WindowModality.WindowModal)

        def answered(_result: int) -> None:
            clicked = box.standardButton(box.clickedButton())
            self.ask = None
            box.deleteLater()
            if clicked == buttons.Save and self.save():
                then()
            elif clicked == buttons.Discard:
                self.revert()
                then()
            else:
                self._come_back()

        box.finished.connect(answered)
        self.ask = box
        box.open()
        return True

    def hideEvent(self, event: QHideEvent) -> None:
        """Another page was chosen (not the window minimised or closed): ask about edits."""
        super().hideEvent(event)
        window = self.window()
        if not event.spontaneous() and self.isHidden() and window.isVisible():
            self.ask_to_save(lambda: None)

    def _come_back(self) -> None:
        show_page = getattr(self.window(), "show_page", None)  # the main window's
        if callable(show_page) and not self.isVisible():
            show_page(self)

    # ---------------------------------------------------------------- logo
    def _show_logo(self) -> None:
        pixmap = QPixmap()
        if self.pending_logo is not None:
            if self.pending_logo.png is not None:
                pixmap.loadFromData(self.pending_logo.png, "PNG")
        elif self.profile.has_logo():
            pixmap = QPixmap(str(self.profile.paths.logo_file))
        if not pixmap.isNull():
            self.logo_preview.setPixmap(
                pixmap.scaled(
                    self.logo_preview.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(_("geen logo"))
        self.logo_remove.setEnabled(not pixmap.isNull())

    def _choose_logo(self) -> None:
        source, _filter = QFileDialog.getOpenFileName(
            self, _("Logo kiezen"), "", logo_file_filter()
        )
        if source:
            self.set_logo(source)

    def set_logo(self, source: str) -> bool:
        """Take the image at ``source`` as the new logo: an edit, stored with "Opslaan"."""
        self.errors["has_logo"].hide()
        try:
            self.pending_logo = prepare_logo(source)
        except LogoError as err:
            self.errors["has_logo"].setText(str(err))
            self.errors["has_logo"].show()
            return False
        self._show_logo()
        self._edited()
        return True

    def _remove_logo(self) -> None:
        self.errors["has_logo"].hide()
        self.pending_logo = LogoChange(None) if self.profile.has_logo() else None
        self._show_logo()
        self._edited()
