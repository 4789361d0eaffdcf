"""Child process for the purge kill test: unlock, then purge or delete, and SIGKILL itself.

``python -m tests.vault.purger VAULT PASSPHRASE ACTION K``: ACTION is ``purge`` or a case code
to delete. Once the vault is open, every call that changes or flushes a file from Python
(``os.replace``, ``os.rename``, ``os.unlink``, ``os.remove``, ``os.fsync``) is counted, and the
process kills itself with SIGKILL just before the K-th. Prints ``done N`` (N calls) if the
work finished first: K was past the last call.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from typing import Any

from desktop.vault.service import Vault

COUNTED = ("replace", "rename", "unlink", "remove", "fsync")


def main(vault_file: str, passphrase: str, action: str, kill_at: str) -> None:
    vault = Vault.unlock(vault_file, passphrase)
    calls = 0

    def counted(real: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            nonlocal calls
            calls += 1
            if calls == int(kill_at):
                os.kill(os.getpid(), signal.SIGKILL)
            return real(*args, **kwargs)

        return call

    for name in COUNTED:
        setattr(os, name, counted(getattr(os, name)))
    if action == "purge":
        vault.purge_expired()
    else:
        vault.delete_case(action)
    print("done", calls, flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:5])
