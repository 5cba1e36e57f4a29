"""Hand-built collaboration figures whose pictures and answers are known (no database)."""
from __future__ import annotations

from core.collab.graph import CollabEdge, CollabGraph, CollabItem, CollabNode
from core.collab.stats import KindStats


def _stats(count: int, median: float | None, overdue: float, returned: float = 0.0) -> KindStats:
    return KindStats(count, median, None if median is None else median * 1.8, returned, overdue)


def sample_graph() -> CollabGraph:
    """Three departments and two towns; 市场监管局 -> 综合执法局 is the slow edge."""
    nodes = (
        CollabNode("dept:1", "dept", "市场监管局", "Market Regulation", 120, 0.75, 0.5, 0),
        CollabNode("dept:2", "dept", "综合执法局", "Enforcement Bureau", 80, 0.5, 0.1, 0),
        CollabNode("dept:3", "dept", "卫生健康局", "Health Bureau", 30, 0.25, 0.0, 1),
        CollabNode("town:330782001", "town", "稠城街道", "Choucheng Subdistrict", 90, 0.5, 0.2, -1),
        CollabNode("town:330782002", "town", "北苑街道", "Beiyuan Subdistrict", 40, 0.25, 0.0, -1),
    )
    edges = (
        CollabEdge("town:330782001", "dept:1", {"clue_routing": _stats(60, 1.0, 0.05)}, 60, 1.0, 0.05),
        CollabEdge("town:330782002", "dept:1", {"grid_handover": _stats(30, 2.0, 0.1)}, 30, 2.0, 0.1),
        CollabEdge("dept:1", "dept:2", {"clue_transfer": _stats(25, 9.0, 0.6, 1.0),
                                        "joint_visit": _stats(5, None, 0.0)}, 30, 9.0, 0.5),
        CollabEdge("dept:2", "dept:1", {"clue_return": _stats(8, 4.0, 0.25, 1.0)}, 8, 4.0, 0.25),
        CollabEdge("town:330782001", "dept:3", {"commitment": _stats(20, 3.0, 0.2)}, 20, 3.0, 0.2),
        CollabEdge("dept:2", "dept:3", {"joint_visit": _stats(10, None, 0.0)}, 10, None, 0.0),
    )
    return CollabGraph(nodes, edges)


def sample_items(node: str | None = None, edge: tuple[str, str] | None = None) -> list[CollabItem]:
    import datetime as dt

    items = [CollabItem("clue_transfer", "clue", 101, "线索 X-101", dt.date(2026, 3, 2), "dept:1", "dept:2"),
             CollabItem("clue_transfer", "clue", 102, "线索 X-102", dt.date(2026, 3, 5), "dept:1", "dept:2"),
             CollabItem("joint_visit", "draw_batch", 7, "批次 7", dt.date(2026, 4, 1), "dept:1", "dept:2"),
             CollabItem("clue_routing", "clue", 55, "线索 X-055", dt.date(2026, 2, 1), "town:330782001", "dept:1"),
             CollabItem("commitment", "commitment", 9, "承诺 9", dt.date(2026, 5, 1), "town:330782001", "dept:3")]
    if node is not None:
        return [i for i in items if node in (i.source, i.target)]
    if edge is not None:
        return [i for i in items if (i.source, i.target) == edge]
    return items


def sample_flow():
    """Grid and 12345 clues into two departments; 综合执法局's claims are slow (9 wd)."""
    from core.collab.flows import CaseFlow, FlowBand, StageTime

    bands = (
        FlowBand("src:grid", "dept:1", 40, 0.5, tuple(range(1, 41))),
        FlowBand("src:hotline", "dept:1", 20, 0.8, tuple(range(41, 61))),
        FlowBand("src:hotline", "dept:2", 15, 1.0, tuple(range(61, 76))),
        FlowBand("dept:1", "xfer:2", 10, 6.0, tuple(range(1, 11))),
        FlowBand("dept:1", "out:closed", 45, 3.0, tuple(range(11, 56))),
        FlowBand("dept:1", "out:returned", 5, 2.0, tuple(range(56, 61))),
        FlowBand("dept:2", "out:case_filed", 15, 12.0, tuple(range(61, 76))),
        FlowBand("xfer:2", "out:closed", 10, 9.0, tuple(range(1, 11))),
    )
    stages = (
        StageTime("assigned", None, 75, 0.6, 1.0),
        StageTime("claimed", None, 75, 2.0, 6.0),
        StageTime("claimed", 1, 60, 1.0, 2.0),
        StageTime("claimed", 2, 25, 9.0, 14.0),
        StageTime("closed", None, 60, 4.0, 8.0),
    )
    return CaseFlow(bands, stages, 75)
