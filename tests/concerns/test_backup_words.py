"""Backups in words: time and size in the app's language, the copies the vault made on its
own named as such, a backup elsewhere named like the vault's own, and what a restore does."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop import i18n
from desktop.concerns import backup_words as words


def test_items_have_time_size_and_kind(tmp_path: Path) -> None:
    plain = tmp_path / "kluis-20260302-101112-000001.db"
    safety = tmp_path / "kluis-20260303-090000-000001-voor-terugzetten.db"
    migration = tmp_path / "kluis-20260301-080000-000001-voor-v3.db"
    plain.write_bytes(b"x" * 2_345_678)
    safety.write_bytes(b"x" * 840_000)
    migration.write_bytes(b"x" * 12)
    found = words.items([safety, plain, migration, tmp_path / "weg.db"])
    assert [item.path for item in found] == [safety, plain, migration, tmp_path / "weg.db"]
    assert [item.when for item in found] == [
        "3 mrt 2026, 09:00:00",
        "2 mrt 2026, 10:11:12",
        "1 mrt 2026, 08:00:00",
        "–",
    ]
    assert [item.size_text for item in found] == ["840 kB", "2,3 MB", "12 byte", "–"]
    assert [item.kind for item in found] == [
        "Veiligheidskopie van vóór een terugzetting",
        "",
        "Van vóór het bijwerken naar versie 3",
        "",
    ]


def test_sizes() -> None:
    assert words.size_text(0) == "0 byte"
    assert words.size_text(999) == "999 byte"
    assert words.size_text(1000) == "1 kB"
    assert words.size_text(999_499) == "999 kB"
    assert words.size_text(1_000_000) == "1 MB"
    assert words.size_text(2_000_000_000) == "2 GB"
    i18n.set_language("en")
    try:
        assert words.size_text(2_345_678) == "2.3 MB"
    finally:
        i18n.set_language("nl")


def test_a_backup_elsewhere_is_named_like_the_vaults_own(tmp_path: Path) -> None:
    moment = dt.datetime(2026, 3, 2, 10, 11, 12, 1)
    target = words.file_in(tmp_path / "USB", Path("/data/kluis.db"), moment)
    assert target == tmp_path / "USB" / "kluis-20260302-101112-000001.db"
    said = words.made_elsewhere(target)
    assert str(tmp_path / "USB") in said
    assert "kluis-20260302-101112-000001.db" in said
    assert ".sleutel" in said
    assert "alle meldingen" in said
    assert "veilige plek" in said
    assert "zelf weggooien" in said


def test_the_restore_question_says_what_happens(tmp_path: Path) -> None:
    backup = tmp_path / "kluis-20260302-101112-000001.db"
    backup.write_bytes(b"x")
    question, consequence = words.restore_question(words.items([backup])[0])
    assert question == "De reservekopie van 2 mrt 2026, 10:11:12 terugzetten?"
    assert "veiligheidskopie" in consequence
    assert "niet meer in de kluis" in consequence
    safety = tmp_path / "kluis-20260303-090000-000001-voor-terugzetten.db"
    assert words.restored(safety) == (
        "De reservekopie is teruggezet. De kluis zoals hij was, is bewaard als veiligheidskopie "
        "van 3 mrt 2026, 09:00:00 (kluis-20260303-090000-000001-voor-terugzetten.db)."
    )
    assert "wachtwoord van toen" in words.earlier_key_question()
