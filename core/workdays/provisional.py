"""Why a date is provisional, and which schedule file would make it official, for people.

A date counted across a year that no schedule file and no package data cover is computed
by the State Council's usual pattern (:func:`core.workdays.statutory.days_in_lieu`) and
flagged ``official=False``. :func:`explain_provisional` turns such a result into words
(Chinese and English) and names the file an administrator adds to make it official::

    due = cal.add_working_days(start, 5)
    note = explain_provisional(due, cal)
    if note is not None:
        show(note.text("zh_CN"))   # "2027 年节假日安排尚未公布，按国务院惯例推算。…"
"""
from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Union

from core.workdays.schedule_file import bundled_schedule_dir
from core.workdays.year_table import YearSource, package_years

if TYPE_CHECKING:
    from core.workdays.calendar import DayCount, DueDate, WorkdayCalendar

_FORMAT_DOC = "resources/calendar/README.md"
_DETAIL_ZH = "法定节假日休息，节日逢周末顺延补休；调休上班的周末和前后移休日无法推算，日期可能相差一天或数天"
_DETAIL_EN = (
    "statutory holidays are off and a holiday on a weekend gives the next working day off; make-up "
    "working weekends and moved rest days cannot be computed, so dates may be off by a day or more"
)

Subject = Union["DueDate", "DayCount", _dt.date, int, Iterable[int]]


@dataclass(frozen=True)
class ProvisionalNote:
    """The provisional years of a result, why they are provisional and what fixes it.

    ``folder`` is where the calendar reads the administrator's schedule files (the last
    folder it scans, which wins for a year); ``file_names`` are the files, one per year,
    that would make the years official (``2027.json``; format in
    ``resources/calendar/README.md``).
    """

    years: tuple[int, ...]
    reason_zh: str
    reason_en: str
    detail_zh: str
    detail_en: str
    action_zh: str
    action_en: str
    folder: Path
    file_names: tuple[str, ...]

    @property
    def files(self) -> tuple[Path, ...]:
        """The full paths of the schedule files that would make the years official."""
        return tuple(self.folder / name for name in self.file_names)

    def reason(self, lang: str = "zh_CN") -> str:
        """The one-line reason in ``lang`` (Chinese for ``zh*``, else English)."""
        return self.reason_zh if lang.startswith("zh") else self.reason_en

    def text(self, lang: str = "zh_CN") -> str:
        """Reason, what may differ and what to do, as one paragraph in ``lang``."""
        if lang.startswith("zh"):
            return f"{self.reason_zh}。{self.detail_zh}。{self.action_zh}。"
        return f"{_capital(self.reason_en)}. {_capital(self.detail_en)}. {_capital(self.action_en)}."


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _years_zh(years: tuple[int, ...]) -> str:
    return "、".join(str(y) for y in years) + " 年"


def _years_en(years: tuple[int | str, ...]) -> str:
    words = [str(y) for y in years]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _reasons(years: tuple[int, ...]) -> tuple[str, str]:
    known = package_years()
    later = tuple(y for y in years if y >= known.start)
    earlier = tuple(y for y in years if y < known.start)
    zh, en = [], []
    if later:
        plural = "schedules are" if len(later) > 1 else "schedule is"
        zh.append(f"{_years_zh(later)}节假日安排尚未公布，按国务院惯例推算")
        en.append(f"the {_years_en(later)} holiday {plural} not published yet; "
                  "computed by the State Council's usual pattern")
    if earlier:
        plural = "schedules are" if len(earlier) > 1 else "schedule is"
        zh.append(f"{_years_zh(earlier)}官方节假日安排未收录，按当年放假办法推算")
        en.append(f"the official {_years_en(earlier)} holiday {plural} not on file; "
                  "computed by the holiday rules of the time")
    return "；".join(zh), "; ".join(en)


def _years_of(subject: Subject, calendar: WorkdayCalendar) -> tuple[int, ...]:
    given = getattr(subject, "provisional_years", None)
    if isinstance(given, tuple):  # DueDate, DayCount: already the provisional ones
        return tuple(sorted(set(given)))
    if isinstance(subject, _dt.date):
        candidates: Iterable[int] = (subject.year,)
    elif isinstance(subject, int):
        candidates = (subject,)
    else:
        candidates = subject
    return tuple(sorted({int(y) for y in candidates if calendar.source_of(int(y)) is YearSource.PROVISIONAL}))


def schedule_folder(calendar: WorkdayCalendar) -> Path:
    """Where a new schedule file for ``calendar`` belongs: its last administrator folder
    (a later folder wins for a year), else the bundled ``resources/calendar/``."""
    if calendar.schedule_dirs:
        return calendar.schedule_dirs[-1]
    return Path(str(bundled_schedule_dir()))


def explain_provisional(subject: Subject, calendar: WorkdayCalendar | None = None) -> ProvisionalNote | None:
    """Explain why ``subject`` is provisional, or None when it is official.

    ``subject`` is a :class:`~core.workdays.DueDate` or :class:`~core.workdays.DayCount`
    (its ``provisional_years``), a date (its year), a year, or years; ``calendar`` defaults
    to :func:`core.workdays.default_calendar`.
    """
    if calendar is None:
        from core.workdays import default_calendar

        calendar = default_calendar()
    years = _years_of(subject, calendar)
    if not years:
        return None
    reason_zh, reason_en = _reasons(years)
    folder = schedule_folder(calendar)
    names = tuple(f"{y}.json" for y in years)
    files_zh = "、".join(names)
    files_en = _years_en(names)
    return ProvisionalNote(
        years=years,
        reason_zh=reason_zh,
        reason_en=reason_en,
        detail_zh=_DETAIL_ZH,
        detail_en=_DETAIL_EN,
        action_zh=f"把国务院办公厅公布的放假安排写成 {files_zh} 放入 {folder}（格式见 {_FORMAT_DOC}），"
                  "日期即成为正式日期",
        action_en=f"save the State Council's published schedule as {files_en} in {folder} (format in "
                  f"{_FORMAT_DOC}) and the dates become official",
        folder=folder,
        file_names=names,
    )
