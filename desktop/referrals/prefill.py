"""The letter's texts as the case gives them, for the coordinator to read and edit.

Only what the case holds outside its chronology: the suspected forms, the meldcode steps, the
afwegingskader's outcome and the school's contact. Entries of the chronology go in one by one,
when ticked (:mod:`desktop.referrals.compose`), never here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.i18n import _
from desktop.referrals.compose import letter_date

if TYPE_CHECKING:
    from desktop.vault.records import CaseDetail
    from toolkit.referral_letter import Signatory


def prefill(detail: CaseDetail, signatory: Signatory) -> dict[str, str]:
    """Every text of the letter, keyed as :data:`desktop.referrals.choices.TEXT_KEYS`."""
    return {
        "reason": reason(detail),
        "pupil": "",
        "meldcode": meldcode(detail),
        "safety": safety(detail),
        "knows": "",
        "request": "",
        "involved": _(
            "Houd de kring klein: deel deze brief alleen met wie hem voor de hulp nodig heeft. "
            "Neem geen contact op via de telefoon van de leerling: een uitbuiter kan meelezen."
        ),
        "contact": contact(signatory),
    }


def reason(detail: CaseDetail) -> str:
    from desktop.concerns.case_header import forms_text

    text = _("De school heeft een vermoeden van uitbuiting van een leerling: {forms}.").format(
        forms=forms_text(detail.row).lower()  # in a sentence: "criminele uitbuiting"
    )
    if detail.row.acute_on is not None:
        text += " " + _("Sinds {date} is er sprake van acute onveiligheid.").format(
            date=letter_date(detail.row.acute_on)
        )
    return text


def meldcode(detail: CaseDetail) -> str:
    from desktop.vault.vocabulary import STEP_TITLES, StepStatus

    lines = []
    for step in detail.steps:
        title = _(STEP_TITLES[step.step])
        head = _("Stap {n}. {title}").format(n=step.step, title=title)
        if step.status is StepStatus.DONE:
            line = _("{step}: gedaan").format(step=head)
            if step.done_on is not None:
                line = _("{step}: gedaan op {date}").format(
                    step=head, date=letter_date(step.done_on)
                )
            if step.who:
                line += f" ({step.who})"
        elif step.status is StepStatus.SKIPPED:
            line = _("{step}: niet gedaan").format(step=head)
            if step.note:
                line = _("{step}: niet gedaan. Waarom niet: {why}").format(
                    step=head, why=step.note.strip()
                )
        elif step.status is StepStatus.IN_PROGRESS:
            line = _("{step}: bezig").format(step=head)
        else:
            continue
        lines.append(line.rstrip(". ") + ".")
    if detail.assessment is not None and detail.assessment.consulted:
        lines.append(_("Geraadpleegd: {who}.").format(who=detail.assessment.consulted))
    return "\n".join(lines) or _("Er zijn nog geen stappen van de meldcode vastgelegd.")


def safety(detail: CaseDetail) -> str:
    from desktop.vault.vocabulary import RECOMMENDATION_LABELS, Answer, Recommendation

    assessment = detail.assessment
    if assessment is None or assessment.answers[1] is Answer.UNKNOWN:
        return _("De veiligheid is nog niet gewogen met het afwegingskader.")
    day = assessment.answered_on[1]
    when = letter_date(day) if day is not None else ""
    if assessment.answers[1] is Answer.YES:
        text = _("Volgens het afwegingskader is er acute of structurele onveiligheid.")
    else:
        text = _("Volgens het afwegingskader is er geen acute of structurele onveiligheid.")
    if when:
        text += " " + _("Gewogen op {date}.").format(date=when)
    if assessment.recommendation is not Recommendation.INCOMPLETE:
        text += " " + _("Uitkomst: {advice}").format(
            advice=_(RECOMMENDATION_LABELS[assessment.recommendation])
        )
    return text


def contact(signatory: Signatory) -> str:
    who = ", ".join(p for p in (signatory.name, signatory.role) if p)
    reach = " · ".join(p for p in (signatory.phone, signatory.email) if p)
    lines = []
    if who:
        lines.append(_("Contactpersoon: {who}.").format(who=who))
    if reach:
        lines.append(reach)
    lines.append(
        _(
            "Wij horen graag van u hoe u de hulp oppakt, en spreken dan af wie wat doet "
            "en wanneer wij elkaar weer spreken."
        )
    )
    return "\n".join(lines)
