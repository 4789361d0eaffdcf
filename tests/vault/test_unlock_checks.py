"""Issue 9.3: the checks at unlock, before anything is written. SQLite's ``quick_check``
catches an older copy of a page (its HMAC is valid, so SQLCipher's own check passes), and a
crash's rollback journal is copied aside, with the vault, before SQLite rolls it back."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from desktop.vault import engine, opening
from desktop.vault.errors import VaultCorrupt
from desktop.vault.service import Vault
from tests.conftest import run_python
from tests.vault.conftest import PASSPHRASE

PAGE = 4096
DAY = dt.date(2026, 3, 2)

HALF_A_SAVE = """
import os, signal, sys
from pathlib import Path
from desktop.vault import engine
conn = engine.connect(Path(sys.argv[1]), bytes.fromhex(sys.argv[2]))
conn.execute("PRAGMA cache_size = 2")  # spill to the file: the journal is hot
conn.execute("BEGIN")
for n in range(400):
    conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (f"x{n}", "y" * 500))
os.kill(os.getpid(), signal.SIGKILL)
"""


def grown(vault: Vault) -> tuple[bytes, bytes]:
    """The file before and after the case's chronology grew (pages split and moved)."""
    code = vault.create_case(opened_on=DAY)
    for _ in range(5):
        vault.add_entry(code, "note", occurred_on=DAY, facts="oud " * 100)
    before = vault.path.read_bytes()
    for _ in range(60):
        vault.add_entry(code, "note", occurred_on=DAY, facts="nieuw " * 100)
    return before, vault.path.read_bytes()


def stale_page(before: bytes, after: bytes, key: bytes, scratch: Path) -> bytes:
    """``after`` with one page put back as it was in ``before``: a page whose HMAC is valid
    (SQLCipher's check passes) but which SQLite's quick_check finds out of place."""
    for start in range(PAGE, len(before), PAGE):  # page 1 holds the header: skip it
        old = before[start : start + PAGE]
        if old == after[start : start + PAGE]:
            continue
        mixed = after[:start] + old + after[start + PAGE :]
        scratch.write_bytes(mixed)
        conn = engine.connect(scratch, key, settings=False, read_only=True)
        try:
            hmac_ok = conn.execute("PRAGMA cipher_integrity_check").fetchall() == []
            structure_ok = conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
        finally:
            conn.close()
        scratch.unlink()
        if hmac_ok and not structure_ok:
            return mixed
    raise AssertionError("no page of the grown file is caught by quick_check")


def with_a_stale_page(vault: Vault, vault_file: Path, scratch: Path) -> bytes:
    """Grow the vault, lock it and put one page back as it was; returns the key."""
    before, after = grown(vault)
    key = bytes(vault._store.key)
    vault.lock()
    vault_file.write_bytes(stale_page(before, after, key, scratch / "proef.db"))
    return key


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_an_older_copy_of_one_page_is_refused_before_anything_is_written(
    vault: Vault, vault_file: Path, tmp_path: Path
) -> None:
    with_a_stale_page(vault, vault_file, tmp_path)
    untouched = sha(vault_file)
    with pytest.raises(VaultCorrupt) as caught:
        Vault.unlock(vault_file, PASSPHRASE)
    assert "niet veranderd" in str(caught.value)
    assert sha(vault_file) == untouched
    assert not opening.journal(vault_file).exists()


def half_a_save(vault_file: Path, key: bytes) -> None:
    result = run_python(HALF_A_SAVE, str(vault_file), key.hex())
    assert result.returncode == -9, result.stderr
    assert opening.journal(vault_file).stat().st_size > 0


def test_a_crash_journal_is_rolled_back_and_its_copies_go_when_all_is_well(
    vault: Vault, vault_file: Path
) -> None:
    code = vault.create_case(opened_on=DAY)
    key = bytes(vault._store.key)
    vault.lock()
    half_a_save(vault_file, key)
    with Vault.unlock(vault_file, PASSPHRASE) as again:
        assert [r.code for r in again.cases()] == [code]
        assert again.check_integrity().ok
        assert again.unlock_problems == ()
    assert not opening.journal(vault_file).exists()
    assert list(vault_file.parent.glob("kluis.voor-herstel-*")) == []


def test_a_damaged_vault_with_a_crash_journal_is_kept_as_it_was(
    vault: Vault, vault_file: Path, tmp_path: Path
) -> None:
    key = with_a_stale_page(vault, vault_file, tmp_path)
    half_a_save(vault_file, key)
    original = (sha(vault_file), sha(opening.journal(vault_file)))
    with pytest.raises(VaultCorrupt) as caught:
        Vault.unlock(vault_file, PASSPHRASE)
    kept = caught.value.kept
    assert kept is not None
    assert (sha(kept), sha(kept.with_name(kept.name + "-journal"))) == original
    message = str(caught.value)
    assert kept.name in message
    assert "niet veranderd" not in message  # SQLite rolled the journal back: it was changed


@pytest.mark.parametrize("damage", ["page", "journal"])
def test_what_the_message_says_is_true(
    vault: Vault, vault_file: Path, tmp_path: Path, damage: str
) -> None:
    """Only a read-only check may say that the file was not changed."""
    key = with_a_stale_page(vault, vault_file, tmp_path)
    if damage == "journal":
        half_a_save(vault_file, key)
    with pytest.raises(VaultCorrupt) as caught:
        Vault.unlock(vault_file, PASSPHRASE)
    assert caught.value.unchanged is (damage == "page")
