"""The words of the concern log: statuses, forms, kinds of entry, meldcode steps, answers.

Values are stable English ids stored in the vault; the Dutch labels (``N_``) are translated
when shown. Terms:

- *meldcode*: the reporting code for domestic violence and child abuse that schools must follow,
  five steps (shared/domain.md section 3).
- *afwegingskader*: the meldcode's assessment framework, five questions whose answers lead to
  a recommendation (:func:`recommend`).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from desktop.i18n import N_


class CaseStatus(StrEnum):
    OPEN = "open"  # signals are being gathered, the meldcode steps are under way
    MONITORING = "monitoring"  # help is organised; the school follows how it goes
    REFERRED = "referred"  # reported to Veilig Thuis or referred to the care coordinator
    CLOSED = "closed"  # closed; the retention period runs from the closing date


class ClosingOutcome(StrEnum):
    """How a closed case ended, recorded with the closing (shared/domain.md 3: where a
    suspicion proved unfounded, the file says so explicitly)."""

    NOT_CONFIRMED = "not_confirmed"  # the suspicion proved unfounded
    HELP_ORGANISED = "help_organised"  # help organised, safety lasting
    HANDED_OVER = "handed_over"  # another organisation took the case over
    PUPIL_LEFT = "pupil_left"  # the pupil left the school
    OTHER = "other"  # the reason says what


class Form(StrEnum):
    """A suspected form of exploitation (the signal card's forms, without "any")."""

    SEXUAL = "sexual"
    CRIMINAL = "criminal"
    LABOUR = "labour"


class EntryKind(StrEnum):
    OBSERVATION = "observation"  # facts apart from interpretation; who saw or heard; signals
    CONSULTATION = "consultation"  # collegiale consultatie, advice from Veilig Thuis
    CONVERSATION = "conversation"  # with the pupil and/or the parents
    DECISION = "decision"
    NOTE = "note"


class StepStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    SKIPPED = "skipped"  # with the reason in the note (e.g. a conversation not safe to hold)


class Answer(StrEnum):
    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"  # not answered yet


class Recommendation(StrEnum):
    INCOMPLETE = "incomplete"  # answer the next question first
    CLOSE = "close"  # question 1 no: no suspicion; close and record
    REPORT = "report"  # report to Veilig Thuis
    ORGANISE_HELP = "organise_help"  # offer or organise help, then weigh question 5
    LASTING_SAFETY = "lasting_safety"  # help leads to lasting safety: follow up, then close


class SharingBasis(StrEnum):
    CONSENT = "consent"  # toestemming
    MELDRECHT = "meldrecht"  # art. 5.2.6 Wmo 2015, to Veilig Thuis without consent
    CONFLICT_OF_DUTIES = "conflict_of_duties"  # conflict van plichten


class RecipientKind(StrEnum):
    REGIONAL_COORDINATOR = "regional_coordinator"  # zorgcoördinator mensenhandel
    VEILIG_THUIS = "veilig_thuis"
    MELDPUNT_MINDERJARIGEN = "meldpunt_uitbuiting_minderjarigen"
    COMENSHA = "comensha"  # registers victims of trafficking; written consent only
    POLICE = "police"
    OTHER = "other"


AGE_BANDS: tuple[str, ...] = ("10-11", "12-13", "14-15", "16-17", "18+")
SCHOOL_TYPES: tuple[str, ...] = (
    "praktijkonderwijs",
    "vmbo",
    "havo",
    "vwo",
    "mbo",
    "vso",
    "other",
)
SCHOOL_YEARS = range(1, 7)
MELDCODE_STEPS = range(1, 6)
ALL_STEPS_TAKEN = 6  # a case's step once every meldcode step is done or skipped

STATUS_LABELS = {
    CaseStatus.OPEN: N_("Open"),
    CaseStatus.MONITORING: N_("Volgen"),
    CaseStatus.REFERRED: N_("Gemeld of doorverwezen"),
    CaseStatus.CLOSED: N_("Gesloten"),
}
CLOSING_OUTCOME_LABELS = {
    ClosingOutcome.NOT_CONFIRMED: N_("Vermoeden niet bevestigd"),
    ClosingOutcome.HELP_ORGANISED: N_("Hulp georganiseerd, veiligheid blijvend"),
    ClosingOutcome.HANDED_OVER: N_("Overgedragen aan een andere organisatie"),
    ClosingOutcome.PUPIL_LEFT: N_("Leerling heeft de school verlaten"),
    ClosingOutcome.OTHER: N_("Anders"),
}
# The forms' names come from the signal card (``SignalCard.forms``), in either language.
ENTRY_KIND_LABELS = {
    EntryKind.OBSERVATION: N_("Waarneming"),
    EntryKind.CONSULTATION: N_("Consultatie"),
    EntryKind.CONVERSATION: N_("Gesprek"),
    EntryKind.DECISION: N_("Besluit"),
    EntryKind.NOTE: N_("Notitie"),
}
STEP_TITLES = {
    1: N_("Signalen in kaart brengen"),
    2: N_("Collegiale consultatie en zo nodig advies van Veilig Thuis"),
    3: N_("Gesprek met de leerling en/of ouders"),
    4: N_("Wegen met het afwegingskader"),
    5: N_("Beslissen: hulp organiseren en/of melden"),
}
RECOMMENDATION_LABELS = {
    Recommendation.INCOMPLETE: N_("Beantwoord eerst de volgende vraag."),
    Recommendation.CLOSE: N_("Geen vermoeden: sluit af en leg vast waarom."),
    Recommendation.REPORT: N_("Melden bij Veilig Thuis."),
    Recommendation.ORGANISE_HELP: N_(
        "Bied of organiseer hulp en volg of die tot blijvende veiligheid leidt."
    ),
    Recommendation.LASTING_SAFETY: N_("De hulp leidt tot blijvende veiligheid: volg en sluit af."),
}
BASIS_LABELS = {
    SharingBasis.CONSENT: N_("Toestemming"),
    SharingBasis.MELDRECHT: N_("Meldrecht (art. 5.2.6 Wmo 2015)"),
    SharingBasis.CONFLICT_OF_DUTIES: N_("Conflict van plichten"),
}
RECIPIENT_LABELS = {
    RecipientKind.REGIONAL_COORDINATOR: N_("Zorgcoördinator mensenhandel"),
    RecipientKind.VEILIG_THUIS: N_("Veilig Thuis"),
    RecipientKind.MELDPUNT_MINDERJARIGEN: N_("Meldpunt Uitbuiting Minderjarigen"),
    RecipientKind.COMENSHA: N_("CoMensha"),
    RecipientKind.POLICE: N_("Politie"),
    RecipientKind.OTHER: N_("Andere organisatie"),
}


def recommend(answers: tuple[Answer, Answer, Answer, Answer, Answer]) -> Recommendation:
    """The afwegingskader's outcome for its five answers, in order (shared/domain.md 3).

    1. Is there a suspicion? No: close and record.
    2. Acute or structural unsafety? Yes: report. (Trafficking is named in the check for
       acute unsafety; a spontaneous disclosure counts as acute.)
    3. Can I offer or organise sufficient help? No: report.
    4. Do those involved accept that help? No: report.
    5. Does it lead to lasting safety? No: report (again). Yes: follow up and close.

    The first answer that decides, decides: later answers do not change it. An unanswered
    question before that gives :attr:`Recommendation.INCOMPLETE`, except question 5, which is
    answered only after the help has had time: until then the advice is to organise help.
    """
    suspicion, unsafe, can_help, accepted, lasting = answers
    if suspicion is Answer.NO:
        return Recommendation.CLOSE
    if suspicion is Answer.UNKNOWN:
        return Recommendation.INCOMPLETE
    if unsafe is Answer.YES:
        return Recommendation.REPORT
    if unsafe is Answer.UNKNOWN:
        return Recommendation.INCOMPLETE
    for answer in (can_help, accepted):
        if answer is Answer.NO:
            return Recommendation.REPORT
        if answer is Answer.UNKNOWN:
            return Recommendation.INCOMPLETE
    if lasting is Answer.NO:
        return Recommendation.REPORT
    if lasting is Answer.YES:
        return Recommendation.LASTING_SAFETY
    return Recommendation.ORGANISE_HELP


def step_reached(current: Mapping[int, StepStatus]) -> int:
    """The meldcode step a case is at: the lowest of steps 1-5 that is neither done nor
    skipped (a step never set is not started), or :data:`ALL_STEPS_TAKEN` when all are."""
    for step in MELDCODE_STEPS:
        if current.get(step, StepStatus.NOT_STARTED) not in (StepStatus.DONE, StepStatus.SKIPPED):
            return step
    return ALL_STEPS_TAKEN
