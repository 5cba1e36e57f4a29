"""Two processes appending at once never fork the chain; the migration hashes older logs."""
from __future__ import annotations

import multiprocessing

from sqlalchemy import insert, select

from core.db.audit_chain import verify
from core.db.database import Database
from core.db.migrate import upgrade
from core.db.models import AuditEntry

ROUNDS = 60


def _writer(url: str, actor: str, barrier, rounds: int) -> None:
    db = Database.open(url)
    for i in range(rounds):
        # Both start each round together, so they race on every append however loaded the machine.
        barrier.wait(60)
        with db.bootstrap_uow(actor) as uow:
            # A read first: the head must still be taken under the write lock, never from this snapshot.
            uow.session.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1))
            uow.audit("test.race", "thing", i, after={"by": actor})
            uow.audit("test.race.second", "thing", i)
            uow.commit()
    db.dispose()


def test_two_processes_appending_at_once_keep_one_chain(db):
    url = db.engine.url.render_as_string(hide_password=False)
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(2)
    procs = [ctx.Process(target=_writer, args=(url, actor, barrier, ROUNDS)) for actor in ("p1", "p2")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    assert [p.exitcode for p in procs] == [0, 0]
    report = verify(db.engine)
    assert report.ok, report.broken
    assert report.entries == report.head_seq == 2 * 2 * ROUNDS
    with db.sessions() as s:
        actors = s.scalars(select(AuditEntry.actor).order_by(AuditEntry.seq)).all()
    # Both wrote while the other did: their entries interleave in the one chain.
    assert {"p1", "p2"} == set(actors) and actors != sorted(actors)


def test_the_migration_chains_entries_written_before_it(empty_db_url):
    import datetime as dt

    db = Database.open(empty_db_url)
    upgrade(db.engine, "0010_sign_in")  # the revision before the chain
    legacy = [{"at": dt.datetime(2025, 3, d, 8, 0, tzinfo=dt.timezone.utc), "actor": "old", "action": "x.y",
               "object_type": "thing", "object_id": str(d), "before": None, "after": '{"d": %d}' % d}
              for d in (5, 1, 3)]
    with db.engine.begin() as conn:
        for row in legacy:
            conn.execute(insert(_legacy_table()).values(**row))
    upgrade(db.engine)
    with db.sessions() as s:
        rows = s.execute(select(AuditEntry.id, AuditEntry.seq, AuditEntry.object_id).order_by(AuditEntry.id)).all()
    assert [(r.seq, r.object_id) for r in rows] == [(1, "5"), (2, "1"), (3, "3")]  # id order, not time order
    assert verify(db.engine).ok
    with db.bootstrap_uow("new") as uow:
        uow.audit("x.z", "thing", 9)
        uow.commit()
    report = verify(db.engine)
    assert report.ok and report.entries == 4
    db.dispose()


def _legacy_table():
    # audit_log as it was before 0010 (no chain columns).
    from sqlalchemy import Column, DateTime, Integer, MetaData, String, Table, Text

    return Table("audit_log", MetaData(), Column("id", Integer, primary_key=True), Column("at", DateTime(True)),
                 Column("actor", String(60)), Column("action", String(60)), Column("object_type", String(40)),
                 Column("object_id", String(40)), Column("before", Text), Column("after", Text))
