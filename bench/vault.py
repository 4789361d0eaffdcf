"""The vault's speed beside plain SQLite without encryption, measured in the same run.

    python bench/vault.py [--cases N] [--rounds N]

- unlock: Argon2id (the app's own parameters, 64 MiB), the read-only checks (every page's
  HMAC, SQLite's quick_check), the audit anchor and the unlock's events, against opening a
  plain SQLite file and reading its schema;
- a passphrase change: a new database key, the vault exported under it and swapped in,
  against copying the plain file (printed, not budgeted);
- one durable entry save (one transaction, synced), against one synced INSERT in plain SQLite
  with the same journal and sync settings;
- listing and filtering N cases (10,000 by default) by status, form, text, date, acute
  unsafety and overdue re-check, against the same queries on a plain SQLite copy of the same
  rows.

Budgets (design.md): unlock under 1 s; list and filter under 100 ms. Exits 1 over budget.
The vault and the reference live in a temporary folder that is removed at the end.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.vault.service import Vault  # noqa: E402

PASSPHRASE = "een lange zin als wachtwoord voor de kluis"
FORMS = ["sexual", "criminal", "labour"]
UNLOCK_BUDGET_S = 1.0
LIST_BUDGET_MS = 100.0
START = dt.date(2025, 1, 1)
OVERDUE_ON = dt.date(2025, 6, 1)
ANSWERS = ["yes", "no", "yes", "yes", "unknown"]


def recheck_day(number: int) -> dt.date:
    return START + dt.timedelta(days=number % 400)


def median_ms(action: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def fill_vault(vault: Vault, count: int) -> None:
    rng = random.Random(1)
    with vault.batch():
        for number in range(count):
            code = vault.create_case(
                forms=[rng.choice(FORMS)], opened_on=START + dt.timedelta(days=number % 600)
            )
            vault.add_entry(
                code, "observation", occurred_on=START, facts=f"waarneming nummer {number}"
            )
            if number % 3 == 0:
                vault.set_status(
                    code,
                    "closed",
                    reason="hulp loopt",
                    outcome="help_organised",
                    today=START + dt.timedelta(days=700),
                )
            if number % 7 == 0:
                vault.set_acute(code, START)
            if number % 5 == 0:
                vault.set_answers(code, ANSWERS, recheck_on=recheck_day(number))


def fill_plain(path: Path, count: int) -> sqlite3.Connection:
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=DELETE")
    db.execute("PRAGMA synchronous=EXTRA")
    db.executescript(
        """
        CREATE TABLE cases (id INTEGER PRIMARY KEY, code TEXT UNIQUE, status TEXT, forms TEXT,
                            opened_on TEXT, updated_at TEXT, acute_on TEXT, recheck_on TEXT);
        CREATE TABLE entries (id INTEGER PRIMARY KEY, case_id INTEGER REFERENCES cases(id),
                              facts TEXT, interpretation TEXT, who TEXT, pupil_words TEXT);
        CREATE INDEX entries_case ON entries(case_id);
        """
    )
    rng = random.Random(1)
    with db:
        for number in range(count):
            day = (START + dt.timedelta(days=number % 600)).isoformat()
            status = "closed" if number % 3 == 0 else "open"
            form = f",{rng.choice(FORMS)},"
            acute = START.isoformat() if number % 7 == 0 else None
            recheck = recheck_day(number).isoformat() if number % 5 == 0 else None
            cursor = db.execute(
                "INSERT INTO cases (code, status, forms, opened_on, updated_at, acute_on, "
                "recheck_on) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (f"{day[:4]}-{number:05d}", status, form, day, day, acute, recheck),
            )
            db.execute(
                "INSERT INTO entries (case_id, facts, interpretation, who, pupil_words) "
                "VALUES (?, ?, '', '', '')",
                (cursor.lastrowid, f"waarneming nummer {number}"),
            )
    return db


PLAIN_LIST = "SELECT id, code, status, forms, opened_on FROM cases {where} ORDER BY opened_on DESC"


def plain_queries(db: sqlite3.Connection, last: int) -> dict[str, Callable[[], object]]:
    def run(where: str, *args: object) -> Callable[[], object]:
        return lambda: db.execute(PLAIN_LIST.format(where=where), args).fetchall()

    text = (
        "WHERE code LIKE ? OR id IN (SELECT case_id FROM entries "
        "WHERE facts LIKE ? OR interpretation LIKE ? OR who LIKE ? OR pupil_words LIKE ?)"
    )
    like = f"%nummer {last}%"
    return {
        "all": run(""),
        "status": run("WHERE status = ?", "open"),
        "form": run("WHERE forms LIKE ?", "%,labour,%"),
        "text": run(text, like, like, like, like, like),
        "dates": run("WHERE opened_on BETWEEN ? AND ?", "2025-03-01", "2025-06-30"),
        "acute": run("WHERE acute_on IS NOT NULL"),
        "overdue": run("WHERE recheck_on < ? AND status != 'closed'", OVERDUE_ON.isoformat()),
    }


def vault_queries(vault: Vault, last: int) -> dict[str, Callable[[], list[object]]]:
    return {
        "all": lambda: list(vault.cases()),
        "status": lambda: list(vault.cases(status="open")),
        "form": lambda: list(vault.cases(form="labour")),
        "text": lambda: list(vault.cases(text=f"nummer {last}")),
        "dates": lambda: list(vault.cases(since=dt.date(2025, 3, 1), until=dt.date(2025, 6, 30))),
        "acute": lambda: list(vault.cases(acute_only=True)),
        "overdue": lambda: list(vault.cases(overdue_on=OVERDUE_ON)),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory(prefix="schoolsignaal-bench-") as folder:
        vault_file = Path(folder) / "data" / "kluis.db"
        plain_file = Path(folder) / "plain.db"
        print(f"filling {args.cases} cases (vault and plain SQLite) ...", flush=True)
        vault, _recovery_key = Vault.create(vault_file, PASSPHRASE)
        memory = vault.kdf_params.memory_kib // 1024
        fill_vault(vault, args.cases)
        vault.lock()
        plain = fill_plain(plain_file, args.cases)
        plain.close()

        # ---- unlock, against opening a plain file and reading its schema
        def unlock() -> None:
            Vault.unlock(vault_file, PASSPHRASE).lock()

        def plain_open() -> None:
            db = sqlite3.connect(plain_file)
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
            db.close()

        unlock_ms = median_ms(unlock, args.rounds)
        open_ms = median_ms(plain_open, args.rounds)
        verdict = "ok" if unlock_ms / 1000 < UNLOCK_BUDGET_S else "OVER BUDGET"
        ok &= verdict == "ok"
        print(
            f"unlock (Argon2id {memory} MiB):  {unlock_ms:8.1f} ms   plain open {open_ms:6.2f} ms"
            f"   ratio {unlock_ms / open_ms:7.0f}x   budget < {UNLOCK_BUDGET_S:.0f} s: {verdict}"
        )

        # ---- a passphrase change: Argon2id twice (check the current one, wrap the new), the
        # export under the new key and the swap, against copying the plain file
        import shutil

        vault = Vault.unlock(vault_file, PASSPHRASE)
        started = time.perf_counter()
        vault.change_passphrase(PASSPHRASE + " nieuw", current=PASSPHRASE)
        change_ms = (time.perf_counter() - started) * 1000
        vault.change_passphrase(PASSPHRASE, current=PASSPHRASE + " nieuw")
        vault.lock()
        copy_ms = median_ms(lambda: shutil.copyfile(plain_file, Path(folder) / "kopie.db"), 3)
        print(
            f"change passphrase (new key):  {change_ms:8.1f} ms   plain copy {copy_ms:6.2f} ms"
            f"   ratio {change_ms / copy_ms:7.0f}x   ({vault_file.stat().st_size // 1024} KiB)"
        )

        # ---- one durable save
        vault = Vault.unlock(vault_file, PASSPHRASE)
        code = vault.create_case(forms=["criminal"])
        plain = sqlite3.connect(plain_file)
        plain.execute("PRAGMA journal_mode=DELETE")
        plain.execute("PRAGMA synchronous=EXTRA")

        def save() -> None:
            vault.add_entry(code, "note", occurred_on=dt.date.today(), facts="een notitie")

        def plain_save() -> None:
            with plain:
                plain.execute(
                    "INSERT INTO entries (case_id, facts, interpretation, who) "
                    "VALUES (1, 'een notitie', '', '')"
                )

        rounds = max(args.rounds, 20)
        save_ms = median_ms(save, rounds)
        plain_save_ms = median_ms(plain_save, rounds)
        print(
            f"one durable entry save:       {save_ms:8.1f} ms   plain      {plain_save_ms:6.2f} ms"
            f"   ratio {save_ms / plain_save_ms:7.1f}x"
        )

        # ---- list and filter
        theirs = plain_queries(plain, args.cases - 1)
        for name, query in vault_queries(vault, args.cases - 1).items():
            ours = median_ms(query, args.rounds)
            reference = median_ms(theirs[name], args.rounds)
            verdict = "ok" if ours < LIST_BUDGET_MS else "OVER BUDGET"
            ok &= verdict == "ok"
            print(
                f"list {name:<7} ({len(query()):>5} of {args.cases + 1}): {ours:7.1f} ms"
                f"   plain {reference:8.2f} ms   ratio {ours / reference:5.1f}x"
                f"   budget < {LIST_BUDGET_MS:.0f} ms: {verdict}"
            )
        vault.lock()
        plain.close()
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
