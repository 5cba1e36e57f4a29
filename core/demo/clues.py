"""Open and closed clues with their event logs, and the cases some of them became.

A clue is filed under a regulatory matter and says something that belongs to it (the
vocabulary lists texts per matter); it goes to the matter's department, as the routing
rules route it when no administrator's rule says otherwise; its entity is one the matter
applies to. A grid clue is reported by the grid member of the entity's village.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from core.workdays import WorkdayCalendar

from . import collab
from .population import Frozen
from .spec import STREAM_CLUES, DemoSpec

CLUE_COLUMNS = ("id", "ref_no", "source", "source_village_code", "entity_id", "lat", "lng",
                "matter_id", "description", "department_id", "handler_user_id", "state",
                "received_at", "due_on", "closed_at", "duplicate_of_id")
EVENT_COLUMNS = ("id", "clue_id", "at", "actor", "from_state", "to_state", "department_id", "note")
CASE_COLUMNS = ("id", "ref_no", "clue_id", "entity_id", "department_id", "filed_on",
                "decision_due", "decided_on", "status")

# The normal life of a clue; an open clue stops part-way along it.
PATH = ("received", "assigned", "claimed", "handling", "fed_back", "closed")
# Steps the command center takes; the department takes the others.
CENTER_STEPS = ("assigned", "closed", "duplicate")
CENTER = "指挥中心"
CASE_DECISION_DAYS = 90  # 行政处罚法 Art. 60: natural days from filing
WORKDAY_START = dt.time(8, 30)  # Beijing time; clues come in during the working day
BEIJING = dt.timedelta(hours=8)


@dataclass(frozen=True)
class ClueMatter:
    """A matter clues are filed under, with its texts and the entities it may name."""

    id: int
    department_id: int
    weight: float
    texts: tuple[str, ...]
    candidates: np.ndarray  # positions of the entities it applies to


@dataclass(frozen=True)
class Places:
    """Villages (in code order) with their centre, name and town name, and their grid members."""

    codes: np.ndarray
    lat: np.ndarray
    lng: np.ndarray
    names: list[str]
    town_names: list[str]
    grid_members: list[str]


@dataclass(frozen=True)
class ClueData:
    clues: list[tuple]
    events: list[tuple]
    cases: list[tuple]


def _local(day: dt.date, minutes: int) -> dt.datetime:
    """Beijing wall time on ``day`` as a naive UTC datetime (how timestamps are stored)."""
    return dt.datetime.combine(day, WORKDAY_START) + dt.timedelta(minutes=minutes) - BEIJING


def _ts(moment: dt.datetime) -> str:
    # The form both SQLite (SQLAlchemy's format) and PostgreSQL COPY accept.
    return f"{moment:%Y-%m-%d %H:%M:%S}"


def _pick_matters(rng: np.random.Generator, matters: list[ClueMatter], n: int) -> np.ndarray:
    w = np.array([m.weight if len(m.candidates) else 0.0 for m in matters])
    return rng.choice(len(matters), size=n, p=w / w.sum())


def generate_clues(spec: DemoSpec, pop: Frozen, vocab: dict, places: Places, matters: list[ClueMatter],
                   department_names: dict[int, str], calendar: WorkdayCalendar) -> ClueData:
    """Clues for ~3% of entities, every one before the demo's history ends."""
    rng = spec.rng(STREAM_CLUES, 0)
    n = max(20, int(len(pop) * 0.03))
    end = spec.history_end.astimezone(dt.timezone.utc).replace(tzinfo=None)
    sources = list(vocab["sources"])
    p = np.array([vocab["sources"][s] for s in sources])
    source_idx = rng.choice(len(sources), size=n, p=p / p.sum())
    # Received before the demo's day began; later steps may still be ahead.
    age_days = np.clip(rng.exponential(160, n), 1, 3 * 365).astype(np.int64)
    received = np.datetime64(spec.as_of, "D") - age_days
    due = np.empty(n, dtype="datetime64[D]")
    for k, s in enumerate(sources):
        sel = source_idx == k
        due[sel] = calendar.add_working_days_many(received[sel], int(vocab["handling_working_days"][s]))
    matter_pick = _pick_matters(rng, matters, n)
    ent_pos = np.empty(n, dtype=np.int64)
    texts = np.empty(n, dtype=object)
    for k, m in enumerate(matters):
        sel = np.flatnonzero(matter_pick == k)
        ent_pos[sel] = m.candidates[rng.integers(0, len(m.candidates), len(sel))] if len(sel) else []
        texts[sel] = np.array(m.texts, dtype=object)[rng.integers(0, len(m.texts), len(sel))]
    known = rng.random(n) > 0.08  # some clues name a place before anyone knows the entity
    minutes = rng.integers(0, 480, n)
    handling_days = rng.gamma(2.0, 4.0, n)  # calendar days actually taken per step
    late = rng.random(n) < 0.12
    received_by = vocab["received_by"]
    slow = collab.slow_department_id(department_names)  # planted: claims late (core.demo.collab)
    clues, events, cases = [], [], []
    for i in range(n):
        cid = i + 1
        v = int(pop.village_idx[ent_pos[i]])
        source = sources[source_idx[i]]
        rec_day = received[i].astype(dt.date)
        matter = matters[matter_pick[i]]
        dept_id = matter.department_id
        step = handling_days[i] * (2.5 if late[i] else 1.0) / 4
        delay = collab.SLOW_CLAIM_DAYS if dept_id == slow else 0
        days = [rec_day + dt.timedelta(days=int(round(step * k)) + (delay if k >= 2 else 0)) for k in range(len(PATH))]
        times = [_local(d, int(minutes[i]) + k) for k, d in enumerate(days)]
        reached = sum(1 for t in times if t < end)
        final = PATH[reached - 1]
        # A few closed clues take other roads: duplicates of one received before them.
        dup_of = None
        if final == "closed" and rng.random() < 0.03:
            earlier = np.flatnonzero(received[:i] <= received[i])
            if len(earlier):
                final, reached, dup_of = "duplicate", 2, int(earlier[int(rng.integers(0, len(earlier)))]) + 1
        lat = round(float(places.lat[v] + rng.normal(0, 0.003)), 6)
        lng = round(float(places.lng[v] + rng.normal(0, 0.003)), 6)
        steps = []
        prev = None
        for k in range(reached):
            state = PATH[k]
            if k == 0:
                actor = f"{received_by[source]} {places.grid_members[v]}" if source == "grid" else received_by[source]
                note = (vocab["grid_note"].format(town=places.town_names[v], village=places.names[v])
                        if source == "grid" else "")
            else:
                actor = CENTER if state in CENTER_STEPS else department_names[dept_id]
                note = ""
            steps.append((times[k], actor, prev, state, dept_id if k else None, note))
            prev = state
        if dup_of is not None:
            steps.append((times[1] + dt.timedelta(minutes=9), CENTER, prev, "duplicate", dept_id,
                          f"与线索 #{dup_of} 重复"))
        closed_at = _ts(steps[-1][0]) if final in ("closed", "duplicate") else None
        clues.append((
            cid, f"XS{rec_day:%Y%m%d}{cid:06d}", source, str(places.codes[v]),
            int(pop.ids[ent_pos[i]]) if known[i] else None, lat, lng, matter.id,
            texts[i], dept_id, None, final, _ts(times[0]), due[i].astype(dt.date).isoformat(), closed_at, dup_of,
        ))
        for at, actor, before, state, dept, note in steps:
            events.append((len(events) + 1, cid, _ts(at), actor, before, state, dept, note))
        if final == "closed" and known[i] and rng.random() < 0.08:
            filed = days[3]
            decided = filed + dt.timedelta(days=int(rng.integers(20, 100)))
            cases.append((len(cases) + 1, f"AJ{filed:%Y}{len(cases) + 1:06d}", cid,
                          int(pop.ids[ent_pos[i]]), dept_id, filed.isoformat(),
                          (filed + dt.timedelta(days=CASE_DECISION_DAYS)).isoformat(),
                          decided.isoformat() if decided <= spec.as_of else None,
                          "decided" if decided <= spec.as_of else "filed"))
    return ClueData(clues, events, cases)
