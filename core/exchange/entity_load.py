"""Writing checked entity rows (entities, registrations) in bulk: new ones inserted as plain
tuples, known ones (same credit code) updated only where the file says something different,
each update audited with its before and after.

Rows given without a position carry the 位置待核实 tag (``location_unverified``); a row
that later brings a position loses it. Everything runs on the unit of work's connection, in
its one transaction.
"""
from __future__ import annotations

import datetime as dt
import os

from sqlalchemy import Connection, delete, func, insert, select, text, update

from core.db.bulk import load_rows
from core.db.models import Industry, MarketEntity, Tag, entity_tags
from core.db.uow import UnitOfWork

from .spec import UNCLASSIFIED_INDUSTRY, UNVERIFIED_TAG

_T = MarketEntity.__table__
COLUMNS = ("id", "uscc", "name", "entity_type", "industry_code", "legal_rep", "address", "town_code",
           "village_code", "lat", "lng", "registered_on", "status", "risk_class")
_COMPARED = COLUMNS[2:]
_NEW_RISK = "B"  # "general" until the risk model rates it (DOMAIN.md: A low ... D high)
_FTS_INSERT = "market_entities_fts_ai"  # core.db.text_search's insert trigger, rebuilt in one go below
BIG = 20_000
EMPTY_ENOUGH = 100_000  # below this many entities a big load rebuilds the indexes after


def raw(value: object) -> object:
    """A value as the driver gets it in bulk: dates as ISO text (sqlite3's date adapter is deprecated)."""
    return value.isoformat() if isinstance(value, dt.date) else value


def allocate_ids(conn: Connection, n: int) -> list[int]:
    """``n`` fresh entity ids: PostgreSQL draws them from the sequence (safe beside other writers);
    SQLite takes them above the maximum (the unit's IMMEDIATE transaction keeps other writers out)."""
    if n == 0:
        return []
    if conn.dialect.name == "postgresql":
        return list(conn.execute(text("SELECT nextval(pg_get_serial_sequence('market_entities', 'id')) "
                                      "FROM generate_series(1, :n)"), {"n": n}).scalars())
    start = (conn.execute(select(_T.c.id).order_by(_T.c.id.desc()).limit(1)).scalar() or 0) + 1
    return list(range(start, start + n))


class EntityLoader:
    """Inserts and updates entity rows chunk by chunk; counts what it did."""

    def __init__(self, uow: UnitOfWork, today: dt.date) -> None:
        self.uow = uow
        self.conn = uow.session.connection()
        self.today = today
        self.new = self.updated = self.unchanged = 0
        self.new_ids: list[int] = []
        self.changed_ids: list[int] = []
        self._tag_id: int | None = None
        self._fts_deferred_from: int | None = None
        self._deferring = False
        self._was_empty: bool | None = None
        self._dropped: list = []

    def _tag(self, create: bool = True) -> int | None:
        if self._tag_id is None:
            code, zh, en, colour, mzh, men = UNVERIFIED_TAG
            found = self.conn.execute(select(Tag.id).where(Tag.code == code)).scalar()
            if found is None and not create:
                return None
            if found is None:
                found = self.conn.execute(insert(Tag).values(code=code, name_zh=zh, name_en=en, colour=colour,
                                                             meaning_zh=mzh, meaning_en=men)
                                          .returning(Tag.id)).scalar_one()
                self.uow.audit("tag.create", "tag", found, after={"code": code, "name_zh": zh})
            self._tag_id = found
        return self._tag_id

    def _industry(self) -> str:
        code, zh, en = UNCLASSIFIED_INDUSTRY
        if self.conn.execute(select(Industry.code).where(Industry.code == code)).scalar() is None:
            self.conn.execute(insert(Industry).values(code=code, name_zh=zh, name_en=en))
        return code

    def load(self, rows: list[dict]) -> None:
        """Write one chunk of checked rows (no two with the same code)."""
        if self._was_empty is None:
            self._was_empty = self.conn.execute(select(_T.c.id).limit(1)).first() is None
        # Into a table empty when the import began every row is new (the file has no repeats).
        known = {} if self._was_empty else self._existing([r["uscc"] for r in rows])
        fresh = [r for r in rows if r["uscc"] not in known]
        if fresh:
            self._insert(fresh)
        for r in rows:
            if r["uscc"] in known:
                self._update(known[r["uscc"]], r)

    def _existing(self, codes: list[str]) -> dict[str, dict]:
        out: dict[str, dict] = {}
        cols = [_T.c[c] for c in COLUMNS]
        for i in range(0, len(codes), 5000):
            for row in self.conn.execute(select(*cols).where(_T.c.uscc.in_(codes[i:i + 5000]))).mappings():
                out[row["uscc"]] = dict(row)
        tag = self._tag(create=False) if out else None
        flagged: set[int] = set()
        if tag is not None:
            flagged = set(self.conn.execute(select(entity_tags.c.entity_id).where(
                entity_tags.c.tag_id == tag, entity_tags.c.entity_id.in_([r["id"] for r in out.values()]))).scalars())
        for r in out.values():
            r["unverified"] = r["id"] in flagged
        return out

    def _defer_indexes(self) -> None:
        """A big load into a (nearly) empty table: build its secondary indexes once at the end, and
        on SQLite the text search too. DDL is transactional on both: a kill leaves them as they were."""
        self._deferring = True
        sqlite = self.conn.dialect.name == "sqlite"
        if not sqlite:  # the index builds at the end sort in memory (this transaction only)
            self.conn.exec_driver_sql("SET LOCAL maintenance_work_mem = '256MB'")
        if self.conn.execute(select(func.count()).select_from(_T)).scalar_one() < EMPTY_ENOUGH:
            self._dropped = [ix for ix in _T.indexes if not ix.unique and not (sqlite and ix.name.endswith("_trgm"))]
            for ix in self._dropped:
                ix.drop(self.conn)
        if sqlite:
            self._fts_deferred_from = (self.conn.execute(select(_T.c.id).order_by(_T.c.id.desc()).limit(1))
                                       .scalar() or 0)
            self.conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {_FTS_INSERT}")

    def _insert(self, rows: list[dict]) -> None:
        if len(rows) >= BIG and not self._deferring:
            self._defer_indexes()
        ids = allocate_ids(self.conn, len(rows))
        unclassified = None
        tuples, flags = [], []
        for entity_id, r in zip(ids, rows):
            industry = r.get("industry_code")
            if industry is None:
                industry = unclassified = unclassified or self._industry()
            tuples.append((entity_id, r["uscc"], r["name"], r["entity_type"], industry, r.get("legal_rep", ""),
                           r.get("address", ""), r["town_code"], r["village_code"], r["lat"], r["lng"],
                           raw(r.get("registered_on", self.today)), r.get("status", "active"), _NEW_RISK))
            if r["unverified"]:
                flags.append((entity_id, None))
        load_rows(self.conn, _T, COLUMNS, tuples)
        if flags:
            tag = self._tag()
            load_rows(self.conn, entity_tags, ("entity_id", "tag_id"), [(e, tag) for e, _ in flags])
        self.new += len(rows)
        self.new_ids.extend(ids)

    def _update(self, old: dict, r: dict) -> None:
        new = dict(old)
        for key in _COMPARED:
            if key in r and key not in ("lat", "lng", "village_code", "town_code"):
                new[key] = r[key]
        moved = r["town_code"] != old["town_code"] or (r["village_given"] and r["village_code"] != old["village_code"])
        unverified = old["unverified"]
        if not r["placed"] or moved:
            new.update(town_code=r["town_code"], village_code=r["village_code"], lat=r["lat"], lng=r["lng"])
            unverified = r["unverified"]
        changed = {k: (old[k], new[k]) for k in _COMPARED if old[k] != new[k]}
        if unverified != old["unverified"]:
            changed["unverified"] = (old["unverified"], unverified)
        if not changed:
            self.unchanged += 1
            return
        values = {k: v for k, (_, v) in changed.items() if k != "unverified"}
        if values:
            self.conn.execute(update(_T).where(_T.c.id == old["id"]).values(**values))
        if "unverified" in changed:
            tag = self._tag()
            if unverified:
                self.conn.execute(insert(entity_tags).values(entity_id=old["id"], tag_id=tag))
            else:
                self.conn.execute(delete(entity_tags).where(entity_tags.c.entity_id == old["id"],
                                                            entity_tags.c.tag_id == tag))
        self.uow.audit("exchange.update", "market_entity", old["id"],
                       before={k: b for k, (b, _) in changed.items()}, after={k: a for k, (_, a) in changed.items()})
        self.updated += 1
        self.changed_ids.append(old["id"])

    def finish(self) -> None:
        """Build what a big load deferred: the dropped indexes, the text of rows inserted while the
        trigger was off (and the trigger)."""
        sqlite = self.conn.dialect.name == "sqlite"
        if sqlite and self._dropped:  # SQLite sorts an index build with helper threads when allowed to
            threads = self.conn.exec_driver_sql("PRAGMA threads").scalar()
            self.conn.exec_driver_sql(f"PRAGMA threads={max(2, min(4, os.cpu_count() or 1))}")
        for ix in self._dropped:
            ix.create(self.conn)
        if sqlite and self._dropped:
            self.conn.exec_driver_sql(f"PRAGMA threads={int(threads or 0)}")
        self._dropped = []
        if self._fts_deferred_from is None:
            return
        from core.db import text_search

        self.conn.exec_driver_sql(
            f"INSERT INTO {text_search.FTS_TABLE}(rowid, uscc, name, address) "
            f"SELECT id, uscc, name, address FROM market_entities WHERE id > {int(self._fts_deferred_from)}")
        text_search.create_sqlite_triggers(self.conn)
        self._fts_deferred_from = None

