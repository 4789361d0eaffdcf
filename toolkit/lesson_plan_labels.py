"""The fixed words of the lesson plan and the worksheet, a small table per language.

Also how a lesson's levels and minutes read in that language ("bovenbouw", "7,5 min.").
Printed text uses typographic quotes and apostrophes (’ ‘ “ ”), never the typewriter's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class PlanLabels:
    """Every fixed word on the lesson plan and the worksheet, in one language."""

    plan: str
    worksheet: str
    series: str  # the series' name, in every page's footer
    skippable: str  # beside a slide the teacher may leave out when time runs short
    lesson_number: str
    levels: str
    duration: str
    planned: str
    minutes: str
    minutes_short: str
    summary: str
    goals: str
    knowledge: str
    skills: str
    attitude: str
    preparation: str
    ground_rules: str
    aftercare: str
    continued: str  # after a box's heading where the box goes on over the page
    overview: str
    slides: str
    slide_count: str
    column_number: str
    column_kind: str
    column_slide: str
    column_minutes: str
    total: str
    notes: str
    on_slide: str
    image: str
    prompts: str
    options: str
    answer: str
    after_reveal: str
    explanation: str
    part: str
    takeaways: str
    unknown_help_line: str
    page: str
    group: str
    no_name: str
    statement: str
    agree: str
    disagree: str
    why: str
    tick: str
    help_heading: str
    kinds: dict[str, str]
    level_names: dict[str, str]


LABELS: dict[str, PlanLabels] = {
    "nl": PlanLabels(
        plan="Lesplan",
        series="Lessenreeks Schoolsignaal",
        skippable="overslaan mag",
        worksheet="Werkblad",
        lesson_number="Les {number}",
        levels="Niveau",
        duration="Lesduur",
        planned="Gepland",
        minutes="{minutes} minuten",
        minutes_short="{minutes} min.",
        summary="Waar gaat de les over?",
        goals="Leerdoelen",
        knowledge="Kennis",
        skills="Vaardigheden",
        attitude="Houding",
        preparation="Voorbereiding",
        ground_rules="Afspraken in de klas",
        aftercare="Nazorg: als een leerling iets vertelt",
        continued="vervolg",
        overview="Verloop van de les",
        slides="De dia’s met notities",
        slide_count="Dia’s",
        column_number="Nr.",
        column_kind="Soort",
        column_slide="Dia",
        column_minutes="Min.",
        total="Totaal gepland",
        notes="Notities voor de docent",
        on_slide="Op de dia",
        image="Afbeelding: {alt}",
        prompts="Gespreksvragen",
        options="Antwoorden",
        answer="Goed antwoord",
        after_reveal="Na R (of Volgende): de antwoorden",
        explanation="Uitleg",
        part="Deel {number}",
        takeaways="Om mee te nemen",
        unknown_help_line="onbekende hulplijn ‘{id}’: staat niet op de signalenkaart",
        page="Pagina {page} van {pages}",
        group="Groep:",
        no_name="Je naam hoef je niet op te schrijven.",
        statement="Stelling",
        agree="Eens",
        disagree="Oneens",
        why="Waarom?",
        tick="Kruis aan wat jij denkt.",
        help_heading="Waar kun je terecht?",
        kinds={
            "title": "Titel",
            "text": "Tekst",
            "image": "Afbeelding",
            "statement": "Stelling",
            "quiz": "Quiz",
            "reveal": "Eerst zelf denken",
            "case": "Casus",
            "help": "Hulp",
            "closing": "Afsluiting",
        },
        level_names={
            "onderbouw": "onderbouw",
            "bovenbouw": "bovenbouw",
            "mbo": "mbo",
            "eenvoudig": "eenvoudige taal",
        },
    ),
    "en": PlanLabels(
        plan="Lesson plan",
        series="Schoolsignaal lesson series",
        skippable="can be skipped",
        worksheet="Worksheet",
        lesson_number="Lesson {number}",
        levels="Level",
        duration="Length",
        planned="Planned",
        minutes="{minutes} minutes",
        minutes_short="{minutes} min",
        summary="What the lesson is about",
        goals="Learning goals",
        knowledge="Knowledge",
        skills="Skills",
        attitude="Attitude",
        preparation="Preparation",
        ground_rules="Ground rules",
        aftercare="Aftercare: if a pupil tells you something",
        continued="continued",
        overview="Outline of the lesson",
        slides="The slides with notes",
        slide_count="Slides",
        column_number="No.",
        column_kind="Kind",
        column_slide="Slide",
        column_minutes="Min.",
        total="Total planned",
        notes="Notes for the teacher",
        on_slide="On the slide",
        image="Image: {alt}",
        prompts="Discussion prompts",
        options="Options",
        answer="Right answer",
        after_reveal="After R (or Next): the answers",
        explanation="Explanation",
        part="Part {number}",
        takeaways="Take-aways",
        unknown_help_line="unknown help line ‘{id}’: not on the signal card",
        page="Page {page} of {pages}",
        group="Group:",
        no_name="You do not need to write your name.",
        statement="Statement",
        agree="Agree",
        disagree="Disagree",
        why="Why?",
        tick="Tick what you think.",
        help_heading="Where can you go?",
        kinds={
            "title": "Title",
            "text": "Text",
            "image": "Image",
            "statement": "Statement",
            "quiz": "Quiz",
            "reveal": "Think first",
            "case": "Case",
            "help": "Help",
            "closing": "Closing",
        },
        level_names={
            "onderbouw": "lower years",
            "bovenbouw": "upper years",
            "mbo": "MBO (vocational)",
            "eenvoudig": "easy language",
        },
    ),
}


def labels_for(language: str) -> PlanLabels:
    if language not in LABELS:
        raise ValueError(f"no labels in {language!r}; choose one of {', '.join(LABELS)}")
    return LABELS[language]


def levels_text(levels: Sequence[str], labels: PlanLabels) -> str:
    return ", ".join(labels.level_names.get(level, level) for level in levels)


def minutes_text(minutes: float | None, labels: PlanLabels, *, short: bool = True) -> str:
    if minutes is None:
        return "–"
    amount = f"{minutes:g}" if labels is LABELS["en"] else f"{minutes:g}".replace(".", ",")
    return (labels.minutes_short if short else labels.minutes).format(minutes=amount)
