"""A clue through every state on SQLite and PostgreSQL; illegal steps are refused with the allowed ones."""
import datetime as dt
import itertools

import pytest
from sqlalchemy import func, select

from core.clues import ACTIONS, OPEN_STATES, IllegalTransition, allowed_actions
from core.db.models import (
    AuditEntry,
    Case,
    ClueState,
    Department,
    EntityRecord,
    MarketEntity,
    RegulatoryMatter,
)
from core.errors import InvalidUSCC, NotFound, PermissionDenied, ValidationError
from core.services import clues

_n = itertools.count(1)


def _dept(db, code):
    with db.sessions() as s:
        return s.scalar(select(Department.id).where(Department.code == code))


def _entity(db, nth=0):
    with db.sessions() as s:
        return s.execute(select(MarketEntity.id, MarketEntity.uscc, MarketEntity.industry_code, MarketEntity.town_code)
                         .order_by(MarketEntity.id).offset(nth).limit(1)).one()


def _matter(db, code="SCJG"):
    with db.sessions() as s:
        return s.execute(select(RegulatoryMatter.id, RegulatoryMatter.department_id)
                         .join(Department, Department.id == RegulatoryMatter.department_id)
                         .where(Department.code == code).order_by(RegulatoryMatter.id).limit(1)).one()


def _new(db, **kw):
    entity = _entity(db, next(_n))
    matter_id, _ = _matter(db)
    fields = dict(source="hotline", description="群众反映商户销售过期食品", uscc=entity.uscc, matter_id=matter_id)
    fields.update(kw)
    return clues.create_clue(db, "operator", clues.NewClue(**fields))


def _state(db, clue_id):
    return clues.clue_detail(db, clue_id).state


def test_a_clue_walks_every_state_and_leaves_a_trail(demo_db):
    scjg, wjj = _dept(demo_db, "SCJG"), _dept(demo_db, "WJJ")
    c = _new(demo_db)
    detail = clues.clue_detail(demo_db, c)
    assert detail.state == "assigned" and detail.department_id == scjg  # routed by the matter's department
    assert [s.to_state for s in detail.steps] == ["received", "assigned"]
    assert detail.due_on > detail.received_at.date()
    clues.act(demo_db, "scjg", c, "return", note="不属于本部门职责，应由卫健局处理", department_id=wjj)
    assert _state(demo_db, c) == "returned"
    clues.act(demo_db, "center", c, "assign", department_id=wjj)
    clues.act(demo_db, "wjj", c, "claim")
    clues.act(demo_db, "wjj", c, "transfer", note="涉及食品经营，转市场监管局", department_id=scjg)
    assert clues.clue_detail(demo_db, c).department_id == scjg
    clues.act(demo_db, "scjg", c, "claim")
    clues.act(demo_db, "scjg", c, "start")
    clues.act(demo_db, "scjg", c, "feed_back", note="已现场核查，责令下架过期食品")
    clues.act(demo_db, "grid", c, "reopen", note="商户仍在销售")
    clues.act(demo_db, "scjg", c, "start")
    case_id = clues.file_case(demo_db, "scjg", c, on=dt.date(2026, 11, 20))
    clues.act(demo_db, "scjg", c, "feed_back", note="已立案查处并没收过期食品")
    clues.act(demo_db, "grid", c, "close")
    detail = clues.clue_detail(demo_db, c)
    assert detail.state == "closed" and detail.closed_at is not None
    assert detail.result == "已立案查处并没收过期食品"  # what the source sees
    visited = {s.to_state for s in detail.steps}
    assert visited == {"received", "assigned", "returned", "claimed", "transferred", "handling", "fed_back",
                       "reopened", "closed"}
    with demo_db.sessions() as s:
        case = s.get(Case, case_id)
        assert case.decision_due == dt.date(2027, 2, 18) and case.status.value == "filed"  # 90 natural days
        audits = s.scalar(select(func.count()).select_from(AuditEntry)
                          .where(AuditEntry.object_type == "clue", AuditEntry.object_id == str(c)))
        timeline = s.scalars(select(EntityRecord.title).where(EntityRecord.ref_no == detail.ref_no)).all()
    assert audits == len(detail.steps)
    assert len(timeline) == len(detail.steps) and any("已办结" in t for t in timeline)


def test_a_duplicate_links_to_its_original(demo_db):
    first, second = _new(demo_db), _new(demo_db)
    with pytest.raises(ValidationError, match="original"):
        clues.act(demo_db, "center", second, "duplicate", original_id=second)
    clues.act(demo_db, "center", second, "duplicate", original_id=first)
    detail = clues.clue_detail(demo_db, second)
    assert detail.state == "duplicate" and detail.duplicate_of_id == first and detail.actions == ()
    with pytest.raises(ValidationError, match="duplicate"):
        clues.act(demo_db, "center", _new(demo_db), "duplicate", original_id=second)


@pytest.mark.parametrize("state", sorted(ClueState, key=str))
def test_only_the_listed_actions_are_allowed_from_each_state(state):
    allowed = {a.key for a in allowed_actions(state)}
    for key in ACTIONS:
        if key in allowed:
            continue
        from core.clues import action_for

        with pytest.raises(IllegalTransition) as refused:
            action_for(key, state)
        text = str(refused.value)
        assert state.value in text and all(k in text for k in allowed)
    if state in OPEN_STATES:
        assert allowed  # no open clue is stuck
    assert (not allowed) == (state == ClueState.DUPLICATE)  # a closed clue can still be reopened


def test_illegal_steps_are_refused_and_change_nothing(demo_db):
    c = _new(demo_db)
    with pytest.raises(IllegalTransition, match="allowed: claim, return, duplicate"):
        clues.act(demo_db, "center", c, "close")
    with pytest.raises(ValidationError, match="reason or result"):
        clues.act(demo_db, "scjg", c, "return", department_id=_dept(demo_db, "WJJ"))
    with pytest.raises(ValidationError, match="department"):
        clues.act(demo_db, "scjg", c, "return", note="不是我们的")
    with pytest.raises(ValidationError, match="claimed clue"):
        clues.file_case(demo_db, "scjg", c)
    assert _state(demo_db, c) == "assigned"
    assert [s.to_state for s in clues.clue_detail(demo_db, c).steps] == ["received", "assigned"]


def test_bad_input_names_the_problem(demo_db):
    with pytest.raises(InvalidUSCC):
        _new(demo_db, uscc="91330782MA2ABCDE1X")
    with pytest.raises(ValidationError, match="description"):
        _new(demo_db, description="  ")
    with pytest.raises(ValidationError, match="USCC, or where it is"):
        _new(demo_db, uscc=None)
    with pytest.raises(NotFound, match="village"):
        _new(demo_db, uscc=None, village_code="330782999999")


def test_routing_rules_pick_the_most_specific_and_a_location_only_clue_waits_for_the_center(demo_db):
    entity = _entity(demo_db, 500)
    matter_id, matter_dept = _matter(demo_db)
    town_rule = clues.save_rule(demo_db, "leader", town_code=entity.town_code, department_id=_dept(demo_db, "XZZF"))
    both = clues.save_rule(demo_db, "leader", matter_id=matter_id, town_code=entity.town_code,
                           department_id=_dept(demo_db, "WJJ"), note="试点")
    try:
        with demo_db.sessions() as s:
            assert clues.route(s, matter_id, entity.industry_code, entity.town_code) == _dept(demo_db, "WJJ")
            assert clues.route(s, None, entity.industry_code, entity.town_code) == _dept(demo_db, "XZZF")
            assert clues.route(s, matter_id, entity.industry_code, "330782000000"[:9]) == matter_dept
        assert clues.save_rule(demo_db, "leader", matter_id=matter_id, town_code=entity.town_code,
                               department_id=_dept(demo_db, "SCJG")) == both  # same fields: changed, not added
        with pytest.raises(ValidationError, match="names a matter"):
            clues.save_rule(demo_db, "leader", department_id=_dept(demo_db, "SCJG"))
    finally:
        clues.delete_rule(demo_db, "leader", town_rule)
        clues.delete_rule(demo_db, "leader", both)
    c = clues.create_clue(demo_db, "grid", clues.NewClue(source="grid", description="疑似无证经营", lat=29.31, lng=120.07))
    assert _state(demo_db, c) == "received" and clues.clue_detail(demo_db, c).department_id is None


def test_files_are_kept_with_the_clue(demo_db, tmp_path):
    photo = tmp_path / "现场照片.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + bytes(range(256)) * 40)
    c = _new(demo_db, attachments=(clues.Attachment.from_file(photo),))
    clues.attach(demo_db, "operator", c, [clues.Attachment("举报信.txt", "请查处".encode())])
    files = clues.clue_detail(demo_db, c).files
    assert [f.filename for f in files] == ["现场照片.jpg", "举报信.txt"]
    assert files[0].media_type == "image/jpeg" and files[0].size == photo.stat().st_size
    assert clues.attachment_content(demo_db, files[0].id) == ("现场照片.jpg", photo.read_bytes())
    with pytest.raises(ValidationError, match="cannot be read"):
        clues.Attachment.from_file(tmp_path / "missing.pdf")


def test_the_list_filters_by_state_department_overdue_and_text(demo_db):
    c = _new(demo_db, description="仓库存放疑似危险化学品（列表测试）")
    detail = clues.clue_detail(demo_db, c)
    rows = clues.list_clues(demo_db, clues.ClueFilter(text="列表测试"))
    assert [r.id for r in rows] == [c] and rows[0].state == "assigned" and not rows[0].closed
    assert clues.count_clues(demo_db, clues.ClueFilter(text="列表测试", department_id=detail.department_id)) == 1
    assert clues.count_clues(demo_db, clues.ClueFilter(text="列表测试", states=("closed",))) == 0
    assert clues.count_clues(demo_db, clues.ClueFilter(text="列表测试", overdue_on=detail.due_on)) == 0
    assert clues.count_clues(demo_db, clues.ClueFilter(text="列表测试",
                                                       overdue_on=detail.due_on + dt.timedelta(days=1))) == 1
    everything = clues.count_clues(demo_db, clues.ClueFilter())
    assert everything == clues.count_clues(demo_db, clues.ClueFilter(open_only=True)) + clues.count_clues(
        demo_db, clues.ClueFilter(states=("closed", "duplicate")))


def test_a_department_user_handles_but_does_not_route_or_close(demo_db):
    from core.db.models import User

    with demo_db.sessions() as s:
        department_user = s.scalar(select(User.username).where(User.role_code == "department"))
        monitor = s.scalar(select(User.username).where(User.role_code == "monitor"))
    c = _new(demo_db)
    with pytest.raises(PermissionDenied, match="clue.route"):
        clues.act(demo_db, department_user, c, "duplicate", original_id=_new(demo_db))
    with pytest.raises(PermissionDenied, match="clue.handle"):
        clues.act(demo_db, monitor, c, "claim")
    clues.act(demo_db, department_user, c, "claim")
    clues.act(demo_db, department_user, c, "start")
    clues.act(demo_db, department_user, c, "feed_back", note="已核查处置")
    with pytest.raises(PermissionDenied, match="clue.route"):
        clues.act(demo_db, department_user, c, "close")
    assert _state(demo_db, c) == "fed_back"
