"""The catalogue of printable documents: what exists, and how to make a sample of each."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class DocumentSpec:
    """A printable document kind. ``write_samples`` writes one of each of its formats (Dutch)
    into a folder and returns the files."""

    key: str
    write_samples: Callable[[Path], list[Path]]


def _signal_cards(folder: Path) -> list[Path]:
    from toolkit.signal_card_documents import write_samples

    return write_samples(folder)


def _lesson_plans(folder: Path) -> list[Path]:
    from toolkit.lesson_plan import write_samples

    return write_samples(folder)


def _referral_letters(folder: Path) -> list[Path]:
    from toolkit.referral_letter import write_samples

    return write_samples(folder)


def _observation_forms(folder: Path) -> list[Path]:
    from toolkit.observation_form import write_samples

    return write_samples(folder)


def _contacts_sheets(folder: Path) -> list[Path]:
    from toolkit.contacts_sheet import write_samples

    return write_samples(folder)


DOCUMENTS: list[DocumentSpec] = [
    DocumentSpec("signal-card", _signal_cards),
    DocumentSpec("lesson-plan", _lesson_plans),
    DocumentSpec("referral-letter", _referral_letters),
    DocumentSpec("observation-form", _observation_forms),
    DocumentSpec("contacts-sheet", _contacts_sheets),
]
