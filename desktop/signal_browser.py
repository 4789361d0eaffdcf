"""Looking up signals on the signal card: search, filters and the ticked set.

The Signalenkaart page shows what this decides; the rules live here so they can be tested
without a window.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only types: the card itself is loaded by whoever shows it
    from toolkit.signal_card import Category, Form, Signal, SignalCard


def fold(text: str) -> str:
    """Lower case without accents, so that 'coordinator' finds 'coördinator'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass
class SignalFilter:
    query: str = ""
    form: Form | None = None
    category: Category | None = None

    def matches(self, signal: Signal) -> bool:
        if self.form is not None and self.form not in signal.forms and "any" not in signal.forms:
            return False
        if self.category is not None and signal.category != self.category:
            return False
        words = fold(self.query).split()
        haystack = fold(f"{signal.text} {signal.explanation or ''}")
        return all(word in haystack for word in words)


@dataclass
class SignalSelection:
    """The ids the user ticked, in the order of the card."""

    card: SignalCard
    ticked: set[str] = field(default_factory=set)

    def set_ticked(self, signal_id: str, on: bool) -> None:
        self.card.signal(signal_id)  # unknown ids are a programming error: KeyError
        if on:
            self.ticked.add(signal_id)
        else:
            self.ticked.discard(signal_id)

    def clear(self) -> None:
        self.ticked.clear()

    def ids(self) -> list[str]:
        return [s.id for s in self.card.signals if s.id in self.ticked]

    def visible(self, signal_filter: SignalFilter) -> list[Signal]:
        return [s for s in self.card.signals if signal_filter.matches(s)]

    def use_card(self, card: SignalCard) -> None:
        """Switch language: the same ids stay ticked."""
        known = {s.id for s in card.signals}
        self.card = card
        self.ticked &= known


def grouped(signals: Iterable[Signal], card: SignalCard) -> list[tuple[Form, list[Signal]]]:
    """Signals by form (a signal of 'any' form under its own heading), in the card's order."""
    chosen = list(signals)
    groups: list[tuple[Form, list[Signal]]] = []
    for form in card.forms:
        members = [s for s in chosen if form in s.forms]
        if members:
            groups.append((form, members))
    return groups
