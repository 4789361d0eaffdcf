"""The meldcode as a guided panel: words for its five steps and the afwegingskader.

*Meldcode*: the reporting code for domestic violence and child abuse that every school must
use; sexual exploitation of a minor counts as child abuse (domain.md 3). Its five steps are
kept per case with a status, a date, who (a role) and a note; a skipped step needs a reason.
Step 4 weighs the case with the *afwegingskader*: five questions whose dated answers, with who
was consulted and the chronology entries they rest on, form the case's decision record.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from desktop.i18n import N_, _, current_language, format_date

if TYPE_CHECKING:
    from desktop.vault.records import CaseDetail, EntryView

STEP_STATUS_LABELS = {
    "not_started": N_("Nog niet begonnen"),
    "in_progress": N_("Bezig"),
    "done": N_("Gedaan"),
    "skipped": N_("Overgeslagen (met reden)"),
}
ANSWER_LABELS = {
    "unknown": N_("Nog niet beantwoord"),
    "yes": N_("Ja"),
    "no": N_("Nee"),
}
ACUTE_MEANING = N_(
    "Een spontane onthulling telt als acute onveiligheid (vraag 2 van het afwegingskader: "
    "ja). Overleg vandaag met Veilig Thuis (0800-2000, gratis, dag en nacht) en bespreek met "
    "de leerling wat er gaat gebeuren. Beloof geen geheimhouding."
)


def step_title(number: int) -> str:
    """ "Stap 2: Collegiale consultatie", from the signal card in the app's language."""
    from toolkit.signal_card import load_signal_card

    step = load_signal_card(current_language()).meldcode_steps[number - 1]
    return _("Stap {n}: {title}").format(n=number, title=step.title)


def step_help(number: int) -> str:
    from toolkit.signal_card import load_signal_card

    return load_signal_card(current_language()).meldcode_steps[number - 1].text


def question(number: int) -> str:
    from toolkit.signal_card import load_signal_card

    return load_signal_card(current_language()).afwegingskader[number - 1].question


def entry_choice(entry: EntryView) -> str:
    """A chronology entry in one line, to link an answer to it."""
    from desktop.vault.vocabulary import ENTRY_KIND_LABELS

    facts = " ".join(entry.facts.split())
    short = facts if len(facts) <= 70 else facts[:69].rstrip() + "…"
    return "{date} · {kind}: {facts}".format(
        date=format_date(entry.occurred_on, "medium"),
        kind=_(ENTRY_KIND_LABELS[entry.kind]),
        facts=short,
    )


def saved_text(when: dt.datetime | None) -> str:
    if when is None:
        return _("Nog niet opgeslagen.")
    from desktop.i18n import format_datetime

    return _("Opgeslagen op {when}.").format(when=format_datetime(when, "short"))


def history_text(detail: CaseDetail) -> str:
    """How often the answers were weighed before: earlier answers stay in the record."""
    earlier = len(detail.assessment_history) - 1
    if earlier <= 0:
        return ""
    from desktop.i18n import format_datetime, ngettext

    dates = ", ".join(format_datetime(a.saved_at, "short") for a in detail.assessment_history[:-1])
    return ngettext(
        "Eerder {n} keer gewogen ({dates}); die antwoorden blijven bewaard.",
        "Eerder {n} keer gewogen ({dates}); die antwoorden blijven bewaard.",
        earlier,
    ).format(n=earlier, dates=dates)
