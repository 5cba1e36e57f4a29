"""The change record: what a commit changed reaches this process at once, and others through
change_log (PostgreSQL LISTEN/NOTIFY, SQLite data_version polling)."""
import multiprocessing as mp
import time

import pytest
from sqlalchemy import func, select

from core.db.database import Database
from core.db.models import ChangeLogEntry, Tag
from core.live.changes import ChangeSet
from core.live.follow import ChangeFollower
from core.services import tagging, wall
from tests.support.accounts import account


def test_a_changeset_round_trips_and_merges():
    a = ChangeSet(entities=frozenset({3, 1}), settings=frozenset({"routing"}), change_id=4)
    b = ChangeSet.from_json(a.to_json(), change_id=4)
    assert b == a and b.change_id == 4 and b.touches("entities") and not b.touches("clues")
    merged = a.merged(ChangeSet(clues=frozenset({9}), change_id=7))
    assert merged.entities == {1, 3} and merged.clues == {9} and merged.change_id == 7
    assert ChangeSet(everything=True).touches("wall") and not ChangeSet()
    with pytest.raises(ValueError, match="unknown change kinds"):
        a.touches("entity")


def test_a_commit_is_recorded_and_heard_with_what_it_changed(db):
    operator = account(db, "operator", "operator")
    heard: list[ChangeSet] = []
    db.changes.subscribe(heard.append)
    pushed = wall.push_view(db, operator, workspace="map", title="城区", view={"kind": "map"})
    assert len(heard) == 1 and heard[0].wall == {pushed.id} and heard[0].change_id is not None
    with db.sessions() as s:
        stored = s.scalar(select(ChangeLogEntry.changes).where(ChangeLogEntry.id == heard[0].change_id))
    assert ChangeSet.from_json(stored) == heard[0]


def test_a_bulk_tag_change_names_every_entity_and_tag(demo_db):
    operator = account(demo_db, "operator", "operator")
    heard: list[ChangeSet] = []
    stop = demo_db.changes.subscribe(heard.append)
    try:
        with demo_db.sessions() as s:
            tag = s.scalars(select(Tag).order_by(Tag.id)).first()
        change = tagging.add_tags(demo_db, operator, [1, 2, 3], [tag.id])
        tagging.undo(demo_db, operator, change)
    finally:
        stop()
    touched = {e for e, _ in change.pairs}
    assert heard and heard[0].entities == touched and heard[0].tags == {tag.id}
    assert heard[-1].entities == touched


def test_a_rolled_back_unit_records_and_announces_nothing(db):
    heard: list[ChangeSet] = []
    db.changes.subscribe(heard.append)
    operator = account(db, "operator", "operator")
    heard.clear()
    with db.uow(operator) as uow:
        uow.touch("clues", [1])
        uow.audit("clue.note", "clue", 1)
    with db.sessions() as s:
        count = s.scalar(select(func.count()).select_from(ChangeLogEntry))
    assert heard == [] and count == 0


def _push_from_another_process(url: str, actor: str, title: str) -> None:
    other = Database.open(url)
    try:
        wall.push_view(other, actor, workspace="map", title=title, view={"kind": "map"})
    finally:
        other.dispose()


def test_another_process_commit_reaches_the_follower(db):
    operator = account(db, "operator", "operator")
    follower = ChangeFollower(db)
    follower.start()
    try:
        assert follower.read_new() == []
        started = time.monotonic()
        process = mp.get_context("spawn").Process(target=_push_from_another_process,
                                                  args=(str(db.url.render_as_string(hide_password=False)),
                                                        operator, "来自另一台工作站"))
        process.start()
        found: list[ChangeSet] = []
        while not found and time.monotonic() - started < 30:
            if follower.wait(1.0):
                found = follower.read_new()
        process.join(10)
        assert process.exitcode == 0
        assert len(found) == 1 and found[0].remote and len(found[0].wall) == 1
        assert follower.read_new() == []  # nothing twice
    finally:
        follower.close()


def test_a_follower_that_slept_through_pruning_reloads_everything(db):
    operator = account(db, "operator", "operator")
    follower = ChangeFollower(db)
    follower.start()
    wall.push_view(db, operator, workspace="map", title="一", view={})
    wall.push_view(db, operator, workspace="map", title="二", view={})
    with db.engine.begin() as conn:
        newest = conn.execute(select(func.max(ChangeLogEntry.id))).scalar_one()
        conn.execute(ChangeLogEntry.__table__.delete().where(ChangeLogEntry.id < newest))
    found = follower.read_new()
    follower.close()
    assert found[0].everything and len(found) == 2 and found[1].change_id == newest
