"""Inspectors (by department), declared conflicts, and one demo user per role."""
from __future__ import annotations

import datetime as dt

import numpy as np

from core.db.models import RoleCode
from core.security import hash_password

from .names import NameMaker
from .population import Frozen
from .spec import STREAM_PEOPLE, DemoSpec

DEMO_PASSWORD = "tongguan"
# (username, display name, role, department name or None)
DEMO_USERS = (
    ("operator", "值班员 陈晓燕", RoleCode.OPERATOR, None),
    ("leader", "指挥长 王建国", RoleCode.LEADER, None),
    ("planner", "计划员 李明", RoleCode.PLANNER, "市场监管局"),
    ("monitor", "效能监察 赵丽", RoleCode.MONITOR, None),
    ("dept_scjg", "市场监管局 周伟", RoleCode.DEPARTMENT, "市场监管局"),
    ("grid_cc", "稠城街道网格员 钱芳", RoleCode.TOWN, None),
    ("admin", "管理员 吴刚", RoleCode.ADMIN, None),
)
# A town (grid) user's town, by its Chinese name (core.rights: it sees its own grid's clues).
DEMO_USER_TOWNS = {"grid_cc": "稠城街道"}
# The system account the demo builder acts as (it never signs in: no password matches "!").
DEMO_SYSTEM_ACCOUNT = ("demo_builder", "演示数据生成", RoleCode.LEADER)
INSPECTOR_COLUMNS = ("id", "department_id", "name", "certificate_no", "certificate_valid_until",
                     "active", "home_village_code")


def inspector_headcount(group: str, name_zh: str, scale: float) -> int:
    """Inspectors per department: the big enforcement bodies have most."""
    base = 160 if name_zh in ("市场监管局", "行政执法局") else 40 if group in ("5", "1") else 12
    return max(6, int(round(base * max(scale, 0.05))))


def inspector_rows(spec: DemoSpec, departments: list[tuple[int, str, str]], villages: np.ndarray,
                   names: NameMaker) -> list[tuple]:
    """Rows for the inspector pools; ``departments`` is [(id, name_zh, group)]."""
    rng = spec.rng(STREAM_PEOPLE, 0)
    rows: list[tuple] = []
    for dept_id, name_zh, group in departments:
        n = inspector_headcount(group, name_zh, spec.scale)
        people = names.people(rng, n)
        valid = [spec.as_of + dt.timedelta(days=int(d)) for d in rng.integers(-120, 1500, n)]
        active = rng.random(n) > 0.03
        homes = rng.choice(villages, size=n)
        for k in range(n):
            rows.append((len(rows) + 1, dept_id, people[k], f"330782{dept_id:03d}{k + 1:05d}",
                         valid[k].isoformat(), bool(active[k]), str(homes[k])))
    return rows


def conflict_rows(spec: DemoSpec, inspector_count: int, pop: Frozen) -> list[tuple]:
    """A few declared conflicts of interest (relatives running a business, former employer)."""
    rng = spec.rng(STREAM_PEOPLE, 1)
    n = max(3, inspector_count // 5)
    inspectors = rng.choice(np.arange(1, inspector_count + 1), size=n)
    entities = rng.choice(pop.ids, size=n, replace=False)
    reasons = np.array(["近亲属经营", "曾任职于该单位", "与经营者存在经济往来"])
    days = rng.integers(30, 900, n)
    pairs = {}
    for i, e, r, d in zip(inspectors.tolist(), entities.tolist(), rng.integers(0, 3, n).tolist(), days.tolist()):
        pairs[(i, e)] = (i, e, str(reasons[r]), (spec.as_of - dt.timedelta(days=d)).isoformat())
    return [pairs[k] for k in sorted(pairs)]


def user_rows(dept_id_by_name: dict[str, int], town_code_by_name: dict[str, str] | None = None) -> list[tuple]:
    """The demo users (..., department id, town code, active, is_system); the sign-in screen
    offers them only on a demo database."""
    towns = town_code_by_name or {}
    rows = []
    for k, (username, display, role, dept) in enumerate(DEMO_USERS, start=1):
        # A fixed salt keeps demo builds byte-identical for the determinism check.
        pw = hash_password(DEMO_PASSWORD, salt=username.encode().ljust(16, b"."))
        town = towns.get(DEMO_USER_TOWNS[username]) if username in DEMO_USER_TOWNS else None
        rows.append((k, username, display, pw, role.value, dept_id_by_name.get(dept) if dept else None, town, True,
                     False))
    username, display, role = DEMO_SYSTEM_ACCOUNT
    rows.append((len(rows) + 1, username, display, "!system", role.value, None, None, True, True))
    return rows
