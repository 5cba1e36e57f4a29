"""Provisional years: the State Council's pattern, measured against published years, and
the explanation given to people (core.workdays.statutory / year_table / provisional).

The published schedules are chinese_calendar's official data (premises), never the code
under test.
"""
from __future__ import annotations

import datetime as dt
import json

import chinese_calendar as cc
import pytest

from core.workdays import DayCount, WorkdayCalendar, explain_provisional
from core.workdays.schedule_file import bundled_schedule_dir
from core.workdays.statutory import days_in_lieu, provisional_days_off, statutory_holidays
from core.workdays.year_table import provisional_table

D = dt.date
ONE = dt.timedelta(days=1)
PACKAGE_KNOWS_2027 = max(cc.holidays).year >= 2027
needs_2027_unknown = pytest.mark.skipif(
    PACKAGE_KNOWS_2027, reason="installed chinesecalendar already has 2027; these tests need an unknown year"
)


def year_days(year: int) -> list[dt.date]:
    d, out = D(year, 1, 1), []
    while d.year == year:
        out.append(d)
        d += ONE
    return out


def differences(year: int) -> tuple[list[dt.date], list[dt.date]]:
    """(published days off the pattern makes working, published working days it makes off)."""
    table = provisional_table(year)
    off_missed = [d for d in year_days(year) if table.is_working(d) and not cc.is_workday(d)]
    work_missed = [d for d in year_days(year) if cc.is_workday(d) and not table.is_working(d)]
    return off_missed, work_missed


# ------------------------------------------------------------------ against published years

# Regression bound, measured with chinesecalendar 1.11.0 (also in resources/calendar/README.md).
# 2025: 5 published days off computed as working (Feb 3-4, May 5, Oct 7-8: rest days the State
#       Council moved next to a holiday) and 5 published working days computed as off
#       (Jan 26, Feb 8, Apr 27, Sep 28, Oct 11: the make-up weekends of 调休).
#       Statutory holidays alone, without 补休, gave 6 and 5 (Mon Jun 2, in lieu of the
#       Dragon Boat Festival on Saturday May 31, was missed).
# 2026: 6 (Jan 2, Feb 20, Feb 23, May 5, Oct 6-7) and 6 (Sun Jan 4, Feb 14, Feb 28, May 9,
#       Sep 20, Oct 10, all make-up weekends); statutory holidays alone gave 9 and 6 (Apr 6,
#       May 4 and Oct 5, in lieu of Qingming, Labour Day and National Day on a weekend).
BOUNDS = {2025: (5, 5), 2026: (6, 6)}


@pytest.mark.parametrize("year", sorted(BOUNDS))
def test_pattern_stays_close_to_the_published_schedule(year):
    off_missed, work_missed = differences(year)
    max_off, max_work = BOUNDS[year]
    assert len(off_missed) <= max_off, off_missed
    assert len(work_missed) <= max_work, work_missed
    # What the pattern gets wrong is only what it cannot know: every computed day off is a
    # published day off, and the published working days it misses are make-up weekends.
    assert all(d.weekday() >= 5 for d in work_missed), work_missed


@pytest.mark.parametrize("year", sorted(BOUNDS))
def test_days_in_lieu_of_2025_and_2026_are_published_days_off(year):
    lieu = days_in_lieu(year)
    assert lieu, "both years have a holiday on a weekend"
    assert all(not cc.is_workday(d) and d.weekday() < 5 for d in lieu), lieu


def test_known_days_in_lieu():
    assert days_in_lieu(2025) == {D(2025, 6, 2): "端午节（补休）"}  # Dragon Boat on Sat May 31
    assert days_in_lieu(2026) == {D(2026, 4, 6): "清明节（补休）", D(2026, 5, 4): "劳动节（补休）",
                                  D(2026, 10, 5): "国庆节（补休）"}
    # 2020: Mid-Autumn on National Day (the law counts both) and Sat Oct 3 give Oct 5 and 6,
    # both rest days in the published schedule.
    assert set(days_in_lieu(2020)) >= {D(2020, 10, 5), D(2020, 10, 6)}
    assert not cc.is_workday(D(2020, 10, 5)) and not cc.is_workday(D(2020, 10, 6))


def test_days_in_lieu_agree_with_every_published_year():
    # 2004-2026: 76 days in lieu computed, 74 of them rest days in the published schedule;
    # the State Council put the other two elsewhere (2012-06-25, 2015-09-28).
    computed = [d for year in range(2004, 2027) for d in days_in_lieu(year)]
    wrong = [d for d in computed if cc.is_workday(d)]
    assert len(computed) >= 70 and len(wrong) <= 2, wrong


def test_days_in_lieu_are_weekdays_after_their_holiday_and_not_holidays():
    for year in range(2000, 2100):
        holidays = statutory_holidays(year)
        for day, name in days_in_lieu(year).items():
            assert day.weekday() < 5 and day not in holidays and day.year == year, (year, day)
            assert name.endswith("（补休）")
        assert set(provisional_days_off(year)) == set(holidays) | set(days_in_lieu(year))


@needs_2027_unknown
def test_calendar_uses_the_pattern_for_an_unknown_year():
    cal = WorkdayCalendar()
    table = provisional_table(2027)
    assert all(cal.is_working_day(d) == table.is_working(d) for d in year_days(2027))
    assert not cal.is_working_day(D(2027, 5, 4))  # in lieu of Labour Day on Sunday May 2
    assert "补休" in cal.explain(2027) and "2027.json" in cal.explain(2027)


# ------------------------------------------------------------------ explanation for people

def schedule_2027() -> dict:
    return {"year": 2027, "source": "测试用（虚构）", "workdays": [],
            "holidays": [{"name": "元旦", "days": ["2027-01-01"]}]}


def test_official_results_need_no_explanation():
    cal = WorkdayCalendar()
    assert explain_provisional(cal.add_working_days(D(2025, 9, 30), 5), cal) is None
    assert explain_provisional(2025, cal) is None
    assert explain_provisional(D(2026, 3, 1), cal) is None


@needs_2027_unknown
def test_explains_a_provisional_due_date_and_names_the_file_that_fixes_it(tmp_path):
    admin = tmp_path / "admin"
    cal = WorkdayCalendar([tmp_path / "first", admin])
    due = cal.add_working_days(D(2026, 12, 30), 3)
    note = explain_provisional(due, cal)
    assert note.years == (2027,)
    assert note.reason_zh == "2027 年节假日安排尚未公布，按国务院惯例推算"
    assert note.reason_en == "the 2027 holiday schedule is not published yet; computed by the State Council's usual pattern"
    assert note.reason("zh_CN") == note.reason_zh and note.reason("en") == note.reason_en
    assert note.folder == admin and note.file_names == ("2027.json",) and note.files == (admin / "2027.json",)
    zh, en = note.text("zh_CN"), note.text("en")
    assert note.reason_zh in zh and "2027.json" in zh and str(admin) in zh and "补休" in zh
    assert en.startswith("The 2027 holiday schedule") and "2027.json" in en and str(admin) in en
    # The file it names is the one the calendar reads: writing it makes the date official.
    admin.mkdir()
    note.files[0].write_text(json.dumps(schedule_2027(), ensure_ascii=False), encoding="utf-8")
    cal.reload()
    again = cal.add_working_days(D(2026, 12, 30), 3)
    assert again.official and explain_provisional(again, cal) is None


@needs_2027_unknown
def test_explains_several_years_and_years_before_the_package():
    cal = WorkdayCalendar()
    count = cal.working_days_between(D(2026, 12, 1), D(2028, 3, 1))
    assert isinstance(count, DayCount) and not count.official
    note = explain_provisional(count, cal)
    assert note.years == (2027, 2028) and note.file_names == ("2027.json", "2028.json")
    assert note.reason_zh.startswith("2027、2028 年节假日安排尚未公布")
    assert "holiday schedules are not published yet" in note.reason_en
    # Without administrator folders, the file belongs in the bundled folder, which is read.
    assert str(note.folder) == str(bundled_schedule_dir())
    old = explain_provisional(D(2003, 5, 6), cal)
    assert old.years == (2003,) and old.reason_zh.startswith("2003 年官方节假日安排未收录")
    assert "not on file" in old.reason_en
    assert explain_provisional([2025, 2027, 2027], cal).years == (2027,)
