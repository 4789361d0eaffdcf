"""Signalenkaart: the signals of exploitation, to look up, tick and print.

Signals are grouped by form and category; a search box and two filters narrow the list. The
ticked signals can start a new concern. The card's content loads when the page is first shown,
not at start-up.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QTreeWidgetItem,
    QWidget,
)

from desktop import i18n
from desktop.i18n import _, ngettext
from desktop.signal_browser import SignalFilter, SignalSelection, grouped
from desktop.ui.pages.base import Page
from desktop.ui.pages.signal_tree import SignalTree
from desktop.ui.widgets import named

if TYPE_CHECKING:  # the card's content (pydantic, YAML) loads when the page is first shown
    from toolkit.signal_card import SignalCard

FORM_COLOURS = {"sexual": "#b5446e", "criminal": "#2a6f97", "labour": "#4f7a3a", "any": "#5a6270"}
ID_ROLE = Qt.ItemDataRole.UserRole


class SignalCardPage(Page):
    """The in-app signal card."""

    concern_requested = Signal(list)  # ticked signal ids
    print_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card: SignalCard | None = None
        self.selection: SignalSelection | None = None
        self.filter = SignalFilter()
        self._updating = False

        self.search = named(QLineEdit(), "signalSearch")
        self.search.setClearButtonEnabled(True)
        self.form_filter = named(QComboBox(), "formFilter")
        self.category_filter = named(QComboBox(), "categoryFilter")
        self.clear_button = named(QPushButton(), "clearTicks")
        self.count = named(QLabel(), "tickCount")
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.form_filter, 2)
        filters.addWidget(self.category_filter, 2)
        self.body.addLayout(filters)
        self.load_error = named(QLabel(wordWrap=True), "loadError")
        self.load_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.load_error.hide()
        self.body.addWidget(self.load_error)

        self.tree = named(SignalTree(), "signalTree")
        self.tree.itemChanged.connect(self._item_changed)
        self.tree.currentItemChanged.connect(self._show_explanation)
        self.tabs = named(QTabWidget(), "cardTabs")
        self.tabs.setMinimumWidth(380)
        self.explanation = QTextBrowser()
        self.rules = QTextBrowser()
        self.meldcode = QTextBrowser()
        self.help_lines = QTextBrowser()
        for browser in (self.explanation, self.rules, self.meldcode, self.help_lines):
            browser.setOpenLinks(False)
            self.tabs.addTab(browser, "")
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 2)
        self.body.addWidget(splitter, 1)

        self.new_concern = named(QPushButton(), "newConcern")
        self.print_button = named(QPushButton(), "printCard")
        actions = QHBoxLayout()
        actions.addWidget(self.count)
        actions.addWidget(self.clear_button)
        actions.addStretch(1)
        actions.addWidget(self.print_button)
        actions.addWidget(self.new_concern)
        self.body.addLayout(actions)

        self.search.textChanged.connect(self._filter_changed)
        self.form_filter.currentIndexChanged.connect(self._filter_changed)
        self.category_filter.currentIndexChanged.connect(self._filter_changed)
        self.clear_button.clicked.connect(self.clear_ticks)
        self.new_concern.clicked.connect(self._request_concern)
        self.print_button.clicked.connect(self.print_requested)
        self.retranslate()

    # ---------------------------------------------------------------- loading
    def showEvent(self, event: QShowEvent) -> None:
        self.ensure_loaded()
        super().showEvent(event)

    def ensure_loaded(self) -> None:
        if self.card is None or self.card.language != i18n.current_language():
            self._load(i18n.current_language())

    def _load(self, language: str) -> None:
        from lessons.datafile import ContentError
        from toolkit.signal_card import load_signal_card

        try:
            card = load_signal_card(language)
        except ContentError as err:  # an edited content file: say where, keep the app running
            self._show_load_error([str(p) for p in err.problems])
            return
        self.load_error.hide()
        self._enable_card_controls(True)
        self.card = card
        if self.selection is None:
            self.selection = SignalSelection(self.card)
        else:
            self.selection.use_card(self.card)
        self._fill_filters()
        self._fill_tree()
        self._fill_tabs()
        self._update_count()

    def _show_load_error(self, problems: list[str]) -> None:
        from html import escape

        self.load_error.setText(
            "<b>"
            + escape(_("De signalenkaart kan niet worden geladen. Herstel het bestand:"))
            + "</b><ul>"
            + "".join(f"<li>{escape(p)}</li>" for p in problems[:10])
            + "</ul>"
        )
        self.load_error.show()
        self.tree.clear()
        self._enable_card_controls(False)
        self.new_concern.setEnabled(False)  # _update_count enables it again for ticks

    def _enable_card_controls(self, enabled: bool) -> None:
        for widget in (
            self.search, self.form_filter, self.category_filter, self.tree, self.print_button,
        ):  # fmt: skip
            widget.setEnabled(enabled)

    # ---------------------------------------------------------------- texts
    def title(self) -> str:
        return _("Signalenkaart")

    def retranslate(self) -> None:
        self.heading.setText(_("Signalenkaart"))
        self.intro.setText(
            _(
                "Signalen die kunnen wijzen op uitbuiting van een leerling. Eén signaal bewijst "
                "niets: let op meerdere signalen, over tijd, en schrijf feiten los van je "
                "interpretatie op."
            )
        )
        self.search.setPlaceholderText(_("Zoek een signaal, bijvoorbeeld ‘telefoon’"))
        self.clear_button.setText(_("Alles uitvinken"))
        self.new_concern.setText(_("Nieuwe zorgmelding met deze signalen"))
        self.print_button.setText(_("Afdrukken…"))
        for index, name in enumerate(
            (_("Toelichting"), _("Let op"), _("Meldcode"), _("Hulplijnen"))
        ):
            self.tabs.setTabText(index, name)
        shown = self.card is not None or not self.load_error.isHidden()  # a card, or its error
        if shown and self.isVisible():
            self._load(i18n.current_language())
        elif self.card is not None:
            self.card = None  # reload in the new language when shown
        self._update_count()

    def _fill_filters(self) -> None:
        assert self.card is not None
        for combo, all_label, keys, labels in (
            (
                self.form_filter,
                _("Alle vormen"),
                [f for f in self.card.forms if f != "any"],
                self.card.forms,
            ),
            (
                self.category_filter,
                _("Alle categorieën"),
                list(self.card.categories),
                self.card.categories,
            ),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(all_label, None)
            for key in keys:
                combo.addItem(labels[key], key)  # type: ignore[index]
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    # ---------------------------------------------------------------- tree
    def _fill_tree(self) -> None:
        assert self.card is not None
        assert self.selection is not None
        self._updating = True
        self.tree.clear()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.1)
        small = QFont(self.tree.font())
        small.setPointSizeF(small.pointSizeF() * 0.85)
        for form, signals in grouped(self.card.signals, self.card):
            form_item = QTreeWidgetItem(self.tree, [self.card.forms[form]])
            form_item.setFont(0, bold)
            form_item.setForeground(0, QBrush(QColor(FORM_COLOURS[form])))
            form_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for category in self.card.categories:
                members = [s for s in signals if s.category == category]
                if not members:
                    continue
                category_item = QTreeWidgetItem(form_item, [self.card.categories[category].upper()])
                category_item.setFont(0, small)
                category_item.setForeground(0, QBrush(QColor("#5a6270")))
                category_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                for signal in members:
                    item = QTreeWidgetItem(category_item, [signal.text])
                    item.setData(0, ID_ROLE, signal.id)
                    item.setFlags(
                        Qt.ItemFlag.ItemIsEnabled
                        | Qt.ItemFlag.ItemIsSelectable
                        | Qt.ItemFlag.ItemIsUserCheckable
                    )
                    ticked = signal.id in self.selection.ticked
                    item.setCheckState(
                        0, Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
                    )
                    item.setToolTip(0, _tooltip(signal.text, signal.explanation))
        self.tree.expandAll()
        self._updating = False
        self._apply_filter()

    def signal_items(self) -> list[QTreeWidgetItem]:
        return [
            item
            for form_item in _children(self.tree.invisibleRootItem())
            for category_item in _children(form_item)
            for item in _children(category_item)
        ]

    def visible_signal_ids(self) -> list[str]:
        return [i.data(0, ID_ROLE) for i in self.signal_items() if not i.isHidden()]

    def _filter_changed(self) -> None:
        self.filter = SignalFilter(
            query=self.search.text(),
            form=self.form_filter.currentData(),
            category=self.category_filter.currentData(),
        )
        self._apply_filter()

    def _apply_filter(self) -> None:
        card = self.card
        if card is None:
            return
        for form_item in _children(self.tree.invisibleRootItem()):
            form_visible = False
            for category_item in _children(form_item):
                category_visible = False
                for item in _children(category_item):
                    shown = self.filter.matches(card.signal(item.data(0, ID_ROLE)))
                    item.setHidden(not shown)
                    category_visible |= shown
                category_item.setHidden(not category_visible)
                form_visible |= category_visible
            form_item.setHidden(not form_visible)

    # ---------------------------------------------------------------- ticks
    def set_ticked(self, signal_id: str, on: bool) -> None:
        """Tick or untick a signal everywhere it appears (a signal can have two forms)."""
        assert self.selection is not None
        self.selection.set_ticked(signal_id, on)
        self._updating = True
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        for item in self.signal_items():
            if item.data(0, ID_ROLE) == signal_id:
                item.setCheckState(0, state)
        self._updating = False
        self._update_count()

    def ticked_ids(self) -> list[str]:
        return self.selection.ids() if self.selection else []

    def clear_ticks(self) -> None:
        for signal_id in self.ticked_ids():
            self.set_ticked(signal_id, False)

    def _item_changed(self, item: QTreeWidgetItem, _column: int) -> None:
        signal_id = item.data(0, ID_ROLE)
        if self._updating or not signal_id:
            return
        self.set_ticked(signal_id, item.checkState(0) == Qt.CheckState.Checked)

    def _update_count(self) -> None:
        n = len(self.ticked_ids())
        self.count.setText(
            ngettext("{n} signaal aangevinkt", "{n} signalen aangevinkt", n).format(n=n)
        )
        self.new_concern.setEnabled(n > 0)
        self.clear_button.setEnabled(n > 0)

    def _request_concern(self) -> None:
        self.concern_requested.emit(self.ticked_ids())

    # ---------------------------------------------------------------- side panel
    def _show_explanation(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        if self.card is None or item is None or not item.data(0, ID_ROLE):
            hint = escape(_("Kies een signaal om de toelichting te zien."))
            self.explanation.setHtml(f"<p style='color:#5a6270'>{hint}</p>")
            return
        signal = self.card.signal(item.data(0, ID_ROLE))
        forms = ", ".join(self.card.forms[f] for f in signal.forms)
        html = f"<h3>{escape(signal.text)}</h3>"
        if signal.explanation:
            html += f"<p>{escape(signal.explanation)}</p>"
        form_label, category_label = _("Vorm"), _("Categorie")
        category = self.card.categories[signal.category]
        html += (
            f"<p style='color:#5a6270'>{escape(form_label)}: {escape(forms)}<br>"
            f"{escape(category_label)}: {escape(category)}</p>"
        )
        self.explanation.setHtml(html)
        self.tabs.setCurrentWidget(self.explanation)

    def _fill_tabs(self) -> None:
        assert self.card is not None
        card = self.card
        self._show_explanation(None)
        rules = "".join(f"<li>{escape(r.text)}</li>" for r in card.rules)
        disclosure = "".join(f"<li>{escape(s)}</li>" for s in card.labels.disclosure_steps)
        self.rules.setHtml(
            f"<h3>{escape(card.labels.rules_heading)}</h3><ul>{rules}</ul>"
            f"<h3>{escape(card.labels.disclosure_heading)}</h3><ul>{disclosure}</ul>"
        )
        steps = "".join(
            f"<li><b>{escape(s.title)}</b><br>{escape(s.text)}</li>" for s in card.meldcode_steps
        )
        questions = "".join(f"<li>{escape(q.question)}</li>" for q in card.afwegingskader)
        framework = _("Afwegingskader")
        self.meldcode.setHtml(
            f"<h3>{escape(card.labels.meldcode_heading)}</h3><ol>{steps}</ol>"
            f"<h3>{escape(framework)}</h3><ol>{questions}</ol>"
        )
        lines = "".join(
            f"<p><b>{escape(h.name)}</b> &nbsp; {escape(h.contact)}"
            + (f" <span style='color:#5a6270'>({escape(h.hours)})</span>" if h.hours else "")
            + f"<br><span style='color:#5a6270'>{escape(h.for_)}</span></p>"
            for h in card.help_lines
        )
        self.help_lines.setHtml(f"<h3>{escape(card.labels.help_heading)}</h3>{lines}")


def _tooltip(text: str, explanation: str | None) -> str:
    """The whole signal (the list may wrap it), with its explanation: rich text, so it wraps."""
    tip = f"<p><b>{escape(text, quote=False)}</b></p>"
    return tip + (f"<p>{escape(explanation, quote=False)}</p>" if explanation else "")


def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    found = (item.child(i) for i in range(item.childCount()))
    return [child for child in found if child is not None]
