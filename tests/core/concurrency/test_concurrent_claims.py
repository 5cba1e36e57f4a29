"""Two processes claiming (or changing) the same push or clue at once, on each backend.

The harness is the ``trust`` benchmark's (tests/bench/trust_claims.py), with fewer trials:
every trial is a real race between two processes; a double claim or a lost update fails.
"""
import pytest
from sqlalchemy import event, select, text

from core.db.database import Database
from core.db.models import Case, Clue, ClueState
from core.errors import AlreadyChanged
from core.services import clues, obligations
from tests.bench import trust_claims


def test_fifty_races_per_backend_give_no_double_claim_and_no_lost_update(empty_db_url):
    report = trust_claims.run_trials(empty_db_url, {"push_claim": 15, "clue_claim": 15, "push_race": 10,
                                                    "clue_race": 10}, batch=25)
    assert report.errors == []
    assert sum(report.trials.values()) == 50 and report.claim_trials == 30
    assert report.double_claims == 0
    assert report.lost_updates == 0


@pytest.fixture
def prepared(empty_db_url):
    d1, d2, entity = trust_claims.prepare(empty_db_url)
    database = Database.open(empty_db_url)
    yield database, d1, d2, entity
    database.dispose()


def test_the_second_claim_is_refused_naming_who_claimed_first(prepared):
    db, d1, d2, entity = prepared
    push = trust_claims._targets(db, "push_claim", 1, d1, entity)[0]
    obligations.claim_push(db, trust_claims.WORKERS[0], push, d1, on=trust_claims._DAY)
    with pytest.raises(AlreadyChanged, match="already claimed by") as refused:
        obligations.claim_push(db, trust_claims.WORKERS[1], push, d2, on=trust_claims._DAY)
    assert refused.value.code == "conflict.already_changed" and refused.value.by
    clue = trust_claims._targets(db, "clue_claim", 1, d1, entity)[0]
    clues.act(db, trust_claims.WORKERS[0], clue, "claim")
    with pytest.raises(AlreadyChanged, match="already claimed by") as refused:
        clues.act(db, trust_claims.WORKERS[1], clue, "claim")
    assert refused.value.by == refused.value.by.strip() != ""


def test_a_clue_becomes_a_case_once(prepared):
    db, d1, _d2, entity = prepared
    clue = trust_claims._targets(db, "clue_race", 1, d1, entity)[0]
    with db.bootstrap_uow(trust_claims.ACTOR) as uow:  # a case needs the entity
        uow.session.get(Clue, clue).entity_id = entity
        uow.commit()
    clues.file_case(db, trust_claims.WORKERS[0], clue)
    with pytest.raises(AlreadyChanged, match="already filed"):
        clues.file_case(db, trust_claims.WORKERS[1], clue)
    with db.sessions() as s:
        assert len(s.scalars(select(Case).where(Case.clue_id == clue)).all()) == 1
        assert s.get(Clue, clue).state == ClueState.CLAIMED


def test_on_sqlite_a_unit_of_work_takes_the_write_lock_before_it_reads(tmp_path):
    from core.db.migrate import upgrade

    db = Database.open(str(tmp_path / "lock.sqlite"))
    upgrade(db.engine)
    seen: list[str] = []
    event.listen(db.engine, "before_cursor_execute", lambda _c, _cur, sql, *_a: seen.append(sql))
    with getattr(db, "bootstrap_uow", db.uow)("x") as uow:  # no account needed to read
        uow.session.execute(text("SELECT 1"))
        uow.rollback()
        uow.session.execute(text("SELECT 2"))
    with db.sessions() as s:
        s.execute(text("SELECT 3"))
    assert seen == ["BEGIN IMMEDIATE", "SELECT 1", "BEGIN IMMEDIATE", "SELECT 2", "SELECT 3"]
    db.dispose()
