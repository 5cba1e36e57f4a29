"""Checked access to parsed reference JSON: typed fields, unique codes, template placeholders.

Every failure is a :class:`core.errors.ConfigError` whose ``where`` names the file and field.
"""
from __future__ import annotations

import math
import string
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

from core.errors import ConfigError

_TOLERANCE = 1e-6


class _Doc:
    """One parsed JSON file and the label used in error messages."""

    def __init__(self, label: str, data: Any) -> None:
        self.label = label
        self.data = data

    def fail(self, field: str, message: str) -> ConfigError:
        return ConfigError(message, where=f"{self.label}: {field}" if field else self.label)

    def get(self, obj: Any, key: str, kind: type | tuple[type, ...], field: str, *, optional: bool = False) -> Any:
        """``obj[key]`` checked to be of ``kind``; strings must not be blank."""
        path = f"{field}.{key}" if field else key
        if not isinstance(obj, dict):
            raise self.fail(field, "expected an object")
        if key not in obj or obj[key] is None:
            if optional:
                return None
            raise self.fail(path, "missing")
        return self.check(obj[key], kind, path)

    def check(self, value: Any, kind: type | tuple[type, ...], path: str) -> Any:
        kinds = kind if isinstance(kind, tuple) else (kind,)
        if float in kinds and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if isinstance(value, bool) and bool not in kinds or not isinstance(value, kinds):
            names = "/".join(k.__name__ for k in kinds)
            raise self.fail(path, f"expected {names}, got {type(value).__name__}")
        if isinstance(value, str) and not value.strip():
            raise self.fail(path, "must not be empty")
        if isinstance(value, float) and not math.isfinite(value):
            raise self.fail(path, "must be a finite number")
        return value

    def strings(self, obj: Any, key: str, field: str, *, min_len: int = 1) -> tuple[str, ...]:
        path = f"{field}.{key}" if field else key
        items = self.get(obj, key, list, field)
        out = tuple(self.check(v, str, f"{path}[{i}]") for i, v in enumerate(items))
        if len(out) < min_len:
            raise self.fail(path, f"needs at least {min_len} entries")
        return out

    def weighted(self, value: Any, path: str, *, allow_empty_text: bool = False) -> tuple[tuple[str, float], ...]:
        """A non-empty list of ``[text, weight > 0]`` pairs."""
        items = self.check(value, list, path)
        if not items:
            raise self.fail(path, "needs at least one entry")
        out = []
        for i, pair in enumerate(items):
            p = f"{path}[{i}]"
            if not (isinstance(pair, list) and len(pair) == 2):
                raise self.fail(p, "expected [text, weight]")
            text = pair[0] if allow_empty_text and pair[0] == "" else self.check(pair[0], str, f"{p}[0]")
            w = self.check(pair[1], float, f"{p}[1]")
            if w <= 0:
                raise self.fail(f"{p}[1]", "weight must be positive")
            out.append((text, w))
        return tuple(out)

    def shares(self, value: Any, path: str, keys: Iterable[str], *, exact: bool) -> Mapping[str, float]:
        """A ``{key: share}`` object whose shares lie in [0, 1] and sum to 1."""
        obj = self.check(value, dict, path)
        allowed = tuple(keys)
        got = {k: v for k, v in obj.items() if not k.startswith("_")}
        unknown = sorted(set(got) - set(allowed))
        if unknown:
            raise self.fail(f"{path}.{unknown[0]}", f"unknown key; expected one of {', '.join(allowed)}")
        if exact and set(got) != set(allowed):
            raise self.fail(path, f"needs all of {', '.join(allowed)}")
        out = {}
        for k in allowed:
            if k in got:
                v = self.check(got[k], float, f"{path}.{k}")
                if not 0 <= v <= 1:
                    raise self.fail(f"{path}.{k}", "share must be between 0 and 1")
                out[k] = v
        total = sum(out.values())
        if abs(total - 1) > _TOLERANCE:
            raise self.fail(path, f"shares sum to {total:.6f}, not 1")
        return MappingProxyType(out)


def _unique(doc: _Doc, codes: Iterable[str], path: str) -> None:
    seen: set[str] = set()
    for i, code in enumerate(codes):
        if code in seen:
            raise doc.fail(f"{path}[{i}].code", f"duplicate code {code!r}")
        seen.add(code)


def _placeholders(doc: _Doc, pattern: str, path: str, allowed: frozenset[str]) -> set[str]:
    try:
        found = {f for _, f, _, _ in string.Formatter().parse(pattern) if f is not None}
    except ValueError as exc:
        raise doc.fail(path, f"bad pattern: {exc}") from None
    bad = sorted(found - allowed)
    if bad or "" in found:
        raise doc.fail(path, f"unknown placeholder {{{bad[0] if bad else ''}}}; allowed: {', '.join(sorted(allowed))}")
    return found


# ------------------------------------------------------------------------------- files
