"""The teacher guide (handleiding) for the lesson series, to read beside the lessons."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from desktop.i18n import _, current_language
from desktop.os_errors import reason
from desktop.ui.widgets import named


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setWindowTitle(_("Handleiding voor docenten"))
        self.text = named(QTextBrowser(), "guideText")
        self.text.setOpenLinks(False)
        self.text.document().setDocumentMargin(24)
        self.text.document().setDefaultStyleSheet("h1 { color: #1f3a5f; } h2 { color: #1f3a5f; }")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.text, 1)
        column.addWidget(buttons)
        self.resize(820, 760)
        self.load()

    def load(self) -> None:
        from lessons.library import read_guide

        try:
            self.text.setMarkdown(read_guide(current_language()))
        except (OSError, UnicodeDecodeError) as error:
            self.text.setPlainText(
                _("De handleiding kan niet worden geopend: {reason}. Installeer de app opnieuw.")
                .format(reason=reason(error) if isinstance(error, OSError) else error)
            )  # fmt: skip
