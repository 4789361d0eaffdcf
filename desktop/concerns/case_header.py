"""The words at the top of a case: its status, forms, the pupil's profile, when it goes.

A case's profile is only what a referral may need (domain.md 4): an age band, the school type
and year; never a name or a date of birth.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from desktop.i18n import N_, _, current_language, format_date

if TYPE_CHECKING:
    from desktop.vault.records import CaseRow

SCHOOL_TYPE_LABELS = {
    "praktijkonderwijs": N_("praktijkonderwijs"),
    "vmbo": N_("vmbo"),
    "havo": N_("havo"),
    "vwo": N_("vwo"),
    "mbo": N_("mbo"),
    "vso": N_("vso"),
    "other": N_("ander schooltype"),
}


def forms_text(row: CaseRow) -> str:
    from toolkit.signal_card import load_signal_card

    card = load_signal_card(current_language())
    return ", ".join(card.forms[f.value] for f in row.forms) or _("nog geen vorm gekozen")


def profile_text(row: CaseRow) -> str:
    parts = []
    if row.age_band:
        parts.append(_("{band} jaar").format(band=row.age_band))
    if row.school_type:
        parts.append(_(SCHOOL_TYPE_LABELS.get(row.school_type, row.school_type)))
    if row.school_year:
        parts.append(_("leerjaar {n}").format(n=row.school_year))
    return ", ".join(parts)


def summary(row: CaseRow) -> str:
    from desktop.vault.vocabulary import STATUS_LABELS

    lines = [
        _("Status: {status}").format(status=_(STATUS_LABELS[row.status])),
        _("Vermoeden: {forms}").format(forms=forms_text(row)),
    ]
    profile = profile_text(row)
    if profile:
        lines.append(_("Leerling: {profile}").format(profile=profile))
    lines.append(_("Geopend op {date}").format(date=format_date(row.opened_on, "long")))
    text = " · ".join(lines)
    if row.acute_on and row.closed_on is None:  # a closed case asks nothing more of today
        text += "\n" + _(
            "Acuut sinds {date}: een spontane onthulling of acute onveiligheid. Neem vandaag "
            "contact op met Veilig Thuis (0800-2000) voor advies of een melding."
        ).format(date=format_date(row.acute_on, "long"))
    return text


def retention(row: CaseRow) -> str:
    """When a closed case will be purged; empty while it is open."""
    if row.retain_until is None or row.closed_on is None:
        return ""
    return _(
        "Gesloten op {closed}. De melding wordt na {purge} verwijderd (bewaartermijn), ook "
        "uit de reservekopieën op deze computer."
    ).format(closed=format_date(row.closed_on, "long"), purge=format_date(row.retain_until, "long"))


def signal_namer() -> Callable[[str], str]:
    """A function from a signal id to its text on the signal card (the id if unknown)."""
    from toolkit.signal_card import load_signal_card

    card = load_signal_card(current_language())
    texts = {s.id: s.text for s in card.signals}
    return lambda signal_id: texts.get(signal_id, signal_id)
