"""Property tests over every public method of the vault: it succeeds, or raises a VaultError.

Each argument is drawn from the values the method takes, or (for none, some or all of them)
from a wide strategy: None, ints (huge and negative too), floats (nan and inf too), bools,
text (lone surrogates, 60 kB, a case text), bytes, dates (``date.min``, ``date.max``),
datetimes, lists and tuples of mixed things, a plain string where a list belongs. A refusal
must be a :class:`VaultError` whose message, arguments and chained exceptions do not hold the
case text :data:`SECRET`; anything else (a ``TypeError``, an ``OverflowError``, a warning,
which the test settings turn into an error) fails the test.

Then the exact round trip: what ``add_entry``, ``edit_entry``, ``set_step``, ``set_answers``,
``set_status`` and ``record_export`` store comes back field for field through ``case()``.

The Argon2id settings are the tests' cheap ones; every vault is made once per module (a
function-scoped fixture would trip Hypothesis's health check), and the example database is
off (no generated text is kept on disk).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from desktop.vault import kdf, validation
from desktop.vault.cases import RETENTION_MONTHS
from desktop.vault.errors import InvalidInput, VaultError
from desktop.vault.service import Vault
from desktop.vault.vocabulary import (
    AGE_BANDS,
    MELDCODE_STEPS,
    SCHOOL_TYPES,
    SCHOOL_YEARS,
    Answer,
    CaseStatus,
    ClosingOutcome,
    EntryKind,
    Form,
    RecipientKind,
    SharingBasis,
    StepStatus,
    recommend,
)
from tests.vault.conftest import CHEAP, CLOSING, PASSPHRASE, SECRET, everything_said
from tests.vault.letters import lawful

T = TypeVar("T")
DAY = dt.date(2026, 3, 2)
LONE = "ab\ud800cd"  # a lone surrogate: not text that UTF-8 can hold
HUGE = "x" * 60_000


def _settings(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


CHEAP_CALLS = _settings(60)  # a save or a read
COSTLY_CALLS = _settings(30)  # makes or opens a vault, or copies one
ROUND_TRIPS = _settings(40)  # six saves and a read each
# A failing example's 60 kB texts make Hypothesis warn while it prints the example; the
# warning (an error under the project's settings) would hide the failure itself.
pytestmark = pytest.mark.filterwarnings(
    "ignore:Generating overly large repr:hypothesis.errors.HypothesisWarning"
)


# ---------------------------------------------------------------------- strategies

# Lone surrogates too; no slashes: a text drawn for a path must not point outside the
# working folder (a temporary one, see _elsewhere).
any_text = st.text(st.characters(exclude_categories=(), exclude_characters="/\\"), max_size=12)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from([2**63 - 1, 2**63, 2**64, -(2**63) - 1, 10**30, -(10**30), 0, -1, 1]),
    st.floats(),
    any_text,
    st.sampled_from(
        [LONE, HUGE, SECRET, f"{SECRET}{LONE}", SECRET * 20_000, "", " ", "\x00", "\n"]
    ),
    st.sampled_from(["sexual", "yes", "done", "closed", "observation", "1999-001", "a" * 64]),
    st.binary(max_size=12),
    st.dates(),
    st.sampled_from([dt.date.min, dt.date.max, dt.date(1899, 12, 31), dt.date(2200, 1, 1)]),
    st.datetimes(),
)
WIDE = st.one_of(
    scalars,
    st.lists(scalars, max_size=5),
    st.tuples(scalars, scalars),
    st.lists(st.sampled_from(["yes", "no", "unknown", SECRET]), min_size=5, max_size=5),
)

days = st.dates(min_value=validation.FIRST_DAY, max_value=validation.LAST_DAY)
texts = st.text(max_size=40)  # any text the vault keeps (no lone surrogates)
free_texts = st.one_of(texts, st.just(""), texts.map(lambda t: f"{t}{SECRET}"))
signal_ids = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}", fullmatch=True)
plain_ids = st.from_regex(r"[a-z0-9][a-z0-9_-]{0,39}", fullmatch=True)
hashes = st.binary(min_size=32, max_size=32).map(bytes.hex)
new_passphrases = st.text(min_size=12, max_size=30)
bad_params = st.builds(
    kdf.Argon2Params,
    st.sampled_from([0, -1, 7, 8, 1024, 1024.0, 2**40]),
    st.sampled_from([0, 1, 2, 17, 1.0, True]),
    st.sampled_from([0, 1, 2, 17, True]),
)


def member_or_id(kind: Any) -> st.SearchStrategy[Any]:
    """A member of the vocabulary ``kind``, or its id as plain text."""
    return st.sampled_from(list(kind)).flatmap(lambda m: st.sampled_from([m, m.value]))


def some(strategy: st.SearchStrategy[Any], max_size: int = 4) -> st.SearchStrategy[Any]:
    """A list or tuple of what ``strategy`` draws."""
    return st.lists(strategy, max_size=max_size).flatmap(lambda v: st.sampled_from([v, tuple(v)]))


@dataclass(frozen=True)
class Ref:
    """A value that exists only once the test runs (the vault's file, a fresh case)."""

    label: str
    get: Callable[[Any], object] = field(compare=False)

    def __repr__(self) -> str:
        return f"<{self.label}>"


def in_folder(name: str) -> Ref:
    return Ref(f"tmp/{name!r}", lambda env: env.folder / name)


plain_names = st.one_of(
    st.text("abcXYZ019 -._ë", min_size=1, max_size=16),
    st.sampled_from(["a\x00b.db", "\ud800.db", "\udcff.db", ".", "..", "kluis.db", "x.sleutel"]),
)
# A name the user chose (a backup's) may hold anything; the vault's own is the app's choice.
chosen_names = plain_names | st.sampled_from([f"{SECRET}.db", f"{SECRET}.sleutel"])
in_tmp = chosen_names.map(in_folder)


@st.composite
def arguments(draw: st.DrawFn, **valid: st.SearchStrategy[Any]) -> dict[str, Any]:
    """Keyword arguments: each valid, except a few (none, one, two or all) from :data:`WIDE`.

    Mostly one or none: a call with every argument wrong says little about each of them.
    """
    names = sorted(valid)
    count = draw(st.sampled_from([0, 0, 0, 1, 1, 1, 2, len(names)]))
    spoiled = set(draw(st.permutations(names))[:count])
    return {name: draw(WIDE if name in spoiled else strategy) for name, strategy in valid.items()}


def resolve(args: dict[str, Any], env: Any) -> dict[str, Any]:
    return {k: v.get(env) if isinstance(v, Ref) else v for k, v in args.items()}


def succeeds_or_refuses(call: Callable[[], T], vault_path: object = None) -> T | None:
    """What ``call`` returns, or None if it raised a VaultError that gives nothing away.

    The vault's own path (``vault_path``) is the app's choice (``data/kluis.db``): a message
    may name that file, so a case text drawn as the vault's path is not looked for.
    """
    try:
        result = call()
    except VaultError as exc:
        check_refusal(exc, secret_given_as_path=SECRET in str(vault_path))
        return None
    event("succeeded")
    return result


def check_refusal(exc: VaultError, *, secret_given_as_path: bool = False) -> None:
    event(f"refused: {type(exc).__name__} {getattr(exc, 'field', '')}".rstrip())
    assert str(exc)  # a message for the user, formatted without error
    assert secret_given_as_path or SECRET not in everything_said(exc)
    if isinstance(exc, InvalidInput):
        assert all(type(v) is int for v in exc.params.values())  # limits only


# ---------------------------------------------------------------------- vaults


@pytest.fixture(scope="module", autouse=True)
def _elsewhere(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Any text drawn for a path ("sexual", a case text) names a file in the working folder:
    a temporary one, never the repository."""
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path_factory.mktemp("werkmap"))
        yield


def open_vault(folder: Path) -> tuple[Vault, str]:
    return Vault.create(folder / "data" / "kluis.db", PASSPHRASE, kdf_params=CHEAP)


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SimpleNamespace]:
    """One open vault with a case and an entry, and a folder for files the tests choose."""
    vault, recovery_key = open_vault(tmp_path_factory.mktemp("invoer"))
    code = vault.create_case(opened_on=DAY)
    entry = vault.add_entry(code, "note", occurred_on=DAY, facts="feiten")
    folder = tmp_path_factory.mktemp("gekozen")
    yield SimpleNamespace(vault=vault, code=code, entry=entry, folder=folder, key=recovery_key)
    vault.lock()


@pytest.fixture(scope="module")
def locked(tmp_path_factory: pytest.TempPathFactory) -> SimpleNamespace:
    """A locked vault with a backup, its recovery key, and a folder for files and vaults."""
    vault, recovery_key = open_vault(tmp_path_factory.mktemp("dicht"))
    vault.create_case(opened_on=DAY)
    backup = vault.backup()
    vault.lock()
    folder = tmp_path_factory.mktemp("keuzes")
    numbers = itertools.count()
    return SimpleNamespace(
        vault_file=vault.path,
        backup=backup,
        key=recovery_key,
        folder=folder,
        new_folder=lambda: folder / f"nieuw-{next(numbers)}",
    )


@pytest.fixture(scope="module")
def purging(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Vault]:
    """An open vault of its own: purging takes old backups away."""
    vault, _key = open_vault(tmp_path_factory.mktemp("opruimen"))
    yield vault
    vault.lock()


@pytest.fixture(scope="module")
def other(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SimpleNamespace]:
    """An open vault with a backup to restore."""
    vault, _key = open_vault(tmp_path_factory.mktemp("ander"))
    vault.create_case(opened_on=DAY)
    backup = vault.backup()
    folder = tmp_path_factory.mktemp("terug")
    (folder / "geen-kopie.db").write_bytes(b"geen reservekopie" * 100)
    yield SimpleNamespace(vault=vault, backup=backup, folder=folder)
    vault.lock()


# The case there is, and one that is not (well formed: CaseNotFound, which names it).
CODES = st.one_of(st.just(Ref("the case", lambda env: env.code)), st.just("2026-999"))


# ---------------------------------------------------------------------- cases


@CHEAP_CALLS
@given(
    args=arguments(
        forms=some(member_or_id(Form)),
        age_band=st.none() | st.sampled_from(AGE_BANDS),
        school_type=st.none() | st.sampled_from(SCHOOL_TYPES),
        school_year=st.none() | st.sampled_from(list(SCHOOL_YEARS)),
        opened_on=st.none() | days,
    )
)
def test_create_case(env: SimpleNamespace, args: dict[str, Any]) -> None:
    code = succeeds_or_refuses(lambda: env.vault.create_case(**args))
    if code is not None:
        assert validation.CASE_CODE.fullmatch(code)
        assert env.vault.case(code).row.opened_on == (args["opened_on"] or dt.date.today())


@CHEAP_CALLS
@given(
    args=arguments(
        code=CODES,
        forms=some(member_or_id(Form)),
        age_band=st.none() | st.sampled_from(AGE_BANDS),
        school_type=st.none() | st.sampled_from(SCHOOL_TYPES),
        school_year=st.none() | st.sampled_from(list(SCHOOL_YEARS)),
    )
)
def test_set_details(env: SimpleNamespace, args: dict[str, Any]) -> None:
    succeeds_or_refuses(lambda: env.vault.set_details(**resolve(args, env)))


@CHEAP_CALLS
@given(
    args=arguments(
        code=CODES,
        status=member_or_id(CaseStatus),
        reason=free_texts,
        outcome=st.none() | member_or_id(ClosingOutcome),
        today=st.none() | days,
        retention_months=st.sampled_from(list(RETENTION_MONTHS)),
    )
)
def test_set_status(env: SimpleNamespace, args: dict[str, Any]) -> None:
    succeeds_or_refuses(lambda: env.vault.set_status(**resolve(args, env)))


@CHEAP_CALLS
@given(args=arguments(code=CODES, on=st.none() | days))
def test_set_acute(env: SimpleNamespace, args: dict[str, Any]) -> None:
    succeeds_or_refuses(lambda: env.vault.set_acute(**resolve(args, env)))


@CHEAP_CALLS
@given(args=arguments(year=st.none() | st.integers(validation.FIRST_YEAR, validation.LAST_YEAR)))
def test_next_code(env: SimpleNamespace, args: dict[str, Any]) -> None:
    code = succeeds_or_refuses(lambda: env.vault.next_code(**args))
    assert code is None or validation.CASE_CODE.fullmatch(code)


@CHEAP_CALLS
@given(args=arguments(code=st.just("fresh") | st.just("2026-999")))
def test_delete_case(env: SimpleNamespace, args: dict[str, Any]) -> None:
    if args["code"] == "fresh":
        args["code"] = env.vault.create_case(opened_on=DAY)
    succeeds_or_refuses(lambda: env.vault.delete_case(**args))


@COSTLY_CALLS
@given(args=arguments(today=st.none() | days, date_confirmed=st.booleans()))
def test_purge_expired(purging: Vault, args: dict[str, Any]) -> None:
    code = purging.create_case(opened_on=DAY)
    purging.set_status(code, "closed", **CLOSING, today=DAY, retention_months=1)
    purged = succeeds_or_refuses(lambda: purging.purge_expired(**args))  # or ClockUncertain
    if purged is not None:
        assert (code in purged) == ((args["today"] or dt.date.today()) > dt.date(2026, 4, 2))


# ---------------------------------------------------------------------- entries


@CHEAP_CALLS
@given(
    args=arguments(
        code=CODES,
        kind=member_or_id(EntryKind),
        occurred_on=days,
        facts=free_texts,
        interpretation=free_texts,
        who=free_texts,
        pupil_words=free_texts,
        signals=some(signal_ids),
        disclosure=st.booleans(),
    )
)
def test_add_entry(env: SimpleNamespace, args: dict[str, Any]) -> None:
    entry = succeeds_or_refuses(lambda: env.vault.add_entry(**resolve(args, env)))
    assert entry is None or entry > env.entry


@CHEAP_CALLS
@given(
    args=arguments(
        entry_id=st.just(Ref("the entry", lambda env: env.entry)) | st.just(2**63 - 1),
        reason=free_texts,
        occurred_on=st.none() | days,
        facts=st.none() | free_texts,
        interpretation=st.none() | free_texts,
        who=st.none() | free_texts,
        pupil_words=st.none() | free_texts,
        signals=st.none() | some(signal_ids),
    )
)
def test_edit_entry(env: SimpleNamespace, args: dict[str, Any]) -> None:
    succeeds_or_refuses(lambda: env.vault.edit_entry(**resolve(args, env)))


# ---------------------------------------------------------------------- meldcode, documents


@CHEAP_CALLS
@given(
    args=arguments(
        code=CODES,
        step=st.sampled_from(list(MELDCODE_STEPS)),
        status=member_or_id(StepStatus),
        done_on=st.none() | days,
        who=free_texts,
        note=free_texts,
    )
)
def test_set_step(env: SimpleNamespace, args: dict[str, Any]) -> None:
    succeeds_or_refuses(lambda: env.vault.set_step(**resolve(args, env)))


@CHEAP_CALLS
@given(
    args=arguments(
        code=CODES,
        answers=st.lists(member_or_id(Answer), min_size=5, max_size=5).flatmap(
            lambda v: st.sampled_from([v, tuple(v)])
        ),
        answered_on=st.none() | st.lists(st.none() | days, min_size=5, max_size=5),
        consulted=free_texts,
        entry_ids=some(st.just(Ref("the entry", lambda env: env.entry)) | st.just(2**63 - 1)),
        recheck_on=st.none() | days,
        note=free_texts,
    )
)
def test_set_answers(env: SimpleNamespace, args: dict[str, Any]) -> None:
    given = resolve(args, env)
    if isinstance(given["entry_ids"], list | tuple):
        given["entry_ids"] = [i.get(env) if isinstance(i, Ref) else i for i in given["entry_ids"]]
    succeeds_or_refuses(lambda: env.vault.set_answers(**given))


@pytest.mark.parametrize("method", ["record_export", "record_print"])
@CHEAP_CALLS
@given(
    args=arguments(
        code=CODES,
        what=plain_ids,
        recipient=member_or_id(RecipientKind),
        basis=member_or_id(SharingBasis),
        sha256=hashes | hashes.map(str.upper),
        recipient_name=free_texts,
        sections=some(plain_ids),
    )
)
def test_record_document(env: SimpleNamespace, method: str, args: dict[str, Any]) -> None:
    succeeds_or_refuses(lambda: getattr(env.vault, method)(**resolve(args, env)))


@CHEAP_CALLS
@given(
    args=arguments(
        channel=st.sampled_from(["export", "print"]),
        rows=st.integers(min_value=0, max_value=2**62),
        sha256=hashes | hashes.map(str.upper),
    )
)
def test_record_audit_export(env: SimpleNamespace, args: dict[str, Any]) -> None:
    succeeds_or_refuses(lambda: env.vault.record_audit_export(**resolve(args, env)))


# ---------------------------------------------------------------------- reading


@CHEAP_CALLS
@given(
    args=arguments(
        status=st.none() | member_or_id(CaseStatus) | some(member_or_id(CaseStatus)),
        form=st.none() | member_or_id(Form),
        text=st.none() | texts | st.sampled_from(["%", "_", "\\", "a" * 200]),
        since=st.none() | days,
        until=st.none() | days,
        acute_only=st.booleans(),
        overdue_on=st.none() | days,
    )
)
def test_cases(env: SimpleNamespace, args: dict[str, Any]) -> None:
    succeeds_or_refuses(lambda: env.vault.cases(**args))


@CHEAP_CALLS
@given(args=arguments(code=CODES))
def test_case(env: SimpleNamespace, args: dict[str, Any]) -> None:
    detail = succeeds_or_refuses(lambda: env.vault.case(**resolve(args, env)))
    assert detail is None or detail.code == env.code


# ---------------------------------------------------------------------- files


@COSTLY_CALLS
@given(args=arguments(to=st.none() | in_tmp))
def test_backup(env: SimpleNamespace, args: dict[str, Any]) -> None:
    made = succeeds_or_refuses(lambda: env.vault.backup(**resolve(args, env)))
    assert made is None or made.is_file()


@COSTLY_CALLS
@given(
    args=arguments(
        backup_file=st.sampled_from(
            [
                Ref("a backup", lambda env: env.backup),
                Ref("not a backup", lambda env: env.folder / "geen-kopie.db"),
            ]
        )
        | in_tmp
    )
)
def test_restore(other: SimpleNamespace, args: dict[str, Any]) -> None:
    succeeds_or_refuses(lambda: other.vault.restore(**resolve(args, other)))


# ---------------------------------------------------------------------- opening


PASSPHRASES = st.one_of(st.none(), st.just(PASSPHRASE), texts)
RECOVERY_KEYS = st.one_of(
    st.none(),
    st.just(Ref("the recovery key", lambda env: env.key)),
    st.just(Ref("the recovery key in lower case", lambda env: env.key.lower())),
    st.sampled_from(["ABCDE-12345", "0" * 50]),
    texts,
)
KDF_PARAMS = st.one_of(st.none(), st.just(CHEAP), bad_params)
# The passphrase and the recovery key together: one of the two, both, neither, or anything.
SECRETS = st.one_of(
    st.fixed_dictionaries({"passphrase": PASSPHRASES, "recovery_key": st.none()}),
    st.fixed_dictionaries({"passphrase": st.none(), "recovery_key": RECOVERY_KEYS}),
    arguments(passphrase=PASSPHRASES, recovery_key=RECOVERY_KEYS),
)


def lock_if_open(vault: Vault | None) -> None:
    if vault is not None:
        vault.lock()


@COSTLY_CALLS
@given(
    args=arguments(
        path=st.just(Ref("a new vault", lambda env: env.new_folder() / "kluis.db"))
        | st.just(Ref("the vault", lambda env: env.vault_file))
        | plain_names.map(in_folder),
        passphrase=new_passphrases | st.just(PASSPHRASE),
        kdf_params=KDF_PARAMS,
    )
)
def test_create(locked: SimpleNamespace, args: dict[str, Any]) -> None:
    given = resolve(args, locked)
    made = succeeds_or_refuses(lambda: Vault.create(**given), given["path"])
    if made is not None:
        made[0].lock()


@COSTLY_CALLS
@given(
    args=arguments(
        path=st.sampled_from(
            [
                Ref("the vault", lambda env: env.vault_file),
                Ref("no vault", lambda env: env.folder / "nergens" / "kluis.db"),
            ]
        ),
    ),
    secret=SECRETS,
)
def test_unlock(locked: SimpleNamespace, args: dict[str, Any], secret: dict[str, Any]) -> None:
    given = resolve(args | secret, locked)
    lock_if_open(succeeds_or_refuses(lambda: Vault.unlock(**given), given["path"]))


@COSTLY_CALLS
@given(
    args=arguments(
        path=st.just(Ref("the vault", lambda env: env.vault_file)),
        backup_file=st.just(Ref("a backup", lambda env: env.backup)) | in_tmp,
    ),
    secret=SECRETS,
)
def test_restore_backup(
    locked: SimpleNamespace, args: dict[str, Any], secret: dict[str, Any]
) -> None:
    given = resolve(args | secret, locked)
    lock_if_open(succeeds_or_refuses(lambda: Vault.restore_backup(**given), given["path"]))


@CHEAP_CALLS
@given(
    args=arguments(path=st.just(Ref("the vault", lambda env: env.vault_file)) | in_tmp),
    method=st.sampled_from(["exists", "newest_backup_of"]),
)
def test_static_helpers(locked: SimpleNamespace, args: dict[str, Any], method: str) -> None:
    given = resolve(args, locked)
    succeeds_or_refuses(lambda: getattr(Vault, method)(**given), given["path"])


@pytest.fixture(scope="module")
def passphrase_vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SimpleNamespace]:
    vault, _key = open_vault(tmp_path_factory.mktemp("wachtwoord"))
    yield SimpleNamespace(vault=vault, current=PASSPHRASE)
    vault.lock()


@COSTLY_CALLS
@given(
    args=arguments(
        new_passphrase=new_passphrases,
        current=st.one_of(st.just(Ref("the passphrase", lambda env: env.current)), texts),
        kdf_params=KDF_PARAMS,
    )
)
def test_change_passphrase(passphrase_vault: SimpleNamespace, args: dict[str, Any]) -> None:
    given = resolve(args, passphrase_vault)
    try:
        passphrase_vault.vault.change_passphrase(**given)
    except VaultError as exc:
        check_refusal(exc)
    else:
        event("succeeded")
        passphrase_vault.current = given["new_passphrase"]


def test_after_all_that_the_vaults_are_sound(
    env: SimpleNamespace,
    purging: Vault,
    other: SimpleNamespace,
    passphrase_vault: SimpleNamespace,
) -> None:
    """verify_audit, audit_log and check_integrity take no arguments: called at the end."""
    for vault in (env.vault, purging, other.vault, passphrase_vault.vault):
        assert vault.verify_audit().ok
        assert vault.audit_log()
        assert vault.check_integrity().ok
    passphrase_vault.vault.lock()  # the last passphrase set is the one that opens it
    Vault.unlock(passphrase_vault.vault.path, passphrase_vault.current).lock()


# ---------------------------------------------------------------------- exact round trip

reasons = texts.filter(str.strip)  # a reason is not empty, nor only spaces


@ROUND_TRIPS
@given(
    kind=member_or_id(EntryKind),
    first=st.tuples(days, texts, texts, texts, texts, st.lists(signal_ids, max_size=6)),
    disclosure=st.booleans(),
    second=st.tuples(
        st.none() | days,
        st.none() | texts,
        st.none() | texts,
        st.none() | texts,
        st.none() | texts,
        st.none() | st.lists(signal_ids, max_size=6),
    ),
    reason=reasons,
    step=st.tuples(
        st.sampled_from(list(MELDCODE_STEPS)),
        member_or_id(StepStatus),
        st.none() | days,
        texts,
        reasons,
    ),
    answers=st.tuples(
        st.lists(member_or_id(Answer), min_size=5, max_size=5),
        days,
        texts,
        st.booleans(),
        st.none() | days,
        texts,
    ),
    status=st.tuples(member_or_id(CaseStatus), member_or_id(ClosingOutcome), reasons, days),
    document=st.tuples(
        st.just("referral_letter"),  # the one kind of document the vault knows
        st.sampled_from(["regional_coordinator", "veilig_thuis", "police", "other"]),
        st.sampled_from(["consent", "conflict_of_duties"]),
        hashes | hashes.map(str.upper),
        texts,
        st.lists(plain_ids, max_size=6),
    ),
)
def test_everything_saved_comes_back_exactly(
    env: SimpleNamespace,
    kind: Any,
    first: Any,
    disclosure: bool,
    second: Any,
    reason: str,
    step: Any,
    answers: Any,
    status: Any,
    document: Any,
) -> None:
    vault = env.vault
    code = vault.create_case(opened_on=DAY)
    day, facts, interpretation, who, pupil_words, signals = first
    entry_id = vault.add_entry(
        code,
        kind,
        occurred_on=day,
        facts=facts,
        interpretation=interpretation,
        who=who,
        pupil_words=pupil_words,
        signals=signals,
        disclosure=disclosure,
    )
    new_day, new_facts, new_interpretation, new_who, new_words, new_signals = second
    revision = vault.edit_entry(
        entry_id,
        reason=reason,
        occurred_on=new_day,
        facts=new_facts,
        interpretation=new_interpretation,
        who=new_who,
        pupil_words=new_words,
        signals=new_signals,
    )
    number, step_status, done_on, step_who, step_note = step
    vault.set_step(code, number, step_status, done_on=done_on, who=step_who, note=step_note)
    chosen, answered_day, consulted, linked, recheck_on, answers_note = answers
    five = tuple(Answer(a) for a in chosen)
    answered_on = [None if a is Answer.UNKNOWN else answered_day for a in five]
    links = [entry_id] if linked else []
    recommendation = vault.set_answers(
        code,
        chosen,
        answered_on=answered_on,
        consulted=consulted,
        entry_ids=links,
        recheck_on=recheck_on,
        note=answers_note,
    )
    new_status, outcome, status_reason, changed_on = status
    closing = CaseStatus(new_status) is CaseStatus.CLOSED
    vault.set_status(
        code,
        new_status,
        reason=status_reason,
        outcome=outcome if closing else None,
        today=changed_on,
    )
    what, recipient, basis, sha, recipient_name, sections = document
    vault.record_export(
        code,
        what,
        recipient,
        basis,
        sha,
        recipient_name=recipient_name,
        sections=sections,
        **lawful(basis),
    )

    detail = vault.case(code)
    (entry,) = detail.entries
    assert (entry.id, entry.kind, entry.disclosure) == (entry_id, EntryKind(kind), disclosure)
    expected = (
        day if new_day is None else new_day,
        facts if new_facts is None else new_facts,
        interpretation if new_interpretation is None else new_interpretation,
        who if new_who is None else new_who,
        pupil_words if new_words is None else new_words,
        tuple(signals if new_signals is None else new_signals),
    )
    current = entry.current
    assert (
        current.occurred_on,
        current.facts,
        current.interpretation,
        current.who,
        current.pupil_words,
        current.signals,
    ) == expected
    assert current.revision == revision
    original = (day, facts, interpretation, who, pupil_words, tuple(signals))
    if expected == original:
        assert (revision, entry.earlier, current.reason) == (1, (), "")
    else:
        (earlier,) = entry.earlier
        assert (revision, earlier.revision, current.reason, earlier.reason) == (2, 1, reason, "")
        assert (
            earlier.occurred_on,
            earlier.facts,
            earlier.interpretation,
            earlier.who,
            earlier.pupil_words,
            earlier.signals,
        ) == original
    assert detail.row.last_entry_on == expected[0]
    assert detail.row.acute_on == (day if disclosure else None)

    saved_step = detail.steps[number - 1]
    assert (
        saved_step.step,
        saved_step.status,
        saved_step.done_on,
        saved_step.who,
        saved_step.note,
    ) == (number, StepStatus(step_status), done_on, step_who, step_note)
    taken = StepStatus(step_status) in (StepStatus.DONE, StepStatus.SKIPPED)
    assert detail.row.step == (2 if number == 1 and taken else 1)

    assessment = detail.assessment
    assert assessment is not None
    assert assessment.answers == five
    assert assessment.recommendation is recommendation is recommend(five)  # type: ignore[arg-type]
    assert (
        assessment.answered_on,
        assessment.consulted,
        assessment.entry_ids,
        assessment.recheck_on,
        assessment.note,
    ) == (tuple(answered_on), consulted, tuple(links), recheck_on, answers_note)
    assert detail.row.recheck_on == recheck_on

    (change,) = detail.status_history
    assert (change.status, change.reason, change.changed_on) == (
        CaseStatus(new_status),
        status_reason,
        changed_on,
    )
    assert change.outcome == (ClosingOutcome(outcome) if closing else None)
    assert detail.outcome == change.outcome

    (referral,) = detail.referrals
    assert (
        referral.channel,
        referral.document,
        referral.recipient_kind,
        referral.basis,
        referral.sha256,
        referral.recipient,
        referral.sections,
    ) == (
        "export",
        what,
        RecipientKind(recipient),
        SharingBasis(basis),
        sha.lower(),
        recipient_name,
        tuple(sections),
    )
