"""How long each kind of clock runs and when a deadline counts as due soon or seriously late.

The statutory figures (5 working days to claim a push, 20 to publish results, 90 calendar
days for a case decision) are defaults; the thresholds that turn a deadline amber or red
are local practice, so an administrator may override any of them in a JSON file
(``deadlines.json`` in the user configuration folder, next to the calendar folder)::

    {"due_soon_working_days": 2,
     "kinds": {"clue_handling": {"days": 10, "serious_after_working_days": 3},
               "case_decision": {"serious_after_working_days": 10}}}

Every key is optional; unknown keys are refused (a typo must not silently do nothing).
A malformed file raises :class:`~core.errors.ConfigError` naming the file and the field,
like the holiday schedule files of :mod:`core.workdays.schedule_file`.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from core.errors import ConfigError
from core.jsonfile import read_json_file

from .kinds import KIND_BY_KEY, KINDS, Kind

_TOP_KEYS = ("due_soon_working_days", "kinds")
_KIND_KEYS = ("days", "serious_after_working_days")
MAX_DAYS = 3650
MAX_THRESHOLD = 365

DEFAULT_SERIOUS_AFTER = 5
_SERIOUS_DEFAULTS = {Kind.CASE_DECISION: 10}


def _default_durations() -> dict[Kind, int]:
    return {k: info.default_days for k, info in KINDS.items()}


def _default_serious() -> dict[Kind, int]:
    return {k: _SERIOUS_DEFAULTS.get(k, DEFAULT_SERIOUS_AFTER) for k in Kind}


@dataclass(frozen=True)
class DeadlinePolicy:
    """Durations and thresholds of every kind of clock.

    ``durations``: per kind, days the clock runs when a row has no due date of its own
    (working days, except calendar days for ``case_decision``, see ``KINDS[k].unit``).
    ``due_soon_working_days``: an open item with at most this many working days left
    (the due day itself counts as 0 left) is "due soon".
    ``serious_after_working_days``: per kind, an open item overdue by at least this many
    working days is "seriously overdue" (escalated to the leadership).
    ``source``: the file the policy was read from, None for the built-in defaults.
    """

    durations: Mapping[Kind, int] = field(default_factory=_default_durations)
    due_soon_working_days: int = 1
    serious_after_working_days: Mapping[Kind, int] = field(default_factory=_default_serious)
    source: str | None = None

    def __post_init__(self) -> None:
        for name in ("durations", "serious_after_working_days"):
            given = getattr(self, name)
            missing = [k.key for k in Kind if k not in given]
            if missing:
                raise ValueError(f"{name} lacks kind(s) {', '.join(missing)}")
        if self.due_soon_working_days < 0:
            raise ValueError("due_soon_working_days must be >= 0")

    def duration(self, kind: Kind | int) -> int:
        return self.durations[Kind(kind)]

    def serious_after(self, kind: Kind | int) -> int:
        return self.serious_after_working_days[Kind(kind)]

    def serious_array(self) -> np.ndarray:
        """``serious_after_working_days`` indexed by kind code (for vectorised lookups)."""
        return np.array([self.serious_after_working_days[k] for k in Kind], dtype=np.int32)

    def with_overrides(self, **changes: Any) -> DeadlinePolicy:
        """A copy with some fields replaced (dict fields are merged, not replaced)."""
        for name in ("durations", "serious_after_working_days"):
            if name in changes:
                given = {_as_kind(k): v for k, v in changes[name].items()}
                changes[name] = {**getattr(self, name), **given}
        return replace(self, **changes)


def _as_kind(k: Kind | int | str) -> Kind:
    return KIND_BY_KEY[k] if isinstance(k, str) else Kind(k)


def default_policy_path() -> Path:
    """Where an administrator puts ``deadlines.json`` (the user configuration folder)."""
    from core.paths import calendar_schedule_dir

    return calendar_schedule_dir().parent / "deadlines.json"


def _fail(where: str, field_name: str, problem: str) -> ConfigError:
    return ConfigError(f"{field_name}: {problem}" if field_name else problem, where=where)


def _check_object(obj: Any, allowed: tuple[str, ...], where: str, field_name: str) -> dict[str, Any]:
    if not isinstance(obj, dict):
        label = field_name or "文件 (the file)"
        raise _fail(where, field_name, f"{label} 必须是 JSON 对象 (must be a JSON object)")
    unknown = sorted(k for k in obj if k not in allowed)
    if unknown:
        raise _fail(where, field_name or unknown[0],
                    f"未知的键 (unknown key(s)) {', '.join(unknown)}; 允许 (allowed): {', '.join(allowed)}")
    return obj


def _whole(value: Any, lo: int, hi: int, where: str, field_name: str) -> int:
    if type(value) is not int or not lo <= value <= hi:
        raise _fail(where, field_name, f"{value!r} 必须是 {lo} 到 {hi} 的整数 (must be a whole number from {lo} to {hi})")
    return value


def parse_policy(raw: Any, where: str, base: DeadlinePolicy | None = None) -> DeadlinePolicy:
    """Validate parsed JSON ``raw`` and apply it over ``base`` (default: built-in policy)."""
    base = base or DeadlinePolicy()
    top = _check_object(raw, _TOP_KEYS, where, "")
    due_soon = base.due_soon_working_days
    if "due_soon_working_days" in top:
        due_soon = _whole(top["due_soon_working_days"], 0, MAX_THRESHOLD, where, "due_soon_working_days")
    durations = dict(base.durations)
    serious = dict(base.serious_after_working_days)
    kinds = _check_object(top.get("kinds", {}), tuple(KIND_BY_KEY), where, "kinds")
    for key, entry in kinds.items():
        kind = KIND_BY_KEY[key]
        entry = _check_object(entry, _KIND_KEYS, where, f"kinds.{key}")
        if "days" in entry:
            durations[kind] = _whole(entry["days"], 1, MAX_DAYS, where, f"kinds.{key}.days")
        if "serious_after_working_days" in entry:
            serious[kind] = _whole(entry["serious_after_working_days"], 1, MAX_THRESHOLD, where,
                                   f"kinds.{key}.serious_after_working_days")
    return DeadlinePolicy(durations, due_soon, serious, source=where)


def load_policy(path: str | Path | None = None) -> DeadlinePolicy:
    """The policy from ``path``, or from the administrator's default file if it exists.

    With no ``path`` and no default file this is the built-in policy. A named file that
    does not exist, is not JSON, or breaks the format raises ConfigError (file + field).
    """
    if path is None:
        path = default_policy_path()
        if not path.exists():
            return DeadlinePolicy()
    return parse_policy(read_json_file(path), str(path))
