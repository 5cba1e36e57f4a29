"""Reading a ``tongguan draw run`` plan file: every field checked before anything is stored.

A refusal is a :class:`PlanFileError` whose ``where`` is the file and the JSON path of the
field (``plan.json: batches[0].departments[1].team_size``). Text goes through
:mod:`core.text_input`, so a NUL byte, a lone surrogate or an over-long name is refused
the same way on SQLite and PostgreSQL; numbers must be finite and within range; lists
and objects must be lists and objects. The services then only see well-typed values.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from core.errors import ConfigError, ValidationError
from core.jsonfile import read_json_file
from core.text_input import check_code, check_int, check_number, check_text, shown

STRATA = ("A", "B", "C", "D")
POOL_CODES = ("town_codes", "village_codes", "industry_codes", "entity_types", "statuses", "risk_classes",
              "tag_codes", "usccs")
POOL_IDS = ("tag_ids", "entity_ids")
AVOIDANCE = ("declared_conflicts", "last_inspection", "same_village")
TOP_KEYS = ("year", "name", "actor", "batches", "sampling_bands")
BATCH_KEYS = ("name", "lead_department", "departments", "window", "pool", "sampling", "avoidance", "randomness")


class PlanFileError(ConfigError):
    """A plan file that does not describe a plan; ``where`` names the file and the field."""


def _checked(path: Path, fn, *args, **kwargs):
    """Run a core check; its ValidationError becomes a PlanFileError naming the file and field."""
    try:
        return fn(*args, **kwargs)
    except ValidationError as error:
        raise PlanFileError(error.message, where=f"{path}: {error.where}") from None


def _object(value: Any, where: str, known: tuple[str, ...], what: str) -> dict:
    if not isinstance(value, dict):
        raise PlanFileError(f"{what} 应为 JSON 对象 ({what} must be a JSON object)", where=where)
    unknown = [k for k in value if k not in known]
    if unknown:
        raise PlanFileError(f"不认识的字段 {shown(unknown[0])} (unknown field; known: {', '.join(known)})",
                            where=f"{where}.{unknown[0]}" if isinstance(unknown[0], str) else where)
    return value


def _list(value: Any, where: str, *, max_items: int = 10_000, non_empty: bool = False) -> list:
    if not isinstance(value, list) or (non_empty and not value):
        raise PlanFileError(f"应为{'非空' if non_empty else ''}列表 (must be a{' non-empty' if non_empty else ''} list)",
                            where=where)
    if len(value) > max_items:
        raise PlanFileError(f"最多 {max_items} 项 (at most {max_items} items)", where=where)
    return value


def load_plan(path: Path) -> dict:
    """The plan file's top level, checked: year, name, actor, sampling bands, a list of batches."""
    data = read_json_file(path, error=PlanFileError)
    if not isinstance(data, dict):
        raise PlanFileError("计划文件应为 JSON 对象 (a plan file is a JSON object)", where=str(path))
    for key in ("year", "name", "batches"):
        if key not in data:
            raise PlanFileError(f"缺少 {key!r} (missing {key!r})", where=str(path))
    _object(data, str(path), TOP_KEYS, "plan")
    data["year"] = _checked(path, check_int, data["year"], "year", minimum=2000, maximum=2100)
    data["name"] = _checked(path, check_text, data["name"], "name", max_length=200, required=True, multiline=False)
    if data.get("actor") is not None:
        data["actor"] = _checked(path, check_code, data["actor"], "actor", max_length=60)
    if data.get("sampling_bands") is not None:
        bands = _object(data["sampling_bands"], f"{path}: sampling_bands", STRATA, "sampling_bands")
        for k, band in bands.items():
            here = f"sampling_bands.{k}"
            if isinstance(band, dict):
                band = [band.get("min", 0.0), band.get("max", 1.0)]
            if not isinstance(band, list) or len(band) != 2:
                raise PlanFileError("区间应为 [下限, 上限] (a band is [low, high])", where=f"{path}: {here}")
            bands[k] = [_checked(path, check_number, v, f"{here}[{n}]", minimum=0, maximum=1)
                        for n, v in enumerate(band)]
    _list(data["batches"], f"{path}: batches", max_items=100, non_empty=True)
    return data


def _window(value: Any, where: str) -> tuple[dt.date, dt.date]:
    if isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) and len(v) <= 10 for v in value):
        try:
            return dt.date.fromisoformat(value[0]), dt.date.fromisoformat(value[1])
        except ValueError:
            pass
    raise PlanFileError(f"window 应为 [开始, 结束] 两个日期 (window must be [\"YYYY-MM-DD\", \"YYYY-MM-DD\"]): "
                        f"{shown(value)}", where=where)


def _pool(path: Path, pool: Any, where: str) -> dict:
    """The pool's fields as lists of codes and whole numbers (the entity search checks them again)."""
    pool = _object(pool, where, POOL_CODES + POOL_IDS, "pool")
    rel = where.split(": ", 1)[1]
    out: dict = {}
    for key, values in pool.items():
        values = _list(values, f"{where}.{key}", max_items=1_000_000)
        if key in POOL_IDS:
            out[key] = [_checked(path, check_int, v, f"{rel}.{key}[{n}]", minimum=1) for n, v in enumerate(values)]
        else:
            out[key] = [_checked(path, check_code, v, f"{rel}.{key}[{n}]", max_length=40, required=True)
                        for n, v in enumerate(values)]
    return out


def _sampling(path: Path, value: Any, where: str) -> dict | None:
    if value is None:
        return None
    rel = where.split(": ", 1)[1]
    table = _object(value, where, ("ratios", "counts") + STRATA, "sampling")
    if set(table) <= set(STRATA):
        table = {"ratios": table}
    out = {}
    for kind, classes in table.items():
        classes = _object(classes, f"{where}.{kind}", STRATA, f"sampling.{kind}")
        if kind == "ratios":
            out[kind] = {k: _checked(path, check_number, v, f"{rel}.{kind}.{k}", maximum=1e6)  # the law: checks
                         for k, v in classes.items()}
        else:
            out[kind] = {k: _checked(path, check_int, v, f"{rel}.{kind}.{k}", minimum=0, maximum=1_000_000)
                         for k, v in classes.items()}
    return out


def _avoidance(value: Any, where: str) -> dict | None:
    if value is None:
        return None
    rules = _object(value, where, AVOIDANCE, "avoidance")
    for key, flag in rules.items():
        if not isinstance(flag, bool):
            raise PlanFileError(f"应为 true 或 false (must be true or false): {shown(flag)}", where=f"{where}.{key}")
    return dict(rules)


def _randomness(path: Path, value: Any, where: str) -> dict:
    rel = where.split(": ", 1)[1]
    randomness = _object(value if value is not None else {"kind": "seed"}, where,
                         ("kind", "sources", "announcement"), "randomness")
    kind = randomness.get("kind")
    if kind not in ("seed", "rfc3797"):
        raise PlanFileError(f"randomness.kind 应为 seed 或 rfc3797 (randomness.kind must be seed or rfc3797): "
                            f"{shown(kind)}", where=f"{where}.kind")
    sources = randomness.get("sources") or []
    sources = [_checked(path, check_text, s, f"{rel}.sources[{n}]", max_length=200, required=True, multiline=False)
               for n, s in enumerate(_list(sources, f"{where}.sources", max_items=20))]
    if kind == "rfc3797" and not sources:
        raise PlanFileError("rfc3797 需要 sources：公开随机数列表 (rfc3797 needs sources: a list of public values)",
                            where=f"{where}.sources")
    return {"kind": kind, "sources": sources,
            "announcement": _checked(path, check_text, randomness.get("announcement"), f"{rel}.announcement",
                                     max_length=400)}


def batch_fields(raw: Any, where: str) -> dict:
    """One batch's fields, checked and typed (``where``: "FILE: batches[n]"); names are resolved later."""
    path = Path(where.split(": ", 1)[0])
    raw = _object(raw, where, BATCH_KEYS, "batch")
    rel = where.split(": ", 1)[1]
    for key in ("name", "lead_department", "departments", "window"):
        if key not in raw:
            raise PlanFileError(f"缺少 {key!r} (missing {key!r})", where=where)
    departments = []
    for n, part in enumerate(_list(raw["departments"], f"{where}.departments", max_items=50, non_empty=True)):
        here = f"{rel}.departments[{n}]"
        part = _object(part, f"{path}: {here}", ("department", "team_size", "matters"), "department")
        if "department" not in part:
            raise PlanFileError("缺少 'department' (missing 'department')", where=f"{path}: {here}")
        matters = _list(part.get("matters", []), f"{path}: {here}.matters", max_items=500)
        departments.append({
            "department": _checked(path, check_code, part["department"], f"{here}.department", max_length=120,
                                   required=True),
            "team_size": _checked(path, check_int, part.get("team_size", 2), f"{here}.team_size",
                                  minimum=1, maximum=20),
            "matters": [_checked(path, check_code, m, f"{here}.matters[{k}]", max_length=40, required=True)
                        for k, m in enumerate(matters)]})
    return {"name": _checked(path, check_text, raw["name"], f"{rel}.name", max_length=200, required=True,
                             multiline=False),
            "lead_department": _checked(path, check_code, raw["lead_department"], f"{rel}.lead_department",
                                        max_length=120, required=True),
            "departments": departments, "window": _window(raw["window"], f"{where}.window"),
            "pool": _pool(path, raw.get("pool") or {}, f"{where}.pool"),
            "sampling": _sampling(path, raw.get("sampling"), f"{where}.sampling"),
            "avoidance": _avoidance(raw.get("avoidance"), f"{where}.avoidance"),
            "randomness": _randomness(path, raw.get("randomness"), f"{where}.randomness")}
