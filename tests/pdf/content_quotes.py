"""Content files write quotes and apostrophes typographically (’ ‘ “ ”), never ' or "."""

from __future__ import annotations

from collections.abc import Iterator


def strings(value: object) -> Iterator[str]:
    """Every string in a content model's dump (dicts and lists walked)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def straight_quoted(value: object) -> list[str]:
    """The strings in ``value`` with a straight quote or apostrophe."""
    return [text for text in strings(value) if "'" in text or '"' in text]
