"""Screen-space clusters on a global grid, aggregated with ``np.bincount``.

The grid is global: at integer zoom ``z = round(zoom)`` a cell is
``floor(world_pixel / cell_px)`` in each axis, with ``world_pixel = unit * 256 * 2**z``.
A cell therefore never moves while the user pans; only which cells are in view changes,
so a cluster well inside the view keeps its count and centroid.

Aggregation works on the cells covering the view plus one cell of margin, numbered
compactly (``(cx - cx0) * ncy + (cy - cy0)``), so ``np.bincount`` over those keys gives
per-cell counts, coordinate sums (for count-weighted centroids) and, over
``key * ncat + cat``, per-cell category counts. The same code aggregates raw rows
(weight 1, sums = positions) and pyramid entries (weights = counts, sums = sums).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from .mercator import world_px, y_to_lat

DENSE_CELLS = 4_000_000  # above this many window cells, compact the keys with np.unique first

F64 = NDArray[np.float64]
I64 = NDArray[np.int64]


def integer_zoom(zoom: float) -> int:
    """The zoom whose grid a (possibly fractional) map zoom uses: round half up."""
    return math.floor(zoom + 0.5)


@dataclass(frozen=True)
class Grid:
    """A global grid of ``scale`` cells per world unit in each axis."""

    scale: float

    @classmethod
    def for_zoom(cls, zoom: float, cell_px: float) -> Grid:
        if cell_px <= 0:
            raise ValueError(f"cell_px must be positive, not {cell_px}")
        return cls(world_px(integer_zoom(zoom)) / cell_px)

    def finer(self, factor: int) -> Grid:
        return Grid(self.scale * factor)

    @property
    def level(self) -> int | None:
        """log2(scale) when the grid is a power-of-two subdivision of the world, else None."""
        exponent = math.log2(self.scale)
        return int(exponent) if exponent.is_integer() and exponent >= 0 else None

    def cells(self, u: F64) -> I64:
        """Cell index along one axis of world coordinates ``u`` (>= 0, so truncation floors)."""
        return (u * self.scale).astype(np.int64)

    def cell(self, u: float) -> int:
        return math.floor(u * self.scale)

    def cell_degrees(self, x_centre: float, y_centre: float) -> tuple[float, float]:
        """(width, height) in degrees of one cell around a world position."""
        half = 0.5 / self.scale
        height = float(y_to_lat(y_centre - half) - y_to_lat(y_centre + half))
        return 360.0 / self.scale, height


@dataclass(frozen=True)
class Window:
    """Cells ``cx0 .. cx0+ncx-1`` by ``cy0 .. cy0+ncy-1``: a view's cells plus margin."""

    cx0: int
    cy0: int
    ncx: int
    ncy: int

    @classmethod
    def covering(cls, grid: Grid, west_x: float, east_x: float, north_y: float, south_y: float,
                 margin: int = 1) -> Window:
        cx0, cy0 = grid.cell(west_x) - margin, grid.cell(north_y) - margin
        return cls(cx0, cy0, grid.cell(east_x) + margin - cx0 + 1, grid.cell(south_y) + margin - cy0 + 1)


@dataclass(frozen=True)
class Cells:
    """Non-empty cells: count, count-weighted centroid (world units), per-category counts."""

    count: I64
    x: F64
    y: F64
    cats: I64  # (n_cells, n_categories); (n_cells, 0) when no categories were asked

    @classmethod
    def empty(cls, ncat: int = 0) -> Cells:
        return cls(np.zeros(0, np.int64), np.zeros(0), np.zeros(0), np.zeros((0, ncat), np.int64))


def aggregate(window: Window, cx: I64, cy: I64, sum_x: F64, sum_y: F64, *, weight: F64 | None = None,
              cat: np.ndarray | None = None, ncat: int = 0) -> Cells:
    """Sum rows (``weight`` None: one each) or entries (``weight`` = counts) per cell.

    ``sum_x``/``sum_y`` are the positions of rows, or the coordinate sums of entries.
    """
    if cx.size == 0:
        return Cells.empty(ncat if cat is not None else 0)
    key = cx * window.ncy
    key += cy
    key -= window.cx0 * window.ncy + window.cy0
    ncell = window.ncx * window.ncy
    if ncell > DENSE_CELLS:  # a view far larger than its zoom suggests: number only occupied cells
        _, key = np.unique(key, return_inverse=True)
        ncell = int(key.max()) + 1
    if cat is not None:
        cat_key = key * ncat
        cat_key += cat
        per_cat = np.bincount(cat_key, weights=weight, minlength=ncell * ncat).reshape(ncell, ncat)
        count = per_cat.sum(axis=1)  # one pass over the rows fewer than a separate count
    else:
        per_cat = None
        count = np.bincount(key, weights=weight, minlength=ncell)
    keep = np.flatnonzero(count)
    n = count[keep]
    x = np.bincount(key, weights=sum_x, minlength=ncell)[keep] / n
    y = np.bincount(key, weights=sum_y, minlength=ncell)[keep] / n
    cats = np.zeros((keep.size, 0), np.int64) if per_cat is None else _exact(per_cat[keep], weight)
    return Cells(_exact(n, weight), x, y, cats)


def _exact(counts: np.ndarray, weight: F64 | None) -> I64:
    """Counts as int64 (weighted bincounts sum floats that hold integers exactly)."""
    return np.rint(counts).astype(np.int64) if weight is not None else counts.astype(np.int64)
