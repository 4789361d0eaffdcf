"""Child process for the kill-point tests: open a vault, then do one thing and SIGKILL itself
at its K-th durable file-system step.

``python -m tests.vault.crasher VAULT PASSPHRASE K ACTION [ARG]``. The steps counted are the
calls of ``os.replace`` (before and after each) and ``os.fsync``: every point at which a
file the vault depends on becomes durable or changes name. With K = 0 nothing is killed and
the last line says how many steps the action took (``steps N``), so the parent can try every
K from 1 to N. Actions: ``open`` (the unlock itself), ``change NEW`` (passphrase),
``recovery`` (new recovery key; its key is printed before the steps line), ``restore
BACKUP``, ``restore_backup BACKUP`` (without unlocking first), ``backup``, ``backup_to PATH``.
"""

from __future__ import annotations

import os
import signal
import sys

from desktop.vault.service import Vault
from tests.vault.conftest import CHEAP


def main(vault_file: str, passphrase: str, kill_at: str, action: str, *args: str) -> None:
    target = int(kill_at)
    steps = 0
    real_replace, real_fsync = os.replace, os.fsync

    def step() -> None:
        nonlocal steps
        steps += 1
        if steps == target:
            os.kill(os.getpid(), signal.SIGKILL)

    def replace(src: str, dst: str) -> None:
        step()
        real_replace(src, dst)
        step()

    def fsync(fd: int) -> None:
        step()
        real_fsync(fd)

    if action == "open":  # the unlock itself (it may settle what a swap left)
        os.replace, os.fsync = replace, fsync  # type: ignore[assignment]
    if action == "restore_backup":  # a vault that does not open, or is gone
        os.replace, os.fsync = replace, fsync  # type: ignore[assignment]
        Vault.restore_backup(vault_file, args[0], passphrase).lock()
        os.replace, os.fsync = real_replace, real_fsync
        print(f"steps {steps}", flush=True)
        return
    vault = Vault.unlock(vault_file, passphrase)
    os.replace, os.fsync = replace, fsync  # type: ignore[assignment]
    if action == "open":
        pass
    elif action == "change":
        vault.change_passphrase(args[0], current=passphrase, kdf_params=CHEAP)
    elif action == "recovery":
        shown = vault.new_recovery_key(current=passphrase)
        print(shown, flush=True)  # shown (and written down) before it is put in force
        vault.confirm_recovery_key(shown)
    elif action == "restore":
        vault.restore(args[0])
    elif action == "backup":
        vault.backup()
    elif action == "backup_to":
        vault.backup(to=args[0])
    else:
        raise SystemExit(f"unknown action {action}")
    os.replace, os.fsync = real_replace, real_fsync
    print(f"steps {steps}", flush=True)
    vault.lock()


if __name__ == "__main__":
    main(*sys.argv[1:])
