"""The fixed words of the vault's audit log on paper, a small table per language."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AuditLabels:
    """Every fixed word of the printed audit log, in one language."""

    title: str
    intro: str
    confidential: str
    page: str
    school: str
    vault_made: str
    printed_on: str
    events: str
    selection: str
    chain_heading: str
    column_seq: str
    column_when: str
    column_what: str
    column_case: str
    column_details: str
    no_events: str


LABELS: dict[str, AuditLabels] = {
    "nl": AuditLabels(
        title="Auditlog van de kluis",
        intro=(
            "Elke opening, wijziging, export, afdruk, reservekopie en verwijdering in de kluis "
            "van Schoolsignaal, in de volgorde waarin ze gebeurden. De auditlog bevat geen tekst "
            "uit meldingen: alleen soorten, codes van meldingen, aantallen en tijden."
        ),
        confidential="Vertrouwelijk",
        page="pagina {page} van {pages}",
        school="School",
        vault_made="Kluis aangemaakt",
        printed_on="Afgedrukt op",
        events="Regels",
        selection="Selectie",
        chain_heading="Controle van de auditlog",
        column_seq="Nr.",
        column_when="Tijdstip",
        column_what="Gebeurtenis",
        column_case="Melding",
        column_details="Toelichting",
        no_events="Er staan geen regels in deze selectie.",
    ),
    "en": AuditLabels(
        title="Audit log of the vault",
        intro=(
            "Every unlock, change, export, print, backup and deletion in the Schoolsignaal "
            "vault, in the order they happened. The audit log holds no text from cases: only "
            "kinds, case codes, counts and times."
        ),
        confidential="Confidential",
        page="page {page} of {pages}",
        school="School",
        vault_made="Vault created",
        printed_on="Printed on",
        events="Lines",
        selection="Selection",
        chain_heading="Check of the audit log",
        column_seq="No.",
        column_when="Time",
        column_what="Event",
        column_case="Case",
        column_details="Details",
        no_events="There are no lines in this selection.",
    ),
}


def labels_for(language: str) -> AuditLabels:
    if language not in LABELS:
        raise ValueError(f"no labels in {language!r}; choose one of {', '.join(LABELS)}")
    return LABELS[language]
