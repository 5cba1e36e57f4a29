"""The map's columnar index of every market entity (numpy, no Qt, no ORM objects).

``load_columns``/``open_columns`` read positions and attribute codes into
``EntityColumns`` (optionally through an on-disk snapshot kept fresh by ``data_stamp``);
``MapIndex`` answers filters, counts, polygons and per-view screen-space clusters from
them (``ViewRequest`` -> ``ViewResult``); ``MapIndex.patch`` re-reads only changed
entities and tags (patch.py), counting the rows it reads in ``counters.ROWS_READ``, and
``LazySnapshot`` saves patched columns now and then. docs/map-protocol.md is the
contract with the page; everything here is in the display coordinate system chosen at load.
"""
from .columns import EntityColumns
from .index import MapIndex
from .loader import load_columns
from .snapshot import LazySnapshot, load_snapshot, open_columns, save_snapshot, snapshot_path
from .stamp import data_stamp
from .synthetic import synthetic_columns
from .view import ViewRequest, ViewResult

__all__ = [
    "EntityColumns", "LazySnapshot", "MapIndex", "ViewRequest", "ViewResult", "data_stamp", "load_columns", "load_snapshot",
    "open_columns", "save_snapshot", "snapshot_path", "synthetic_columns",
]
