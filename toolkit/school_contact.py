"""The school's own contact for concerns, as plain values (documents never see settings)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class SchoolContact:
    """Who to go to at this school, e.g. the zorgcoördinator (care coordinator)."""

    school: str = ""
    name: str = ""
    role: str = ""
    phone: str = ""
    email: str = ""
    logo: Path | None = None  # the school's logo (PNG or JPEG); printed where the document has room

    @property
    def has_person(self) -> bool:
        """Someone to turn to: a name, phone or e-mail (the school's name alone is not one).
        Not ``__bool__``: a contact with only the school's name must still print that name."""
        return any((self.name, self.phone, self.email))

    def lines(self) -> list[str]:
        """Name and role on one line, then phone and e-mail; empty parts left out."""
        first = ", ".join(p for p in (self.name, self.role) if p)
        return [line for line in (first, self.phone, self.email) if line]

    @classmethod
    def parse(cls, text: str) -> SchoolContact:
        """From the command line: ``"Naam; functie; telefoon; e-mail"`` (parts may be empty)."""
        parts = [p.strip() for p in text.split(";")] + [""] * 4
        return cls(name=parts[0], role=parts[1], phone=parts[2], email=parts[3])
