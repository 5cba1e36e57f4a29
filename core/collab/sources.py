"""The rows behind the collaboration graph, read in bulk per kind and returned as numpy
columns: one row per item handed from one node to another.

Times are Beijing days (timestamps are stored as naive UTC); durations are working days on
the project's calendar (core.workdays). An item done after its due day is overdue; so is an
open one whose due day is before the period's end (before today while the period still runs).
"""
from __future__ import annotations

import datetime as dt
import functools
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sqlalchemy import String, case, cast, false, func, or_, select, true
from sqlalchemy.orm import Session

from core.db.models import (
    Clue,
    ClueEvent,
    Commitment,
    CommitmentVerification,
    Department,
    MarketEntity,
    NotificationPush,
    Town,
    Village,
)
from core.rights import ALL
from core.services.read_scope import clue_condition, department_condition
from core.workdays import default_calendar

from .fetch import days_of as _days
from .fetch import fetch_columns as _cols
from .fetch import keys as _keys
from .fetch import local_days as _local_days
from .fetch import naive as _naive
from .fetch import stamp, txt
from .focus import Focus, clue_dept, clue_place, dept_of, matches_dept
from .graph import EDGE_KINDS, SHARED_QUEUE
from .period import Period
from .scope import BEIJING, Viewer, local_today
from .stats import WorkingDays
from .visits import Visits, load_visits, meetings

REGISTRATION_DEPARTMENT = "SCJG"  # registers entities and pushes them on (先照后证"双告知")
_NAT = np.datetime64("NaT", "D")


@dataclass
class EdgeRows:
    """Parallel columns, one row per item handed from ``source`` to ``target``."""

    kind: np.ndarray          # str
    source: np.ndarray        # node key
    target: np.ndarray        # node key
    days: np.ndarray          # working days, NaN when not (yet) done or not timed
    returned: np.ndarray      # bool: returned or transferred on
    overdue: np.ndarray       # bool
    object_type: np.ndarray   # str
    object_id: np.ndarray     # int64
    at: np.ndarray            # datetime64[D]

    @classmethod
    def empty(cls) -> EdgeRows:
        o = np.empty(0, dtype=object)
        return cls(o, o, o, np.empty(0), np.empty(0, bool), np.empty(0, bool), o, np.empty(0, np.int64),
                   np.empty(0, "datetime64[D]"))

    @classmethod
    def concat(cls, parts: Sequence[EdgeRows]) -> EdgeRows:
        parts = [p for p in parts if len(p.kind)]
        if not parts:
            return cls.empty()
        return cls(*(np.concatenate([getattr(p, f) for p in parts]) for f in cls.__dataclass_fields__))


def _rows(kind: str, src, tgt, days, returned, overdue, otype: str, oid, at) -> EdgeRows:
    n = len(oid)
    return EdgeRows(np.full(n, kind, dtype=object), np.asarray(src, dtype=object), np.asarray(tgt, dtype=object),
                    np.asarray(days, dtype=float), np.asarray(returned, dtype=bool), np.asarray(overdue, dtype=bool),
                    np.full(n, otype, dtype=object), np.asarray(oid, dtype=np.int64),
                    np.asarray(at, dtype="datetime64[D]"))


class Loader:
    """One read of the rows of a period for a viewer."""

    def __init__(self, s: Session, period: Period, viewer: object | None, villages: bool,
                 focus: Focus | None = None, limit: int | None = None) -> None:
        self.s, self.period, self.villages, self.focus = s, period, villages, focus
        # With a focus, the kinds whose SQL picks exactly the focus's rows read only the newest ``limit``.
        self.limit = limit if focus is not None else None
        self.viewer = Viewer(s, viewer)
        self.as_of = np.datetime64(min(period.end, local_today()), "D")
        self.wd = WorkingDays(default_calendar(), period.start - dt.timedelta(days=400),
                              max(period.end, local_today()) + dt.timedelta(days=400))
        # Timestamps bounding the period's Beijing days, as stored (naive UTC).
        self.t0 = period.start_dt() - BEIJING
        self.t1 = period.end_dt() - BEIJING

    def _near(self, source, target):
        """The SQL condition of the focus (see core.collab.focus); true without one."""
        return true() if self.focus is None else self.focus.condition(source, target)

    def _overdue(self, due, done) -> np.ndarray:
        due, done = np.asarray(due, "datetime64[D]"), np.asarray(done, "datetime64[D]")
        late = ~np.isnat(done) & ~np.isnat(due) & (done > due)
        still_open = np.isnat(done) & ~np.isnat(due) & (due < self.as_of)
        return late | still_open

    # ----------------------------------------------------------------- clues

    def routed(self, kinds: set[str]) -> EdgeRows:
        """Clues received in the period: their place -> the department first routed to.

        One row per clue: its events are aggregated in SQL (first claim, first assignment and
        whether it was ever sent on), not read one by one.
        """
        in_period = (Clue.received_at >= self.t0, Clue.received_at < self.t1,
                     self._near(lambda k: clue_place(k, self.villages), lambda k: clue_dept(k, ("assigned",))))
        at = stamp(self.s, ClueEvent.at)
        # One pass over the period's clues and their steps (grouped by clue); the places are
        # looked up afterwards, not joined (the entity table is the city's largest).
        stmt = (select(Clue.id, Clue.source, Clue.source_village_code, Clue.entity_id,
                       stamp(self.s, Clue.received_at), txt(Clue.due_on), stamp(self.s, Clue.closed_at),
                       func.min(case((ClueEvent.to_state == "claimed", at))),
                       func.min(case((ClueEvent.to_state == "assigned",
                                      at + "|" + cast(ClueEvent.department_id, String)))),
                       func.max(case((ClueEvent.to_state.in_(("transferred", "returned")), 1), else_=0)))
                .join(ClueEvent, (ClueEvent.clue_id == Clue.id)
                      & ClueEvent.to_state.in_(("assigned", "claimed", "transferred", "returned")))
                .where(*in_period, clue_condition(self.s, self.viewer.principal))
                .group_by(Clue.id, Clue.source, Clue.source_village_code, Clue.entity_id, Clue.received_at,
                          Clue.due_on, Clue.closed_at))
        if kinds == {"grid_handover"}:
            stmt = stmt.where(Clue.source == "grid")
        elif kinds == {"clue_routing"}:
            stmt = stmt.where(Clue.source != "grid")
        ids, sources, villages, entities, received, due, closed, claimed, assigned, moved = _cols(self.s, stmt, 10)
        if not ids:
            return EdgeRows.empty()
        places = self._places(villages, entities)
        first_dept = [a.rsplit("|", 1)[1] if a else None for a in assigned]
        prefix = "village" if self.villages else "town"
        src, tgt = _keys(prefix, places), _keys("dept", first_dept)
        sources = np.array(sources, dtype=object)
        rec = _local_days(received)
        keep = (src != "") & (tgt != "")
        kind = np.where(sources == "grid", "grid_handover", "clue_routing").astype(object)
        keep &= np.isin(kind, list(kinds))
        out = _rows("", src, tgt, self.wd.between(rec, _local_days(claimed)), np.array(moved, dtype=bool),
                    self._overdue(_days(due), _local_days(closed)), "clue", ids, rec)
        out.kind = kind
        return _take(out, keep)

    def _places(self, villages: list, entities: list) -> list:
        """Each clue's town (or village): its village's, else its entity's (None when neither)."""
        if self.villages:
            places = list(villages)
        else:
            town_of = dict(self.s.execute(select(Village.code, Village.town_code)).all())
            places = [town_of.get(v) for v in villages]
        missing = sorted({e for p, e in zip(places, entities) if p is None and e is not None})
        column = MarketEntity.village_code if self.villages else MarketEntity.town_code
        found: dict = {}
        for start in range(0, len(missing), 500):
            found.update(self.s.execute(select(MarketEntity.id, column)
                                        .where(MarketEntity.id.in_(missing[start:start + 500]))).all())
        return [p if p is not None else found.get(e) for p, e in zip(places, entities)]

    def moved_on(self, kinds: set[str]) -> EdgeRows:
        """Transfers and returns in the period: the department sending on -> the one named."""
        states = [s for k, s in (("clue_transfer", "transferred"), ("clue_return", "returned")) if k in kinds]
        moving = select(ClueEvent.clue_id).where(ClueEvent.to_state.in_(states), ClueEvent.at >= self.t0,
                                                 ClueEvent.at < self.t1)
        stmt = (select(ClueEvent.clue_id, ClueEvent.at, ClueEvent.to_state, ClueEvent.department_id, Clue.due_on,
                       Clue.closed_at)
                .join(Clue, Clue.id == ClueEvent.clue_id)
                .where(ClueEvent.clue_id.in_(moving.scalar_subquery()), clue_condition(self.s, self.viewer.principal),
                       self._near(clue_dept, clue_dept))
                .order_by(ClueEvent.clue_id, ClueEvent.at, ClueEvent.id))
        rows = self.s.execute(stmt).all()
        out = {f: [] for f in ("kind", "src", "tgt", "start", "end", "returned", "due", "closed", "oid")}
        for clue_id, group in itertools.groupby(rows, key=lambda r: r[0]):
            events = list(group)
            department = None  # the clue's department before each step
            for k, (_, at, state, dept, due, closed) in enumerate(events):
                at = _naive(at)
                if state in states and self.t0 <= at < self.t1 and department is not None and dept is not None:
                    after = events[k + 1:]
                    out["kind"].append("clue_transfer" if state == "transferred" else "clue_return")
                    out["src"].append(department)
                    out["tgt"].append(dept)
                    out["start"].append(at)
                    out["end"].append(next((_naive(r[1]) for r in after if r[2] == "claimed"), None))
                    out["returned"].append(state == "returned"
                                           or any(r[2] in ("transferred", "returned") for r in after))
                    out["due"].append(due)
                    out["closed"].append(_naive(closed) if closed is not None else None)
                    out["oid"].append(clue_id)
                if dept is not None and state != "returned":  # a return names whose it is; it stays put
                    department = dept
        if not out["oid"]:
            return EdgeRows.empty()
        start = _local_days(out["start"])
        res = _rows("", _keys("dept", out["src"]), _keys("dept", out["tgt"]),
                    self.wd.between(start, _local_days(out["end"])), out["returned"],
                    self._overdue(_days(out["due"]), _local_days(out["closed"])), "clue", out["oid"], start)
        res.kind = np.array(out["kind"], dtype=object)
        return res

    def duplicates(self) -> EdgeRows:
        """Duplicates marked in the period: the duplicate's department -> the original's."""
        original = select(Clue.id.label("oid"), Clue.department_id.label("odept")).subquery()
        stmt = (select(Clue.id, Clue.department_id, original.c.odept, stamp(self.s, Clue.received_at),
                       stamp(self.s, Clue.closed_at))
                .join(original, original.c.oid == Clue.duplicate_of_id)
                .where(Clue.state == "duplicate", Clue.closed_at >= self.t0, Clue.closed_at < self.t1,
                       clue_condition(self.s, self.viewer.principal),
                       self._near(lambda k: matches_dept(Clue.department_id, k),
                                  lambda k: matches_dept(original.c.odept, k))))
        ids, dept, odept, received, closed = _cols(self.s, stmt, 5)
        done = _local_days(closed)
        return _rows("clue_duplicate", _keys("dept", dept), _keys("dept", odept),
                     self.wd.between(_local_days(received), done), np.zeros(len(ids), bool),
                     np.zeros(len(ids), bool), "clue", ids, done)

    # ------------------------------------------------- pushes, commitments, visits

    def pushes(self) -> EdgeRows:
        """Pushes of the period: the registration bureau -> the approving department (or the
        shared to-be-claimed queue while nobody has claimed them)."""
        registrar = self.s.scalar(select(Department.id).where(Department.code == REGISTRATION_DEPARTMENT))
        stmt = select(NotificationPush.id, NotificationPush.department_id, txt(NotificationPush.pushed_on),
                      txt(NotificationPush.claim_due), txt(NotificationPush.claimed_on), NotificationPush.status).where(
            NotificationPush.pushed_on >= self.period.start, NotificationPush.pushed_on <= self.period.end,
            department_condition(self.s, self.viewer.principal, "push.read", NotificationPush.department_id),
            self._near(lambda k: true() if registrar is not None and dept_of(k) == registrar else false(),
                       lambda k: (NotificationPush.department_id.is_(None) if k == SHARED_QUEUE
                                  else matches_dept(NotificationPush.department_id, k))))
        if self.limit is not None and registrar is not None:  # the newest, none pushed to the registrar itself
            stmt = (stmt.where(or_(NotificationPush.department_id.is_(None),
                                   NotificationPush.department_id != registrar))
                    .order_by(NotificationPush.pushed_on.desc(), NotificationPush.id.desc()).limit(self.limit))
        ids, dept, pushed, due, claimed, status = _cols(self.s, stmt, 6)
        if registrar is None or not ids:
            return EdgeRows.empty()
        tgt = np.array([f"dept:{d}" if d is not None else SHARED_QUEUE for d in dept], dtype=object)
        pushed, claimed = _days(pushed), _days(claimed)
        return _rows("push", np.full(len(ids), f"dept:{registrar}", dtype=object), tgt,
                     self.wd.between(pushed, claimed), np.array([s == "returned" for s in status]),
                     self._overdue(_days(due), claimed), "push", ids, pushed)

    def commitments(self) -> EdgeRows:
        """Verifications due in the period: the entity's town (or village) -> the verifying department."""
        place = MarketEntity.village_code if self.villages else MarketEntity.town_code
        stmt = (select(Commitment.id, Commitment.department_id, place, txt(Commitment.fulfil_by),
                       txt(CommitmentVerification.due_on), txt(CommitmentVerification.done_on))
                .join(Commitment, Commitment.id == CommitmentVerification.commitment_id)
                .join(MarketEntity, MarketEntity.id == Commitment.entity_id)
                .where(CommitmentVerification.due_on >= self.period.start,
                       CommitmentVerification.due_on <= self.period.end,
                       department_condition(self.s, self.viewer.principal, "push.read", Commitment.department_id),
                       self._near(lambda k: _is_place(place, k, self.villages),
                                  lambda k: matches_dept(Commitment.department_id, k))))
        ids, dept, places, fulfil_by, due, done = _cols(self.s, stmt, 6)
        done, due = _days(done), _days(due)
        return _rows("commitment", _keys("village" if self.villages else "town", places), _keys("dept", dept),
                     self.wd.between(_days(fulfil_by), done), np.zeros(len(ids), bool), self._overdue(due, done),
                     "commitment", ids, due)

    @functools.cached_property
    def visits(self) -> Visits:
        if self.focus is None or self.viewer.scope("draw.read") != ALL:
            # A department sees the tasks it is on, known only from all of their rows.
            return load_visits(self.s, self.period, self.viewer)
        focus = self.focus  # a click needs no meetings: only the partners of the tasks it touches
        return load_visits(self.s, self.period, self.viewer, limit=self.limit, partners=lambda lead, dept:
                           focus.condition(lambda k: matches_dept(lead, k), lambda k: matches_dept(dept, k)))

    def meetings(self) -> dict[tuple[str, str], int]:
        """Department pairs and how many entities both visited (for communities)."""
        return meetings(self.visits) if self.viewer.scope("draw.read") is not None else {}

    def joint_visits(self) -> EdgeRows:
        """Tasks of the period with several departments: the lead -> each partner."""
        v = self.visits
        keep = v.department != v.lead
        day = np.where(np.isnat(v.done), v.due, v.done)
        return _take(_rows("joint_visit", _keys("dept", v.lead), _keys("dept", v.department),
                           np.full(len(v), np.nan), np.zeros(len(v), bool), self._overdue(v.due, v.done),
                           "inspection_task", v.task, day), keep)


def _is_place(column, key: str, villages: bool):
    head, _, value = key.partition(":")
    return column == value if head == ("village" if villages else "town") else false()


def _take(rows: EdgeRows, keep: np.ndarray) -> EdgeRows:
    return EdgeRows(*(getattr(rows, f)[keep] for f in EdgeRows.__dataclass_fields__))


def load_rows(s: Session, period: Period, *, kinds: Sequence[str] = EDGE_KINDS, villages: bool = False,
              viewer: object | None = None) -> EdgeRows:
    """Every row of ``kinds`` in ``period`` that ``viewer`` may read."""
    return read_rows(Loader(s, period, viewer, villages), kinds)


def read_rows(loader: Loader, kinds: Sequence[str]) -> EdgeRows:
    """Every row of ``kinds`` that ``loader``'s viewer may read."""
    unknown = sorted(set(kinds) - set(EDGE_KINDS))
    if unknown:
        from core.errors import ValidationError

        raise ValidationError(f"未知的协同类型 {', '.join(unknown)} (unknown edge kinds; known: {', '.join(EDGE_KINDS)})",
                              where="kinds", code="collab.unknown_kind", params={"kinds": unknown})
    wanted = set(loader.viewer.readable(kinds))
    parts = []
    if wanted & {"clue_routing", "grid_handover"}:
        parts.append(loader.routed(wanted & {"clue_routing", "grid_handover"}))
    if wanted & {"clue_transfer", "clue_return"}:
        parts.append(loader.moved_on(wanted))
    if "clue_duplicate" in wanted:
        parts.append(loader.duplicates())
    if "push" in wanted:
        parts.append(loader.pushes())
    if "commitment" in wanted:
        parts.append(loader.commitments())
    if "joint_visit" in wanted:
        parts.append(loader.joint_visits())
    return EdgeRows.concat(parts)


def node_names(s: Session, keys: set[str]) -> dict[str, tuple[str, str]]:
    """(Chinese, English) names of node keys."""
    names: dict[str, tuple[str, str]] = {SHARED_QUEUE: ("待认领队列", "Shared to-be-claimed queue")}
    for d in s.execute(select(Department.id, Department.name_zh, Department.name_en)):
        names[f"dept:{d[0]}"] = (d[1], d[2])
    for t in s.execute(select(Town.code, Town.name_zh, Town.name_en)):
        names[f"town:{t[0]}"] = (t[1], t[2])
    wanted_villages = [k.split(":", 1)[1] for k in keys if k.startswith("village:")]
    for chunk in range(0, len(wanted_villages), 500):
        for code, zh in s.execute(select(Village.code, Village.name_zh).where(
                Village.code.in_(wanted_villages[chunk:chunk + 500]))):
            names[f"village:{code}"] = (zh, f"{zh} ({code})")
    return {k: names.get(k, (k, k)) for k in keys}
