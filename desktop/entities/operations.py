"""The Entities workspace's changes: one call into the core each, run off the GUI thread.

Each operation hands a plain callable to the TaskManager and says what it did (for the
undo bar). What changed reaches every workspace, here and at other workstations, through
the console's change bus (``desktop/live``): the unit of work records it. Callers may also
pass ``on_done``/``on_error`` for their own follow-up.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Signal

from core.db.database import Database
from core.geo.coords import CoordSystem
from core.services import tagging
from core.services.tagging import LocationChange, TagChange, TagInfo
from desktop.tasks import TaskManager

from .tag_dialogs import NewTag

Done = Callable[[object], None] | None
Failed = Callable[[BaseException], None] | None


class EntityOperations(QObject):
    """Tagging, undo, new tags and location corrections as ``actor``."""

    tags_changed = Signal(object)  # TagChange made by add/remove (undoable)
    undone = Signal(object)  # TagChange that reversed an earlier one
    tag_created = Signal(object)  # TagInfo
    tags_listed = Signal(object)  # tuple[TagInfo] with entity counts
    location_changed = Signal(object)  # LocationChange
    failed = Signal(str, object)  # operation key, error

    def __init__(self, db: Database, tasks: TaskManager, actor: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db, self._tasks, self._actor = db, tasks, actor

    @property
    def actor(self) -> str:
        return self._actor

    def change_tags(self, action: str, entity_ids: Iterable[int], tag_ids: Iterable[int], *,
                    on_done: Done = None, on_error: Failed = None) -> None:
        """Add (``action="add"``) or remove tags on entities; emits ``tags_changed``."""
        if action not in ("add", "remove"):
            raise ValueError(f"action must be 'add' or 'remove', not {action!r}")
        db, actor = self._db, self._actor
        entities, tags = tuple(entity_ids), tuple(tag_ids)
        service = tagging.add_tags if action == "add" else tagging.remove_tags
        self._run("tags", lambda: service(db, actor, entities, tags), self._after_tags, on_done, on_error)

    def undo(self, change: TagChange, *, on_done: Done = None, on_error: Failed = None) -> None:
        """Reverse ``change`` exactly; emits ``undone``."""
        db, actor = self._db, self._actor
        self._run("undo", lambda: tagging.undo(db, actor, change), self._after_undo, on_done, on_error)

    def create_tag(self, tag: NewTag, *, on_done: Done = None, on_error: Failed = None) -> None:
        db, actor = self._db, self._actor
        self._run("create_tag", lambda: tagging.create_tag(
            db, actor, code=tag.code, name_zh=tag.name_zh, name_en=tag.name_en, colour=tag.colour,
            meaning_zh=tag.meaning_zh, meaning_en=tag.meaning_en), self._after_create, on_done, on_error)

    def set_location(self, entity_id: int, lat: float, lng: float, system: CoordSystem | str, *,
                     on_done: Done = None, on_error: Failed = None) -> None:
        """Store a corrected position (converted to WGS-84 by the core)."""
        db, actor = self._db, self._actor
        self._run("location", lambda: tagging.set_location(db, actor, entity_id, lat, lng, system),
                  self._after_location, on_done, on_error)

    def reload_tags(self) -> None:
        """Fetch the tag list with counts; emits ``tags_listed``."""
        db = self._db
        self._tasks.run(lambda: tuple(tagging.list_tags(db, with_counts=True)), on_done=self.tags_listed.emit,
                        on_error=lambda error: self.failed.emit("list_tags", error), owner=self)

    # ---- plumbing -------------------------------------------------------

    def _run(self, key: str, fn: Callable[[], object], after: Callable[[object], None], on_done: Done,
             on_error: Failed) -> None:
        def done(result: object) -> None:
            after(result)
            if on_done is not None:
                on_done(result)

        def failed(error: BaseException) -> None:
            if on_error is not None:
                on_error(error)
            else:
                self.failed.emit(key, error)

        self._tasks.run(fn, on_done=done, on_error=failed, owner=self)

    def _after_tags(self, change: TagChange) -> None:
        self.tags_changed.emit(change)

    def _after_undo(self, change: TagChange) -> None:
        self.undone.emit(change)

    def _after_create(self, tag: TagInfo) -> None:
        self.tag_created.emit(tag)

    def _after_location(self, change: LocationChange) -> None:
        self.location_changed.emit(change)
