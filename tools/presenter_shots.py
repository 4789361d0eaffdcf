"""Save PNGs of the presenter (audience window and console) for every slide and step of a
lesson at one level: ``python tools/presenter_shots.py LESSON.yaml OUT [--level bovenbouw]``
(the lesson's first level by default). ``--school`` puts a school contact on the help slide."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from desktop.classroom.presenter import Presentation
    from desktop.ui.presenter.session import PresenterSession
    from lessons.library import read_lesson
    from toolkit.school_contact import SchoolContact

    parser = argparse.ArgumentParser()
    parser.add_argument("lesson", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--level", default=None)
    parser.add_argument("--school", metavar="'NAME; ROLE; PHONE; E-MAIL'", default="")
    parser.add_argument("--console", action="store_true", help="also the console")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    lesson = read_lesson(args.lesson)
    school = SchoolContact.parse(args.school) if args.school else None
    level = lesson.pick_level(args.level)
    presentation = Presentation(lesson, args.lesson.parent, level, school=school)
    session = PresenterSession(presentation)
    session.start()
    session.audience.showNormal()  # one screen: full screen at that screen's size; this size
    session.audience.resize(1280, 720)
    args.out.mkdir(parents=True, exist_ok=True)
    shot = 0
    while True:
        app.processEvents()
        slide = presentation.slide
        name = (
            f"{lesson.language}-{level}-{presentation.index + 1:02d}-{presentation.step}-{slide.id}"
        )
        session.audience.canvas.grab().save(str(args.out / f"{name}-audience.png"))
        if args.console:
            session.console.refresh()  # kept up to date only while shown; one screen here
            session.console.grab().save(str(args.out / f"{name}-console.png"))
        shot += 1
        before = (presentation.index, presentation.step)
        presentation.next()
        if (presentation.index, presentation.step) == before:
            break
    session.close()
    print(f"{shot} shots in {args.out}")


if __name__ == "__main__":
    main()
