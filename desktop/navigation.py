"""Jumps between workspaces: open an entity's panorama, show entities on the map, open a
clue, a case or a draw batch, from anywhere, without knowing which page does it.

The main window installs a handler per target (:meth:`Navigator.install`); a workspace
only calls ``services.navigator.open_clue(id)``. Without a window (a test, a wall process)
nothing is installed and each call returns False.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject

TARGETS = ("workspace", "entity", "map", "map_batch", "clue", "case", "batch")
"""What a handler can be installed for."""


class Navigator(QObject):
    """Routes a request to open something to the page that shows it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._handlers: dict[str, Callable[[object], object]] = {}

    def install(self, target: str, handler: Callable[[object], object]) -> None:
        """Let ``handler(value)`` answer requests for ``target`` (one of :data:`TARGETS`)."""
        if target not in TARGETS:
            raise ValueError(f"unknown navigation target {target!r}; known: {', '.join(TARGETS)}")
        self._handlers[target] = handler

    def can(self, target: str) -> bool:
        """True when something answers requests for ``target``."""
        return target in self._handlers

    def _go(self, target: str, value: object) -> bool:
        handler = self._handlers.get(target)
        if handler is None:
            return False
        handler(value)
        return True

    def show_workspace(self, key: str) -> bool:
        return self._go("workspace", key)

    def open_entity(self, entity_id: int) -> bool:
        """The entity's panorama."""
        return self._go("entity", int(entity_id))

    def show_on_map(self, entity_ids: Iterable[int] | int) -> bool:
        """The map, showing these entities (a draw batch's picks, one entity…)."""
        ids = (int(entity_ids),) if isinstance(entity_ids, int) else tuple(int(i) for i in entity_ids)
        return self._go("map", ids)

    def show_batch_on_map(self, batch_id: int) -> bool:
        """The map, overlaying the entities drawn in a draw batch."""
        return self._go("map_batch", int(batch_id))

    def open_clue(self, clue_id: int) -> bool:
        return self._go("clue", int(clue_id))

    def open_case(self, case_id: int) -> bool:
        return self._go("case", int(case_id))

    def open_batch(self, batch_id: int) -> bool:
        return self._go("batch", int(batch_id))
