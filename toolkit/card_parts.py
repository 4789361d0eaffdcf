"""Building blocks shared by the signal card's printed formats: headings, signal lists,
help lines, the meldcode steps, the school's contact box and its name and logo."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from toolkit.pdf import (
    BOLD,
    CONDENSED,
    CONDENSED_BOLD,
    FORM_COLOURS,
    INK,
    MUTED,
    NAVY,
    TINT,
    Group,
    Tagged,
    esc,
    item_of,
    style,
    table_style,
)
from toolkit.school_contact import SchoolContact
from toolkit.signal_card import (
    FORMS,
    Category,
    Form,
    HelpLine,
    MeldcodeStep,
    Signal,
    SignalCard,
)


def relative_luminance(colour: colors.Color) -> float:
    """WCAG 2 relative luminance of an sRGB colour."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = colour.rgb()
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(one: colors.Color, other: colors.Color) -> float:
    """WCAG 2 contrast ratio between two colours, 1 to 21 (4.5 is the floor for body text)."""
    light, dark = sorted((relative_luminance(one), relative_luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


TAGLINE = colors.HexColor("#c9d3e3")  # the front's tagline, on navy
WHITE = colors.white
# Every text colour on its background in the signal card's documents (tested: 4.5:1 or more).
TEXT_ON: list[tuple[str, colors.Color, colors.Color]] = [
    ("body text", INK, WHITE),
    ("headings", NAVY, WHITE),
    ("hours, notes, categories", MUTED, WHITE),
    ("contact box text", INK, TINT),
    ("contact box heading", NAVY, TINT),
    ("title band", WHITE, NAVY),
    ("front tagline", TAGLINE, NAVY),
    *((f"form band {form}", WHITE, colour) for form, colour in FORM_COLOURS.items()),
]


class Scale:
    """Type sizes for one format; a pocket card is smaller than a folded card."""

    def __init__(self, size: float, *, tight: bool = False) -> None:
        """``tight``: less space between lines and items, for a small card packed full."""
        self.size = size
        self.gap = 0.1 if tight else 0.28  # after an item, in ems
        self.body = style(
            "body", fontName=CONDENSED, fontSize=size, leading=size * (1.16 if tight else 1.22)
        )
        self.bullet = style(
            "bullet",
            fontName=CONDENSED,
            fontSize=size,
            leading=size * (1.15 if tight else 1.2),
            leftIndent=size * 1.1,
            bulletIndent=0,
            bulletFontName=CONDENSED,
            bulletFontSize=size,
            spaceAfter=size * self.gap,
        )
        self.heading = style(
            "heading",
            fontName=BOLD,
            fontSize=size * 1.4,
            leading=size * 1.7,
            textColor=NAVY,
            spaceBefore=size * 0.6,
            spaceAfter=size * 0.35,
        )
        self.small_caps = style(
            "category",
            fontName=CONDENSED_BOLD,
            fontSize=size * 0.82,
            leading=size * 1.1,
            textColor=MUTED,
            spaceBefore=size * 0.45,
            spaceAfter=size * 0.2,
        )
        self.muted = style(
            "muted", fontName=CONDENSED, fontSize=size * 0.88, leading=size * 1.1, textColor=MUTED
        )


def heading(text: str, scale: Scale, **overrides: Any) -> Paragraph:
    return Paragraph(esc(text), style("h", parent=scale.heading, **overrides))


def form_band(card: SignalCard, form: Form, scale: Scale, *, suffix: str = "") -> Flowable:
    """A coloured band with the form's name, above its signals."""
    label = Paragraph(
        esc(card.forms[form] + (f" {suffix}" if suffix else "")),
        style(
            "band",
            fontName=BOLD,
            fontSize=scale.size * 1.15,
            leading=scale.size * 1.4,
            textColor=colors.white,
        ),
    )
    band = Table([[label]], colWidths=["100%"])
    band.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), FORM_COLOURS[form]),
                ("LEFTPADDING", (0, 0), (-1, -1), 2 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 1.1 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.4 * mm),
                ("ROUNDEDCORNERS", [1.5 * mm] * 4),
            ]
        )
    )
    band.spaceBefore = scale.size * 0.5
    band.spaceAfter = scale.size * 0.2
    return Tagged(f"form:{form}", band)


def signal_item(signal: Signal, form: Form, scale: Scale) -> Flowable:
    bullet = style(
        "b", parent=scale.bullet, bulletColor=FORM_COLOURS[form], bulletFontSize=scale.size * 1.1
    )
    return Tagged(signal.id, Paragraph(esc(signal.text), bullet, bulletText="•"))


def signals_by_form(
    card: SignalCard,
    scale: Scale,
    signals: list[Signal] | None = None,
    *,
    with_categories: bool = True,
) -> list[Flowable]:
    """Every form in turn, its signals grouped by category; a heading never ends a panel.

    Each item knows its section (``section``: form, category and whether it opens the form,
    the category or neither), so that a panel it starts can repeat the heading: see
    :func:`continued`.
    """
    chosen = card.signals if signals is None else signals
    story: list[Flowable] = []
    for form in FORMS:
        of_form = [s for s in chosen if form in s.forms]
        if not of_form:
            continue
        opens = "form"
        for category, label in card.categories.items():
            in_category = [s for s in of_form if s.category == category]
            if not in_category:
                continue
            pending: list[Flowable] = [form_band(card, form, scale)] if opens == "form" else []
            if with_categories:
                pending.append(category_label(label, scale))
            first, *rest = (signal_item(s, form, scale) for s in in_category)
            group = Group(in_category[0].id, [*pending, first])
            group.section = (form, category, opens if with_categories or opens == "form" else "")
            story.append(group)
            for item in rest:
                item.section = (form, category, "")
            story.extend(rest)
            opens = "category"
    return story


def category_label(label: str, scale: Scale) -> Paragraph:
    return Paragraph(esc(label.upper()), scale.small_caps)


def continued(card: SignalCard, scale: Scale, first: Flowable) -> Flowable:
    """``first`` as the top of a new panel: with its form's band marked "(vervolg)" and its
    category's label when it continues them; unchanged when it opens a form itself."""
    section: tuple[Form, Category, str] | None = getattr(first, "section", None)
    if section is None or section[2] == "form":
        return first
    form, category, opens = section
    members = [form_band(card, form, scale, suffix=card.labels.continued)]
    if not opens:  # in the middle of a category: its label again, then the item
        members.append(category_label(card.categories[category], scale))
    members.append(first)
    return Group(item_of(first), members)


def numbered(items: list[tuple[str, str]], scale: Scale, item_ids: list[str]) -> list[Flowable]:
    """Numbered steps: bold title and a line of text."""
    story: list[Flowable] = []
    for number, ((title, text), item_id) in enumerate(zip(items, item_ids, strict=True), start=1):
        body = f"<font name='{CONDENSED_BOLD}'>{esc(title)}</font>"
        if text:
            body += f"<br/>{esc(text)}"
        story.append(
            Tagged(
                item_id,
                Paragraph(
                    body,
                    style(
                        "n",
                        parent=scale.bullet,
                        leftIndent=scale.size * 1.5,
                        bulletFontName=CONDENSED_BOLD,
                    ),
                    bulletText=f"{number}.",
                ),
            )
        )
    return story


def meldcode_steps(
    steps: list[MeldcodeStep], scale: Scale, *, with_text: bool = True
) -> list[Flowable]:
    return numbered(
        [(s.title, s.text if with_text else "") for s in steps],
        scale,
        [f"meldcode-{s.number}" for s in steps],
    )


def help_line(line: HelpLine, scale: Scale, *, compact: bool = False) -> Flowable:
    """A help line: its name in navy, its number or address in bold, then what it is for."""
    name = f"<font name='{CONDENSED_BOLD}' color='#1d3557'>{esc(line.name)}</font>"
    contact = f"<font name='{CONDENSED_BOLD}'>{esc(line.contact)}</font>" + (
        f" <font color='#5a6270'>({esc(line.hours)})</font>" if line.hours else ""
    )
    text = f"{name}  {contact}"
    if not compact:
        text += f"<br/><font color='#5a6270' size='{scale.size * 0.9:.1f}'>{esc(line.for_)}</font>"
    return Tagged(
        f"help:{line.id}",
        Paragraph(
            text,
            style("hl", parent=scale.body, spaceAfter=scale.size * (scale.gap if compact else 0.5)),
        ),
    )


def contact_box(
    contact: SchoolContact, heading_text: str, scale: Scale, *, compact: bool = False
) -> list[Flowable]:
    """The school's own contact in a tinted box; nothing when the school entered none (a
    school's name alone is no contact: show it with :func:`school_mark`).

    ``compact`` puts the school's name after the heading and phone and e-mail on one line.
    """
    if not contact.has_person:
        return []
    heading_style = style("ch", parent=scale.body, fontName=BOLD, textColor=NAVY)
    if compact:
        head = esc(heading_text) + (f": {esc(contact.school)}" if contact.school else "")
        who = ", ".join(p for p in (contact.name, contact.role) if p)
        reach = " · ".join(p for p in (contact.phone, contact.email) if p)
        rows = [[Paragraph(head, heading_style)]]
        rows += [[Paragraph(esc(line), scale.body)] for line in (who, reach) if line]
    else:
        rows = [[Paragraph(esc(heading_text), heading_style)]]
        if contact.school:
            rows.append([Paragraph(esc(contact.school), scale.body)])
        rows.extend([Paragraph(esc(line), scale.body)] for line in contact.lines())
    box = Table(rows, colWidths=["100%"])
    box.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), TINT),
                ("LEFTPADDING", (0, 0), (-1, -1), 2.5 * mm),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2.5 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 0.6 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0.6 * mm),
                ("TOPPADDING", (0, 0), (-1, 0), 2 * mm),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 2 * mm),
                ("ROUNDEDCORNERS", [2 * mm] * 4),
            ]
        )
    )
    return [Spacer(1, scale.size * 0.6), Tagged("school-contact", box)]


class Logo(Flowable):  # type: ignore[misc]
    """The school's logo at a given height, its width from the image (capped)."""

    def __init__(self, image: ImageReader, height: float, max_width: float) -> None:
        super().__init__()
        pixels_wide, pixels_high = image.getSize()
        self.image = image
        self.draw_height = min(height, max_width * pixels_high / pixels_wide)
        self.draw_width = self.draw_height * pixels_wide / pixels_high

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.draw_width, self.draw_height

    def draw(self) -> None:
        self.canv.drawImage(
            self.image,
            0,
            0,
            self.draw_width,
            self.draw_height,
            mask="auto",
            preserveAspectRatio=True,
        )


def school_mark(
    school: str,
    logo: ImageReader | None,
    *,
    size: float,
    logo_height: float,
    colour: colors.Color = NAVY,
) -> Flowable | None:
    """The school's logo and name side by side (either alone); ``None`` when it set neither."""
    name = (
        Paragraph(
            esc(school),
            style("school", fontName=BOLD, fontSize=size, leading=size * 1.2, textColor=colour),
        )
        if school
        else None
    )
    if logo is None:
        return Tagged("school", name) if name is not None else None
    image = Logo(logo, logo_height, max_width=logo_height * 3)
    if name is None:
        return Tagged("school", image)
    gap = 3 * mm
    row = Table([[image, name]], colWidths=[image.draw_width + gap, None])
    row.hAlign = "LEFT"
    row.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return Tagged("school", row)


def story_height(flowables: list[Flowable], width: float) -> float:
    """Roughly how tall ``flowables`` stand in a column ``width`` wide (to pick a type size)."""
    total = 0.0
    for index, item in enumerate(flowables):
        _w, height = item.wrap(width, 10_000)
        total += height + item.getSpaceAfter() + (item.getSpaceBefore() if index else 0)
    return total
