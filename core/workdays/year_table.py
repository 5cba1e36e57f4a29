"""One year's working days, built from the best source known for that year.

Sources, best first: an administrator's schedule file, the official data bundled in the
``chinesecalendar`` package, and, failing both, the State Council's usual pattern computed
from the law: statutory holidays plus days off in lieu (provisional: make-up working
weekends and other moved rest days are unknown).
"""
from __future__ import annotations

import datetime as _dt
import enum
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata

import chinese_calendar

from core.workdays.schedule_file import YearSchedule
from core.workdays.statutory import FIRST_YEAR, LAST_YEAR, provisional_days_off, rules_for


class YearSource(enum.StrEnum):
    """Where a year's working days come from."""

    PACKAGE = "package"
    SCHEDULE_FILE = "schedule_file"
    PROVISIONAL = "provisional"


@dataclass(frozen=True)
class YearTable:
    """The working days of one year.

    ``mask[i]`` is 1 when day ``i`` of the year (0 = Jan 1) is a working day;
    ``ordinals`` are the working days as ``date.toordinal()`` values, ascending.
    """

    year: int
    source: YearSource
    jan1: int
    mask: bytes
    ordinals: tuple[int, ...]
    note: str

    def is_working(self, day: _dt.date) -> bool:
        """Whether ``day`` (which must lie in this year) is a working day."""
        return bool(self.mask[day.toordinal() - self.jan1])


@lru_cache(maxsize=1)
def package_years() -> range:
    """The years for which the installed ``chinesecalendar`` has official data."""
    # chinese_calendar itself accepts exactly min..max of its holiday table.
    return range(min(chinese_calendar.holidays).year, max(chinese_calendar.holidays).year + 1)


@lru_cache(maxsize=1)
def package_version() -> str:
    """The installed ``chinesecalendar`` version, for notes shown to users."""
    try:
        return metadata.version("chinesecalendar")
    except metadata.PackageNotFoundError:
        return "(unknown version)"


def check_year(year: int) -> None:
    """Refuse a year no source can describe."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"working days are only known for {FIRST_YEAR}-{LAST_YEAR}, not {year}")


def _days(year: int) -> list[_dt.date]:
    first = _dt.date(year, 1, 1)
    count = (_dt.date(year + 1, 1, 1) - first).days
    return [first + _dt.timedelta(days=i) for i in range(count)]


def _table(year: int, source: YearSource, working: list[bool], note: str) -> YearTable:
    jan1 = _dt.date(year, 1, 1).toordinal()
    ordinals = tuple(jan1 + i for i, w in enumerate(working) if w)
    return YearTable(year, source, jan1, bytes(working), ordinals, note)


def _from_package(year: int) -> YearTable:
    # Same rule as chinese_calendar.is_workday, read straight from its tables: the
    # function re-validates the year on every call, too slow for whole years in a loop.
    holidays, workdays = chinese_calendar.holidays, chinese_calendar.workdays
    working = [d in workdays or (d.weekday() < 5 and d not in holidays) for d in _days(year)]
    note = (
        f"{year}: official State Council holiday schedule, from the chinesecalendar "
        f"package {package_version()}."
    )
    return _table(year, YearSource.PACKAGE, working, note)


def _from_schedule(schedule: YearSchedule) -> YearTable:
    holidays, workdays = schedule.holidays, schedule.workdays
    working = [d in workdays or (d.weekday() < 5 and d not in holidays) for d in _days(schedule.year)]
    note = f"{schedule.year}: official schedule from file {schedule.path} ({schedule.source})."
    return _table(schedule.year, YearSource.SCHEDULE_FILE, working, note)


def provisional_table(year: int, schedule_hint: str = "") -> YearTable:
    """``year`` computed by the State Council's usual pattern, whatever the package knows:
    weekends, the statutory holidays and their days off in lieu (补休) are off.

    Used for years no schedule file and no package data cover, and to measure how close the
    pattern comes to published years. ``schedule_hint`` is appended to the note.
    """
    check_year(year)
    off = provisional_days_off(year)
    working = [d.weekday() < 5 and d not in off for d in _days(year)]
    note = (
        f"{year} is provisional: no official holiday schedule is known, so it follows the State "
        f"Council's usual pattern: weekends and the statutory holidays of "
        f"{rules_for(year).title_zh} are off, and a holiday on a weekend gives the next working "
        f"day off (补休); make-up working weekends and other moved rest days (调休) are unknown. "
        f"Add a schedule file {year}.json{schedule_hint} once the State Council publishes it."
    )
    return _table(year, YearSource.PROVISIONAL, working, note)


def build_year_table(year: int, schedule: YearSchedule | None, schedule_hint: str = "") -> YearTable:
    """The working-day table of ``year``: from ``schedule`` if given, else the package, else
    provisional. ``schedule_hint`` is appended to the provisional note (e.g. a folder)."""
    check_year(year)
    if schedule is not None:
        return _from_schedule(schedule)
    if year in package_years():
        return _from_package(year)
    return provisional_table(year, schedule_hint)
