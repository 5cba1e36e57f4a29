"""Every clock kept between loads (in memory and beside the user's cache), caught up change by change.

A snapshot is marked with what it reflects: the schema revision, the policy, the database
(its first audit entry) and the newest ``change_log`` id (core.live) when it was read, and
the day (an open case pause moves its clock's due day daily). Loading again reads the marks
(four index look-ups, no ``count(*)``), and when only ``change_log`` moved, the change sets
since the snapshot name the clues, cases, pushes, commitments, tasks, batches and entities
whose clocks :func:`core.deadlines.refresh.refresh` reads again: the snapshot still serves
while workstations keep writing. Only a change it cannot follow (a rebuilt database, another
policy, ``everything``, new reference data, a change log pruned past the snapshot) loads all.
A missing, corrupt or foreign file is simply ignored.
"""
from __future__ import annotations

import hashlib
import logging
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from core.db.models import AuditEntry, Case, CasePause
from core.db.models.live import ChangeLogEntry

from .items import _DTYPES, OPEN, DeadlineItems, load_items
from .kinds import Kind

FORMAT = 2
REORDER_WINDOW = 200
"""Change ids below the snapshot's newest read again: on PostgreSQL a smaller id can commit later."""
MAX_CHANGES = 5_000
"""More change sets than this since the snapshot: loading all is cheaper than catching up."""
SAVE_EVERY_S = 30.0
"""A caught-up snapshot is written to disk at most this often (it is kept in memory meanwhile)."""
_log = logging.getLogger(__name__)
_memory: dict[Path, tuple[DeadlineItems, Marks]] = {}
_saved_at: dict[Path, float] = {}
_lock = threading.Lock()


@dataclass(frozen=True)
class Marks:
    """What a snapshot reflects (see the module docstring)."""

    base: str
    change_id: int
    day: int
    seen: frozenset[int] = frozenset()  # the ids of the window below change_id already reflected

    def stamp(self) -> str:
        return f"{self.base}|{self.change_id}|{self.day}|{','.join(map(str, sorted(self.seen)))}"

    @classmethod
    def parse(cls, stamp: str) -> Marks | None:
        try:
            base, change_id, day, seen = stamp.rsplit("|", 3)
            return cls(base, int(change_id), int(day), frozenset(int(i) for i in seen.split(",") if i))
        except ValueError:
            return None


def policy_key(policy) -> str:
    return hashlib.sha256(repr(policy).encode()).hexdigest()[:16]


def read_marks(db, policy_key: str = "") -> Marks:
    """The marks of the data as it is now (read *before* the clocks, so no change is missed)."""
    from .sources import _today

    log = ChangeLogEntry.__table__
    try:
        with db.engine.connect() as conn:  # the data's schema (a database made without migrations has none)
            schema = conn.execute(text("SELECT version_num FROM alembic_version")).scalar() or ""
    except DBAPIError:
        schema = ""
    with db.sessions() as s:
        first = s.scalar(select(AuditEntry.hash).where(AuditEntry.seq == 1)) or ""
        newest = int(s.scalar(select(func.max(log.c.id))) or 0)
        seen = frozenset(s.scalars(select(log.c.id).where(log.c.id > newest - REORDER_WINDOW)))
    return Marks(f"{FORMAT}:{schema}:{policy_key}:{first}", newest, _today(), seen)


def changes_since(db, change_id: int, seen: frozenset[int] = frozenset()):
    """The change sets committed since ``change_id`` merged into one, and those of the
    :data:`REORDER_WINDOW` before it not in ``seen`` (committed late); None when they cannot be
    known or are too many."""
    from core.live.changes import ChangeSet

    log = ChangeLogEntry.__table__
    with db.sessions() as s:
        oldest = s.scalar(select(func.min(log.c.id)))
        if oldest is not None and oldest > change_id + 1:
            return None  # pruned: changes after the snapshot may be lost
        rows = s.execute(select(log.c.id, log.c.changes).where(log.c.id > change_id - REORDER_WINDOW)
                         .order_by(log.c.id).limit(MAX_CHANGES + REORDER_WINDOW + 1)).all()
    if len(rows) > MAX_CHANGES + REORDER_WINDOW:
        return None
    merged = ChangeSet()
    for row_id, text in rows:
        if row_id <= change_id and row_id in seen:
            continue
        merged = merged.merged(ChangeSet.from_json(text, change_id=row_id))
    return merged


def _paused_cases(db, items: DeadlineItems) -> set[int]:
    """Open cases with a pause still open: their due day moves with the day."""
    with db.sessions() as s:
        ids = set(s.scalars(select(CasePause.case_id).join(Case, Case.id == CasePause.case_id)
                            .where(CasePause.ended_on.is_(None))))
    open_cases = items.item_id[(items.kind == int(Kind.CASE_DECISION)) & (items.done == OPEN)]
    return ids & set(open_cases.tolist())


def current_items(db, folder: Path, *, calendar=None, policy=None,
                  allow_stale: bool = False) -> tuple[DeadlineItems, bool]:
    """(every clock, fresh) from the snapshot in ``folder`` brought up to date, or a full load
    (saved for next time). ``allow_stale``: when the snapshot cannot be caught up, return it
    as it is (fresh False) rather than load all; the caller shows it and loads again."""
    from .policy import load_policy
    from .refresh import refresh_changes

    policy = policy or load_policy()
    path = snapshot_path(db, folder)
    marks = read_marks(db, policy_key(policy))
    with _lock:
        have = _memory.get(path)
    if have is None or have[1].base != marks.base:
        found = load_snapshot(path)
        have = (found[0], m) if found and (m := Marks.parse(found[1])) and m.base == marks.base else None
    if have is not None:
        items, old = have
        if old.change_id == marks.change_id and old.day == marks.day and old.seen == marks.seen:
            return items, True
        changes = changes_since(db, old.change_id, old.seen)
        if changes is not None:
            if old.day != marks.day:
                from dataclasses import replace

                changes = replace(changes, cases=changes.cases | _paused_cases(db, items))
            caught_up = refresh_changes(db, items, changes, calendar=calendar, policy=policy)
            if caught_up is not None:
                _keep(path, caught_up, marks)
                return caught_up, True
        if allow_stale:
            return items, False
    items = load_items(db, calendar=calendar, policy=policy)
    _keep(path, items, marks, save_now=True)
    return items, True


def _keep(path: Path, items: DeadlineItems, marks: Marks, *, save_now: bool = False) -> None:
    with _lock:
        _memory[path] = (items, marks)
        due = save_now or time.monotonic() - _saved_at.get(path, 0.0) >= SAVE_EVERY_S
        if due:
            _saved_at[path] = time.monotonic()
    if due:
        save_snapshot(items, marks.stamp(), path)


def forget() -> None:
    """Drop the snapshots kept in memory (tests)."""
    with _lock:
        _memory.clear()
        _saved_at.clear()


def snapshot_path(db, folder: Path) -> Path:
    url = db.engine.url.render_as_string(hide_password=True)
    return folder / "deadlines" / f"{hashlib.sha256(url.encode()).hexdigest()[:20]}.npz"


def save_snapshot(items: DeadlineItems, stamp: str, path: Path) -> None:
    """Write atomically; a failure is logged, never raised (the snapshot is only a speed-up)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.part.npz")
        np.savez(tmp, stamp=np.array(stamp), town_codes=np.array(items.town_codes, dtype=object).astype(str),
                 **{name: getattr(items, name) for name in _DTYPES})
        os.replace(tmp, path)
    except OSError as error:
        _log.warning("deadline snapshot not written to %s: %s", path, error)


def load_snapshot(path: Path) -> tuple[DeadlineItems, str] | None:
    """(items, stamp) from ``path``; None when there is none or it cannot be read."""
    if not path.exists():
        return None
    try:
        with np.load(path, allow_pickle=False) as data:
            items = DeadlineItems(**{name: data[name] for name in _DTYPES},
                                  town_codes=tuple(str(c) for c in data["town_codes"]))
            return items, str(data["stamp"])
    except (OSError, KeyError, ValueError) as error:
        _log.warning("deadline snapshot %s ignored: %s", path, error)
        return None
