"""The fixed words of the referral letter (verwijsbrief), a small table per language.

The section headings follow shared/domain.md section 4, items 3 to 11, keyed by
``toolkit.referral_letter.SECTION_KEYS``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LetterLabels:
    """Every fixed word of the printed letter, in one language. ``{…}`` are filled in."""

    title: str  # the PDF's title (metadata): generic, never the case
    file_name: str  # "{code}"
    confidential: str
    page: str  # "{page}", "{pages}"
    audit: str  # "{head}": the vault's audit head when the letter was made
    date: str
    reference: str
    reference_value: str  # "{code}"
    subject: str  # "{code}"
    running_head: str  # "{code}": pages after the first
    salutation_named: str  # "{name}"
    salutation_unnamed: str
    opening: str
    headings: dict[str, str]
    by: str  # "{kind} by {who}": who saw or heard it
    pupil_said: str
    interpretation: str
    signals: str
    closing: str
    phone: str
    email: str


LABELS: dict[str, LetterLabels] = {
    "nl": LetterLabels(
        title="Verwijsbrief",
        file_name="verwijsbrief-{code}.pdf",
        confidential="Vertrouwelijk",
        page="pagina {page} van {pages}",
        audit="Kluisstand bij het maken: {head}",
        date="Datum",
        reference="Ons kenmerk",
        reference_value="melding {code}",
        subject="Betreft: verwijzing, melding {code}",
        running_head="Verwijzing, melding {code}",
        salutation_named="Geachte {name},",
        salutation_unnamed="Geachte heer, mevrouw,",
        opening=(
            "Met deze brief verwijzen wij een leerling van onze school naar u. Hieronder staan "
            "de gegevens die voor de verwijzing nodig zijn."
        ),
        headings={
            "reason": "Aanleiding en vermoedelijke vorm van uitbuiting",
            "pupil": "Gegevens van de leerling",
            "signals": "Waargenomen signalen",
            "meldcode": "Gezette stappen van de meldcode",
            "safety": "Inschatting van de veiligheid",
            "basis": "Wat de leerling en ouders weten, en de grondslag voor het delen",
            "request": "Hulpvraag",
            "involved": "Betrokken professionals en veiligheidsafspraken",
            "contact": "Contactpersoon en vervolg",
        },
        by="door",
        pupil_said="De leerling zei:",
        interpretation="Interpretatie (niet als feit)",
        signals="Signalen",
        closing="Met vriendelijke groet,",
        phone="Telefoon",
        email="E-mail",
    ),
    "en": LetterLabels(
        title="Referral letter",
        file_name="referral-letter-{code}.pdf",
        confidential="Confidential",
        page="page {page} of {pages}",
        audit="Vault state when made: {head}",
        date="Date",
        reference="Our reference",
        reference_value="case {code}",
        subject="Re: referral, case {code}",
        running_head="Referral, case {code}",
        salutation_named="Dear {name},",
        salutation_unnamed="Dear Sir or Madam,",
        opening=(
            "With this letter we refer a pupil of our school to you. Below is the information "
            "the referral needs."
        ),
        headings={
            "reason": "Reason and suspected form of exploitation",
            "pupil": "About the pupil",
            "signals": "Signals observed",
            "meldcode": "Steps of the reporting code taken",
            "safety": "Assessment of safety",
            "basis": "What the pupil and parents know, and the basis for sharing",
            "request": "Request for help",
            "involved": "Professionals involved and safety arrangements",
            "contact": "Contact person and follow-up",
        },
        by="by",
        pupil_said="The pupil said:",
        interpretation="Interpretation (not a fact)",
        signals="Signals",
        closing="Kind regards,",
        phone="Phone",
        email="E-mail",
    ),
}


def labels_for(language: str) -> LetterLabels:
    if language not in LABELS:
        raise ValueError(f"no labels in {language!r}; choose one of {', '.join(LABELS)}")
    return LABELS[language]
