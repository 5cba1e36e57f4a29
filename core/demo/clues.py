"""Open and closed clues with their event logs, and the cases some of them became."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from core.workdays import WorkdayCalendar

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
CASE_DECISION_DAYS = 90  # 行政处罚法 Art. 60: natural days from filing


@dataclass(frozen=True)
class ClueData:
    clues: list[tuple]
    events: list[tuple]
    cases: list[tuple]


def _ts(day: dt.date, minutes: int) -> str:
    # UTC wall time in the form both SQLite (SQLAlchemy's format) and PostgreSQL COPY accept.
    return f"{dt.datetime.combine(day, dt.time(8, 30)) + dt.timedelta(minutes=minutes):%Y-%m-%d %H:%M:%S}"


def generate_clues(spec: DemoSpec, pop: Frozen, vocab: dict, village_lat: np.ndarray,
                   village_lng: np.ndarray, village_codes: np.ndarray,
                   matters: list[tuple[int, int]], calendar: WorkdayCalendar) -> ClueData:
    """Clues for ~3% of entities; ``matters`` is [(matter id, department id)]."""
    rng = spec.rng(STREAM_CLUES, 0)
    n = max(20, int(len(pop) * 0.03))
    sources = list(vocab["sources"])
    p = np.array([vocab["sources"][s] for s in sources])
    source_idx = rng.choice(len(sources), size=n, p=p / p.sum())
    age_days = np.minimum(rng.exponential(160, n), 3 * 365).astype(np.int64)
    received = np.datetime64(spec.as_of, "D") - age_days
    due = np.empty(n, dtype="datetime64[D]")
    for k, s in enumerate(sources):
        sel = source_idx == k
        due[sel] = calendar.add_working_days_many(received[sel], int(vocab["handling_working_days"][s]))
    ent_pos = rng.integers(0, len(pop), n)
    known = rng.random(n) > 0.08  # some clues name a place before anyone knows the entity
    matter_pick = rng.integers(0, len(matters), n)
    descriptions = vocab["descriptions"]
    desc_idx = rng.integers(0, len(descriptions), n)
    minutes = rng.integers(0, 480, n)
    handling_days = rng.gamma(2.0, 4.0, n)  # calendar days actually taken per step
    late = rng.random(n) < 0.12
    clues, events, cases = [], [], []
    for i in range(n):
        cid = i + 1
        v = int(pop.village_idx[ent_pos[i]])
        rec_day = received[i].astype(dt.date)
        matter_id, dept_id = matters[matter_pick[i]]
        step = handling_days[i] * (2.5 if late[i] else 1.0) / 4
        times = [rec_day + dt.timedelta(days=int(round(step * k))) for k in range(len(PATH))]
        reached = sum(1 for t in times if t <= spec.as_of)
        final = PATH[reached - 1]
        # A few closed clues take other roads: duplicates and returns.
        dup_of = None
        if final == "closed" and i > 10 and rng.random() < 0.03:
            final, reached, dup_of = "duplicate", 2, int(rng.integers(1, i))
        lat = round(float(village_lat[v] + rng.normal(0, 0.003)), 6)
        lng = round(float(village_lng[v] + rng.normal(0, 0.003)), 6)
        closed_at = _ts(times[-1], int(minutes[i])) if final in ("closed", "duplicate") else None
        clues.append((
            cid, f"XS{rec_day:%Y%m%d}{cid:06d}", sources[source_idx[i]], str(village_codes[v]),
            int(pop.ids[ent_pos[i]]) if known[i] else None, lat, lng, matter_id,
            descriptions[desc_idx[i]], dept_id, None, final, _ts(rec_day, int(minutes[i])),
            due[i].astype(dt.date).isoformat(), closed_at, dup_of,
        ))
        prev = None
        for k in range(reached):
            state = PATH[k]
            events.append((len(events) + 1, cid, _ts(times[k], int(minutes[i]) + k), "demo",
                           prev, state, dept_id if k else None, ""))
            prev = state
        if dup_of is not None:
            events.append((len(events) + 1, cid, _ts(times[1], int(minutes[i]) + 9), "demo", prev,
                           "duplicate", dept_id, f"与线索 #{dup_of} 重复"))
        if final == "closed" and known[i] and rng.random() < 0.08:
            filed = times[3]
            decided = filed + dt.timedelta(days=int(rng.integers(20, 100)))
            cases.append((len(cases) + 1, f"AJ{filed:%Y}{len(cases) + 1:06d}", cid,
                          int(pop.ids[ent_pos[i]]), dept_id, filed.isoformat(),
                          (filed + dt.timedelta(days=CASE_DECISION_DAYS)).isoformat(),
                          decided.isoformat() if decided <= spec.as_of else None,
                          "decided" if decided <= spec.as_of else "filed"))
    return ClueData(clues, events, cases)
