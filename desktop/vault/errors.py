"""What can go wrong with the vault, each with a Dutch message that says what to do.

``str(error)`` is the message for the user, translated when it is shown (``desktop.i18n._``),
so that a language switch also changes messages that were raised earlier. Messages never
hold case text, nor a file name the user chose: only names the app made, version numbers,
limits and counts.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop.i18n import _, format_date


class VaultError(Exception):
    """Base class: every vault failure the user should see is one of these."""

    def message(self) -> str:
        return _("Er ging iets mis met de kluis. Probeer het opnieuw.")

    def __str__(self) -> str:
        return self.message()


class WrongPassphrase(VaultError):
    """The passphrase does not open the key header. Nothing was written."""

    def message(self) -> str:
        return _(
            "Het wachtwoord klopt niet. Let op hoofdletters en spaties en probeer het opnieuw. "
            "Kwijt? Open de kluis dan met de herstelsleutel."
        )


class WrongRecoveryKey(VaultError):
    """The recovery key is well formed but does not open the key header."""

    def message(self) -> str:
        return _(
            "Deze herstelsleutel hoort niet bij deze kluis. Controleer of je de sleutel van "
            "deze school hebt overgenomen."
        )


class MalformedRecoveryKey(VaultError):
    """The recovery key has the wrong length or a typing error (its check digits fail)."""

    def message(self) -> str:
        return _(
            "De herstelsleutel is niet goed overgenomen: er ontbreken tekens of er zit een "
            "tikfout in. Een herstelsleutel bestaat uit {groups} groepjes van {size} tekens."
        ).format(groups=10, size=5)


class PassphraseTooShort(VaultError):
    def __init__(self, minimum: int) -> None:
        super().__init__(minimum)
        self.minimum = minimum

    def message(self) -> str:
        return _(
            "Het wachtwoord is te kort. Kies er een van minstens {n} tekens, bijvoorbeeld een "
            "zin van een paar woorden."
        ).format(n=self.minimum)


class CurrentPassphraseNeeded(VaultError):
    """Changing the passphrase of a vault opened with the passphrase asks for it again."""

    def message(self) -> str:
        return _("Vul eerst het huidige wachtwoord in om een nieuw wachtwoord te kiezen.")


class FileProblem(VaultError):
    """A problem with one file (named by ``path``); the newest backup, if any, is offered."""

    def __init__(self, path: Path, newest_backup: Path | None = None) -> None:
        super().__init__(path, newest_backup)
        self.path = path
        self.newest_backup = newest_backup


class VaultMissing(FileProblem):
    """There is no vault file at the path."""

    def message(self) -> str:
        if self.newest_backup is not None:
            return _(
                "De kluis ({name}) is niet gevonden. Er is wel een reservekopie: {backup}. "
                "Zet die terug om verder te werken."
            ).format(name=self.path.name, backup=self.newest_backup.name)
        return _(
            "De kluis ({name}) is niet gevonden. Is de map met gegevens verplaatst? Zet het "
            "bestand terug, of maak een nieuwe kluis aan."
        ).format(name=self.path.name)


class VaultExists(FileProblem):
    """``create`` refuses to overwrite a vault that is already there."""

    def message(self) -> str:
        return _(
            "Er staat al een kluis ({name}). Open die met het wachtwoord; een nieuwe kluis "
            "aanmaken zou de bestaande overschrijven en gebeurt daarom niet."
        ).format(name=self.path.name)


class KeyFileMissing(FileProblem):
    """The vault file is there but its key header (the ``.sleutel`` file) is not."""

    def message(self) -> str:
        if self.newest_backup is not None:
            return _(
                "Het sleutelbestand ({name}) naast de kluis ontbreekt; zonder dat bestand gaat "
                "de kluis niet open. Zet het terug uit de map waar het stond, of zet de "
                "reservekopie {backup} terug."
            ).format(name=self.path.name, backup=self.newest_backup.name)
        return _(
            "Het sleutelbestand ({name}) naast de kluis ontbreekt; zonder dat bestand gaat de "
            "kluis niet open. Zet het terug uit de map waar het stond."
        ).format(name=self.path.name)


class NotAVault(FileProblem):
    """The file is not a Schoolsignaal vault (or its key header is not one)."""

    def message(self) -> str:
        if self.path.suffix == ".sleutel":
            return _(
                "Het sleutelbestand ({name}) naast de kluis is beschadigd, en geen reservekopie "
                "heeft een bruikbaar exemplaar ervan. Zet het bestand terug uit een kopie van "
                "de map met gegevens, of vraag hulp aan de ICT-beheerder. Er is niets veranderd."
            ).format(name=self.path.name)  # the vault's own header: a name the app chose
        return _(
            "Het bestand {name} is geen kluis van Schoolsignaal. Kies het bestand kluis.db uit "
            "de map met gegevens van Schoolsignaal."
        ).format(name=self.path.name)


class VaultCorrupt(FileProblem):
    """The vault file is damaged (a page fails its check, or its structure does not hold).

    ``unchanged``: the check was read-only, so the message may say the file was not changed.
    ``kept``: a crash had left a rollback journal; the vault and that journal, as they were
    before SQLite rolled it back, were copied to ``kept`` (and ``kept`` + ``-journal``).
    """

    def __init__(
        self,
        path: Path,
        newest_backup: Path | None = None,
        *,
        unchanged: bool = False,
        kept: Path | None = None,
    ) -> None:
        super().__init__(path, newest_backup)
        self.unchanged = unchanged
        self.kept = kept

    def message(self) -> str:
        text = _("De kluis ({name}) is beschadigd en kan niet veilig worden geopend.").format(
            name=self.path.name
        )
        if self.kept is not None:
            text += " " + _(
                "Schoolsignaal was eerder onderbroken tijdens het opslaan. De kluis en zijn "
                "journaal zoals ze toen waren, zijn bewaard als {kept} en {kept}-journal: geef "
                "die aan de ICT-beheerder."
            ).format(kept=self.kept.name)
        elif self.unchanged:
            text += " " + _("Het bestand is niet veranderd.")
        if self.newest_backup is not None:
            return (
                text
                + " "
                + _("Zet de nieuwste reservekopie terug: {backup}.").format(
                    backup=self.newest_backup.name
                )
            )
        return text + " " + _("Er is geen reservekopie gevonden; vraag hulp aan de ICT-beheerder.")


class VaultFromNewerVersion(VaultError):
    """The vault was written by a newer version of the app; this one does not open it."""

    def __init__(self, found: int, supported: int) -> None:
        super().__init__(found, supported)
        self.found = found
        self.supported = supported

    def message(self) -> str:
        return _(
            "Deze kluis is gemaakt met een nieuwere versie van Schoolsignaal (kluisversie "
            "{found}; deze versie kent tot en met {supported}). Installeer de nieuwste versie "
            "van Schoolsignaal. De kluis is niet veranderd."
        ).format(found=self.found, supported=self.supported)


class VaultInUse(VaultError):
    """Another Schoolsignaal window or process has the vault open."""

    def message(self) -> str:
        return _(
            "De kluis is al geopend in een ander venster van Schoolsignaal, of door iemand "
            "anders op deze computer. Sluit dat venster eerst en probeer het dan opnieuw."
        )


class DiskFull(VaultError):
    """Saving failed for lack of space; the earlier data is unchanged."""

    def message(self) -> str:
        return _(
            "Opslaan is niet gelukt: de schijf is vol. Wat je eerder hebt opgeslagen is er nog. "
            "Maak ruimte vrij en sla daarna opnieuw op."
        )


class VaultLocked(VaultError):
    """An operation was asked of a vault that has been locked."""

    def message(self) -> str:
        return _("De kluis is vergrendeld. Open hem opnieuw met het wachtwoord.")


class CaseNotFound(VaultError):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code

    def message(self) -> str:
        return _(
            "Melding {code} bestaat niet (meer). Misschien is de bewaartermijn voorbij."
        ).format(code=self.code)


class EntryNotFound(VaultError):
    def __init__(self, entry_id: int) -> None:
        super().__init__(entry_id)
        self.entry_id = entry_id

    def message(self) -> str:
        return _("Deze aantekening bestaat niet (meer).")


class InvalidInput(VaultError):
    """A value the vault does not accept; ``field`` names it for the form.

    ``problem`` is a Dutch message id (marked with ``N_``), formatted with ``params`` and
    translated when shown.
    """

    def __init__(self, field: str, problem: str, **params: object) -> None:
        super().__init__(field, problem)
        self.field = field
        self.problem = problem
        self.params = params

    def message(self) -> str:
        return _(self.problem).format(**self.params)


class BackupInvalid(VaultError):
    """A file offered for restore is not a readable backup of this vault.

    The file is named only if the app made it (``kluis-<time>.db``): the user may have chosen
    any name, a pupil's too, and the exception's arguments do not hold the path either.
    """

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def message(self) -> str:
        from desktop.vault.backups import safe_name  # backups raises this error

        name = safe_name(self.path)
        if name is None:
            return _(
                "Het gekozen bestand is geen bruikbare reservekopie van deze kluis (beschadigd, "
                "of van een andere kluis). Er is niets teruggezet; de kluis is niet veranderd."
            )
        return _(
            "Het bestand {name} is geen bruikbare reservekopie van deze kluis (beschadigd, of "
            "van een andere kluis). Er is niets teruggezet; de kluis is niet veranderd."
        ).format(name=name)


class VaultIOError(VaultError):
    """The operating system refused a read or write (permissions, a removed drive)."""

    def message(self) -> str:
        return _(
            "De kluis kon niet worden gelezen of geschreven. Controleer of de map met gegevens "
            "bereikbaar is en of je er mag schrijven. Wat eerder is opgeslagen is er nog."
        )


class RecoveryKeyOutdated(VaultError):
    """A vault made by an early version cannot wrap a new key for its recovery key."""

    def message(self) -> str:
        return _(
            "Deze kluis is gemaakt met een eerdere versie van Schoolsignaal. Maak eerst een "
            "nieuwe herstelsleutel; daarna kun je het wachtwoord wijzigen."
        )


class BackupFromEarlierKey(BackupInvalid):
    """A backup made before the passphrase was changed: it opens with the one of its time."""

    def message(self) -> str:
        return _(
            "Deze reservekopie is gemaakt voordat het wachtwoord werd gewijzigd. Zet hem terug "
            "met het wachtwoord van toen, of met de herstelsleutel. Er is niets teruggezet; "
            "de kluis is niet veranderd."
        )


class ClockUncertain(VaultError):
    """The date to purge with is before the last day the vault saw, or months after it.

    A computer's clock that jumps (a flat battery, a wrong time zone or year) must not purge
    cases or drop backups on its own: the coordinator checks the clock, or confirms the date.
    """

    def __init__(self, today: dt.date, last_seen: dt.date) -> None:
        super().__init__(today, last_seen)
        self.today = today
        self.last_seen = last_seen

    def message(self) -> str:
        if self.today < self.last_seen:
            text = _(
                "De datum van deze computer ({today}) ligt vóór {last_seen}, de laatste dag "
                "waarop de kluis is gebruikt."
            )
        else:
            text = _(
                "De datum van deze computer ({today}) ligt meer dan drie maanden na "
                "{last_seen}, de laatste dag waarop de kluis is gebruikt."
            )
        advice = _(
            "Controleer de klok van de computer, of bevestig dat het vandaag {today} is. Tot "
            "dan worden er geen meldingen en reservekopieën opgeruimd."
        )
        dates = {"today": format_date(self.today), "last_seen": format_date(self.last_seen)}
        return text.format(**dates) + " " + advice.format(**dates)


class RestoreNeedsOpenVault(VaultError):
    """A backup from before a key change, put over a vault that the secret given does not
    open: the case numbers given out since would be given again."""

    def message(self) -> str:
        return _(
            "Deze reservekopie is van vóór een wijziging van het wachtwoord. Open de kluis met "
            "het huidige wachtwoord en zet de reservekopie daar terug (met het wachtwoord van "
            "toen), zodat codes van meldingen die sindsdien zijn uitgedeeld niet opnieuw "
            "worden gegeven. Gaat de kluis niet meer open? Gebruik dan de herstelsleutel. Er is "
            "niets teruggezet."
        )


class RecoveryKeyNotConfirmed(VaultError):
    """The key typed back is not the new recovery key just shown."""

    def message(self) -> str:
        return _(
            "Dit is niet de herstelsleutel die net is getoond. Neem hem precies over; de oude "
            "herstelsleutel blijft gelden tot de nieuwe is bevestigd."
        )
