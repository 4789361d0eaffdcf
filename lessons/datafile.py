"""Content files: YAML read safely, checked against a pydantic model, with located errors.

Lessons, the signal card and the help lines are text files that a prevention worker can read
and edit. When one is wrong, :class:`ContentError` names the file, the line and the field, in
Dutch or English, e.g. ``signalcard.nl.yaml, regel 24, signals[3].forms[0]: onbekende waarde
'sexueel'; kies uit 'sexual', 'criminal', 'labour', 'any'``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

M = TypeVar("M", bound=BaseModel)


class ContentModel(BaseModel):
    """Base for content models: unknown fields are errors (a typo must not pass silently)."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}, regel {self.line}" if self.line else self.file
        return (
            f"{where}, {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


class ContentError(ValueError):
    """One or more problems in a content file."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


_MESSAGES_NL = {
    "missing": "dit veld ontbreekt",
    "extra_forbidden": "onbekend veld (tikfout?)",
    "literal_error": "onbekende waarde {input!r}; kies uit {expected}",
    "string_too_long": "te lang: {length} tekens, ten hoogste {max_length}",
    "string_too_short": "mag niet leeg zijn",
    "too_short": "moet er ten minste {min_length} hebben",
    "too_long": "mag er ten hoogste {max_length} hebben",
    "string_type": "moet tekst zijn",
    "int_type": "moet een geheel getal zijn",
    "int_parsing": "moet een geheel getal zijn",
    "bool_type": "moet true of false zijn",
    "bool_parsing": "moet true of false zijn",
    "list_type": "moet een lijst zijn",
    "dict_type": "moet een lijst van velden zijn (naam: waarde)",
    "model_type": "moet een lijst van velden zijn (naam: waarde)",
    "greater_than_equal": "moet ten minste {ge} zijn",
    "less_than_equal": "mag ten hoogste {le} zijn",
    "greater_than": "moet groter zijn dan {gt}",
    "string_pattern_mismatch": "heeft niet de goede vorm ({pattern})",
    "union_tag_invalid": "onbekende soort {tag!r}; kies uit {expected_tags}",
    "union_tag_not_found": "het veld {discriminator} ontbreekt: zeg welke soort dit is",
}

# What YAML's parser says, in words a teacher editing a lesson can act on.
_YAML_NL = (
    ("end of stream", "het bestand houdt op midden in een tekst: sluit de aanhalingstekens"),
    (
        "mapping values are not allowed",
        "hier staat een dubbele punt die niet mag: zet de tekst "
        "tussen aanhalingstekens, of controleer de inspringing",
    ),
    (
        "expected <block end>",
        "de inspringing klopt niet: zet de regel even ver in als de andere van hetzelfde niveau",
    ),
    ("'\\t'", "er staat een tab: spring in met spaties"),
    ("found duplicate anchor", "een anker (&naam) komt twee keer voor"),
)


def _message(error: dict[str, Any]) -> str:
    kind = error["type"]
    if kind == "value_error":
        return str(error.get("ctx", {}).get("error", error["msg"]))
    template = _MESSAGES_NL.get(kind)
    if template is None:
        return str(error["msg"])
    ctx = dict(error.get("ctx", {}))
    for key in ("expected", "expected_tags"):
        if isinstance(ctx.get(key), str):
            ctx[key] = ctx[key].replace(" or ", " of ")
    value = error.get("input")
    ctx.setdefault("input", value)
    if isinstance(value, str):
        ctx.setdefault("length", len(value))
    try:
        return template.format(**ctx)
    except (KeyError, IndexError):
        return str(error["msg"])


def _field_path(loc: Sequence[int | str]) -> str:
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path


def _clean_loc(data: Any, loc: Sequence[int | str]) -> list[int | str]:
    """Drop the tag pydantic adds for a discriminated union (``slides[3].quiz.answer``).

    The tag follows a list index and equals the item's ``kind``.
    """
    cleaned: list[int | str] = []
    previous: int | str | None = None
    for part in loc:
        is_tag = isinstance(previous, int) and isinstance(data, dict) and data.get("kind") == part
        previous = part
        if is_tag:
            continue
        cleaned.append(part)
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            data = None
    return cleaned


def _line_of(node: yaml.Node | None, loc: Sequence[int | str]) -> int | None:
    """Walk the YAML node tree along a pydantic error location to the nearest line."""
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            match = next((v for k, v in node.value if k.value == part), None)
            if match is None:
                key = next((k for k, _v in node.value if k.value == part), None)
                return key.start_mark.line + 1 if key is not None else line
            node = match
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                return line
            node = node.value[part]
        else:
            return line
        line = node.start_mark.line + 1
    return line


def load_yaml(path: Path) -> tuple[Any, yaml.Node | None]:
    """The data and node tree of a YAML file; :class:`ContentError` if it cannot be parsed."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        problem = Problem(path.name, None, "", f"kan het bestand niet lezen ({err})")
        raise ContentError([problem]) from err
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as err:
        raise ContentError([_yaml_problem(path, err)]) from err
    return data, node


def _yaml_problem(path: Path, err: yaml.MarkedYAMLError) -> Problem:
    problem = str(err.problem or "")
    # A quote left open is reported at the end of the file; where it opened is more useful.
    mark = err.context_mark if "end of stream" in problem and err.context_mark else err.problem_mark
    line = mark.line + 1 if mark is not None else None
    advice = next((nl for en, nl in _YAML_NL if en in problem), None)
    if advice is None:
        advice = f"{problem}; controleer inspringing, dubbele punten en aanhalingstekens"
    return Problem(path.name, line, "", f"geen geldige YAML: {advice}")


def load_model(path: Path, model: type[M], context: dict[str, Any] | None = None) -> M:
    """Read ``path`` and check it against ``model``; every problem is reported at once."""
    data, node = load_yaml(path)
    return validate_data(data, node, model, path.name, context)


def validate_data(
    data: Any,
    node: yaml.Node | None,
    model: type[M],
    file_name: str,
    context: dict[str, Any] | None = None,
) -> M:
    try:
        return model.model_validate(data, context=context)
    except ValidationError as err:
        problems = []
        for e in err.errors(include_url=False):
            loc = _clean_loc(data, e["loc"])
            problems.append(
                Problem(file_name, _line_of(node, loc), _field_path(loc), _message(dict(e)))
            )
        raise ContentError(problems) from None


def language_of_name(path: Path) -> str | None:
    """The language a content file's name gives (``signalcard.nl.yaml``: ``nl``), if any."""
    return path.name.split(".")[-2] if path.name.count(".") >= 2 else None


def check_file_language(path: Path, found: str, languages: Sequence[str]) -> None:
    """Refuse a file whose name says one of ``languages`` while its content says ``found``."""
    expected = language_of_name(path)
    if expected in languages and found != expected:
        raise ContentError(
            [Problem(path.name, 1, "language", f"het bestand is voor '{expected}', niet '{found}'")]
        )
