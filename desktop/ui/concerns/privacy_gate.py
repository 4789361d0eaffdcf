"""The privacy check for the short fields outside the entry form: a step's note and who,
the afwegingskader's consulted and note, a status change's reason.

The first save shows what was found; saving the same text again saves it anyway (the
coordinator has seen the warning), as the entry form's "Toch opslaan" does.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from desktop.concerns.entry_check import findings_text, review
from desktop.i18n import _


class PrivacyGate:
    def __init__(self, say: QLabel) -> None:
        self.say = say
        self._warned: dict[str, str] | None = None

    def allows(self, fields: dict[str, str]) -> bool:
        """True if ``fields`` hold nothing that looks like personal data, or the same text
        was already shown with its warning."""
        findings = review(fields, observed=False)
        if not findings or fields == self._warned:
            self._warned = None
            return True
        self._warned = dict(fields)
        self.say.setText(
            findings_text(findings)
            + "\n"
            + _("Pas de tekst aan, of sla nog een keer op om het toch zo te bewaren.")
        )
        return False
