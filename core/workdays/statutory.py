"""Statutory public holidays computed from the rules, for years without an official schedule.

The rules are those of 全国年节及纪念日放假办法 in force in the year asked for (see
:data:`RULES`). From 2025 (2024 revision): New Year's Day (1 day), Spring Festival
(lunar New Year's Eve 除夕 through lunar 1/3, 4 days), Qingming (the solar term day, 1 day),
Labour Day (May 1-2), Dragon Boat (lunar 5/5), Mid-Autumn (lunar 8/15) and National Day
(Oct 1-3).

Besides these days the law fixes one more thing (Art. 6 in every revision): a holiday of
all citizens that falls on a Saturday or Sunday is made up on a working day (补假). The
State Council gives it as the next working day (补休, :func:`days_in_lieu`). What cannot
be computed is the rest of its yearly arrangement: rest days moved next to a holiday and
the weekends worked in exchange (调休), which is why a calendar built from this module is
flagged provisional.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from lunardate import LunarDate

#: Years this module can compute: the Qingming formula below is the 21st-century one,
#: and lunardate covers 1900-2099.
FIRST_YEAR = 2000
LAST_YEAR = 2099

# 寿星公式 constants for 清明 in the 21st century: day = floor(Y*D + C) - floor(Y/4).
_QINGMING_C_21ST = 4.81
_SOLAR_TERM_D = 0.2422
_ONE_DAY = _dt.timedelta(days=1)

NEW_YEAR = "元旦"
SPRING_FESTIVAL = "春节"
QINGMING = "清明节"
LABOUR_DAY = "劳动节"
DRAGON_BOAT = "端午节"
MID_AUTUMN = "中秋节"
NATIONAL_DAY = "国庆节"
IN_LIEU_SUFFIX = "（补休）"


@dataclass(frozen=True)
class HolidayRules:
    """One revision of 全国年节及纪念日放假办法: the statutory days it gives.

    ``spring_from_eve``: the Spring Festival starts on lunar New Year's Eve (else on lunar
    1/1); ``traditional``: Qingming, Dragon Boat and Mid-Autumn are holidays.
    """

    first_year: int
    revision: int
    spring_from_eve: bool
    spring_days: int
    labour_days: int
    traditional: bool

    @property
    def title_zh(self) -> str:
        return f"全国年节及纪念日放假办法（{self.revision} 年修订）"


#: The revisions in force from 2000 on, oldest first; each applies from ``first_year``.
RULES: tuple[HolidayRules, ...] = (
    HolidayRules(2000, 1999, spring_from_eve=False, spring_days=3, labour_days=3, traditional=False),
    HolidayRules(2008, 2007, spring_from_eve=True, spring_days=3, labour_days=1, traditional=True),
    HolidayRules(2014, 2013, spring_from_eve=False, spring_days=3, labour_days=1, traditional=True),
    HolidayRules(2025, 2024, spring_from_eve=True, spring_days=4, labour_days=2, traditional=True),
)


def _check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"statutory holidays can only be computed for {FIRST_YEAR}-{LAST_YEAR}, not {year}")


def rules_for(year: int) -> HolidayRules:
    """The revision of the holiday rules in force in ``year``."""
    _check_year(year)
    return [r for r in RULES if r.first_year <= year][-1]


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


def _statutory_entries(year: int) -> list[tuple[_dt.date, str]]:
    """Every (day, holiday) the law gives in ``year``, by date; a day two holidays share
    (Mid-Autumn inside National Day) is listed once for each."""
    rules = rules_for(year)
    entries: list[tuple[_dt.date, str]] = []

    def add(first: _dt.date, count: int, name: str) -> None:
        entries.extend((first + i * _ONE_DAY, name) for i in range(count))

    add(_dt.date(year, 1, 1), 1, NEW_YEAR)
    # The Eve is the day before lunar 1/1 whether the 12th lunar month has 29 or 30 days,
    # and lunar New Year never falls before Jan 21, so the Eve stays in the same year.
    new_year = lunar_new_year(year)
    add(new_year - _ONE_DAY if rules.spring_from_eve else new_year, rules.spring_days, SPRING_FESTIVAL)
    if rules.traditional:
        add(qingming(year), 1, QINGMING)
    add(_dt.date(year, 5, 1), rules.labour_days, LABOUR_DAY)
    if rules.traditional:
        add(lunar_to_solar(year, 5, 5), 1, DRAGON_BOAT)
        add(lunar_to_solar(year, 8, 15), 1, MID_AUTUMN)
    add(_dt.date(year, 10, 1), 3, NATIONAL_DAY)
    entries.sort(key=lambda e: e[0])  # stable: on a shared day the earlier-listed name leads
    return entries


def statutory_holidays(year: int) -> dict[_dt.date, str]:
    """Every statutory holiday day of ``year`` under the rules then in force, with its name.

    Days that fall on a weekend are included: they are still holidays; the day off in lieu
    they give is in :func:`days_in_lieu`.
    """
    days: dict[_dt.date, str] = {}
    for day, name in _statutory_entries(year):
        # Mid-Autumn can land inside National Day; the earlier-listed name stays.
        days.setdefault(day, name)
    return days


def days_in_lieu(year: int) -> dict[_dt.date, str]:
    """The days off in lieu (补休) the State Council gives for ``year``'s statutory holidays.

    Art. 6 of the rules: a holiday falling on a Saturday or Sunday is made up on a working
    day. Each such day, and each day two holidays share (the law counts both), gives the
    next Monday-Friday that is neither a holiday nor already given in lieu, in date order;
    the day is named after its holiday with the suffix ``（补休）``.
    """
    entries = _statutory_entries(year)
    off = {day for day, _ in entries}
    seen: set[_dt.date] = set()
    lieu: dict[_dt.date, str] = {}
    for day, name in entries:
        shared = day in seen
        seen.add(day)
        if day.weekday() < 5 and not shared:
            continue
        free = day + _ONE_DAY
        while free.weekday() >= 5 or free in off:
            free += _ONE_DAY
        off.add(free)
        lieu[free] = name + IN_LIEU_SUFFIX
    return lieu


def provisional_days_off(year: int) -> dict[_dt.date, str]:
    """The weekdays and weekend days off a provisional ``year`` has besides ordinary weekends:
    the statutory holidays and the days off in lieu, each with its name."""
    return {**statutory_holidays(year), **days_in_lieu(year)}
