"""A case's chronology as rich text for the case view: dated entries, corrections visible.

Every piece of case text is escaped. An entry shows what was seen or heard, the pupil's own
words apart (quoted), the interpretation apart, who saw or heard it (a role), and the signals
ticked. An entry that was corrected shows the reason and, below it, the earlier text as such
(a correction is an addendum: nothing said earlier disappears).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from html import escape
from typing import TYPE_CHECKING

from desktop.i18n import _, format_date, format_datetime

if TYPE_CHECKING:
    from desktop.vault.records import (
        AssessmentView,
        EntryText,
        EntryView,
        StatusChangeView,
        StepView,
    )

CORRECT_LINK = "correct:"  # href of an entry's "Corrigeren" link: correct:<entry id>


def _para(text: str) -> str:
    return escape(text).replace("\n", "<br>")


def _text_block(text: EntryText, signal_text: Callable[[str], str]) -> str:
    parts = []
    if text.facts:
        parts.append(f"<p style='margin:2px 0'>{_para(text.facts)}</p>")
    if text.pupil_words:
        parts.append(
            "<p style='margin:2px 0'><b>{label}</b> “{words}”</p>".format(
                label=escape(_("Woorden van de leerling:")), words=_para(text.pupil_words)
            )
        )
    if text.interpretation:
        parts.append(
            "<p style='margin:2px 0;color:#5a4a00'><b>{label}</b> <i>{text}</i></p>".format(
                label=escape(_("Interpretatie:")), text=_para(text.interpretation)
            )
        )
    if text.who:
        parts.append(
            "<p style='margin:2px 0;color:#5a6270'>{label} {who}</p>".format(
                label=escape(_("Gezien of gehoord door:")), who=escape(text.who)
            )
        )
    if text.signals:
        names = ", ".join(escape(signal_text(s)) for s in text.signals)
        parts.append(
            "<p style='margin:2px 0;color:#5a6270'>{label} {names}</p>".format(
                label=escape(_("Signalen:")), names=names
            )
        )
    return "".join(parts)


def entry_html(
    entry: EntryView,
    *,
    kind_label: str,
    signal_text: Callable[[str], str],
    editable: bool = True,
) -> str:
    current = entry.current
    head = f"<b>{escape(format_date(current.occurred_on, 'long'))}</b> · {escape(kind_label)}"
    if getattr(entry, "disclosure", False):
        head += " · <b style='color:#b00020'>{}</b>".format(escape(_("spontane onthulling")))
    if editable:
        head += " &nbsp; <a href='{href}{id}'>{label}</a>".format(
            href=CORRECT_LINK, id=entry.id, label=escape(_("Corrigeren"))
        )
    body = [f"<p style='margin:10px 0 2px 0'>{head}</p>", _text_block(current, signal_text)]
    if entry.earlier:
        body.append(
            "<p style='margin:2px 0;color:#5a6270'>{}</p>".format(
                escape(
                    _("Gecorrigeerd op {when}. Reden: {reason}").format(
                        when=format_datetime(current.saved_at, "short"),
                        reason=current.reason or "–",
                    )
                )
            )
        )
        for old in reversed(entry.earlier):
            body.append(
                "<div style='margin:4px 0 4px 18px;color:#7a7f88'>"
                "<p style='margin:2px 0'><i>{label}</i></p>{text}</div>".format(
                    label=escape(
                        _("Eerdere tekst (versie {n}, van {date}):").format(
                            n=old.revision, date=format_date(old.occurred_on, "medium")
                        )
                    ),
                    text=_text_block(old, signal_text),
                )
            )
    return "".join(body)


def status_html(change: StatusChangeView) -> str:
    """A status change in the chronology: the new status, how it was closed, and why."""
    from desktop.vault.vocabulary import CLOSING_OUTCOME_LABELS, STATUS_LABELS

    what = _(STATUS_LABELS[change.status])
    if change.outcome is not None:
        what = _("{status}: {outcome}").format(
            status=what, outcome=_(CLOSING_OUTCOME_LABELS[change.outcome])
        )
    return (
        "<p style='margin:10px 0 2px 0'><b>{date}</b> · {label} · <b>{what}</b></p>"
        "<p style='margin:2px 0'>{reason}</p>"
    ).format(
        date=escape(format_date(change.changed_on, "long")),
        label=escape(_("Status gewijzigd")),
        what=escape(what),
        reason=_para(change.reason),
    )


def step_html(step: StepView) -> str:
    """A saved state of a meldcode step in the chronology."""
    from desktop.concerns.meldcode import STEP_STATUS_LABELS, step_title

    parts = [
        "<p style='margin:10px 0 2px 0'><b>{date}</b> · {label} · <b>{title}</b>: "
        "{status}</p>".format(
            date=escape(format_date(_step_day(step), "long")),
            label=escape(_("Meldcode")),
            title=escape(step_title(step.step)),
            status=escape(_(STEP_STATUS_LABELS[step.status.value])),
        )
    ]
    if step.note:
        parts.append(f"<p style='margin:2px 0'>{_para(step.note)}</p>")
    if step.who:
        parts.append(
            "<p style='margin:2px 0;color:#5a6270'>{label} {who}</p>".format(
                label=escape(_("Wie:")), who=escape(step.who)
            )
        )
    return "".join(parts)


def assessment_html(record: AssessmentView) -> str:
    """The afwegingskader's answers as saved at one moment: the decision record."""
    from desktop.concerns.meldcode import ANSWER_LABELS
    from desktop.vault.vocabulary import RECOMMENDATION_LABELS

    answers = ", ".join(
        f"{number}: {_(ANSWER_LABELS[answer.value])}"
        for number, answer in enumerate(record.answers, start=1)
    )
    parts = [
        "<p style='margin:10px 0 2px 0'><b>{date}</b> · {label} · {answers}</p>".format(
            date=escape(format_date(record.saved_at.date(), "long")),
            label=escape(_("Afwegingskader")),
            answers=escape(answers),
        ),
        "<p style='margin:2px 0'><b>{}</b></p>".format(
            escape(
                _("Advies: {advice}").format(advice=_(RECOMMENDATION_LABELS[record.recommendation]))
            )
        ),
    ]
    for label, text in (
        (_("Met wie overlegd:"), record.consulted),
        (_("Toelichting:"), record.note),
    ):
        if text:
            parts.append(f"<p style='margin:2px 0;color:#5a6270'>{escape(label)} {_para(text)}</p>")
    if record.recheck_on is not None:
        parts.append(
            "<p style='margin:2px 0;color:#5a6270'>{}</p>".format(
                escape(
                    _("Opnieuw wegen op {date}.").format(
                        date=format_date(record.recheck_on, "long")
                    )
                )
            )
        )
    return "".join(parts)


def _step_day(step: StepView) -> dt.date:
    if step.done_on is not None:
        return step.done_on
    assert step.saved_at is not None  # a saved state has its time
    return step.saved_at.date()


def chronology_html(
    entries: Sequence[EntryView],
    *,
    newest_first: bool,
    kind_label: Callable[[EntryView], str],
    signal_text: Callable[[str], str],
    status_changes: Sequence[StatusChangeView] = (),
    steps: Sequence[StepView] = (),
    assessments: Sequence[AssessmentView] = (),
    editable: bool = True,
) -> str:
    """The whole chronology with the status changes among the entries, by date; oldest first
    unless ``newest_first``."""
    if not entries and not status_changes and not steps and not assessments:
        return "<p style='color:#5a6270'>{}</p>".format(
            escape(_("Nog geen notities. Begin met een waarneming: wat zag of hoorde je, wanneer?"))
        )
    items: list[tuple[tuple[object, ...], str]] = [
        (
            (e.occurred_on, 0, e.created_at),
            entry_html(e, kind_label=kind_label(e), signal_text=signal_text, editable=editable),
        )
        for e in entries
    ]
    items += [((c.changed_on, 1, c.saved_at), status_html(c)) for c in status_changes]
    items += [((_step_day(s), 1, s.saved_at), step_html(s)) for s in steps if s.saved_at]
    items += [((a.saved_at.date(), 1, a.saved_at), assessment_html(a)) for a in assessments]
    items.sort(key=lambda item: item[0], reverse=newest_first)
    return "<hr>".join(html for _key, html in items)
