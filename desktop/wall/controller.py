"""Keeps the wall's figures current, off the GUI thread, and notices pushes.

The figures come from one :class:`core.services.wall_figures.WallFigureCache`. A change
set that touches what the wall shows schedules a refresh (300 ms later, so a burst of
commits costs one read); a timer refreshes every 60 s all the same, in case a change was
missed. Reads run through the console's task manager; the wall never waits for them.

When the newest push changes, its card is read (:func:`core.services.wall.describe_push`)
and ``push_arrived`` carries it. When the day's draw has been drawn, its picks are read
for the ceremony. A database that cannot be reached shows "reconnecting…" (``online``
False); the next successful read says so again.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from core.errors import DatabaseUnavailable
from core.services import wall
from core.services.wall_figures import WallFigureCache, WallFigures
from desktop.i18n import current_language
from desktop.live.follow import on_changes

_log = logging.getLogger(__name__)

DEBOUNCE_MS = 300
SAFETY_MS = 60_000
RETRY_MS = 3_000
WALL_KINDS = ("entities", "clues", "cases", "pushes", "commitments", "inspections", "batches", "plans", "wall")
"""The change kinds the wall's figures depend on (tags and settings do not move them)."""


class WallController(QObject):
    """The wall's figures and pushes; see the module docstring."""

    figures_changed = Signal(object)      # WallFigures
    push_arrived = Signal(object)         # core.services.wall.PushedItem
    ceremony_ready = Signal(object, object)  # batch id, CeremonyData
    online_changed = Signal(bool)
    failed = Signal(str)                  # a read failed for another reason (one line)

    def __init__(self, db, tasks, changes=None, *, cache: WallFigureCache | None = None,
                 ceremony_loader: Callable[[Any, int, str], Any] | None = None,
                 debounce_ms: int = DEBOUNCE_MS, safety_ms: int = SAFETY_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db, self._tasks = db, tasks
        self._cache = cache if cache is not None else WallFigureCache(db)
        self._ceremony_loader = ceremony_loader
        self.figures: WallFigures | None = None
        self.online = True
        self._pending: Any = None         # the merged ChangeSet waiting for the next read
        self._reading = False
        self._again_all = False
        self._seen_push: int | None = None
        self._ceremony_batch: int | None = None
        self._safety = QTimer(self, interval=safety_ms)
        self._safety.timeout.connect(self.refresh_all)
        self._retry = QTimer(self, singleShot=True, interval=RETRY_MS)
        self._retry.timeout.connect(self.refresh_all)
        if changes is not None:
            # A burst of commits costs one read: the listener merges them for ``debounce_ms``.
            self._listener = on_changes(self, changes, WALL_KINDS, self._read, delay_ms=debounce_ms)
            changes.connection_changed.connect(self._on_changes_connection_changed)

    @property
    def db(self):
        """The database the figures come from (scenes that read figures of their own use it)."""
        return self._db

    @property
    def tasks(self):
        """The task manager the wall's reads run on."""
        return self._tasks

    def start(self) -> None:
        """Read every figure now and keep them current."""
        self._safety.start()
        self.refresh_all()

    def stop(self) -> None:
        for timer in (self._safety, self._retry):
            timer.stop()

    def refresh_all(self) -> None:
        """Read every figure again (the safety net, and after the database came back)."""
        self._pending = None
        self._read(None)

    def refresh(self) -> None:
        """Read what the changes heard during the last read touch."""
        changes, self._pending = self._pending, None
        self._read(changes)

    # ---- reading -----------------------------------------------------------------

    def _read(self, changes: Any) -> None:
        if self._reading:  # one read at a time; the next one takes everything heard meanwhile
            if changes is None:
                self._again_all = True
            else:
                self._pending = changes if self._pending is None else self._pending.merged(changes)
            return
        self._reading = True
        cache = self._cache
        if changes is not None:
            job = lambda: cache.refresh(changes)  # noqa: E731
        else:
            job = cache.get if self.figures is None else (lambda: cache.refresh(None))
        self._tasks.run(job, on_done=self._on_read_done, on_error=self._on_read_failed, quiet=True, owner=self)

    def _after_read(self) -> None:
        self._reading = False
        if self._again_all:
            self._again_all = False
            self.refresh_all()
        elif self._pending is not None:
            self.refresh()

    def _on_read_done(self, figures: WallFigures) -> None:
        first = self.figures is None
        self.figures = figures
        self._set_online(True)
        self.figures_changed.emit(figures)
        self._notice_push(figures.latest_push, first)
        self._notice_draw(figures)
        self._after_read()

    def _on_read_failed(self, error: BaseException) -> None:
        if isinstance(error, DatabaseUnavailable):
            self._set_online(False)
            self._retry.start()
        else:
            _log.error("the wall's figures were not read: %s", error, exc_info=error)
            self.failed.emit(str(error).splitlines()[0] if str(error) else type(error).__name__)
        self._after_read()

    def _set_online(self, online: bool) -> None:
        if online != self.online:
            self.online = online
            self.online_changed.emit(online)

    # ---- pushes and the draw -------------------------------------------------------

    def _notice_push(self, latest, first: bool) -> None:
        if latest is None or latest.id == self._seen_push:
            return
        self._seen_push = latest.id
        if first:
            return  # a push from before the wall started is history, not news
        db = self._db
        self._tasks.run(lambda: wall.describe_push(db, latest), on_done=self.push_arrived.emit,
                        on_error=self._on_side_read_failed, quiet=True, owner=self)

    def show_push(self, pushed) -> None:
        """Show ``pushed`` (a PushedView, e.g. chosen in the history) again."""
        db = self._db
        self._tasks.run(lambda: wall.describe_push(db, pushed), on_done=self.push_arrived.emit,
                        on_error=self._on_side_read_failed, quiet=True, owner=self)

    def _notice_draw(self, figures: WallFigures) -> None:
        draw = figures.next_draw
        if self._ceremony_loader is None:
            return
        if draw is None or draw.status not in ("drawn", "published"):
            if self._ceremony_batch is not None:
                self._ceremony_batch = None
                self.ceremony_ready.emit(None, None)
            return
        if draw.batch_id == self._ceremony_batch:
            return
        self.load_ceremony(draw.batch_id)

    def load_ceremony(self, batch_id: int) -> None:
        """Read batch ``batch_id``'s picks for the ceremony (a drawn batch, or one pushed)."""
        if self._ceremony_loader is None:
            return
        self._ceremony_batch = batch_id
        db, loader = self._db, self._ceremony_loader
        lang = current_language(QCoreApplication.instance())
        self._tasks.run(lambda: loader(db, batch_id, lang), quiet=True, owner=self,
                        on_done=lambda data: self.ceremony_ready.emit(batch_id, data),
                        on_error=self._on_side_read_failed)

    def reset_ceremony(self) -> None:
        """Forget a pushed batch's ceremony and go back to the day's draw."""
        self._ceremony_batch = None
        self.ceremony_ready.emit(None, None)
        if self.figures is not None:
            self._notice_draw(self.figures)

    def _on_side_read_failed(self, error: BaseException) -> None:
        if isinstance(error, DatabaseUnavailable):
            self._set_online(False)
            self._retry.start()
        else:
            _log.error("a wall item was not read: %s", error, exc_info=error)

    # ---- the change bus --------------------------------------------------------------

    def _on_changes_connection_changed(self, connected: bool) -> None:
        if connected:
            self.refresh_all()  # what changed meanwhile
        else:
            self._set_online(False)
