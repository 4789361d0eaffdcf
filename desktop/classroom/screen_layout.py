"""Where the presenter's windows go, and how a window fits a screen: geometry only, no Qt.

The rules, as in PowerPoint and Impress:

- Screens that show the same picture (a mirrored projector: the same or an overlapping place on
  one virtual desktop) count as one *picture*.
- One picture: the slide goes full screen on it and there is no console. Whatever the class
  sees may never hold the teacher's notes.
- Two pictures or more: the console goes on the primary screen's picture (the laptop) and the
  slide full screen on another (the projector). The console only ever goes on a picture that
  is shown on one screen; a mirrored picture is the class's.
- Swap exchanges the two, unless that would put the console on a mirrored picture.

The Qt side (``desktop.ui.presenter.windows``) describes the screens as :class:`Screen` values,
asks :func:`place` and applies the answer, so every rule is tested here with fake screens.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Rect:
    x: int
    y: int
    width: int
    height: int

    @property
    def right(self) -> int:
        return self.x + self.width

    @property
    def bottom(self) -> int:
        return self.y + self.height

    def overlaps(self, other: Rect) -> bool:
        return (
            self.x < other.right
            and other.x < self.right
            and self.y < other.bottom
            and other.y < self.bottom
        )

    def contains_point(self, x: int, y: int) -> bool:
        return self.x <= x < self.right and self.y <= y < self.bottom

    @property
    def centre(self) -> tuple[int, int]:
        return self.x + self.width // 2, self.y + self.height // 2


@dataclass(frozen=True)
class Screen:
    """One screen as the system reports it. ``desktop`` numbers the virtual desktop it belongs
    to: screens of different desktops (separate X screens) never show the same picture, even
    when both start at 0,0."""

    name: str
    geometry: Rect
    available: Rect
    primary: bool = False
    desktop: int = 0


@dataclass(frozen=True)
class Placement:
    """Indices into the list given to :func:`place`. ``console`` is None when there is no
    second, separate picture: then the slide is full screen and the console stays hidden."""

    audience: int
    console: int | None
    can_swap: bool = False


def pictures(screens: Sequence[Screen]) -> list[list[int]]:
    """The screens grouped by the picture they show, in the order of their first screen."""
    groups: list[list[int]] = []
    for index, screen in enumerate(screens):
        touching = [
            group
            for group in groups
            if any(
                screens[other].desktop == screen.desktop
                and screens[other].geometry.overlaps(screen.geometry)
                for other in group
            )
        ]
        merged = [i for group in touching for i in group] + [index]
        groups = [group for group in groups if group not in touching]
        groups.append(sorted(merged))
    return sorted(groups, key=lambda group: group[0])


def place(
    screens: Sequence[Screen], *, swapped: bool = False, prefer_audience: str | None = None
) -> Placement | None:
    """Where the audience window and the console go; None without any screen.

    ``prefer_audience`` names a screen to put the slide on when it is allowed (the screen that
    was just plugged in: that is the projector).
    """
    if not screens:
        return None
    groups = pictures(screens)

    def first_screen(group: list[int]) -> int:
        """The screen a window goes to within a picture: its primary, else its first."""
        return next((i for i in group if screens[i].primary), group[0])

    if len(groups) == 1:
        return Placement(audience=first_screen(groups[0]), console=None)
    single = [group for group in groups if len(group) == 1]
    if not single:  # every picture is mirrored: the class sees them all
        primary_group = next((g for g in groups if any(screens[i].primary for i in g)), groups[0])
        return Placement(audience=first_screen(primary_group), console=None)
    console_group = next((g for g in single if screens[g[0]].primary), single[0])
    others = [group for group in groups if group is not console_group]
    preferred = [g for g in others if any(screens[i].name == prefer_audience for i in g)]
    mirrored = [g for g in others if len(g) > 1]
    audience_group = (preferred or mirrored or others)[0]
    can_swap = len(audience_group) == 1
    if swapped and can_swap:
        console_group, audience_group = audience_group, console_group
    return Placement(
        audience=first_screen(audience_group),
        console=console_group[0],
        can_swap=can_swap,
    )


def fit_window(
    saved: Rect | None,
    default: tuple[int, int],
    minimum: tuple[int, int],
    areas: Sequence[Rect],
    *,
    frame: tuple[int, int] = (16, 48),
) -> Rect:
    """A window's place: ``saved`` (or ``default`` centred) made to fit a screen's available
    area (``areas``: the available areas, the first is the primary's).

    ``frame`` is room kept for the window's title bar and borders, which the window system adds
    around the rectangle. The window goes to the area that holds the saved rectangle's centre,
    else to the first. It is never larger than that area, and never smaller than ``minimum``
    unless the area itself is smaller.
    """
    if not areas:
        width, height = saved_size(saved, default)
        return Rect(saved.x if saved else 0, saved.y if saved else 0, width, height)
    area = areas[0]
    if saved is not None:
        area = next((a for a in areas if a.contains_point(*saved.centre)), areas[0])
    room_w = max(1, area.width - frame[0])
    room_h = max(1, area.height - frame[1])
    width, height = saved_size(saved, default)
    width = min(max(width, minimum[0]), room_w)
    height = min(max(height, minimum[1]), room_h)
    side = frame[0] // 2  # the border left, right and below; the rest of frame[1] is on top
    top = frame[1] - side
    if saved is not None and area.contains_point(*saved.centre):
        x = min(max(saved.x, area.x + side), area.right - side - width)
        y = min(max(saved.y, area.y + top), area.bottom - side - height)
    else:
        x = area.x + side + (room_w - width) // 2
        y = area.y + top + (room_h - height) // 2
    return Rect(x, y, width, height)


def saved_size(saved: Rect | None, default: tuple[int, int]) -> tuple[int, int]:
    return (saved.width, saved.height) if saved is not None else default
