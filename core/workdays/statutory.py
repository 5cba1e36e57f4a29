"""Statutory public holidays computed from the rules, for years without an official schedule.

The rules are those of 全国年节及纪念日放假办法 as revised in 2024 (in force from 2025):
New Year's Day (1 day), Spring Festival (lunar New Year's Eve 除夕 through lunar 1/3, 4 days),
Qingming (the solar term day, 1 day), Labour Day (May 1-2), Dragon Boat (lunar 5/5),
Mid-Autumn (lunar 8/15) and National Day (Oct 1-3).

These are only the days the law itself fixes. Each year the State Council also moves rest
days around them and sets make-up working weekends (调休); those cannot be computed, which
is why a calendar built from this module is flagged provisional.
"""
from __future__ import annotations

import datetime as _dt

from lunardate import LunarDate

#: Years this module can compute: the Qingming formula below is the 21st-century one,
#: and lunardate covers 1900-2099.
FIRST_YEAR = 2000
LAST_YEAR = 2099

# 寿星公式 constants for 清明 in the 21st century: day = floor(Y*D + C) - floor(Y/4).
_QINGMING_C_21ST = 4.81
_SOLAR_TERM_D = 0.2422

NEW_YEAR = "元旦"
SPRING_FESTIVAL = "春节"
QINGMING = "清明节"
LABOUR_DAY = "劳动节"
DRAGON_BOAT = "端午节"
MID_AUTUMN = "中秋节"
NATIONAL_DAY = "国庆节"


def _check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"statutory holidays can only be computed for {FIRST_YEAR}-{LAST_YEAR}, not {year}")


def lunar_to_solar(year: int, month: int, day: int) -> _dt.date:
    """The Gregorian date of a (non-leap) lunar month/day in lunar year ``year``."""
    lunar = LunarDate(year, month, day)
    # lunardate 0.3 renamed toSolarDate and warns on the old name; 0.2 only has the old one.
    convert = getattr(lunar, "to_solar_date", None) or lunar.toSolarDate
    return convert()


def qingming(year: int) -> _dt.date:
    """The day of the Qingming solar term (清明, April 4 or 5) in ``year`` (2000-2099).

    Uses the 寿星 general formula ``[Y*D + C] - L`` with the 21st-century constant; it has
    no known exception for Qingming in 2000-2099.
    """
    _check_year(year)
    y = year % 100
    # int() truncates, which is floor here because both operands are non-negative.
    day = int(y * _SOLAR_TERM_D + _QINGMING_C_21ST) - y // 4
    return _dt.date(year, 4, day)


def lunar_new_year(year: int) -> _dt.date:
    """The Gregorian date of the Spring Festival (lunar 1/1) falling in ``year``."""
    _check_year(year)
    return lunar_to_solar(year, 1, 1)


def statutory_holidays(year: int) -> dict[_dt.date, str]:
    """Every statutory holiday day of ``year`` under the 2024 rules, mapped to its name.

    Days that fall on a weekend are included: they are still holidays, but the rest day the
    State Council would normally move to a weekday is not (it is not fixed by law).
    """
    _check_year(year)
    one_day = _dt.timedelta(days=1)
    days: dict[_dt.date, str] = {}

    def add(first: _dt.date, count: int, name: str) -> None:
        for i in range(count):
            # Mid-Autumn can land inside National Day; the earlier-listed name stays.
            days.setdefault(first + i * one_day, name)

    add(_dt.date(year, 1, 1), 1, NEW_YEAR)
    # The Eve is the day before lunar 1/1 whether the 12th lunar month has 29 or 30 days,
    # and lunar New Year never falls before Jan 21, so the Eve stays in the same year.
    add(lunar_new_year(year) - one_day, 4, SPRING_FESTIVAL)
    add(qingming(year), 1, QINGMING)
    add(_dt.date(year, 5, 1), 2, LABOUR_DAY)
    add(lunar_to_solar(year, 5, 5), 1, DRAGON_BOAT)
    add(lunar_to_solar(year, 8, 15), 1, MID_AUTUMN)
    add(_dt.date(year, 10, 1), 3, NATIONAL_DAY)
    return days
