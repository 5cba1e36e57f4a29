"""Working-day calendar for statutory deadlines (行政处罚法 Art. 85: periods are working days).

Usage::

    cal = WorkdayCalendar([admin_schedule_folder])
    due = cal.add_working_days(date(2025, 9, 30), 5)   # DueDate(date(2025, 10, 14), official=True, ...)

Years come from administrator schedule files, else the ``chinesecalendar`` package, else
are computed provisionally by the State Council's usual pattern: statutory holidays and days
off in lieu (flagged ``official=False``; :func:`explain_provisional` says why, in words).
"""
import functools

from core.workdays.calendar import DayCount, DueDate, WorkdayCalendar
from core.workdays.provisional import ProvisionalNote, explain_provisional
from core.workdays.schedule_file import YearSchedule, load_schedules, parse_schedule, read_schedule_file
from core.workdays.statutory import days_in_lieu, lunar_new_year, qingming, statutory_holidays
from core.workdays.year_table import YearSource


@functools.lru_cache(maxsize=1)
def default_calendar() -> WorkdayCalendar:
    """The working-day calendar with the administrator's schedule files (one per process)."""
    from core.paths import calendar_schedule_dir

    return WorkdayCalendar([calendar_schedule_dir()])


__all__ = [
    "DayCount",
    "default_calendar",
    "days_in_lieu",
    "DueDate",
    "explain_provisional",
    "WorkdayCalendar",
    "YearSchedule",
    "YearSource",
    "load_schedules",
    "lunar_new_year",
    "parse_schedule",
    "ProvisionalNote",
    "qingming",
    "read_schedule_file",
    "statutory_holidays",
]
