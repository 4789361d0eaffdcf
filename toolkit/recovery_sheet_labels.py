"""The fixed words of the recovery sheet (herstelsleutel), a small table per language."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SheetLabels:
    """Every fixed word on the recovery sheet, in one language."""

    title: str
    confidential: str
    school: str
    made_on: str
    key_heading: str
    key_hint: str
    what_heading: str
    what: tuple[str, ...]
    warning: str
    keep_heading: str
    keep: tuple[str, ...]
    record_heading: str
    kept_where: str
    may_use: str
    signed: str
    footer: str
    file_name: str


LABELS: dict[str, SheetLabels] = {
    "nl": SheetLabels(
        title="Herstelsleutel voor de kluis van Schoolsignaal",
        confidential="Vertrouwelijk. Bewaar dit blad achter slot en grendel.",
        school="School",
        made_on="Gemaakt op",
        key_heading="De herstelsleutel",
        key_hint=(
            "Tien groepjes van vijf tekens: cijfers en hoofdletters. De letters I, L, O en U "
            "komen er niet in voor, dus 0 is altijd nul en 1 altijd één. Overtypen mag met of "
            "zonder streepjes en spaties."
        ),
        what_heading="Wat doet deze sleutel?",
        what=(
            "Met deze sleutel gaat de kluis van Schoolsignaal open als het wachtwoord kwijt is. "
            "Daarna kies je in Schoolsignaal een nieuw wachtwoord.",
            "Schoolsignaal bewaart de sleutel nergens leesbaar. Raakt dit blad kwijt en is "
            "het wachtwoord ook vergeten, dan kan niemand de kluis meer openen.",
        ),
        warning=(
            "Wie deze sleutel heeft, kan elke casus in de kluis lezen. Ga er net zo zorgvuldig "
            "mee om als met de leerlingdossiers zelf."
        ),
        keep_heading="Waar bewaar je dit blad?",
        keep=(
            "In een afgesloten kast of kluis op school, op een andere plek dan de laptop.",
            "Maak er nooit een foto van. Zet de sleutel niet in een e-mail, een chat, een "
            "document of de cloud.",
            "Maak je in Schoolsignaal een nieuwe herstelsleutel, dan werkt deze niet meer. "
            "Vernietig dit blad dan (door de papierversnipperaar) en bewaar het nieuwe.",
        ),
        record_heading="In te vullen door de school",
        kept_where="Dit blad ligt in",
        may_use="Mag gebruikt worden door",
        signed="Datum en paraaf",
        footer="Schoolsignaal · dit blad bevat geen gegevens over leerlingen of casussen",
        file_name="herstelsleutel-schoolsignaal.pdf",
    ),
    "en": SheetLabels(
        title="Recovery key for the Schoolsignaal vault",
        confidential="Confidential. Keep this sheet under lock and key.",
        school="School",
        made_on="Made on",
        key_heading="The recovery key",
        key_hint=(
            "Ten groups of five characters: digits and capital letters. The letters I, L, O "
            "and U are never used, so 0 is always zero and 1 always one. Type it with or "
            "without the dashes and spaces."
        ),
        what_heading="What does this key do?",
        what=(
            "This key opens the Schoolsignaal vault when the passphrase is lost. You then "
            "choose a new passphrase in Schoolsignaal.",
            "Schoolsignaal keeps no readable copy of the key. If this sheet is lost and the "
            "passphrase is forgotten too, nobody can open the vault again.",
        ),
        warning=(
            "Whoever holds this key can read every case in the vault. Handle it as carefully "
            "as the pupil files themselves."
        ),
        keep_heading="Where to keep this sheet",
        keep=(
            "In a locked cabinet or safe at school, in another place than the laptop.",
            "Never take a photo of it. Never put the key in an e-mail, a chat, a document "
            "or the cloud.",
            "When a new recovery key is made in Schoolsignaal, this one stops working. "
            "Then destroy this sheet (shred it) and keep the new one.",
        ),
        record_heading="To be filled in by the school",
        kept_where="This sheet is kept in",
        may_use="May be used by",
        signed="Date and initials",
        footer="Schoolsignaal · this sheet holds no data about pupils or cases",
        file_name="recovery-key-schoolsignaal.pdf",
    ),
}


def labels_for(language: str) -> SheetLabels:
    if language not in LABELS:
        raise ValueError(f"no labels in {language!r}; choose one of {', '.join(LABELS)}")
    return LABELS[language]
