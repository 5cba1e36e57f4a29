"""The audit log is a hash chain: written at commit, recomputable from the documented form,
and every kind of tampering is found and named."""
from __future__ import annotations

import hashlib
import json

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from core.db.audit_chain import verify
from core.db.models import AuditChainHead, AuditEntry

from .tamper import tamper, write_entries


def _by_hand(e: AuditEntry) -> str:
    # The canonical form exactly as core/db/AUDIT.md writes it, computed without core's helper.
    at = e.at if e.at.tzinfo is None else e.at.astimezone(__import__("datetime").timezone.utc)
    form = ["tongguan-audit-v1", e.seq, at.strftime("%Y-%m-%dT%H:%M:%S.%fZ"), e.actor, e.action,
            e.object_type, e.object_id, e.before, e.after, e.prev_hash]
    return hashlib.sha256(json.dumps(form, ensure_ascii=False, separators=(",", ":")).encode()).hexdigest()


def test_each_entry_hashes_the_one_before(db):
    write_entries(db, 4)
    with db.bootstrap_uow("bob") as uow:  # two entries in one unit, in the order recorded
        uow.audit("test.first", "thing", "a")
        uow.audit("test.second", "thing", "b")
        uow.commit()
    with db.sessions() as s:
        entries = s.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
        head = s.get(AuditChainHead, 1)
    assert [e.seq for e in entries] == [1, 2, 3, 4, 5, 6]
    assert entries[0].prev_hash == "0" * 64
    for before, entry in zip(entries, entries[1:]):
        assert entry.prev_hash == before.hash
    assert all(e.hash == _by_hand(e) for e in entries)
    assert [e.action for e in entries[-2:]] == ["test.first", "test.second"]
    assert (head.seq, head.hash) == (6, entries[-1].hash)
    report = verify(db.engine)
    assert report.ok and report.entries == 6 and report.head_hash == entries[-1].hash


def test_a_bulk_unit_stores_its_entries_in_chain_order(db):
    write_entries(db, 1)
    with db.bootstrap_uow("bulk") as uow:  # e.g. thousands of listings moved at once
        for i in range(2000):
            uow.audit("test.bulk", "thing", i, after={"n": i})
        uow.commit()
    with db.sessions() as s:
        rows = s.execute(select(AuditEntry.id, AuditEntry.seq, AuditEntry.object_id)
                         .where(AuditEntry.action == "test.bulk").order_by(AuditEntry.id)).all()
    assert [r.seq for r in rows] == list(range(2, 2002))          # ids follow seq
    assert [r.object_id for r in rows] == [str(i) for i in range(2000)]  # in the order recorded
    report = verify(db.engine)
    assert report.ok and report.entries == 2001


def test_a_rolled_back_unit_leaves_no_entry_and_the_chain_unmoved(db):
    write_entries(db, 2)
    with db.bootstrap_uow("alice") as uow:
        uow.audit("test.never", "thing", 1)
    with db.sessions() as s:
        assert s.scalar(select(AuditChainHead.seq)) == 2
        assert s.scalar(select(AuditEntry).where(AuditEntry.action == "test.never")) is None
    write_entries(db, 1)
    assert verify(db.engine).ok


def _broken(db):
    report = verify(db.engine)
    assert not report.ok
    return report.broken


def test_a_changed_field_is_a_hash_mismatch_at_that_entry(db):
    write_entries(db, 5)
    tamper(db, "UPDATE audit_log SET actor = 'mallory' WHERE seq = 3")
    b = _broken(db)
    assert (b.seq, b.actor, b.action, b.reason) == (3, "mallory", "test.write", "hash_mismatch")
    assert b.id is not None and b.at is not None


def test_a_deleted_entry_is_a_gap(db):
    write_entries(db, 5)
    tamper(db, "DELETE FROM audit_log WHERE seq = 2")
    b = _broken(db)
    assert (b.seq, b.reason) == (3, "missing_entry") and "seq 2..2" in b.detail


def test_a_deleted_and_renumbered_entry_is_still_missing(db):
    write_entries(db, 5)
    tamper(db, "DELETE FROM audit_log WHERE seq = 2", "UPDATE audit_log SET seq = seq + 100 WHERE seq > 2",
           "UPDATE audit_log SET seq = seq - 101 WHERE seq > 100", "UPDATE audit_chain SET seq = 4")
    b = _broken(db)
    assert (b.seq, b.reason) == (2, "missing_entry")


def test_entries_cut_off_the_end_are_found(db):
    write_entries(db, 5)
    tamper(db, "DELETE FROM audit_log WHERE seq >= 4")
    b = _broken(db)
    assert b.reason == "missing_tail" and "seq 3" in b.detail and "seq 5" in b.detail


def test_a_forged_entry_is_found(db):
    write_entries(db, 3)
    with db.sessions() as s:
        last = s.scalars(select(AuditEntry).where(AuditEntry.seq == 3)).one()
    # A forger who does not know the form: a made-up hash at the next place, head moved along.
    tamper(db, "INSERT INTO audit_log (at, actor, action, object_type, object_id, seq, prev_hash, hash) "
               "VALUES (:at, 'mallory', 'case.decide', 'case', '7', 4, :prev, :fake)",
           "UPDATE audit_chain SET seq = 4", at=last.at, prev=last.hash, fake="f" * 64)
    b = _broken(db)
    assert (b.seq, b.actor, b.action, b.reason) == (4, "mallory", "case.decide", "hash_mismatch")


def test_an_entry_added_outside_the_chain_is_found(db):
    write_entries(db, 3)
    with db.sessions() as s:
        last = s.scalars(select(AuditEntry).where(AuditEntry.seq == 3)).one()
    tamper(db, "INSERT INTO audit_log (at, actor, action, object_type, object_id, seq, prev_hash, hash) "
               "VALUES (:at, 'mallory', 'case.decide', 'case', '7', 4, :prev, :fake)",
           at=last.at, prev=last.hash, fake="f" * 64)
    b = _broken(db)
    assert (b.seq, b.actor, b.reason) == (4, "mallory", "beyond_head")


def test_swapped_entries_are_reordered(db):
    write_entries(db, 5)
    tamper(db, "UPDATE audit_log SET seq = 100 WHERE seq = 3", "UPDATE audit_log SET seq = 3 WHERE seq = 4",
           "UPDATE audit_log SET seq = 4 WHERE seq = 100")
    b = _broken(db)
    assert (b.seq, b.reason) == (3, "reordered") and "seq 4" in b.detail


def test_sqlite_refuses_update_and_delete_of_audit_entries(tmp_path):
    from core.db.database import Database
    from core.db.migrate import upgrade

    db = Database.open(str(tmp_path / "t.sqlite"))
    upgrade(db.engine)
    write_entries(db, 2)
    for sql in ("UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(DBAPIError, match="append-only"):
            with db.engine.begin() as conn:
                conn.execute(text(sql))
    assert verify(db.engine).ok
    db.dispose()
