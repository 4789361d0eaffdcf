"""Where the presenter's windows go, with fake screens and no Qt; window sizes and their file."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from desktop.classroom.screen_layout import Placement, Rect, Screen, fit_window, pictures, place
from desktop.window_state import WindowPlace, WindowStates


def screen(name: str, x: int, y: int, w: int, h: int, *, primary: bool = False, desktop: int = 0):  # type: ignore[no-untyped-def]
    rect = Rect(x, y, w, h)
    return Screen(name, rect, Rect(x, y + 28, w, h - 28), primary=primary, desktop=desktop)


LAPTOP = screen("laptop", 0, 0, 1366, 768, primary=True)
BEAMER = screen("beamer", 1366, 0, 1920, 1080)


def test_no_screen_places_nothing() -> None:
    assert place([]) is None


def test_one_screen_shows_the_slide_and_no_console() -> None:
    assert place([LAPTOP]) == Placement(audience=0, console=None, can_swap=False)
    assert place([LAPTOP], swapped=True) == Placement(audience=0, console=None)


def test_two_screens_console_on_the_primary_slide_on_the_other() -> None:
    assert place([LAPTOP, BEAMER]) == Placement(audience=1, console=0, can_swap=True)
    # The laptop need not come first, nor lie left of the projector.
    left_beamer = screen("beamer", -1920, 0, 1920, 1080)
    assert place([left_beamer, LAPTOP]) == Placement(audience=0, console=1, can_swap=True)


def test_swap_exchanges_and_swaps_back() -> None:
    assert place([LAPTOP, BEAMER], swapped=True) == Placement(audience=0, console=1, can_swap=True)
    assert place([LAPTOP, BEAMER], swapped=False) == Placement(1, 0, True)


@pytest.mark.parametrize(
    "beamer",
    [
        screen("beamer", 0, 0, 1366, 768),  # mirrored at the same resolution
        screen("beamer", 0, 0, 1024, 768),  # mirrored at the projector's resolution
    ],
)
def test_a_mirrored_projector_is_one_picture(beamer: Screen) -> None:
    assert pictures([LAPTOP, beamer]) == [[0, 1]]
    assert place([LAPTOP, beamer]) == Placement(audience=0, console=None)
    assert place([beamer, LAPTOP]).console is None  # type: ignore[union-attr]


def test_separate_x_screens_both_at_0_0_are_two_pictures() -> None:
    other = screen("beamer", 0, 0, 1024, 768, desktop=1)
    assert pictures([LAPTOP, other]) == [[0], [1]]
    assert place([LAPTOP, other]) == Placement(audience=1, console=0, can_swap=True)


def test_the_console_never_goes_on_a_mirrored_picture() -> None:
    mirror = screen("beamer", 0, 0, 1366, 768)
    monitor = screen("monitor", 1366, 0, 1920, 1080)
    placed = place([LAPTOP, mirror, monitor])
    assert placed == Placement(audience=0, console=2, can_swap=False)
    assert place([LAPTOP, mirror, monitor], swapped=True) == placed
    # Two mirrored pictures: no console anywhere.
    other_mirror = screen("m2", 1366, 0, 1920, 1080)
    assert place([LAPTOP, mirror, monitor, other_mirror]).console is None  # type: ignore[union-attr]


def test_a_screen_just_plugged_in_gets_the_slide() -> None:
    monitor = screen("monitor", 1366, 0, 1920, 1080)
    beamer = screen("beamer", 3286, 0, 1024, 768)
    assert place([LAPTOP, monitor, beamer]).audience == 1  # type: ignore[union-attr]
    assert place([LAPTOP, monitor, beamer], prefer_audience="beamer").audience == 2  # type: ignore[union-attr]
    assert place([LAPTOP, monitor, beamer], prefer_audience="laptop").console == 0  # type: ignore[union-attr]


def test_without_a_primary_the_first_single_screen_has_the_console() -> None:
    a = screen("a", 0, 0, 1366, 768)
    assert place([a, BEAMER]) == Placement(audience=1, console=0, can_swap=True)


SMALL = Rect(0, 0, 1024, 740)  # 1024x768 with a panel


@pytest.mark.parametrize("area", [SMALL, Rect(0, 28, 1366, 740), Rect(0, 0, 1920, 1050)])
def test_a_window_fits_the_available_area(area: Rect) -> None:
    rect = fit_window(None, (1280, 800), (640, 480), [area])
    assert rect.width <= area.width - 16
    assert rect.height <= area.height - 48
    assert area.x + 8 <= rect.x
    assert rect.right <= area.right - 8
    assert area.y + 40 <= rect.y
    assert rect.bottom <= area.bottom - 8
    if area.width >= 1300 and area.height >= 850:
        assert (rect.width, rect.height) == (1280, 800)


def test_a_saved_place_is_kept_when_it_fits_and_moved_in_when_not() -> None:
    big = Rect(0, 0, 1920, 1050)
    saved = Rect(100, 80, 1000, 700)
    assert fit_window(saved, (1200, 780), (960, 640), [big]) == saved
    # The same file on a smaller laptop: smaller, and inside.
    rect = fit_window(Rect(700, 300, 1200, 700), (1200, 780), (960, 640), [SMALL])
    assert rect.right <= SMALL.right - 8
    assert rect.bottom <= SMALL.bottom - 8
    assert rect.width == 1024 - 16
    # Saved on a screen that is gone: centred on the first area.
    gone = fit_window(Rect(3000, 100, 900, 700), (1200, 780), (960, 640), [SMALL])
    assert gone.x == 8 + (1024 - 16 - 960) // 2
    # Saved on the second screen, which is still there: it stays there.
    second = Rect(1920, 0, 1366, 740)
    on_second = fit_window(Rect(2000, 100, 900, 600), (1200, 780), (800, 600), [big, second])
    assert second.contains_point(*on_second.centre)


def test_window_places_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "config" / "vensters.json"
    states = WindowStates(path)
    assert states.get("main") is None
    states.put("main", WindowPlace(Rect(10, 20, 1100, 700), maximized=True))
    states.put("presenter-console", WindowPlace(Rect(0, 0, 1000, 700)))
    again = WindowStates(path)
    assert again.get("main") == WindowPlace(Rect(10, 20, 1100, 700), maximized=True)
    assert set(json.loads(path.read_text())["windows"]) == {"main", "presenter-console"}
    if os.name == "posix":
        assert path.stat().st_mode & 0o077 == 0


@pytest.mark.parametrize(
    "content",
    [
        "not json",
        "[]",
        '{"windows": []}',
        '{"windows": {"main": {"x": 1, "y": 2, "width": "wide", "height": 3}}}',
        '{"windows": {"main": {"x": 1, "y": 2, "width": 0, "height": 3}}}',
        '{"windows": {"main": {"x": 1, "y": 2, "width": 10000000, "height": 3}}}',
        '{"windows": {"main": {"x": true, "y": 2, "width": 100, "height": 3}}}',
    ],
)
def test_a_broken_file_means_default_sizes(tmp_path: Path, content: str) -> None:
    path = tmp_path / "vensters.json"
    path.write_text(content)
    assert WindowStates(path).get("main") is None


def test_an_unwritable_folder_is_not_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    states = WindowStates(blocker / "vensters.json")  # its folder is a file
    states.put("main", WindowPlace(Rect(0, 0, 800, 600)))
    assert states.get("main") == WindowPlace(Rect(0, 0, 800, 600))
