"""Nothing of a case leaves the vault: a marker text is in no file under the app's folders."""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from pathlib import Path

import pytest

from desktop.logs import crash_report
from desktop.settings import Settings, SettingsStore
from desktop.vault.errors import DiskFull
from desktop.vault.service import Vault
from tests.vault.conftest import PASSPHRASE
from tests.vault.letters import lawful

DAY = dt.date(2026, 3, 2)


def test_marker_is_in_no_file(basedir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    marker = f"Zoë-{uuid.uuid4().hex}"
    data, config, logs, tmp = (basedir / n for n in ("data", "config", "logs", "tmp"))
    for folder in (config, logs, tmp):
        folder.mkdir(parents=True)
    # SQLite's own temporary files (if it made any) would land here.
    monkeypatch.setenv("SQLITE_TMPDIR", str(tmp))
    monkeypatch.setenv("TMPDIR", str(tmp))
    # Everything logged, at every level, goes to the app log.
    handler = logging.FileHandler(logs / "schoolsignaal.log", encoding="utf-8")
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        vault, _key = Vault.create(data / "kluis.db", PASSPHRASE)
        code = vault.create_case(forms=["sexual"], opened_on=DAY)
        entry = vault.add_entry(
            code,
            "observation",
            occurred_on=DAY,
            facts=f"feit {marker}",
            interpretation=f"duiding {marker}",
            who=f"wie {marker}",
            pupil_words=f"zei {marker}",
            signals=["looks-older"],
            disclosure=True,
        )
        vault.edit_entry(
            entry,
            reason=f"reden {marker}",
            facts=f"nieuw feit {marker}",
            pupil_words=f"zei echt {marker}",
        )
        vault.set_step(code, 2, "done", who=f"rol {marker}", note=f"overleg {marker}")
        vault.set_step(code, 3, "skipped", note=f"niet veilig {marker}")
        vault.set_answers(
            code,
            ["yes", "yes", "no", "no", "no"],
            consulted=f"geraadpleegd {marker}",
            entry_ids=[entry],
            recheck_on=DAY,
            note=f"weging {marker}",
        )
        vault.set_acute(code, DAY)
        vault.set_status(code, "referred", reason=f"gemeld {marker}")
        referral = vault.record_export(
            code,
            "referral_letter",
            "other",
            "conflict_of_duties",
            "ef" * 32,
            recipient_name=marker,
            **lawful("conflict_of_duties", marker=marker),
        )
        vault.update_referral(code, referral, "received", DAY, note=f"gebeld {marker}")
        assert [r.code for r in vault.cases(text=marker)] == [code]
        assert [r.code for r in vault.cases(acute_only=True)] == [code]
        vault.backup()
        # A failing save, logged with its traceback as the app's error handling would.
        engine = vault._store.engine
        assert engine is not None
        with engine.connect() as conn:
            pages = conn.exec_driver_sql("PRAGMA page_count").scalar_one()
            conn.exec_driver_sql(f"PRAGMA max_page_count = {pages}")
        try:
            vault.add_entry(code, "note", occurred_on=DAY, facts=marker * 2000)
        except DiskFull as exc:
            logging.getLogger("test").exception("save failed")
            (logs / "crash.txt").write_text(crash_report(type(exc), exc.__traceback__))
        else:
            pytest.fail("expected DiskFull")
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA max_page_count = 1073741823")
        vault.restore(vault.backups()[-1])
        vault.check_integrity()
        vault.lock()
        SettingsStore(config / "settings.json").save(Settings(school_name="De School"))
    finally:
        root.removeHandler(handler)
        handler.close()
        root.setLevel(old_level)

    files = [p for p in basedir.rglob("*") if p.is_file()]
    names = {p.name for p in files}
    assert {"kluis.db", "kluis.sleutel", "schoolsignaal.log", "settings.json"} <= names
    assert any(p.parent.name == "backups" for p in files)
    assert (logs / "schoolsignaal.log").stat().st_size > 0
    needles = [marker.encode("utf-8"), marker.encode("utf-16-le"), marker.encode("utf-16-be")]
    leaks = [str(p) for p in files for n in needles if n in p.read_bytes()]
    assert leaks == []
    # The name of every file is free of it too.
    assert not any(marker in str(p) for p in files)
