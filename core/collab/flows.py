"""Case flows: where clues come from, which department they go to (and on to), how they end,
and how long each stage takes, per department.

Band node keys: ``src:<source>`` (a clue source as stored: grid, hotline, department, model,
inspection), ``dept:<id>`` (the department a clue was first routed to; ``dept:none`` while
unrouted), ``xfer:<id>`` (the department it ended with after transfers or returns, when
another), ``out:<outcome>``. Stage times are working days from the step before to the stage
(the time it took to reach it), so the slowest stage names where time is lost. Durations
are fractional working days measured between the events' moments (a claim the morning after
an afternoon assignment takes a fraction of a day), not between their rounded days.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
from sqlalchemy import exists, or_, select

from core.db.database import Database
from core.db.models import Case, Clue, ClueEvent
from core.db.models.enums import ClueSource
from core.services.read_scope import clue_condition, clue_town_expr
from core.workdays import default_calendar

from .period import Period
from .scope import BEIJING, local_today
from .stats import WorkingDays, grouped, median

SOURCES = tuple(s.value for s in ClueSource)
OUTCOMES = ("closed", "returned", "duplicate", "case_filed", "decided", "open")
STAGES = ("received", "assigned", "claimed", "handling", "fed_back", "closed")
SLOWEST_MIN_COUNT = 3  # a stage of fewer clues says little about a department


@dataclass(frozen=True)
class FlowBand:
    """``count`` clues going from ``source`` to ``target``; ``median_days`` how long that
    step took (working days; None when none has finished it)."""

    source: str
    target: str
    count: int
    median_days: float | None
    clue_ids: tuple[int, ...]


@dataclass(frozen=True)
class StageTime:
    """Working days taken to reach ``stage`` from the step before: all departments
    (``department_id`` None) or one department's clues."""

    stage: str
    department_id: int | None
    count: int
    median_days: float | None
    p90_days: float | None


@dataclass(frozen=True)
class CaseFlow:
    bands: tuple[FlowBand, ...]
    stages: tuple[StageTime, ...]
    clue_count: int = 0

    def slowest_stage(self) -> StageTime | None:
        """The department stage with the longest median (at least a few clues), else the
        slowest stage over all departments; None when nothing has a duration. Equal medians
        are told apart by the 90th percentile (the longer tail loses more time), then by count."""
        for per_department in (True, False):
            timed = [st for st in self.stages if st.median_days is not None
                     and (st.department_id is not None) == per_department
                     and (st.count >= SLOWEST_MIN_COUNT or not per_department)]
            if timed:
                return max(timed, key=lambda st: (st.median_days, st.p90_days or 0.0, st.count,
                                              -STAGES.index(st.stage)))
        return None

    def band(self, source: str, target: str) -> FlowBand | None:
        return next((b for b in self.bands if b.source == source and b.target == target), None)


def build_flow(db: Database, period: Period, *, source: str | None = None, matter: int | None = None,
               town: str | None = None, department: int | None = None, viewer: object | None = None) -> CaseFlow:
    """The flow of the clues received in ``period`` (Beijing days), filtered by source,
    matter id, town code and department (first routed to, or handled after a transfer)."""
    from .fetch import fetch_columns as _cols
    from .fetch import local_moments as _local_moments
    from .fetch import stamp

    t0, t1 = period.start_dt() - BEIJING, period.end_dt() - BEIJING
    with db.sessions() as s:
        stmt = select(Clue.id, Clue.source, Clue.department_id, Clue.state, stamp(s, Clue.received_at),
                      stamp(s, Clue.closed_at)).where(Clue.received_at >= t0, Clue.received_at < t1,
                                                 clue_condition(s, viewer))
        if source:
            stmt = stmt.where(Clue.source == source)
        if matter is not None:
            stmt = stmt.where(Clue.matter_id == matter)
        if town:
            stmt = stmt.where(clue_town_expr() == town)
        if department is not None:
            stmt = stmt.where(or_(Clue.department_id == department, exists().where(
                ClueEvent.clue_id == Clue.id, ClueEvent.department_id == department,
                ClueEvent.to_state.in_(("assigned", "transferred")))))
        ids, sources, last_dept, states, received, closed = _cols(s, stmt.order_by(Clue.id), 6)
        chosen = stmt.with_only_columns(Clue.id).scalar_subquery()
        e_clue, e_state, e_dept, e_at = _cols(s, select(
            ClueEvent.clue_id, ClueEvent.to_state, ClueEvent.department_id, stamp(s, ClueEvent.at))
            .where(ClueEvent.clue_id.in_(chosen)).order_by(ClueEvent.clue_id, ClueEvent.at, ClueEvent.id), 4)
        c_clue, c_status = _cols(s, select(Case.clue_id, Case.status).where(Case.clue_id.in_(chosen)), 2)
    if not ids:
        return CaseFlow((), (), 0)
    wd = WorkingDays(default_calendar(), period.start - dt.timedelta(days=30),
                     max(period.end, local_today()) + dt.timedelta(days=400))
    return _flow(wd, _Clues(np.array(ids, np.int64), np.array(sources, object), np.array(last_dept, object),
                            np.array(states, object), _local_moments(received), _local_moments(closed)),
                 _Events(np.array(e_clue, np.int64), np.array(e_state, object), np.array(e_dept, object),
                         _local_moments(e_at)), dict(zip(c_clue, c_status)))


@dataclass(frozen=True)
class _Clues:
    ids: np.ndarray
    source: np.ndarray
    department: np.ndarray   # the department it has now
    state: np.ndarray
    received: np.ndarray     # local moments, datetime64[s]
    closed: np.ndarray


@dataclass(frozen=True)
class _Events:
    clue: np.ndarray
    state: np.ndarray
    department: np.ndarray
    at: np.ndarray           # local moments, datetime64[s]


def _first(pos: np.ndarray, mask: np.ndarray, values: np.ndarray, n: int, fill, last: bool = False) -> np.ndarray:
    """Per clue, the value of its first (or last) event where ``mask`` holds."""
    out = np.full(n, fill, dtype=values.dtype)
    m = np.flatnonzero(mask)
    if last:
        m = m[::-1]
    u, first = np.unique(pos[m], return_index=True)
    out[u] = values[m[first]]
    return out


def _outcomes(c: _Clues, cases: dict) -> np.ndarray:
    out = np.full(len(c.ids), "open", dtype=object)
    out[c.state == "returned"] = "returned"
    out[c.state == "closed"] = "closed"
    out[c.state == "duplicate"] = "duplicate"
    for k, cid in enumerate(c.ids.tolist()):
        status = cases.get(cid)
        if status is not None:
            out[k] = "case_filed" if status == "filed" else "decided"
    return out


def _flow(wd: WorkingDays, c: _Clues, e: _Events, cases: dict) -> CaseFlow:
    n = len(c.ids)
    pos = np.searchsorted(c.ids, e.clue)
    nat = np.datetime64("NaT", "s")
    first_dept = _first(pos, e.state == "assigned", e.department, n, None)
    first_claim = _first(pos, e.state == "claimed", e.at, n, nat)
    last_claim = _first(pos, e.state == "claimed", e.at, n, nat, last=True)
    first_move = _first(pos, np.isin(e.state, ("transferred", "returned")), e.at, n, nat)
    dept_key = np.array([f"dept:{d}" if d is not None else "dept:none" for d in first_dept], dtype=object)
    moved = (c.department != first_dept) & (first_dept != None)  # noqa: E711 - elementwise
    final_key = dept_key.copy()
    final_key[moved] = np.array([f"xfer:{d}" for d in c.department[moved]], dtype=object)
    outcome = _outcomes(c, cases)
    steps = (
        (np.array([f"src:{x}" for x in c.source], dtype=object), dept_key, wd.elapsed(c.received, first_claim),
         np.ones(n, bool)),
        (dept_key, final_key, wd.elapsed(first_move, last_claim), moved),
        (final_key, np.array([f"out:{o}" for o in outcome], dtype=object), wd.elapsed(c.received, c.closed),
         np.ones(n, bool)),
    )
    bands = []
    for src, tgt, days, keep in steps:
        pair = np.char.add(np.char.add(src[keep].astype(str), "\t"), tgt[keep].astype(str))
        if not len(pair):
            continue
        pairs, code = np.unique(pair, return_inverse=True)
        ids, d = c.ids[keep], days[keep]
        order = np.argsort(code, kind="stable")
        bounds = np.searchsorted(code[order], np.arange(len(pairs) + 1))
        for g, p in enumerate(pairs.tolist()):
            rows = order[bounds[g]:bounds[g + 1]]
            a, b = p.split("\t")
            bands.append(FlowBand(a, b, len(rows), median(d[rows]), tuple(int(i) for i in ids[rows])))
    return CaseFlow(tuple(bands), _stages(wd, e, c.received[pos] if len(pos) else c.received[:0]), n)


def _stages(wd: WorkingDays, e: _Events, received: np.ndarray) -> tuple[StageTime, ...]:
    """Working days from each clue's step before to each stage, overall and per department."""
    same = np.r_[False, e.clue[1:] == e.clue[:-1]] if len(e.clue) else np.empty(0, bool)
    prev = np.r_[np.datetime64("NaT", "s"), e.at[:-1]] if len(e.at) else e.at
    prev = np.where(same, prev, np.datetime64("NaT", "s"))
    days = wd.elapsed(prev, e.at)
    keep = np.isin(e.state, STAGES)
    days = days[keep]
    # Stages and departments as integer codes (department -1: none), grouped as numbers.
    lookup = {s: k for k, s in enumerate(STAGES)}
    stage = np.fromiter((lookup[s] for s in e.state[keep]), dtype=np.int64, count=int(keep.sum()))
    dept = np.fromiter((-1 if d is None else d for d in e.department[keep]), dtype=np.int64, count=len(stage))
    out = []
    for by_department in (False, True):
        key = stage * (int(dept.max(initial=0)) + 2) + (dept + 1 if by_department else 0)
        groups, code = np.unique(key, return_inverse=True)
        figures = grouped(code, len(groups), days, np.zeros(len(days), bool), np.zeros(len(days), bool))
        width = int(dept.max(initial=0)) + 2
        for g, f in zip(groups.tolist(), figures):
            s, d = divmod(g, width)
            if by_department and d == 0:
                continue
            out.append(StageTime(STAGES[s], d - 1 if by_department else None, f.count, f.median_days, f.p90_days))
    out.sort(key=lambda st: (STAGES.index(st.stage), st.department_id is not None, st.department_id or 0))
    return tuple(out)
