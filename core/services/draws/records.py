"""The frozen inputs of a locked batch, the stored draw record, its re-run and its file.

The record file is the record's canonical JSON (sorted keys, no spaces, UTF-8, no
trailing newline), so the SHA-256 of the file is the published digest: anyone can check
the file with ``sha256sum`` and re-run it with ``tongguan draw verify``.

Two files can be written: the full record (for auditors: it holds every pool entity's risk
class, the inspectors' villages and declared conflicts) and the public record derived from
it (``core.draws.public_record``: none of those; inspectors by name and certificate number;
it carries the full record's digest).
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from sqlalchemy import select

from core.db.database import Database
from core.db.models import DrawnObject, DrawRecord, DrawTeamMember, Inspector
from core.draws import (
    DrawOutcome,
    DrawSpec,
    Randomness,
    VerifyReport,
    make_record,
    public_record,
    record_digest,
    verify_record,
)
from core.errors import ConfigError, NotFound, ValidationError
from core.jsonfile import read_json_file

from .common import get_batch, get_record

_FROZEN_KEYS = ("algorithm", "batch", "pool", "sampling", "departments", "avoidance")


def frozen_inputs(spec: DrawSpec) -> dict:
    """The record's input part (pool, sampling, departments, avoidance) for ``spec``, in the
    exact format of ``core.draws.make_record``; ``core.draws.spec_from_record`` reads it back."""
    empty = DrawOutcome(key="", picks=(), strata=(), load={}, alternates=0)
    record = make_record(spec, Randomness(kind="rfc3797"), empty)
    return {k: record[k] for k in _FROZEN_KEYS}


def canonical_json(record: Mapping) -> str:
    """The text :func:`core.draws.record_digest` hashes."""
    return json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def stored_record(db: Database, batch_id: int) -> tuple[dict, str]:
    """The drawn batch's record and its digest as stored."""
    with db.sessions() as s:
        batch = get_batch(s, batch_id)
        row = get_record(s, batch_id)
        if row is None or row.record is None:
            raise NotFound(f"抽查批次“{batch.name}”没有抽取记录（状态 {batch.status.value}）"
                           f"(draw batch {batch.name!r} has no draw record; it is {batch.status.value})",
                           where=f"draw batch {batch_id}")
        return row.record, row.digest or ""


def verify_batch(db: Database, batch_id: int) -> VerifyReport:
    """Re-run the stored record and compare it with what the database says was drawn.

    Checks the record's digest, re-computes the pool hash, key and every pick from the
    record alone, and compares the batch's stored key, pool hash, drawn objects and teams.
    """
    record, digest = stored_record(db, batch_id)
    problems: list[str] = []
    actual = record_digest(record)
    if actual != digest:
        problems.append(f"record digest differs: stored {digest}, record gives {actual}")
    report = verify_record(record)
    problems += report.problems
    with db.sessions() as s:
        batch = get_batch(s, batch_id)
        pool = record.get("pool", {})
        if batch.pool_hash != pool.get("hash"):
            problems.append(f"batch pool hash {batch.pool_hash} differs from the record's {pool.get('hash')}")
        if batch.pool_count != pool.get("count"):
            problems.append(f"batch pool count {batch.pool_count} differs from the record's {pool.get('count')}")
        if batch.draw_key != record.get("key"):
            problems.append(f"batch key {batch.draw_key!r} differs from the record's {record.get('key')!r}")
        stored = {o.pick_order: (o.entity_id, o.stratum.value, o.id) for o in
                  s.scalars(select(DrawnObject).where(DrawnObject.batch_id == batch_id))}
        teams: dict[int, set[tuple[int, int]]] = {}
        for m in s.scalars(select(DrawTeamMember).join(DrawnObject, DrawnObject.id == DrawTeamMember.drawn_object_id)
                           .where(DrawnObject.batch_id == batch_id)):
            teams.setdefault(m.drawn_object_id, set()).add((m.inspector_id, m.department_id))
    picks = record.get("outcome", {}).get("picks", ())
    if len(picks) != len(stored):
        problems.append(f"the database holds {len(stored)} drawn objects, the record {len(picks)} picks")
    differences = []
    for p in picks:
        have = stored.get(p["order"])
        if have is None or have[0] != p["entity_id"] or have[1] != p["stratum"]:
            differences.append(f"pick {p['order']}: database has {have[:2] if have else 'nothing'}, "
                               f"record has entity {p['entity_id']} ({p['stratum']})")
            continue
        want = {(i, t["department_id"]) for t in p["teams"] for i in t["inspectors"]}
        if teams.get(have[2], set()) != want:
            differences.append(f"pick {p['order']}: the database team differs from the record's")
    problems += differences[:20]
    if len(differences) > 20:
        problems.append(f"... and {len(differences) - 20} more differences with the database")
    return VerifyReport(ok=not problems, problems=tuple(problems))


def write_record_file(record: Mapping, path: str | Path) -> Path:
    """Write ``record`` as its canonical JSON; the file's SHA-256 is the record digest."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    tmp.write_text(canonical_json(record), encoding="utf-8")
    tmp.replace(out)
    return out


def public_record_of(db: Database, batch_id: int) -> dict:
    """The drawn batch's public record: no risk class, village or conflict; inspectors by
    name and certificate number; bound to the stored full record by its digest."""
    record, digest = stored_record(db, batch_id)
    ids = sorted({int(i) for d in record["departments"] for i, _village in d["inspectors"]})
    roster: dict[int, tuple[str, str]] = {}
    with db.sessions() as s:
        for k in range(0, len(ids), 900):
            roster.update((i, (name, cert)) for i, name, cert in s.execute(
                select(Inspector.id, Inspector.name, Inspector.certificate_no)
                .where(Inspector.id.in_(ids[k:k + 900]))).tuples())
    return public_record(record, roster, full_digest=digest or record_digest(record))


def export_record(db: Database, batch_id: int, path: str | Path, *, public: bool = False) -> Path:
    """Write the drawn batch's full record, or with ``public`` its public record, to ``path``
    (JSON, see the module docstring)."""
    if public:
        return write_record_file(public_record_of(db, batch_id), path)
    record, _ = stored_record(db, batch_id)
    return write_record_file(record, path)


def read_record_file(path: str | Path) -> dict:
    """A record file's content; ConfigError naming the file when it cannot be read."""
    p = Path(path)
    data = read_json_file(p)
    if not isinstance(data, dict) or "algorithm" not in data:
        raise ConfigError("不是抽取记录 (not a draw record: no 'algorithm')", where=str(p))
    return data


def frozen_of(row: DrawRecord | None, batch_id: int) -> dict:
    if row is None or row.frozen is None:
        raise ValidationError(f"抽查批次 {batch_id} 没有锁定时冻结的对象库 (batch {batch_id} has no frozen pool)",
                              where=f"draw batch {batch_id}")
    return row.frozen
