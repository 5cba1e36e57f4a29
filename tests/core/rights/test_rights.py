"""Rights in the core: the permission matrix, a department user probing other departments' data,
free actor names, and the risk class kept from roles that may not see it."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, update

from core.db.models import (
    AuditEntry,
    BatchDepartment,
    Case,
    Clue,
    ClueState,
    CommitmentVerification,
    Commitment,
    Department,
    EntityRecord,
    InspectionTask,
    MarketEntity,
    NotificationPush,
    PushStatus,
    Tag,
    User,
)
from core.errors import PermissionDenied
from core.rights import UnknownActor
from core.services import clues, draws, obligations, tagging, wall
from core.services.export import export_entities
from core.services.panorama import load_panorama
from core.services.search import EntityFilter, EntitySearch
from tests.support.accounts import account

from .matrix import SPEC, check_matrix

DEPT_USER = "dept_scjg"  # the demo city's department user, of 市场监管局 (SCJG)


def test_every_cell_of_the_permission_matrix_is_refused_or_allowed_as_specified():
    assert check_matrix() == len(SPEC) * 7 * 3 * 2  # permissions x roles x (department, joint, town) x (own, other)


def _scjg(db) -> int:
    with db.sessions() as s:
        return s.scalar(select(Department.id).where(Department.code == "SCJG"))


def _first(db, stmt):
    with db.sessions() as s:
        return s.scalars(stmt.limit(1)).first()


def _audit_count(db) -> int:
    with db.sessions() as s:
        return len(s.scalars(select(AuditEntry.id)).all())


def _clue(db, department_id: int, *steps: str) -> int:
    """A new clue assigned to ``department_id`` and taken through ``steps`` by that department's user."""
    uscc = _first(db, select(MarketEntity.uscc).order_by(MarketEntity.id.desc()))
    clue = clues.create_clue(db, "operator", clues.NewClue(source="hotline", description="探针线索", uscc=uscc,
                                                          department_id=department_id))
    with db.sessions() as s:
        code = s.get(Department, department_id).code.lower()
    for step in steps:
        clues.act(db, code, clue, step)
    return clue


def _push(db, department_id: int | None) -> int:
    """A new pending push to ``department_id`` (None: waiting in the shared queue)."""
    with db.bootstrap_uow("test-setup") as uow:
        entity = uow.session.scalar(select(MarketEntity.id).limit(1))
        push = NotificationPush(entity_id=entity, permit_name="食品经营许可", department_id=department_id,
                                pushed_on=dt.date(2026, 11, 2), claim_due=dt.date(2026, 11, 9),
                                status=PushStatus.PENDING)
        uow.session.add(push)
        uow.commit()
        return push.id


def _probes(db, own: int) -> list[tuple[str, object]]:
    """The 16 calls of the probe, each on another department's data (or the center's own business)."""
    theirs = _first(db, select(Department.id).where(Department.id != own))
    other_clue, claimed, handling = _clue(db, theirs), _clue(db, theirs, "claim"), _clue(db, theirs, "claim", "start")
    push, queued = _push(db, theirs), _push(db, None)
    other = _first(db, select(Department.id).where(Department.id != own))
    verification = _first(db, select(CommitmentVerification.id).join(
        Commitment, Commitment.id == CommitmentVerification.commitment_id).where(
        Commitment.department_id != own))  # refused before its state is looked at
    case = _first(db, select(Case.id).where(Case.department_id != own))
    mine = select(BatchDepartment.batch_id).where(BatchDepartment.department_id == own)
    task = _first(db, select(InspectionTask.id).where(InspectionTask.lead_department_id != own,
                                                      InspectionTask.batch_id.not_in(mine)))
    entity = _first(db, select(MarketEntity.id))
    tag = _first(db, select(Tag.id))
    found = dict(verification=verification, case=case, task=task, entity=entity, tag=tag)
    assert None not in found.values(), found
    item = draws.task_checklist(db, task).items[0].item_id
    u = DEPT_USER
    return [
        ("claim another's clue", lambda: clues.act(db, u, other_clue, "claim")),
        ("start another's clue", lambda: clues.act(db, u, claimed, "start")),
        ("feed back another's clue", lambda: clues.act(db, u, handling, "feed_back", note="已处理")),
        ("return another's clue", lambda: clues.act(db, u, other_clue, "return", note="x", department_id=own)),
        ("assign a clue", lambda: clues.act(db, u, other_clue, "assign", department_id=own)),
        ("file a case from another's clue", lambda: clues.file_case(db, u, handling)),
        ("claim a push for another department", lambda: obligations.claim_push(db, u, queued, other)),
        ("return another's push", lambda: obligations.return_push(db, u, push, "不是我们的")),
        ("break another's commitment", lambda: obligations.verify_commitment(
            db, u, verification, fulfilled=False, outcome="未履行", open_case=True)),
        ("decide another's case", lambda: clues.decide_case(db, u, case)),
        ("extend another's case", lambda: clues.extend_case(db, u, case, days=30, approval="head", reason="x")),
        ("save a routing rule", lambda: clues.save_rule(db, u, department_id=own)),
        ("move an entity to (0,0)", lambda: tagging.set_location(db, u, entity, 0.0, 0.0)),
        ("tag entities", lambda: tagging.add_tags(db, u, [entity], [tag])),
        ("create a draw plan", lambda: draws.create_plan(db, u, year=2030, name="越权计划")),
        ("record another's inspection result", lambda: draws.record_result(db, u, task, item, "fail")),
    ]


def test_a_department_user_probing_other_departments_data_is_refused_every_time(demo_db):
    own = _scjg(demo_db)
    probes = _probes(demo_db, own)
    assert len(probes) == 16
    before = _audit_count(demo_db)
    for name, call in probes:
        with pytest.raises(PermissionDenied) as refused:
            call()
        assert refused.value.permission and refused.value.params["role"] == "department", name
    assert _audit_count(demo_db) == before  # nothing happened, not even an audit entry


def test_a_department_user_handles_its_own_clue_and_push(demo_db):
    own = _scjg(demo_db)
    clue = _clue(demo_db, own)
    assert clues.act(demo_db, DEPT_USER, clue, "claim").to_state == "claimed"
    assert clues.act(demo_db, DEPT_USER, clue, "start").to_state == "handling"
    push = _push(demo_db, None)  # the shared queue: it claims for itself, not for another
    assert obligations.claim_push(demo_db, DEPT_USER, push, own).department_id == own
    assert obligations.return_push(demo_db, DEPT_USER, _push(demo_db, own), "不属于本部门").status == "returned"


def test_a_free_actor_name_is_refused_and_never_reaches_the_audit_log(demo_db):
    clue = _clue(demo_db, _scjg(demo_db))
    before = _audit_count(demo_db)
    for name in ("nobody", "system", "", "cli"):
        with pytest.raises(UnknownActor, match="no active user or system account"):
            clues.act(demo_db, name, clue, "claim")
    account(demo_db, "gone", "operator")
    with demo_db.bootstrap_uow("test") as uow:
        uow.session.execute(update(User).where(User.username == "gone").values(active=False))
        uow.commit()
    with pytest.raises(UnknownActor):  # a deactivated account loses its rights at once
        draws.create_plan(demo_db, "gone", year=2031, name="x")
    with pytest.raises(UnknownActor):
        wall.push_view(demo_db, "anyone", workspace="map", title="x", view={})
    assert _audit_count(demo_db) == before


def test_the_risk_class_is_absent_for_a_department_user(demo_db, tmp_path):
    entity = _first(demo_db, select(EntityRecord.entity_id))
    assert load_panorama(demo_db, entity, viewer="planner").header.risk_class in "ABCD"
    seen = load_panorama(demo_db, entity, viewer=DEPT_USER)
    assert seen.header.risk_class == "" and all(d.stratum == "" for d in seen.draws)
    search = EntitySearch(demo_db, viewer=DEPT_USER)
    assert not search.shows_risk and {r.risk_class for r in search.page(EntityFilter(), limit=50)} == {""}
    with pytest.raises(PermissionDenied, match="risk.read"):  # a risk filter would tell the class by its count
        search.count(EntityFilter(risk_classes=("D",)))
    with pytest.raises(PermissionDenied, match="risk.read"):
        search.page(EntityFilter(), sort="risk_class")
    out = tmp_path / "x.csv"
    for asked in ({"include_risk": True}, {"include_risk": False, "f": EntityFilter(risk_classes=("A",))}):
        f = asked.pop("f", EntityFilter(entity_ids=(entity,)))
        with pytest.raises(PermissionDenied, match="risk.read"):
            export_entities(EntitySearch(demo_db), f, out, actor=DEPT_USER, **asked)
        assert not out.exists()
    assert export_entities(EntitySearch(demo_db), EntityFilter(entity_ids=(entity,)), out, actor=DEPT_USER,
                           include_risk=False) == 1
    internal = EntitySearch(demo_db, viewer="monitor")
    assert internal.count(EntityFilter(risk_classes=("D",))) > 0
