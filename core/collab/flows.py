"""Case flows: where clues come from, which department they go to (and on to), how they end,
and how long each stage takes, per department.

Band node keys: ``src:<source>`` (a clue source as stored: grid, hotline, department, model,
inspection), ``dept:<id>`` (the department a clue was first routed to; ``dept:none`` while
unrouted), ``xfer:<id>`` (the department it ended with after transfers or returns, when
another), ``out:<outcome>``. Stage times are working days from the step before to the stage
(the time it took to reach it), so the slowest stage names where time is lost.
"""
from __future__ import annotations

from dataclasses import dataclass

from core.db.database import Database
from core.db.models.enums import ClueSource

from .period import Period

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
        slowest stage over all departments; None when nothing has a duration."""
        for per_department in (True, False):
            timed = [st for st in self.stages if st.median_days is not None
                     and (st.department_id is not None) == per_department
                     and (st.count >= SLOWEST_MIN_COUNT or not per_department)]
            if timed:
                return max(timed, key=lambda st: (st.median_days, st.count, -STAGES.index(st.stage)))
        return None

    def band(self, source: str, target: str) -> FlowBand | None:
        return next((b for b in self.bands if b.source == source and b.target == target), None)


def build_flow(db: Database, period: Period, *, source: str | None = None, matter: int | None = None,
               town: str | None = None, department: int | None = None, viewer: object | None = None) -> CaseFlow:
    """The flow of the clues received in ``period`` (Beijing days), filtered by source,
    matter id, town code and department (first routed to, or handled after a transfer)."""
    raise NotImplementedError
