"""Follow the changes other processes commit to the same database.

PostgreSQL: a dedicated connection LISTENs on ``tongguan_changes``; every commit that
changed something NOTIFYs it with its ``change_log`` id. SQLite: ``PRAGMA data_version``
on a connection of our own moves whenever another connection commits, so a poll of a
few hundred microseconds tells when to look. Either way the follower then reads the
``change_log`` rows it has not seen yet: a notification lost while the server restarted
costs nothing, the rows are still there.

On PostgreSQL ids are handed out at insert but become visible at commit, so a row with a
smaller id can appear after a larger one: the follower re-reads a window of recent ids
and skips the ones it has seen. Rows are pruned after a day; a follower that fell further
behind gets one ``everything`` set (reload all).
"""
from __future__ import annotations

import logging
import select as _select
import sqlite3
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import func, select

from core.db.database import Database
from core.db.engine import as_unavailable
from core.errors import DatabaseUnavailable
from core.db.models.live import ChangeLogEntry
from core.db.uow import NOTIFY_CHANNEL

from .changes import ChangeSet

_log = logging.getLogger(__name__)
_log_table = ChangeLogEntry.__table__
REORDER_WINDOW = 200
"""How far below the newest seen id a late commit's row is still looked for (PostgreSQL)."""
_SEEN = 4 * REORDER_WINDOW


class ChangeFollower:
    """Reads the change sets other processes commit, waiting cheaply in between.

    Not thread-safe: one thread calls :meth:`wait` and :meth:`read_new`. Any database
    failure is raised as :class:`core.db.engine.DatabaseUnavailable`; calling again
    reconnects.
    """

    def __init__(self, db: Database, *, poll_interval: float = 0.05) -> None:
        self._db = db
        self._poll = poll_interval
        self._last: int | None = None
        self._seen: deque[int] = deque(maxlen=_SEEN)
        self._seen_set: set[int] = set()
        self._listener: Any = None
        self._sqlite: sqlite3.Connection | None = None
        self._data_version: int | None = None

    @property
    def last_id(self) -> int | None:
        """The newest change id seen (None before :meth:`start`)."""
        return self._last

    def start(self) -> int:
        """Begin following from now; returns the newest change id (0 when there is none)."""
        with self._guard():
            self._connect()
            with self._db.engine.connect() as conn:
                self._last = int(conn.execute(select(func.coalesce(func.max(_log_table.c.id), 0))).scalar_one())
        return self._last

    def wait(self, timeout: float) -> bool:
        """Block up to ``timeout`` seconds for a sign of another commit; True when there may be one."""
        with self._guard():
            self._connect()
            if self._db.dialect == "postgresql":
                return self._wait_notify(timeout)
            return self._wait_sqlite(timeout)

    def read_new(self) -> list[ChangeSet]:
        """The change sets committed since the last call, oldest first, marked remote."""
        if self._last is None:
            self.start()
            return []
        low = max(0, self._last - (REORDER_WINDOW if self._db.dialect == "postgresql" else 0))
        with self._guard(), self._db.engine.connect() as conn:
            rows = conn.execute(select(_log_table.c.id, _log_table.c.changes).where(_log_table.c.id > low)
                                .order_by(_log_table.c.id).limit(5000)).all()
            oldest = None
            if rows and rows[0][0] > self._last + 1 and low == self._last:
                oldest = conn.execute(select(func.min(_log_table.c.id))).scalar_one()
        found: list[ChangeSet] = []
        if oldest is not None and oldest > self._last + 1:
            found.append(ChangeSet(everything=True, remote=True))  # we slept through a pruning
        for change_id, text in rows:
            if change_id in self._seen_set:
                continue
            self._remember(change_id)
            try:
                found.append(ChangeSet.from_json(text, change_id=change_id, remote=True))
            except (ValueError, TypeError) as error:
                _log.warning("change_log row %s unreadable (%s); reloading everything", change_id, error)
                found.append(ChangeSet(everything=True, change_id=change_id, remote=True))
        return found

    def close(self) -> None:
        """Drop the listening connection (following can start again later)."""
        for conn in (self._listener, self._sqlite):
            if conn is not None:
                try:
                    conn.close()
                except Exception:  # noqa: BLE001 - closing a dead connection
                    pass
        self._listener = self._sqlite = None
        self._data_version = None

    # -- internals ---------------------------------------------------------------------------

    @contextmanager
    def _guard(self) -> Iterator[None]:
        """Any failure to reach the database becomes DatabaseUnavailable (and drops our connections)."""
        try:
            yield
        except DatabaseUnavailable:
            self.close()
            raise
        except Exception as error:
            unavailable = as_unavailable(error, self._db.label)
            if unavailable is None and (isinstance(error, (OSError, sqlite3.Error)) or _is_psycopg(error)):
                unavailable = DatabaseUnavailable(f"lost the database connection ({error})", where=self._db.label)
            if unavailable is None:
                raise
            self.close()
            raise unavailable from error

    def _remember(self, change_id: int) -> None:
        if len(self._seen) == self._seen.maxlen:
            self._seen_set.discard(self._seen[0])
        self._seen.append(change_id)
        self._seen_set.add(change_id)
        self._last = max(self._last or 0, change_id)

    def _connect(self) -> None:
        if self._db.dialect == "postgresql":
            if self._listener is None or self._listener.closed:
                import psycopg

                url = self._db.url.set(drivername="postgresql")
                self._listener = psycopg.connect(url.render_as_string(hide_password=False), autocommit=True,
                                                 connect_timeout=5)
                self._listener.execute(f"LISTEN {NOTIFY_CHANNEL}")
        elif self._sqlite is None:
            path = self._db.url.database
            if not path or path == ":memory:":
                raise ValueError("an in-memory SQLite database has no other processes to follow")
            self._sqlite = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            self._data_version = self._read_version()

    def _read_version(self) -> int:
        assert self._sqlite is not None
        return int(self._sqlite.execute("PRAGMA data_version").fetchone()[0])

    def _wait_sqlite(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while True:
            version = self._read_version()
            if version != self._data_version:
                self._data_version = version
                return True
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            time.sleep(min(self._poll, left))

    def _wait_notify(self, timeout: float) -> bool:
        conn = self._listener
        got = False
        # Drain what is queued, then wait on the socket for more.
        for _ in conn.notifies(timeout=0, stop_after=1000):
            got = True
        if got:
            return True
        try:
            ready, _, _ = _select.select([conn.fileno()], [], [], timeout)
        except (OSError, ValueError):
            self.close()
            raise
        if not ready:
            return False
        for _ in conn.notifies(timeout=0, stop_after=1000):
            got = True
        return got or True  # the socket spoke: a notification or a broken connection; read to find out


def _is_psycopg(error: BaseException) -> bool:
    try:
        import psycopg
    except ImportError:
        return False
    return isinstance(error, psycopg.OperationalError | psycopg.InterfaceError)
