"""The concern screens at 10,000 cases, beside a plain QTableView over a Python list.

    QT_QPA_PLATFORM=offscreen python bench/concerns.py [--cases N] [--rounds N]

Measured in one run, on the same rows:
- list shown: from an unlocked vault to the case list's rows painted (the vault's query, the
  model, one paint of the table), against a plain QTableView over a list of the same rows;
- a filter keystroke: the search text applied (the vault's SQL over every entry's text), and
  the table painted again, against filtering the plain list in Python and painting;
- opening a case of 500 entries: the case view built and painted (chronology and meldcode
  panel), against a plain QTableView over the 500 entries' rows.

Budget (design.md): each under 100 ms. Exits 1 over budget. Unlock itself (Argon2id) is
measured by bench/vault.py. Everything lives in a temporary folder, removed at the end.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QTableView  # noqa: E402

from desktop.concerns.session import VaultSession  # noqa: E402
from desktop.vault import kdf  # noqa: E402
from desktop.vault.service import Vault  # noqa: E402

PASSPHRASE = "een lange zin als wachtwoord voor de kluis"
FORMS = ["sexual", "criminal", "labour"]
BUDGET_MS = 100.0
START = dt.date(2025, 1, 1)
Index = QModelIndex | QPersistentModelIndex


class PlainModel(QAbstractTableModel):
    """The reference: rows of strings, nothing else."""

    def __init__(self, rows: list[tuple[str, ...]]) -> None:
        super().__init__()
        self.rows = rows

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.rows[0]) if self.rows else 0

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][index.column()]
        return None

    def set_rows(self, rows: list[tuple[str, ...]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()


def median_ms(action: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def fill(vault: Vault, count: int, long_case_entries: int) -> str:
    rng = random.Random(1)
    with vault.batch():
        for number in range(count):
            code = vault.create_case(
                forms=[rng.choice(FORMS)], opened_on=START + dt.timedelta(days=number % 600)
            )
            vault.add_entry(
                code,
                "observation",
                occurred_on=START,
                facts=f"waarneming nummer {number}: stapte in een auto bij het hek",
                who="mentor",
            )
            if number % 3 == 0:
                vault.set_status(
                    code, "closed", reason="afgerond", outcome="not_confirmed", today=START
                )
        long_case = vault.create_case(forms=["criminal"], opened_on=START)
        for number in range(long_case_entries):
            vault.add_entry(
                long_case,
                "observation",
                occurred_on=START + dt.timedelta(days=number % 300),
                facts=f"notitie {number}: te laat, veel contant geld, nieuwe telefoon",
                interpretation="lijkt onder druk te staan",
                who="docent",
                signals=["lots-of-cash"] if number % 2 else [],
            )
    return long_case


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    from desktop.ui.concerns.workspace import Workspace

    with tempfile.TemporaryDirectory(prefix="schoolsignaal-bench-") as folder:
        path = Path(folder) / "kluis.db"
        vault, _key = Vault.create(path, PASSPHRASE, kdf_params=kdf.Argon2Params(1024, 1, 1))
        long_case = fill(vault, args.cases, 500)
        vault.lock()
        session = VaultSession(path)
        session.unlock(passphrase=PASSPHRASE)
        session.wait()
        while not session.is_open:
            app.processEvents()
        workspace = Workspace(session)
        workspace.resize(1300, 700)
        workspace.show()
        table = workspace.list_panel.table

        def list_shown() -> None:
            workspace.reload()
            table.viewport().repaint()
            app.processEvents()

        rows = session.vault.cases()
        plain_rows = [(r.code, r.status.value, ",".join(r.forms), str(r.opened_on)) for r in rows]
        plain = QTableView()
        plain_model = PlainModel([])
        plain.setModel(plain_model)
        plain.resize(1300, 700)
        plain.show()
        app.processEvents()

        def plain_shown() -> None:
            plain_model.set_rows(list(plain_rows))
            plain.viewport().repaint()
            app.processEvents()

        search = workspace.list_panel.search
        words = iter(["a", "au", "aut", "auto", "auto ", "auto b"] * 100)

        def keystroke() -> None:
            search.blockSignals(True)
            search.setText(next(words))
            search.blockSignals(False)
            workspace.list_panel._apply()
            table.viewport().repaint()

        plain_words = iter(["a", "au", "aut", "auto", "auto ", "auto b"] * 100)

        def plain_keystroke() -> None:
            needle = next(plain_words)
            plain_model.set_rows([r for r in plain_rows if needle in r[0] or needle in r[1]])
            plain.viewport().repaint()

        def open_case() -> None:
            workspace._drop_case_view()
            view = workspace.open_case(long_case)
            assert view is not None
            view.repaint()

        detail = session.vault.case(long_case)
        entry_rows = [(str(e.occurred_on), e.kind.value, e.facts, e.who) for e in detail.entries]
        entry_table = QTableView()
        entry_model = PlainModel([])
        entry_table.setModel(entry_model)
        entry_table.resize(700, 700)
        entry_table.show()
        app.processEvents()

        def plain_case() -> None:
            entry_model.set_rows(list(entry_rows))
            entry_table.viewport().repaint()

        results = [
            ("list shown", median_ms(list_shown, args.rounds), median_ms(plain_shown, args.rounds)),
            (
                "filter keystroke",
                median_ms(keystroke, args.rounds),
                median_ms(plain_keystroke, args.rounds),
            ),
            (
                "open a 500-entry case",
                median_ms(open_case, args.rounds),
                median_ms(plain_case, args.rounds),
            ),
        ]
        session.lock()
    print(f"{args.cases} cases, median of {args.rounds} rounds")
    over = False
    for name, ours, bare in results:
        ratio = ours / bare if bare else float("inf")
        flag = "" if ours <= BUDGET_MS else f"  OVER the {BUDGET_MS:.0f} ms budget"
        over = over or bool(flag)
        print(
            f"{name:24} {ours:8.1f} ms   plain QTableView {bare:7.1f} ms   ratio {ratio:5.1f}{flag}"
        )
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
