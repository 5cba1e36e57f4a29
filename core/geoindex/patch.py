"""Bringing the columns up to date for a few changed entities or tags, without the city.

:func:`read_changes` reads only the rows of the changed entities (position and attribute
values) and their tag memberships, plus the whole membership of each changed tag; every
row read is counted in :data:`~core.geoindex.counters.ROWS_READ`. :func:`apply_changes`
makes new columns from the old ones and those rows:

- attributes or tags changed, position not: the touched code columns are copied and
  rewritten, every other array is shared (no row moves);
- a point moved, appeared or vanished: the other rows keep their x order and the
  incoming rows are merged in at their x position (one linear pass per column), and tag
  rows are renumbered.

A value new to a vocabulary (a town added since the load) is appended to it. The result
holds exactly what a full load would, up to the order of rows with equal x and the order
of appended vocabulary entries (:func:`same_content` compares the two).
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import numpy as np
from numpy.typing import NDArray
from sqlalchemy import Connection, select

from core.db.database import Database
from core.db.models import MarketEntity, entity_tags

from .columns import CODE_COLUMNS, EntityColumns, IdLookup
from .counters import ROWS_READ
from .gcj import to_display
from .loader import _ATTRIBUTES, read_transaction
from .mercator import lat_to_y, lng_to_x
from .stamp import read_stamp

_CHUNK = 500  # ids per IN (...) list: well under SQLite's bound-parameter limit
_entities = MarketEntity.__table__


@dataclass(frozen=True)
class EntityChanges:
    """What the database now holds for some entities and tags."""

    asked: NDArray[np.int64]                 # every entity id asked about (found or gone)
    ids: NDArray[np.int64]                   # the ones that exist, with their rows below
    lat: NDArray[np.float64]                 # WGS-84, as stored
    lng: NDArray[np.float64]
    values: dict[str, list[str]]             # code column -> stored value per found id
    tags: dict[int, frozenset[int]]          # found id -> its tag ids
    tag_members: dict[int, NDArray[np.int64]]  # changed tag id -> every member entity id
    stamp: str


def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    for i in range(0, len(ids), _CHUNK):
        yield [int(v) for v in ids[i:i + _CHUNK]]


def _plain(value) -> str:
    return str(getattr(value, "value", value))


def read_changes(db: Database, entity_ids: Iterable[int] = (), tag_ids: Iterable[int] = ()) -> EntityChanges:
    """The current rows of ``entity_ids`` and memberships of ``tag_ids`` (one read transaction)."""
    asked = np.unique(np.fromiter((int(i) for i in entity_ids), dtype=np.int64))
    tags_asked = sorted({int(t) for t in tag_ids})
    names = list(CODE_COLUMNS)
    columns = [_ATTRIBUTES[name][0] for name in names]
    rows: list = []
    pairs: list = []
    members: dict[int, NDArray[np.int64]] = {}
    with read_transaction(db) as conn:
        for part in _chunks(asked):
            rows += conn.execute(select(_entities.c.id, _entities.c.lat, _entities.c.lng, *columns)
                                 .where(_entities.c.id.in_(part))).all()
            pairs += conn.execute(select(entity_tags.c.entity_id, entity_tags.c.tag_id)
                                  .where(entity_tags.c.entity_id.in_(part))).all()
        for tag in tags_asked:
            members[tag] = np.fromiter(_members(conn, tag), dtype=np.int64)
        stamp = read_stamp(conn)
    ROWS_READ.add("entity_columns", len(rows))
    ROWS_READ.add("entity_tags", len(pairs) + sum(m.size for m in members.values()))
    rows.sort(key=lambda r: r[0])
    tags: dict[int, set[int]] = {int(r[0]): set() for r in rows}
    for entity, tag in pairs:
        tags.setdefault(int(entity), set()).add(int(tag))
    return EntityChanges(
        asked=asked, ids=np.array([r[0] for r in rows], dtype=np.int64),
        lat=np.array([r[1] for r in rows], dtype=np.float64), lng=np.array([r[2] for r in rows], dtype=np.float64),
        values={name: [_plain(r[3 + i]) for r in rows] for i, name in enumerate(names)},
        tags={e: frozenset(t) for e, t in tags.items()}, tag_members=members, stamp=stamp)


def _members(conn: Connection, tag: int) -> Iterable[int]:
    for (entity,) in conn.execute(select(entity_tags.c.entity_id).where(entity_tags.c.tag_id == tag)):
        yield int(entity)


def _codes(columns: EntityColumns, changes: EntityChanges) -> tuple[dict[str, tuple[str, ...]], dict[str, np.ndarray]]:
    """Vocabularies (extended with new values) and the codes of the found rows."""
    vocab = dict(columns.vocab)
    codes: dict[str, np.ndarray] = {}
    for name, dtype in CODE_COLUMNS.items():
        values = changes.values[name]
        words = vocab[name]
        new = sorted(set(values) - set(words))
        if new:
            words = words + tuple(new)
            if len(words) > np.iinfo(dtype).max + 1:
                raise ValueError(f"too many distinct {name} codes for the index: {len(words)}")
            vocab[name] = words
        index = {w: i for i, w in enumerate(words)}
        codes[name] = np.array([index[v] for v in values], dtype=dtype)
    return vocab, codes


def apply_changes(columns: EntityColumns, changes: EntityChanges) -> EntityColumns:
    """New columns holding ``changes`` (see the module docstring); ``columns`` is not modified."""
    vocab, codes = _codes(columns, changes)
    lat, lng = to_display(changes.lat, changes.lng, columns.display)
    old_rows_all = columns.rows_of(changes.asked)          # rows of asked ids that exist, ascending id
    old_ids = columns.ids[old_rows_all]
    found_at = np.searchsorted(changes.ids, old_ids)      # where each existing asked id is among the found
    found_at[found_at >= changes.ids.size] = 0
    still = changes.ids.size > 0
    kept_in_db = (changes.ids[found_at] == old_ids) if still else np.zeros(old_ids.size, dtype=bool)
    stays = np.zeros(old_ids.size, dtype=bool)
    if still:
        f = found_at[kept_in_db]
        stays[kept_in_db] = (columns.lat[old_rows_all[kept_in_db]] == lat[f]) & (
            columns.lng[old_rows_all[kept_in_db]] == lng[f])
    if stays.all() and old_ids.size == changes.ids.size:
        # Nothing moved, appeared or vanished: rewrite codes and tags where they are.
        out = _rewrite_in_place(columns, old_rows_all, codes, found_at, changes)
        return replace(out, vocab=vocab, stamp=changes.stamp)
    removed = old_rows_all[~stays]
    incoming = np.ones(changes.ids.size, dtype=bool)
    incoming[found_at[stays]] = False
    return _rebuild(columns, removed, np.flatnonzero(incoming), lat, lng, codes, vocab, changes,
                    staying=(old_rows_all[stays], found_at[stays]))


def _rewrite_in_place(columns: EntityColumns, rows: np.ndarray, codes: dict[str, np.ndarray],
                      found_at: np.ndarray, changes: EntityChanges) -> EntityColumns:
    arrays: dict[str, np.ndarray] = {}
    for name in CODE_COLUMNS:
        current = columns.codes(name)
        wanted = codes[name][found_at]
        if rows.size and not np.array_equal(current[rows], wanted):
            copy = current.copy()
            copy[rows] = wanted
            arrays[name] = copy
    tag_rows = _retag(columns.tag_rows, rows, [changes.tags.get(int(i), frozenset()) for i in columns.ids[rows]],
                      changes, columns.rows_of)
    return replace(columns, **arrays, tag_rows=tag_rows, id_rows=columns.id_rows)


def _retag(tag_rows: dict[int, np.ndarray], rows: np.ndarray, row_tags: list[frozenset[int]],
           changes: EntityChanges, rows_of, renumber: np.ndarray | None = None) -> dict[int, np.ndarray]:
    """Tag row lists where ``rows`` (new numbering) carry ``row_tags`` and each re-read tag
    holds exactly its members (``rows_of``: ids -> new rows). ``renumber`` maps old row
    numbers to new ones (-1: row gone); None keeps them."""
    out: dict[int, np.ndarray] = {}
    wanted: dict[int, list[int]] = {}
    for row, tags in zip(rows.tolist(), row_tags):
        for tag in tags:
            wanted.setdefault(tag, []).append(row)
    for tag in (set(tag_rows) | set(wanted)) - set(changes.tag_members):
        current = tag_rows.get(tag, np.zeros(0, np.int32))
        if renumber is not None:
            current = renumber[current]
            current = current[current >= 0]
        if rows.size:
            current = current[~np.isin(current, rows)]
        add = np.asarray(wanted.get(tag, ()), dtype=np.int64)
        merged = (np.union1d(current, add) if add.size else current).astype(np.int32)
        if merged.size:
            out[tag] = merged
    for tag, members in changes.tag_members.items():
        found = np.sort(rows_of(members)).astype(np.int32)
        if found.size:
            out[tag] = found
    return dict(sorted(out.items()))


def _rebuild(columns: EntityColumns, removed: np.ndarray, incoming: np.ndarray, lat: np.ndarray, lng: np.ndarray,
             codes: dict[str, np.ndarray], vocab: dict[str, tuple[str, ...]], changes: EntityChanges,
             staying: tuple[np.ndarray, np.ndarray]) -> EntityColumns:
    n = len(columns)
    keep = np.ones(n, dtype=bool)
    keep[removed] = False
    in_x = lng_to_x(lng[incoming])
    order = np.argsort(in_x, kind="stable")
    incoming, in_x = incoming[order], in_x[order]
    # Incoming row j lands after the kept rows with x <= its x and after incoming rows 0..j-1.
    kept_x = columns.x[keep]
    slots = np.searchsorted(kept_x, in_x, side="right") + np.arange(incoming.size)
    m = kept_x.size + incoming.size
    is_new = np.zeros(m, dtype=bool)
    is_new[slots] = True
    is_kept = ~is_new
    renumber = np.full(n, -1, dtype=np.int64)
    renumber[keep] = np.flatnonzero(is_kept)

    def merge(old: np.ndarray, new: np.ndarray) -> np.ndarray:
        # Boolean masks on both sides: contiguous runs copied in order, no gather by index.
        out = np.empty(m, dtype=old.dtype)
        out[is_kept] = old[keep]
        out[slots] = new
        return out

    ids = merge(columns.ids, changes.ids[incoming])
    arrays = {
        "ids": ids, "lat": merge(columns.lat, lat[incoming]), "lng": merge(columns.lng, lng[incoming]),
        "x": _merged_x(kept_x, is_kept, slots, in_x), "y": merge(columns.y, lat_to_y(lat[incoming])),
        **{name: merge(columns.codes(name), codes[name][incoming]) for name in CODE_COLUMNS},
    }
    stay_rows, stay_found = staying  # rows that did not move may still have new codes
    new_rows = renumber[stay_rows]
    for name in CODE_COLUMNS:
        arrays[name][new_rows] = codes[name][stay_found]
    # Ids in ascending order without sorting the city: drop the removed ids, merge in the new ones.
    by_id = columns.ids[columns.id_rows]
    by_id = by_id[~np.isin(by_id, columns.ids[removed])]
    new_ids = np.sort(changes.ids[incoming])
    by_id = np.insert(by_id, np.searchsorted(by_id, new_ids), new_ids)
    lookup = IdLookup(ids)
    result = EntityColumns(**arrays, vocab=vocab, tag_rows={}, display=columns.display, stamp=changes.stamp,
                           id_rows=lookup(by_id))
    changed_rows = np.concatenate([new_rows, slots]).astype(np.int64)
    changed_found = np.concatenate([stay_found, incoming])
    row_tags = [changes.tags.get(int(changes.ids[f]), frozenset()) for f in changed_found]
    result.tag_rows = _retag(columns.tag_rows, changed_rows, row_tags, changes,
                             lambda wanted: lookup(np.unique(wanted)), renumber=renumber)
    return result


def _merged_x(kept_x: np.ndarray, is_kept: np.ndarray, slots: np.ndarray, in_x: np.ndarray) -> np.ndarray:
    out = np.empty(is_kept.size, dtype=kept_x.dtype)
    out[is_kept] = kept_x
    out[slots] = in_x
    return out


def same_content(a: EntityColumns, b: EntityColumns) -> bool:
    """True when ``a`` and ``b`` hold the same entities with the same positions, values and tags."""
    if len(a) != len(b) or a.display != b.display:
        return False
    ra, rb = a.id_rows, b.id_rows
    if not np.array_equal(a.ids[ra], b.ids[rb]):
        return False
    for name in ("lat", "lng", "x", "y"):
        if not np.array_equal(getattr(a, name)[ra], getattr(b, name)[rb]):
            return False
    for name in CODE_COLUMNS:
        va, vb = np.asarray(a.vocab[name]), np.asarray(b.vocab[name])
        if not np.array_equal(va[a.codes(name)[ra]], vb[b.codes(name)[rb]]):
            return False
    members_a = {t: set(a.ids[r].tolist()) for t, r in a.tag_rows.items()}
    members_b = {t: set(b.ids[r].tolist()) for t, r in b.tag_rows.items()}
    return members_a == members_b and bool(np.all(np.diff(a.x) >= 0))
