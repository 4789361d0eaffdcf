"""Child process for the kill -9 test: unlock, then save entries in a loop.

``python -m tests.vault.saver VAULT PASSPHRASE CODE``: prints each entry's id on its own line,
flushed, only after the save returned (the commit is done): a printed id is an acknowledged
save. The parent kills this process at random moments.
"""

from __future__ import annotations

import datetime as dt
import sys

from desktop.vault.service import Vault


def main(vault_file: str, passphrase: str, code: str) -> None:
    vault = Vault.unlock(vault_file, passphrase)
    print("open", flush=True)
    number = 0
    while True:
        number += 1
        entry_id = vault.add_entry(
            code, "note", occurred_on=dt.date.today(), facts=f"opslag {number} " * 50
        )
        print(entry_id, flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:4])
