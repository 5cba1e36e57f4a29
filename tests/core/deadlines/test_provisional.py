"""Which clocks rely on a provisional calendar year (core.deadlines.provisional_rows).

The expected flag comes from a slow per-row oracle written from the rules' wording and the
calendar's scalar ``provisional_years``, never from the vectorised code under test.
"""
from __future__ import annotations

import json

import numpy as np
import pytest

from core.deadlines import KINDS, Kind, provisional_rows
from core.deadlines.kinds import WORKING
from core.workdays import WorkdayCalendar, YearSource, explain_provisional

from .helpers import ONE, D, item, items

TODAY = D(2026, 12, 6)
needs_2027_unknown = pytest.mark.skipif(
    WorkdayCalendar().source_of(2027) is not YearSource.PROVISIONAL, reason="2027 must be unknown to the package"
)


def slow_flag(cal, kind: Kind, start, due, done, today) -> bool:
    """The days a clock counts, per the engine's rules, and whether any year is provisional."""
    spans = []
    if KINDS[kind].unit == WORKING and start is not None:
        spans.append((start + ONE, due))  # the due date: working days in (start, due]
    if done is not None and done <= today:
        if done > due:
            spans.append((due + ONE, done))  # working days late at completion
    elif today <= due:
        spans.append((today + ONE, due))  # working days left
    else:
        spans.append((due + ONE, today))  # working days overdue
    return any(a <= b and cal.provisional_years(a, b) for a, b in spans)


@needs_2027_unknown
def test_hand_made_clocks():
    cal = WorkdayCalendar()
    rows = [
        item(Kind.PUSH_CLAIM, start=D(2026, 11, 2), due=D(2026, 11, 9), done=D(2026, 11, 5)),  # all 2026
        item(Kind.PUSH_CLAIM, start=D(2026, 12, 28), due=D(2027, 1, 5)),  # due counted across 2027
        item(Kind.PUSH_CLAIM, start=D(2026, 12, 28), due=D(2027, 1, 5), done=D(2026, 12, 30)),  # still
        item(Kind.CASE_DECISION, start=D(2026, 10, 1), due=D(2026, 12, 30)),  # calendar days, open in 2026
        item(Kind.CASE_DECISION, start=D(2026, 11, 1), due=D(2027, 1, 30)),  # days left run into 2027
        item(Kind.CASE_DECISION, start=D(2026, 11, 1), due=D(2027, 1, 30), done=D(2026, 12, 1)),  # done on time
    ]
    flags = provisional_rows(items(*rows), TODAY, cal)
    assert flags.rows.tolist() == [False, True, True, False, True, False]
    assert flags.years == (2027,) and flags.any()
    assert explain_provisional(flags.years, cal).file_names == ("2027.json",)


@needs_2027_unknown
def test_agrees_with_the_slow_oracle_on_random_clocks():
    cal = WorkdayCalendar()
    rng = np.random.default_rng(5)
    rows, expected = [], []
    for _ in range(600):
        kind = Kind(int(rng.integers(len(Kind))))
        start = TODAY + int(rng.integers(-400, 60)) * ONE
        due = start + int(rng.integers(0, 120)) * ONE
        done = None if rng.random() < 0.4 else start + int(rng.integers(0, 160)) * ONE
        today = TODAY + int(rng.integers(-5, 5)) * ONE
        rows.append((item(kind, start=start, due=due, done=done), today))
        expected.append(slow_flag(cal, kind, start, due, done, today))
    assert 50 < sum(expected) < 550  # both answers are exercised
    # One "today" per call: group the rows by it.
    for today in sorted({t for _, t in rows}):
        picked = [i for i, (_, t) in enumerate(rows) if t == today]
        got = provisional_rows(items(*[rows[i][0] for i in picked]), today, cal)
        want = [expected[i] for i in picked]
        assert got.rows.tolist() == want, today
        assert got.years == ((2027,) if any(want) else ())


def test_a_schedule_file_for_the_year_clears_the_flag(tmp_path):
    (tmp_path / "2027.json").write_text(json.dumps(
        {"year": 2027, "source": "test", "workdays": [], "holidays": [{"name": "元旦", "days": ["2027-01-01"]}]}))
    cal = WorkdayCalendar([tmp_path])
    clocks = items(item(Kind.PUSH_CLAIM, start=D(2026, 12, 28), due=D(2027, 1, 5)))
    flags = provisional_rows(clocks, TODAY, cal)
    assert flags.rows.tolist() == [False] and flags.years == () and not flags.any()


@needs_2027_unknown
def test_years_are_only_those_touched():
    cal = WorkdayCalendar()
    clocks = items(
        item(Kind.PUSH_CLAIM, start=D(2027, 3, 1), due=D(2027, 3, 8), done=D(2027, 3, 3)),
        item(Kind.PUSH_CLAIM, start=D(2029, 5, 1), due=D(2029, 5, 9), done=D(2029, 5, 8)),
        item(Kind.PUSH_CLAIM, start=D(2003, 5, 1), due=D(2003, 5, 9), done=D(2003, 5, 9)),
        item(Kind.CASE_DECISION, start=D(2028, 1, 1), due=D(2028, 3, 30), done=D(2028, 3, 1)),
    )
    flags = provisional_rows(clocks, D(2029, 5, 20), cal)
    assert flags.rows.tolist() == [True, True, True, False]
    assert flags.years == (2003, 2027, 2029)  # not 2028: its only clock counts calendar days
