"""The signal card's printed formats, by name: what the command line, the app and the smoke
test ask for."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal

from toolkit import pocket_card, trifold
from toolkit.help_poster import PAPERS, build_poster
from toolkit.pocket_card import build_pocket_card
from toolkit.school_contact import SchoolContact
from toolkit.signal_card import SignalCard, load_signal_card
from toolkit.trifold import build_trifold

FORMATS = ("trifold", "pocket", "poster")
# How each format prints double-sided: the tri-fold (landscape) flips on the short edge, the
# pocket card sheet (portrait) on the long edge; the poster is one-sided.
DUPLEX: dict[str, Literal["short", "long"] | None] = {
    "trifold": trifold.DUPLEX,
    "pocket": pocket_card.DUPLEX,
    "poster": None,
}


def duplex_for(fmt: str) -> Literal["short", "long"] | None:
    """Which edge a double-sided print of ``fmt`` flips on ("short", "long"), or ``None`` for
    one-sided: what the print dialog tells the user, as the sheet and the PDF itself do."""
    if fmt not in DUPLEX:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return DUPLEX[fmt]


def build_signal_card(
    language: str,
    fmt: str,
    *,
    paper: str = "a4",
    contact: SchoolContact | None = None,
    card: SignalCard | None = None,
) -> bytes:
    """One printed format of the signal card, as PDF bytes."""
    card = card or load_signal_card(language)
    builders: dict[str, Callable[[], bytes]] = {
        "trifold": lambda: build_trifold(card, contact),
        "pocket": lambda: build_pocket_card(card, contact),
        "poster": lambda: build_poster(card, contact, paper),
    }
    if fmt not in builders:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if paper not in PAPERS:
        raise ValueError(f"unknown paper {paper!r}; choose one of {', '.join(PAPERS)}")
    return builders[fmt]()


def file_name(language: str, fmt: str, paper: str = "a4") -> str:
    suffix = f"-{paper}" if fmt == "poster" else ""
    return f"signalenkaart-{fmt}{suffix}-{language}.pdf"


def write_samples(folder: Path) -> list[Path]:
    """One of each format (Dutch) into ``folder``, for the smoke test."""
    from toolkit.pdf import save

    return [save(build_signal_card("nl", fmt), folder / file_name("nl", fmt)) for fmt in FORMATS]
