"""The demo-only vocabulary (record titles, clue texts, permits) from resources/reference."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from core.errors import ConfigError

FILE = "demo_vocabulary.json"


@lru_cache(maxsize=1)
def load_vocabulary() -> dict:
    """The parsed vocabulary; a broken file raises ConfigError naming it."""
    path = resources.files("resources") / "reference" / FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(f"cannot read the demo vocabulary: {exc}", where=str(path)) from exc
    for key in ("records", "clues", "pushes", "commitments"):
        if key not in data:
            raise ConfigError(f"missing section {key!r}", where=str(path))
    return data
