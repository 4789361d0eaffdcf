"""Right-to-left text for the Arabic parent letter: words in reading order, letters joined.

reportlab draws right-to-left text with two optional libraries, its "shaping" and "bidi" extras:
``uharfbuzz`` joins Arabic letters (shaping: each letter takes its initial, middle or final form)
and ``rlbidi`` puts the words in display order. ``rlbidi`` is published only on reportlab's own
package index, not on PyPI, so here the Unicode Bidirectional Algorithm of ``python-bidi`` (on
PyPI, for Linux and Windows) orders each line, and reportlab's own harfbuzz shaping joins the
letters of every right-to-left run, as reportlab's ``bidiShapedText`` does word by word.

A number such as 0800-2000 and an address such as helpwanted.nl stay left to right inside the
Arabic text (the algorithm gives them an even level); every stretch of Latin letters and digits is
kept in one piece, in its own order, by :func:`ltr`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from bidi import algorithm  # type: ignore[import-untyped]
from bidi.mirror import MIRRORED  # type: ignore[import-untyped]
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import ShapedStr, shapeStr
from reportlab.platypus import Flowable

LRE, PDF = "\u202a", "\u202c"  # left-to-right embedding and its end: removed when laid out
BULLET = "•"


def is_rtl(char: str) -> bool:
    return unicodedata.bidirectional(char) in ("R", "AL")


# Latin words, numbers and addresses, with the spaces and signs between them: "Veilig Thuis",
# "0800-2000", "helpwanted.nl", "ouders@school.nl", "010 123 45 67".
_LATIN = "0-9A-Za-z\u00c0-\u024f"
_LTR_SPAN = re.compile(f"[{_LATIN}](?:[{_LATIN}.,\\-@_/:+’' ]*[{_LATIN}])?")


def ltr(text: str) -> str:
    """Every stretch of Latin words, numbers and addresses in ``text`` kept left to right, in
    one piece. Without this the algorithm shows "0800-2000" after an Arabic word as
    "2000-0800" (a number after Arabic letters counts as Arabic, and so does the hyphen
    between two such numbers), and the groups of "010 123 45 67" in reverse order."""
    return _LTR_SPAN.sub(lambda match: f"{LRE}{match.group(0)}{PDF}", text)


def levels(text: str) -> list[tuple[str, int]]:
    """Each character of a right-to-left paragraph with its resolved level (odd: right to
    left, even: left to right); the embedding marks of :func:`ltr` are gone."""
    storage = algorithm.get_empty_storage()
    storage["base_level"], storage["base_dir"] = 1, "R"
    algorithm.get_embedding_levels(text, storage)
    algorithm.explicit_embed_and_overrides(storage)
    algorithm.resolve_weak_types(storage)
    algorithm.resolve_neutral_types(storage, False)
    algorithm.resolve_implicit_levels(storage, False)
    return [(c["ch"], int(c["level"])) for c in storage["chars"]]


Chars = list[tuple[str, int]]


def words_of(chars: Chars) -> list[tuple[Chars, tuple[str, int]]]:
    """The characters split at spaces: each word with the space after it (its own level: a
    space inside "Veilig Thuis" is left to right, one between Arabic words right to left)."""
    words: list[tuple[Chars, tuple[str, int]]] = []
    word: Chars = []
    for char, level in chars:
        if char == " ":
            if word:
                words.append((word, (char, level)))
            word = []
        else:
            word.append((char, level))
    if word:
        words.append((word, (" ", 1)))
    return words


def runs_of(chars: Chars) -> list[tuple[int, str]]:
    """Characters grouped into runs of one level, in logical order."""
    runs: list[tuple[int, str]] = []
    for char, level in chars:
        if runs and runs[-1][0] == level:
            runs[-1] = (level, runs[-1][1] + char)
        else:
            runs.append((level, char))
    return runs


def visual_runs(chars: Chars) -> list[tuple[int, str]]:
    """A line's runs left to right as they are drawn (rule L2: from the highest level down to
    the lowest odd one, reverse every sequence of runs at that level or higher)."""
    runs = runs_of(chars)
    if not runs:
        return runs
    highest = max(level for level, _ in runs)
    lowest_odd = min(level for level, _ in runs) | 1
    for level in range(highest, lowest_odd - 1, -1):
        index = 0
        while index < len(runs):
            if runs[index][0] < level:
                index += 1
                continue
            end = index
            while end < len(runs) and runs[end][0] >= level:
                end += 1
            runs[index:end] = runs[index:end][::-1]
            index = end
    return runs


def shaped(run: tuple[int, str], font: str, size: float) -> tuple[str, float]:
    """A run ready to draw left to right, and its width. Right-to-left runs with Arabic letters
    are shaped by harfbuzz (joined, in display order, brackets mirrored); right-to-left runs of
    only punctuation are turned round and mirrored here; left-to-right runs stay as they are."""
    level, text = run
    if level % 2 and not any(is_rtl(c) for c in text):
        text = "".join(MIRRORED.get(c, c) for c in reversed(text))
        return text, _width(text, font, size)
    if not level % 2:
        return text, _width(text, font, size)
    result = shapeStr(text, font, size)
    if isinstance(result, ShapedStr):
        return result, sum(d.x_advance for d in result.__shapeData__) * size / 1000
    return result, _width(result, font, size)


def _width(text: str, font: str, size: float) -> float:
    return float(stringWidth(text, font, size))


@dataclass
class _Line:
    pieces: list[tuple[str, float]]  # shaped runs, left to right, with their widths
    width: float


class RtlParagraph(Flowable):  # type: ignore[misc]
    """A right-to-left paragraph: plain text (no markup), lines right-aligned (or as the style's
    alignment says: left or centred), an optional bullet at the right. Uses the style's font,
    size, leading, colour, indents and spacing."""

    def __init__(self, text: str, style: ParagraphStyle, *, bullet: bool = False) -> None:
        super().__init__()
        self.text = ltr(" ".join(text.split()))
        self.style = style
        self.bullet = bullet
        self._lines: list[_Line] = []

    def _layout(self, width: float) -> list[_Line]:
        font, size = self.style.fontName, self.style.fontSize
        space = _width(" ", font, size)
        room = width - self.style.rightIndent - self.style.leftIndent
        chars = levels(self.text)
        lines: list[Chars] = []
        current: Chars = []
        used = 0.0
        gap = (" ", 1)
        for word, after in words_of(chars):
            word_width = sum(shaped(run, font, size)[1] for run in runs_of(word))
            if current and used + space + word_width > room:
                lines.append(current)
                current, used = [], 0.0
            if current:
                current.append(gap)
                used += space
            current.extend(word)
            used += word_width
            gap = after
        if current:
            lines.append(current)
        laid: list[_Line] = []
        for line in lines:
            pieces = [shaped(run, font, size) for run in visual_runs(line)]
            laid.append(_Line(pieces, sum(w for _, w in pieces)))
        return laid

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._lines = self._layout(avail_width)
        self.width = avail_width
        self.height = len(self._lines) * self.style.leading
        return self.width, self.height

    def draw(self) -> None:
        canvas: Any = self.canv
        style = self.style
        canvas.setFillColor(style.textColor)
        right = self.width - style.rightIndent
        for number, line in enumerate(self._lines):
            y = self.height - (number + 1) * style.leading + (style.leading - style.fontSize) / 2
            y += style.fontSize * 0.2  # the baseline above the descenders
            x = right - line.width
            if style.alignment == TA_LEFT:  # the date, on the left of a right-to-left letter
                x = style.leftIndent
            elif style.alignment == TA_CENTER:
                x = (style.leftIndent + right - line.width) / 2
            for text, width in line.pieces:
                canvas.setFont(style.fontName, style.fontSize)
                canvas.drawString(x, y, text)
                x += width
            if self.bullet and number == 0:
                canvas.setFont(style.fontName, style.fontSize)
                canvas.drawRightString(self.width - style.bulletIndent, y, BULLET)

    def getSpaceBefore(self) -> float:
        return float(self.style.spaceBefore)

    def getSpaceAfter(self) -> float:
        return float(self.style.spaceAfter)
