"""A purged or deleted case is gone from every copy of the vault, also after a kill -9; a clock
that jumps purges nothing until the coordinator confirms the date (issue 9, points 4 and 8)."""

from __future__ import annotations

import datetime as dt
import errno
import json
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import i18n
from desktop.vault import backups, engine, keyheader, retention
from desktop.vault.errors import ClockUncertain
from desktop.vault.service import Vault
from desktop.vault.validation import add_months
from tests.conftest import ROOT
from tests.vault.conftest import CLOSING, PASSPHRASE

DAY = dt.date(2026, 3, 2)
SECRET = "DIT-MOET-OVERAL-WEG"


# ---------------------------------------------------------------------- helpers


def expired_case(vault: Vault) -> str:
    """A closed case whose retention date passed long ago, with an entry."""
    code = vault.create_case(opened_on=dt.date(2023, 1, 5))
    vault.add_entry(code, "note", occurred_on=dt.date(2023, 1, 5), facts=f"{SECRET}-{code} gezien")
    vault.set_status(code, "closed", **CLOSING, today=dt.date(2023, 2, 1), retention_months=1)
    return code


def open_case(vault: Vault) -> str:
    code = vault.create_case(opened_on=DAY)
    vault.add_entry(code, "note", occurred_on=DAY, facts=f"{SECRET}-{code} gehoord")
    return code


def key_of(vault_file: Path) -> bytes:
    header = keyheader.read_header(keyheader.header_path(vault_file))
    return header.unwrap_with_passphrase(PASSPHRASE)


def copies(vault_file: Path) -> list[Path]:
    """Every database file beside the vault but the vault: backups and copies kept aside."""
    found = [*vault_file.parent.glob("*.db"), *backups.backup_dir(vault_file).glob("*.db")]
    return sorted(p for p in found if p != vault_file)


def holds(copy: Path, key: bytes, code: str) -> bool:
    """Whether the copy, opened read-only with the key, still has the case or its text."""
    conn = engine.connect(copy, key, settings=False, read_only=True)
    try:
        cases = conn.execute("SELECT count(*) FROM cases WHERE code = ?", (code,)).fetchone()
        texts = conn.execute(
            "SELECT (SELECT count(*) FROM entries WHERE facts LIKE ?)"
            " + (SELECT count(*) FROM entry_revisions WHERE facts LIKE ?)",
            (f"%{SECRET}-{code}%", f"%{SECRET}-{code}%"),
        ).fetchone()
    finally:
        conn.close()
    return bool(cases[0] or texts[0])


def events(vault: Vault, kind: str) -> list[dict[str, object]]:
    return [json.loads(e.details) for e in vault.audit_log() if e.kind == kind]


def stale_marker(vault: Vault) -> str | None:
    assert vault._store.engine is not None
    with vault._store.engine.connect() as conn:
        value = conn.exec_driver_sql(
            "SELECT value FROM meta WHERE key = ?", (retention.STALE_KEY,)
        ).scalar()
    return None if value is None else str(value)


def many_copies(vault: Vault) -> list[Path]:
    """Two backups (one without its header copy) and a copy kept aside beside the vault."""
    first = vault.backup()
    second = vault.backup()
    backups.header_beside(second).unlink()  # lost: known by what it holds
    set_aside = vault.path.with_name("kluis.vervangen-20260101-000000-000000.db")
    shutil.copyfile(first, set_aside)
    return [first, second, set_aside]


def only_a_fresh_backup(vault: Vault, code: str) -> Path:
    """Checks that one backup is left, without the case, and whole; returns it."""
    left = copies(vault.path)
    assert left == vault.backups()
    assert len(left) == 1
    key = key_of(vault.path)
    assert not holds(left[0], key, code)
    assert backups.check_backup(
        left[0], key, keyheader.read_header(left[0].with_suffix(".sleutel")).vault_id
    )
    folder = backups.backup_dir(vault.path)
    assert sorted(p.name for p in folder.iterdir()) == [left[0].name, f"{left[0].stem}.sleutel"]
    assert not list(vault.path.parent.glob("kluis.*-*.sleutel"))
    assert stale_marker(vault) is None
    return left[0]


# ---------------------------------------------------------------------- purge everywhere


def test_a_purged_case_is_in_no_copy_of_the_vault_afterwards(vault: Vault) -> None:
    code = expired_case(vault)
    kept = open_case(vault)
    made = many_copies(vault)
    key = key_of(vault.path)
    assert all(holds(copy, key, code) for copy in made)

    purged = vault.purge_expired()

    assert purged == [code]
    assert purged.copies_removed == 3
    assert purged.saved_elsewhere == 0
    fresh = only_a_fresh_backup(vault, code)
    assert holds(fresh, key, kept)  # a real backup: the case that stays is in it
    purge_seq = next(e.seq for e in vault.audit_log() if e.kind == "purged")
    assert events(vault, "copies_replaced")[-1] == {
        "copies_removed": 3,
        "completes_event": purge_seq,
    }
    assert vault.verify_audit().ok


def test_a_deleted_case_is_in_no_copy_of_the_vault_afterwards(vault: Vault) -> None:
    code = open_case(vault)
    other = vault.create_case(opened_on=DAY)
    made = many_copies(vault)
    key = key_of(vault.path)
    assert all(holds(copy, key, code) for copy in made)

    deleted = vault.delete_case(code)

    assert deleted == [code]
    assert deleted.copies_removed == 3
    assert not deleted.copies_pending
    fresh = only_a_fresh_backup(vault, code)
    assert holds(fresh, key, other)
    assert [e.kind for e in vault.audit_log()][-3:] == [
        "case_deleted",
        "backed_up",
        "copies_replaced",
    ]
    assert vault.verify_audit().ok


def test_without_copies_a_deletion_makes_no_backup(vault: Vault) -> None:
    code = open_case(vault)
    assert vault.delete_case(code).copies_removed == 0
    assert vault.backups() == []
    assert stale_marker(vault) is None
    assert vault.audit_log()[-1].kind == "case_deleted"


def test_copies_of_another_vault_are_left(vault_file: Path) -> None:
    """A vault that was lost and made again under the same name: the old one's backups are
    not this vault's, with their header copy or without."""
    lost, _key = Vault.create(vault_file, PASSPHRASE)
    with lost:
        open_case(lost)
        with_header = lost.backup()
        without_header = lost.backup()
    backups.header_beside(without_header).unlink()
    vault_file.unlink()
    keyheader.header_path(vault_file).unlink()
    theirs = {p: p.read_bytes() for p in backups.backup_dir(vault_file).iterdir()}
    assert len(theirs) == 3

    again, _key = Vault.create(vault_file, PASSPHRASE)
    with again:
        code = open_case(again)
        mine = again.backup()
        assert again.delete_case(code).copies_removed == 1
        assert not mine.exists()
        for path, content in theirs.items():
            assert path.read_bytes() == content
        assert with_header in again.backups()


def test_a_backup_under_an_older_key_goes_by_its_header_copy(vault: Vault, tmp_path: Path) -> None:
    """After a key change the open vault cannot read older backups: the header copy beside
    them names this vault, and that is enough to remove them."""
    code = open_case(vault)
    vault.backup()
    other, _key = Vault.create(tmp_path / "elders" / "kluis.db", PASSPHRASE)
    with other:
        open_case(other)
        foreign = other.backup()
    older = backups.backup_dir(vault.path) / "kluis-20250101-000000-000000.db"
    shutil.copyfile(foreign, older)  # readable with another key only
    shutil.copyfile(keyheader.header_path(vault.path), backups.header_beside(older))
    assert vault.delete_case(code).copies_removed == 2
    assert not older.exists()
    assert not backups.header_beside(older).exists()


def test_backups_saved_elsewhere_are_counted_for_removal_by_hand(
    vault: Vault, tmp_path: Path
) -> None:
    vault.backup(to=tmp_path / "usb" / "voor.db")  # before the case existed: cannot hold it
    code = open_case(vault)
    vault.backup(to=tmp_path / "usb" / "na.db")
    vault.backup()  # beside the vault: replaced, not counted
    deleted = vault.delete_case(code)
    assert deleted.saved_elsewhere == 1
    assert events(vault, "case_deleted")[-1]["saved_elsewhere"] == 1
    assert (tmp_path / "usb" / "na.db").exists()  # out of reach: the screens ask the user


def test_copies_not_replaced_for_a_full_disk_are_replaced_at_a_later_unlock(
    vault: Vault, vault_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code = open_case(vault)
    old = vault.backup()

    def full(*_args: object, **_kw: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backups, "write_backup", full)
    deleted = vault.delete_case(code)
    assert deleted == [code]
    assert deleted.copies_pending  # the case is gone; its copies' turn is kept
    assert old.exists()
    assert stale_marker(vault) is not None
    vault.lock()
    with Vault.unlock(vault_file, PASSPHRASE) as again:  # still full: the unlock goes on
        assert stale_marker(again) is not None
    monkeypatch.undo()
    with Vault.unlock(vault_file, PASSPHRASE) as again:
        assert not old.exists()
        only_a_fresh_backup(again, code)
        assert again.verify_audit().ok


def test_a_deletion_or_purge_is_refused_inside_a_batch(vault: Vault) -> None:
    """No backup can be made of what a batch has not committed: the batch is rolled back."""
    expired = expired_case(vault)
    code = open_case(vault)
    with pytest.raises(RuntimeError), vault.batch():
        vault.delete_case(code)
    with pytest.raises(RuntimeError), vault.batch():
        vault.purge_expired()
    assert sorted(row.code for row in vault.cases()) == sorted([expired, code])
    assert stale_marker(vault) is None


# ---------------------------------------------------------------------- kill -9


def purge_and_kill(vault_file: Path, action: str, kill_at: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.vault.purger",
            str(vault_file),
            PASSPHRASE,
            action,
            str(kill_at),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.slow
@pytest.mark.parametrize("action", ["purge", "delete"])
def test_a_kill_at_any_point_leaves_a_backup_and_the_next_unlock_finishes(
    tmp_path: Path, action: str
) -> None:
    """The child kills itself before each file operation of the purge or deletion in turn
    (point 8: a purge killed midway left no backup at all)."""
    template = tmp_path / "template" / "kluis.db"
    vault, _key = Vault.create(template, PASSPHRASE)  # cheap Argon2id, kept in the header
    with vault:
        code = expired_case(vault) if action == "purge" else open_case(vault)
        many_copies(vault)
    key = key_of(template)
    vault_id = keyheader.read_header(keyheader.header_path(template)).vault_id
    kill_at = 0
    while True:
        kill_at += 1
        vault_file = tmp_path / f"kill-{kill_at}" / "kluis.db"
        shutil.copytree(template.parent, vault_file.parent)
        child = purge_and_kill(vault_file, "purge" if action == "purge" else code, kill_at)
        if child.returncode == 0:  # past the last operation
            assert child.stdout.startswith("done"), child.stdout
            break
        assert child.returncode == -signal.SIGKILL, child.stderr
        whole = []
        for backup in backups.list_backups(vault_file):
            try:
                backups.check_backup(backup, key, vault_id)
            except Exception:  # a backup cut off: another one must be whole
                continue
            whole.append(backup)
        assert whole, f"no whole backup left after a kill at operation {kill_at}"
        with Vault.unlock(vault_file, PASSPHRASE) as again:
            assert code not in [row.code for row in again.cases()]
            only_a_fresh_backup(again, code)
            report = again.check_integrity()
            assert report.ok, (report.database_problems, report.audit.message())
        shutil.rmtree(vault_file.parent)
    assert kill_at > 10  # the child was really killed at many points


# ---------------------------------------------------------------------- the clock


TODAY = dt.date.today()


@pytest.fixture
def seen_today(vault: Vault) -> Vault:
    """The vault after an unlock today (the unlock notes the day)."""
    path = vault.path
    vault.lock()
    return Vault.unlock(path, PASSPHRASE)


def test_a_clock_behind_the_last_day_seen_purges_nothing(
    seen_today: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    with seen_today as vault:
        code = expired_case(vault)
        backup = vault.backup()
        logged = len(vault.audit_log())
        behind = TODAY - dt.timedelta(days=40)
        monkeypatch.setattr(retention, "today", lambda: behind)
        with pytest.raises(ClockUncertain) as caught:
            vault.purge_expired()
        message = str(caught.value)
        assert i18n.format_date(behind) in message
        assert i18n.format_date(TODAY) in message
        assert "klok" in message
        assert SECRET not in message
        with pytest.raises(ClockUncertain):
            vault.purge_expired(TODAY - dt.timedelta(days=2))
        assert code in [row.code for row in vault.cases()]
        assert backup.exists()
        assert len(vault.audit_log()) == logged
        monkeypatch.undo()
        # One day back is a time zone, not a clock gone wrong.
        assert vault.purge_expired(TODAY - dt.timedelta(days=1)) == [code]


def test_a_clock_years_ahead_purges_nothing(
    seen_today: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    with seen_today as vault:
        code = open_case(vault)
        vault.set_status(code, "closed", **CLOSING, today=TODAY, retention_months=24)
        backup = vault.backup()
        ahead = add_months(TODAY, 36)
        monkeypatch.setattr(retention, "today", lambda: ahead)
        with pytest.raises(ClockUncertain) as caught:
            vault.purge_expired()
        assert "drie maanden" in str(caught.value)
        monkeypatch.undo()
        with pytest.raises(ClockUncertain):
            vault.purge_expired(add_months(TODAY, 3) + dt.timedelta(days=1))
        assert code in [row.code for row in vault.cases()]
        assert backup.exists()
        assert vault.purge_expired(add_months(TODAY, 3)) == []  # three months: still trusted


def test_a_confirmed_date_purges_and_is_logged(
    seen_today: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    with seen_today as vault:
        code = open_case(vault)
        vault.set_status(code, "closed", **CLOSING, today=TODAY, retention_months=24)
        vault.backup()
        ahead = add_months(TODAY, 36)
        monkeypatch.setattr(retention, "today", lambda: ahead)
        with pytest.raises(ClockUncertain):
            vault.purge_expired()
        purged = vault.purge_expired(date_confirmed=True)
        assert purged == [code]
        assert purged.copies_removed == 1
        confirmed = events(vault, "purged")[0]
        assert confirmed["date_confirmed"] is True
        assert confirmed["today"] == ahead.isoformat()
        only_a_fresh_backup(vault, code)
        assert vault.purge_expired() == []  # the confirmed date is the last day seen now


def test_an_unlock_with_a_jumped_clock_does_not_move_the_last_day_seen(
    seen_today: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = seen_today.path
    seen_today.lock()
    monkeypatch.setattr(retention, "today", lambda: add_months(TODAY, 60))
    Vault.unlock(path, PASSPHRASE).lock()  # the unlock itself goes on
    monkeypatch.undo()
    with Vault.unlock(path, PASSPHRASE) as vault:
        assert vault.purge_expired() == []  # today is still trusted


def test_the_message_follows_the_language(seen_today: Vault) -> None:
    with seen_today as vault:
        with pytest.raises(ClockUncertain) as caught:
            vault.purge_expired(add_months(TODAY, 24))
        i18n.set_language("en")
        message = str(caught.value)
        assert i18n.format_date(TODAY) in message
        assert "clock" in message


@pytest.mark.parametrize("how", ["restore", "restore_backup"])
def test_a_restore_with_a_wrong_clock_opens_and_leaves_the_purge_for_later(
    vault: Vault, vault_file: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    code = expired_case(vault)
    backup = vault.backup()
    monkeypatch.setattr(retention, "today", lambda: add_months(TODAY, 48))
    if how == "restore":
        vault.restore(backup)
        again = vault
    else:
        vault.lock()
        again = Vault.restore_backup(vault_file, backup, PASSPHRASE)
    with again:
        assert code in [row.code for row in again.cases()]  # not purged on a doubtful date
        assert not events(again, "purged")
        with pytest.raises(ClockUncertain):
            again.purge_expired()
        assert again.purge_expired(date_confirmed=True) == [code]
        only_a_fresh_backup(again, code)


def test_a_purge_at_restore_replaces_the_copies_at_the_next_unlock(
    vault: Vault, vault_file: Path
) -> None:
    """The restore keeps its safety copy while the coordinator checks the result; the copies
    that hold the case it purged again go at the next unlock."""
    code = expired_case(vault)
    backup = vault.backup()
    safety = vault.restore(backup)
    assert code not in [row.code for row in vault.cases()]
    assert safety.exists()
    assert backup.exists()
    vault.lock()
    with Vault.unlock(vault_file, PASSPHRASE) as again:
        only_a_fresh_backup(again, code)


def test_restoring_the_backup_a_purge_made_keeps_the_other_backups(
    vault: Vault, vault_file: Path
) -> None:
    """That backup was made with the copies marked stale; restored, it must not replace
    every copy again (the safety copy of the restore among them)."""
    code = expired_case(vault)
    vault.backup()
    assert vault.purge_expired() == [code]
    (fresh,) = vault.backups()
    later = vault.backup()
    safety = vault.restore(fresh)
    vault.lock()
    with Vault.unlock(vault_file, PASSPHRASE) as again:
        assert set(again.backups()) == {fresh, later, safety}
        assert stale_marker(again) is None


def test_the_journal_kept_with_a_replaced_vault_goes_with_it(
    vault: Vault, vault_file: Path
) -> None:
    """Review of issue 9: a crash's journal kept aside with a replaced vault holds its
    pages; a purge or deletion left it."""
    from desktop.vault import restoring

    code = vault.create_case()
    kept = restoring.keep_replaced(vault_file)
    journal = kept.with_name(kept.name + "-journal")
    journal.write_bytes(b"pagina's van de kluis")
    vault.delete_case(code)
    assert not kept.exists()
    assert not journal.exists()


def test_a_deletion_and_saves_from_another_thread_do_not_mix(vault: Vault) -> None:
    """Review of issue 9: the copies' replacement after a deletion ran outside the vault's
    lock, on the connection another thread was saving through: saves were lost and codes
    given twice."""
    import threading

    codes = [vault.create_case() for _ in range(6)]
    vault.backup()
    acknowledged: list[str] = []
    errors: list[BaseException] = []
    stop = threading.Event()

    def save() -> None:
        while not stop.is_set():
            try:
                acknowledged.append(vault.create_case())
            except BaseException as exc:
                errors.append(exc)

    saver = threading.Thread(target=save)
    saver.start()
    try:
        for code in codes:
            vault.delete_case(code)
    finally:
        stop.set()
        saver.join()
    assert errors == []
    assert len(acknowledged) == len(set(acknowledged)) > 0
    kept = {row.code for row in vault.cases()}
    assert set(acknowledged) <= kept
