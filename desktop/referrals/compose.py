"""A case and the coordinator's choices become the letter ``toolkit`` draws.

The sections follow shared/domain.md 4 in its order. Of the chronology only the ticked entries
go in, each with or without its interpretation; the letter says how many were left out and
nothing of what they hold. Labels are in the app's language, as the letter is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.i18n import _, current_language, ngettext
from desktop.referrals.choices import EntryUse, LetterChoices

if TYPE_CHECKING:
    from desktop.settings import Settings
    from desktop.vault.records import CaseDetail, CaseRow, EntryView
    from desktop.vault.sharing import Basis, Telling, Told
    from toolkit.referral_letter import LetterEntry, ReferralLetter, Section


@dataclass(frozen=True)
class LetterContext:
    """What the letter takes from outside the case: the school, its coordinator, the day and
    the vault's audit head (printed in the footer, to show a later rollback against a letter
    already sent)."""

    school: str
    address: str
    logo: Path | None
    coordinator: str
    role: str
    phone: str
    email: str
    audit_head: str
    today: dt.date

    @classmethod
    def of(
        cls, settings: Settings, logo: Path | None, audit_head: str, today: dt.date
    ) -> LetterContext:
        return cls(
            school=settings.school_name,
            address=settings.school_address,
            logo=logo if logo is not None and logo.exists() else None,
            coordinator=settings.coordinator_name,
            role=settings.coordinator_role,
            phone=settings.coordinator_phone,
            email=settings.coordinator_email,
            audit_head=audit_head,
            today=today,
        )


def compose(detail: CaseDetail, choices: LetterChoices, context: LetterContext) -> ReferralLetter:
    from toolkit.referral_letter import Letterhead, Recipient, ReferralLetter, Section, Signatory

    recipient = choices.recipient
    texts = choices.texts
    ticked = [
        e
        for e in detail.entries
        if choices.entries.get(e.id, EntryUse.LEFT_OUT) is not EntryUse.LEFT_OUT
    ]
    left_out = len(detail.entries) - len(ticked)
    note = (
        ngettext(
            "{n} aantekening uit het dossier is niet in deze brief opgenomen.",
            "{n} aantekeningen uit het dossier zijn niet in deze brief opgenomen.",
            left_out,
        ).format(n=left_out)
        if left_out
        else ""
    )
    sections = (
        Section("reason", text=texts.get("reason", "")),
        Section("pupil", text=texts.get("pupil", ""), facts=pupil_facts(detail.row, choices)),
        Section(
            "signals",
            entries=tuple(letter_entry(e, choices.entries[e.id]) for e in ticked),
            note=note,
        ),
        Section("meldcode", text=texts.get("meldcode", "")),
        Section("safety", text=texts.get("safety", "")),
        Section("basis", text=texts.get("knows", ""), facts=basis_facts(choices)),
        Section("request", text=texts.get("request", "")),
        Section("involved", text=texts.get("involved", "")),
        Section("contact", text=texts.get("contact", "")),
    )
    return ReferralLetter(
        language=current_language(),
        letterhead=Letterhead(context.school, context.address, context.logo),
        recipient=Recipient(
            organisation=recipient.organisation if recipient else "",
            name=recipient.name if recipient else "",
            address=recipient.address if recipient else "",
        ),
        date=letter_date(context.today),
        case_code=detail.code,
        sections=sections,
        signatory=Signatory(context.coordinator, context.role, context.phone, context.email),
        audit_head=context.audit_head,
    )


class LetterNotDrawn(ValueError):
    """The letter cannot be laid out on paper; the message says what to shorten."""


def draw(letter: ReferralLetter) -> bytes:
    """The letter as PDF bytes, or :class:`LetterNotDrawn`."""
    from reportlab.platypus.doctemplate import LayoutError

    from toolkit.referral_letter import referral_letter

    try:
        return referral_letter(letter)
    except LayoutError as err:
        raise LetterNotDrawn(
            _(
                "De brief past zo niet op papier: een tekst is te lang voor één pagina. "
                "Maak de langste tekst korter, of verdeel hem over meer alinea's."
            )
        ) from err


def letter_date(day: dt.date) -> str:
    """A date as the letter prints it, in the app's language ("30 november 2026")."""
    from toolkit.referral_letter import format_date as letter_format

    return letter_format(day, current_language())


def included_sections(letter: ReferralLetter) -> tuple[str, ...]:
    """The keys of the sections that hold something (the vault records these)."""
    return tuple(s.key for s in letter.sections if _holds_something(s))


def _holds_something(section: Section) -> bool:
    return bool(section.text.strip() or section.facts or section.entries or section.note)


def letter_entry(entry: EntryView, use: EntryUse) -> LetterEntry:
    from desktop.concerns.case_header import signal_namer
    from desktop.vault.vocabulary import ENTRY_KIND_LABELS
    from toolkit.referral_letter import LetterEntry

    name = signal_namer()
    interpretation = entry.interpretation.strip()
    return LetterEntry(
        date=letter_date(entry.occurred_on),
        kind=_(ENTRY_KIND_LABELS[entry.kind]),
        who=entry.who,
        facts=entry.facts,
        pupil_words=entry.pupil_words,
        interpretation=(
            interpretation if use is EntryUse.WITH_INTERPRETATION and interpretation else None
        ),
        signals=tuple(name(s) for s in entry.signals),
    )


def pupil_facts(row: CaseRow, choices: LetterChoices) -> tuple[tuple[str, str], ...]:
    from desktop.concerns.case_header import SCHOOL_TYPE_LABELS

    who = choices.identity
    facts = [(_("Code van de melding"), row.code)]
    facts += [
        (label, value.strip())
        for label, value in (
            (_("Naam"), who.name),
            (_("Geboortedatum"), who.date_of_birth),
            (_("Geslacht"), who.gender),
        )
        if value.strip()
    ]
    if row.age_band:
        facts.append((_("Leeftijd"), _("{band} jaar").format(band=row.age_band)))
    school = []
    if row.school_type:
        school.append(_(SCHOOL_TYPE_LABELS.get(row.school_type, row.school_type)))
    if row.school_year:
        school.append(_("leerjaar {n}").format(n=row.school_year))
    if school:
        facts.append((_("School"), ", ".join(school)))
    return tuple(facts)


def basis_facts(choices: LetterChoices) -> tuple[tuple[str, str], ...]:
    facts: list[tuple[str, str]] = []
    if choices.basis is not None:
        facts += _basis(choices.basis)
    if choices.told is not None:
        facts += _told(choices.told)
    return tuple(facts)


def _basis(basis: Basis) -> list[tuple[str, str]]:
    from desktop.vault.sharing import CONSENT_FORM_LABELS, CONSENT_FROM_LABELS
    from desktop.vault.vocabulary import BASIS_LABELS

    facts = [(_("Grondslag voor het delen"), _(BASIS_LABELS[basis.kind]))]
    consent = basis.consent
    if consent is not None and consent.given_by is not None and consent.form is not None:
        facts.append(
            (
                _("Toestemming"),
                _("{who}, {form}, op {date}").format(
                    who=_(CONSENT_FROM_LABELS[consent.given_by]),
                    form=_(CONSENT_FORM_LABELS[consent.form]).lower(),
                    date=letter_date(consent.given_on),
                ),
            )
        )
    if basis.conflict is not None:
        facts.append((_("Waarom delen de enige manier is"), basis.conflict.why_only_way))
        facts.append((_("Wat is gedaan om toestemming te krijgen"), basis.conflict.consent_efforts))
    return facts


def _told(told: Told) -> list[tuple[str, str]]:
    return [
        (_("Leerling ingelicht over deze verwijzing"), _telling(told.pupil)),
        (_("Ouders ingelicht over deze verwijzing"), _telling(told.parents)),
    ]


def _telling(telling: Telling) -> str:
    from desktop.vault.sharing import NOT_TOLD_LABELS, NotToldReason

    if telling.told_on is not None:
        return _("ja, op {date}").format(date=letter_date(telling.told_on))
    if telling.reason is None:
        return "–"
    if telling.reason is NotToldReason.OTHER:
        return _("nee: {why}").format(why=telling.explanation)
    label = _(NOT_TOLD_LABELS[telling.reason])
    text = _("nee: {why}").format(why=label[:1].lower() + label[1:])  # after a colon
    if telling.explanation.strip():
        text += f" ({telling.explanation.strip()})"
    return text
