"""Hostile inputs for the importers, plan files and search (hypothesis strategies), and the
runners that say what became of each: accepted, refused with a named place, or a traceback.

Used by the property tests (a few hundred cases per kind) and by the ``trust`` benchmark's
fuzz part (tests/bench/trust_fuzz.py, >= 10,000 cases per kind). A case is built from a
valid template by replacing, removing or adding a field at a JSON path, so most cases get
deep into the checks instead of failing at the first one.
"""
from __future__ import annotations

import contextlib
import io
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from sqlalchemy import func, inspect, select, table

FUZZ_SETTINGS = settings(max_examples=int(os.environ.get("TONGGUAN_FUZZ_EXAMPLES", "200")), deadline=None,
                         database=None, derandomize=False,
                         suppress_health_check=list(HealthCheck))

# Hand-picked nasties: what PostgreSQL refuses, what Python cannot hash or encode, what overflows.
NASTY_TEXT = ["\x00", "a\x00b", "\ud800", "x\udfffy", "\ufeff", "\u202e", "\r\n", "\x1b[2J", "x" * 5000,
              '"', "*", "NEAR(a b)", "a OR b", "%", "_", "\\", "'; DROP TABLE clues; --", "<img src=x>",
              "9" * 400, "1e999", "-1e999", "NaN", "Infinity", "2027-02-30", "0001-01-01T00:00:00+14:00",
              "9999-12-31T23:59:59-14:00", "", " ", "null"]
NASTY_NUMBERS = [2**63, -(2**63) - 1, 2**64, 10**30, -1, 0, float("inf"), float("-inf"), float("nan"), 1e308,
                 -0.0, True, False]

_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.sampled_from(NASTY_NUMBERS),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=30),
    st.sampled_from(NASTY_TEXT),
)
HOSTILE = st.recursive(_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)), max_leaves=6)


def json_paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    """Every path into ``value`` (keys and list indexes), the root included."""
    out = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            out += json_paths(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += json_paths(v, prefix + (i,))
    return out


def _mutate(doc: Any, path: tuple, how: str, value: Any) -> Any:
    if not path:
        return value if how == "replace" else doc
    parent = doc
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if how == "remove":
        del parent[last]
    elif how == "add" and isinstance(parent, dict):
        parent[f"{last}_extra"] = value
    else:
        parent[last] = value
    return doc


@st.composite
def mutated(draw, template: Any, max_mutations: int = 3) -> Any:
    """``template`` with 1..max_mutations fields replaced, removed or added (hostile values)."""
    doc = json.loads(json.dumps(template))
    for _ in range(draw(st.integers(1, max_mutations))):
        paths = json_paths(doc)
        path = draw(st.sampled_from(paths[1:] or paths))
        how = draw(st.sampled_from(("replace", "replace", "replace", "remove", "add")))
        doc = _mutate(doc, path, how, draw(HOSTILE))
    return doc


def write_json(path: Path, data: Any) -> Path:
    """``data`` as a file the way another system might write it (lone surrogates as \\u escapes)."""
    try:
        text = json.dumps(data, ensure_ascii=True)
    except (ValueError, TypeError):
        text = json.dumps(str(data))
    path.write_text(text, encoding="utf-8")
    return path


# ---- what became of a case ----------------------------------------------------------


@dataclass
class Tally:
    """Counts of one input kind."""

    cases: int = 0
    accepted: int = 0
    refused: int = 0
    tracebacks: list[str] = field(default_factory=list)
    partial_writes: list[str] = field(default_factory=list)
    unnamed: list[str] = field(default_factory=list)   # refusals that do not say where

    def as_dict(self) -> dict:
        return {"cases": self.cases, "accepted": self.accepted, "refused": self.refused,
                "tracebacks": len(self.tracebacks), "partial_writes": len(self.partial_writes),
                "unnamed_refusals": len(self.unnamed)}


def fingerprint(engine) -> dict[str, int]:
    """Row counts of every table but the audit trail (a refusal may not change any of them)."""
    names = [n for n in inspect(engine).get_table_names() if not n.startswith("audit")
             and n not in ("alembic_version", "app_meta")]
    with engine.connect() as conn:
        return {n: conn.execute(select(func.count()).select_from(table(n))).scalar_one() for n in names}


def _record(tally: Tally, call: Callable[[], Any], engine, *, where_must_name: str | None,
            describe: str) -> Any:
    """Run ``call``; a TongguanError is a refusal (must name ``where_must_name``), anything else a traceback."""
    from core.errors import TongguanError

    tally.cases += 1
    before = fingerprint(engine) if engine is not None else None
    try:
        result = call()
    except TongguanError as error:
        tally.refused += 1
        if where_must_name and where_must_name not in str(error.where or ""):
            tally.unnamed.append(f"{describe}: {error!s}"[:300])
        if before is not None and fingerprint(engine) != before:
            tally.partial_writes.append(describe[:300])
        return error
    except Exception as error:  # noqa: BLE001 - what we are counting
        tally.tracebacks.append(f"{describe}: {type(error).__name__}: {error}"[:400])
        if before is not None and fingerprint(engine) != before:
            tally.partial_writes.append(describe[:300])
        return error
    tally.accepted += 1
    return result


def run_open311(tally: Tally, db, data: Any, path: Path) -> Any:
    """Import ``data`` written to ``path``; a refused file changes nothing and names the file."""
    from core.services import clues

    write_json(path, data)
    return _record(tally, lambda: clues.import_open311(db, "operator", path), db.engine,
                   where_must_name=str(path), describe=f"open311 {json.dumps(data)[:200]}")


def run_search(tally: Tally, db, f) -> Any:
    """Count and fetch a page for filter ``f``; a refusal names the field."""
    from core.services.search import EntitySearch

    search = EntitySearch(db)
    return _record(tally, lambda: (search.count(f), search.page(f, limit=5)), None,
                   where_must_name="", describe=f"search {f!r}"[:300])


def run_plan(tally: Tally, db, db_url: str, data: Any, path: Path) -> Any:
    """``tongguan draw run`` on ``data``; a refusal (exit 2) names the plan file and changes nothing."""
    from desktop.cli.main import main

    write_json(path, data)
    err = io.StringIO()

    def call():
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
            code = main(["draw", "run", str(path), "--db", db_url, "--json"])
        if code != 0:
            from core.errors import ValidationError
            raise ValidationError(err.getvalue()[-300:], where=err.getvalue())
        return code

    return _record(tally, call, db.engine, where_must_name=str(path), describe=f"plan {json.dumps(data)[:200]}")
