"""The basis for sharing a case with another organisation, and whom the school told of it.

A referral letter may only go out on a lawful basis (shared/domain.md 3 and 4), and the
coordinator records whether the pupil and the parents were told of it, or why not. Terms:

- *toestemming*: consent to share, given by the pupil, by a parent or guardian, or by both;
  in writing or spoken (:class:`Consent`).
- *meldrecht* (art. 5.2.6 Wmo 2015): the right of a professional to give information to
  Veilig Thuis, the regional advice and reporting centre for domestic violence and child
  abuse, without consent. It is a right to report to Veilig Thuis only: it is no basis for a
  letter to anyone else.
- *conflict van plichten*: the duty of confidentiality gives way when breaking it is the only
  way to prevent serious harm; the coordinator says why that is so here, and what was done
  to get consent first (:class:`ConflictOfDuties`).
- *CoMensha*: the national coordination centre against human trafficking, which registers
  victims. A report to it needs written consent: of the pupil if 16 or older, of a parent or
  guardian if younger.
- *inlichten*: the meldcode expects the pupil and/or parents to be told of a planned report
  first, unless that would endanger the pupil, the professional or others, or there is good
  reason to think they would break off contact (:class:`NotToldReason`; the school's own
  meldcode words these).

The rules themselves are in :mod:`desktop.vault.sharing_rules`. No Qt here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from desktop.i18n import N_
from desktop.vault.vocabulary import SharingBasis


class ConsentFrom(StrEnum):
    PUPIL = "pupil"
    PARENT = "parent"  # a parent or guardian
    BOTH = "pupil_and_parent"


class ConsentForm(StrEnum):
    WRITTEN = "written"
    SPOKEN = "spoken"


class NotToldReason(StrEnum):
    ENDANGERS_PUPIL = "endangers_pupil"  # telling would endanger the pupil's safety
    ENDANGERS_OTHERS = "endangers_others"  # ... the professional's or others' safety
    BREAKS_CONTACT = "breaks_contact"  # good reason to think they would break off contact
    OTHER = "other"  # the explanation says which reason of the school's meldcode


class ReferralStatus(StrEnum):
    SENT = "sent"
    RECEIVED = "received"
    RESPONDED = "responded"
    CLOSED = "closed"


CONSENT_FROM_LABELS = {
    ConsentFrom.PUPIL: N_("De leerling"),
    ConsentFrom.PARENT: N_("Een ouder of voogd"),
    ConsentFrom.BOTH: N_("De leerling en een ouder of voogd"),
}
CONSENT_FORM_LABELS = {
    ConsentForm.WRITTEN: N_("Schriftelijk"),
    ConsentForm.SPOKEN: N_("Mondeling"),
}
NOT_TOLD_LABELS = {
    NotToldReason.ENDANGERS_PUPIL: N_("Het zou de veiligheid van de leerling in gevaar brengen"),
    NotToldReason.ENDANGERS_OTHERS: N_(
        "Het zou de veiligheid van de beroepskracht of anderen in gevaar brengen"
    ),
    NotToldReason.BREAKS_CONTACT: N_(
        "Er is goede reden om aan te nemen dat zij het contact zouden verbreken"
    ),
    NotToldReason.OTHER: N_("Een andere reden uit de meldcode van de school"),
}
REFERRAL_STATUS_LABELS = {
    ReferralStatus.SENT: N_("Verstuurd"),
    ReferralStatus.RECEIVED: N_("Ontvangen"),
    ReferralStatus.RESPONDED: N_("Reactie gekregen"),
    ReferralStatus.CLOSED: N_("Afgerond"),
}


@dataclass(frozen=True)
class Consent:
    given_by: ConsentFrom
    given_on: dt.date
    form: ConsentForm

    def to_json(self) -> dict[str, Any]:
        return {
            "given_by": self.given_by.value,
            "given_on": self.given_on.isoformat(),
            "form": self.form.value,
        }

    @classmethod
    def from_json(cls, data: Any) -> Consent:
        fields = _fields(data, ("given_by", "given_on", "form"))
        return cls(
            ConsentFrom(fields["given_by"]),
            _date(fields["given_on"]),
            ConsentForm(fields["form"]),
        )


@dataclass(frozen=True)
class ConflictOfDuties:
    why_only_way: str  # why sharing is the only way to prevent serious harm
    consent_efforts: str  # what was done to get consent (or why it could not be asked)

    def to_json(self) -> dict[str, Any]:
        return {"why_only_way": self.why_only_way, "consent_efforts": self.consent_efforts}

    @classmethod
    def from_json(cls, data: Any) -> ConflictOfDuties:
        fields = _fields(data, ("why_only_way", "consent_efforts"))
        return cls(_text(fields["why_only_way"]), _text(fields["consent_efforts"]))


@dataclass(frozen=True)
class Basis:
    kind: SharingBasis
    consent: Consent | None = None
    conflict: ConflictOfDuties | None = None

    def to_json(self) -> dict[str, Any]:
        """Canonical: every key, always; dates ISO 8601."""
        return {
            "kind": self.kind.value,
            "consent": None if self.consent is None else self.consent.to_json(),
            "conflict": None if self.conflict is None else self.conflict.to_json(),
        }

    @classmethod
    def from_json(cls, data: Any) -> Basis:
        """The :class:`Basis` of :meth:`to_json`; ``ValueError`` for anything else."""
        fields = _fields(data, ("kind", "consent", "conflict"))
        consent, conflict = fields["consent"], fields["conflict"]
        return cls(
            SharingBasis(fields["kind"]),
            None if consent is None else Consent.from_json(consent),
            None if conflict is None else ConflictOfDuties.from_json(conflict),
        )


@dataclass(frozen=True)
class Telling:
    """One party: told on a date, or a reason not to."""

    told_on: dt.date | None = None
    reason: NotToldReason | None = None
    explanation: str = ""  # required with NotToldReason.OTHER

    @property
    def kind(self) -> str:
        """``"told"``, or the reason's id: what the audit log keeps (no date, no text);
        ``"unknown"`` for a telling with neither (which :func:`problems` refuses)."""
        if self.told_on is not None:
            return "told"
        return "unknown" if self.reason is None else self.reason.value

    def to_json(self) -> dict[str, Any]:
        return {
            "told_on": None if self.told_on is None else self.told_on.isoformat(),
            "reason": None if self.reason is None else self.reason.value,
            "explanation": self.explanation,
        }

    @classmethod
    def from_json(cls, data: Any) -> Telling:
        fields = _fields(data, ("told_on", "reason", "explanation"))
        told_on, reason = fields["told_on"], fields["reason"]
        return cls(
            None if told_on is None else _date(told_on),
            None if reason is None else NotToldReason(reason),
            _text(fields["explanation"]),
        )


@dataclass(frozen=True)
class Told:
    pupil: Telling
    parents: Telling

    def to_json(self) -> dict[str, Any]:
        return {"pupil": self.pupil.to_json(), "parents": self.parents.to_json()}

    @classmethod
    def from_json(cls, data: Any) -> Told:
        fields = _fields(data, ("pupil", "parents"))
        return cls(Telling.from_json(fields["pupil"]), Telling.from_json(fields["parents"]))


def pupil_16_plus(age_band: str | None) -> bool | None:
    """Whether a pupil of ``age_band`` is 16 or older; None when the band does not say."""
    if age_band in ("16-17", "18+"):
        return True
    if age_band in ("10-11", "12-13", "14-15"):
        return False
    return None


# ---------------------------------------------------------------------- JSON helpers


def _fields(data: Any, keys: tuple[str, ...]) -> dict[str, Any]:
    if not isinstance(data, dict) or set(data) != set(keys):
        raise ValueError(f"expected an object with the keys {', '.join(keys)}")
    return data


def _date(value: Any) -> dt.date:
    if not isinstance(value, str):
        raise ValueError("expected an ISO date")
    return dt.date.fromisoformat(value)


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("expected text")
    return value
