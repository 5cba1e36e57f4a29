"""The demo-only vocabulary (record titles, clue texts, permits) from resources/reference."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from core.errors import ConfigError

from .applicability import IndustryRules, patterns

FILE = "demo_vocabulary.json"


@lru_cache(maxsize=1)
def load_vocabulary() -> dict:
    """The parsed vocabulary; a broken file raises ConfigError naming it."""
    path = resources.files("resources") / "reference" / FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(f"cannot read the demo vocabulary: {exc}", where=str(path)) from exc
    for key in ("records", "clues", "pushes", "commitments", "draws"):
        if key not in data:
            raise ConfigError(f"missing section {key!r}", where=str(path))
    _check(data, str(path))
    return data


def _titled(data: dict):
    """(where, entry) of every title that may name the industries it applies to."""
    for kind, v in data["records"].items():
        if isinstance(v["titles"], dict):
            yield from ((f"records.{kind}.titles.{t}", e) for t, e in v["titles"].items())
    yield from ((f"pushes.permits.{t}", e) for t, e in data["pushes"]["permits"].items())
    yield from ((f"commitments.matters.{t}", e) for t, e in data["commitments"]["matters"].items())
    yield from ((f"clues.matters.{c}", e) for c, e in data["clues"]["matters"].items())


def _check(data: dict, path: str) -> None:
    """Industry patterns are sections or code prefixes; every clue matter has texts; a joint batch
    (联合) has at least two departments."""
    rules = IndustryRules.from_vocabulary(data)
    for where, entry in _titled(data):
        for pattern in patterns(entry):
            rules.check(pattern, f"{path}: {where}")
    for code, entry in data["clues"]["matters"].items():
        if not entry.get("texts"):
            raise ConfigError(f"matter {code} has no clue texts", where=f"{path}: clues.matters.{code}")
    for part in ("history", "showcase"):
        for b in data["draws"][part]:
            if "联合" in b["name"] and len(b["departments"]) < 2:
                raise ConfigError(f"joint batch {b['name']!r} lists fewer than two departments",
                                  where=f"{path}: draws.{part}")
