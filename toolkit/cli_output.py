"""``python -m toolkit``: where a document goes (``-o``), checked before anything is made.

The command line speaks Dutch, like the app: every problem with the output path becomes a
sentence that says what is wrong and what to do, never a traceback or an English system error.
A folder that does not exist is refused, not made: a typing error in ``-o`` should not leave new
folders behind.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path


class UsageError(Exception):
    """A request that cannot be met (an unknown lesson, an output folder that does not exist):
    exit status 2, like argparse's."""


def output_path(text: str, example: str = "document.pdf") -> Path:
    """The file ``-o`` names, if it can be written there; else :class:`UsageError`."""
    if not text.strip():
        raise UsageError(
            f"na -o staat geen bestandsnaam. Geef de naam van het PDF-bestand, "
            f"bijvoorbeeld -o {example}"
        )
    path = Path(text)
    if path.is_dir():
        raise UsageError(
            f"{path} is een map, geen bestand. Geef een bestandsnaam in die map, "
            f"bijvoorbeeld -o {path / example}"
        )
    folder = path.parent
    if not folder.is_dir():
        blocking = _first_existing(folder)
        if blocking is not None and not blocking.is_dir():
            raise UsageError(
                f"{blocking} is een bestand, geen map, dus {path} kan daar niet staan. "
                f"Kies een bestandsnaam in een map die bestaat, bijvoorbeeld -o {path.name}"
            )
        raise UsageError(
            f"de map {folder} bestaat niet. Maak die map eerst aan, of kies een map die "
            f"bestaat, bijvoorbeeld -o {path.name} voor de map waarin je nu staat."
        )
    if not os.access(folder, os.W_OK):
        raise UsageError(
            f"je mag niet schrijven in de map {folder}. Kies een andere map, bijvoorbeeld "
            "je eigen documentenmap."
        )
    return path


def _first_existing(folder: Path) -> Path | None:
    """The nearest of ``folder`` and its parents that exists (as a folder or a file)."""
    for candidate in (folder, *folder.parents):
        if candidate.exists() or candidate.is_symlink():
            return candidate
    return None


_WHY = {
    errno.ENOSPC: "de schijf is vol. Maak ruimte vrij of kies een andere schijf.",
    errno.EACCES: "daar mag je niet schrijven. Kies een andere map of bestandsnaam.",
    errno.EPERM: "daar mag je niet schrijven. Kies een andere map of bestandsnaam.",
    errno.EROFS: "die schijf is alleen-lezen. Kies een andere map.",
    errno.ENAMETOOLONG: "de naam is te lang. Kies een kortere bestandsnaam.",
    errno.ENOTDIR: "een deel van het pad is een bestand, geen map. Kies een map die bestaat.",
    errno.EEXIST: "een deel van het pad is een bestand, geen map. Kies een map die bestaat.",
    errno.EISDIR: "dat is een map. Geef een bestandsnaam in die map.",
    errno.EBUSY: "dat bestand of die map is in gebruik. Kies een andere bestandsnaam.",
    errno.ENOENT: "die map bestaat niet (meer). Kies een map die bestaat.",
}


def write_error(path: str, err: OSError) -> str:
    """What went wrong writing ``path``, in Dutch, with what to do."""
    why = _WHY.get(err.errno or 0)
    if why is None:
        why = f"{err.strerror or err}. Probeer een andere map of bestandsnaam."
    return f"kan {path or '(geen naam)'} niet schrijven: {why}"
