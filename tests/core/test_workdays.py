"""Tests of the working-day calendar (core.workdays).

Expected dates come from the official data in chinese_calendar (checked as premises), from
published almanac dates, or from a brute-force day-by-day count over chinese_calendar, never
from the code under test.
"""
from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import chinese_calendar as cc
import numpy as np
import pytest

from core.errors import ConfigError
from core.workdays import DayCount, DueDate, WorkdayCalendar, YearSource
from core.workdays.statutory import lunar_new_year, qingming, statutory_holidays

D = dt.date
ONE = dt.timedelta(days=1)
PACKAGE_KNOWS_2027 = max(cc.holidays).year >= 2027
needs_2027_unknown = pytest.mark.skipif(
    PACKAGE_KNOWS_2027, reason="installed chinesecalendar already has 2027; these tests need an unknown year"
)


@pytest.fixture(scope="module")
def cal() -> WorkdayCalendar:
    return WorkdayCalendar()


def oracle_add(start: dt.date, n: int) -> dt.date:
    """Art. 85 counted by hand over chinese_calendar, one day at a time."""
    d = start
    if n == 0:
        while not cc.is_workday(d):
            d += ONE
        return d
    while n:
        d += ONE
        n -= cc.is_workday(d)
    return d


def write_schedule(folder: Path, name: str, content: object) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    text = content if isinstance(content, str) else json.dumps(content, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    return path


def days(first: str, last: str) -> list[str]:
    a, b = D.fromisoformat(first), D.fromisoformat(last)
    return [(a + i * ONE).isoformat() for i in range((b - a).days + 1)]


# A made-up 2027 arrangement (the real one is not published yet): Spring Festival Fri Feb 5
# to Sat Feb 13, with Sunday Feb 14 and Saturday Feb 20 as make-up working days.
SCHEDULE_2027 = {
    "year": 2027,
    "source": "测试用 2027 年安排（虚构）",
    "holidays": [
        {"name": "元旦", "days": days("2027-01-01", "2027-01-03")},
        {"name": "春节", "days": days("2027-02-05", "2027-02-13")},
    ],
    "workdays": ["2027-02-14", "2027-02-20"],
}


# ------------------------------------------------------------------ package years

def test_premises_2025_national_day_in_package_data():
    assert all(not cc.is_workday(D(2025, 10, d)) for d in range(1, 9))
    assert cc.is_workday(D(2025, 10, 11)) and D(2025, 10, 11).weekday() == 5


def test_five_working_days_across_2025_national_day(cal):
    # Oct 1-8 off; Oct 9 Thu, 10 Fri, 11 Sat (make-up), 13 Mon, 14 Tue.
    assert cal.add_working_days(D(2025, 9, 30), 5) == DueDate(D(2025, 10, 14), True, ())
    assert oracle_add(D(2025, 9, 30), 5) == D(2025, 10, 14)


def test_make_up_saturday_counts(cal):
    assert cal.is_working_day(D(2025, 10, 11))
    assert not cal.is_working_day(D(2025, 10, 12))
    assert cal.add_working_days(D(2025, 10, 10), 1).date == D(2025, 10, 11)
    assert cal.add_working_days(D(2025, 10, 11), 1).date == D(2025, 10, 13)


def test_premises_2026_spring_festival_in_package_data():
    assert all(not cc.is_workday(D(2026, 2, d)) for d in range(15, 24))
    assert cc.is_workday(D(2026, 2, 14)) and cc.is_workday(D(2026, 2, 28))
    assert D(2026, 2, 14).weekday() == 5 and D(2026, 2, 28).weekday() == 5


@pytest.mark.parametrize(
    ("start", "n", "due"),
    [
        (D(2026, 2, 12), 1, D(2026, 2, 13)),
        (D(2026, 2, 13), 1, D(2026, 2, 14)),  # make-up Saturday before the holiday
        (D(2026, 2, 12), 3, D(2026, 2, 24)),  # 13, 14, then Feb 15-23 off, 24
        (D(2026, 2, 20), 4, D(2026, 2, 27)),
        (D(2026, 2, 20), 5, D(2026, 2, 28)),  # make-up Saturday after the holiday
        (D(2026, 2, 20), 6, D(2026, 3, 2)),
    ],
)
def test_deadlines_across_2026_spring_festival(cal, start, n, due):
    assert oracle_add(start, n) == due
    assert cal.add_working_days(start, n) == DueDate(due, True, ())


def test_zero_days_is_start_or_next_working_day(cal):
    assert cal.add_working_days(D(2025, 10, 9), 0).date == D(2025, 10, 9)
    assert cal.add_working_days(D(2025, 10, 1), 0).date == D(2025, 10, 9)
    assert cal.add_working_days(D(2025, 10, 11), 0).date == D(2025, 10, 11)


def test_refuses_negative_n(cal):
    with pytest.raises(ValueError):
        cal.add_working_days(D(2025, 1, 1), -1)


def test_accepts_datetime(cal):
    assert cal.add_working_days(dt.datetime(2025, 9, 30, 17, 45), 5).date == D(2025, 10, 14)


def test_matches_brute_force_over_package_years(cal):
    rng = np.random.default_rng(7)
    first = D(2004, 1, 1).toordinal()
    span = D(2026, 10, 1).toordinal() - first
    for _ in range(400):
        start = D.fromordinal(first + int(rng.integers(span)))
        n = int(rng.integers(0, 40))
        assert cal.add_working_days(start, n).date == oracle_add(start, n), (start, n)


def test_every_package_day_agrees_with_chinese_calendar(cal):
    for year in range(2004, 2027):
        assert cal.source_of(year) is YearSource.PACKAGE
        d = D(year, 1, 1)
        while d.year == year:
            assert cal.is_working_day(d) == cc.is_workday(d), d
            d += ONE


# ------------------------------------------------------------------ provisional years

@needs_2027_unknown
def test_deadline_into_2027_skips_new_year_and_is_provisional(cal):
    # Dec 31 Thu, Jan 1 Fri (New Year's Day), Jan 2-3 weekend, Jan 4 Mon, Jan 5 Tue.
    assert cal.source_of(2027) is YearSource.PROVISIONAL
    assert cal.add_working_days(D(2026, 12, 30), 3) == DueDate(D(2027, 1, 5), False, (2027,))
    assert cal.add_working_days(D(2026, 12, 28), 3) == DueDate(D(2026, 12, 31), True, ())


@needs_2027_unknown
def test_explain_says_provisional_and_what_to_do(cal):
    note = cal.explain(2027)
    assert "2027" in note and "provisional" in note and "schedule file" in note
    assert "\n" not in note
    assert "provisional" not in cal.explain(2025)


@needs_2027_unknown
@pytest.mark.parametrize(
    ("day", "working"),
    [
        (D(2027, 1, 1), False),  # New Year's Day, a Friday
        (D(2027, 2, 5), False),  # 除夕 (lunar new year is Sat Feb 6), Friday
        (D(2027, 2, 8), False),  # lunar 1/3, Monday
        (D(2027, 2, 9), False),  # in lieu of lunar 1/1 (Saturday Feb 6): Tuesday
        (D(2027, 2, 10), False),  # in lieu of lunar 1/2 (Sunday Feb 7): Wednesday
        (D(2027, 2, 11), True),  # Thursday: the Spring Festival is over
        (D(2027, 4, 5), False),  # Qingming, Monday
        (D(2027, 5, 3), False),  # Labour Day May 1-2 is a weekend: Monday and Tuesday in lieu
        (D(2027, 5, 4), False),
        (D(2027, 5, 5), True),
        (D(2027, 6, 9), False),  # Dragon Boat, lunar 5/5, Wednesday
        (D(2027, 9, 15), False),  # Mid-Autumn, lunar 8/15, Wednesday
        (D(2027, 10, 4), False),  # in lieu of Oct 2-3 (weekend): Monday and Tuesday
        (D(2027, 10, 5), False),
        (D(2027, 10, 6), True),  # National Day is Oct 1-3 only; Wednesday
        (D(2027, 1, 9), False),  # an ordinary Saturday: no make-up days are known
    ],
)
def test_provisional_2027_days(cal, day, working):
    assert cal.is_working_day(day) is working


def test_qingming_matches_almanac():
    known = {2019: 5, 2020: 4, 2021: 4, 2022: 5, 2023: 5, 2024: 4, 2025: 4, 2026: 5, 2027: 5, 2028: 4}
    for year, day in known.items():
        assert qingming(year) == D(year, 4, day), year


def test_qingming_is_the_tomb_sweeping_holiday_in_package_data():
    for year in range(2008, 2027):
        assert cc.get_holiday_detail(qingming(year)) == (True, "Tomb-sweeping Day"), year


def test_lunar_holidays_2027():
    assert lunar_new_year(2027) == D(2027, 2, 6)
    spring = sorted(d for d, name in statutory_holidays(2027).items() if name == "春节")
    assert spring == [D(2027, 2, 5), D(2027, 2, 6), D(2027, 2, 7), D(2027, 2, 8)]
    assert len(statutory_holidays(2027)) == 13  # 1 + 4 + 1 + 2 + 1 + 1 + 3, none overlap in 2027


def test_statutory_rules_agree_with_package_data():
    # Each year's statutory days under the rules then in force (1999, 2007, 2013 and 2024
    # revisions) are all rest days in the official schedule, e.g. no Eve in 2014-2024 (Thu
    # 2014-01-30 was a working day) and three days of Labour Day before 2008.
    for year in range(2004, 2027):
        working = [d for d in statutory_holidays(year) if cc.is_workday(d)]
        assert working == [], year
    assert cc.is_workday(D(2014, 1, 30)) and D(2014, 1, 30) not in statutory_holidays(2014)
    assert D(2007, 5, 3) in statutory_holidays(2007) and D(2008, 5, 2) not in statutory_holidays(2008)


# ------------------------------------------------------------------ schedule files

@needs_2027_unknown
def test_schedule_file_makes_2027_official(tmp_path, cal):
    write_schedule(tmp_path, "2027.json", SCHEDULE_2027)
    with_file = WorkdayCalendar([tmp_path])
    assert with_file.source_of(2027) is YearSource.SCHEDULE_FILE
    # Dec 31, then Jan 1-3 off, Jan 4, Jan 5: same date here, but now official.
    assert with_file.add_working_days(D(2026, 12, 30), 3) == DueDate(D(2027, 1, 5), True, ())
    # The file's make-up Sunday counts; provisionally Feb 11 (after two days in lieu) is next.
    assert with_file.add_working_days(D(2027, 2, 4), 1) == DueDate(D(2027, 2, 14), True, ())
    assert cal.add_working_days(D(2027, 2, 4), 1).date == D(2027, 2, 11)
    assert with_file.add_working_days(D(2027, 2, 19), 1).date == D(2027, 2, 20)
    assert not with_file.is_working_day(D(2027, 2, 12))
    assert "2027.json" in with_file.explain(2027)


@needs_2027_unknown
def test_reload_picks_up_new_file_and_keeps_old_data_on_bad_file(tmp_path):
    calendar = WorkdayCalendar([tmp_path / "missing-yet"])
    assert not calendar.add_working_days(D(2027, 2, 4), 1).official
    write_schedule(tmp_path / "missing-yet", "2027.json", SCHEDULE_2027)
    calendar.reload()
    assert calendar.add_working_days(D(2027, 2, 4), 1) == DueDate(D(2027, 2, 14), True, ())
    write_schedule(tmp_path / "missing-yet", "2028.json", "{not json")
    with pytest.raises(ConfigError):
        calendar.reload()
    assert calendar.add_working_days(D(2027, 2, 4), 1) == DueDate(D(2027, 2, 14), True, ())


def test_schedule_file_overrides_package(tmp_path):
    fix = {"year": 2025, "source": "correction", "workdays": [],
           "holidays": [{"name": "国庆节", "days": days("2025-10-01", "2025-10-09")}]}
    write_schedule(tmp_path, "2025.json", fix)
    calendar = WorkdayCalendar([tmp_path])
    assert calendar.source_of(2025) is YearSource.SCHEDULE_FILE
    assert not calendar.is_working_day(D(2025, 10, 9))
    assert not calendar.is_working_day(D(2025, 10, 11))  # the file has no make-up days
    assert calendar.add_working_days(D(2025, 9, 30), 1) == DueDate(D(2025, 10, 10), True, ())


def test_later_folder_wins_for_the_same_year(tmp_path):
    first = {"year": 2025, "source": "a", "workdays": [], "holidays": [{"name": "x", "days": ["2025-03-03"]}]}
    second = {"year": 2025, "source": "b", "workdays": [], "holidays": [{"name": "y", "days": ["2025-03-04"]}]}
    write_schedule(tmp_path / "a", "2025.json", first)
    write_schedule(tmp_path / "b", "2025.json", second)
    calendar = WorkdayCalendar([tmp_path / "a", tmp_path / "b"])
    assert calendar.is_working_day(D(2025, 3, 3)) and not calendar.is_working_day(D(2025, 3, 4))


def test_two_files_for_one_year_in_one_folder_are_refused(tmp_path):
    write_schedule(tmp_path, "2027.json", SCHEDULE_2027)
    write_schedule(tmp_path, "2027-copy.json", SCHEDULE_2027)
    with pytest.raises(ConfigError, match="two schedule files"):
        WorkdayCalendar([tmp_path])


def _bad(**changes: object) -> dict:
    content = json.loads(json.dumps(SCHEDULE_2027))
    content.update(changes)
    return content


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"year": 2027,\n "source": "x",\n "holidays": [}', "line 3"),
        ('{"year": 2027, "year": 2028, "source": "x", "holidays": [], "workdays": []}', "twice"),
        ({k: v for k, v in SCHEDULE_2027.items() if k != "workdays"}, "workdays"),
        (_bad(extra=1), "extra"),
        (_bad(year="2027"), "year"),
        (_bad(source=""), "source"),
        (_bad(holidays=[]), "holidays"),
        (_bad(holidays=[{"name": "元旦", "days": ["2027-1-1"]}]), "holidays[0].days[0]"),
        (_bad(holidays=[{"name": "元旦", "days": ["2027-02-30"]}]), "holidays[0].days[0]"),
        (_bad(holidays=[{"name": "元旦", "days": ["2026-12-31"]}]), "declared year"),
        (_bad(holidays=[{"name": "元旦", "days": ["2027-01-01"], "note": "?"}]), "holidays[0]"),
        (_bad(holidays=[{"name": "a", "days": ["2027-01-01"]}, {"name": "b", "days": ["2027-01-01"]}]),
         "holidays[1].days[0]"),
        (_bad(workdays=["2027-02-13"]), "also a holiday"),
        (_bad(workdays=["2027-02-15"]), "workdays[0]"),  # a Monday
        (_bad(workdays=["2027-02-20", "2027-02-20"]), "workdays[1]"),
        (_bad(workdays="2027-02-20"), "workdays"),
    ],
)
def test_malformed_file_is_refused_naming_file_and_field(tmp_path, content, expected):
    write_schedule(tmp_path, "2027.json", SCHEDULE_2027)  # a good file is not applied either
    write_schedule(tmp_path, "broken-2028.json", content)
    with pytest.raises(ConfigError) as info:
        WorkdayCalendar([tmp_path])
    assert "broken-2028.json" in str(info.value)
    assert expected in str(info.value)


def test_bom_and_non_json_files_are_accepted_and_ignored(tmp_path):
    (tmp_path / "2027.json").write_bytes(b"\xef\xbb\xbf" + json.dumps(SCHEDULE_2027).encode())
    (tmp_path / "notes.txt").write_text("not a schedule")
    assert WorkdayCalendar([tmp_path]).source_of(2027) is YearSource.SCHEDULE_FILE


# ------------------------------------------------------------------ counting and arrays

def test_working_days_between(cal):
    assert cal.working_days_between(D(2025, 9, 30), D(2025, 10, 14)) == DayCount(5, True, ())
    assert cal.working_days_between(D(2026, 2, 13), D(2026, 2, 28)) == DayCount(6, True, ())
    assert cal.working_days_between(D(2025, 10, 14), D(2025, 10, 14)).days == 0
    assert cal.working_days_between(D(2025, 10, 14), D(2025, 9, 30)).days == 0


@needs_2027_unknown
def test_working_days_between_flags_provisional_years(cal):
    count = cal.working_days_between(D(2026, 12, 30), D(2027, 1, 5))
    assert count == DayCount(3, False, (2027,))


def test_working_days_array(cal):
    got = cal.working_days(D(2025, 10, 8), D(2025, 10, 13))
    assert got.dtype == np.dtype("datetime64[D]")
    assert got.tolist() == [D(2025, 10, 9), D(2025, 10, 10), D(2025, 10, 11), D(2025, 10, 13)]
    got[:] = np.datetime64("2000-01-01")  # a copy: the calendar must not change
    assert cal.add_working_days(D(2025, 10, 8), 1).date == D(2025, 10, 9)
    assert cal.working_days(D(2025, 10, 2), D(2025, 10, 1)).size == 0


def test_between_inverts_add_on_random_starts(cal):
    rng = np.random.default_rng(3)
    base = D(2024, 1, 1)
    for _ in range(300):
        start = base + int(rng.integers(0, 4 * 365)) * ONE
        n = int(rng.integers(1, 60))
        due = cal.add_working_days(start, n)
        count = cal.working_days_between(start, due.date)
        assert count.days == n and count.official == due.official
        assert count.days == cal.working_days(start + ONE, due.date).size


def _random_starts(size: int, seed: int) -> np.ndarray:
    lo, hi = np.datetime64("2024-01-01").astype(np.int64), np.datetime64("2027-12-31").astype(np.int64)
    return np.random.default_rng(seed).integers(lo, hi + 1, size).astype("datetime64[D]")


@pytest.mark.parametrize("n", [0, 1, 5, 22, 300])
def test_vectorized_agrees_with_scalar(cal, n):
    starts = _random_starts(2000, seed=n)
    dues, official = cal.add_working_days_many_official(starts, n)
    assert np.array_equal(dues, cal.add_working_days_many(starts, n))
    for start, due, ok in zip(starts.tolist(), dues.tolist(), official.tolist()):
        scalar = cal.add_working_days(start, n)
        assert (due, ok) == (scalar.date, scalar.official), (start, n)


def test_vectorized_edge_rows(cal):
    starts = np.array([["2025-09-30", "NaT"], ["1999-06-01", "2026-02-13"]], dtype="datetime64[D]")
    dues, official = cal.add_working_days_many_official(starts, 1)
    assert dues.shape == (2, 2)
    assert dues[0, 0] == np.datetime64("2025-10-09") and dues[1, 1] == np.datetime64("2026-02-14")
    assert np.isnat(dues[0, 1]) and np.isnat(dues[1, 0])
    assert official.tolist() == [[True, False], [False, True]]
    ns = np.array(["2025-09-30T10:00"], dtype="datetime64[ns]")
    assert cal.add_working_days_many(ns, 5)[0] == np.datetime64("2025-10-14")


def test_vectorized_million_rows_is_fast(cal):
    starts = _random_starts(1_000_000, seed=11)
    cal.add_working_days_many(starts[:10], 10)  # year tables built once, outside the timing
    began = time.perf_counter()
    dues = cal.add_working_days_many(starts, 10)
    assert time.perf_counter() - began < 1.0
    assert not np.isnat(dues).any() and (dues > starts).all()
