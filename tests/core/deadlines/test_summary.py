"""Summaries, rankings, claim rates, weekly trends, drill-down and the escalation list."""
from __future__ import annotations

import numpy as np
import pytest

from core.deadlines import (
    ClaimRow,
    DeadlineItems,
    Kind,
    Level,
    assess,
    by_group,
    claim_rate_in_time,
    day_number,
    drill_down,
    escalation_list,
    rank_rows,
    weekly_trend,
)
from core.deadlines.summary import GroupRow, below_volume
from core.workdays import WorkdayCalendar

from .helpers import TOWNS, D, item, items

TODAY = D(2025, 11, 20)  # a Thursday


@pytest.fixture(scope="module")
def cal() -> WorkdayCalendar:
    return WorkdayCalendar()


@pytest.fixture(scope="module")
def sample():
    """Three departments, two towns, a shared queue and a few people."""
    rows = [
        # department 1: two pushes claimed on time, one late, one pending not yet due
        item(Kind.PUSH_CLAIM, due=D(2025, 11, 3), done=D(2025, 11, 3), department=1, town=TOWNS[0]),
        item(Kind.PUSH_CLAIM, due=D(2025, 11, 10), done=D(2025, 11, 7), department=1, town=TOWNS[0]),
        item(Kind.PUSH_CLAIM, due=D(2025, 11, 10), done=D(2025, 11, 12), department=1, town=TOWNS[1]),
        item(Kind.PUSH_CLAIM, due=D(2025, 11, 25), department=1, town=TOWNS[1]),
        # shared queue: one unclaimed, seriously overdue
        item(Kind.PUSH_CLAIM, due=D(2025, 10, 20), town=TOWNS[1]),
        # department 2: a clue overdue 1 working day, one seriously overdue, one due today
        item(Kind.CLUE_HANDLING, due=D(2025, 11, 19), department=2, town=TOWNS[0], person=7),
        item(Kind.CLUE_HANDLING, due=D(2025, 11, 5), department=2, town=TOWNS[0], person=7),
        item(Kind.CLUE_HANDLING, due=TODAY, department=2, person=8),
        # department 3: an inspection done on time by inspector 7 (not the same person as user 7)
        item(Kind.INSPECTION_TASK, due=D(2025, 11, 14), done=D(2025, 11, 13), department=3, town=TOWNS[1], person=7),
        # a case seriously overdue for much longer
        item(Kind.CASE_DECISION, due=D(2025, 9, 1), department=3, town=TOWNS[1]),
    ]
    return items(*rows)


def test_every_row_adds_up(sample, cal):
    a = assess(sample, TODAY, cal)
    for group in ("department", "town", "person", "kind"):
        rows = by_group(sample, a, group)
        assert sum(r.total for r in rows) == len(sample)
        for r in rows:
            assert r.total == r.done + r.open
            assert r.done == r.done_on_time + r.done_late
            assert r.open == r.on_time + r.due_soon + r.overdue + r.seriously_overdue
            assert r.on_time_rate == (r.done_on_time / r.done if r.done else None)


def test_department_rows(sample, cal):
    a = assess(sample, TODAY, cal)
    rows = {r.key: r for r in by_group(sample, a, "department")}
    assert list(rows) == [1, 2, 3, None]  # the shared queue last
    d1 = rows[1]
    assert (d1.total, d1.done, d1.done_on_time, d1.done_late, d1.on_time) == (4, 3, 2, 1, 1)
    assert d1.on_time_rate == pytest.approx(2 / 3) and d1.table == "departments"
    d2 = rows[2]
    assert (d2.overdue, d2.seriously_overdue, d2.due_soon, d2.on_time_rate) == (1, 1, 1, None)
    assert rows[None].seriously_overdue == 1 and rows[None].table is None


def test_people_of_different_tables_are_not_merged(sample, cal):
    rows = by_group(sample, assess(sample, TODAY, cal), "person")
    keys = [(r.table, r.key, r.total) for r in rows]
    assert keys == [("inspectors", 7, 1), ("users", 7, 2), ("users", 8, 1), (None, None, 6)]


def test_town_and_kind_keys_are_codes(sample, cal):
    a = assess(sample, TODAY, cal)
    assert [r.key for r in by_group(sample, a, "town")] == [TOWNS[0], TOWNS[1], None]
    assert {r.key for r in by_group(sample, a, "kind")} == {"push_claim", "clue_handling", "inspection_task",
                                                             "case_decision"}


def test_a_period_selects_the_clocks_due_in_it(sample, cal):
    a = assess(sample, TODAY, cal)
    rows = by_group(sample, a, "kind", (D(2025, 11, 1), D(2025, 11, 10)))
    assert {r.key: r.total for r in rows} == {"push_claim": 3, "clue_handling": 1}
    assert sum(r.total for r in by_group(sample, a, "department", (TODAY, TODAY))) == 1


def test_ranking_shares_places_and_puts_the_unranked_last():
    def row(key, on_time, done):
        return GroupRow("department", key, "departments", done, done, on_time, done - on_time, 0, 0, 0, 0, 0,
                        on_time / done if done else None)
    rows = [row(1, 1, 2), row(2, 2, 2), row(3, 2, 4), row(4, 0, 0), row(None, 5, 5), row(5, 4, 4)]
    ranked = rank_rows(rows)
    assert [(rank, r.key) for rank, r in ranked] == [(1, 2), (1, 5), (3, 1), (3, 3), (None, 4), (None, None)]
    assert [r.key for rank, r in rank_rows(rows, min_clocks=3) if rank] == [5, 3]
    with pytest.raises(ValueError):
        rank_rows(rows, "speed")


def test_only_units_with_enough_clocks_are_ranked_the_rest_follow_by_volume():
    """Units with 1-4 clocks all at 100% do not rank above one with 415 clocks: the
    threshold counts every clock of the unit (done or open), not only those done."""
    def row(key, total, done, on_time):
        return GroupRow("department", key, "departments", total, done, on_time, done - on_time, total - done,
                        total - done, 0, 0, 0, on_time / done if done else None)
    small = [row(k, k, k, k) for k in range(1, 5)]              # 1-4 clocks, all done on time
    big = row(10, 415, 300, 280)                                 # 115 still open, 93.3%
    busy = row(11, 60, 5, 5)                                     # few done yet, but a real volume
    empty = row(12, 30, 0, 0)                                    # nothing done: no rate
    rows = [*small, big, busy, row(None, 50, 50, 50), empty]
    assert [r.key for rank, r in rank_rows(rows) if rank == 1] == [1, 2, 3, 4, 11]  # today's complaint
    ranked = rank_rows(rows, min_clocks=20)
    assert [(rank, r.key) for rank, r in ranked] == [
        (1, 11), (2, 10), (None, 12), (None, 4), (None, 3), (None, 2), (None, 1), (None, None)]
    assert below_volume(rows, 20) == 4
    assert below_volume(rows, 0) == 0


def test_claim_rate_counts_unclaimed_overdue_pushes_as_misses(sample, cal):
    a = assess(sample, TODAY, cal)
    rows = {r.department_id: r for r in claim_rate_in_time(sample, a)}
    d1 = rows[1]
    assert (d1.pushes, d1.claimed, d1.claimed_in_time, d1.claimed_late, d1.pending) == (4, 3, 2, 1, 1)
    assert d1.rate == pytest.approx(2 / 3)
    assert rows[None].unclaimed_overdue == 1 and rows[None].rate == 0.0
    total = ClaimRow.total(rows.values())
    assert (total.pushes, total.claimed_in_time, total.rate) == (5, 2, pytest.approx(2 / 4))
    assert set(rows) == {1, None}  # only pushes count


def test_weekly_trend(sample, cal):
    a = assess(sample, TODAY, cal)
    weeks = weekly_trend(sample, a, 4)
    assert [w.week_start for w in weeks] == [D(2025, 10, 27), D(2025, 11, 3), D(2025, 11, 10), D(2025, 11, 17)]
    assert [w.iso_week for w in weeks] == [44, 45, 46, 47]
    by_week = {w.week_start: w for w in weeks}
    # Week of 11-03: claimed 11-03 (on time) and 11-07 (on time); week of 11-10: 11-12 late, 11-13 on time.
    assert (by_week[D(2025, 11, 3)].done, by_week[D(2025, 11, 3)].on_time_rate) == (2, 1.0)
    assert (by_week[D(2025, 11, 10)].done, by_week[D(2025, 11, 10)].done_on_time) == (2, 1)
    # Overdue opened: the late claim (first late day 11-11) and the clue due 11-05 (11-06);
    # the clue due 11-19 went late on 11-20 (this week).
    assert by_week[D(2025, 11, 10)].overdue_opened == 1
    assert by_week[D(2025, 11, 3)].overdue_opened == 1
    assert by_week[D(2025, 11, 17)].overdue_opened == 1
    only = weekly_trend(sample, a, 4, group="department", key=2)
    assert sum(w.overdue_opened for w in only) == 2 and sum(w.done for w in only) == 0
    with pytest.raises(ValueError):
        weekly_trend(sample, a.levels, 4)


def test_drill_down_gives_kinds_and_ids(sample, cal):
    a = assess(sample, TODAY, cal)
    dd = drill_down(sample, a, levels_in=[Level.OVERDUE, Level.SERIOUSLY_OVERDUE])
    assert [(int(k), int(i)) for k, i in zip(dd.kinds, dd.item_ids)] == [
        (Kind.CLUE_HANDLING, 6), (Kind.CLUE_HANDLING, 7), (Kind.PUSH_CLAIM, 5), (Kind.CASE_DECISION, 10)]
    assert {k: v.tolist() for k, v in dd.by_kind().items()} == {
        Kind.CLUE_HANDLING: [6, 7], Kind.PUSH_CLAIM: [5], Kind.CASE_DECISION: [10]}
    town = drill_down(sample, a, group="town", key=TOWNS[1], kinds=[Kind.PUSH_CLAIM])
    assert town.item_ids.tolist() == [3, 4, 5]
    assert len(drill_down(sample, a, group="person", key=7, table="inspectors")) == 1
    assert len(drill_down(sample, a, period=(TODAY, TODAY))) == 1
    assert drill_down(sample, a, limit=2).item_ids.tolist() == [6, 7]


def test_escalation_list_is_longest_overdue_first(sample, cal):
    a = assess(sample, TODAY, cal)
    esc = escalation_list(sample, a)
    assert [(e.kind, e.item_id) for e in esc] == [(Kind.CASE_DECISION, 10), (Kind.PUSH_CLAIM, 5),
                                                  (Kind.CLUE_HANDLING, 7)]
    assert esc[0].working_days_overdue > esc[1].working_days_overdue > esc[2].working_days_overdue >= 5
    assert esc[2].person_id == 7 and esc[2].person_table == "users" and esc[2].town_code == TOWNS[0]
    assert esc[1].department_id is None and esc[0].due == D(2025, 9, 1)
    assert len(escalation_list(sample, a, limit=1)) == 1


def test_summaries_of_a_million_rows_add_up_and_are_quick(cal):
    import time

    rng = np.random.default_rng(3)
    n = 1_000_000
    due = day_number(D(2025, 1, 1)) + rng.integers(0, 330, n)
    big = DeadlineItems(kind=rng.integers(0, 6, n), item_id=np.arange(n), entity=np.full(n, -1),
                        department=rng.integers(-1, 29, n), town=rng.integers(-1, 3, n),
                        person=rng.integers(-1, 5000, n), start=due - 5, due=due,
                        done=np.where(rng.random(n) < 0.7, due + rng.integers(-9, 4, n), -1), flags=np.zeros(n),
                        town_codes=TOWNS)
    a = assess(big, TODAY, cal)
    t = time.perf_counter()
    rows = {g: by_group(big, a, g) for g in ("department", "town", "person")}
    elapsed = time.perf_counter() - t
    for rs in rows.values():
        assert sum(r.total for r in rs) == n
        per_level = np.bincount(a.levels, minlength=6)
        assert sum(r.seriously_overdue for r in rs) == per_level[Level.SERIOUSLY_OVERDUE]
    assert elapsed < 1.0
    assert len(rows["department"]) == 30 and rows["department"][-1].key is None


def test_an_empty_selection_gives_no_rows(sample, cal):
    a = assess(sample, TODAY, cal)
    assert by_group(sample, a, "department", (D(2030, 1, 1), D(2030, 1, 2))) == []
    assert escalation_list(sample, a, mask=np.zeros(len(sample), bool)) == []
    with pytest.raises(ValueError):
        by_group(sample, a, "village")
