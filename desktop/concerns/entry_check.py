"""The check before an entry is saved: personal data anywhere, interpretation among facts.

:func:`review` runs :func:`desktop.concerns.privacy.check` on each free-text field of an entry;
the facts field is also checked for words of interpretation. The form highlights what was
found and offers "Aanpassen" (edit) or "Toch opslaan" (save anyway).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from desktop.i18n import N_, _

FIELD_LABELS = {
    "facts": N_("Wat je zag of hoorde"),
    "pupil_words": N_("Woorden van de leerling"),
    "interpretation": N_("Interpretatie"),
    "who": N_("Wie zag of hoorde het"),
    "reason": N_("Reden van de correctie"),
    "step_who": N_("Wie (rol)"),
    "note": N_("Notitie"),
    "consulted": N_("Met wie overlegd"),
    "status_reason": N_("Reden van de statuswijziging"),
    "conflict_why": N_("Waarom delen de enige manier is"),
    "conflict_efforts": N_("Wat is gedaan om toestemming te krijgen"),
    "told_explanation": N_("Waarom niet ingelicht"),
}


def findings_text(findings: list[FieldFinding]) -> str:
    """What the check found, as the forms show it above "Toch opslaan"."""
    return "\n".join(
        [_("Controleer dit voor je opslaat:"), *("• " + f.describe() for f in findings)]
    )


@dataclass(frozen=True)
class FieldFinding:
    field: str  # a key of FIELD_LABELS
    kind: str  # a FindingKind value
    start: int
    end: int
    text: str  # the words found (shown in the form; never logged)

    def describe(self) -> str:
        from desktop.concerns import privacy

        return _("{field}: “{text}” – {label}. {hint}").format(
            field=_(FIELD_LABELS[self.field]),
            text=self.text,
            label=privacy.kind_label(privacy.FindingKind(self.kind)),
            hint=privacy.kind_hint(privacy.FindingKind(self.kind)),
        )


def review(fields: Mapping[str, str], *, observed: bool = True) -> list[FieldFinding]:
    """Findings in every field, in the order of the form.

    ``observed``: the facts are what was seen or heard (an observation, a conversation), so
    words of interpretation among them get a hint too. A decision's or a note's text weighs
    and concludes by nature ("het vermoeden is niet bevestigd"): only personal data is found.
    """
    from desktop.concerns import privacy

    found: list[FieldFinding] = []
    for name in FIELD_LABELS:
        text = fields.get(name, "")
        if not text:
            continue
        for finding in privacy.check(text, facts=observed and name == "facts"):
            found.append(
                FieldFinding(
                    name,
                    finding.kind.value,
                    finding.start,
                    finding.end,
                    text[finding.start : finding.end],
                )
            )
    return found
