"""What the screens hand to the vault: every refusal is an ``InvalidInput`` naming the field.

Each case below once escaped as a raw exception (``TypeError``, ``OverflowError``, a SQLite
error, ``AssertionError``...) or was stored in a form nobody meant (a string taken as a list
of one-letter signals). Refusals never repeat what was given: a case text or a file name the
user chose must not reach a message, the exception's arguments or the exceptions it chains.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from desktop.vault import kdf
from desktop.vault.errors import (
    BackupInvalid,
    CaseNotFound,
    InvalidInput,
    VaultError,
    VaultIOError,
)
from desktop.vault.service import Vault
from tests.vault.conftest import CHEAP, CLOSING, PASSPHRASE, SECRET, everything_said
from tests.vault.letters import lawful

DAY = dt.date(2026, 3, 2)
SHA = "ab" * 32
NEW = "een nieuw lang wachtwoord"


# ---------------------------------------------------------------------- fixtures


@pytest.fixture
def code(vault: Vault) -> str:
    return vault.create_case(opened_on=DAY)


@pytest.fixture
def entry(vault: Vault, code: str) -> int:
    return vault.add_entry(code, "note", occurred_on=DAY, facts="feiten")


Call = Callable[[Vault, str, int], Any]


def refused(vault: Vault, call: Call, code: str, entry: int) -> InvalidInput:
    events = len(vault.audit_log())
    with pytest.raises(InvalidInput) as caught:
        call(vault, code, entry)
    assert str(caught.value)  # a message for the form
    assert len(vault.audit_log()) == events  # nothing was written
    return caught.value


# ---------------------------------------------------------------------- on an open vault

OPEN_VAULT_CALLS: list[tuple[str, Call, str]] = [
    # a search over 50 kB: "LIKE or GLOB pattern too complex"; a lone surrogate: encode error
    ("search_60k", lambda v, c, e: v.cases(text="a" * 60_000), "text"),
    ("search_surrogate", lambda v, c, e: v.cases(text="x\ud800"), "text"),
    ("search_number", lambda v, c, e: v.cases(text=5), "text"),
    ("since_text", lambda v, c, e: v.cases(since="2026-01-01"), "since"),
    ("until_number", lambda v, c, e: v.cases(until=5), "until"),
    ("since_year_1", lambda v, c, e: v.cases(since=dt.date.min), "since"),
    ("status_number", lambda v, c, e: v.cases(status=5), "status"),
    # dates near date.min / date.max: add_months overflowed (AssertionError "unreachable")
    (
        "close_on_date_max",
        lambda v, c, e: v.set_status(c, "closed", **CLOSING, today=dt.date.max),
        "today",
    ),
    ("purge_on_date_min", lambda v, c, e: v.purge_expired(dt.date.min), "today"),
    ("purge_on_date_max", lambda v, c, e: v.purge_expired(dt.date.max), "today"),
    ("open_in_year_1", lambda v, c, e: v.create_case(opened_on=dt.date(1, 1, 1)), "opened_on"),
    ("open_in_9999", lambda v, c, e: v.create_case(opened_on=dt.date.max), "opened_on"),
    ("open_on_zero", lambda v, c, e: v.create_case(opened_on=0), "opened_on"),
    (
        "entry_in_year_1",
        lambda v, c, e: v.add_entry(c, "note", occurred_on=dt.date.min, facts=""),
        "occurred_on",
    ),
    ("step_done_in_9999", lambda v, c, e: v.set_step(c, 1, "done", done_on=dt.date.max), "done_on"),
    # floats, bools and huge numbers for retention months, steps and entry ids
    (
        "purge_confirmed_text",
        lambda v, c, e: v.purge_expired(DAY, date_confirmed="ja"),
        "date_confirmed",
    ),
    (
        "purge_confirmed_number",
        lambda v, c, e: v.purge_expired(DAY, date_confirmed=1),
        "date_confirmed",
    ),
    (
        "status_months_float",
        lambda v, c, e: v.set_status(c, "closed", **CLOSING, today=DAY, retention_months=12.0),
        "retention_months",
    ),
    (
        "status_months_bool",
        lambda v, c, e: v.set_status(c, "closed", **CLOSING, today=DAY, retention_months=True),
        "retention_months",
    ),
    ("step_float", lambda v, c, e: v.set_step(c, 1.0, "done"), "step"),
    ("step_bool", lambda v, c, e: v.set_step(c, True, "done"), "step"),
    (
        "entry_id_2_63",
        lambda v, c, e: v.edit_entry(2**63, reason="correctie", facts="x"),
        "entry_id",
    ),
    (
        "entry_id_2_64",
        lambda v, c, e: v.edit_entry(2**64, reason="correctie", facts="x"),
        "entry_id",
    ),
    (
        "entry_id_negative",
        lambda v, c, e: v.edit_entry(-1, reason="correctie", facts="x"),
        "entry_id",
    ),
    (
        "entry_id_float",
        lambda v, c, e: v.edit_entry(float(e), reason="correctie", facts="x"),
        "entry_id",
    ),
    (
        "entry_id_text",
        lambda v, c, e: v.edit_entry(str(e), reason="correctie", facts="x"),
        "entry_id",
    ),
    (
        "entry_id_bool",
        lambda v, c, e: v.edit_entry(True, reason="correctie", facts="x"),
        "entry_id",
    ),
    (
        "entry_id_none",
        lambda v, c, e: v.edit_entry(None, reason="correctie", facts="x"),
        "entry_id",
    ),
    ("school_year_float", lambda v, c, e: v.create_case(school_year=3.0), "school_year"),
    # a string where a list is expected was taken letter by letter
    (
        "signals_as_text",
        lambda v, c, e: v.add_entry(c, "note", occurred_on=DAY, facts="", signals="abc"),
        "signals",
    ),
    (
        "signals_none",
        lambda v, c, e: v.add_entry(c, "note", occurred_on=DAY, facts="", signals=None),
        "signals",
    ),
    (
        "signals_number",
        lambda v, c, e: v.add_entry(c, "note", occurred_on=DAY, facts="", signals=5),
        "signals",
    ),
    (
        "signal_with_newline",
        lambda v, c, e: v.add_entry(c, "note", occurred_on=DAY, facts="", signals=["abc\n"]),
        "signals",
    ),
    (
        "signal_too_long",
        lambda v, c, e: v.add_entry(c, "note", occurred_on=DAY, facts="", signals=["a" * 60_000]),
        "signals",
    ),
    (
        "edit_signals_as_text",
        lambda v, c, e: v.edit_entry(e, reason="correctie", signals="abc"),
        "signals",
    ),
    ("forms_as_text", lambda v, c, e: v.create_case(forms="sexual"), "forms"),
    ("forms_number", lambda v, c, e: v.create_case(forms=5), "forms"),
    ("forms_none", lambda v, c, e: v.create_case(forms=None), "forms"),
    ("details_forms_as_text", lambda v, c, e: v.set_details(c, forms="labour"), "forms"),
    ("answers_as_text", lambda v, c, e: v.set_answers(c, "yyyyy"), "answers"),
    ("answers_none", lambda v, c, e: v.set_answers(c, None), "answers"),
    ("answers_number", lambda v, c, e: v.set_answers(c, 5), "answers"),
    ("answers_four", lambda v, c, e: v.set_answers(c, iter(["yes"] * 4)), "answers"),
    ("answers_six", lambda v, c, e: v.set_answers(c, ["yes"] * 6), "answers"),
    # schema version 3: dates of answers, links, reasons, outcomes, flags, years
    (
        "answered_on_as_text",
        lambda v, c, e: v.set_answers(c, ["yes"] * 5, answered_on="2026-03-02"),
        "answered_on",
    ),
    (
        "answered_on_four",
        lambda v, c, e: v.set_answers(c, ["yes"] * 5, answered_on=[DAY] * 4),
        "answered_on",
    ),
    (
        "answered_on_datetime",
        lambda v, c, e: v.set_answers(c, ["yes"] * 5, answered_on=[dt.datetime(2026, 1, 1)] * 5),
        "answered_on",
    ),
    ("entry_ids_as_text", lambda v, c, e: v.set_answers(c, ["no"] * 5, entry_ids="1"), "entry_ids"),
    ("entry_ids_float", lambda v, c, e: v.set_answers(c, ["no"] * 5, entry_ids=[1.0]), "entry_ids"),
    ("entry_ids_bool", lambda v, c, e: v.set_answers(c, ["no"] * 5, entry_ids=[True]), "entry_ids"),
    (
        "entry_ids_2_64",
        lambda v, c, e: v.set_answers(c, ["no"] * 5, entry_ids=[2**64]),
        "entry_ids",
    ),
    (
        "recheck_on_text",
        lambda v, c, e: v.set_answers(c, ["no"] * 5, recheck_on="morgen"),
        "recheck_on",
    ),
    ("consulted_none", lambda v, c, e: v.set_answers(c, ["no"] * 5, consulted=None), "consulted"),
    ("reason_none", lambda v, c, e: v.edit_entry(e, reason=None, facts="x"), "reason"),
    ("reason_surrogate", lambda v, c, e: v.edit_entry(e, reason="\ud800", facts="x"), "reason"),
    ("status_reason_number", lambda v, c, e: v.set_status(c, "open", reason=5), "reason"),
    (
        "outcome_number",
        lambda v, c, e: v.set_status(c, "closed", reason="klaar", outcome=1),
        "outcome",
    ),
    ("pupil_words_none", lambda v, c, e: v.edit_entry(e, reason="r", pupil_words=5), "pupil_words"),
    (
        "disclosure_as_text",
        lambda v, c, e: v.add_entry(c, "note", occurred_on=DAY, facts="", disclosure="ja"),
        "disclosure",
    ),
    ("step_who_none", lambda v, c, e: v.set_step(c, 1, "done", who=None), "who"),
    ("acute_on_text", lambda v, c, e: v.set_acute(c, "vandaag"), "on"),
    ("acute_on_datetime", lambda v, c, e: v.set_acute(c, dt.datetime(2026, 1, 1)), "on"),
    ("acute_only_none", lambda v, c, e: v.cases(acute_only=None), "acute_only"),
    ("overdue_on_text", lambda v, c, e: v.cases(overdue_on="2026-01-01"), "overdue_on"),
    ("next_code_year_text", lambda v, c, e: v.next_code("2026"), "year"),
    ("next_code_year_float", lambda v, c, e: v.next_code(2026.0), "year"),
    ("next_code_year_0", lambda v, c, e: v.next_code(0), "year"),
    ("kind_number", lambda v, c, e: v.add_entry(c, 5, occurred_on=DAY, facts=""), "kind"),
    # record_export / record_print: a malformed hash, document kind or section ids
    (
        "sha256_short",
        lambda v, c, e: v.record_export(c, "referral_letter", "police", "consent", "abc"),
        "sha256",
    ),
    (
        "sha256_none",
        lambda v, c, e: v.record_export(c, "referral_letter", "police", "consent", None),
        "sha256",
    ),
    (
        "sha256_newline",
        lambda v, c, e: v.record_print(c, "referral_letter", "police", "consent", SHA + "\n"),
        "sha256",
    ),
    (
        "sha256_wide_digits",
        lambda v, c, e: v.record_export(c, "referral_letter", "police", "consent", "０" * 64),
        "sha256",
    ),
    (
        "document_kind_text",
        lambda v, c, e: v.record_export(c, "Brief aan Jan", "police", "consent", SHA),
        "what",
    ),
    (
        "document_kind_none",
        lambda v, c, e: v.record_print(c, None, "police", "consent", SHA),
        "what",
    ),
    (
        "document_kind_newline",
        lambda v, c, e: v.record_print(c, "letter\n", "police", "consent", SHA),
        "what",
    ),
    (
        "sections_as_text",
        lambda v, c, e: v.record_export(
            c, "referral_letter", "police", "consent", SHA, sections="abc"
        ),
        "sections",
    ),
    (
        "sections_bad_id",
        lambda v, c, e: v.record_export(
            c, "referral_letter", "police", "consent", SHA, sections=["A B"]
        ),
        "sections",
    ),
    (
        "sections_none",
        lambda v, c, e: v.record_print(
            c, "referral_letter", "police", "consent", SHA, sections=None
        ),
        "sections",
    ),
    # case codes that are no case code
    ("code_none", lambda v, c, e: v.case(None), "code"),
    ("code_number", lambda v, c, e: v.case(2026), "code"),
    ("code_surrogate", lambda v, c, e: v.case("\ud800"), "code"),
    ("code_list", lambda v, c, e: v.delete_case([c]), "code"),
    ("code_text", lambda v, c, e: v.set_status(c + " ", "closed", **CLOSING), "code"),
    # passphrases: None, other types, lone surrogates; Argon2 settings that are not settings
    ("new_passphrase_none", lambda v, c, e: v.change_passphrase(None, current=PASSPHRASE), ""),
    (
        "new_passphrase_surrogate",
        lambda v, c, e: v.change_passphrase("\ud800" * 13, current=PASSPHRASE),
        "",
    ),
    ("new_passphrase_number", lambda v, c, e: v.change_passphrase(123, current=PASSPHRASE), ""),
    ("current_surrogate", lambda v, c, e: v.change_passphrase(NEW, current="\ud800"), "current"),
    ("current_number", lambda v, c, e: v.change_passphrase(NEW, current=5), "current"),
    (
        "change_kdf_params",
        lambda v, c, e: v.change_passphrase(NEW, current=PASSPHRASE, kdf_params="snel"),
        "kdf_params",
    ),
    (
        "change_kdf_params_zero",
        lambda v, c, e: v.change_passphrase(
            NEW, current=PASSPHRASE, kdf_params=kdf.Argon2Params(0, 1, 1)
        ),
        "kdf_params",
    ),
    # file names: not a path, a NUL byte
    ("backup_to_number", lambda v, c, e: v.backup(to=5), "to"),
    ("backup_to_nul", lambda v, c, e: v.backup(to="a\x00b.db"), "to"),
    ("restore_number", lambda v, c, e: v.restore(5), "backup_file"),
    ("restore_none", lambda v, c, e: v.restore(None), "backup_file"),
]


@pytest.mark.parametrize(
    ("call", "field"),
    [pytest.param(call, field, id=name) for name, call, field in OPEN_VAULT_CALLS],
)
def test_bad_input_is_refused(vault: Vault, code: str, entry: int, call: Call, field: str) -> None:
    error = refused(vault, call, code, entry)
    if field:
        assert error.field == field
    else:
        assert error.field in ("passphrase", "new_passphrase")


def test_nothing_was_stored_letter_by_letter(vault: Vault, code: str, entry: int) -> None:
    for call in (
        lambda: vault.add_entry(code, "note", occurred_on=DAY, facts="", signals="abc"),
        lambda: vault.edit_entry(entry, reason="correctie", signals="abc"),
        lambda: vault.record_export(
            code, "referral_letter", "police", "consent", SHA, sections="abc"
        ),
    ):
        with pytest.raises(InvalidInput):
            call()
    detail = vault.case(code)
    assert [e.current.signals for e in detail.entries] == [()]
    assert detail.referrals == ()


def test_one_form_or_one_status_alone_is_still_refused_as_a_list(vault: Vault) -> None:
    """A single member where a list belongs is a programming slip: said, not guessed."""
    with pytest.raises(InvalidInput):
        vault.create_case(forms="sexual")
    assert vault.cases() == []
    assert vault.cases(status="open") == []  # one status alone is allowed here (documented)


def test_valid_limits_are_accepted(vault: Vault, code: str, entry: int) -> None:
    vault.cases(text="a" * 200)
    vault.cases(since=dt.date(1900, 1, 1), until=dt.date(2199, 12, 31))
    vault.set_status(code, "closed", **CLOSING, today=dt.date(2199, 12, 31), retention_months=120)
    vault.set_status(code, "open", reason="om te testen")
    vault.purge_expired(dt.date(1900, 1, 1), date_confirmed=True)
    vault.purge_expired(dt.date(2199, 12, 31), date_confirmed=True)
    vault.set_step(code, 5, "done", done_on=dt.date(1900, 1, 1))
    vault.edit_entry(entry, reason="correctie", signals=("a" * 64,))
    vault.set_answers(code, iter(["yes"] * 5))  # any iterable of five, a generator too
    vault.record_export(
        code,
        "referral_letter",
        "police",
        "consent",
        SHA.upper(),
        sections=("a",),
        **lawful("consent"),
    )
    assert vault.case(code).referrals[-1].sha256 == SHA  # stored in lower case
    with pytest.raises(InvalidInput):
        vault.cases(text="a" * 201)


# ---------------------------------------------------------------------- opening and creating


def test_create_refuses_what_is_no_passphrase(tmp_path: Path) -> None:
    for passphrase in (None, 123, b"een lange zin als wachtwoord", "\ud800" * 20):
        target = tmp_path / "data" / "kluis.db"
        with pytest.raises(InvalidInput) as caught:
            Vault.create(target, passphrase)  # type: ignore[arg-type]
        assert caught.value.field == "passphrase"
        assert not target.parent.exists()  # nothing was made
    with pytest.raises(InvalidInput, match="Vul het wachtwoord in"):
        Vault.create(tmp_path / "kluis.db", None)  # type: ignore[arg-type]


def test_create_refuses_what_is_no_path_or_no_settings(tmp_path: Path) -> None:
    for path in (None, 5, b"kluis.db", "", "kluis\x00.db"):
        with pytest.raises(InvalidInput) as caught:
            Vault.create(path, PASSPHRASE)  # type: ignore[arg-type]
        assert caught.value.field == "path"
    for params in ("snel", kdf.Argon2Params(1024.0, 1, 1), kdf.Argon2Params(1024, 0, 1)):  # type: ignore[arg-type]
        with pytest.raises(InvalidInput) as caught:
            Vault.create(tmp_path / "kluis.db", PASSPHRASE, kdf_params=params)  # type: ignore[arg-type]
        assert caught.value.field == "kdf_params"
    assert list(tmp_path.iterdir()) == []


@pytest.fixture
def locked(made: tuple[Vault, str]) -> tuple[Path, str]:
    vault, recovery_key = made
    vault.lock()
    return vault.path, recovery_key


def test_unlock_refuses_what_is_no_passphrase(locked: tuple[Path, str]) -> None:
    vault_file, recovery_key = locked
    calls: list[tuple[Callable[[], Vault], str]] = [
        (lambda: Vault.unlock(vault_file), "passphrase"),  # neither
        (lambda: Vault.unlock(vault_file, None, None), "passphrase"),
        (lambda: Vault.unlock(vault_file, PASSPHRASE, recovery_key), "passphrase"),  # both
        (lambda: Vault.unlock(vault_file, "\ud800"), "passphrase"),
        (lambda: Vault.unlock(vault_file, 5), "passphrase"),  # type: ignore[arg-type]
        (lambda: Vault.unlock(vault_file, b"wachtwoord"), "passphrase"),  # type: ignore[arg-type]
        (lambda: Vault.unlock(vault_file, recovery_key=5), "recovery_key"),  # type: ignore[arg-type]
        (lambda: Vault.unlock(5, PASSPHRASE), "path"),  # type: ignore[arg-type]
        (lambda: Vault.unlock(None, PASSPHRASE), "path"),  # type: ignore[arg-type]
    ]
    for call, field in calls:
        with pytest.raises(InvalidInput) as caught:
            call()
        assert caught.value.field == field
    with pytest.raises(InvalidInput, match="niet allebei"):
        Vault.unlock(vault_file, PASSPHRASE, recovery_key)
    Vault.unlock(vault_file, PASSPHRASE).lock()
    Vault.unlock(vault_file, recovery_key=recovery_key).lock()


def test_restore_backup_refuses_what_is_no_passphrase_or_no_file(
    made: tuple[Vault, str],
) -> None:
    vault, recovery_key = made
    copy = vault.backup()
    vault.lock()
    calls: list[tuple[Callable[[], Vault], str]] = [
        (lambda: Vault.restore_backup(vault.path, copy), "passphrase"),
        (lambda: Vault.restore_backup(vault.path, copy, PASSPHRASE, recovery_key), "passphrase"),
        (lambda: Vault.restore_backup(vault.path, copy, "\ud800"), "passphrase"),
        (lambda: Vault.restore_backup(vault.path, copy, None, 5), "recovery_key"),  # type: ignore[arg-type]
        (lambda: Vault.restore_backup(vault.path, 5, PASSPHRASE), "backup_file"),  # type: ignore[arg-type]
        (lambda: Vault.restore_backup(None, copy, PASSPHRASE), "path"),  # type: ignore[arg-type]
    ]
    for call, field in calls:
        with pytest.raises(InvalidInput) as caught:
            call()
        assert caught.value.field == field
    Vault.restore_backup(vault.path, copy, PASSPHRASE).lock()


def test_the_static_helpers_refuse_what_is_no_path() -> None:
    for call in (lambda: Vault.exists(5), lambda: Vault.newest_backup_of(None)):
        with pytest.raises(InvalidInput):
            call()  # type: ignore[no-untyped-call]


def test_a_passphrase_check_names_no_value() -> None:
    with pytest.raises(InvalidInput) as caught:
        kdf.check_passphrase(SECRET + "\ud800" * 20)
    assert SECRET not in everything_said(caught.value)


# ---------------------------------------------------------------------- nothing said back


def test_a_chosen_backup_name_is_not_repeated(vault: Vault, tmp_path: Path) -> None:
    target = tmp_path / f"{SECRET}.db"
    vault.backup(target)
    with pytest.raises(InvalidInput, match="andere naam") as caught:
        vault.backup(target)
    assert SECRET not in everything_said(caught.value)


def test_a_chosen_restore_file_is_not_repeated(vault: Vault, tmp_path: Path) -> None:
    with pytest.raises(BackupInvalid) as caught:
        vault.restore(tmp_path / f"{SECRET}.db")
    assert "niets teruggezet" in str(caught.value)
    assert SECRET not in everything_said(caught.value)


def test_a_file_error_does_not_carry_the_chosen_name(vault: Vault, tmp_path: Path) -> None:
    """The OSError behind a VaultIOError names the file: it stays chained, without the name."""
    (tmp_path / "geen-map").write_text("een bestand, geen map")
    with pytest.raises(VaultIOError) as caught:
        vault.backup(tmp_path / "geen-map" / f"{SECRET}.db")
    assert isinstance(caught.value.__cause__, OSError)  # its number and text stay for the log
    assert SECRET not in everything_said(caught.value)
    with pytest.raises(InvalidInput):
        vault.restore(tmp_path / (SECRET * 50))  # longer than a file name can be


def test_a_backup_the_app_named_is_still_named(vault: Vault, tmp_path: Path) -> None:
    made = vault.backup()
    made.write_bytes(b"kapot")
    with pytest.raises(BackupInvalid) as caught:
        vault.restore(made)
    assert made.name in str(caught.value)


@pytest.mark.parametrize(
    "call",
    [
        lambda v, c: v.case(SECRET),
        lambda v, c: v.set_status(f"{c} {SECRET}", "closed", **CLOSING),
        lambda v, c: v.add_entry(c, SECRET, occurred_on=DAY, facts=""),
        lambda v, c: v.add_entry(c, "note", occurred_on=DAY, facts=SECRET + "\ud800"),
        lambda v, c: v.add_entry(c, "note", occurred_on=DAY, facts=SECRET * 20_000),
        lambda v, c: v.add_entry(c, "note", occurred_on=DAY, facts="", signals=[SECRET]),
        lambda v, c: v.add_entry(c, "note", occurred_on=DAY, facts="", signals=SECRET),
        lambda v, c: v.add_entry(c, "note", occurred_on=SECRET, facts=""),
        lambda v, c: v.set_details(c, forms=[SECRET], age_band=SECRET),
        lambda v, c: v.set_details(c, forms=[], school_type=SECRET),
        lambda v, c: v.set_answers(c, [SECRET] * 5),
        lambda v, c: v.set_step(c, SECRET, "done"),
        lambda v, c: v.set_step(c, 1, SECRET),
        lambda v, c: v.set_step(c, 1, "done", who=SECRET + "\ud800"),
        lambda v, c: v.set_status(c, "closed", reason=SECRET, outcome=SECRET),
        lambda v, c: v.set_status(c, "open", reason=SECRET, outcome="other"),
        lambda v, c: v.set_status(c, "closed", reason=SECRET + "\ud800", outcome="other"),
        lambda v, c: v.set_answers(c, ["yes"] * 5, consulted=SECRET, entry_ids=[SECRET]),
        lambda v, c: v.set_answers(c, ["yes"] * 5, answered_on=[SECRET] * 5),
        lambda v, c: v.set_answers(c, ["unknown"] * 5, answered_on=[DAY] * 5, note=SECRET),
        lambda v, c: v.set_acute(c, SECRET),
        lambda v, c: v.cases(overdue_on=SECRET),
        lambda v, c: v.next_code(SECRET),
        lambda v, c: v.record_export(c, SECRET, "police", "consent", SHA),
        lambda v, c: v.record_export(c, "referral_letter", SECRET, "consent", SHA),
        lambda v, c: v.record_export(c, "referral_letter", "police", "consent", SECRET),
        lambda v, c: v.record_export(
            c, "referral_letter", "police", "consent", SHA, sections=[SECRET]
        ),
        lambda v, c: v.cases(text=SECRET + "\ud800"),
        lambda v, c: v.cases(text=SECRET * 100),
        lambda v, c: v.cases(status=SECRET),
        lambda v, c: v.cases(form=SECRET),
        lambda v, c: v.cases(since=SECRET),
        lambda v, c: v.purge_expired(DAY, date_confirmed=SECRET),
        lambda v, c: v.change_passphrase(SECRET, current=PASSPHRASE),
        lambda v, c: v.change_passphrase(NEW, current=SECRET + "\ud800"),
        lambda v, c: v.backup(f"{SECRET}\x00.db"),
    ],
)
def test_a_refusal_does_not_repeat_the_value(vault: Vault, code: str, call: Any) -> None:
    with pytest.raises(VaultError) as caught:
        call(vault, code)
    assert SECRET not in everything_said(caught.value)


def test_a_case_that_is_not_there_is_still_case_not_found(vault: Vault) -> None:
    with pytest.raises(CaseNotFound) as caught:
        vault.case("2026-999")
    assert "2026-999" in str(caught.value)  # a code the vault made: fine to name


def test_cheap_kdf_is_accepted(tmp_path: Path) -> None:
    vault, _key = Vault.create(tmp_path / "kluis.db", PASSPHRASE, kdf_params=CHEAP)
    with vault:
        vault.change_passphrase(NEW, current=PASSPHRASE, kdf_params=CHEAP)
