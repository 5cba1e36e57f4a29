"""The wall's own look: a dark, high-contrast theme whose every size follows the window height.

A video wall is read from across the room, at 1920x1080 as at 7680x2160 or 5760x3240.
:class:`WallMetrics` turns the window height into pixel sizes (one "unit" is a
1080th of the height), and :func:`wall_stylesheet` fills the wall's QSS template with
them and the colour tokens below. The sheet is set on the wall window (or a preview of
it) only; the console's own theme is untouched.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtGui import QColor

# Colour tokens of the wall theme: dark ground, bright text, one accent per meaning.
WALL_COLOURS: dict[str, str] = {
    "ground": "#05080f",
    "panel": "#0e1624",
    "panel_edge": "#22324a",
    "text": "#f4f7fb",
    "muted": "#9fb0c8",
    "accent": "#35c6ff",
    "good": "#3ee08f",
    "warn": "#ffc23d",
    "bad": "#ff5a5f",
    "push": "#b48cff",
}

# Heat scale of the map and the bars, low to high (colour-blind safe: blue to yellow to red).
HEAT_SCALE: tuple[str, ...] = ("#1d4f91", "#2f8fb8", "#62c2a0", "#e9d35b", "#f39237", "#e8453c")

_TEMPLATE = """
#wallRoot, #wallRoot QWidget { background: {{ground}}; color: {{text}}; font-size: {{body}}px; }
#wallRoot QLabel { background: transparent; }
#wallRoot #wallHeader { border-bottom: {{line}}px solid {{panel_edge}}; }
#wallRoot #wallTitle { font-size: {{title}}px; font-weight: bold; }
#wallRoot #wallClock { font-size: {{title}}px; color: {{muted}}; }
#wallRoot #wallStatus { font-size: {{label}}px; color: {{ground}}; background: {{warn}}; font-weight: bold;
    padding: {{pad}}px; }
#wallRoot #sceneTitle { font-size: {{title}}px; font-weight: bold; color: {{text}}; }
#wallRoot #sceneNote { font-size: {{small}}px; color: {{muted}}; }
#wallRoot #wallPush { font-size: {{title}}px; font-weight: bold; color: {{push}}; }
#wallRoot #tile, #wallRoot #card {
    background: {{panel}}; border: {{line}}px solid {{panel_edge}}; border-radius: {{radius}}px; }
#wallRoot #tile QLabel, #wallRoot #card QLabel { background: {{panel}}; }
#wallRoot #tileValue { font-weight: bold; color: {{accent}}; }
#wallRoot #tileValue[tone="good"] { color: {{good}}; }
#wallRoot #tileValue[tone="warn"] { color: {{warn}}; }
#wallRoot #tileValue[tone="bad"] { color: {{bad}}; }
#wallRoot #tileLabel { font-size: {{label}}px; color: {{muted}}; }
#wallRoot #card { padding: {{gap}}px; }
#wallRoot #cardTitle { font-size: {{card_title}}px; font-weight: bold; color: {{push}}; padding-bottom: {{gap}}px; }
#wallRoot #cardBody { font-size: {{card_body}}px; color: {{text}}; }
#wallRoot #cardLabel { font-size: {{card_body}}px; color: {{muted}}; padding-right: {{gap}}px; }
#wallRoot #feedList, #wallRoot #pushList { background: {{ground}}; border: none; font-size: {{label}}px; }
#wallRoot #feedList::item, #wallRoot #pushList::item { padding: {{pad}}px; border-bottom: {{line}}px solid {{panel_edge}}; }
#wallRoot #calmCard { font-size: {{big}}px; color: {{muted}}; }
#wallRoot QListWidget#ceremonyPicks { font-size: {{label}}px; background: {{panel}}; }
#wallRoot #ceremonyTitle { font-size: {{big}}px; font-weight: bold; }
#wallRoot #ceremonyFacts, #wallRoot #ceremonyProgress { font-size: {{small}}px; color: {{muted}}; }
#wallRoot QPushButton { font-size: {{small}}px; background: {{panel}}; border: {{line}}px solid {{panel_edge}};
    padding: {{pad}}px; }
"""
_PLACEHOLDER = re.compile(r"\{\{\s*(\w+)\s*\}\}")


@dataclass(frozen=True)
class WallMetrics:
    """Pixel sizes for a wall ``height`` pixels tall (``unit`` = height / 1080)."""

    height: int

    @property
    def unit(self) -> float:
        return max(self.height, 240) / 1080

    def px(self, at_1080: float) -> int:
        """``at_1080`` pixels of a 1080-pixel-high wall, scaled to this one (at least 1)."""
        return max(1, round(at_1080 * self.unit))

    def sizes(self) -> dict[str, int]:
        """The named sizes the style sheet and the painted scenes use."""
        return {
            "small": self.px(22), "body": self.px(26), "label": self.px(30), "big": self.px(44),
            "title": self.px(40), "huge": self.px(92),
            "card_title": self.px(64), "card_body": self.px(40), "line": self.px(2), "radius": self.px(14),
            "pad": self.px(10), "gap": self.px(24), "margin": self.px(36),
        }


def wall_stylesheet(metrics: WallMetrics) -> str:
    """The wall's style sheet at ``metrics``: colours and sizes filled in."""
    tokens: dict[str, object] = {**WALL_COLOURS, **metrics.sizes()}
    return _PLACEHOLDER.sub(lambda m: str(tokens[m.group(1)]), _TEMPLATE)


def colour(token: str) -> QColor:
    """The wall colour ``token`` as a QColor (for painted scenes and plots)."""
    return QColor(WALL_COLOURS[token])


def heat_colour(fraction: float) -> QColor:
    """The heat colour of ``fraction`` (0: lowest, 1: highest) on :data:`HEAT_SCALE`."""
    fraction = min(1.0, max(0.0, fraction))
    return QColor(HEAT_SCALE[min(len(HEAT_SCALE) - 1, int(fraction * len(HEAT_SCALE)))])
