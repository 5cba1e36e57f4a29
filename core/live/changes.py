"""The typed record of what one commit changed, and the in-process hub that hears it.

Every unit of work collects a :class:`ChangeSet` from the audit entries it writes (each
audited ``object_type`` maps to a kind) and from explicit ``uow.touch(kind, ids)`` calls
(a bulk change audited once, e.g. tags on 500 entities). At commit the set is stored in
``change_log`` (the same transaction, so other processes can read it) and, after the
commit, handed to the :class:`ChangeHub` listeners of this process. Consoles refresh only
what a set touches: a clue step never makes the map re-read the city.
"""
from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

_log = logging.getLogger(__name__)

KINDS = ("entities", "tags", "clues", "cases", "pushes", "commitments", "inspections", "batches", "plans", "wall",
         "settings")
"""The ChangeSet fields that hold ids (``settings`` holds names)."""

OBJECT_KINDS: dict[str, str] = {
    "market_entity": "entities",
    "tag": "tags",
    "clue": "clues",
    "clue_attachment": "clues",
    "case": "cases",
    "notification_push": "pushes",
    "commitment": "commitments",
    "inspection_task": "inspections",
    "draw_batch": "batches",
    "draw_plan": "plans",
    "wall_view": "wall",
}
"""Audited object type -> ChangeSet kind (ids)."""

SETTING_OBJECTS: dict[str, str] = {
    "routing_rule": "routing",
    "user": "users",
    "app_meta": "sign_in",
    "profile": "reference",
    "permit_department": "feeds",
    "commitment_matter": "feeds",
    "foreign_service_code": "feeds",
    "open311_key": "feeds",
}
"""Audited object type -> the name it adds to ``ChangeSet.settings``."""

EVERYTHING_OBJECTS = frozenset({"database"})
"""Audited object types that change too much to list (a demo build, a bulk import)."""


@dataclass(frozen=True)
class ChangeSet:
    """What one commit changed: ids per kind, setting names, or ``everything``."""

    entities: frozenset[int] = frozenset()
    tags: frozenset[int] = frozenset()
    clues: frozenset[int] = frozenset()
    cases: frozenset[int] = frozenset()
    pushes: frozenset[int] = frozenset()
    commitments: frozenset[int] = frozenset()
    inspections: frozenset[int] = frozenset()
    batches: frozenset[int] = frozenset()
    plans: frozenset[int] = frozenset()
    wall: frozenset[int] = frozenset()
    settings: frozenset[str] = frozenset()
    everything: bool = False
    change_id: int | None = field(default=None, compare=False)
    remote: bool = field(default=False, compare=False)

    def __bool__(self) -> bool:
        return self.everything or any(getattr(self, kind) for kind in KINDS)

    def touches(self, *kinds: str) -> bool:
        """True when any of ``kinds`` changed (always, for ``everything``)."""
        unknown = set(kinds) - set(KINDS)
        if unknown:
            raise ValueError(f"unknown change kinds {sorted(unknown)}; known: {', '.join(KINDS)}")
        return self.everything or any(getattr(self, kind) for kind in kinds)

    def merged(self, other: ChangeSet) -> ChangeSet:
        """Both sets in one (the newer change id; remote only if both were)."""
        values: dict[str, Any] = {kind: getattr(self, kind) | getattr(other, kind) for kind in KINDS}
        ids = [i for i in (self.change_id, other.change_id) if i is not None]
        return ChangeSet(**values, everything=self.everything or other.everything,
                         change_id=max(ids) if ids else None, remote=self.remote and other.remote)

    def to_json(self) -> str:
        """Compact JSON of the non-empty kinds (what ``change_log`` stores)."""
        data: dict[str, Any] = {kind: sorted(getattr(self, kind)) for kind in KINDS if getattr(self, kind)}
        if self.everything:
            data["everything"] = True
        return json.dumps(data, separators=(",", ":"), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str, *, change_id: int | None = None, remote: bool = False) -> ChangeSet:
        """The set stored as ``text``; kinds this version does not know are ignored."""
        data = json.loads(text) if text else {}
        values: dict[str, Any] = {}
        for kind in KINDS:
            raw = data.get(kind) or ()
            values[kind] = frozenset(str(v) for v in raw) if kind == "settings" else frozenset(int(v) for v in raw)
        return cls(**values, everything=bool(data.get("everything")), change_id=change_id, remote=remote)


class ChangeCollector:
    """Gathers one unit of work's changes as it goes."""

    def __init__(self) -> None:
        self._ids: dict[str, set[Any]] = {kind: set() for kind in KINDS}
        self._everything = False

    def touch(self, kind: str, ids: Iterable[Any] = ()) -> None:
        """Record that ``ids`` of ``kind`` changed (``kind="everything"`` needs no ids)."""
        if kind == "everything":
            self._everything = True
            return
        if kind not in self._ids:
            raise ValueError(f"unknown change kind {kind!r}; known: {', '.join(KINDS)}")
        if kind == "settings":
            self._ids[kind].update(str(i) for i in ids)
        else:
            self._ids[kind].update(int(i) for i in ids)

    def audited(self, object_type: str, object_id: object) -> None:
        """Record the change an audit entry of ``object_type``/``object_id`` describes."""
        if object_type in EVERYTHING_OBJECTS:
            self._everything = True
        elif object_type in SETTING_OBJECTS:
            self._ids["settings"].add(SETTING_OBJECTS[object_type])
        elif object_type in OBJECT_KINDS:
            try:
                self._ids[OBJECT_KINDS[object_type]].add(int(str(object_id)))
            except ValueError:
                # e.g. "bulk": the service names the ids with uow.touch().
                pass

    def clear(self) -> None:
        for ids in self._ids.values():
            ids.clear()
        self._everything = False

    def changeset(self) -> ChangeSet:
        return ChangeSet(**{kind: frozenset(ids) for kind, ids in self._ids.items()}, everything=self._everything)


Listener = Callable[[ChangeSet], None]


@dataclass
class ChangeHub:
    """This process's listeners for committed change sets (called on the committing thread)."""

    _listeners: list[Listener] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(changeset)`` after every commit; returns the unsubscribe call."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def publish(self, changes: ChangeSet) -> None:
        """Tell every listener; a failing listener is logged and never undoes the commit."""
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(changes)
            except Exception:  # noqa: BLE001 - the data is committed; a listener's bug must not hide that
                _log.exception("a change listener failed on %s", changes)


def with_id(changes: ChangeSet, change_id: int | None, *, remote: bool = False) -> ChangeSet:
    return replace(changes, change_id=change_id, remote=remote)


__all__ = ["KINDS", "ChangeCollector", "ChangeHub", "ChangeSet", "with_id"]
