"""Holiday schedule files: one JSON file per year, written by an administrator.

The State Council publishes next year's holiday schedule each winter, long before a new
``chinesecalendar`` release may reach every workstation, so an administrator can drop a
file like this into a schedule folder::

    {"year": 2027,
     "source": "国务院办公厅关于2027年部分节假日安排的通知",
     "holidays": [{"name": "元旦", "days": ["2027-01-01"]}],
     "workdays": ["2027-02-07"]}

Files are validated strictly and as a whole: a malformed file raises
:class:`~core.errors.ConfigError` naming the file and the field (or the line, for JSON
syntax errors), and nothing from it is used. The format is documented for administrators
in ``resources/calendar/README.md``.
"""
from __future__ import annotations

import datetime as _dt
import json
import re
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Iterable, Sequence

from core.errors import ConfigError
from core.workdays.statutory import FIRST_YEAR, LAST_YEAR

_KEYS = ("year", "source", "holidays", "workdays")
_HOLIDAY_KEYS = ("name", "days")
# date.fromisoformat also accepts "20270101" and week dates; the file format is stricter.
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class YearSchedule:
    """The official holiday arrangement of one year, as read from a schedule file.

    ``holidays`` maps each rest day to its holiday name; ``workdays`` are the make-up
    working days (调休上班). Every other day follows the week: Monday-Friday work.
    """

    year: int
    source: str
    holidays: dict[_dt.date, str]
    workdays: frozenset[_dt.date]
    path: str


def bundled_schedule_dir() -> Traversable:
    """The schedule folder shipped with the application (``resources/calendar/``)."""
    return resources.files("resources").joinpath("calendar")


def _fail(where: str, field: str, problem: str) -> ConfigError:
    return ConfigError(f"{field}: {problem}" if field else problem, where=where)


def _reject_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # json.loads keeps the last of two equal keys without a word; an admin who wrote
    # "workdays" twice meant something, so refuse instead of guessing.
    obj: dict[str, Any] = {}
    for key, value in pairs:
        if key in obj:
            raise ValueError(f"key {key!r} appears twice in one object")
        obj[key] = value
    return obj


def _check_keys(obj: Any, expected: Sequence[str], where: str, field: str) -> dict[str, Any]:
    label = field or "the file"
    if not isinstance(obj, dict):
        raise _fail(where, field, f"{label} must be a JSON object with keys {', '.join(expected)}")
    missing = [k for k in expected if k not in obj]
    if missing:
        raise _fail(where, field, f"missing key(s) {', '.join(missing)}")
    unknown = sorted(k for k in obj if k not in expected)
    if unknown:
        raise _fail(where, field, f"unknown key(s) {', '.join(unknown)}; allowed: {', '.join(expected)}")
    return obj


def _parse_day(value: Any, year: int, where: str, field: str) -> _dt.date:
    if not isinstance(value, str) or not _DATE_RE.fullmatch(value):
        raise _fail(where, field, f"{value!r} is not a date written as YYYY-MM-DD")
    try:
        day = _dt.date.fromisoformat(value)
    except ValueError:
        raise _fail(where, field, f"{value!r} is not a calendar date") from None
    if day.year != year:
        raise _fail(where, field, f"{value} is not in the declared year {year}")
    return day


def parse_schedule(data: bytes, where: str) -> YearSchedule:
    """Validate and parse the bytes of one schedule file; ``where`` names it in errors."""
    try:
        # utf-8-sig: Windows Notepad saves UTF-8 with a byte-order mark.
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _fail(where, "", f"not UTF-8 text (byte {exc.start})") from None
    try:
        raw = json.loads(text, object_pairs_hook=_reject_duplicate_keys)
    except json.JSONDecodeError as exc:
        raise _fail(where, f"line {exc.lineno} column {exc.colno}", f"invalid JSON: {exc.msg}") from None
    except ValueError as exc:
        raise _fail(where, "", str(exc)) from None
    top = _check_keys(raw, _KEYS, where, "")

    year = top["year"]
    if type(year) is not int or not FIRST_YEAR <= year <= LAST_YEAR:
        raise _fail(where, "year", f"{year!r} must be a whole number from {FIRST_YEAR} to {LAST_YEAR}")
    source = top["source"]
    if not isinstance(source, str) or not source.strip():
        raise _fail(where, "source", "must name the notice the schedule comes from")

    holidays: dict[_dt.date, str] = {}
    first_field: dict[_dt.date, str] = {}
    entries = top["holidays"]
    if not isinstance(entries, list) or not entries:
        raise _fail(where, "holidays", "must be a non-empty list of {\"name\", \"days\"} objects")
    for i, entry in enumerate(entries):
        entry_field = f"holidays[{i}]"
        _check_keys(entry, _HOLIDAY_KEYS, where, entry_field)
        name = entry["name"]
        if not isinstance(name, str) or not name.strip():
            raise _fail(where, f"{entry_field}.name", "must be a non-empty text")
        days = entry["days"]
        if not isinstance(days, list) or not days:
            raise _fail(where, f"{entry_field}.days", "must be a non-empty list of dates")
        for j, value in enumerate(days):
            field = f"{entry_field}.days[{j}]"
            day = _parse_day(value, year, where, field)
            if day in holidays:
                raise _fail(where, field, f"{day} is already listed at {first_field[day]}")
            holidays[day] = name.strip()
            first_field[day] = field

    workdays: set[_dt.date] = set()
    listed = top["workdays"]
    if not isinstance(listed, list):
        raise _fail(where, "workdays", "must be a list of dates (may be empty)")
    for j, value in enumerate(listed):
        field = f"workdays[{j}]"
        day = _parse_day(value, year, where, field)
        if day in workdays:
            raise _fail(where, field, f"{day} is listed twice")
        if day in holidays:
            raise _fail(where, field, f"{day} is also a holiday at {first_field[day]}")
        if day.weekday() < 5:
            # Only a weekend can be made a working day; a weekday here is a typo that
            # would otherwise pass unnoticed (it is a working day anyway).
            raise _fail(where, field, f"{day} is a {day:%A}; make-up working days are Saturdays or Sundays")
        workdays.add(day)

    return YearSchedule(year, source.strip(), holidays, frozenset(workdays), where)


def read_schedule_file(path: Path) -> YearSchedule:
    """Read and validate one schedule file from disk."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read schedule file: {exc.strerror or exc}", where=str(path)) from exc
    return parse_schedule(data, str(path))


def _json_files(folder: Traversable) -> list[Traversable]:
    # Hidden files are editor/OS droppings (._2027.json on macOS shares), not schedules.
    files = [
        f for f in folder.iterdir()
        if f.is_file() and f.name.lower().endswith(".json") and not f.name.startswith(".")
    ]
    return sorted(files, key=lambda f: f.name)


def load_schedules(folders: Iterable[Traversable | Path]) -> dict[int, YearSchedule]:
    """Read every ``*.json`` schedule in ``folders``, in order, into ``{year: schedule}``.

    A later folder overrides an earlier one for the same year (so an administrator's
    folder can correct the bundled one); two files for one year in the same folder are an
    error. Folders that do not exist are skipped. Any bad file raises
    :class:`~core.errors.ConfigError` and nothing is returned.
    """
    result: dict[int, YearSchedule] = {}
    for folder in folders:
        if isinstance(folder, Path) and folder.exists() and not folder.is_dir():
            raise ConfigError("schedule folder is a file, not a folder", where=str(folder))
        if not folder.is_dir():
            continue
        in_this_folder: dict[int, YearSchedule] = {}
        for file in _json_files(folder):
            where = str(file)
            try:
                data = file.read_bytes()
            except OSError as exc:
                raise ConfigError(f"cannot read schedule file: {exc.strerror or exc}", where=where) from exc
            schedule = parse_schedule(data, where)
            other = in_this_folder.get(schedule.year)
            if other is not None:
                raise ConfigError(
                    f"two schedule files for {schedule.year} in one folder (the other is {other.path})",
                    where=where,
                )
            in_this_folder[schedule.year] = schedule
        result.update(in_this_folder)
    return result
