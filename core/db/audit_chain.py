"""The audit log as a hash chain: appending under a lock, and verifying it end to end.

Canonical form (version ``tongguan-audit-v1``; also in ``core/db/AUDIT.md``). An entry's
hash is the lowercase hex SHA-256 of the UTF-8 bytes of the JSON array::

    ["tongguan-audit-v1", seq, at, actor, action, object_type, object_id, before, after, prev_hash]

- ``seq``: the entry's place in the chain, an integer (1, 2, 3, ... with no gap);
- ``at``: the time in UTC as ``YYYY-MM-DDTHH:MM:SS.ffffffZ`` (always six fraction digits; a
  stored time without a zone is UTC);
- ``actor``, ``action``, ``object_type``, ``object_id``: the stored strings;
- ``before``, ``after``: the stored JSON text as a string, or ``null``;
- ``prev_hash``: the previous entry's hash, ``"0" * 64`` for the first entry.

The array is written with no whitespace (separators ``,`` and ``:``), non-ASCII characters
as themselves (not ``\\u`` escapes), and JSON's mandatory escapes only (``"``, ``\\``,
control characters), i.e. Python's ``json.dumps(..., ensure_ascii=False,
separators=(",", ":"))``.

Appends take the chain head (the one row of ``audit_chain``) with an ``UPDATE`` first:
on PostgreSQL that row lock serialises writers until commit; on SQLite the ``UPDATE`` takes
the database write lock before the head is read, so a deferred transaction cannot chain
to a stale head.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, insert, select, update

from .models.audit import GENESIS_HASH, AuditChainHead, AuditEntry
from .models.base import utcnow

FORMAT = "tongguan-audit-v1"
_log = AuditEntry.__table__
_head = AuditChainHead.__table__
_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_UTC = dt.timezone.utc


class AuditChainError(RuntimeError):
    """The chain head is missing: the schema was not migrated (``tongguan db upgrade``)."""


def canonical_time(at: dt.datetime) -> str:
    """``at`` in UTC as ``YYYY-MM-DDTHH:MM:SS.ffffffZ`` (naive means UTC already)."""
    if at.tzinfo is not None:
        at = at.astimezone(_UTC).replace(tzinfo=None)
    return at.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def entry_hash(seq: int, at: dt.datetime, actor: str, action: str, object_type: str, object_id: str,
               before: str | None, after: str | None, prev_hash: str) -> str:
    """The SHA-256 (hex) of an entry's canonical form."""
    text = _dumps([FORMAT, seq, canonical_time(at), actor, action, object_type, object_id,
                   before, after, prev_hash])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class PendingEntry:
    """An audit entry recorded in a unit of work, chained when the unit commits."""

    actor: str
    action: str
    object_type: str
    object_id: str
    before: str | None
    after: str | None


def append(conn: Connection, entries: list[PendingEntry]) -> None:
    """Chain ``entries`` after the head and insert them, inside the caller's transaction."""
    if not entries:
        return
    # The UPDATE comes first: it takes the lock before the head is read (see module docstring).
    moved = conn.execute(update(_head).where(_head.c.id == 1).values(seq=_head.c.seq + len(entries)))
    if moved.rowcount != 1:
        raise AuditChainError("the audit chain head is missing; run `tongguan db upgrade`")
    last_seq, prev = conn.execute(select(_head.c.seq, _head.c.hash).where(_head.c.id == 1)).one()
    seq = last_seq - len(entries)
    rows = []
    for e in entries:
        seq += 1
        at = utcnow().astimezone(_UTC)
        h = entry_hash(seq, at, e.actor, e.action, e.object_type, e.object_id, e.before, e.after, prev)
        rows.append({"at": at, "actor": e.actor, "action": e.action, "object_type": e.object_type,
                     "object_id": e.object_id, "before": e.before, "after": e.after,
                     "seq": seq, "prev_hash": prev, "hash": h})
        prev = h
    # One executemany without RETURNING: both drivers run it row by row in order (SQLAlchemy's
    # multi-row "insertmanyvalues" is off for it), so ids follow seq on every backend, with
    # one compiled statement instead of one per entry.
    conn.execute(insert(_log), rows)
    conn.execute(update(_head).where(_head.c.id == 1).values(hash=prev))


def chain_existing(conn: Connection) -> int:
    """Hash entries that have no chain yet, in id order (the migration to the chain). Returns how many."""
    rows = conn.execute(select(_log).order_by(_log.c.id)).mappings().all()
    prev, seq = GENESIS_HASH, 0
    for r in rows:
        seq += 1
        h = entry_hash(seq, r["at"], r["actor"], r["action"], r["object_type"], r["object_id"],
                       r["before"], r["after"], prev)
        conn.execute(update(_log).where(_log.c.id == r["id"]).values(seq=seq, prev_hash=prev, hash=h))
        prev = h
    conn.execute(insert(_head).values(id=1, seq=seq, hash=prev))
    return seq


# ------------------------------------------------------------------------------ verify

@dataclass(frozen=True)
class BrokenEntry:
    """The first entry where the chain breaks, and why (``reason`` is a code, ``detail`` English)."""

    id: int | None
    seq: int | None
    at: dt.datetime | None
    actor: str | None
    action: str | None
    reason: str  # hash_mismatch | missing_entry | reordered | beyond_head | missing_tail | head_mismatch | no_head
    detail: str


@dataclass(frozen=True)
class ChainReport:
    """What ``verify`` found: entries checked, the head, and the first break (None if intact)."""

    entries: int
    head_seq: int | None
    head_hash: str | None
    broken: BrokenEntry | None = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.broken is None


_COLUMNS = (_log.c.id, _log.c.seq, _log.c.at, _log.c.actor, _log.c.action, _log.c.object_type,
            _log.c.object_id, _log.c.before, _log.c.after, _log.c.prev_hash, _log.c.hash)


def verify(engine: Engine, chunk: int = 20_000,
           progress: Callable[[int], None] | None = None) -> ChainReport:
    """Walk the whole chain in ``seq`` order and report the first broken entry.

    The entries and the head are read by one statement (the head joined onto each row), so
    the check sees one consistent snapshot while other workstations keep appending.
    """
    import time

    started = time.perf_counter()
    with engine.connect() as conn:
        head = conn.execute(select(_head.c.seq, _head.c.hash).where(_head.c.id == 1)).first()
        if head is None:
            return ChainReport(0, None, None, BrokenEntry(None, None, None, None, None, "no_head",
                                                          "the audit chain head (table audit_chain) is missing"))
        stmt = (select(*_COLUMNS, _head.c.seq.label("head_seq"), _head.c.hash.label("head_hash"))
                .join(_head, _head.c.id == 1).order_by(_log.c.seq))
        result = conn.execution_options(stream_results=True, yield_per=chunk).execute(stmt)
        broken, count, last, head = _walk(_rows(result, chunk), progress, head)
        result.close()
        if broken is not None and broken.reason == "_link":
            broken = _classify_link(conn, broken)
    return ChainReport(count, head[0], head[1], broken, time.perf_counter() - started)


def _rows(result, chunk: int) -> Iterator[tuple]:
    while batch := result.fetchmany(chunk):
        yield from batch


def _walk(rows: Iterable[tuple], progress, head) -> tuple[BrokenEntry | None, int, tuple | None, tuple]:
    prev_hash, expected, count, last = GENESIS_HASH, 1, 0, None
    for r in rows:
        (id_, seq, at, actor, action, otype, oid, before, after, prev, stored, head_seq, head_hash) = r
        head = (head_seq, head_hash)
        if seq > head_seq:
            return BrokenEntry(id_, seq, at, actor, action, "beyond_head",
                               f"entry seq {seq} lies beyond the chain head (seq {head_seq}): "
                               "added outside the chain"), count, last, head
        if seq != expected:
            return BrokenEntry(id_, seq, at, actor, action, "missing_entry",
                               f"entries seq {expected}..{seq - 1} are missing before this one"), count, last, head
        if prev != prev_hash:
            return BrokenEntry(id_, seq, at, actor, action, "_link", prev), count, last, head
        if entry_hash(seq, at, actor, action, otype, oid, before, after, prev) != stored:
            return BrokenEntry(id_, seq, at, actor, action, "hash_mismatch",
                               "the entry's fields do not match its hash (changed after it was written)"), \
                count, last, head
        if last is not None and id_ < last[0]:
            return BrokenEntry(id_, seq, at, actor, action, "reordered",
                               f"entry id {id_} comes after id {last[0]} in the chain but was stored before it"), \
                count, last, head
        prev_hash, expected, count, last = stored, expected + 1, count + 1, (id_, seq)
        if progress is not None and count % 100_000 == 0:
            progress(count)
    if expected - 1 != head[0]:
        return BrokenEntry(None, expected, None, None, None, "missing_tail",
                           f"the chain ends at seq {expected - 1} but its head says seq {head[0]}: "
                           "entries were removed from the end"), count, last, head
    if prev_hash != head[1]:
        return BrokenEntry(None, head[0], None, None, None, "head_mismatch",
                           "the chain head's hash is not the last entry's hash"), count, last, head
    return None, count, last, head


def _classify_link(conn: Connection, b: BrokenEntry) -> BrokenEntry:
    # The entry points at a previous hash that is not its predecessor's: if that hash is another
    # entry's, the entries were moved; if no entry has it, the one before was removed or replaced.
    other = conn.execute(select(_log.c.seq).where(_log.c.hash == b.detail)).scalar()
    if other is not None:
        return BrokenEntry(b.id, b.seq, b.at, b.actor, b.action, "reordered",
                           f"this entry follows the entry at seq {other} in the chain, not seq {b.seq - 1}")
    return BrokenEntry(b.id, b.seq, b.at, b.actor, b.action, "missing_entry",
                       "the entry it links to is not in the log (removed or replaced)")
