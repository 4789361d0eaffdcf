from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics, QTextDocumentFragment
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from desktop.language import apply_language
from desktop.ui.app import Built
from desktop.ui.pages.signal_card import SignalCardPage


def open_page(built: Built) -> SignalCardPage:
    page = built.window.signal_card_page
    built.window.show_page(page)
    assert page.card is not None
    return page


def test_content_loads_when_first_shown(built: Built) -> None:
    page = built.window.signal_card_page
    assert page.card is None  # not at start-up
    page = open_page(built)
    assert len(page.signal_items()) >= 40
    assert page.count.text() == "0 signalen aangevinkt"
    assert not page.new_concern.isEnabled()


def test_search_ignores_case_and_accents(built: Built, qtbot: QtBot) -> None:
    page = open_page(built)
    qtbot.keyClicks(page.search, "TELEFOON")
    visible = page.visible_signal_ids()
    assert "several-phones" in visible
    assert "phone-contract-for-others" in visible
    assert "name-tattoo" not in visible
    page.search.setText("coordinator")  # finds "zorgcoördinator" in an explanation
    assert page.visible_signal_ids() == ["self-harm"]
    page.search.setText("xylofoon")  # nothing found: an empty list, no crash
    assert page.visible_signal_ids() == []
    page.search.clear()
    assert len(page.visible_signal_ids()) == len(page.signal_items())


def test_filters_by_form_and_category(built: Built) -> None:
    page = open_page(built)
    assert page.card is not None
    page.form_filter.setCurrentIndex(page.form_filter.findData("criminal"))
    visible = set(page.visible_signal_ids())
    assert "lots-of-cash" in visible
    assert "name-tattoo" not in visible
    assert "mood-swings" in visible  # signals of any form stay
    page.category_filter.setCurrentIndex(page.category_filter.findData("online"))
    visible = set(page.visible_signal_ids())
    assert visible
    assert all(page.card.signal(i).category == "online" for i in visible)
    page.form_filter.setCurrentIndex(0)
    page.category_filter.setCurrentIndex(0)
    assert len(page.visible_signal_ids()) == len(page.signal_items())


def test_ticks_follow_a_signal_everywhere_and_start_a_concern(built: Built, qtbot: QtBot) -> None:
    page = open_page(built)
    items = [
        i for i in page.signal_items() if i.data(0, Qt.ItemDataRole.UserRole) == "recruits-peers"
    ]
    assert len(items) == 2  # sexual and criminal
    items[0].setCheckState(0, Qt.CheckState.Checked)
    assert items[1].checkState(0) == Qt.CheckState.Checked
    page.set_ticked("several-phones", True)
    assert page.count.text() == "2 signalen aangevinkt"
    assert page.new_concern.isEnabled()
    with qtbot.waitSignal(page.concern_requested) as blocker:
        page.new_concern.click()
    assert blocker.args == [["several-phones", "recruits-peers"]]
    assert built.window.current_page() is built.window.concerns_page, "to the concern log"
    assert built.window.handoff.pending == ("several-phones", "recruits-peers")
    built.window.show_page(page)
    page.clear_button.click()
    assert page.ticked_ids() == []
    assert items[1].checkState(0) == Qt.CheckState.Unchecked


def test_language_switch_keeps_ticks(built: Built, qtbot: QtBot) -> None:
    page = open_page(built)
    page.set_ticked("sextortion", True)
    apply_language("en")  # Qt posts the LanguageChange event to each window
    qtbot.waitUntil(lambda: page.card is not None and page.card.language == "en")
    assert page.ticked_ids() == ["sextortion"]
    assert page.count.text() == "1 signal ticked"
    texts = [i.text(0) for i in page.signal_items()]
    assert any("phone" in t for t in texts)


def test_explanation_panel(built: Built) -> None:
    page = open_page(built)
    item = next(
        i for i in page.signal_items() if i.data(0, Qt.ItemDataRole.UserRole) == "name-tattoo"
    )
    page.tree.setCurrentItem(item)
    assert "tatoeage" in page.explanation.toPlainText()
    assert "0800-2000" in page.help_lines.toPlainText()
    assert "Collegiale consultatie" in page.meldcode.toPlainText()


def shown_whole(page: SignalCardPage, item: QTreeWidgetItem) -> bool:
    """Whether the list draws the whole text of ``item`` in its row (the rect the style draws
    the text in, wrapped at words, as the view does)."""
    tree = page.tree
    index = tree.indexFromItem(item)
    option = QStyleOptionViewItem()
    tree.itemDelegate().initStyleOption(option, index)  # type: ignore[attr-defined]
    option.rect = tree.visualRect(index)
    option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
    rect = tree.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, tree)
    margin = tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tree) + 1
    needed = QFontMetrics(option.font).boundingRect(
        QRect(0, 0, rect.width() - 2 * margin, 10_000), Qt.TextFlag.TextWordWrap, item.text(0)
    )
    return needed.height() <= rect.height()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_long_signals_are_whole_or_marked_at_1024(
    built: Built, qtbot: QtBot, language: str
) -> None:
    apply_language(language)
    page = open_page(built)
    qtbot.waitUntil(lambda: page.card is not None and page.card.language == language)
    built.window.resize(1366, 768)
    qtbot.wait(50)
    built.window.resize(1024, 768)  # narrower after it was laid out wide: measured again
    qtbot.wait(50)
    assert page.tree.textElideMode() == Qt.TextElideMode.ElideRight  # should one not fit: "…"
    longest = sorted(page.signal_items(), key=lambda i: -len(i.text(0)))[:8]
    font = QFontMetrics(page.tree.font())
    assert font.horizontalAdvance(longest[0].text(0)) > page.tree.columnWidth(0), "wraps here"
    for item in longest:
        text = item.text(0)
        assert shown_whole(page, item), text
        tip = QTextDocumentFragment.fromHtml(item.data(0, Qt.ItemDataRole.ToolTipRole))
        assert text in tip.toPlainText()
        page.tree.setCurrentItem(item)
        assert text in page.explanation.toPlainText()  # the detail pane: whole


def test_print_dialog_previews_saves_and_prints(built: Built, qtbot: QtBot, tmp_path: Path) -> None:
    built.profile.save({"coordinator_name": "Anna de Vries", "school_name": "De Linde"})
    dialog = built.window.open_signal_card_printing()
    qtbot.addWidget(dialog)
    assert len(dialog.document) == 2
    assert not dialog.paper.isVisible()
    dialog.format.setCurrentIndex(dialog.format.findData("poster"))
    dialog.paper.setCurrentIndex(dialog.paper.findData("a3"))
    assert dialog.paper.isVisible()
    assert len(dialog.document) == 1
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "poster.pdf"
    assert dialog.save_to(target)
    assert "Anna de Vries" in PdfReader(target).pages[0].extract_text()
    assert [p.name for p in folder.iterdir()] == ["poster.pdf"]

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    dialog.format.setCurrentIndex(dialog.format.findData("pocket"))
    assert dialog.print_to(printer).wait() == 2
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == 2
    dialog.close()


def test_print_dialog_save_failure_keeps_dialog_open(
    built: Built, qtbot: QtBot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    dialog = built.window.open_signal_card_printing()
    qtbot.addWidget(dialog)
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert not dialog.save_to(blocker / "card.pdf")
    assert warnings
    assert "niet worden opgeslagen" in warnings[0]
    dialog.close()


def test_a_broken_card_file_is_shown_with_its_place(
    built: Built, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lessons.datafile import ContentError, Problem
    from toolkit import signal_card

    def broken(language: str) -> object:
        raise ContentError([Problem("signalcard.nl.yaml", 28, "signals[1].forms[0]", "onbekend")])

    monkeypatch.setattr(signal_card, "load_signal_card", broken)
    page = built.window.signal_card_page
    built.window.show_page(page)
    assert page.load_error.isVisible()
    assert "signalcard.nl.yaml, regel 28, signals[1].forms[0]: onbekend" in page.load_error.text()
    assert not page.print_button.isEnabled()
    assert not page.new_concern.isEnabled()
    assert built.window.isVisible()


def test_the_load_error_follows_a_language_switch(
    built: Built, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lessons.datafile import ContentError, Problem
    from toolkit import signal_card

    def broken(language: str) -> object:
        raise ContentError([Problem("signalcard.nl.yaml", 28, "signals[1]", "onbekend")])

    monkeypatch.setattr(signal_card, "load_signal_card", broken)
    page = built.window.signal_card_page
    built.window.show_page(page)
    apply_language("en")
    try:
        qtbot.waitUntil(lambda: "cannot be loaded" in page.load_error.text(), timeout=2000)
    finally:
        apply_language("nl")
