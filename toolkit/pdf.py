"""What every printable document shares: embedded fonts, colours, styles, and panels that
refuse to overflow.

reportlab's ``Paragraph`` parses markup, so every piece of text that is not ours (a school's
name, a coordinator's e-mail) goes through :func:`esc` first. The built-in PDF fonts cannot draw
many characters; DejaVu Sans (``resources/fonts``, free licence) is embedded instead, and DejaVu
Sans Mono where a reader must tell 0 from O and 1 from l (the recovery key).
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, TableStyle

from toolkit.atomic import write_atomic
from toolkit.resources import resource_path

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
CONDENSED = "DejaVuSansCondensed"
CONDENSED_BOLD = "DejaVuSansCondensed-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"
MONO = "DejaVuSansMono"
MONO_BOLD = "DejaVuSansMono-Bold"

NAVY = colors.HexColor("#1d3557")
ACCENT = colors.HexColor("#e07a5f")
INK = colors.HexColor("#1f2430")
MUTED = colors.HexColor("#5a6270")
TINT = colors.HexColor("#eef2f7")
WARM_TINT = colors.HexColor("#fdf0ea")
# Orange as text (a label, a kicker): ACCENT itself is 2.95:1 on white, this is 5.4:1.
ACCENT_TEXT = colors.HexColor("#ad4e2c")
# What office printers cannot print: nothing is drawn closer than this to a sheet's edge.
SAFE_MARGIN = 5 * mm
FORM_COLOURS = {
    "sexual": colors.HexColor("#b5446e"),
    "criminal": colors.HexColor("#2a6f97"),
    "labour": colors.HexColor("#4f7a3a"),  # white text on it: 5.0:1 (#6a994e was 3.3:1)
    "any": colors.HexColor("#5a6270"),
}


class PanelOverflow(ValueError):
    """Text does not fit its panel; the message names the item (a signal's id) that did not."""

    def __init__(self, document: str, panel: str, item: str) -> None:
        self.document, self.panel, self.item = document, panel, item
        super().__init__(
            f"{document}: '{item}' past niet meer in het paneel '{panel}'. "
            f"Maak de tekst korter of verdeel de inhoud anders."
        )


@functools.cache
def register_fonts() -> None:
    for name in (REGULAR, BOLD, ITALIC, BOLD_ITALIC, CONDENSED, CONDENSED_BOLD, MONO, MONO_BOLD):
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", f"{name}.ttf"))))
    # ``<i>`` in a Paragraph needs the family's italics, or it prints upright
    pdfmetrics.registerFontFamily(
        REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
    )
    pdfmetrics.registerFontFamily(CONDENSED, normal=CONDENSED, bold=CONDENSED_BOLD)
    pdfmetrics.registerFontFamily(MONO, normal=MONO, bold=MONO_BOLD)


def esc(text: str) -> str:
    """Text that is safe inside a reportlab Paragraph (``&``, ``<``, ``>`` escaped)."""
    return escape(text)


def style(name: str, **overrides: Any) -> ParagraphStyle:
    """A paragraph style; with ``parent=``, only ``overrides`` change the parent's values."""
    if "parent" in overrides:
        return ParagraphStyle(name, **overrides)
    base: dict[str, Any] = {
        "fontName": REGULAR,
        "bulletFontName": REGULAR,  # the default, Helvetica, is not embedded
        "fontSize": 9,
        "leading": 11.5,
        "textColor": INK,
    }
    base.update(overrides)
    if "fontSize" in overrides and "leading" not in overrides:
        base["leading"] = overrides["fontSize"] * 1.25
    return ParagraphStyle(name, **base)


def table_style(commands: list[tuple[Any, ...]]) -> TableStyle:
    """A TableStyle whose cells use an embedded font (a table's default is Helvetica)."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), *commands])


class Tagged(Flowable):  # type: ignore[misc]
    """Wraps a flowable with the id of the content item it shows, for overflow messages."""

    def __init__(self, item: str, inner: Flowable) -> None:
        super().__init__()
        self.item = item
        self.inner = inner

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        width, height = self.inner.wrap(avail_width, avail_height)
        self.width, self.height = width, height
        return width, height

    def draw(self) -> None:
        self.inner.drawOn(self.canv, 0, 0)

    def getSpaceBefore(self) -> float:
        return float(self.inner.getSpaceBefore())

    def getSpaceAfter(self) -> float:
        return float(self.inner.getSpaceAfter())


class Group(Flowable):  # type: ignore[misc]
    """Flowables that stay together in one panel (a heading with its first item)."""

    def __init__(self, item: str, members: Sequence[Flowable]) -> None:
        super().__init__()
        self.item = item
        self.members = list(members)
        self._sizes: list[tuple[float, float, float]] = []

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._sizes = []
        total = 0.0
        for index, member in enumerate(self.members):
            width, height = member.wrap(avail_width, avail_height)
            before = member.getSpaceBefore() if index else 0.0
            self._sizes.append((width, height, before))
            total += (
                before + height + (member.getSpaceAfter() if index < len(self.members) - 1 else 0)
            )
        self.width, self.height = avail_width, total
        return avail_width, total

    def draw(self) -> None:
        y = self.height
        for index, (member, (_w, height, before)) in enumerate(
            zip(self.members, self._sizes, strict=True)
        ):
            y -= before + height
            member.drawOn(self.canv, 0, y)
            if index < len(self.members) - 1:
                y -= member.getSpaceAfter()

    def getSpaceBefore(self) -> float:
        return float(self.members[0].getSpaceBefore())

    def getSpaceAfter(self) -> float:
        return float(self.members[-1].getSpaceAfter())


def item_of(flowable: Flowable) -> str:
    return str(getattr(flowable, "item", "") or type(flowable).__name__)


@dataclass(frozen=True)
class Box:
    """A rectangle on the page, in points, from the bottom-left corner."""

    x: float
    y: float
    width: float
    height: float

    @property
    def top(self) -> float:
        return self.y + self.height

    def inset(self, dx: float, dy: float | None = None) -> Box:
        dy = dx if dy is None else dy
        return Box(self.x + dx, self.y + dy, self.width - 2 * dx, self.height - 2 * dy)


def fill(
    canvas: Canvas,
    box: Box,
    flowables: Sequence[Flowable],
    *,
    document: str,
    panel: str,
) -> list[Flowable]:
    """Lay ``flowables`` into ``box``; raise :class:`PanelOverflow` if any do not fit."""
    leftover = fill_partly(canvas, box, flowables)
    if leftover:
        raise PanelOverflow(document, panel, item_of(leftover[0]))
    return leftover


def fill_partly(canvas: Canvas, box: Box, flowables: Sequence[Flowable]) -> list[Flowable]:
    """Lay out what fits; return what does not (a flowing story over several panels)."""
    frame = Frame(
        box.x,
        box.y,
        box.width,
        box.height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        showBoundary=0,
    )
    pending = list(flowables)
    frame.addFromList(pending, canvas)
    return pending


DUPLEX = {"short": "DuplexFlipShortEdge", "long": "DuplexFlipLongEdge"}


def load_logo(path: Path | None) -> ImageReader | None:
    """The school's logo, decoded once; ``None`` when there is none or it cannot be read."""
    if path is None:
        return None
    try:
        reader = ImageReader(io.BytesIO(path.read_bytes()))
        width, height = reader.getSize()
        reader.getRGBData()  # decode it now: a truncated file fails here, not mid-document
    except Exception:  # any unreadable file (missing, not an image, cut off): no logo
        return None
    return reader if width > 0 and height > 0 else None


def render(
    draw_pages: Callable[[Canvas], None],
    *,
    pagesize: tuple[float, float],
    title: str,
    subject: str,
    language: str,
    duplex: str | None = None,
) -> bytes:
    """Run ``draw_pages`` on a fresh canvas; the PDF's bytes (reproducible: no timestamps).

    ``duplex`` ("short" or "long") tells a PDF viewer's print dialog which edge to flip on.
    """
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=pagesize,
        invariant=True,
        pageCompression=1,
        lang="nl-NL" if language == "nl" else "en-GB",
        initialFontName=REGULAR,
    )
    canvas.setTitle(title)
    canvas.setSubject(subject)
    canvas.setAuthor("Schoolsignaal")
    canvas.setCreator("Schoolsignaal")
    if duplex is not None:
        canvas.setViewerPreference("Duplex", DUPLEX[duplex])
    draw_pages(canvas)
    canvas.save()
    return buffer.getvalue()


class NumberedCanvas(Canvas):  # type: ignore[misc]
    """Holds the pages back until the end, so each can say "page 2 of 5".

    ``stamp(canvas, page, pages)`` draws what every page carries (a page number, a
    confidentiality line) just before that page is written.
    """

    def __init__(
        self, *args: Any, stamp: Callable[[Canvas, int, int], None], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._stamp = stamp
        self._held: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held)
        for number, state in enumerate(self._held, start=1):
            self.__dict__.update(state)
            self._stamp(self, number, total)
            super().showPage()
        super().save()


# The pages a long document flows over (a lesson plan, the audit log): A4 portrait, room at
# the top for a running head and at the foot for a page number.
MARGIN_X = 18 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 20 * mm
BODY_WIDTH = A4[0] - 2 * MARGIN_X


def flow(
    story: list[Flowable],
    *,
    title: str,
    subject: str,
    language: str,
    on_page: Callable[[Canvas, BaseDocTemplate], None],
    stamp: Callable[[Canvas, int, int], None],
) -> bytes:
    """Flow ``story`` over as many A4 pages as it needs; the PDF's bytes (no timestamps).

    ``on_page(canvas, doc)`` draws each page's running parts while the page is made;
    ``stamp(canvas, page, pages)`` what needs the page count, once every page is known.
    """
    register_fonts()
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        subject=subject,
        author="Schoolsignaal",
        creator="Schoolsignaal",
        invariant=1,
        pageCompression=1,
        lang="nl-NL" if language == "nl" else "en-GB",
        initialFontName=REGULAR,
    )
    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        BODY_WIDTH,
        A4[1] - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page)])
    doc.build(story, canvasmaker=functools.partial(NumberedCanvas, stamp=stamp))
    return buffer.getvalue()


def fit(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis (a running head on one line)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def save(data: bytes, path: str | Path) -> Path:
    """Write a finished PDF atomically: never a half-written file."""
    return write_atomic(Path(path), data, mode=0o644)


def crop_marks(
    canvas: Canvas,
    xs: Sequence[float],
    ys: Sequence[float],
    page: tuple[float, float],
    *,
    length: float = 3 * mm,
) -> None:
    """Short cut or fold marks near the page edges, at each x (top and bottom) and y (left,
    right); they start :data:`SAFE_MARGIN` in, where an office printer prints."""
    width, height = page
    near, far = SAFE_MARGIN, SAFE_MARGIN + length
    canvas.saveState()
    canvas.setStrokeColor(colors.HexColor("#9aa0a6"))
    canvas.setLineWidth(0.4)
    for x in xs:
        canvas.line(x, height - near, x, height - far)
        canvas.line(x, near, x, far)
    for y in ys:
        canvas.line(near, y, far, y)
        canvas.line(width - near, y, width - far, y)
    canvas.restoreState()
