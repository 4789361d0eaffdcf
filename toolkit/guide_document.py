"""The teacher guide (handleiding voor docenten) as a printable A4 document.

The guide is the lessons' own Markdown (``lessons/content/guide/<language>.md``, read with
:func:`lessons.library.read_guide`): ``#`` and ``##`` headings, paragraphs, ``-`` lists,
``**bold**`` and ``*italic*``. Headings are handled here; everything between them goes through
:func:`lessons.markdown.blocks`, as on screen. A paragraph that is bold and nothing else ("**Wie
bel je?**") is a small heading. A heading never stands alone at a page's foot: it keeps with
what follows, as does a paragraph that ends in a colon with its list.

The first page is headed by the school's name and logo where set; every page has the series'
name and "pagina x van y" at its foot.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, KeepTogether, Paragraph

from lessons.library import read_guide
from lessons.markdown import BulletList, blocks, inline_html
from lessons.markdown import Paragraph as TextBlock
from toolkit.page_head import PageFrame, framed_flow
from toolkit.pdf import (
    ACCENT,
    BOLD,
    INK,
    NAVY,
    register_fonts,
    style,
)
from toolkit.school_contact import SchoolContact


@dataclass(frozen=True)
class Labels:
    footer: str  # the series' name, at every page's foot
    page: str
    subject: str


LABELS = {
    "nl": Labels(
        footer="Lessenreeks Schoolsignaal",
        page="pagina {page} van {pages}",
        subject="Handleiding voor docenten bij de Lessenreeks Schoolsignaal",
    ),
    "en": Labels(
        footer="Schoolsignaal lesson series",
        page="page {page} of {pages}",
        subject="Teacher guide to the Schoolsignaal lesson series",
    ),
}
LANGUAGES = tuple(LABELS)
SHORT_LIST = 700  # characters; a list this short stays on one page

TITLE = style("g-title", fontName=BOLD, fontSize=21, leading=26, textColor=NAVY, spaceAfter=3 * mm)
H2 = style(
    "g-h2", fontName=BOLD, fontSize=13.5, leading=17, textColor=NAVY,
    spaceBefore=5 * mm, spaceAfter=1.8 * mm,
)  # fmt: skip
H3 = style(
    "g-h3", fontName=BOLD, fontSize=10.5, leading=14, textColor=NAVY,
    spaceBefore=2.5 * mm, spaceAfter=1 * mm,
)  # fmt: skip
BODY = style(
    "g-body", fontSize=10, leading=14.5, textColor=INK, spaceAfter=2.4 * mm,
    allowWidows=0, allowOrphans=0,
)  # fmt: skip
ITEM = style(
    "g-item", parent=BODY, leftIndent=5 * mm, bulletIndent=1 * mm, spaceAfter=1.2 * mm,
    bulletColor=NAVY,
)  # fmt: skip
LAST_ITEM = style("g-item-last", parent=ITEM, spaceAfter=BODY.spaceAfter)

_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_ONLY_BOLD = re.compile(r"^<b>[^<]+</b>$")


@dataclass(frozen=True)
class Heading:
    level: int
    html: str


Part = Heading | TextBlock | BulletList


def parts(markdown: str) -> list[Part]:
    """The guide's headings (``#`` lines) and, between them, the lessons' Markdown blocks."""
    result: list[Part] = []
    chunk: list[str] = []
    for line in markdown.splitlines():
        heading = _HEADING.match(line)
        if heading is None:
            chunk.append(line)
            continue
        result += blocks("\n".join(chunk))
        chunk.clear()
        result.append(Heading(len(heading.group(1)), inline_html(heading.group(2))))
    result += blocks("\n".join(chunk))
    return result


def plain(html: str) -> str:
    """``html`` of :func:`inline_html` as plain text (a title for the PDF's metadata)."""
    text = re.sub(r"</?[bi]>", "", html)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def story_of(items: list[Part]) -> tuple[str, list[Flowable]]:
    """The guide's title (its first ``#`` heading) and its flowables; a heading, and a
    paragraph that ends in a colon, kept on one page with what follows them (a short list
    whole, a long list's first item)."""
    title = ""
    units: list[tuple[list[Flowable], bool]] = []  # flowables, and whether they lead on
    for item in items:
        if isinstance(item, Heading):
            if item.level == 1 and not title:
                title = plain(item.html)
                rule = HRFlowable(
                    width="18%", thickness=2.5, color=ACCENT, hAlign="LEFT", spaceAfter=5 * mm
                )
                units.append(([Paragraph(item.html, TITLE), rule], True))
            else:
                units.append(([Paragraph(item.html, H2 if item.level <= 2 else H3)], True))
        elif isinstance(item, BulletList):
            last = len(item.items) - 1
            entries: list[Flowable] = [
                Paragraph(text, LAST_ITEM if index == last else ITEM, bulletText="•")
                for index, text in enumerate(item.items)
            ]
            # A short list (a reply's five steps) is read as one: not split over two pages.
            if sum(len(plain(text)) for text in item.items) <= SHORT_LIST:
                units.append((entries, False))
            else:
                units += [([entry], False) for entry in entries]
        elif _ONLY_BOLD.match(item.html):  # "**Wie bel je?**": a small heading
            units.append(([Paragraph(item.html, H3)], True))
        else:  # a paragraph that ends in a colon introduces what follows
            units.append(([Paragraph(item.html, BODY)], item.html.rstrip().endswith(":")))
    story: list[Flowable] = []
    pending: list[Flowable] = []
    for flowables, leads in units:
        pending += flowables
        if not leads:
            story.append(KeepTogether(pending) if len(pending) > 1 else pending[0])
            pending = []
    story += pending  # a heading at the very end (none in the guide) stands as it is
    return title, story


def build_guide(language: str, school: SchoolContact | None = None) -> bytes:
    """The teacher guide in ``language`` (nl or en) as an A4 PDF; the school's name and logo
    head its first page where set."""
    if language not in LABELS:
        raise ValueError(f"no teacher guide in {language!r}; choose one of {LANGUAGES}")
    register_fonts()
    labels = LABELS[language]
    title, story = story_of(parts(read_guide(language)))
    title = title or labels.subject
    name = school.school if school is not None else ""
    frame = PageFrame(
        school,
        running_head=" · ".join(filter(None, [title, name])),
        foot=labels.footer,
        page_label=labels.page,
        foot_font=BOLD,
        foot_colour=NAVY,
    )
    return framed_flow(story, frame, title=title, subject=labels.subject, language=language)


def file_name(language: str) -> str:
    return f"handleiding-docenten-{language}.pdf"


def write_samples(folder: Path) -> list[Path]:
    """The Dutch guide into ``folder``, for the smoke test."""
    from toolkit.pdf import save

    return [save(build_guide("nl"), folder / file_name("nl"))]
