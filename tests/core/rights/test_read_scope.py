"""What each role sees in the core's listings: the scope of its "see" permission, applied in SQL."""
from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import select

from core.db.models import Case, Clue, Commitment, CommitmentVerification, NotificationPush
from core.errors import PermissionDenied
from core.services import clues, efficiency, map_layers, obligations
from core.services.clues.common import clue_town
from core.services.obligations_listing import (
    CaseFilter,
    VerificationFilter,
    count_cases,
    count_verifications,
    list_cases,
    list_verifications,
)
from tests.support.accounts import account

EVERY = clues.ClueFilter()


def _clue_towns(db) -> dict[int, str | None]:
    """Each clue's grid town, computed one clue at a time (the reference the SQL filter must match)."""
    with db.sessions() as s:
        return {c.id: clue_town(s, c) for c in s.scalars(select(Clue))}


def _department_with_clues(db) -> int:
    with db.sessions() as s:
        counts = Counter(d for d in s.scalars(select(Clue.department_id)) if d is not None)
    return counts.most_common(1)[0][0]


@pytest.fixture(scope="module")
def viewers(demo_db):
    dept = _department_with_clues(demo_db)
    open_ids = {r.id for r in clues.list_clues(demo_db, clues.ClueFilter(open_only=True), limit=100_000)}
    towns = Counter(t for i, t in _clue_towns(demo_db).items() if t and i in open_ids)
    town = towns.most_common(1)[0][0]
    return {"dept": account(demo_db, "viewer_dept", "department", department=dept), "dept_id": dept,
            "town": account(demo_db, "viewer_town", "town", town=town), "town_code": town}


def test_a_department_user_lists_only_its_own_departments_clues(demo_db, viewers):
    mine = clues.list_clues(demo_db, EVERY, limit=100_000, viewer=viewers["dept"])
    total = clues.count_clues(demo_db, EVERY)
    assert mine and {r.department_id for r in mine} == {viewers["dept_id"]}
    expected = clues.count_clues(demo_db, clues.ClueFilter(department_id=viewers["dept_id"]))
    assert len(mine) == clues.count_clues(demo_db, EVERY, viewer=viewers["dept"]) == expected < total


def test_a_town_user_lists_only_its_own_grids_clues(demo_db, viewers):
    towns = _clue_towns(demo_db)
    rows = clues.list_clues(demo_db, EVERY, limit=100_000, viewer=viewers["town"])
    expected = {i for i, t in towns.items() if t == viewers["town_code"]}
    assert expected and {r.id for r in rows} == expected
    assert clues.count_clues(demo_db, EVERY, viewer=viewers["town"]) == len(expected) < len(towns)


def test_the_monitor_and_the_center_read_every_clue(demo_db):
    total = clues.count_clues(demo_db, EVERY)
    assert clues.count_clues(demo_db, EVERY, viewer="monitor") == total
    assert clues.count_clues(demo_db, EVERY, viewer="operator") == total


@pytest.mark.parametrize("role", ["planner", "admin"])
def test_a_role_without_clue_read_is_refused(demo_db, role):
    with pytest.raises(PermissionDenied) as refused:
        clues.list_clues(demo_db, EVERY, viewer=role)
    assert refused.value.permission == "clue.read"
    with pytest.raises(PermissionDenied):
        map_layers.open_clue_markers(demo_db, viewer=role)


def test_a_clue_of_another_department_or_grid_is_refused_in_detail(demo_db, viewers):
    towns = _clue_towns(demo_db)
    with demo_db.sessions() as s:
        others = list(s.scalars(select(Clue.id).where(Clue.department_id != viewers["dept_id"]).limit(1)))
        own = s.scalar(select(Clue.id).where(Clue.department_id == viewers["dept_id"]).limit(1))
    assert clues.clue_detail(demo_db, own, viewer=viewers["dept"]).department_id == viewers["dept_id"]
    with pytest.raises(PermissionDenied):
        clues.clue_detail(demo_db, others[0], viewer=viewers["dept"])
    outside = next(i for i, t in towns.items() if t != viewers["town_code"])
    inside = next(i for i, t in towns.items() if t == viewers["town_code"])
    assert clues.clue_detail(demo_db, inside, viewer=viewers["town"]).id == inside
    with pytest.raises(PermissionDenied):
        clues.clue_detail(demo_db, outside, viewer=viewers["town"])


def test_the_map_clue_layer_shows_only_the_viewers_clues(demo_db, viewers):
    every = map_layers.open_clue_markers(demo_db)
    mine = map_layers.open_clue_markers(demo_db, viewer=viewers["dept"])
    with demo_db.sessions() as s:
        departments = dict(s.execute(select(Clue.id, Clue.department_id)).tuples().all())
    assert mine.ids and set(mine.ids) < set(every.ids)
    assert {departments[i] for i in mine.ids} == {viewers["dept_id"]}
    by_town = map_layers.open_clues_by_town(demo_db, viewer=viewers["town"])
    visible = clues.count_clues(demo_db, clues.ClueFilter(open_only=True), viewer=viewers["town"])
    assert 0 < sum(by_town.values()) == visible < sum(map_layers.open_clues_by_town(demo_db).values())


def test_a_department_user_lists_only_its_own_commitments_and_cases(demo_db):
    with demo_db.sessions() as s:
        dept = Counter(s.scalars(select(Commitment.department_id).join(
            CommitmentVerification, CommitmentVerification.commitment_id == Commitment.id))).most_common(1)[0][0]
        case_dept = Counter(s.scalars(select(Case.department_id))).most_common(1)[0][0]
    user, case_user = (account(demo_db, "viewer_obl", "department", department=dept),
                       account(demo_db, "viewer_case", "department", department=case_dept))
    everything = VerificationFilter(include_done=True)
    rows = list_verifications(demo_db, everything, limit=100_000, viewer=user)
    assert rows and {r.department_id for r in rows} == {dept}
    assert len(rows) == count_verifications(demo_db, everything, viewer=user) \
        == count_verifications(demo_db, VerificationFilter(dept, include_done=True)) \
        < count_verifications(demo_db, everything)
    assert count_verifications(demo_db, everything, viewer="monitor") == count_verifications(demo_db, everything)
    all_cases = CaseFilter(undecided_only=False)
    cases = list_cases(demo_db, all_cases, limit=100_000, viewer=case_user)
    assert cases and {r.department_id for r in cases} == {case_dept}
    assert len(cases) == count_cases(demo_db, all_cases, viewer=case_user) \
        == count_cases(demo_db, CaseFilter(case_dept, undecided_only=False))
    assert count_cases(demo_db, all_cases, viewer="monitor") == count_cases(demo_db, all_cases)


def test_pushes_follow_push_read(demo_db, viewers):
    with demo_db.sessions() as s:
        held = Counter(d for d in s.scalars(select(NotificationPush.department_id)) if d is not None)
    other = next(d for d in held if d != viewers["dept_id"])
    assert obligations.department_pushes(demo_db, other, pending_only=False, viewer="monitor")
    assert obligations.department_pushes(demo_db, other, pending_only=False, viewer=viewers["dept"]) == []
    assert obligations.shared_queue(demo_db, viewer=viewers["dept"]) == obligations.shared_queue(demo_db)
    for listing in (lambda: obligations.shared_queue(demo_db, viewer=viewers["town"]),
                    lambda: list_cases(demo_db, CaseFilter(), viewer=viewers["town"]),
                    lambda: list_verifications(demo_db, VerificationFilter(), viewer="planner")):
        with pytest.raises(PermissionDenied) as refused:
            listing()
        assert refused.value.permission == "push.read"


def test_the_efficiency_watch_is_refused_to_roles_without_efficiency_read(demo_db, viewers):
    for viewer in (viewers["dept"], viewers["town"], "planner"):
        with pytest.raises(PermissionDenied) as refused:
            efficiency.describe_items(demo_db, [1], [1], viewer=viewer)
        assert refused.value.permission == "efficiency.read"
    efficiency.require_efficiency(demo_db, "monitor")  # the monitor reads it


def test_the_demo_town_user_reads_the_clues_of_its_grid(demo_db):
    from core.db.models import RoleCode, Town, User

    with demo_db.sessions() as s:
        user = s.scalar(select(User).where(User.username == "grid_cc"))
        town = s.scalar(select(Town.code).where(Town.name_zh == "稠城街道"))
    assert user is not None and user.role_code == RoleCode.TOWN and user.town_code == town is not None
    towns = _clue_towns(demo_db)
    rows = clues.list_clues(demo_db, EVERY, limit=100_000, viewer="grid_cc")
    assert {r.id for r in rows} == {i for i, t in towns.items() if t == town}


def _exported_ids(db, path, viewer, ids=None) -> set[int]:
    """The clue ids of an Open311 export as ``viewer`` (read back through the requests' ref_no)."""
    import json

    count = clues.export_open311(db, path, ids, viewer=viewer)
    refs = {r["extended_attributes"]["ref_no"] for r in json.loads(path.read_text(encoding="utf-8"))}
    with db.sessions() as s:
        found = set(s.scalars(select(Clue.id).where(Clue.ref_no.in_(refs))))
    assert count == len(refs) == len(found)
    return found


def test_an_export_holds_only_the_viewers_clues(demo_db, viewers, tmp_path):
    towns = _clue_towns(demo_db)
    with demo_db.sessions() as s:
        departments = dict(s.execute(select(Clue.id, Clue.department_id)).tuples().all())
    mine = _exported_ids(demo_db, tmp_path / "dept.json", viewers["dept"])
    assert mine == {i for i, d in departments.items() if d == viewers["dept_id"]}
    assert mine and len(mine) < len(departments)
    grid = _exported_ids(demo_db, tmp_path / "town.json", viewers["town"])
    assert grid and grid == {i for i, t in towns.items() if t == viewers["town_code"]}
    # asking for named clues does not reach past the scope either
    assert _exported_ids(demo_db, tmp_path / "named.json", viewers["town"], list(departments)) == grid
    assert _exported_ids(demo_db, tmp_path / "all.json", "monitor") == set(departments)


def test_an_export_is_refused_to_a_role_without_clue_read(demo_db, tmp_path):
    out = tmp_path / "refused.json"
    with pytest.raises(PermissionDenied) as refused:
        clues.export_open311(demo_db, out, viewer="planner")
    assert refused.value.permission == "clue.read" and not out.exists()


def test_the_overdue_measure_reads_under_efficiency_read(demo_db, viewers):
    import datetime as dt

    today = dt.date(2026, 12, 1)
    assert map_layers.overdue_by_town(demo_db, today, viewer="monitor") == map_layers.overdue_by_town(demo_db, today)
    for viewer in (viewers["dept"], viewers["town"], "planner", "admin"):
        with pytest.raises(PermissionDenied) as refused:
            map_layers.overdue_by_town(demo_db, today, viewer=viewer)
        assert refused.value.permission == "efficiency.read"
