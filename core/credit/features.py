"""Features of every entity from its history as the database holds it, as of a cutoff day.

Only what happened strictly before the cutoff counts; what happens in a window after it
(an inspection that found a problem) is the label. Everything is aggregated in SQL (one
pass over ``entity_records`` for all the cutoffs asked) and numpy, never row by row, so the
1.2 M-entity city takes seconds.

An *inspection event* is either a timeline inspection record (``entity_records`` kind
``inspection``; it found a problem when its outcome starts with 发现问题) or a done
double-random inspection task (it found a problem when a checklist item failed).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sqlalchemy import Connection

FAIL_PREFIX = "发现问题"
PRIOR_WEIGHT = 10.0  # pseudo-inspections pulling a village's failure rate to the city's

# Numeric factors: key -> (zh, en). Counts are log1p'd before the model sees them. The number of
# past failures is in the (smoothed) failure rate with the number of inspections: both counts
# side by side are nearly collinear, and their weights would read as nonsense (+2.7 and -2.4).
NUMERIC: dict[str, tuple[str, str]] = {
    "inspections": ("既往检查次数", "past inspections"),
    "fail_rate": ("既往检查问题率", "share of past inspections that found problems"),
    "complaints": ("投诉举报次数", "complaints and clues"),
    "complaints_recent": ("近一年投诉举报", "complaints and clues in the last year"),
    "penalties": ("行政处罚次数", "penalties"),
    "credit": ("信用记录次数", "credit records"),
    "test_failures": ("抽检不合格次数", "failed product tests"),
    "honours": ("荣誉次数", "honours"),
    "inspected_last_year": ("近一年内检查过", "inspected in the last year"),
    "inspected_year_before": ("一至两年前检查过（近一年未检查）", "last inspected one to two years ago"),
    "never_inspected": ("两年内未检查", "not inspected for two years or never"),
    "age_years": ("成立年限", "years since registration"),
    "village_fail_rate": ("同村社受检主体问题率", "failure rate of inspected entities in the same village"),
}
LOGGED = ("inspections", "complaints", "complaints_recent", "penalties", "credit",
          "test_failures", "honours")


@dataclass(frozen=True)
class Entities:
    """The entities' fixed attributes, in id order, with the vocabularies of the categories."""

    ids: np.ndarray            # int64, ascending
    registered: np.ndarray     # datetime64[D]
    active: np.ndarray         # bool
    entity_type: np.ndarray    # index into types
    industry: np.ndarray       # index into industries (GB/T 4754 大类: the code's first two digits)
    industry_class: np.ndarray  # index into industry_codes (the full 4-digit class)
    town: np.ndarray           # index into towns
    village: np.ndarray        # index into villages
    risk: np.ndarray           # 0..3 for A..D
    tags: np.ndarray           # bool (n, len(tag_codes))
    types: list[str]
    industries: list[str]
    towns: list[str]
    villages: list[str]
    tag_codes: list[str]
    industry_codes: list[str]

    def __len__(self) -> int:
        return len(self.ids)

    def position(self, entity_ids: np.ndarray) -> np.ndarray:
        """Positions of ``entity_ids`` (which must exist) in :attr:`ids`."""
        return np.searchsorted(self.ids, entity_ids)


@dataclass(frozen=True)
class Snapshot:
    """Every entity's numeric features as of ``cutoff`` and its outcome in [cutoff, until)."""

    cutoff: dt.date
    until: dt.date | None
    numeric: np.ndarray        # float32 (n, len(NUMERIC)), raw (counts not yet logged)
    inspected: np.ndarray      # bool: an inspection event in the window
    failed: np.ndarray         # bool: one of them found a problem


def _days(values: Sequence) -> np.ndarray:
    out = np.array([v if v is not None else "NaT" for v in values], dtype="datetime64[D]") if len(values) \
        else np.array([], dtype="datetime64[D]")
    return out


def _raw(conn: Connection, sql: str) -> list[tuple]:
    """Rows of a parameterless query as plain tuples (the driver's own, no Row objects: 1.2 M rows)."""
    cursor = conn.connection.driver_connection.cursor()
    try:
        cursor.execute(sql)
        return cursor.fetchall()
    finally:
        cursor.close()


_DAYS_SQL = {
    "sqlite": "CAST(julianday(registered_on) - 2440587.5 AS INTEGER)",
    "postgresql": "(registered_on - DATE '1970-01-01')",
}


def load_entities(conn: Connection) -> Entities:
    """The entities' attributes (all of them, active or not) and their tags.

    Every column comes as an integer (codes are digits, the day a day number, the rest small
    codes): 1.2 M rows of ints are one numpy array, where strings would be 7 M Python objects.
    """
    days = _DAYS_SQL.get(conn.dialect.name, _DAYS_SQL["postgresql"])
    types = ("cooperative", "enterprise", "individual")
    type_case = " ".join(f"WHEN '{t}' THEN {i}" for i, t in enumerate(types))
    rows = _raw(conn, f"SELECT id, CASE entity_type {type_case} ELSE -1 END, CAST(industry_code AS BIGINT), "
                      f"CAST(town_code AS BIGINT), CAST(village_code AS BIGINT), {days}, "
                      "CASE risk_class WHEN 'A' THEN 0 WHEN 'B' THEN 1 WHEN 'C' THEN 2 ELSE 3 END, "
                      "CASE WHEN status = 'active' THEN 1 ELSE 0 END FROM market_entities ORDER BY id")
    table = np.array(rows, dtype=np.int64).reshape(len(rows), 8)
    ids = table[:, 0]

    def encode(values: np.ndarray, width: int) -> tuple[np.ndarray, list[str]]:
        uniq, inverse = np.unique(values, return_inverse=True)
        return inverse.astype(np.int32), [str(int(u)).zfill(width) for u in uniq]

    industry_class, industry_codes = encode(table[:, 2], 4)
    industry, industry_names = encode(table[:, 2] // 100, 2)
    town, towns = encode(table[:, 3], 9)
    village, villages = encode(table[:, 4], 12)
    registered = table[:, 5].astype("datetime64[D]")
    tag_names = dict(_raw(conn, "SELECT id, code FROM tags"))
    tag_rows = np.array(_raw(conn, "SELECT entity_id, tag_id FROM entity_tags"), dtype=np.int64).reshape(-1, 2)
    used = {int(t) for t in np.unique(tag_rows[:, 1])}
    tag_codes = sorted(tag_names[t] for t in used)
    column = np.full(max(used, default=0) + 1, -1, dtype=np.int64)
    for t in used:
        column[t] = tag_codes.index(tag_names[t])
    tags = np.zeros((len(ids), len(tag_codes)), dtype=bool)
    if len(tag_rows):
        tags[np.searchsorted(ids, tag_rows[:, 0]), column[tag_rows[:, 1]]] = True
    return Entities(ids, registered, table[:, 7] == 1, table[:, 1].astype(np.int32), industry,
                    industry_class, town, village, table[:, 6].astype(np.int8), tags, list(types), industry_names,
                    towns, villages, tag_codes, industry_codes)


_FIRST = 35  # the code of the first character ("#"); codes stay printable ASCII
KINDS = ("inspection", "complaint", "penalty", "credit", "test", "honour")
_SQL = {
    # One character per record, in entity order: SQLite walks the (entity_id, occurred_on) index
    # once and the string needs no sorter; ~4 s for the 4.4 M relevant records of the full city.
    "sqlite": ("char", "group_concat"),
    "postgresql": ("chr", "string_agg"),
}


def _events(conn: Connection, ents: Entities, bounds: list[dt.date]):
    """(entity position, kind index, period, problem found) of every relevant timeline record.

    A record's period is how many of ``bounds`` (ascending) are on or before its day.
    """
    periods = len(bounds) + 1
    if len(KINDS) * periods * 2 > 126 - _FIRST:
        raise ValueError("too many periods for one character per record")
    char, concat = _SQL.get(conn.dialect.name, _SQL["postgresql"])
    kind_case = " ".join(f"WHEN '{k}' THEN {i}" for i, k in enumerate(KINDS))
    # A clue's steps write complaint lines on its entity's timeline: the clue is counted once, from
    # the clues table, and a clue the model raised never counts (no feedback loop).
    # Our own dates, as literals: the driver's cursor then gives plain tuples (no Row objects).
    period = " + ".join(f"CASE WHEN occurred_on >= '{b.isoformat()}' THEN 1 ELSE 0 END" for b in bounds) or "0"
    code = (f"{_FIRST} + {periods * 2} * (CASE kind {kind_case} END) + 2 * ({period}) + "
            f"CASE WHEN substr(outcome, 1, 4) = '{FAIL_PREFIX}' OR outcome = '不合格' THEN 1 ELSE 0 END")
    sql = (f"SELECT entity_id, {concat}({char}({code}), '') FROM entity_records "
           f"WHERE kind IN ({', '.join(repr(k) for k in KINDS)}) AND (kind <> 'complaint' OR ref_no IS NULL "
           "OR ref_no NOT IN (SELECT ref_no FROM clues)) GROUP BY entity_id")
    rows = _raw(conn, sql)
    if not rows:
        empty = np.array([], dtype=np.int64)
        return empty, empty, empty, empty.astype(bool)
    ids, strings = zip(*rows)
    lengths = np.fromiter(map(len, strings), dtype=np.int64, count=len(strings))
    codes = np.frombuffer("".join(strings).encode("ascii"), dtype=np.uint8).astype(np.int64) - _FIRST
    pos = np.repeat(ents.position(np.array(ids, dtype=np.int64)), lengths)
    return pos, codes // (periods * 2), (codes // 2) % periods, (codes % 2).astype(bool)


def _as_day(value) -> str | dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return str(value)[:10] if value is not None else None


def snapshots(conn: Connection, ents: Entities, windows: Sequence[tuple[dt.date, dt.date | None]]) -> list[Snapshot]:
    """One :class:`Snapshot` per (cutoff, until) window; ``until`` None: no label window."""
    year = dt.timedelta(days=365)
    bounds = sorted({d for c, u in windows for d in (c, c - year, c - 2 * year, u) if d is not None})
    pos, kind, period, flag = _events(conn, ents, bounds)
    tasks = _raw(conn, "SELECT t.entity_id, t.done_on, MAX(CASE WHEN r.outcome = 'fail' THEN 1 ELSE 0 END) "
                       "FROM inspection_tasks t LEFT JOIN inspection_results r ON r.task_id = t.id "
                       "WHERE t.done_on IS NOT NULL GROUP BY t.id, t.entity_id, t.done_on")
    t_pos = ents.position(np.array([r[0] for r in tasks], dtype=np.int64))
    t_day = _days([_as_day(r[1]) for r in tasks])
    t_fail = np.array([bool(r[2]) for r in tasks], dtype=bool)
    clues = _raw(conn, "SELECT entity_id, received_at FROM clues WHERE entity_id IS NOT NULL AND source <> 'model'")
    c_pos = ents.position(np.array([r[0] for r in clues], dtype=np.int64))
    c_day = _days([_as_day(r[1]) for r in clues])
    n = len(ents)
    k = {name: i for i, name in enumerate(KINDS)}

    def count(mask: np.ndarray, where: np.ndarray = pos) -> np.ndarray:
        return np.bincount(where[mask], minlength=n).astype(np.float64)

    out = []
    for cutoff, until in windows:
        c = np.datetime64(cutoff, "D")
        jc = bounds.index(cutoff)           # a record is before the cutoff when period <= jc
        j1 = bounds.index(cutoff - year)
        j2 = bounds.index(cutoff - 2 * year)
        before = period <= jc
        insp = kind == k["inspection"]
        t_before = t_day < c
        inspections = count(before & insp) + count(t_before, t_pos)
        failures = count(before & insp & flag) + count(t_before & t_fail, t_pos)
        c_before = c_day < c
        complaints = count(before & (kind == k["complaint"])) + count(c_before, c_pos)
        recent = (count(before & (period > j1) & (kind == k["complaint"]))
                  + count(c_before & (c_day >= c - np.timedelta64(365, "D")), c_pos))
        last_year = (count(before & (period > j1) & insp)
                     + count(t_before & (t_day >= c - np.timedelta64(365, "D")), t_pos)) > 0
        two_years = (count(before & (period > j2) & insp)
                     + count(t_before & (t_day >= c - np.timedelta64(730, "D")), t_pos)) > 0
        if until is not None:
            ju = bounds.index(until)
            t_in = (t_day >= c) & (t_day < np.datetime64(until, "D"))
            inside = (period > jc) & (period <= ju) & insp
            inspected = (count(inside) + count(t_in, t_pos)) > 0
            failed = (count(inside & flag) + count(t_in & t_fail, t_pos)) > 0
        else:
            inspected = failed = np.zeros(n, dtype=bool)
        city_rate = failures.sum() / max(inspections.sum(), 1.0)
        v_insp = np.bincount(ents.village, weights=inspections, minlength=len(ents.villages))
        v_fail = np.bincount(ents.village, weights=failures, minlength=len(ents.villages))
        # Leave the entity itself out: its own failures are a factor of their own.
        village_rate = ((v_fail[ents.village] - failures + PRIOR_WEIGHT * city_rate)
                        / (v_insp[ents.village] - inspections + PRIOR_WEIGHT))
        values = {
            "inspections": inspections,
            "fail_rate": (failures + 2 * city_rate) / (inspections + 2),
            "complaints": complaints, "complaints_recent": recent,
            "penalties": count(before & (kind == k["penalty"])), "credit": count(before & (kind == k["credit"])),
            "test_failures": count(before & (kind == k["test"]) & flag),
            "honours": count(before & (kind == k["honour"])),
            "inspected_last_year": last_year.astype(np.float64),
            "inspected_year_before": (two_years & ~last_year).astype(np.float64),
            "never_inspected": (~two_years).astype(np.float64),
            "age_years": (c - ents.registered).astype(np.float64) / 365.25,
            "village_fail_rate": village_rate,
        }
        numeric = np.empty((n, len(NUMERIC)), dtype=np.float32)
        for j, name in enumerate(NUMERIC):
            numeric[:, j] = values[name]
        out.append(Snapshot(cutoff, until, numeric, inspected, failed))
    return out


def eligible(ents: Entities, cutoff: dt.date) -> np.ndarray:
    """Active entities registered before ``cutoff``."""
    return ents.active & (ents.registered < np.datetime64(cutoff, "D"))
