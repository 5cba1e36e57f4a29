"""The map's work-item overlays, kept current change by change: clue markers, open clues
and overdue clocks per town.

"Overdue" has one definition, the deadline engine's (:mod:`core.deadlines`): a clock is
overdue when :func:`core.deadlines.assess` puts it at OVERDUE or SERIOUSLY_OVERDUE. That
covers what ``due_on < today`` misses (a clue stored without a due date is due a
policy's number of working days after it was received; the day is Beijing's) and is
what the efficiency monitor counts, so the map's markers and its town measure agree
with it and with each other.

:class:`MapOverlays` loads every clock once (from the efficiency monitor's snapshot when
it is current) and the open clues the viewer may see; :meth:`MapOverlays.apply` then
takes a change record (``core.live.changes.ChangeSet`` or anything with the same fields)
and re-reads only the clocks (:func:`core.deadlines.refresh.refresh_changes`) and clues it
names, so a clue step costs a few rows, not the city. Every row read is counted in :data:`core.geoindex.counters.ROWS_READ`.
"""
from __future__ import annotations

import datetime as dt
import functools
import threading
from dataclasses import dataclass

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from core.clues import CLOSED_STATES
from core.db.database import Database
from core.db.models import Clue, CommitmentVerification, MarketEntity, Village
from core.deadlines import DeadlineItems, Kind, Level, assess, by_group, day_date, day_number, load_policy
from core.errors import PermissionDenied
from core.geoindex.counters import ROWS_READ
from core.workdays import default_calendar

from .read_scope import clue_condition, read_scope

CLOSED_CLUE_STATES = tuple(sorted(CLOSED_STATES))
OVERDUE_LEVELS = (Level.OVERDUE, Level.SERIOUSLY_OVERDUE)
_CHUNK = 500
# Change-record field -> the clock kinds whose item ids it lists.
CLOCK_FIELDS: dict[str, tuple[Kind, ...]] = {
    "clues": (Kind.CLUE_HANDLING,), "pushes": (Kind.PUSH_CLAIM,), "commitments": (Kind.COMMITMENT_VERIFICATION,),
    "inspections": (Kind.INSPECTION_TASK, Kind.RESULTS_PUBLICATION), "cases": (Kind.CASE_DECISION,),
}
# Settings whose change may alter who sees what or how days count: load everything again.
RELOAD_SETTINGS = frozenset({"users", "reference", "calendar", "deadlines"})


@dataclass(frozen=True)
class ClueMarkers:
    """Open clues with a position: parallel tuples."""

    ids: tuple[int, ...]
    lats: tuple[float, ...]
    lngs: tuple[float, ...]
    overdue: tuple[bool, ...]


@dataclass(frozen=True)
class _Clues:
    """Open clues the viewer may see, ascending id: town code ("" unknown), WGS-84 position (nan: none)."""

    ids: np.ndarray
    towns: np.ndarray  # object (str)
    lat: np.ndarray
    lng: np.ndarray

    @classmethod
    def of(cls, rows: list) -> _Clues:
        rows = sorted(rows, key=lambda r: r[0])
        return cls(np.array([r[0] for r in rows], dtype=np.int64), np.array([r[1] or "" for r in rows], dtype=object),
                   np.array([np.nan if r[2] is None else float(r[2]) for r in rows], dtype=np.float64),
                   np.array([np.nan if r[3] is None else float(r[3]) for r in rows], dtype=np.float64))

    def without(self, ids: np.ndarray) -> _Clues:
        keep = ~np.isin(self.ids, ids)
        return _Clues(self.ids[keep], self.towns[keep], self.lat[keep], self.lng[keep])

    def plus(self, other: _Clues) -> _Clues:
        ids = np.concatenate([self.ids, other.ids])
        order = np.argsort(ids, kind="stable")
        return _Clues(ids[order], np.concatenate([self.towns, other.towns])[order],
                      np.concatenate([self.lat, other.lat])[order], np.concatenate([self.lng, other.lng])[order])


@dataclass(frozen=True)
class _State:
    items: DeadlineItems
    levels: np.ndarray
    today: int
    clues: _Clues | None          # None: the viewer may not read clues (clue.read)
    clue_refusal: PermissionDenied | None
    overdue_refusal: PermissionDenied | None


@functools.cache
def _clue_select():  # built once: a select is immutable, and building one costs milliseconds
    village, entity = aliased(Village), aliased(MarketEntity)
    town = func.coalesce(entity.town_code, village.town_code)
    stmt = (select(Clue.id, town, func.coalesce(Clue.lat, entity.lat), func.coalesce(Clue.lng, entity.lng))
            .select_from(Clue).outerjoin(entity, entity.id == Clue.entity_id)
            .outerjoin(village, village.code == Clue.source_village_code)
            .where(Clue.state.not_in(CLOSED_CLUE_STATES)))
    return stmt


def read_open_clues(db: Database, viewer: object | None, clue_ids=None, entity_ids=None) -> _Clues:
    """Open clues ``viewer`` may see: all, or those among ``clue_ids`` / of ``entity_ids``."""
    stmt = _clue_select()
    rows: list = []
    with db.sessions() as s:
        stmt = stmt.where(clue_condition(s, viewer))
        if clue_ids is None and entity_ids is None:
            rows = s.execute(stmt).all()
        else:
            for column, ids in ((Clue.id, clue_ids), (Clue.entity_id, entity_ids)):
                ids = sorted({int(i) for i in ids or ()})
                for i in range(0, len(ids), _CHUNK):
                    rows += s.execute(stmt.where(column.in_(ids[i:i + _CHUNK]))).all()
    ROWS_READ.add("clues", len(rows))
    unique = {int(r[0]): r for r in rows}
    return _Clues.of(list(unique.values()))


def reload_clocks(db: Database, wanted: dict[Kind, set[int]], town_codes: tuple[str, ...], calendar,
                  policy) -> DeadlineItems:
    """The clocks of exactly ``wanted`` (kind -> item ids), by the engine's own selects narrowed to
    the ids (:meth:`core.deadlines.sources.Source.subset`). Kept for the wall's figures
    (core.services.wall_parts); :func:`core.deadlines.refresh.refresh` does the whole update."""
    from core.deadlines.items import complete, from_parts, read_rows
    from core.deadlines.sources import sources

    index = {code: i for i, code in enumerate(town_codes)}
    parts: list = []
    for src in sources():
        ids = sorted(wanted.get(src.kind, ()))
        for i in range(0, len(ids), _CHUNK):
            parts.extend(read_rows(db, src, src.subset(ids[i:i + _CHUNK], db.dialect), index))
    return complete(from_parts(parts, tuple(town_codes)), calendar, policy)


def verification_ids(db: Database, ids: set[int]) -> set[int]:
    """Verification ids for a change's ``commitments`` (the services audit the commitment's id):
    those of the commitments named, and any verification with such an id."""
    found = set(ids)
    ordered = sorted(ids)
    with db.sessions() as s:
        for i in range(0, len(ordered), _CHUNK):
            found |= set(s.scalars(select(CommitmentVerification.id).where(
                CommitmentVerification.commitment_id.in_(ordered[i:i + _CHUNK]))))
    return found


def markers(clues: _Clues, overdue_ids: np.ndarray, limit: int) -> ClueMarkers:
    """The placed clues among ``clues`` (at most ``limit``, lowest ids first), flagged when overdue."""
    placed = ~np.isnan(clues.lat) & ~np.isnan(clues.lng)
    ids, lat, lng = clues.ids[placed][:limit], clues.lat[placed][:limit], clues.lng[placed][:limit]
    return ClueMarkers(tuple(int(i) for i in ids), tuple(lat.tolist()), tuple(lng.tolist()),
                       tuple(bool(v) for v in np.isin(ids, overdue_ids)))


def clue_markers(db: Database, today: dt.date | None = None, *, limit: int = 20000, viewer: object | None = None,
                 calendar=None, policy=None) -> ClueMarkers:
    """Open clues ``viewer`` may see, placed and flagged overdue by the deadline engine, read at once
    (only the clue clocks of those clues; :class:`MapOverlays` keeps them current instead)."""
    from core.deadlines.refresh import refresh

    calendar, policy = calendar or default_calendar(), policy or load_policy()
    clues = read_open_clues(db, viewer)
    clocks = refresh(db, DeadlineItems.empty(), clue_ids=clues.ids.tolist(), calendar=calendar, policy=policy)
    ROWS_READ.add("clocks", len(clocks))
    levels = assess(clocks, day_number(today or dt.date.today()), calendar, policy).levels
    return markers(clues, np.unique(clocks.item_id[np.isin(levels, OVERDUE_LEVELS)]), limit)


def _about(items: DeadlineItems, changes) -> np.ndarray:
    """Rows of ``items`` a refresh for ``changes`` read again (about: commitments and batches
    are looked up by the engine and not counted here)."""
    mask = np.isin(items.entity, np.fromiter(_ids(changes, "entities"), dtype=np.int64))
    for name, kinds in CLOCK_FIELDS.items():
        ids = np.fromiter(_ids(changes, name), dtype=np.int64)
        if ids.size:
            mask |= np.isin(items.kind, [int(k) for k in kinds]) & np.isin(items.item_id, ids)
    return mask


def _ids(changes, name: str) -> frozenset[int]:
    return frozenset(getattr(changes, name, None) or ())


class MapOverlays:
    """Clue markers and per-town clue and overdue measures of one viewer (thread-safe)."""

    def __init__(self, db: Database, *, viewer: object | None = None, today: dt.date | None = None,
                 calendar=None, policy=None, snapshot_dir=None) -> None:
        self._db, self._viewer, self._fixed_today = db, viewer, today
        self._calendar, self._policy = calendar or default_calendar(), policy or load_policy()
        self._snapshot_dir = snapshot_dir
        self._state: _State | None = None
        self._lock = threading.RLock()
        self.version = 0  # moves on every load or applied change (caches of the payload key on it)

    def _today(self) -> int:
        return day_number(self._fixed_today or dt.date.today())

    # ---- loading and changes -------------------------------------------------

    def load(self) -> None:
        """Read every clock and every open clue the viewer may see."""
        from .efficiency import load_clocks

        with self._lock:
            today = self._today()
            items, assessment, _fresh = load_clocks(self._db, day_date(today), calendar=self._calendar,
                                                    policy=self._policy, snapshot_dir=self._snapshot_dir)
            ROWS_READ.add("clocks", len(items))
            clues, clue_refusal = None, None
            try:
                clues = read_open_clues(self._db, self._viewer)
            except PermissionDenied as refused:
                clue_refusal = refused
            overdue_refusal = None
            try:
                with self._db.sessions() as s:
                    read_scope(s, self._viewer, "efficiency.read")
            except PermissionDenied as refused:
                overdue_refusal = refused
            self._swap(_State(items, assessment.levels, today, clues, clue_refusal, overdue_refusal))

    def reset(self) -> None:
        """Forget what was read: the next reader loads everything again (cheap; any thread)."""
        with self._lock:
            self._state = None
            self.version += 1

    def apply(self, changes) -> bool:
        """Bring the overlays up to ``changes``; True when anything they show may have moved.

        ``everything`` (or a settings change about users, the calendar or deadlines) loads
        everything again; clue, push, commitment, inspection and case ids re-read those
        clocks (and clues); entity ids re-read the clocks and clues of those entities."""
        with self._lock:  # after a load in progress: the change is applied on top of what it read
            return self._apply(changes)

    def _apply(self, changes) -> bool:
        from core.deadlines.refresh import refresh_changes

        if self._state is None:
            return False  # nothing loaded yet: the first reader loads the current data
        if getattr(changes, "everything", False) or (_ids(changes, "settings") & RELOAD_SETTINGS):
            self.load()
            return True
        entities, clue_ids = _ids(changes, "entities"), _ids(changes, "clues")
        if not entities and not any(_ids(changes, name) for name in CLOCK_FIELDS) and not _ids(changes, "batches"):
            return self._roll_day()
        state = self._current_day()
        items = refresh_changes(self._db, state.items, changes, calendar=self._calendar, policy=self._policy)
        if items is None:  # more than a refresh can do (new reference data)
            self.load()
            return True
        ROWS_READ.add("clocks", int(np.count_nonzero(_about(items, changes))))
        levels = state.levels if items is state.items else assess(items, state.today, self._calendar,
                                                                  self._policy).levels
        clues = state.clues
        if clues is not None and (clue_ids or entities):
            # Changed clues no longer open or visible drop out; the others come back as they are now.
            found = read_open_clues(self._db, self._viewer, clue_ids, entities)
            clues = clues.without(np.union1d(np.fromiter(clue_ids, dtype=np.int64), found.ids)).plus(found)
        self._swap(_State(items, levels, state.today, clues, state.clue_refusal, state.overdue_refusal))
        return True

    def _roll_day(self) -> bool:
        with self._lock:
            state = self._state
            if state is not None and state.today != self._today():
                self._current_day()
                return True
        return False

    def _current_day(self) -> _State:
        """The state, re-assessed when the day has turned since it was (lock held)."""
        state = self._state
        assert state is not None
        today = self._today()
        if state.today != today:
            state = _State(state.items, assess(state.items, today, self._calendar, self._policy).levels, today,
                           state.clues, state.clue_refusal, state.overdue_refusal)
            self._swap(state)
        return state

    def _swap(self, state: _State) -> None:
        self._state = state
        self.version += 1

    def _read(self) -> _State:
        state = self._state
        if state is None or state.today != self._today():
            with self._lock:
                if self._state is None:
                    self.load()
                else:
                    self._current_day()
                state = self._state
        assert state is not None
        return state

    # ---- what the map shows --------------------------------------------------

    def overdue_by_town(self) -> dict[str, int]:
        """Overdue clocks per town code, as the efficiency monitor counts them (``efficiency.read``)."""
        state = self._read()
        if state.overdue_refusal is not None:
            raise state.overdue_refusal
        return {r.key: r.overdue_all for r in by_group(state.items, state.levels, "town")
                if r.key is not None and r.overdue_all}

    def open_clues_by_town(self) -> dict[str, int]:
        """Open clues per town code, of the clues the viewer may see (``clue.read``)."""
        clues = self._clues()
        towns, counts = np.unique(clues.towns[clues.towns != ""].astype(str), return_counts=True)
        return {str(t): int(n) for t, n in zip(towns, counts)}

    def overdue_clue_ids(self) -> np.ndarray:
        """Ids of the clues the deadline engine counts overdue today (sorted)."""
        state = self._read()
        items = state.items
        late = (items.kind == Kind.CLUE_HANDLING) & np.isin(state.levels, OVERDUE_LEVELS)
        return np.unique(items.item_id[late])

    def clue_markers(self, limit: int = 20000) -> ClueMarkers:
        """Positions (WGS-84) of the open clues the viewer may see, lowest ids first."""
        return markers(self._clues(), self.overdue_clue_ids(), limit)

    def _clues(self) -> _Clues:
        state = self._read()
        if state.clue_refusal is not None:
            raise state.clue_refusal
        assert state.clues is not None
        return state.clues
