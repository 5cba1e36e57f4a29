"""MapIndex: filter, count and aggregate the entity columns for map views.

All work happens on a ``_State`` (the columns plus what is derived from
them: the optional pyramid and small caches of masks and colour categories). A call
takes a local reference to the current state and uses only that, so ``view()`` may
run on worker threads while ``replace_columns`` swaps in a refreshed one; the caches
lock internally. Cached arrays are read-only; treat ``text_ids`` passed in as immutable
too (masks are cached by the array's identity).

Views read rows or, for large categorical-only views, the pyramid (see pyramid.py):

* rows: rows are sorted by x, so the view's west..east slice is found by binary search;
  rows in it are kept by latitude and the filter mask, then either returned as points
  (at most ``point_limit``) or aggregated into global-grid cells (grid.py).
* pyramid: used when built, the filter has only risk/type/status/town parts, colour is
  risk/type/status, ``cell_px`` is a power of two and the grid level exists. It counts
  whole cells at the view's edge; when that count is within ``point_limit`` the rows
  path answers instead (points need rows).
"""
from __future__ import annotations

import threading
import time
from collections.abc import Hashable, Sequence
from dataclasses import replace

import numpy as np
from numpy.typing import ArrayLike, NDArray

from core.services.search import EntityFilter

from .columns import EntityColumns
from .grid import Cells, Grid, Window, aggregate
from .masks import (
    PYRAMID_FIELDS,
    Lru,
    Mask,
    attribute_tables,
    compute_mask,
    is_pyramid_filter,
    lookup_table,
)
from .mercator import lat_to_y, lng_to_x, x_to_lng, y_to_lat
from .polygon import inside_ring
from .patch import EntityChanges, apply_changes, read_changes
from .pyramid import Pyramid, patched
from .view import ViewRequest, ViewResult

PYRAMID_MIN_ROWS = 3_000_000
MASK_CACHE = 8
HEAT_SUBDIVISION = 4


class _Same:
    """Hashes and compares an object by identity (for arrays in cache keys)."""

    __slots__ = ("obj",)

    def __init__(self, obj: object) -> None:
        self.obj = obj

    def __hash__(self) -> int:
        return id(self.obj)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.obj is self.obj


def _frozen(a: np.ndarray) -> np.ndarray:
    a.flags.writeable = False
    return a


def _tag_categories(columns: EntityColumns, tags: tuple[int, ...]) -> NDArray[np.int16]:
    cat = np.full(len(columns), len(tags), dtype=np.int16)
    for i in range(len(tags) - 1, -1, -1):  # assign backwards: the first listed tag wins
        cat[columns.tag_rows.get(tags[i], np.zeros(0, np.int32))] = i
    return _frozen(cat)


class _State:
    """Columns with what is derived from them (pyramid, caches); never replaced in part."""

    def __init__(self, columns: EntityColumns, pyramid: bool | None, built: Pyramid | None = None) -> None:
        self.columns = columns
        build = len(columns) >= PYRAMID_MIN_ROWS if pyramid is None else pyramid
        self.pyramid = built if built is not None or not build else Pyramid.build(columns)
        self._masks: Lru[Mask | None] = Lru(MASK_CACHE)
        self._colours: Lru[NDArray[np.int16]] = Lru(4)

    def mask(self, f: EntityFilter, text_ids: np.ndarray | None) -> Mask | None:
        key: Hashable = (f, None if text_ids is None else _Same(text_ids))

        def compute() -> Mask | None:
            m = compute_mask(self.columns, f, text_ids)
            return None if m is None else _frozen(m)
        return self._masks.get(key, compute)

    def uses_pyramid(self, f: EntityFilter, text_ids: np.ndarray | None) -> bool:
        return self.pyramid is not None and is_pyramid_filter(f, text_ids)

    def categories(self, req: ViewRequest) -> tuple[tuple[str, ...], np.ndarray]:
        if req.colour_by == "tags":
            tags = tuple(int(t) for t in req.colour_tags)
            cat = self._colours.get(tags, lambda: _tag_categories(self.columns, tags))
            return tuple(f"tag:{t}" for t in tags) + ("none",), cat
        return self.columns.vocab[req.colour_by], self.columns.codes(req.colour_by)

    def pyramid_tables(self, f: EntityFilter) -> dict[str, Mask]:
        return attribute_tables(self.columns.vocab, f, PYRAMID_FIELDS)

    def count(self, f: EntityFilter, text_ids: np.ndarray | None) -> int:
        if self.uses_pyramid(f, text_ids):
            assert self.pyramid is not None
            return round(self.pyramid.select(0, None, self.pyramid_tables(f)).count.sum())
        m = self.mask(f, text_ids)
        return len(self.columns) if m is None else int(np.count_nonzero(m))

    def x_slice(self, west: float, east: float) -> slice:
        """Rows whose longitude is within [west, east] (x is sorted)."""
        x = self.columns.x
        return slice(int(np.searchsorted(x, lng_to_x(west), "left")), int(np.searchsorted(x, lng_to_x(east), "right")))


class MapIndex:
    """Filters and screen-space aggregation over an ``EntityColumns`` snapshot."""

    def __init__(self, columns: EntityColumns, *, pyramid: bool | None = None) -> None:
        self._pyramid = pyramid
        self._lock = threading.Lock()
        self._patching = threading.Lock()
        self._state = _State(columns, pyramid)

    @property
    def columns(self) -> EntityColumns:
        return self._state.columns

    @property
    def has_pyramid(self) -> bool:
        return self._state.pyramid is not None

    def replace_columns(self, columns: EntityColumns) -> None:
        """Swap in refreshed columns; calls already running finish on the old ones."""
        state = _State(columns, self._pyramid)  # built before taking the lock
        with self._lock:
            self._state = state

    def patch(self, db, entity_ids: ArrayLike = (), tag_ids: ArrayLike = ()) -> EntityColumns:
        """Re-read only ``entity_ids`` (and the members of ``tag_ids``) and swap in columns and a
        pyramid that hold them; calls already running finish on the old state. Returns the columns."""
        return self.apply(read_changes(db, np.asarray(entity_ids, dtype=np.int64).ravel().tolist(),
                                       np.asarray(tag_ids, dtype=np.int64).ravel().tolist()))

    def apply(self, changes: EntityChanges) -> EntityColumns:
        """Swap in the current state with ``changes`` applied (see :meth:`patch`)."""
        with self._patching:  # patches build on one another: one at a time
            old = self._state
            columns = apply_changes(old.columns, changes)
            pyramid = None
            if old.pyramid is not None:
                pyramid = patched(old.pyramid, old.columns, columns, changes.asked)
            state = _State(columns, self._pyramid if pyramid is None else True, pyramid)
            with self._lock:
                self._state = state
        return columns

    def build_pyramid(self) -> None:
        """Pre-aggregate the current columns now, and on every later ``replace_columns``.

        Meant for a background thread after the first paint: views keep answering from
        the rows until the pyramid is swapped in.
        """
        self._pyramid = True
        columns = self._state.columns
        state = _State(columns, True)
        with self._lock:
            if self._state.columns is columns:  # not replaced meanwhile (that one builds its own)
                self._state = state

    def mask(self, f: EntityFilter, text_ids: np.ndarray | None = None) -> Mask:
        """bool per row (read-only): does the entity match ``f`` (and ``text_ids``)?"""
        state = self._state
        m = state.mask(f, text_ids)
        return _frozen(np.ones(len(state.columns), dtype=bool)) if m is None else m

    def count(self, f: EntityFilter, text_ids: np.ndarray | None = None) -> int:
        """How many entities match ``f``."""
        return self._state.count(f, text_ids)

    def positions(self, entity_ids: ArrayLike) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(ids found, lat, lng) in ascending id order; unknown ids are left out."""
        cols = self._state.columns
        rows = cols.rows_of(entity_ids)
        return cols.ids[rows], cols.lat[rows], cols.lng[rows]

    def town_counts(self, f: EntityFilter, text_ids: np.ndarray | None = None, *,
                    risk: str | None = None) -> dict[str, int]:
        """{town code: matching entities} for every town, optionally of one risk class only."""
        return self.region_counts(f, text_ids, risk=risk, level="town")

    def region_counts(self, f: EntityFilter, text_ids: np.ndarray | None = None, *,
                      risk: str | None = None, level: str = "town") -> dict[str, int]:
        """{region code: matching entities} for every town (or ``level`` "village": village),
        optionally of one risk class only. The pyramid keeps towns only; villages count rows."""
        if level not in ("town", "village"):
            raise ValueError(f"unknown region level {level!r}")
        state = self._state
        cols = state.columns
        towns = cols.vocab[level]
        if risk is not None and risk not in cols.vocab["risk"]:
            raise ValueError(f"unknown risk class {risk!r}")
        if level == "town" and state.uses_pyramid(f, text_ids):
            assert state.pyramid is not None
            tables = state.pyramid_tables(f)
            if risk is not None:
                only = lookup_table(cols.vocab["risk"], [risk])
                tables["risk"] = tables["risk"] & only if "risk" in tables else only
            entries = state.pyramid.select(0, None, tables)
            counts = np.rint(np.bincount(entries.codes["town"], weights=entries.count, minlength=len(towns)))
        else:
            m = state.mask(f, text_ids)
            if risk is not None:
                is_risk = cols.risk == cols.vocab["risk"].index(risk)
                m = is_risk if m is None else m & is_risk
            codes = cols.town if level == "town" else cols.village
            counts = np.bincount(codes if m is None else codes[m], minlength=len(towns))
        return {code: int(n) for code, n in zip(towns, counts)}

    def ids_in_polygon(self, ring: Sequence[tuple[float, float]], f: EntityFilter,
                       text_ids: np.ndarray | None = None) -> np.ndarray:
        """Sorted ids of matching entities inside ``ring`` ((lat, lng) display vertices, not closed)."""
        pts = np.asarray(ring, dtype=np.float64).reshape(-1, 2)
        if len(pts) < 3:
            raise ValueError("a polygon needs at least three vertices")
        state = self._state
        cols = state.columns
        ring_x, ring_y = lng_to_x(pts[:, 1]), lat_to_y(pts[:, 0])
        part = state.x_slice(float(pts[:, 1].min()), float(pts[:, 1].max()))
        lat = cols.lat[part]
        keep = (lat >= pts[:, 0].min()) & (lat <= pts[:, 0].max())
        m = state.mask(f, text_ids)
        if m is not None:
            keep &= m[part]
        rows = np.flatnonzero(keep) + part.start
        inside = inside_ring(cols.x[rows], cols.y[rows], ring_x, ring_y)
        return np.sort(cols.ids[rows[inside]])

    def view(self, req: ViewRequest) -> ViewResult:
        """Clusters or points for one viewport (see the module docstring)."""
        started = time.perf_counter()
        state = self._state
        grid = Grid.for_zoom(req.zoom, req.cell_px)
        result = None
        if state.uses_pyramid(req.filter, req.text_ids) and req.colour_by != "tags":
            result = _view_pyramid(state, req, grid)
        if result is None:
            result = _view_rows(state, req, grid)
        return replace(result, elapsed_ms=(time.perf_counter() - started) * 1000)


def _bounds_xy(req: ViewRequest) -> tuple[float, float, float, float]:
    """(west x, east x, north y, south y) of the request's bounds."""
    return (float(lng_to_x(req.west)), float(lng_to_x(req.east)),
            float(lat_to_y(req.north)), float(lat_to_y(req.south)))


def _cell_deg(grid: Grid, req: ViewRequest) -> tuple[float, float]:
    wx, ex, ny, sy = _bounds_xy(req)
    return grid.cell_degrees((wx + ex) / 2, (ny + sy) / 2)


def _heat_fields(cells: Cells | None) -> dict[str, np.ndarray | None]:
    """ViewResult's heat arrays: cell centroids and counts scaled to a peak of 1."""
    if cells is None:
        return {"heat_lat": None, "heat_lng": None, "heat_w": None}
    peak = cells.count.max() if cells.count.size else 1
    return {"heat_lat": y_to_lat(cells.y), "heat_lng": x_to_lng(cells.x), "heat_w": cells.count / peak}


def _clusters(req: ViewRequest, grid: Grid, keys: tuple[str, ...], total: int, visible: int,
              cells: Cells, heat: Cells | None) -> ViewResult:
    return ViewResult(
        mode="clusters", total=total, visible=visible, category_keys=keys,
        category_visible=cells.cats.sum(axis=0, dtype=np.int64).reshape(len(keys)),
        cell_deg=_cell_deg(grid, req), cluster_lat=y_to_lat(cells.y), cluster_lng=x_to_lng(cells.x),
        cluster_count=cells.count, cluster_cats=cells.cats, **_heat_fields(heat))


def _view_rows(state: _State, req: ViewRequest, grid: Grid) -> ViewResult:
    cols = state.columns
    keys, categories = state.categories(req)
    m = state.mask(req.filter, req.text_ids)
    total = len(cols) if m is None else int(np.count_nonzero(m))
    part = state.x_slice(req.west, req.east)
    lat = cols.lat[part]
    keep = lat >= req.south
    keep &= lat <= req.north
    if m is not None:
        keep &= m[part]
    sel: slice | np.ndarray = part
    if not keep.all():  # else every row of the slice is in: read views, copy nothing
        sel = np.flatnonzero(keep)
        sel += part.start
    cat, x, y = categories[sel], cols.x[sel], cols.y[sel]
    visible = int(cat.size)
    wx, ex, ny, sy = _bounds_xy(req)
    heat = None
    if req.heat:
        fine = grid.finer(HEAT_SUBDIVISION)
        heat = aggregate(Window.covering(fine, wx, ex, ny, sy), fine.cells(x), fine.cells(y), x, y)
    if visible <= req.point_limit:
        rows = np.arange(part.start, part.stop) if isinstance(sel, slice) else sel
        order = np.argsort(cols.ids[rows])
        rows = rows[order]
        return ViewResult(
            mode="points", total=total, visible=visible, category_keys=keys,
            category_visible=np.bincount(cat, minlength=len(keys)).astype(np.int64),
            cell_deg=_cell_deg(grid, req), cluster_cats=np.zeros((0, len(keys)), np.int64),
            point_id=cols.ids[rows], point_lat=cols.lat[rows], point_lng=cols.lng[rows],
            point_cat=cat[order].astype(np.int16), **_heat_fields(heat))
    window = Window.covering(grid, wx, ex, ny, sy)
    cells = aggregate(window, grid.cells(x), grid.cells(y), x, y, cat=cat, ncat=len(keys))
    return _clusters(req, grid, keys, total, visible, cells, heat)


def _view_pyramid(state: _State, req: ViewRequest, grid: Grid) -> ViewResult | None:
    """The view from the pyramid, or None when the pyramid cannot answer it."""
    pyramid = state.pyramid
    level, fine = grid.level, grid.finer(HEAT_SUBDIVISION)
    if pyramid is None or level is None or level not in pyramid.levels or (
            req.heat and fine.level not in pyramid.levels):
        return None
    tables = state.pyramid_tables(req.filter)
    wx, ex, ny, sy = _bounds_xy(req)
    window = Window.covering(grid, wx, ex, ny, sy, margin=0)
    entries = pyramid.select(level, window, tables)
    visible = round(entries.count.sum())
    if visible <= req.point_limit:
        return None
    keys = state.columns.vocab[req.colour_by]
    cells = aggregate(window, entries.cx, entries.cy, entries.sum_x, entries.sum_y, weight=entries.count,
                      cat=entries.codes[req.colour_by], ncat=len(keys))
    heat = None
    if req.heat:
        assert fine.level is not None
        fine_window = Window.covering(fine, wx, ex, ny, sy, margin=0)
        e = pyramid.select(fine.level, fine_window, tables)
        heat = aggregate(fine_window, e.cx, e.cy, e.sum_x, e.sum_y, weight=e.count)
    total = state.count(req.filter, req.text_ids)
    return replace(_clusters(req, grid, keys, total, visible, cells, heat), source="pyramid")
