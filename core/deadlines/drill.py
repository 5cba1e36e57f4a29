"""From a count to its rows: which clocks are behind a figure, and which to escalate.

The efficiency monitor shows counts; a click asks "which ones?". :func:`drill_down`
answers with ``(kind, item id)`` pairs the UI fetches from each kind's own table (clues,
pushes, verifications, tasks, batches, cases). :func:`escalation_list` is the leadership's
list: seriously overdue clocks, longest overdue first.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from .groups import Period, encode_key, group_codes, period_mask
from .items import DeadlineItems, day_date
from .kinds import KINDS, Kind
from .levels import Assessment, Level


@dataclass(frozen=True, eq=False)
class DrillDown:
    """The rows behind a figure, ordered by kind then item id. ``rows`` index ``items``."""

    rows: np.ndarray
    kinds: np.ndarray  # int8 Kind codes
    item_ids: np.ndarray  # int64 ids in each kind's table (results_publication: the task id)

    def __len__(self) -> int:
        return len(self.rows)

    def by_kind(self) -> dict[Kind, np.ndarray]:
        """Item ids per kind, for one query per table."""
        return {Kind(k): self.item_ids[self.kinds == k] for k in np.unique(self.kinds)}


def drill_down(items: DeadlineItems, levels, *, levels_in: Iterable[Level] | None = None,
               kinds: Iterable[Kind] | None = None, group: str | None = None, key=None,
               table: str | None = None, period: Period | None = None, mask: np.ndarray | None = None,
               limit: int | None = None) -> DrillDown:
    """The clocks matching every criterion given: levels, kinds, one group row (``group``,
    ``key``, ``table`` as in ``GroupRow``), due in ``period``, an extra boolean ``mask``."""
    lv = levels.levels if isinstance(levels, Assessment) else np.asarray(levels)
    keep = np.ones(len(items), dtype=bool) if mask is None else np.asarray(mask, dtype=bool).copy()
    if levels_in is not None:
        keep &= np.isin(lv, [int(x) for x in levels_in])
    if kinds is not None:
        keep &= np.isin(items.kind, [int(k) for k in kinds])
    if group is not None:
        keep &= group_codes(items, group) == encode_key(items, group, key, table)
    in_period = period_mask(items, period)
    if in_period is not None:
        keep &= in_period
    rows = np.flatnonzero(keep)
    rows = rows[np.lexsort((items.item_id[rows], items.kind[rows]))]
    if limit is not None:
        rows = rows[:limit]
    return DrillDown(rows, items.kind[rows], items.item_id[rows])


def _opt(v) -> int | None:
    return None if v < 0 else int(v)


@dataclass(frozen=True)
class Escalation:
    """One seriously overdue clock for the leadership's list."""

    kind: Kind
    item_id: int
    department_id: int | None
    town_code: str | None
    person_id: int | None
    person_table: str | None
    entity_id: int | None
    due: dt.date
    working_days_overdue: int


def escalation_list(items: DeadlineItems, assessment: Assessment, limit: int = 100, *,
                    mask: np.ndarray | None = None) -> list[Escalation]:
    """Seriously overdue clocks, most working days overdue first (then earliest due,
    kind, id), at most ``limit``. Needs the :class:`Assessment` for the overdue days."""
    keep = assessment.levels == Level.SERIOUSLY_OVERDUE
    if mask is not None:
        keep &= mask
    rows = np.flatnonzero(keep)
    over = assessment.overdue_days[rows]
    rows = rows[np.lexsort((items.item_id[rows], items.kind[rows], items.due[rows], -over.astype(np.int64)))]
    out = []
    for r in rows[:limit].tolist():
        kind = Kind(int(items.kind[r]))
        person, town = int(items.person[r]), int(items.town[r])
        out.append(Escalation(kind, int(items.item_id[r]), _opt(items.department[r]),
                              items.town_codes[town] if town >= 0 else None, _opt(person),
                              KINDS[kind].person_table if person >= 0 else None, _opt(items.entity[r]),
                              day_date(items.due[r]), int(assessment.overdue_days[r])))
    return out
