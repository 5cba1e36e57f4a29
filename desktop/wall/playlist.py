"""Which scene the wall shows when: the playlist's rotation, a pinned scene, and pushes.

The playlist turns to the next scene every ``interval_ms``. A pinned scene stays until
it is unpinned. A push shows its scene for ``hold_ms`` and then the wall returns to where
it was (the pinned scene, or the playlist, which resumes its rotation). Several walls (the
wall window and the control page's preview) can follow one playlist.
"""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QTimer, Signal


class Playlist(QObject):
    """The wall's schedule; ``scene_changed(name)`` whenever the shown scene changes."""

    scene_changed = Signal(str)
    push_started = Signal(object)   # whatever the push carries (a PushedItem)
    push_ended = Signal()

    def __init__(self, scenes: Sequence[str], *, interval_ms: int = 20000, hold_ms: int = 60000,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        if not scenes:
            raise ValueError("a wall playlist needs at least one scene")
        self._scenes = tuple(scenes)
        self._index = 0
        self._pinned: str | None = None
        self._push_scene: str | None = None
        self._rotation = QTimer(self, interval=max(1, interval_ms))
        self._rotation.timeout.connect(self._on_rotation_timeout)
        self._hold = QTimer(self, singleShot=True, interval=max(1, hold_ms))
        self._hold.timeout.connect(self.end_push)

    # ---- what shows ------------------------------------------------------------

    @property
    def scenes(self) -> tuple[str, ...]:
        return self._scenes

    @property
    def pinned(self) -> str | None:
        return self._pinned

    @property
    def pushing(self) -> bool:
        return self._push_scene is not None

    def current(self) -> str:
        """The scene shown now: the push's, else the pinned one, else the playlist's."""
        return self._push_scene or self._pinned or self._scenes[self._index]

    def rotating(self) -> bool:
        return self._rotation.isActive()

    # ---- operating it ----------------------------------------------------------

    def start(self) -> None:
        """Show the current scene and rotate (unless pinned or holding a push)."""
        self.scene_changed.emit(self.current())
        self._resume()

    def stop(self) -> None:
        self._rotation.stop()
        self._hold.stop()

    def set_scenes(self, scenes: Sequence[str]) -> None:
        """Rotate through ``scenes`` (empty: keep the old list); the current scene stays if it is in it."""
        if not scenes or tuple(scenes) == self._scenes:
            return
        before = self.current()
        current = self._scenes[self._index]
        self._scenes = tuple(scenes)
        self._index = self._scenes.index(current) if current in self._scenes else 0
        self._announce(before)

    def set_interval(self, ms: int) -> None:
        self._rotation.setInterval(max(1, ms))

    def interval(self) -> int:
        return self._rotation.interval()

    def set_hold(self, ms: int) -> None:
        self._hold.setInterval(max(1, ms))

    def hold(self) -> int:
        return self._hold.interval()

    def pin(self, scene: str | None) -> None:
        """Keep ``scene`` on the wall until unpinned (None: back to the rotation)."""
        before = self.current()
        self._pinned = scene or None
        if not self.pushing:
            self._resume()
        self._announce(before)

    def show_scene(self, scene: str) -> None:
        """Jump to ``scene`` in the playlist (the operator's "show now"); the rotation goes on from it."""
        before = self.current()
        if scene in self._scenes:
            self._index = self._scenes.index(scene)
            if self.rotating():
                self._rotation.start()  # a full interval for the scene just chosen
        self._announce(before)

    def show_push(self, scene: str, item: object = None) -> None:
        """Show ``scene`` for the hold time (a newer push restarts it), then return."""
        before = self.current()
        self._push_scene = scene
        self._rotation.stop()
        self._hold.start()
        self.push_started.emit(item)
        # A push of the scene already shown still announces itself: its content changed.
        if before == scene:
            self.scene_changed.emit(scene)
        self._announce(before)

    def end_push(self) -> None:
        """Leave the push now (the hold time is over) and return to the pin or the playlist."""
        if not self.pushing:
            return
        before = self.current()
        self._push_scene = None
        self._hold.stop()
        self.push_ended.emit()
        self._resume()
        self._announce(before)

    # ---- inside ----------------------------------------------------------------

    def _resume(self) -> None:
        if self._pinned is None and not self.pushing and len(self._scenes) > 1:
            self._rotation.start()
        else:
            self._rotation.stop()

    def _announce(self, before: str) -> None:
        if self.current() != before:
            self.scene_changed.emit(self.current())

    def _on_rotation_timeout(self) -> None:
        before = self.current()
        self._index = (self._index + 1) % len(self._scenes)
        self._announce(before)
