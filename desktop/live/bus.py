"""One change bus per console: every committed change, local or remote, as one Qt signal.

Local commits reach it straight from the unit of work (``db.changes``, on the committing
worker thread); commits of other processes through a :class:`core.live.follow.ChangeFollower`
on a thread of its own. Both are delivered on the GUI thread as ``changed(ChangeSet)``,
each change once (by its change_log id). Workspaces connect to ``changed`` and refresh
only what a set touches; none polls for its own changes.

When the database cannot be followed (a restart, a lost network) ``connection_changed``
says False, the follower retries with a growing pause, and says True again once it reads;
what was committed meanwhile is still in the change log and arrives then.
"""
from __future__ import annotations

import logging
import threading
from collections import deque

import shiboken6
from PySide6.QtCore import QObject, Signal, Slot

from core.db.database import Database
from core.errors import DatabaseUnavailable
from core.live.changes import ChangeSet
from core.live.follow import ChangeFollower

_log = logging.getLogger(__name__)
_REMEMBERED = 2000
RETRY_DELAYS = (0.5, 1.0, 2.0, 5.0)
"""Seconds between attempts to follow the database again, the last one repeated."""


class ChangeBus(QObject):
    """Delivers committed change sets on the GUI thread; see the module docstring."""

    changed = Signal(object)             # ChangeSet
    connection_changed = Signal(bool)    # False: cannot follow the database, retrying
    _arrived = Signal(object)            # from any thread

    def __init__(self, db: Database | None = None, *, follow: bool = True, wait_s: float = 0.5,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._seen: deque[int] = deque(maxlen=_REMEMBERED)
        self._seen_set: set[int] = set()
        self._connected = True
        self._wait_s = wait_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._unsubscribe = db.changes.subscribe(self._hear) if db is not None else None
        self._arrived.connect(self._deliver)
        if db is not None and follow:
            self.start()

    @classmethod
    def detached(cls, db: Database | None = None, parent: QObject | None = None) -> ChangeBus:
        """A bus that carries this process's commits only (tests, screenshots, one-off windows)."""
        return cls(db, follow=False, parent=parent)

    @property
    def connected(self) -> bool:
        """False while the database cannot be followed."""
        return self._connected

    @property
    def following(self) -> bool:
        """True while the thread that reads other processes' changes runs."""
        return self._thread is not None and self._thread.is_alive()

    def publish(self, changes: ChangeSet) -> None:
        """Deliver ``changes`` as if committed (any thread); e.g. a reload everything after an import."""
        self._arrived.emit(changes)

    def start(self) -> None:
        """Start following other processes' commits (no-op when already following)."""
        if self._db is None or self.following:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._follow, name="tongguan-change-follower", daemon=True)
        self._thread.start()

    def close(self) -> None:
        """Stop following and hearing commits (the window is closing)."""
        self._stop.set()
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        if self._thread is not None:
            self._thread.join(5)
            self._thread = None

    # ---- internals ----------------------------------------------------------

    def _hear(self, changes: ChangeSet) -> None:  # the committing thread
        if not shiboken6.isValid(self):  # the bus went with its window: stop listening
            if self._unsubscribe is not None:
                self._unsubscribe()
                self._unsubscribe = None
            return
        self._arrived.emit(changes)

    @Slot(object)
    def _deliver(self, changes: object) -> None:
        if isinstance(changes, tuple):  # (connected,) from the follower thread
            connected = bool(changes[0])
            if connected != self._connected:
                self._connected = connected
                self.connection_changed.emit(connected)
            return
        if not isinstance(changes, ChangeSet) or not changes:
            return
        if changes.change_id is not None:
            if changes.change_id in self._seen_set:
                return
            if len(self._seen) == self._seen.maxlen:
                self._seen_set.discard(self._seen[0])
            self._seen.append(changes.change_id)
            self._seen_set.add(changes.change_id)
        self.changed.emit(changes)

    def _follow(self) -> None:  # the follower thread: no widgets here
        assert self._db is not None
        follower = ChangeFollower(self._db)
        failures = 0
        started = False
        while not self._stop.is_set():
            try:
                if not started:
                    follower.start()
                    started = True
                elif follower.wait(self._wait_s):
                    for changes in follower.read_new():
                        self._arrived.emit(changes)
                if failures:
                    failures = 0
                    self._arrived.emit((True,))
                    for changes in follower.read_new():  # what was committed while we were away
                        self._arrived.emit(changes)
            except DatabaseUnavailable as error:
                if failures == 0:
                    _log.warning("following %s failed: %s; retrying", self._db.label, error)
                    self._arrived.emit((False,))
                self._stop.wait(RETRY_DELAYS[min(failures, len(RETRY_DELAYS) - 1)])
                failures += 1
            except Exception:  # noqa: BLE001 - a bug here must not kill the console; log it and go on
                _log.exception("the change follower failed; retrying")
                self._stop.wait(RETRY_DELAYS[-1])
        follower.close()
