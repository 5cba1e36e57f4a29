"""Counts for the efficiency monitor: per department, town, person or kind, and rankings.

Everything is one ``np.bincount`` over (group, level) pairs, so a summary of a million
clocks takes milliseconds. Functions take the level array of
:func:`~core.deadlines.levels.compute_levels` (or the whole
:class:`~core.deadlines.levels.Assessment`).

A ``period`` selects the clocks whose due day falls in it (inclusive): "the deadlines of
March", whether met, missed or still running. The counts of a row add up:
``total = done + open``, ``done = done_on_time + done_late`` and
``open = on_time + due_soon + overdue + seriously_overdue`` (``overdue`` does not include
the seriously overdue; ``overdue_all`` does).

Weekly trends, drill-down and the escalation list live in :mod:`core.deadlines.trend`
and :mod:`core.deadlines.drill` and are re-exported here.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from .drill import Escalation, drill_down, escalation_list
from .groups import (
    GROUPS,
    Period,
    decode_key,
    dense_codes,
    encode_key,
    group_codes,
    group_mask,
    levels_of,
    period_mask,
)
from .items import DeadlineItems
from .kinds import Kind
from .levels import Assessment, Level
from .trend import WeekRow, weekly_trend

_NL = len(Level)


@dataclass(frozen=True)
class GroupRow:
    """The clocks of one department, town, person or kind. ``key`` is the department id,
    the town code, the person id (in ``table``: users or inspectors) or the kind's key;
    None gathers rows with none (the shared push queue, an unknown town, no person)."""

    group: str
    key: int | str | None
    table: str | None
    total: int
    done: int
    done_on_time: int
    done_late: int
    open: int
    on_time: int
    due_soon: int
    overdue: int
    seriously_overdue: int
    on_time_rate: float | None  # done on time / done; None when nothing is done

    @property
    def overdue_all(self) -> int:
        return self.overdue + self.seriously_overdue


def _row(group: str, key, table, counts: np.ndarray) -> GroupRow:
    c = [int(x) for x in counts]
    done = c[Level.DONE_ON_TIME] + c[Level.DONE_LATE]
    opened = sum(c[k] for k in (Level.ON_TIME, Level.DUE_SOON, Level.OVERDUE, Level.SERIOUSLY_OVERDUE))
    return GroupRow(group, key, table, done + opened, done, c[Level.DONE_ON_TIME], c[Level.DONE_LATE], opened,
                    c[Level.ON_TIME], c[Level.DUE_SOON], c[Level.OVERDUE], c[Level.SERIOUSLY_OVERDUE],
                    c[Level.DONE_ON_TIME] / done if done else None)


def by_group(items: DeadlineItems, levels: np.ndarray | Assessment, group: str = "department",
             period: Period | None = None, *, kinds: Iterable[Kind] | None = None,
             mask: np.ndarray | None = None) -> list[GroupRow]:
    """One row per group that has clocks (in ``period``, of ``kinds``, within ``mask``),
    ordered by key with the "none" row last."""
    lv = levels_of(levels)
    codes = group_codes(items, group)
    keep = period_mask(items, period)
    if kinds is not None:
        by_kind = np.isin(items.kind, [int(k) for k in kinds])
        keep = by_kind if keep is None else keep & by_kind
    if mask is not None:
        keep = mask if keep is None else keep & mask
    if keep is not None:
        codes, lv = codes[keep], lv[keep]
    if not len(codes):
        return []
    uniq, inverse = dense_codes(codes)
    counts = np.bincount(inverse * _NL + lv, minlength=len(uniq) * _NL).reshape(len(uniq), _NL)
    rows = [_row(group, *decode_key(items, group, int(code)), counts[i]) for i, code in enumerate(uniq)]
    return sorted(rows, key=lambda r: (r.key is None, r.table or "", r.key if r.key is not None else 0))


RANK_METRICS = {"on_time_rate": True, "overdue_all": False, "seriously_overdue": False, "open": False,
                "done_late": False}  # metric -> higher is better


def rank_rows(rows: Iterable[GroupRow], metric: str = "on_time_rate", *,
              min_clocks: int = 0) -> list[tuple[int | None, GroupRow]]:
    """Rows best first as (rank, row); equal values share a rank (1, 2, 2, 4).

    Only rows with at least ``min_clocks`` clocks (the unit's volume: every clock it has in
    the period, done or open) are ranked: a department that closed its only clock on time
    is not placed above one that closed 400 of 415 on time. The rest come after the ranked
    with rank None, largest volume first: rows below the volume, rows without a value (no
    clock done yet) and, last, the "none" row (the shared queue, an unknown town, nobody).
    """
    if metric not in RANK_METRICS:
        raise ValueError(f"metric must be one of {', '.join(RANK_METRICS)}")
    higher = RANK_METRICS[metric]
    ranked, unranked = [], []
    for r in rows:
        value = getattr(r, metric)
        (unranked if value is None or r.key is None or r.total < min_clocks else ranked).append((value, r))
    ranked.sort(key=lambda vr: -vr[0] if higher else vr[0])
    unranked.sort(key=lambda vr: (vr[1].key is None, -vr[1].total))
    out: list[tuple[int | None, GroupRow]] = []
    for i, (value, r) in enumerate(ranked):
        rank = out[-1][0] if out and getattr(out[-1][1], metric) == value else i + 1
        out.append((rank, r))
    return out + [(None, r) for _, r in unranked]


def below_volume(rows: Iterable[GroupRow], min_clocks: int) -> int:
    """How many units (the "none" row aside) have fewer than ``min_clocks`` clocks: the ones
    :func:`rank_rows` leaves unranked for their volume."""
    return sum(1 for r in rows if r.key is not None and r.total < min_clocks)


@dataclass(frozen=True)
class ClaimRow:
    """Double-notification claims of one department (None: the shared queue).

    ``rate`` = claimed in time / (claimed + unclaimed past due): every push whose clock has
    run out or stopped. Pushes still within their 5 working days are ``pending`` and not in
    the rate. The seed's target is 100%.
    """

    department_id: int | None
    pushes: int
    claimed: int
    claimed_in_time: int
    claimed_late: int
    unclaimed_overdue: int
    pending: int
    rate: float | None

    @classmethod
    def total(cls, rows: Iterable[ClaimRow]) -> ClaimRow:
        """The city-wide row (``department_id`` None) summing ``rows``."""
        rows = list(rows)
        s = [sum(getattr(r, f) for r in rows) for f in ("pushes", "claimed", "claimed_in_time", "claimed_late",
                                                         "unclaimed_overdue", "pending")]
        settled = s[1] + s[4]
        return cls(None, *s, s[2] / settled if settled else None)


def claim_rate_in_time(items: DeadlineItems, levels: np.ndarray | Assessment,
                       period: Period | None = None) -> list[ClaimRow]:
    """Per department, how many pushes (due in ``period``) were claimed within the deadline."""
    rows = []
    for g in by_group(items, levels, "department", period, kinds=[Kind.PUSH_CLAIM]):
        settled = g.done + g.overdue_all
        rows.append(ClaimRow(g.key, g.total, g.done, g.done_on_time, g.done_late, g.overdue_all,
                             g.on_time + g.due_soon, g.done_on_time / settled if settled else None))
    return rows

__all__ = ["GROUPS", "ClaimRow", "Escalation", "GroupRow", "WeekRow", "below_volume", "by_group",
           "claim_rate_in_time", "decode_key", "drill_down", "encode_key", "escalation_list", "group_codes", "group_mask",
           "levels_of", "period_mask", "rank_rows", "weekly_trend"]
