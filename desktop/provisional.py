"""Dates counted across a provisional year of the working-day calendar, shown one way everywhere.

A due date or a count of working days that reaches into a year no schedule file and no
package data cover is computed by the State Council's usual pattern and may be off by a day
or more (:func:`core.workdays.explain_provisional`). Every workspace marks such a date the
same way: the date followed by "(provisional)" and a tooltip with the full note (reason,
what may differ, the schedule file that would make it official) in the UI language::

    note = span_note(formed_on, due_on)
    item.setText(date_text(due_on, note))
    item.setToolTip(tooltip(note, lang))

A :class:`ProvisionalCaption` above a table says once why its marked dates are provisional.
"""
from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from core.workdays import ProvisionalNote, WorkdayCalendar, default_calendar, explain_provisional

translate = QCoreApplication.translate  # lupdate reads translate("Provisional", "text")
_AMBER = "#9a6700"


def calendar() -> WorkdayCalendar:
    """The calendar the dates on screen were computed with (the administrator's schedule files)."""
    return default_calendar()


def span_note(start: dt.date | None, end: dt.date | None) -> ProvisionalNote | None:
    """The note for a date counted from ``start`` to ``end`` (the working days in (start, end]),
    or None when every year it counts is official; with no ``start``, the year of ``end``."""
    if end is None:
        return None
    cal = calendar()
    if start is None or start >= end:
        return explain_provisional(end, cal)
    return explain_provisional(cal.provisional_years(start + dt.timedelta(days=1), end), cal)


def years_note(years) -> ProvisionalNote | None:
    """The note for the provisional ``years`` (e.g. ``ProvisionalRows.years``), or None when none."""
    years = tuple(years)
    return explain_provisional(years, calendar()) if years else None


def rows_note(rows) -> ProvisionalNote | None:
    """One note for every row whose ``provisional`` note is set (their years together), or None."""
    return years_note(sorted({y for r in rows if getattr(r, "provisional", None) for y in r.provisional.years}))


def clock_flags(items, today: dt.date):
    """Which clocks of the deadline engine rely on a provisional year as of ``today``
    (:func:`core.deadlines.provisional_rows` with this calendar)."""
    from core.deadlines import provisional_rows

    return provisional_rows(items, today, calendar())


def marker() -> str:
    """What follows a provisional date: " (provisional)", "（暂定）"."""
    return translate("Provisional", " (provisional)")


def date_text(day: dt.date | str | None, note: ProvisionalNote | None) -> str:
    """``day`` as ISO text, marked when ``note`` says it is provisional ("" for no date)."""
    if day is None:
        return ""
    text = day if isinstance(day, str) else day.isoformat()
    return text + marker() if note is not None and text else text


def tooltip(note: ProvisionalNote | None, lang: str) -> str:
    """The full note in ``lang`` (reason, what may differ, which file makes it official), or ""."""
    return "" if note is None else note.text(lang)


def date_html(day: dt.date | str | None, note: ProvisionalNote | None) -> str:
    """``date_text`` for rich text: the marker in amber (the caption or tooltip gives the note)."""
    text = "" if day is None else html.escape(day if isinstance(day, str) else day.isoformat())
    if note is None or not text:
        return text
    return f"{text}<span style='color:{_AMBER}'>{html.escape(marker())}</span>"


def caption_text(note: ProvisionalNote, lang: str) -> str:
    """One line for the top of a view: which dates are marked and why."""
    return translate("Provisional", "Dates marked “%1”: %2.") \
        .replace("%1", marker().strip()).replace("%2", note.reason(lang))


class ProvisionalCaption(QLabel):
    """The line that says why the marked dates of a view are provisional; hidden when none is.

    Its tooltip is the full note, naming the schedule file that would make them official."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="provisionalCaption", wordWrap=True)
        self.setStyleSheet(f"color: {_AMBER};")
        self.note: ProvisionalNote | None = None
        self.hide()

    def set_note(self, note: ProvisionalNote | None, lang: str) -> None:
        self.note = note
        self.setVisible(note is not None)
        self.setText("" if note is None else caption_text(note, lang))
        self.setToolTip(tooltip(note, lang))
