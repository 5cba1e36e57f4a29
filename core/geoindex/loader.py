"""Reading every entity's position, attribute codes and tags from the database.

Everything is read inside one read transaction (a WAL snapshot on SQLite, REPEATABLE READ
on PostgreSQL), so the columns and the stamp taken with them describe the same data.
Positions come through the DB-API cursor in id-keyset chunks (numbers only, no ORM, no
row objects). Each attribute column is read as one row per distinct value carrying the
list of ids that have it (``GROUP BY`` over an index, ids aggregated into one string
parsed by numpy): a few hundred rows instead of a million string objects.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import chain

import numpy as np
from numpy.typing import NDArray
from sqlalchemy import Column, Connection, Text, cast, func, literal, select

from core.db.database import Database
from core.db.models import Industry, MarketEntity, Town, Village, entity_tags
from core.errors import Cancelled

from .columns import CODE_COLUMNS, FIXED_VOCAB, EntityColumns, IdLookup, assemble
from .counters import ROWS_READ
from .gcj import DISPLAY_SYSTEMS
from .stamp import read_stamp

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]

CHUNK = 200_000
_entities = MarketEntity.__table__
# Index column -> (entity column, reference table column giving the full vocabulary).
_ATTRIBUTES: dict[str, tuple[Column, Column | None]] = {
    "risk": (_entities.c.risk_class, None),
    "entity_type": (_entities.c.entity_type, None),
    "status": (_entities.c.status, None),
    "industry": (_entities.c.industry_code, Industry.__table__.c.code),
    "town": (_entities.c.town_code, Town.__table__.c.code),
    "village": (_entities.c.village_code, Village.__table__.c.code),
}


class _Steps:
    """Progress in steps (position chunks, attribute columns, tags, assembly) and cancellation."""

    def __init__(self, total: int, progress: Progress | None, is_cancelled: IsCancelled | None) -> None:
        self.total, self.done = total, 0
        self._progress, self._is_cancelled = progress, is_cancelled

    def check(self) -> None:
        if self._is_cancelled is not None and self._is_cancelled():
            raise Cancelled("loading the map index was cancelled", where="map index")

    def advance(self) -> None:
        self.done = min(self.done + 1, self.total)
        if self._progress is not None:
            self._progress(self.done, self.total)
        self.check()


@contextmanager
def read_transaction(db: Database) -> Iterator[Connection]:
    """A connection whose statements all see one consistent state of the data."""
    with db.engine.connect() as conn:
        if db.dialect == "postgresql":
            conn = conn.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
            with conn.begin():
                yield conn
        else:
            # pysqlite opens no transaction for reads; an explicit one pins the WAL snapshot.
            conn.exec_driver_sql("BEGIN")
            try:
                yield conn
            finally:
                conn.rollback()


def load_columns(db: Database, *, display: str = "wgs84", progress: Progress | None = None,
                 is_cancelled: IsCancelled | None = None) -> EntityColumns:
    """Every entity of ``db`` as columns in ``display`` coordinates; raises Cancelled if asked."""
    if display not in DISPLAY_SYSTEMS:
        raise ValueError(f"the map index displays {' or '.join(DISPLAY_SYSTEMS)}, not {display!r}")
    with read_transaction(db) as conn:
        stamp = read_stamp(conn)
        total = conn.execute(select(func.count()).select_from(_entities)).scalar_one()
        steps = _Steps(-(-total // CHUNK) + len(_ATTRIBUTES) + 2, progress, is_cancelled)
        steps.check()
        ids, lat, lng = _read_positions(conn, steps)
        positions = IdLookup(ids)
        codes: dict[str, NDArray[np.unsignedinteger]] = {}
        vocab: dict[str, tuple[str, ...]] = {}
        for name in CODE_COLUMNS:
            codes[name], vocab[name] = _read_codes(conn, db.dialect, name, positions)
            steps.advance()
        members = {tag: positions(entity_ids)
                   for tag, entity_ids in _id_lists(conn, db.dialect, entity_tags.c.tag_id, entity_tags.c.entity_id)}
        steps.advance()
    ROWS_READ.add("entity_columns", ids.size)
    ROWS_READ.add("entity_tags", sum(m.size for m in members.values()))
    columns = assemble(ids=ids, lat_wgs=lat, lng_wgs=lng, codes=codes, vocab=vocab, tag_members=members,
                       display=display, stamp=stamp)
    steps.advance()
    return columns


def _read_positions(conn: Connection, steps: _Steps) -> tuple[NDArray[np.int64], NDArray[np.float64], NDArray[np.float64]]:
    cursor = conn.connection.cursor()
    parts: list[NDArray[np.float64]] = []
    last: int | None = None
    try:
        while True:
            # Keyset paging on the primary key; the bound is an int we produced, safe to inline.
            after = "" if last is None else f" WHERE id > {int(last)}"
            cursor.execute(f"SELECT id, lat, lng FROM market_entities{after} ORDER BY id LIMIT {CHUNK}")
            rows = cursor.fetchall()
            if not rows:
                break
            block = np.fromiter(chain.from_iterable(rows), dtype=np.float64, count=3 * len(rows)).reshape(-1, 3)
            parts.append(block)
            last = int(rows[-1][0])
            steps.advance()
    finally:
        cursor.close()
    table = np.concatenate(parts) if parts else np.zeros((0, 3))
    return table[:, 0].astype(np.int64), np.ascontiguousarray(table[:, 1]), np.ascontiguousarray(table[:, 2])


def _id_lists(conn: Connection, dialect: str, key: Column, ids: Column) -> Iterator[tuple[object, NDArray[np.int64]]]:
    """(value, ids having it) for each distinct value of ``key``."""
    if dialect == "postgresql":
        agg = func.string_agg(cast(ids, Text), literal(","))
    else:
        agg = func.group_concat(ids)
    for value, joined in conn.execute(select(key, agg).group_by(key)):
        yield value, np.fromstring(joined, dtype=np.int64, sep=",")


def _read_codes(conn: Connection, dialect: str, name: str,
                positions: IdLookup) -> tuple[NDArray[np.unsignedinteger], tuple[str, ...]]:
    column, reference = _ATTRIBUTES[name]
    groups = [(str(getattr(value, "value", value)), rows)
              for value, rows in _id_lists(conn, dialect, column, _entities.c.id)]
    seen = {value for value, _ in groups}
    if name in FIXED_VOCAB:
        vocab = FIXED_VOCAB[name] + tuple(sorted(seen - set(FIXED_VOCAB[name])))
    else:
        vocab = tuple(sorted(seen | set(conn.execute(select(reference)).scalars())))
    index = {value: i for i, value in enumerate(vocab)}
    codes = np.zeros(positions.size, dtype=CODE_COLUMNS[name])
    for value, group_ids in groups:
        codes[positions(group_ids)] = index[value]
    return codes, vocab
