"""Which rows an ``EntityFilter`` keeps, as a boolean mask over the columns.

Categorical parts become lookup tables indexed by the code columns (``lut[codes]``),
tags and id lists become row sets; parts combine with ``&``. The text part cannot be
read from columns: callers pass ``text_ids`` (the ids the database's text search found)
and the mask keeps rows whose id is among them. A filter with no parts yields ``None``
("every row") so the callers can skip masking altogether.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from typing import Generic, TypeVar

import numpy as np
from numpy.typing import NDArray

from core.services.search import EntityFilter

from .columns import EntityColumns

# EntityFilter field -> code column, for the parts a lookup table answers.
ATTRIBUTE_FIELDS: dict[str, str] = {
    "risk_classes": "risk", "entity_types": "entity_type", "statuses": "status",
    "town_codes": "town", "village_codes": "village", "industry_codes": "industry",
}
# The parts the pyramid pre-aggregates (it keeps counts per risk, type, status and town).
PYRAMID_FIELDS = ("risk_classes", "entity_types", "statuses", "town_codes")

Mask = NDArray[np.bool_]
V = TypeVar("V")


def check_text(f: EntityFilter, text_ids: np.ndarray | None) -> None:
    """Refuse a text filter without the ids it matched (the columns hold no text)."""
    if f.text.strip() and text_ids is None:
        raise ValueError("a filter with text needs text_ids (EntitySearch(db).ids(EntityFilter(text=...)))")


def is_pyramid_filter(f: EntityFilter, text_ids: np.ndarray | None) -> bool:
    """True when only the parts the pyramid holds are set."""
    check_text(f, text_ids)
    return (text_ids is None and not f.text.strip() and not f.tag_ids and not f.entity_ids
            and not f.village_codes and not f.industry_codes)


def lookup_table(vocab: tuple[str, ...], wanted: Iterable[str]) -> Mask:
    """bool per code: is its value wanted? Values not in the vocabulary select nothing."""
    index = {value: i for i, value in enumerate(vocab)}
    table = np.zeros(len(vocab), dtype=bool)
    table[[index[w] for w in wanted if w in index]] = True
    return table


def attribute_tables(vocab: dict[str, tuple[str, ...]], f: EntityFilter,
                     fields: Iterable[str] = ATTRIBUTE_FIELDS) -> dict[str, Mask]:
    """{code column: lookup table} for the attribute parts of ``f`` that are set."""
    return {ATTRIBUTE_FIELDS[name]: lookup_table(vocab[ATTRIBUTE_FIELDS[name]], getattr(f, name))
            for name in fields if getattr(f, name)}


def _and(mask: Mask | None, part: Mask) -> Mask:
    if mask is None:
        return part
    mask &= part
    return mask


def _rows_mask(n: int, rows: np.ndarray) -> Mask:
    mask = np.zeros(n, dtype=bool)
    mask[rows] = True
    return mask


def compute_mask(columns: EntityColumns, f: EntityFilter, text_ids: np.ndarray | None = None) -> Mask | None:
    """The rows ``f`` keeps (``None`` when it keeps every row)."""
    check_text(f, text_ids)
    n = len(columns)
    mask: Mask | None = None
    for column, table in attribute_tables(columns.vocab, f).items():
        mask = _and(mask, table[columns.codes(column)])
    if f.tag_ids:
        # Intersect the (sorted) row lists first: usually far smaller than the table.
        lists = sorted((columns.tag_rows.get(int(t), np.zeros(0, np.int32)) for t in set(f.tag_ids)), key=len)
        rows = lists[0]
        for other in lists[1:]:
            rows = np.intersect1d(rows, other, assume_unique=True)
        mask = _and(mask, _rows_mask(n, rows))
    for ids in (f.entity_ids or None, text_ids):
        if ids is not None:
            mask = _and(mask, _rows_mask(n, columns.rows_of(np.asarray(ids, dtype=np.int64))))
    return mask


class Lru(Generic[V]):
    """A small thread-safe least-recently-used cache; values are computed outside the lock."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._items: OrderedDict[Hashable, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], V]) -> V:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = compute()
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return value
