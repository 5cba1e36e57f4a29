"""What the map asks of the index for one view, and what it gets back.

Everything is in the display coordinate system the columns were loaded in. A result
carries either clusters or points (the other mode's arrays are empty, never None), the
per-category counts inside the view, and optionally a finer heat grid.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from core.services.search import EntityFilter

COLOUR_BY = ("risk", "entity_type", "status", "tags")


@dataclass(frozen=True)
class ViewRequest:
    """A viewport (bounds in display coordinates, zoom, pixels) and what to show in it."""

    south: float
    west: float
    north: float
    east: float
    zoom: float
    width: int
    height: int
    filter: EntityFilter = field(default_factory=EntityFilter)
    text_ids: np.ndarray | None = field(default=None, compare=False)
    colour_by: str = "risk"
    colour_tags: tuple[int, ...] = ()
    cell_px: int = 64
    point_limit: int = 3000
    heat: bool = False

    def __post_init__(self) -> None:
        if self.colour_by not in COLOUR_BY:
            raise ValueError(f"colour_by must be one of {', '.join(COLOUR_BY)}, not {self.colour_by!r}")
        if not (self.south <= self.north and self.west <= self.east):
            raise ValueError(f"bounds must have south <= north and west <= east: {self}")


def _empty(dtype: type = np.float64) -> np.ndarray:
    return np.zeros(0, dtype=dtype)


@dataclass(frozen=True)
class ViewResult:
    """Aggregated entities of one view (see docs/map-protocol.md for how the page draws them)."""

    mode: str  # "clusters" | "points"
    total: int
    visible: int
    category_keys: tuple[str, ...]
    category_visible: np.ndarray
    cell_deg: tuple[float, float]
    cluster_lat: np.ndarray = field(default_factory=_empty)
    cluster_lng: np.ndarray = field(default_factory=_empty)
    cluster_count: np.ndarray = field(default_factory=lambda: _empty(np.int64))
    cluster_cats: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), np.int64))
    point_id: np.ndarray = field(default_factory=lambda: _empty(np.int64))
    point_lat: np.ndarray = field(default_factory=_empty)
    point_lng: np.ndarray = field(default_factory=_empty)
    point_cat: np.ndarray = field(default_factory=lambda: _empty(np.int16))
    heat_lat: np.ndarray | None = None
    heat_lng: np.ndarray | None = None
    heat_w: np.ndarray | None = None
    elapsed_ms: float = 0.0
    source: str = "rows"  # "rows" | "pyramid": what answered (diagnostics, benchmarks)
