"""The collaboration views find what the demo city planted (core.demo.collab): 文化和广电旅游局
and 消防支队 inspecting the same venues apart, and 行政执法局 slow to claim its clues."""
import datetime as dt

from sqlalchemy import select

from core.collab import Period, build_flow, build_graph, suggest_joint
from core.db.models import Department
from core.demo.collab import MEETING_MIN

HISTORY = Period(dt.date(2024, 1, 1), dt.date(2026, 11, 20))  # the demo_db city's whole history


def _dept(db, code):
    with db.sessions() as s:
        return s.scalar(select(Department.id).where(Department.code == code))


def test_the_planted_meeting_is_a_community_and_a_suggestion(demo_db):
    culture, fire = _dept(demo_db, "WGLJ"), _dept(demo_db, "XFZD")
    graph = build_graph(demo_db, HISTORY)
    together = [c for c in graph.communities() if f"dept:{culture}" in c]
    assert together and f"dept:{fire}" in together[0]
    found = [s for s in suggest_joint(demo_db, 2026) if set(s.department_ids) == {culture, fire}]
    assert len(found) == 1
    pair = found[0]
    assert len(pair.entity_ids) >= MEETING_MIN
    assert pair.visits_now == 2 * len(pair.entity_ids) and pair.visits_saved == len(pair.entity_ids)


def test_the_planted_slow_handover_is_the_slowest_edge_and_stage(demo_db):
    enforcement = _dept(demo_db, "XZZF")
    graph = build_graph(demo_db, HISTORY, kinds=("clue_routing", "grid_handover"))
    slowest = graph.slowest_edges(3, min_count=2)
    assert slowest and all(e.target == f"dept:{enforcement}" for e in slowest)
    others = [e.median_days for e in graph.edges if e.target != f"dept:{enforcement}" and e.volume >= 2]
    assert min(e.median_days for e in slowest) > 2 * max(others)
    stage = build_flow(demo_db, HISTORY).slowest_stage()
    assert (stage.stage, stage.department_id) == ("claimed", enforcement)
