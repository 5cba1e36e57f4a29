"""Stage times in fractional working days: the working-day clock between two moments, and
the planted slow claim (core.demo.collab) as the slowest stage of a year of the demo city."""
import datetime as dt

import numpy as np
from sqlalchemy import select

from core.collab import STAGES, Period, build_flow
from core.collab.stats import WorkingDays
from core.db.models import Department
from core.demo.collab import SLOW_DEPARTMENT
from core.workdays import default_calendar


def moments(*texts):
    return np.array(texts, dtype="datetime64[s]")


def test_the_working_day_clock_counts_hours_and_skips_days_off():
    wd = WorkingDays(default_calendar(), dt.date(2025, 3, 1), dt.date(2025, 3, 31))  # no holidays
    got = wd.elapsed(
        moments("2025-03-03T10:00", "2025-03-03T10:00", "2025-03-07T18:00", "2025-03-08T11:00",
                "2025-03-05T12:00", "NaT"),
        moments("2025-03-03T16:00", "2025-03-04T09:00", "2025-03-10T06:00", "2025-03-10T12:00",
                "2025-03-04T12:00", "2025-03-05T12:00"))
    assert np.allclose(got[:5], [0.25,              # six hours of one Monday
                                 23 / 24,           # Monday 10:00 to Tuesday 9:00
                                 0.5,               # Friday 18:00 to Monday 6:00: the weekend is off
                                 0.5,               # a Saturday moment waits for Monday 0:00
                                 0.0])              # an end before its start counts nothing
    assert np.isnan(got[5])
    # Whole days agree with the day count the graph uses.
    days = np.array(["2025-03-03", "2025-03-07"], dtype="datetime64[D]")
    ends = np.array(["2025-03-05", "2025-03-11"], dtype="datetime64[D]")
    assert np.array_equal(wd.elapsed(days.astype("datetime64[s]"), ends.astype("datetime64[s]")),
                          wd.between(days, ends))


def test_the_planted_slow_claim_is_the_slowest_stage_of_a_year(demo_db):
    with demo_db.sessions() as s:
        slow = s.scalar(select(Department.id).where(Department.name_zh == SLOW_DEPARTMENT))
    flow = build_flow(demo_db, Period.year(2026))
    stage = flow.slowest_stage()
    assert (stage.stage, stage.department_id) == ("claimed", slow)
    assert STAGES[STAGES.index(stage.stage) - 1] == "assigned"  # the step assigned -> claimed
    others = [st.median_days for st in flow.stages if st.stage == "claimed" and st.count >= 3
              and st.department_id not in (None, slow)]
    assert others and stage.median_days > 3 * max(others)
    # Fractional working days: the medians are no longer all whole days.
    timed = [st.median_days for st in flow.stages if st.median_days is not None]
    assert any(m != round(m) for m in timed)
    overall = {st.stage: st for st in flow.stages if st.department_id is None}
    assert overall["claimed"].p90_days == max(st.p90_days for st in overall.values() if st.p90_days is not None)
