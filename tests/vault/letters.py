"""A lawful referral letter's details, for tests that record one (``record_export``/``print``).

Since schema version 4 a referral letter needs its basis in full and whom the school told of
it (``desktop.vault.sharing_rules.problems`` must find nothing); :func:`lawful` gives both for a
basis, in the form ``record_export(..., **lawful("meldrecht"))`` takes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from desktop.vault.sharing import (
    Basis,
    ConflictOfDuties,
    Consent,
    ConsentForm,
    ConsentFrom,
    NotToldReason,
    Telling,
    Told,
)
from desktop.vault.vocabulary import SharingBasis

DAY = dt.date(2026, 3, 2)  # in the past, as consent and telling must be
TOLD = Told(pupil=Telling(told_on=DAY), parents=Telling(reason=NotToldReason.ENDANGERS_PUPIL))


def basis(kind: SharingBasis | str, *, marker: str = "") -> Basis:
    """A complete basis of ``kind``: written consent of pupil and parent, or both texts of a
    conflict of duties (``marker`` in each)."""
    chosen = SharingBasis(kind)
    if chosen is SharingBasis.CONSENT:
        return Basis(chosen, consent=Consent(ConsentFrom.BOTH, DAY, ConsentForm.WRITTEN))
    if chosen is SharingBasis.CONFLICT_OF_DUTIES:
        return Basis(
            chosen,
            conflict=ConflictOfDuties(f"alleen zo {marker}", f"toestemming gevraagd {marker}"),
        )
    return Basis(chosen)


def lawful(kind: SharingBasis | str, *, marker: str = "") -> dict[str, Any]:
    """Keyword arguments that make a letter on basis ``kind`` lawful (meldrecht: only to
    Veilig Thuis)."""
    told = TOLD
    if marker:
        told = Told(
            pupil=Telling(told_on=DAY),
            parents=Telling(reason=NotToldReason.OTHER, explanation=f"reden {marker}"),
        )
    return {"basis_details": basis(kind, marker=marker), "told": told}
