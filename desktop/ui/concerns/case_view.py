"""One case: its header, the chronology, and (in its own tab) the meldcode.

The view reads the case once (:meth:`reload`) into a frozen
:class:`~desktop.vault.records.CaseDetail` and draws from it; :meth:`forget` drops it and
empties every widget when the vault locks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.concerns import case_header
from desktop.concerns.chronology import CORRECT_LINK, chronology_html
from desktop.concerns.session import VaultSession
from desktop.i18n import _
from desktop.ui.widgets import named

if TYPE_CHECKING:
    from desktop.ui.concerns.meldcode_panel import MeldcodePanel
    from desktop.ui.referrals.followup import ReferralsTab
    from desktop.vault.records import CaseDetail, EntryView


class CaseView(QWidget):
    letter_requested = Signal(str)  # a case code: make a referral letter from it

    def __init__(self, session: VaultSession, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.code = code
        self.detail: CaseDetail | None = None
        self.title = named(QLabel(), "caseTitle")
        self.summary = named(QLabel(wordWrap=True), "caseSummary")
        self.retention = named(QLabel(wordWrap=True), "caseRetention")
        self.observe_button = named(QPushButton(), "newObservation")
        self.other_button = named(QToolButton(), "otherEntry")
        self.other_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.other_menu = QMenu(self.other_button)
        self.other_button.setMenu(self.other_menu)
        self.status_button = named(QPushButton(), "changeStatus")
        self.back_button = named(QPushButton(), "backToList")
        self.back_button.hide()  # shown when the window is too narrow for list and case
        self.details_button = named(QPushButton(), "editCaseDetails")
        self.letter_button = named(QPushButton(), "referralLetter")
        self.order = named(QComboBox(), "chronologyOrder")
        self.chronology = named(QTextBrowser(), "chronology")
        self.chronology.setOpenLinks(False)
        self.chronology.anchorClicked.connect(self._link)
        self.tabs = named(QTabWidget(), "caseTabs")
        timeline = QWidget()
        timeline_column = QVBoxLayout(timeline)
        order_row = QHBoxLayout()
        order_row.addStretch(1)
        self.order_label = QLabel()
        order_row.addWidget(self.order_label)
        order_row.addWidget(self.order)
        timeline_column.addLayout(order_row)
        timeline_column.addWidget(self.chronology, 1)
        self.tabs.addTab(timeline, "")
        self.meldcode: MeldcodePanel | None = None
        self.referrals: ReferralsTab | None = None

        header = QHBoxLayout()  # what concerns the whole case, beside its code
        header.addWidget(self.back_button)
        header.addWidget(self.title, 1)
        header.addWidget(self.details_button)
        header.addWidget(self.letter_button)
        header.addWidget(self.status_button)
        actions = QHBoxLayout()  # new entries, above the timeline
        actions.addWidget(self.observe_button)
        actions.addWidget(self.other_button)
        actions.addStretch(1)
        self.setMinimumWidth(400)  # the code and its two buttons on one line, at 1024 wide
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 0, 0, 0)
        column.addLayout(header)
        column.addWidget(self.summary)
        column.addWidget(self.retention)
        column.addLayout(actions)
        column.addWidget(self.tabs, 1)

        self.observe_button.clicked.connect(lambda: self.new_entry("observation"))
        observe = QShortcut(QKeySequence("Ctrl+N"), self)
        observe.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        observe.activated.connect(lambda: self.new_entry("observation"))
        self.status_button.clicked.connect(self.change_status)
        self.details_button.clicked.connect(self.edit_details)
        self.letter_button.clicked.connect(lambda: self.letter_requested.emit(self.code))
        self.order.currentIndexChanged.connect(self._draw_chronology)
        self.retranslate()
        self.reload()

    # ---------------------------------------------------------------- texts
    def retranslate(self) -> None:
        from desktop.vault.vocabulary import ENTRY_KIND_LABELS, EntryKind

        self.observe_button.setText(_("Nieuwe waarneming"))
        self.observe_button.setToolTip(_("Wat zag of hoorde je? (Ctrl+N)"))
        self.other_button.setText(_("Andere notitie"))
        self.other_menu.clear()
        for kind in EntryKind:
            if kind is EntryKind.OBSERVATION:
                continue
            action = self.other_menu.addAction(_(ENTRY_KIND_LABELS[kind]))
            action.triggered.connect(lambda _c=False, k=kind.value: self.new_entry(k))
        self.status_button.setText(_("Status wijzigen…"))
        self.back_button.setText(_("← Alle meldingen"))
        self.details_button.setText(_("Gegevens…"))
        self.letter_button.setText(_("Verwijsbrief…"))
        self.letter_button.setToolTip(_("Een verwijsbrief maken, bekijken en versturen"))
        self.order_label.setText(_("Volgorde:"))
        chosen = self.order.currentIndex()
        self.order.blockSignals(True)
        self.order.clear()
        self.order.addItem(_("Oudste eerst"), False)
        self.order.addItem(_("Nieuwste eerst"), True)
        self.order.setCurrentIndex(max(chosen, 0))
        self.order.blockSignals(False)
        self.tabs.setTabText(0, _("Tijdlijn"))
        if self.tabs.count() > 1:
            self.tabs.setTabText(1, _("Meldcode"))
        if self.tabs.count() > 2:
            self.tabs.setTabText(2, _("Verwijzingen"))
        self._draw()

    # ---------------------------------------------------------------- data
    def reload(self) -> None:
        if not self.session.is_open:
            return
        self.detail = self.session.vault.case(self.code)
        self._draw()

    def _draw(self) -> None:
        detail = self.detail
        if detail is None:
            return
        self.title.setText(_("Melding {code}").format(code=detail.code))
        self.summary.setText(case_header.summary(detail.row))
        self.retention.setText(case_header.retention(detail.row))
        self.retention.setVisible(bool(self.retention.text()))
        self._draw_chronology()
        self._ensure_meldcode()

    def _draw_chronology(self) -> None:
        if self.detail is None:
            return
        from desktop.vault.vocabulary import ENTRY_KIND_LABELS

        signal_text = case_header.signal_namer()

        def kind_label(entry: EntryView) -> str:
            return _(ENTRY_KIND_LABELS[entry.kind])

        position = self.chronology.verticalScrollBar().value()
        self.chronology.setHtml(
            chronology_html(
                self.detail.entries,
                newest_first=bool(self.order.currentData()),
                kind_label=kind_label,
                signal_text=signal_text,
                status_changes=self.detail.status_history,
                steps=self.detail.step_history,
                assessments=self.detail.assessment_history,
            )
        )
        self.chronology.verticalScrollBar().setValue(position)

    def _ensure_meldcode(self) -> None:
        from desktop.ui.concerns.meldcode_panel import MeldcodePanel

        if self.meldcode is None:
            self.meldcode = MeldcodePanel(self.session, self.code)
            self.tabs.addTab(self.meldcode, _("Meldcode"))
        if self.detail is not None:
            self.meldcode.show_detail(self.detail)
        self._ensure_referrals()

    def _ensure_referrals(self) -> None:
        from desktop.ui.referrals.followup import ReferralsTab

        if self.referrals is None:
            self.referrals = ReferralsTab(self.session, self.code)
            self.referrals.new_letter.connect(lambda: self.letter_requested.emit(self.code))
            self.tabs.addTab(self.referrals, _("Verwijzingen"))
        if self.detail is not None:
            self.referrals.show_referrals(self.detail.referrals)

    def forget(self) -> None:
        """Drop the case and empty every widget (the vault locked or another case opened)."""
        self.detail = None
        self.chronology.clear()
        self.chronology.document().clear()
        self.chronology.document().clearUndoRedoStacks()
        for label in (self.title, self.summary, self.retention):
            label.clear()
        if self.meldcode is not None:
            self.meldcode.forget()
        if self.referrals is not None:
            self.referrals.forget()

    # ---------------------------------------------------------------- actions
    def new_entry(self, kind: str, signals: tuple[str, ...] = ()) -> QWidget:
        from desktop.ui.concerns.entry_form import EntryDialog

        dialog = EntryDialog(self.session, self.code, kind, signals=signals, parent=self)
        dialog.saved.connect(lambda _id: self.session.changed(self.code))
        dialog.open()
        return dialog

    def correct_entry(self, entry_id: int) -> QWidget | None:
        from desktop.ui.concerns.entry_form import EntryDialog

        entries = self.detail.entries if self.detail is not None else ()
        entry = next((e for e in entries if e.id == entry_id), None)
        if entry is None:
            return None
        dialog = EntryDialog(self.session, self.code, entry.kind.value, entry=entry, parent=self)
        dialog.saved.connect(lambda _id: self.session.changed(self.code))
        dialog.open()
        return dialog

    def _link(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith(CORRECT_LINK):
            self.correct_entry(int(text.removeprefix(CORRECT_LINK)))

    def change_status(self) -> QWidget:
        from desktop.ui.concerns.status_dialog import StatusDialog

        dialog = StatusDialog(self.session, self.code, parent=self)
        dialog.open()
        return dialog

    def edit_details(self) -> QWidget:
        from desktop.ui.concerns.new_case import CaseDetailsDialog

        assert self.detail is not None
        dialog = CaseDetailsDialog(self.session, row=self.detail.row, parent=self)
        dialog.open()
        return dialog
