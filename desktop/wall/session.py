"""One wall session: the figures (WallController) and the schedule (Playlist), with the
settings that shape them and the rule that turns a push into a scene."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop.settings import WALL_INTERVAL_S, WALL_PINNED, WALL_PUSH_HOLD_S, WALL_SCENES

from .controller import WallController
from .playlist import Playlist
from .registry import scene_names

PUSH_SCENE = "push"
# core.services.wall_figures.SCENES names the parts of the figures; the wall's scenes that show them:
FIGURE_SCENES = {"overview": "overview", "towns": "map", "rankings": "rankings", "trend": "trends",
                 "feed": "feed", "pushes": "feed", "draw": "draw"}


def playlist_scenes(text: str) -> tuple[str, ...]:
    """The scenes a ``wall/scenes`` setting names that exist, in its order (empty: every scene)."""
    known = scene_names()
    chosen = tuple(dict.fromkeys(n.strip() for n in text.split(",") if n.strip() in known))
    return chosen or known


def scene_of_push(item) -> str:
    """The scene a push (a PushedItem) shows on: its card, the map, the draw, or the scene it pins."""
    if item.kind in ("entity", "clue", "case"):
        return PUSH_SCENE
    if item.kind == "batch":
        return "draw"
    if item.kind == "scene":
        name = FIGURE_SCENES.get(item.scene or "", item.scene or "")
        return name if name in scene_names() else "overview"
    return "map"


class WallSession(QObject):
    """The controller and the playlist of one wall; walls and previews show what it says."""

    push_shown = Signal(object)   # the PushedItem now on the wall

    def __init__(self, controller: WallController, settings=None, *, interval_ms: int | None = None,
                 hold_ms: int | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.settings = settings
        scenes = playlist_scenes(settings[WALL_SCENES] if settings is not None else "")
        interval = interval_ms if interval_ms is not None else 1000 * (settings[WALL_INTERVAL_S] if settings else 20)
        hold = hold_ms if hold_ms is not None else 1000 * (settings[WALL_PUSH_HOLD_S] if settings else 60)
        self.playlist = Playlist(scenes, interval_ms=interval, hold_ms=hold, parent=self)
        pinned = settings[WALL_PINNED] if settings is not None else ""
        if pinned in scene_names():
            self.playlist.pin(pinned)
        self.last_push = None
        controller.push_arrived.connect(self._on_controller_push_arrived)
        self.playlist.push_ended.connect(self._on_playlist_push_ended)

    def start(self) -> None:
        self.controller.start()
        self.playlist.start()

    def stop(self) -> None:
        self.controller.stop()
        self.playlist.stop()

    # ---- the operator's choices (remembered in the settings) ------------------------

    def set_scenes(self, scenes) -> None:
        self.playlist.set_scenes(tuple(scenes))
        self._remember(WALL_SCENES, ",".join(self.playlist.scenes))

    def set_interval_s(self, seconds: int) -> None:
        self.playlist.set_interval(1000 * max(1, seconds))
        self._remember(WALL_INTERVAL_S, max(1, seconds))

    def set_hold_s(self, seconds: int) -> None:
        self.playlist.set_hold(1000 * max(1, seconds))
        self._remember(WALL_PUSH_HOLD_S, max(1, seconds))

    def pin(self, scene: str | None) -> None:
        self.playlist.pin(scene)
        self._remember(WALL_PINNED, scene or "")

    def _remember(self, setting, value) -> None:
        if self.settings is not None:
            self.settings[setting] = value

    # ---- pushes -------------------------------------------------------------------------

    def show_push(self, item) -> None:
        """Show the pushed item ``item`` for the hold time."""
        self.last_push = item
        if item.kind == "batch" and item.object_id is not None:
            self.controller.load_ceremony(item.object_id)
        self.playlist.show_push(scene_of_push(item), item)
        self.push_shown.emit(item)

    def _on_controller_push_arrived(self, item) -> None:
        self.show_push(item)

    def _on_playlist_push_ended(self) -> None:
        item, self.last_push = self.last_push, None
        if item is not None and item.kind == "batch":
            self.controller.reset_ceremony()
