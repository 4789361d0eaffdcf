"""Draw a slide on a fixed 16:9 canvas (1920 x 1080), scaled to whatever screen shows it.

Every size here is in canvas pixels, so a slide looks the same on any projector; the type is
large enough to read from the back of a classroom (body text 44 px on a 1080-line canvas).
The renderer only ever receives an :class:`~desktop.classroom.presenter.AudienceSlide`, which has no
teacher notes.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QTextDocument
from PySide6.QtSvg import QSvgRenderer

from desktop.classroom.presenter import AudienceSlide
from desktop.ui.fonts import register_fonts
from lessons.markdown import BulletList, blocks, inline_html

if TYPE_CHECKING:
    from desktop.classroom.pdf_deck_pages import DeckPages

WIDTH, HEIGHT = 1920, 1080
MARGIN = 110
TOP = 120  # below the title band
AGREE_BAR_TOP = HEIGHT - 230  # the Oneens/Eens boxes of a statement
NAVY, ACCENT, INK, MUTED, PAPER = "#1d3557", "#e07a5f", "#1f2430", "#5a6270", "#fbfbf8"
GREEN = "#4f7a3a"  # a quiz's right answer, once shown
# A statement's two sides: neutral colours, neither reads as right or wrong (a dilemma).
DISAGREE, AGREE = "#5b4b8a", "#1f6f78"
REVEALED = "#2a6f97"  # a revealed answer: neutral blue, not the green of a right quiz answer
CAPTION = "#3d4450"  # an image's caption: the sentence that goes with the picture
TINT = "#e8eef6"  # the school's own contact on the help slide


def markdown_html(markdown: str, size: int) -> str:
    parts = []
    for block in blocks(markdown):
        if isinstance(block, BulletList):
            items = "".join(f"<li style='margin-bottom:10px'>{item}</li>" for item in block.items)
            parts.append(f"<ul style='-qt-list-indent:1'>{items}</ul>")
        else:
            parts.append(f"<p style='margin-bottom:18px'>{block.html}</p>")
    return f"<div style='font-size:{size}px; color:{INK}'>{''.join(parts)}</div>"


def para(text: str, size: int, colour: str = INK, *, bold: bool = False, style: str = "") -> str:
    """One paragraph of escaped text in canvas pixels."""
    weight = " font-weight:bold;" if bold else ""
    css = f"font-size:{size}px; color:{colour};{weight} {style}"
    return f"<p style='{css}'>{escape(text)}</p>"


def _title(text: str, size: int = 68) -> str:
    return para(text, size, NAVY, bold=True, style="margin-bottom:36px")


class SlideRenderer:
    """Lays out and paints audience slides; layouts are cached per slide view."""

    def __init__(self) -> None:
        self.family = register_fonts()
        self._documents: dict[int, tuple[AudienceSlide, QTextDocument]] = {}
        self.pages: DeckPages | None = None  # a PDF deck's pages, rendered ahead

    # ---------------------------------------------------------------- layout
    def document(self, view: AudienceSlide) -> QTextDocument:
        cached = self._documents.get(id(view))
        if cached is not None and cached[0] is view:
            return cached[1]
        doc = QTextDocument()
        font = QFont(self.family)
        font.setPixelSize(44)
        doc.setDefaultFont(font)
        doc.setDocumentMargin(0)
        doc.setTextWidth(WIDTH - 2 * MARGIN)
        doc.setHtml(self._html(view))
        if view.school is not None and doc.size().height() > self.available_height(view):
            doc.setHtml(self._html(view, tight=True))  # the school's contact takes room
        if len(self._documents) > 64:
            self._documents.clear()
        self._documents[id(view)] = (view, doc)
        return doc

    def content_height(self, view: AudienceSlide) -> float:
        return float(self.document(view).size().height())

    def available_height(self, view: AudienceSlide) -> float:
        if view.kind == "image":
            return 220.0  # the title and caption; the image takes the rest
        if view.kind == "statement":  # above the agree/disagree bar, with a gap
            return float(AGREE_BAR_TOP - 40 - TOP)
        return float(HEIGHT - TOP - 80) if view.kind != "title" else float(HEIGHT - 2 * MARGIN)

    def fits(self, view: AudienceSlide) -> bool:
        """Does the laid-out text fit its box on the canvas? (Checked for every shipped slide.)"""
        return self.content_height(view) <= self.available_height(view)

    def _html(self, v: AudienceSlide, *, tight: bool = False) -> str:
        labels = v.labels
        if v.kind == "title":
            sub = para(v.subtitle, 48, "#c9d3e3") if v.subtitle else ""
            return para(v.title, 96, "white", bold=True, style="margin-bottom:30px") + sub
        if v.kind == "text":
            return _title(v.title) + markdown_html(v.body, 60 if v.large else 48)
        if v.kind == "image":
            size = 42 if v.large else 38
            return _title(v.title) + (para(v.caption, size, CAPTION) if v.caption else "")
        if v.kind == "statement":
            label = para(
                labels["statement"].upper(), 40, ACCENT, bold=True, style="margin-bottom:40px"
            )
            return label + para(v.statement, 76, NAVY, bold=True)
        if v.kind == "quiz":
            return self._quiz_html(v)
        if v.kind == "reveal":
            return self._reveal_html(v)
        if v.kind == "case":
            part = labels["part"].format(n=v.part_number, total=v.part_total)
            questions = "".join(
                para("?  " + q, 40, NAVY, style="font-style:italic; margin-top:12px")
                for q in v.questions
            )
            return (
                _title(v.title, 60)
                + para(part.upper(), 32, ACCENT, bold=True, style="margin-bottom:18px")
                + markdown_html(v.part_text, 54 if v.large else 46)
                + questions
            )
        if v.kind == "help":
            intro = para(v.subtitle, 40, MUTED, style="margin-bottom:24px") if v.subtitle else ""
            school = self._school_html(v)
            # Set a little tighter when the school's contact above them needs the room.
            pad, name, text, reach = (4, 36, 28, 42) if tight else (10, 42, 34, 50)
            rows = "".join(
                f"<tr><td style='padding:{pad}px 0px; font-size:{name}px'>"
                f"<b>{escape(h.name)}</b><br>"
                f"<span style='font-size:{text}px; color:{MUTED}'>{escape(h.text)}</span></td>"
                f"<td align='right' style='padding:{pad}px 0px; font-size:{reach}px;"
                f" font-weight:bold; color:{NAVY}'>{escape(h.contact)}</td></tr>"
                for h in v.help_lines
            )
            table = f"<table width='100%' cellspacing='0'>{rows}</table>"
            return _title(v.title) + intro + school + table
        if v.kind == "closing":
            items = "".join(f"<li style='margin-bottom:22px'>{escape(t)}</li>" for t in v.takeaways)
            size = 60 if v.large else 52
            return _title(v.title, 72) + f"<ul style='font-size:{size}px; color:{INK}'>{items}</ul>"
        raise ValueError(f"unknown slide kind {v.kind}")

    @staticmethod
    def _school_html(v: AudienceSlide) -> str:
        """The school's own contact, first and apart: the nearest place to go."""
        if v.school is None:
            return ""
        h = v.school
        label = v.labels["school"] + (f" · {h.text}" if h.text else "")
        cell = f"background-color:{TINT}; padding:8px 20px"
        return (
            f"<table width='100%' cellspacing='0' style='margin-top:8px; margin-bottom:10px'><tr>"
            f"<td style='{cell}; font-size:38px'><span style='font-size:26px; color:{ACCENT}'>"
            f"<b>{escape(label.upper())}</b></span><br><b>{escape(h.name)}</b></td>"
            f"<td align='right' style='{cell}; font-size:36px; font-weight:bold; color:{NAVY}'>"
            f"{escape(h.contact).replace(' · ', '<br>')}</td></tr></table>"
        )

    @staticmethod
    def _reveal_html(v: AudienceSlide) -> str:
        """Before the reveal: the title, the prompt and each line without its answer; after
        it, the answers beside the lines and the answer text below."""
        prompt = markdown_html(v.prompt, 46) if v.prompt else ""
        rows = []
        for text, answer in v.items:
            shown = f"<span style='color:{REVEALED}'>&nbsp;&nbsp;{inline_html(answer)}</span>"
            waiting = f"<span style='color:{MUTED}'>&nbsp;&nbsp;…?</span>"
            rows.append(
                f"<li style='margin-bottom:14px'>{inline_html(text)}"
                f"{shown if answer else waiting}</li>"
            )
        items = f"<ul style='font-size:48px; color:{INK}'>{''.join(rows)}</ul>" if rows else ""
        answer = markdown_html(v.body, 46) if v.body else ""
        return _title(v.title) + prompt + items + answer

    @staticmethod
    def _quiz_html(v: AudienceSlide) -> str:
        rows = []
        for number, option in enumerate(v.options, start=1):
            letter = chr(ord("A") + number - 1)
            right = v.answer == number
            background = GREEN if right else ("#eceee9" if v.answer else "#eef2f7")
            colour = "white" if right else (MUTED if v.answer else INK)
            mark = " ✓" if right else ""
            cell = f"background-color:{background}; color:{colour}; padding:18px; font-size:46px"
            text = f"<b>{letter}</b>&nbsp;&nbsp;{escape(option)}{mark}"
            rows.append(f"<tr><td style='{cell}'>{text}</td></tr>")
        explanation = ""
        if v.answer:
            explanation = f"<div style='margin-top:24px'>{markdown_html(v.explanation, 40)}</div>"
        return (
            para(v.labels["quiz"].upper(), 36, ACCENT, bold=True, style="margin-bottom:16px")
            + para(v.question, 58, NAVY, bold=True, style="margin-bottom:30px")
            + f"<table width='100%' cellspacing='12' cellpadding='0'>{''.join(rows)}</table>"
            + explanation
        )

    # ---------------------------------------------------------------- painting
    def paint(
        self,
        painter: QPainter,
        target: QRectF,
        view: AudienceSlide | None,
        blank: str | None = None,
    ) -> None:
        """Letterbox the 16:9 canvas into ``target`` and draw ``view`` (or a blank screen)."""
        if view is not None and view.kind == "pdf" and blank is None and self.pages is not None:
            self.pages.paint(painter, target, view.page)  # a blit of a page rendered ahead
            return
        painter.save()
        painter.fillRect(target, QColor("black"))
        scale = min(target.width() / WIDTH, target.height() / HEIGHT)
        x = target.x() + (target.width() - WIDTH * scale) / 2
        y = target.y() + (target.height() - HEIGHT * scale) / 2
        painter.translate(x, y)
        painter.scale(scale, scale)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        canvas = QRectF(0, 0, WIDTH, HEIGHT)
        if blank is not None or view is None:
            painter.fillRect(canvas, QColor("white" if blank == "white" else "black"))
            painter.restore()
            return
        self._paint_slide(painter, canvas, view)
        painter.restore()

    def _paint_slide(self, painter: QPainter, canvas: QRectF, view: AudienceSlide) -> None:
        doc = self.document(view)
        height = doc.size().height()
        if view.kind == "title":
            painter.fillRect(canvas, QColor(NAVY))
            painter.fillRect(QRectF(0, HEIGHT - 28, WIDTH, 28), QColor(ACCENT))
            self._draw(painter, doc, MARGIN, max(MARGIN, (HEIGHT - height) / 2))
            return
        painter.fillRect(canvas, QColor(PAPER))
        painter.fillRect(QRectF(0, 0, WIDTH, 22), QColor(NAVY))
        painter.fillRect(QRectF(0, 22, WIDTH, 8), QColor(ACCENT))
        if view.kind == "statement":
            self._draw(painter, doc, MARGIN, max(TOP, (HEIGHT - 200 - height) / 2))
            self._agree_bar(painter, view)
            return
        self._draw(painter, doc, MARGIN, TOP)
        if view.kind == "image" and view.image is not None:
            area = QRectF(MARGIN, TOP + height + 10, WIDTH - 2 * MARGIN, HEIGHT - TOP - height - 60)
            self._image(painter, view, area)

    @staticmethod
    def _draw(painter: QPainter, doc: QTextDocument, x: float, y: float) -> None:
        painter.save()
        painter.translate(x, y)
        doc.drawContents(painter)
        painter.restore()

    def _agree_bar(self, painter: QPainter, view: AudienceSlide) -> None:
        font = QFont(self.family)
        font.setPixelSize(52)
        font.setBold(True)
        painter.setFont(font)
        half = (WIDTH - 2 * MARGIN - 40) / 2
        for index, (key, colour) in enumerate((("disagree", DISAGREE), ("agree", AGREE))):
            box = QRectF(MARGIN + index * (half + 40), AGREE_BAR_TOP, half, 130)
            painter.fillRect(box, QColor(colour))
            painter.setPen(QColor("white"))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, view.labels[key])

    @staticmethod
    def _image(painter: QPainter, view: AudienceSlide, area: QRectF) -> None:
        path = str(view.image)
        if path.lower().endswith(".svg"):
            renderer = QSvgRenderer(path)
            size = QSizeF(renderer.defaultSize())
            if not renderer.isValid() or size.isEmpty():
                return
        else:
            image = QImage(path)
            if image.isNull():
                return
            size = QSizeF(image.size())
        scale = min(area.width() / size.width(), area.height() / size.height())
        w, h = size.width() * scale, size.height() * scale
        rect = QRectF(
            QPointF(area.x() + (area.width() - w) / 2, area.y() + (area.height() - h) / 2),
            QSizeF(w, h),
        )
        if path.lower().endswith(".svg"):
            renderer.render(painter, rect)
        else:
            painter.drawImage(rect, image)
