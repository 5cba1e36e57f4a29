"""Checking one row of an exchange file against its kind's columns and the city's reference data.

Each problem names the file, row, column, value and reason (Chinese, then English in
brackets), as the terminal and the error report show it. A valid row becomes a dict of
stored values (codes, ids, WGS-84 coordinates, dates), keyed by :attr:`Field.key`.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from core import uscc as uscc_rules
from core.db.models import Department, Industry, Town, Village
from core.errors import InvalidUSCC, ValidationError
from core.geo.coords import to_wgs84
from core.text_input import shown, text_problem

from . import spec as S


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one cell (or the file, row 0) of an exchange file."""

    file: str
    row: int
    column: str
    value: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.row}:{self.column}: {self.reason}"


class RowError(Exception):
    """A cell's value is refused; the message is the bilingual reason."""


_USCC_REASONS = {"length": "长度应为 18 位", "character": "含有不允许的字符", "check": "校验码错误"}
_VILLAGE_SUFFIXES = ("社区居委会", "村委会", "居委会", "村民委员会", "居民委员会")
_DATE_SPLIT = re.compile(r"[-/.年月日]")
# What core.text_input may refuse (control characters, line breaks, lone surrogates): only then ask it.
_SUSPECT = re.compile("[\x00-\x1f\x7f\ud800-\udfff]")


class Reference:
    """The city's towns, villages, departments and industries, looked up by name or code."""

    def __init__(self, session: Session) -> None:
        self.towns: dict[str, tuple[float, float]] = {}
        self.town_names: dict[str, str] = {}
        for t in session.scalars(select(Town)):
            self.towns[t.code] = (t.lat, t.lng)
            self.town_names[t.name_zh] = t.code
            self.town_names[t.name_en.lower()] = t.code
        self.villages: dict[str, tuple[str, float, float]] = {}
        self.village_names: dict[tuple[str, str], str] = {}
        by_town: dict[str, list[tuple[str, float, float]]] = {}
        for v in session.scalars(select(Village)):
            self.villages[v.code] = (v.town_code, v.lat, v.lng)
            by_town.setdefault(v.town_code, []).append((v.code, v.lat, v.lng))
            self.village_names[(v.town_code, v.name_zh)] = v.code
            for suffix in _VILLAGE_SUFFIXES:
                if v.name_zh.endswith(suffix) and len(v.name_zh) > len(suffix):
                    self.village_names.setdefault((v.town_code, v.name_zh[: -len(suffix)]), v.code)
                    self.village_names.setdefault((v.town_code, v.name_zh[: -len(suffix) + 1]), v.code)
        self.by_town = by_town
        self.departments: dict[str, int] = {}
        self.department_names: dict[int, str] = {}
        for d in session.scalars(select(Department)):
            self.departments[d.code.upper()] = d.id
            self.departments[d.name_zh] = d.id
            self.department_names[d.id] = d.name_zh
        self.industries = set(session.scalars(select(Industry.code)))
        self._seat: dict[str, str] = {}

    def nearest_village(self, town: str, lat: float, lng: float) -> str | None:
        """The village of ``town`` whose centre is nearest (lat, lng)."""
        options = self.by_town.get(town)
        if not options:
            return None
        return min(options, key=lambda v: (v[1] - lat) ** 2 + (v[2] - lng) ** 2)[0]

    def seat_village(self, town: str) -> str | None:
        """The village nearest the town's centre (where a row naming no village is put)."""
        if town not in self._seat:
            lat, lng = self.towns[town]
            self._seat[town] = self.nearest_village(town, lat, lng)  # type: ignore[assignment]
        return self._seat[town]


def _text(value: object) -> str:
    if type(value) is str:
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.datetime, dt.date)):
        return value.date().isoformat() if isinstance(value, dt.datetime) else value.isoformat()
    return str(value).strip()


def parse_date(value: object) -> dt.date:
    """A date from ISO text, 2024/1/2, 2024年1月2日, 20240102 or a spreadsheet date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    parts = [p for p in _DATE_SPLIT.split(text) if p]
    try:
        if len(parts) == 3:
            return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
        if len(text) == 8 and text.isdigit():
            return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        pass
    raise RowError(f"日期无效，应为 YYYY-MM-DD (not a date, expected YYYY-MM-DD): {shown(value)}")


def parse_number(value: object) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value)
    else:
        try:
            number = float(_text(value).replace(",", ""))
        except ValueError:
            raise RowError(f"不是数值 (not a number): {shown(value)}") from None
    if not math.isfinite(number):
        raise RowError(f"须为有限数值 (must be a finite number): {shown(value)}")
    return number


_ALPHABET = {ch: i for i, ch in enumerate(uscc_rules.ALPHABET)}
_WEIGHTS = tuple(3 ** i % 31 for i in range(17))
_WEIGHED = tuple({ch: value * w for ch, value in _ALPHABET.items()} for w in _WEIGHTS)  # position -> char -> term


def _plainly_valid(code: str) -> bool:
    """A fast yes for a well-formed code (a million rows); anything else goes to core.uscc for its reason."""
    if len(code) != 18 or not code[:8].isdigit():
        return False
    try:
        total = sum(map(dict.__getitem__, _WEIGHED, code[:17]))
        return _ALPHABET[code[17]] == (31 - total % 31) % 31
    except KeyError:
        return False


def check_uscc(value: object) -> str:
    text = _text(value).upper()
    if _plainly_valid(text):
        return text
    try:
        return uscc_rules.validate(text)
    except InvalidUSCC as exc:
        raise RowError(f"统一社会信用代码无效：{_USCC_REASONS.get(exc.reason, exc.reason)} ({exc.message})") from None


def _choice(words: dict[str, object], what_zh: str, what_en: str) -> Callable[[object], object]:
    allowed = "/".join(w for w in words if not w.isascii()) or "/".join(words)

    def read(value: object) -> object:
        text = _text(value)
        key = text.upper().replace("-", "").replace(" ", "") if text.isascii() else text
        if key in words:
            return words[key]
        if text in words.values():
            return text
        raise RowError(f"未知的{what_zh}，应为 {allowed} (unknown {what_en}): {shown(value)}")

    return read


class RowChecker:
    """Turns the cells of one row of a kind into stored values, or the problems with them."""

    def __init__(self, kind: S.KindSpec, header: list[str], ref: Reference, file: str) -> None:
        self.kind, self.ref, self.file = kind, ref, file
        index = {h: i for i, h in enumerate(header)}
        self.present = [(index[f.header], f) for f in kind.fields if f.header in index]
        self.missing = [f for f in kind.fields if f.required and f.header not in index]
        self._readers = {
            S.TEXT: None, S.CODE: None, S.DATE: parse_date, S.NUMBER: parse_number, S.USCC: check_uscc,
            S.TOWN: self._town, S.DEPARTMENT: self._department, S.INDUSTRY: self._industry,
            S.ENTITY_TYPE: _choice(S.ENTITY_TYPES, "主体类型", "entity type"),
            S.STATUS: _choice(S.STATUSES, "登记状态", "registration status"),
            S.COMMITMENT_STATUS: _choice(S.COMMITMENT_STATUSES, "状态", "status"),
            S.COORD_SYSTEM: _choice(S.COORD_SYSTEMS, "坐标系", "coordinate system"),
            S.FLAG: _choice(S.FLAGS, "标记，应为是/否", "flag, yes/no"),
            S.LAT: parse_number, S.LNG: parse_number, S.VILLAGE: None,
        }

        # (column index, field, reader or None, max length when a plain text cell may be taken as it is)
        self._plan = [(i, f, self._readers[f.type],
                       (f.max_length or 10**9) if f.type in (S.TEXT, S.CODE) and f.type != S.VILLAGE else 0)
                      for i, f in self.present]

    def file_problems(self) -> list[Problem]:
        """Required columns the header lacks (row 1)."""
        return [Problem(self.file, 1, f.header, "", "缺少必填列 (required column missing)") for f in self.missing]

    def check(self, number: int, cells: list[object]) -> tuple[dict[str, object] | None, list[Problem]]:
        """(values, []) for a good row, (None, problems) for a bad one."""
        values: dict[str, object] = {}
        problems: list[Problem] = []
        size = len(cells)
        try:  # one search for the whole row: most rows hold no character core.text_input refuses
            clean = _SUSPECT.search("".join(cells)) is None  # type: ignore[arg-type]
        except TypeError:  # a spreadsheet's numbers and dates
            clean = False
        for i, field, reader, plain in self._plan:
            raw = cells[i] if i < size else None
            if type(raw) is str:
                raw = raw.strip()
            if raw is None or raw == "":
                if field.required:
                    problems.append(Problem(self.file, number, field.header, "", "不能为空 (is required)"))
                continue
            try:
                if plain and type(raw) is str and len(raw) <= plain and (clean or not _SUSPECT.search(raw)):
                    values[field.key] = raw  # the common case, checked in full by _read otherwise
                else:
                    values[field.key] = reader(raw) if reader is not None else self._read(field, raw)
            except RowError as exc:
                problems.append(Problem(self.file, number, field.header, _text(raw)[:200], str(exc)))
        if not problems and self.kind.target == "entity":
            self._place(number, values, problems)
        return (None, problems) if problems else (values, problems)

    def _read(self, field: S.Field, raw: object) -> object:
        text = _text(raw)
        if _SUSPECT.search(text) or (field.max_length is not None and len(text) > field.max_length):
            problem = text_problem(text, max_length=field.max_length, multiline=field.type == S.TEXT)
            if problem:
                raise RowError(problem)
        return text

    def _town(self, value: object) -> str:
        text = _text(value)
        code = text if text in self.ref.towns else self.ref.town_names.get(text) or self.ref.town_names.get(text.lower())
        if code is None:
            raise RowError(f"未知的镇街 (unknown town or street): {shown(value)}")
        return code

    def _department(self, value: object) -> int:
        text = _text(value)
        found = self.ref.departments.get(text.upper()) or self.ref.departments.get(text)
        if found is None:
            raise RowError(f"未知的部门 (unknown department): {shown(value)}")
        return found

    def _industry(self, value: object) -> str:
        text = _text(value).upper()
        code = text[1:] if text[:1].isalpha() else text
        if code.isdigit() and len(code) < 4:  # a spreadsheet number cell drops the leading zeros (0152 -> 152)
            code = code.zfill(4)
        if code not in self.ref.industries:
            raise RowError(f"未知的行业代码 (unknown industry code, GB/T 4754 class): {shown(value)}")
        return code

    def _place(self, number: int, values: dict[str, object], problems: list[Problem]) -> None:
        """Village, position and the location flag of an entity row (values already checked)."""
        town = values["town_code"]
        village_text = values.get("village_code")
        village = None
        if village_text is not None:
            village = village_text if self.ref.villages.get(village_text, ("",))[0] == town \
                else self.ref.village_names.get((town, village_text))
            if village is None:
                problems.append(Problem(self.file, number, "村社", village_text,
                                        f"镇街 {town} 没有这个村社 (no such village in town {town}): {shown(village_text)}"))
                return
        lat, lng = values.pop("lat", None), values.pop("lng", None)
        system = values.pop("coord_system", "wgs84")
        if (lat is None) != (lng is None):
            missing = "纬度" if lat is None else "经度"
            problems.append(Problem(self.file, number, missing, "", "经度和纬度须同时给出 (give both longitude and latitude)"))
            return
        flagged = values.get("unverified") is True
        placed = lat is None
        if lat is not None:
            try:
                lat, lng = to_wgs84(float(lat), float(lng), system)
            except ValidationError as exc:
                problems.append(Problem(self.file, number, "纬度", f"{lat},{lng}", f"坐标无效 ({exc.message})"))
                return
            if village is None:
                village = self.ref.nearest_village(town, lat, lng)
        else:
            flagged = True
            if village is None:
                village = self.ref.seat_village(town)
            _, lat, lng = self.ref.villages[village] if village else (None, *self.ref.towns[town])
        if village is None:
            problems.append(Problem(self.file, number, "村社", "", f"镇街 {town} 没有村社 (town {town} has no village)"))
            return
        values.update(village_code=village, lat=round(lat, 7), lng=round(lng, 7), unverified=flagged, placed=placed,
                      village_given=village_text is not None)
