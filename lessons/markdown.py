"""The lessons' small Markdown: paragraphs, ``-`` lists, ``**bold**`` and ``*italic*``.

Turned into blocks of escaped, inline-HTML text (``<b>``, ``<i>``) that both the slide renderer
(Qt rich text) and the printed documents (reportlab paragraphs) understand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC = re.compile(r"(?<!\*)\*(?!\s)(.+?)(?<!\s)\*(?!\*)")
_BULLET = re.compile(r"^\s*[-*]\s+(.*)$")


@dataclass(frozen=True)
class Paragraph:
    html: str


@dataclass(frozen=True)
class BulletList:
    items: tuple[str, ...]


Block = Paragraph | BulletList


def inline_html(text: str) -> str:
    """Escape ``text`` and turn ``**bold**`` and ``*italic*`` into ``<b>`` and ``<i>``."""
    html = escape(" ".join(text.split()), quote=False)
    html = _BOLD.sub(r"<b>\1</b>", html)
    return _ITALIC.sub(r"<i>\1</i>", html)


def blocks(markdown: str) -> list[Block]:
    result: list[Block] = []
    paragraph: list[str] = []
    items: list[str] = []

    def flush() -> None:
        if paragraph:
            result.append(Paragraph(inline_html(" ".join(paragraph))))
            paragraph.clear()
        if items:
            result.append(BulletList(tuple(inline_html(i) for i in items)))
            items.clear()

    for line in markdown.splitlines():
        bullet = _BULLET.match(line)
        if not line.strip():
            flush()
        elif bullet:
            if paragraph:
                flush()
            items.append(bullet.group(1))
        elif items and line.startswith((" ", "\t")):
            items[-1] += " " + line.strip()  # a list item continued on the next line
        else:
            if items:
                flush()
            paragraph.append(line.strip())
    flush()
    return result


def plain_text(markdown: str) -> str:
    """The text without markup, e.g. for measuring or searching."""
    parts: list[str] = []
    for block in blocks(markdown):
        texts = [block.html] if isinstance(block, Paragraph) else list(block.items)
        parts.extend(re.sub(r"</?[bi]>", "", t) for t in texts)
    return "\n".join(parts)


def to_html(markdown: str) -> str:
    """The text as HTML for a rich-text view: paragraphs and bullet lists."""
    parts = []
    for block in blocks(markdown):
        if isinstance(block, BulletList):
            parts.append("<ul>" + "".join(f"<li>{i}</li>" for i in block.items) + "</ul>")
        else:
            parts.append(f"<p>{block.html}</p>")
    return "".join(parts)
