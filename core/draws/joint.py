"""Joint visits (进一次门、查多项事): one visit per entity where several departments' windows overlap.

优化营商环境条例 Art. 54 asks that checks of one entity by several departments be merged
into one visit. ``merge_joint_visits`` goes through the visits in the given order; a
visit joins the first earlier (merged) visit to the same entity whose window overlaps
its own (both ends inclusive), otherwise it starts a new one. A merged visit unites the
departments, team members and matters (first appearance order, no duplicates); its
window is the intersection of the windows; its lead department and batch label are
those of the earliest-starting visit merged into it (the first one on a tie). Merged
visits keep the position of their first visit.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["Visit", "merge_joint_visits"]


@dataclass(frozen=True)
class Visit:
    """An inspection visit to one entity by one or more departments within a window."""

    batch: str
    entity_id: int
    department_ids: tuple[int, ...]
    lead_department_id: int
    window: tuple[dt.date, dt.date]
    team: tuple[tuple[int, int], ...]     # (inspector_id, department_id)
    matter_ids: tuple[int, ...] = ()


def _overlap(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _unite(first: tuple, second: tuple) -> tuple:
    return tuple(dict.fromkeys(first + second))


def _merge(a: Visit, b: Visit, lead: Visit) -> Visit:
    return Visit(
        batch=lead.batch, entity_id=a.entity_id,
        department_ids=_unite(a.department_ids, b.department_ids),
        lead_department_id=lead.lead_department_id,
        window=(max(a.window[0], b.window[0]), min(a.window[1], b.window[1])),
        team=_unite(a.team, b.team), matter_ids=_unite(a.matter_ids, b.matter_ids))


def merge_joint_visits(visits: Iterable[Visit]) -> list[Visit]:
    """Visits with those to the same entity in overlapping windows merged into one joint visit."""
    merged: list[Visit] = []
    leads: list[Visit] = []             # the earliest-starting visit merged into merged[i]
    by_entity: dict[int, list[int]] = {}
    for visit in visits:
        for i in by_entity.get(visit.entity_id, ()):
            if _overlap(merged[i].window, visit.window):
                if visit.window[0] < leads[i].window[0]:
                    leads[i] = visit
                merged[i] = _merge(merged[i], visit, leads[i])
                break
        else:
            by_entity.setdefault(visit.entity_id, []).append(len(merged))
            merged.append(visit)
            leads.append(visit)
    return merged
