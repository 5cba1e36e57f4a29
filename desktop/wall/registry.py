"""Which scenes the wall knows, and how another package adds one.

``register_scene(name, factory)`` installs a scene: ``factory(parent)`` returns a widget
with ``scene_name``, ``apply(figures)`` and, optionally, ``rescale(metrics)`` and
``title()``. The collaboration graph and the case flow (desktop/collaboration) plug in
here under the slot names :data:`SLOTS`; until they do, the playlist skips them.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

SceneFactory = Callable[[QWidget | None], QWidget]

BUILT_IN = ("overview", "map", "trends", "rankings", "feed", "warnings", "draw")
SLOTS = ("collaboration", "flows")
"""Scenes other packages provide; they take their place in the order once registered."""

_FACTORIES: dict[str, SceneFactory] = {}


def register_scene(name: str, factory: SceneFactory) -> None:
    """Install (or replace) the scene ``name`` built by ``factory(parent)``."""
    if not name or not name.isidentifier():
        raise ValueError(f"a wall scene name is a plain identifier, not {name!r}")
    _FACTORIES[name] = factory


def _ensure_built_in() -> None:
    if all(name in _FACTORIES for name in BUILT_IN):
        return
    from .scenes.draw import DrawScene
    from .scenes.feed import FeedScene
    from .scenes.map import MapScene
    from .scenes.overview import OverviewScene
    from .scenes.rankings import RankingsScene
    from .scenes.trends import TrendsScene
    from .scenes.warnings import WarningsScene

    for cls in (OverviewScene, MapScene, TrendsScene, RankingsScene, FeedScene, WarningsScene, DrawScene):
        _FACTORIES.setdefault(cls.scene_name, cls)


def scene_names() -> tuple[str, ...]:
    """Every registered scene: the built-in ones, the slots filled, then any others, in that order."""
    _ensure_built_in()
    order = [n for n in BUILT_IN + SLOTS if n in _FACTORIES]
    return tuple(order + [n for n in _FACTORIES if n not in order])


def create_scene(name: str, parent: QWidget | None = None) -> QWidget:
    """Build scene ``name``; KeyError (naming the known scenes) when there is none."""
    _ensure_built_in()
    try:
        factory = _FACTORIES[name]
    except KeyError:
        raise KeyError(f"unknown wall scene {name!r}; known: {', '.join(scene_names())}") from None
    return factory(parent)
