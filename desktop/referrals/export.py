"""A letter out of the app: saved as PDF (optionally with a password) or printed, and every
time logged in the vault with the PDF's SHA-256 (shared/domain.md 4: record every sharing).

The file is written atomically where the coordinator chose, and nowhere else: no temp copy,
no recent-files list. A file name that holds the pupil's typed name is refused. If the vault
cannot log a save, the file is removed again: no letter leaves without its audit event.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.i18n import _
from desktop.referrals.choices import LetterChoices

if TYPE_CHECKING:
    from desktop.vault.service import Vault

log = logging.getLogger(__name__)

DOCUMENT = "referral_letter"
# No 0/O, 1/I/L: a password read out over the phone
PASSWORD_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # noqa: S105 (an alphabet)
PASSWORD_GROUPS = 4
PASSWORD_GROUP = 4


class ExportRefused(ValueError):
    """The letter may not go to this file; the message says why and what to do."""


@dataclass(frozen=True)
class Saved:
    path: Path
    sha256: str
    password: str  # "" without a password; shown once, stored nowhere
    referral: int


def new_password() -> str:
    """Four groups of four letters and digits (about 79 bits): ``K7QM-2XPD-9FHT-W3RN``."""
    return "-".join(
        "".join(secrets.choice(PASSWORD_ALPHABET) for _i in range(PASSWORD_GROUP))
        for _g in range(PASSWORD_GROUPS)
    )


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class LetterExport:
    """One letter of one case: each save and print is logged; the first makes the referral,
    the next ones (the same letter again) refer to it."""

    def __init__(self, vault: Vault, code: str) -> None:
        self.vault = vault
        self.code = code
        self.referral: int | None = None

    def check_file_name(self, path: Path, choices: LetterChoices) -> None:
        name = path.name.casefold()
        if any(word in name for word in choices.identity.words()):
            raise ExportRefused(
                _(
                    "De bestandsnaam bevat de naam van de leerling. Een bestandsnaam blijft "
                    "zichtbaar in mappen en lijsten van recente bestanden. Gebruik de code van "
                    "de melding, zoals de voorgestelde naam."
                )
            )

    def save(
        self,
        data: bytes,
        path: Path,
        choices: LetterChoices,
        sections: tuple[str, ...],
        *,
        with_password: bool = False,
    ) -> Saved:
        from toolkit.atomic import write_atomic

        self.check_file_name(path, choices)
        password = ""
        if with_password:
            from toolkit.pdf_password import lock

            password = new_password()
            data = lock(data, password)
        digest = sha256(data)
        target = write_atomic(path, data)
        try:
            referral = self._record("export", digest, choices, sections)
        except BaseException:
            with contextlib.suppress(OSError):
                target.unlink()
            raise
        log.info("referral letter saved (%d bytes, password: %s)", len(data), bool(password))
        return Saved(target, digest, password, referral)

    def printed(self, data: bytes, choices: LetterChoices, sections: tuple[str, ...]) -> int:
        """Log a print of ``data`` (after the printer took it)."""
        referral = self._record("print", sha256(data), choices, sections)
        log.info("referral letter printed")
        return referral

    def _record(
        self, channel: str, digest: str, choices: LetterChoices, sections: tuple[str, ...]
    ) -> int:
        assert choices.recipient is not None
        assert choices.basis is not None
        record = self.vault.record_export if channel == "export" else self.vault.record_print
        referral = record(
            self.code,
            DOCUMENT,
            choices.recipient.kind,
            choices.basis.kind,
            digest,
            recipient_name=choices.recipient.organisation,
            sections=sections,
            entry_ids=choices.ticked(),
            basis_details=choices.basis,
            told=choices.told,
            pupil_16_plus=choices.pupil_16_plus,
            repeat_of=self.referral,
        )
        self.referral = referral
        return referral

    def forget_letter(self) -> None:
        """The letter changed after it was logged: the next save or print is a new referral."""
        self.referral = None
