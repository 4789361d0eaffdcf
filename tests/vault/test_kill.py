"""Every acknowledged save survives a kill -9, and the vault stays whole."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from desktop.vault.service import Vault
from tests.conftest import ROOT
from tests.vault.conftest import PASSPHRASE

ROUNDS = 25


def run_and_kill(vault_file: Path, code: str, delay: float) -> list[int]:
    """Start a saver, kill it with SIGKILL ``delay`` seconds after it opened the vault; the
    ids it acknowledged (complete lines only)."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.vault.saver", str(vault_file), PASSPHRASE, code],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None
    lines: list[bytes] = []
    opened = threading.Event()

    def read() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            lines.append(line)
            opened.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    if not opened.wait(timeout=30):
        child.kill()
        reader.join(timeout=30)
        _out, err = child.communicate()
        pytest.fail(f"the saver did not open the vault: {err.decode(errors='replace')}")
    time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    reader.join(timeout=30)
    child.stdout.close()
    assert child.stderr is not None
    child.stderr.close()
    assert child.returncode == -signal.SIGKILL
    complete = [line for line in lines if line.endswith(b"\n")]
    return [int(line) for line in complete[1:]]  # the first line is "open"


@pytest.mark.slow
def test_acknowledged_saves_survive_kill_9(vault_file: Path) -> None:
    vault, _key = Vault.create(vault_file, PASSPHRASE)  # cheap Argon2id, kept in the header
    code = vault.create_case()
    vault.lock()
    rng = random.Random(20261123)
    acknowledged: list[int] = []
    for _round in range(ROUNDS):
        acknowledged += run_and_kill(vault_file, code, rng.uniform(0.0, 0.4))
    assert len(acknowledged) > ROUNDS  # the saver really saved between kills
    with Vault.unlock(vault_file, PASSPHRASE) as again:
        stored = {entry.id for entry in again.case(code).entries}
        lost = sorted(set(acknowledged) - stored)
        assert lost == []
        report = again.check_integrity()
        assert report.ok, (report.database_problems, report.audit.message())
