"""The columnar snapshot of every market entity the map needs: one row per entity.

Rows are kept in ascending world-x order (west to east), so a view or a polygon touches
only the slice of rows between its west and east edges (``np.searchsorted`` on ``x``).
Attributes are small integer codes into ``vocab``; tags are sorted row lists per tag.
``id_rows`` lists row positions in ascending id order, for id lookups.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import ArrayLike, NDArray

from core.db.models.enums import EntityStatus, EntityType, RiskClass

from .gcj import to_display
from .mercator import lat_to_y, lng_to_x

RISKS: tuple[str, ...] = tuple(r.value for r in RiskClass)
ENTITY_TYPES: tuple[str, ...] = tuple(t.value for t in EntityType)
STATUSES: tuple[str, ...] = tuple(s.value for s in EntityStatus)

# Column name -> dtype of its codes. uint8 columns have closed vocabularies.
CODE_COLUMNS: dict[str, type[np.unsignedinteger]] = {
    "risk": np.uint8, "entity_type": np.uint8, "status": np.uint8,
    "industry": np.uint16, "town": np.uint16, "village": np.uint16,
}
FIXED_VOCAB: dict[str, tuple[str, ...]] = {"risk": RISKS, "entity_type": ENTITY_TYPES, "status": STATUSES}
EMPTY_ROWS = np.zeros(0, dtype=np.int32)


@dataclass(eq=False)
class EntityColumns:
    """Parallel arrays, one row per entity, in display coordinates. Treat as read-only."""

    ids: NDArray[np.int64]
    lat: NDArray[np.float64]
    lng: NDArray[np.float64]
    x: NDArray[np.float64]
    y: NDArray[np.float64]
    risk: NDArray[np.uint8]
    entity_type: NDArray[np.uint8]
    status: NDArray[np.uint8]
    industry: NDArray[np.uint16]
    town: NDArray[np.uint16]
    village: NDArray[np.uint16]
    vocab: dict[str, tuple[str, ...]]
    tag_rows: dict[int, NDArray[np.int32]]
    display: str
    stamp: str
    id_rows: NDArray[np.int64] | None = field(default=None, repr=False)
    _lookup: IdLookup = field(init=False, repr=False)

    def __post_init__(self) -> None:
        if self.id_rows is None:
            self.id_rows = np.argsort(self.ids, kind="stable")
        self._lookup = IdLookup(self.ids, self.id_rows)

    def __len__(self) -> int:
        return int(self.ids.shape[0])

    def codes(self, column: str) -> NDArray[np.unsignedinteger]:
        """The code array of an attribute column ("risk", "town", ...)."""
        if column not in CODE_COLUMNS:
            raise KeyError(column)
        return getattr(self, column)

    def rows_of(self, entity_ids: ArrayLike) -> NDArray[np.int64]:
        """Row positions of the given ids that exist, in ascending id order (duplicates once)."""
        return self._lookup(np.unique(np.asarray(entity_ids, dtype=np.int64)))


class IdLookup:
    """Positions of ids in an id array: a direct table when the ids are dense (they come
    from a sequence, so they nearly always are), binary search otherwise."""

    def __init__(self, ids: NDArray[np.int64], order: NDArray[np.int64] | None = None) -> None:
        """``order``: positions of ``ids`` in ascending id order, if known."""
        self.size = int(ids.size)
        self._table: NDArray[np.signedinteger] | None = None
        top = int(ids.max()) if ids.size else -1
        if ids.size and int(ids.min()) >= 0 and top <= 4 * ids.size + 1024:
            self._table = np.full(top + 1, -1, dtype=np.int32 if ids.size < 2**31 else np.int64)
            self._table[ids] = np.arange(ids.size)
        else:
            self._order = np.argsort(ids, kind="stable") if order is None else np.asarray(order)
            self._sorted = ids[self._order]

    def __call__(self, wanted: NDArray[np.int64]) -> NDArray[np.int64]:
        """Positions of the ``wanted`` ids that exist, in the order asked (missing ones dropped)."""
        if self._table is not None:
            pos = self._table[wanted[(wanted >= 0) & (wanted < self._table.size)]]
            return pos[pos >= 0].astype(np.int64)
        if not self.size:
            return np.zeros(0, dtype=np.int64)
        at = np.searchsorted(self._sorted, wanted)
        at[at >= self.size] = 0
        return self._order[at[self._sorted[at] == wanted]]


def assemble(
    *,
    ids: ArrayLike,
    lat_wgs: ArrayLike,
    lng_wgs: ArrayLike,
    codes: Mapping[str, ArrayLike],
    vocab: Mapping[str, tuple[str, ...]],
    tag_members: Mapping[int, ArrayLike],
    display: str,
    stamp: str,
) -> EntityColumns:
    """Columns from arrays in any row order: convert to ``display``, project, sort by x.

    ``tag_members`` gives, per tag id, positions into the input arrays.
    """
    lat, lng = to_display(lat_wgs, lng_wgs, display)
    x = lng_to_x(lng)
    order = np.argsort(x)  # ties keep no particular order; nothing depends on it
    inverse = np.empty_like(order)
    inverse[order] = np.arange(order.size, dtype=order.dtype)
    for column, values in vocab.items():
        if len(values) > np.iinfo(CODE_COLUMNS[column]).max + 1:
            raise ValueError(f"too many distinct {column} codes for the index: {len(values)}")
    ids = np.asarray(ids, dtype=np.int64)
    tag_rows = {
        int(tag): np.sort(inverse[np.asarray(members, dtype=np.int64)]).astype(np.int32)
        for tag, members in sorted(tag_members.items())
    }
    lat = lat[order]
    return EntityColumns(
        ids=ids[order],
        lat=lat,
        lng=lng[order],
        x=x[order],
        y=lat_to_y(lat),
        **{name: np.asarray(codes[name], dtype=dtype)[order] for name, dtype in CODE_COLUMNS.items()},
        vocab={name: tuple(vocab[name]) for name in CODE_COLUMNS},
        tag_rows=tag_rows,
        display=display,
        stamp=stamp,
        # Input in ascending id order (as loaded): the k-th id now sits at inverse[k].
        id_rows=inverse if _ascending(ids) else None,
    )


def _ascending(a: NDArray[np.int64]) -> bool:
    return bool(a.size < 2 or np.all(a[1:] > a[:-1]))
