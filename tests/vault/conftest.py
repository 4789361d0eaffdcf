"""Vault fixtures: cheap Argon2id parameters unless a test asks for the real ones.

The real parameters (64 MiB) cost about 0.1 s per derivation; most tests create and unlock
vaults many times, so they run with 1 MiB and one pass. Tests marked ``real_kdf`` use the
app's own parameters.
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir

from desktop.vault import engine, kdf
from desktop.vault.service import Vault

PASSPHRASE = "een lange zin als wachtwoord"
CHEAP = kdf.Argon2Params(memory_kib=1024, iterations=1, lanes=1)
SECRET = "Fatima"  # stands for any case text or pupil's name
# What closing a case takes besides the status (schema version 3): a reason and an outcome.
CLOSING = {"reason": "hulp georganiseerd", "outcome": "help_organised"}

# Hypothesis keeps caches in ``.hypothesis`` in the working folder; keep them out of the repo.
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "schoolsignaal-hypothesis")
# and no example database: generated case texts are never kept on disk between runs
settings.register_profile("vault", database=None)
settings.load_profile("vault")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "real_kdf: use the app's own Argon2id parameters")


@pytest.fixture(autouse=True)
def _cheap_kdf(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    if request.node.get_closest_marker("real_kdf") is None:
        monkeypatch.setattr(kdf, "ARGON2_DEFAULT", CHEAP)


@pytest.fixture
def vault_file(basedir: Path) -> Path:
    return basedir / "data" / "kluis.db"


@pytest.fixture
def made(vault_file: Path) -> Iterator[tuple[Vault, str]]:
    """A new vault, open, and its recovery key; locked after the test."""
    vault, recovery_key = Vault.create(vault_file, PASSPHRASE)
    yield vault, recovery_key
    vault.lock()


@pytest.fixture
def vault(made: tuple[Vault, str]) -> Vault:
    return made[0]


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with the SHA-256 of its content."""
    return {
        str(p.relative_to(folder)): sha256_of(p) for p in sorted(folder.rglob("*")) if p.is_file()
    }


def everything_said(exc: BaseException) -> str:
    """All an exception can tell a log: messages, arguments and parameters, chained ones too."""
    parts = []
    for current in engine.chain(exc):
        parts += [str(current), repr(current), repr(current.args)]
        parts.append(repr(getattr(current, "params", None)))
    return "\n".join(parts)
