"""Pre-aggregated counts per grid cell and attribute combination, for province scale.

Level ``g`` is the global grid with ``2**g`` cells per world unit: the grid a view uses
at zoom ``z`` with ``cell_px = 2**k`` is level ``z + 8 - k``. Each level holds one entry
per occupied (cell, risk, entity type, status, town) with the entry's count and the sums
of its rows' world x and y, sorted by cell so a view reads a slice of it. A view whose
filter only uses those attributes (and is coloured by risk, type or status) aggregates
entries instead of rows: at 10 million rows a province view reads thousands of entries.

Levels are built from the finest (``FINEST``) down by merging cells, and a level is kept
only while it has at most ``MAX_SHARE`` entries per row (finer ones would save nothing;
those zooms read rows). Level 0 (one cell) answers counts and town counts.

An entry stands for a whole cell, so a view answered from the pyramid counts every
entity of each cell its bounds touch: ``visible`` and the edge clusters may include
entities just outside the bounds. Totals are exact.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from .columns import EntityColumns
from .grid import Window

COLUMNS = ("risk", "entity_type", "status", "town")
FINEST = 18
MAX_SHARE = 0.25


@dataclass(frozen=True)
class Level:
    """Entries of one level, sorted by (cx, cy)."""

    level: int
    cx: NDArray[np.int64]
    cy: NDArray[np.int64]
    codes: dict[str, NDArray[np.int64]]
    count: NDArray[np.float64]  # float: bincount weights; exact below 2**53
    sum_x: NDArray[np.float64]
    sum_y: NDArray[np.float64]

    def __len__(self) -> int:
        return int(self.cx.size)


@dataclass(frozen=True)
class Entries:
    """The entries of a level selected for a view (parallel arrays)."""

    cx: NDArray[np.int64]
    cy: NDArray[np.int64]
    count: NDArray[np.float64]
    sum_x: NDArray[np.float64]
    sum_y: NDArray[np.float64]
    codes: dict[str, NDArray[np.int64]]


class Pyramid:
    """Levels 0 .. max_level of pre-aggregated entries (see the module docstring)."""

    def __init__(self, levels: dict[int, Level]) -> None:
        self.levels = levels

    @classmethod
    def build(cls, columns: EntityColumns, *, finest: int = FINEST, max_share: float = MAX_SHARE) -> Pyramid:
        radices = [len(columns.vocab[c]) for c in COLUMNS]
        combos = int(np.prod(radices))
        # The key (cell, combination) must fit in int64.
        finest = min(finest, (62 - combos.bit_length()) // 2)
        combo = _combo({name: columns.codes(name) for name in COLUMNS}, radices)
        scale = float(2 ** finest)
        cx = (columns.x * scale).astype(np.int64)
        cy = (columns.y * scale).astype(np.int64)
        level = _merge(finest, cx, cy, combo, combos, radices, None, columns.x, columns.y)
        levels = {finest: level}
        for g in range(finest - 1, -1, -1):
            combo = _combo(level.codes, radices)
            level = _merge(g, level.cx >> 1, level.cy >> 1, combo, combos, radices, level.count, level.sum_x, level.sum_y)
            levels[g] = level
        return cls({g: lv for g, lv in levels.items() if g == 0 or len(lv) <= max_share * len(columns)})

    def select(self, level: int, window: Window | None, tables: dict[str, NDArray[np.bool_]]) -> Entries:
        """Entries of ``level`` inside ``window`` (all when None) whose codes pass ``tables``."""
        lv = self.levels[level]
        lo, hi = 0, len(lv)
        if window is not None:
            lo = int(np.searchsorted(lv.cx, window.cx0, side="left"))
            hi = int(np.searchsorted(lv.cx, window.cx0 + window.ncx - 1, side="right"))
        cy = lv.cy[lo:hi]
        keep = np.ones(cy.size, dtype=bool) if window is None else (cy >= window.cy0) & (cy < window.cy0 + window.ncy)
        for name, table in tables.items():
            keep &= table[lv.codes[name][lo:hi]]
        return Entries(lv.cx[lo:hi][keep], cy[keep], lv.count[lo:hi][keep], lv.sum_x[lo:hi][keep],
                       lv.sum_y[lo:hi][keep], {n: c[lo:hi][keep] for n, c in lv.codes.items()})


def _combo(codes: dict[str, np.ndarray], radices: list[int]) -> NDArray[np.int64]:
    combo = np.zeros(codes[COLUMNS[0]].size, dtype=np.int64)
    for name, radix in zip(COLUMNS, radices):
        combo *= radix
        combo += codes[name]
    return combo


def _merge(g: int, cx: NDArray[np.int64], cy: NDArray[np.int64], combo: NDArray[np.int64], combos: int,
           radices: list[int], weight: NDArray[np.float64] | None, sum_x: NDArray[np.float64],
           sum_y: NDArray[np.float64]) -> Level:
    """One entry per distinct (cell, combination) of the inputs, sorted by cell."""
    key = ((cx << g) | cy) * combos + combo
    unique, inverse = np.unique(key, return_inverse=True)
    count = np.bincount(inverse, weights=weight, minlength=unique.size).astype(np.float64)
    sx = np.bincount(inverse, weights=sum_x, minlength=unique.size)
    sy = np.bincount(inverse, weights=sum_y, minlength=unique.size)
    cell, combo = np.divmod(unique, combos)
    codes: dict[str, NDArray[np.int64]] = {}
    for name, radix in zip(reversed(COLUMNS), reversed(radices)):
        combo, codes[name] = np.divmod(combo, radix)
    return Level(g, cell >> g, cell & ((1 << g) - 1), codes, count, sx, sy)


def _level_rows(columns: EntityColumns, rows: np.ndarray, radices: list[int]) -> tuple[np.ndarray, ...]:
    """(x, y, combination) of some rows of ``columns``."""
    return columns.x[rows], columns.y[rows], _combo({n: columns.codes(n)[rows] for n in COLUMNS}, radices)


def patched(pyramid: Pyramid, old: EntityColumns, new: EntityColumns, entity_ids: np.ndarray) -> Pyramid | None:
    """``pyramid`` (of ``old``) brought to ``new``, where only ``entity_ids`` changed: their old
    rows are taken out of every level and their new rows put in. None when the attribute
    vocabularies grew (the combination keys change: build a new pyramid)."""
    radices = [len(old.vocab[c]) for c in COLUMNS]
    if radices != [len(new.vocab[c]) for c in COLUMNS]:
        return None
    combos = int(np.prod(radices))
    old_rows, new_rows = old.rows_of(entity_ids), new.rows_of(entity_ids)
    ox, oy, oc = _level_rows(old, old_rows, radices)
    nx, ny, nc = _level_rows(new, new_rows, radices)
    x, y, combo = np.concatenate([ox, nx]), np.concatenate([oy, ny]), np.concatenate([oc, nc])
    weight = np.concatenate([np.full(ox.size, -1.0), np.ones(nx.size)])
    levels = {}
    for g, lv in pyramid.levels.items():
        scale = float(2 ** g)
        delta = _merge(g, (x * scale).astype(np.int64), (y * scale).astype(np.int64), combo, combos, radices,
                       weight, x * weight, y * weight)
        levels[g] = _add(lv, delta, combos, radices)
    return Pyramid(levels)


def _key(lv: Level, combos: int, radices: list[int]) -> np.ndarray:
    return ((lv.cx << lv.level) | lv.cy) * combos + _combo(lv.codes, radices)


def _add(lv: Level, delta: Level, combos: int, radices: list[int]) -> Level:
    """Entries of ``lv`` plus the (signed) entries of ``delta``; emptied entries dropped."""
    keys, dkeys = _key(lv, combos, radices), _key(delta, combos, radices)
    at = np.searchsorted(keys, dkeys)
    found = at < keys.size
    found[found] = keys[at[found]] == dkeys[found]
    count, sum_x, sum_y = lv.count.copy(), lv.sum_x.copy(), lv.sum_y.copy()
    np.add.at(count, at[found], delta.count[found])
    np.add.at(sum_x, at[found], delta.sum_x[found])
    np.add.at(sum_y, at[found], delta.sum_y[found])
    fresh, where = ~found, at[~found]
    arrays = {"cx": np.insert(lv.cx, where, delta.cx[fresh]), "cy": np.insert(lv.cy, where, delta.cy[fresh]),
              "count": np.insert(count, where, delta.count[fresh]),
              "sum_x": np.insert(sum_x, where, delta.sum_x[fresh]), "sum_y": np.insert(sum_y, where, delta.sum_y[fresh])}
    codes = {n: np.insert(c, where, delta.codes[n][fresh]) for n, c in lv.codes.items()}
    gone = np.flatnonzero(np.rint(arrays["count"]) == 0)
    if gone.size:
        arrays = {k: np.delete(v, gone) for k, v in arrays.items()}
        codes = {n: np.delete(c, gone) for n, c in codes.items()}
    return Level(lv.level, codes=codes, **arrays)
