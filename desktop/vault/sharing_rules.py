"""What keeps a referral letter from being lawful (shared/domain.md 3 and 4; the terms are
explained in :mod:`desktop.vault.sharing`).

:func:`problems` says it per field of the letter's form, in words that say how to put it right;
:func:`problem_ids` gives the same as message ids (``N_``) for
:class:`~desktop.vault.errors.InvalidInput`, so that the vault refuses what the form refuses.
"""

from __future__ import annotations

import datetime as dt

from desktop.i18n import N_, _
from desktop.vault.sharing import (
    Basis,
    Consent,
    ConsentForm,
    ConsentFrom,
    NotToldReason,
    Telling,
    Told,
)
from desktop.vault.vocabulary import RecipientKind, SharingBasis

MELDRECHT_ONLY_VEILIG_THUIS = N_(
    "Meldrecht geldt alleen voor een melding bij Veilig Thuis. Kies toestemming of conflict "
    "van plichten, of kies Veilig Thuis als ontvanger."
)
COMENSHA_WRITTEN_CONSENT = N_(
    "CoMensha vraagt schriftelijke toestemming: van de leerling als die 16 of ouder is, van "
    "een ouder of voogd als de leerling jonger is."
)
NO_BASIS = N_(
    "Kies op welke grond je deze gegevens deelt: toestemming, meldrecht (alleen bij Veilig "
    "Thuis) of conflict van plichten."
)
CONSENT_BY = N_("Kies wie toestemming gaf: de leerling, een ouder of voogd, of allebei.")
CONSENT_ON = N_("Vul de datum in waarop de toestemming is gegeven.")
CONSENT_ON_FUTURE = N_(
    "De datum van de toestemming ligt in de toekomst. Vul de dag in waarop ze is gegeven."
)
CONSENT_FORM = N_("Kies of de toestemming schriftelijk of mondeling is gegeven.")
COMENSHA_NOT_WRITTEN = N_(
    "CoMensha vraagt schriftelijke toestemming. Vraag de toestemming op papier, of kies een "
    "andere ontvanger."
)
COMENSHA_PUPIL_16 = N_(
    "De leerling is 16 of ouder: CoMensha vraagt schriftelijke toestemming van de leerling "
    "zelf. Kies de leerling (of de leerling en een ouder of voogd)."
)
COMENSHA_PARENT_UNDER_16 = N_(
    "De leerling is jonger dan 16: CoMensha vraagt schriftelijke toestemming van een ouder of "
    "voogd. Kies een ouder of voogd (of de leerling en een ouder of voogd)."
)
COMENSHA_AGE_UNKNOWN = N_(
    "Geef aan of de leerling 16 jaar of ouder is: CoMensha vraagt dan toestemming van de "
    "leerling zelf, anders van een ouder of voogd."
)
CONFLICT_WHY = N_(
    "Leg uit waarom delen de enige manier is om ernstige schade voor de leerling te voorkomen."
)
CONFLICT_EFFORTS = N_(
    "Beschrijf wat je hebt gedaan om toestemming te krijgen, of waarom dat niet kon."
)
TOLD_MISSING = {
    "told_pupil": N_(
        "Geef aan of de leerling over de verwijzing is ingelicht en wanneer, of kies waarom niet."
    ),
    "told_parents": N_(
        "Geef aan of de ouders over de verwijzing zijn ingelicht en wanneer, of kies waarom niet."
    ),
}
TOLD_BOTH = N_("Kies één van de twee: ingelicht op een datum, of een reden om niet in te lichten.")
TOLD_FUTURE = N_("Deze datum ligt in de toekomst. Vul de dag in waarop is ingelicht.")
TOLD_EXPLAIN = N_("Leg uit welke reden uit de meldcode van de school gold.")
LONG_BEFORE_CASE = N_(
    "Deze datum ligt meer dan een jaar vóór het openen van de melding. Vul de juiste datum in."
)
AGE_NOT_THE_CASES = N_(
    "De leeftijd klopt niet met de leeftijdsgroep van de melding. Pas de gegevens van de "
    "melding aan als die niet meer klopt."
)
# A date of consent or telling may lie before the case was opened in the app, not long before.
EARLIEST_BEFORE_CASE = dt.timedelta(days=365)


def problems(
    recipient: RecipientKind,
    basis: Basis | None,
    told: Told | None,
    *,
    pupil_16_plus: bool | None,
    today: dt.date,
    opened_on: dt.date | None = None,
) -> dict[str, str]:
    """What keeps a letter to ``recipient`` from being lawful: field key -> a translated
    message that says what is wrong and how to fix it. Empty: lawful. ``opened_on``: the
    case's opening date; a date of consent or telling long before it is refused.

    The keys: ``basis``, ``consent_by``, ``consent_on``, ``consent_form``, ``conflict_why``,
    ``conflict_efforts``, ``pupil_16_plus``, ``told_pupil``, ``told_parents``; one message
    per key, the first rule that fails.
    """
    found = problem_ids(
        recipient, basis, told, pupil_16_plus=pupil_16_plus, today=today, opened_on=opened_on
    )
    return {field: _(message) for field, message in found.items()}


def problem_ids(
    recipient: RecipientKind,
    basis: Basis | None,
    told: Told | None,
    *,
    pupil_16_plus: bool | None,
    today: dt.date,
    opened_on: dt.date | None = None,
) -> dict[str, str]:
    """:func:`problems` as message ids (``N_``), untranslated, in the form's order."""
    found: dict[str, str] = {}
    _basis_problems(found, recipient, basis, pupil_16_plus, today)
    earliest = opened_on - EARLIEST_BEFORE_CASE if opened_on is not None else None
    consent = basis.consent if basis is not None else None
    given_on: object = consent.given_on if consent is not None else None
    if earliest is not None and isinstance(given_on, dt.date) and given_on < earliest:
        found.setdefault("consent_on", LONG_BEFORE_CASE)
    for field, telling in (
        ("told_pupil", told.pupil if told is not None else None),
        ("told_parents", told.parents if told is not None else None),
    ):
        problem = _telling_problem(field, telling, today)
        told_on: object = telling.told_on if telling is not None else None
        if problem is None and earliest is not None and isinstance(told_on, dt.date):
            problem = LONG_BEFORE_CASE if told_on < earliest else None
        if problem is not None:
            found.setdefault(field, problem)
    return found


def _basis_problems(
    found: dict[str, str],
    recipient: RecipientKind,
    basis: Basis | None,
    sixteen: bool | None,
    today: dt.date,
) -> None:
    kind: object = basis.kind if basis is not None else None
    if basis is None or not isinstance(kind, SharingBasis):
        found["basis"] = NO_BASIS
        return
    if recipient is RecipientKind.COMENSHA and kind is not SharingBasis.CONSENT:
        found["basis"] = COMENSHA_WRITTEN_CONSENT
        return
    if kind is SharingBasis.MELDRECHT and recipient is not RecipientKind.VEILIG_THUIS:
        found["basis"] = MELDRECHT_ONLY_VEILIG_THUIS
    elif kind is SharingBasis.CONSENT:
        _consent_problems(found, recipient, basis.consent, sixteen, today)
    elif kind is SharingBasis.CONFLICT_OF_DUTIES:
        conflict = basis.conflict
        if conflict is None or not _filled(conflict.why_only_way):
            found["conflict_why"] = CONFLICT_WHY
        if conflict is None or not _filled(conflict.consent_efforts):
            found["conflict_efforts"] = CONFLICT_EFFORTS


def _consent_problems(
    found: dict[str, str],
    recipient: RecipientKind,
    consent: Consent | None,
    sixteen: bool | None,
    today: dt.date,
) -> None:
    by: object = consent.given_by if consent is not None else None
    on: object = consent.given_on if consent is not None else None
    form: object = consent.form if consent is not None else None
    if not isinstance(by, ConsentFrom):
        found["consent_by"] = CONSENT_BY
    if not isinstance(on, dt.date) or isinstance(on, dt.datetime):
        found["consent_on"] = CONSENT_ON
    elif on > today:
        found["consent_on"] = CONSENT_ON_FUTURE
    if not isinstance(form, ConsentForm):
        found["consent_form"] = CONSENT_FORM
    if recipient is not RecipientKind.COMENSHA:
        return
    if isinstance(form, ConsentForm) and form is not ConsentForm.WRITTEN:
        found["consent_form"] = COMENSHA_NOT_WRITTEN
    if sixteen is None:
        found["pupil_16_plus"] = COMENSHA_AGE_UNKNOWN
    elif sixteen and by is ConsentFrom.PARENT:
        found.setdefault("consent_by", COMENSHA_PUPIL_16)
    elif not sixteen and by is ConsentFrom.PUPIL:
        found.setdefault("consent_by", COMENSHA_PARENT_UNDER_16)


def _telling_problem(field: str, telling: Telling | None, today: dt.date) -> str | None:
    if telling is None:
        return TOLD_MISSING[field]
    told_on: object = telling.told_on
    reason: object = telling.reason
    if told_on is not None and reason is not None:
        return TOLD_BOTH
    if told_on is None and not isinstance(reason, NotToldReason):
        return TOLD_MISSING[field]
    if told_on is not None:
        if not isinstance(told_on, dt.date) or isinstance(told_on, dt.datetime):
            return TOLD_MISSING[field]
        return TOLD_FUTURE if told_on > today else None
    if reason is NotToldReason.OTHER and not _filled(telling.explanation):
        return TOLD_EXPLAIN
    return None


def _filled(text: object) -> bool:
    return isinstance(text, str) and bool(text.strip())
