"""Hear the change bus for some kinds only, a burst at a time.

Many commits can arrive together (an import at another workstation, a batch of claims).
:func:`on_changes` merges the sets that touch the kinds a page cares about and calls the
page once, ``delay_ms`` after the first of them; sets that touch nothing of those kinds
never wake the page.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, QTimer

from core.live.changes import ChangeSet

from .bus import ChangeBus

DEFAULT_DELAY_MS = 150


class ChangeListener(QObject):
    """Calls ``handler(merged)`` for changes touching ``kinds``; see the module docstring."""

    def __init__(self, bus: ChangeBus, kinds: Iterable[str], handler: Callable[[ChangeSet], None], *,
                 delay_ms: int = DEFAULT_DELAY_MS, settings: Iterable[str] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._kinds = tuple(kinds)
        self._settings = frozenset(settings)
        self._handler = handler
        self._pending: ChangeSet | None = None
        self._timer = QTimer(self, singleShot=True, interval=delay_ms)
        self._timer.timeout.connect(self.flush)
        ChangeSet().touches(*self._kinds)  # refuses unknown kinds now, not at the first change
        bus.changed.connect(self._on_changed)

    def concerns(self, changes: ChangeSet) -> bool:
        """True when ``changes`` touches what this listener hears."""
        return changes.touches(*self._kinds) or bool(self._settings & changes.settings)

    def flush(self) -> None:
        """Hand over what is pending now."""
        self._timer.stop()
        pending, self._pending = self._pending, None
        if pending is not None:
            self._handler(pending)

    def _on_changed(self, changes: ChangeSet) -> None:
        if not self.concerns(changes):
            return
        self._pending = changes if self._pending is None else self._pending.merged(changes)
        if not self._timer.isActive():
            self._timer.start()


def on_changes(owner: QObject, bus: ChangeBus, kinds: Iterable[str], handler: Callable[[ChangeSet], None], *,
               delay_ms: int = DEFAULT_DELAY_MS, settings: Iterable[str] = ()) -> ChangeListener:
    """Call ``handler`` with the merged change sets touching ``kinds`` (or naming ``settings``)."""
    return ChangeListener(bus, kinds, handler, delay_ms=delay_ms, settings=settings, parent=owner)
