"""Instellingen: the school's details, the care coordinator's contact, language and safety."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import LANGUAGE_NAMES, LANGUAGES, _
from desktop.school_profile import LogoError, SchoolProfile
from desktop.settings import AUTOLOCK_RANGE, FIELD_LABELS, RETENTION_RANGE, Settings, SettingsError
from desktop.ui.pages.base import Page
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
            edit = named(QLineEdit(), name)
            edit.setMaxLength(200)
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
        self.recipients = RecipientsBox()
        self.recipients.edited.connect(self._tell_unsaved)

        self.language = named(QComboBox(), "language")
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.autolock = named(QSpinBox(), "autolock_minutes")
        self.autolock.setRange(*AUTOLOCK_RANGE)
        self.retention = named(QSpinBox(), "retention_months")
        self.retention.setRange(*RETENTION_RANGE)
        self._add_row(general_form, "language", self.language)
        self._add_row(general_form, "autolock_minutes", self.autolock)
        self._add_row(general_form, "retention_months", self.retention)

        column.addWidget(self.school_box)
        column.addWidget(self.coordinator_box)
        column.addWidget(self.recipients)
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
        self.recipients.retranslate()
        self._show_logo()
        self.status.clear()

    # ---------------------------------------------------------------- values
    def show_settings(self, settings: Settings) -> None:
        for name, edit in self.edits.items():
            edit.setText(getattr(settings, name))
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.autolock.setValue(settings.autolock_minutes)
        self.retention.setValue(settings.retention_months)
        self.recipients.set_entries(settings.recipients)
        self._clear_errors()
        self._show_logo()

    def values(self) -> dict[str, object]:
        values: dict[str, object] = {n: e.text().strip() for n, e in self.edits.items()}
        values["language"] = self.language.currentData()
        values["autolock_minutes"] = self.autolock.value()
        values["retention_months"] = self.retention.value()
        values["recipients"] = self.recipients.entries()
        return values

    def save(self) -> bool:
        self._clear_errors()
        try:
            self.profile.save(self.values())
        except SettingsError as err:
            for name, message in err.problems.items():
                if name in self.errors:
                    self.errors[name].setText(message)
                    self.errors[name].show()
                elif name == "recipients":
                    self.recipients.show_error(message)
            self.status.setText(_("Niet opgeslagen: verbeter de rood gemarkeerde velden."))
            self.status.setProperty("state", "error")
            self._repolish(self.status)
            return False
        except OSError:
            self.status.setText(
                _(
                    "Niet opgeslagen: de instellingen konden niet worden geschreven. "
                    "Is de schijf vol?"
                )
            )
            self.status.setProperty("state", "error")
            self._repolish(self.status)
            return False
        self.status.setText(_("Opgeslagen."))
        self.status.setProperty("state", "ok")
        self._repolish(self.status)
        return True

    def revert(self) -> None:
        self.show_settings(self.profile.settings)
        self.status.clear()

    def _clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()
        self.recipients.clear_error()

    def _tell_unsaved(self) -> None:
        """The recipients are stored with "Opslaan", like the fields: say so after a change."""
        self.status.setText(_("Nog niet opgeslagen: kies Opslaan om de wijziging te bewaren."))
        self.status.setProperty("state", "")
        self._repolish(self.status)

    @staticmethod
    def _repolish(widget: QWidget) -> None:
        widget.style().unpolish(widget)
        widget.style().polish(widget)

    # ---------------------------------------------------------------- logo
    def _show_logo(self) -> None:
        path = self.profile.paths.logo_file
        if path.exists():
            pixmap = QPixmap(str(path))
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
        self.logo_remove.setEnabled(path.exists())

    def _choose_logo(self) -> None:
        source, _filter = QFileDialog.getOpenFileName(
            self, _("Logo kiezen"), "", _("Afbeeldingen (*.png *.jpg *.jpeg *.bmp *.gif *.svg)")
        )
        if source:
            self.set_logo(source)

    def set_logo(self, source: str) -> bool:
        self.errors["has_logo"].hide()
        try:
            self.profile.import_logo(source)
        except LogoError as err:
            self.errors["has_logo"].setText(str(err))
            self.errors["has_logo"].show()
            return False
        self._show_logo()
        return True

    def _remove_logo(self) -> None:
        self.profile.remove_logo()
        self._show_logo()
