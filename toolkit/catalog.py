"""The catalogue of printable documents: what exists, and how to make a sample of each."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class DocumentSpec:
    """A printable document kind, made by ``module`` (imported when first needed: reportlab
    stays out of start-up), whose ``write_samples(folder)`` writes one of each of its formats
    (Dutch) into a folder and returns the files."""

    key: str
    module: str

    def write_samples(self, folder: Path) -> list[Path]:
        samples: list[Path] = importlib.import_module(self.module).write_samples(folder)
        return samples


DOCUMENTS: list[DocumentSpec] = [
    DocumentSpec("signal-card", "toolkit.signal_card_documents"),
    DocumentSpec("lesson-plan", "toolkit.lesson_plan"),
    DocumentSpec("referral-letter", "toolkit.referral_letter"),
    DocumentSpec("observation-form", "toolkit.observation_form"),
    DocumentSpec("key-messages", "toolkit.key_messages"),
    DocumentSpec("guide", "toolkit.guide_document"),
    DocumentSpec("prevention-report", "toolkit.prevention_report"),
    DocumentSpec("parent-letter", "toolkit.parent_letter"),
    DocumentSpec("contacts-sheet", "toolkit.contacts_sheet"),
]
