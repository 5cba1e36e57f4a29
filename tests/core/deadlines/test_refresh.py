"""Changed clocks are read again alone, and give the arrays a full load gives (SQLite and PostgreSQL):
after a clue step, a case decision, a push claim and a commitment check, through the change sets
the units of work publish; and the efficiency snapshot catches up with them instead of loading all."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from sqlalchemy import select

from core.db.models import (
    Case,
    CasePause,
    CaseStatus,
    Clue,
    ClueState,
    Commitment,
    CommitmentVerification,
    Department,
    NotificationPush,
)
from core.db.models.enums import PushStatus
from core.deadlines import Kind, load_items
from core.deadlines import refresh as refresh_module
from core.deadlines import snapshot
from core.deadlines.items import _DTYPES
from core.deadlines.refresh import refresh, refresh_changes
from core.services import efficiency, obligations
from core.services.clues.workflow import act, decide_case
from core.workdays import WorkdayCalendar

CAL = WorkdayCalendar()
AS_OF = dt.date(2026, 11, 20)


def _same(a, b) -> bool:
    return len(a) == len(b) and a.town_codes == b.town_codes and all(
        np.array_equal(getattr(a, n), getattr(b, n)) for n in _DTYPES)


def _row(items, kind: Kind, item_id: int) -> tuple:
    at = np.flatnonzero((items.kind == int(kind)) & (items.item_id == item_id))
    return tuple(int(getattr(items, n)[at[0]]) for n in _DTYPES) if len(at) else ()


def _dept_user(db, department_id: int) -> str:
    with db.sessions() as s:
        return s.scalar(select(Department.code).where(Department.id == department_id)).lower()


@pytest.fixture
def changes(demo_db):
    """The change sets this process commits, as the bus hears them."""
    heard = []
    unsubscribe = demo_db.changes.subscribe(heard.append)
    yield heard
    unsubscribe()


@pytest.fixture
def rows_read(monkeypatch):
    """How many clock rows the refresh read from the database."""
    counted = []
    original = refresh_module.read_rows

    def counting(db, src, stmt, index, chunk=50_000):
        parts = original(db, src, stmt, index, chunk)
        counted.append(sum(len(p["kind"]) for p in parts))
        return parts
    monkeypatch.setattr(refresh_module, "read_rows", counting)
    return counted


def _pick(db, stmt):
    with db.sessions() as s:
        row = s.execute(stmt.limit(1)).first()
    assert row is not None, "the demo city has such a row"
    return row


def test_a_clue_step_case_decision_push_claim_and_check_refresh_as_a_full_load(demo_db, changes, rows_read):
    items = load_items(demo_db, calendar=CAL)
    clue_id, clue_dept = _pick(demo_db, select(Clue.id, Clue.department_id)
                               .where(Clue.state == ClueState.ASSIGNED).order_by(Clue.id))
    paused = select(CasePause.case_id).where(CasePause.ended_on.is_(None))
    case_id, case_dept = _pick(demo_db, select(Case.id, Case.department_id)
                               .where(Case.status == CaseStatus.FILED, Case.id.not_in(paused)).order_by(Case.id))
    entity_id, push_dept = _pick(demo_db, select(NotificationPush.entity_id, NotificationPush.department_id)
                                 .where(NotificationPush.department_id != clue_dept).order_by(NotificationPush.id))
    other = push_dept  # another department than the clue's
    with demo_db.sessions() as s:  # a new push (what registration sends): the refresh adds its clock
        push = NotificationPush(entity_id=entity_id, permit_name="食品经营许可", department_id=push_dept,
                                pushed_on=AS_OF, claim_due=AS_OF + dt.timedelta(days=7), status=PushStatus.PENDING)
        s.add(push)
        s.commit()
        push_id = push.id
    assert _row(refresh(demo_db, items, push_ids=[push_id], calendar=CAL), Kind.PUSH_CLAIM, push_id) == \
        _row(load_items(demo_db, calendar=CAL), Kind.PUSH_CLAIM, push_id) != ()
    items = load_items(demo_db, calendar=CAL)
    check_id, check_dept = _pick(demo_db, select(CommitmentVerification.id, Commitment.department_id)
                                 .join(Commitment, Commitment.id == CommitmentVerification.commitment_id)
                                 .where(CommitmentVerification.done_on.is_(None)).order_by(CommitmentVerification.id))
    steps = [
        (Kind.CLUE_HANDLING, clue_id, "clue_ids",
         lambda: act(demo_db, _dept_user(demo_db, clue_dept), clue_id, "claim")),
        (Kind.CLUE_HANDLING, clue_id, "clue_ids",  # to another department: the clock's department moves
         lambda: act(demo_db, _dept_user(demo_db, clue_dept), clue_id, "transfer", note="转其他部门",
                     department_id=other)),
        (Kind.CASE_DECISION, case_id, "case_ids",
         lambda: decide_case(demo_db, _dept_user(demo_db, case_dept), case_id, on=AS_OF)),
        (Kind.PUSH_CLAIM, push_id, "push_ids",  # back to the shared queue: open again, nobody's
         lambda: obligations.return_push(demo_db, _dept_user(demo_db, push_dept), push_id, "不属于本部门")),
        (Kind.PUSH_CLAIM, push_id, "push_ids",  # claimed from the queue by the clue's department
         lambda: obligations.claim_push(demo_db, _dept_user(demo_db, clue_dept), push_id, clue_dept, on=AS_OF)),
        (Kind.COMMITMENT_VERIFICATION, check_id, None,
         lambda: obligations.verify_commitment(demo_db, _dept_user(demo_db, check_dept), check_id, fulfilled=True, outcome="已核查",
                                               on=AS_OF)),
    ]
    steps[0] = (Kind.CLUE_HANDLING, clue_id, "claim", steps[0][3])  # a claim leaves the clock as it was
    for kind, item_id, field, change in steps:
        before = _row(items, kind, item_id)
        changes.clear()
        rows_read.clear()
        change()
        full = load_items(demo_db, calendar=CAL)
        assert _row(full, kind, item_id) != before or (kind, field) == (Kind.CLUE_HANDLING, "claim"), kind.name
        heard = changes[-1]
        by_set = refresh_changes(demo_db, items, heard, calendar=CAL)
        assert by_set is not None and _same(by_set, full), kind.name
        assert 0 < sum(rows_read) < 20, f"{kind.name}: only the changed clocks were read ({sum(rows_read)} rows)"
        if field not in (None, "claim"):
            assert _same(refresh(demo_db, items, **{field: [item_id]}, calendar=CAL), full), kind.name
        items = by_set


def test_a_refresh_drops_vanished_rows_and_adds_new_ones(demo_db):
    full = load_items(demo_db, calendar=CAL)
    last = int(np.flatnonzero(full.kind == int(Kind.CLUE_HANDLING))[-1])
    missing_one = full.take(np.arange(len(full)) != last)  # as if loaded before that clue existed
    assert _same(refresh(demo_db, missing_one, clue_ids=[int(full.item_id[last])], calendar=CAL), full)
    ghost = full.take(np.r_[np.arange(len(full)), last])  # a row the database no longer has
    ghost_ids = ghost.item_id.copy()
    ghost_ids[-1] = 10**9
    ghost = type(full)(**{n: (ghost_ids if n == "item_id" else getattr(ghost, n)) for n in _DTYPES},
                       town_codes=full.town_codes)
    assert _same(refresh(demo_db, ghost, clue_ids=[10**9], calendar=CAL), full)
    assert refresh(demo_db, full) is full  # nothing named, nothing read


def test_the_snapshot_catches_up_instead_of_loading_all(demo_db, tmp_path, monkeypatch):
    snapshot.forget()
    first = efficiency.load_efficiency(demo_db, AS_OF, snapshot_dir=tmp_path)
    assert first.fresh and list((tmp_path / "deadlines").glob("*.npz"))
    clue_id, dept = _pick(demo_db, select(Clue.id, Clue.department_id)
                          .where(Clue.state == ClueState.ASSIGNED).order_by(Clue.id.desc()))
    act(demo_db, _dept_user(demo_db, dept), clue_id, "claim")
    expected = load_items(demo_db, calendar=CAL)

    def no_full_load(*args, **kwargs):
        raise AssertionError("the snapshot should have been caught up, not reloaded")
    monkeypatch.setattr(snapshot, "load_items", no_full_load)
    kept = efficiency.load_efficiency(demo_db, AS_OF, snapshot_dir=tmp_path, calendar=CAL)  # the one in memory
    assert kept.fresh and _same(kept.items, expected)
    snapshot.forget()
    act(demo_db, _dept_user(demo_db, dept), clue_id, "start")
    from_file = efficiency.load_efficiency(demo_db, AS_OF, snapshot_dir=tmp_path, calendar=CAL)  # the saved one
    assert from_file.fresh and _same(from_file.items, load_items(demo_db, calendar=CAL))


def test_a_change_it_cannot_follow_serves_stale_then_loads_all(demo_db, tmp_path):
    snapshot.forget()
    first = efficiency.load_efficiency(demo_db, AS_OF, snapshot_dir=tmp_path)
    with demo_db.uow("admin") as uow:
        uow.touch("everything")  # a rebuild or a bulk import
        uow.commit()
    stale = efficiency.load_efficiency(demo_db, AS_OF, snapshot_dir=tmp_path, allow_stale=True)
    assert not stale.fresh and _same(stale.items, first.items)
    again = efficiency.load_efficiency(demo_db, AS_OF, snapshot_dir=tmp_path)
    assert again.fresh and _same(again.items, load_items(demo_db))
    for f in (tmp_path / "deadlines").glob("*.npz"):
        f.write_bytes(b"not a snapshot")
    snapshot.forget()
    assert efficiency.load_efficiency(demo_db, AS_OF, snapshot_dir=tmp_path).fresh  # a broken file is ignored
