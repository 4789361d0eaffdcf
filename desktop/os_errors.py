"""Why a file could not be read or written, in the user's language.

The operating system's own text (``strerror``) is English on most machines; these are the
reasons a teacher or an IT person meets, said the way they would say them.
"""

from __future__ import annotations

import errno

from desktop.i18n import N_, _

_REASONS = {
    errno.EACCES: N_("je hebt geen toestemming om daar te schrijven"),
    errno.EPERM: N_("je hebt geen toestemming om daar te schrijven"),
    errno.EROFS: N_("die schijf is alleen-lezen"),
    errno.ENOSPC: N_("de schijf is vol"),
    errno.EDQUOT: N_("je opslagruimte is vol"),
    errno.ENOTDIR: N_("een deel van het pad is een bestand, geen map"),
    errno.EISDIR: N_("dat is een map, geen bestand"),
    errno.ENOENT: N_("die map bestaat niet"),
    errno.ENAMETOOLONG: N_("de naam is te lang"),
}


def reason(err: OSError) -> str:
    """A short Dutch (or English) reason for ``err``; the system's text for rare ones."""
    known = _REASONS.get(err.errno or 0)
    return _(known) if known else (err.strerror or type(err).__name__)
