"""Render wall scenes headless to PNG, at any wall size (``tongguan wall --snapshot``).

The board is laid out at the size asked for and grabbed without ever being shown, so a
7680x2160 snapshot needs no such screen: what the PNG shows is what the wall shows.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from .board import WallBoard
from .registry import scene_names
from .session import PUSH_SCENE

MIN_SIDE, MAX_SIDE = 320, 16384


class SnapshotError(ValueError):
    """A snapshot asked for something that cannot be rendered (one line, for the user)."""


def parse_size(text: str) -> tuple[int, int]:
    """"3840x1080" -> (3840, 1080); SnapshotError for anything else or out of range."""
    width, sep, height = text.lower().strip().partition("x")
    try:
        size = (int(width), int(height))
    except ValueError:
        size = None
    if not sep or size is None:
        raise SnapshotError(f"--size must look like 3840x1080, not {text!r}")
    if not all(MIN_SIDE <= side <= MAX_SIDE for side in size):
        raise SnapshotError(f"--size {text}: each side must be from {MIN_SIDE} to {MAX_SIDE} pixels")
    return size


def snapshot_scenes() -> tuple[str, ...]:
    """The scenes a snapshot can show: every registered scene and the push card."""
    return scene_names() + (PUSH_SCENE,)


def check_scene(name: str) -> str:
    if name not in snapshot_scenes():
        raise SnapshotError(f"unknown scene {name!r}; known: {', '.join(snapshot_scenes())}, all")
    return name


def render_board(board: WallBoard, scene: str, size: tuple[int, int], out: Path) -> Path:
    """Show ``scene`` on ``board`` at ``size`` and write it to ``out`` (PNG)."""
    board.resize(*size)
    board.show_scene(scene)
    QCoreApplication.sendPostedEvents()
    image = board.grab()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out), "PNG"):
        raise SnapshotError(f"cannot write {out}")
    return out


def render_scenes(figures, scenes: Iterable[str], size: tuple[int, int], out: Path, *, regions=None,
                  ceremony=None, push_item=None, db=None) -> list[Path]:
    """Write each of ``scenes`` showing ``figures`` at ``size``: to ``out`` for one scene, else to
    ``out``'s name with ``-<scene>`` added. ``regions`` (GeoJSON town polygons), ``ceremony``
    ((batch id, CeremonyData)) and ``push_item`` (a PushedItem) fill the map, draw and push scenes;
    scenes that read figures of their own (``show_now``) read them from ``db``."""
    scenes = [check_scene(s) for s in scenes]
    board = WallBoard()
    try:
        board.resize(*size)
        board.apply(figures)
        if regions is not None:
            board.set_regions(regions)
        if ceremony is not None:
            board.scenes["draw"].set_ceremony(*ceremony)
            board.scenes["draw"].ceremony.show_all()
        if push_item is not None:
            board.push_card.show_item(push_item)
        if db is not None:
            for name in scenes:
                show_now = getattr(board.scenes.get(name), "show_now", None)
                if show_now is not None:
                    show_now(db)
        written = []
        for scene in scenes:
            target = out if len(scenes) == 1 else out.with_name(f"{out.stem}-{scene}{out.suffix or '.png'}")
            written.append(render_board(board, scene, size, target))
        return written
    finally:
        board.deleteLater()


def render_from_database(db, scenes: Iterable[str], size: tuple[int, int], out: Path) -> list[Path]:
    """Read the wall's figures (and the town polygons, the day's ceremony, the latest push)
    from ``db`` and render ``scenes``."""
    from core.services.wall import describe_push
    from core.services.wall_figures import wall_figures
    from desktop.i18n import current_language

    from .app import town_regions_of
    from .ceremony_source import load_ceremony

    scenes = [check_scene(s) for s in scenes]
    figures = wall_figures(db)
    regions = town_regions_of(db)
    ceremony = None
    draw = figures.next_draw
    if "draw" in scenes and draw is not None and draw.status in ("drawn", "published"):
        lang = current_language(QCoreApplication.instance())
        ceremony = (draw.batch_id, load_ceremony(db, draw.batch_id, lang))
    push_item = None
    if PUSH_SCENE in scenes and figures.latest_push is not None:
        push_item = describe_push(db, figures.latest_push)
    return render_scenes(figures, scenes, size, out, regions=regions, ceremony=ceremony, push_item=push_item, db=db)
