"""Writing checked records that belong to an entity: timeline records (``entity_records``) and
commitments, matched by (source system, source record id).

A new record is inserted in bulk; a known one is updated where the file differs, audited
with its before and after; an identical one is left alone. A row naming a credit code that
is not registered here is a problem of that row (the entity must be imported first).
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select, tuple_, update

from core.db.bulk import load_rows
from core.db.models import Commitment, EntityRecord, MarketEntity
from core.db.uow import UnitOfWork

from .entity_load import raw
from .spec import KindSpec
from .validate import Problem

_ENTITY = MarketEntity.__table__


class RecordLoader:
    """Loads chunks of checked rows of one record kind (or commitments)."""

    def __init__(self, uow: UnitOfWork, kind: KindSpec, file: str) -> None:
        self.uow, self.kind, self.file = uow, kind, file
        self.conn = uow.session.connection()
        self.new = self.updated = self.unchanged = 0
        self.entity_ids: set[int] = set()
        self.commitment = kind.target == "commitment"
        self.table = (Commitment if self.commitment else EntityRecord).__table__
        self.fields = [f.key for f in kind.fields if f.key not in ("uscc", "source_system", "source_ref")]
        self.object_type = "commitment" if self.commitment else "entity_record"

    def load(self, rows: list[tuple[int, dict]], *, write: bool = True) -> list[Problem]:
        """Write one chunk of (row number, values) (or only check it); returns the rows whose
        entity is unknown."""
        entity = self._entities({v["uscc"] for _, v in rows})
        problems, ready = [], []
        for number, values in rows:
            entity_id = entity.get(values["uscc"])
            if entity_id is None:
                problems.append(Problem(self.file, number, "统一社会信用代码", values["uscc"],
                                        "未登记的主体，请先导入市场主体 (no such entity here; import the entity first)"))
            else:
                ready.append(self._stored(values, entity_id))
        if ready and write:
            self._write(ready)
        return problems

    def _entities(self, codes: set[str]) -> dict[str, int]:
        out: dict[str, int] = {}
        codes_list = list(codes)
        for i in range(0, len(codes_list), 5000):
            out.update(self.conn.execute(select(_ENTITY.c.uscc, _ENTITY.c.id)
                                         .where(_ENTITY.c.uscc.in_(codes_list[i:i + 5000]))).tuples().all())
        return out

    def _stored(self, values: dict, entity_id: int) -> dict:
        row = {key: values.get(key) for key in self.fields}
        row.update(entity_id=entity_id, source_system=values["source_system"], source_ref=values["source_ref"])
        if self.commitment:
            row["status"] = row.get("status") or "pending"
        else:
            row["kind"] = self.kind.record_kind.value
        return row

    def _key(self):
        t = self.table
        return (tuple_(t.c.kind, t.c.source_system, t.c.source_ref) if not self.commitment
                else tuple_(t.c.source_system, t.c.source_ref))

    def _keyof(self, row: dict) -> tuple:
        key = (row["source_system"], row["source_ref"])
        return key if self.commitment else (row["kind"], *key)

    def _write(self, rows: list[dict]) -> None:
        t = self.table
        compared = ["entity_id", *self.fields]
        known: dict[tuple, dict] = {}
        keys = [self._keyof(r) for r in rows]
        for i in range(0, len(keys), 2000):
            query = select(t.c.id, t.c.source_system, t.c.source_ref, *(t.c[c] for c in compared)).where(
                self._key().in_(keys[i:i + 2000]))
            if not self.commitment:
                query = query.add_columns(t.c.kind)
            for found in self.conn.execute(query).mappings():
                found = dict(found)
                known[self._keyof(found if self.commitment else {**found, "kind": str(found["kind"])})] = found
        fresh = [r for r, k in zip(rows, keys) if k not in known]
        if fresh:
            columns = tuple(fresh[0])
            load_rows(self.conn, t, columns, [tuple(raw(r[c]) for c in columns) for r in fresh])
            self.new += len(fresh)
            self.entity_ids.update(r["entity_id"] for r in fresh)
        for row, key in zip(rows, keys):
            old = known.get(key)
            if old is None:
                continue
            changed = {c: (old[c], row[c]) for c in compared if _norm(old[c]) != _norm(row[c])}
            if not changed:
                self.unchanged += 1
                continue
            self.conn.execute(update(t).where(t.c.id == old["id"]).values(**{c: v for c, (_, v) in changed.items()}))
            self.uow.audit("exchange.update", self.object_type, old["id"],
                           before={c: b for c, (b, _) in changed.items()}, after={c: a for c, (_, a) in changed.items()})
            self.updated += 1
            self.entity_ids.update({old["entity_id"], row["entity_id"]})


def _norm(value: object) -> object:
    if hasattr(value, "value"):  # a stored enum
        return value.value
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value

