"""Collaboration between departments and towns: the graph, case flows and joint-plan
suggestions (issue 15). No Qt here; the desktop draws what these return."""
from .flows import OUTCOMES, SOURCES, STAGES, CaseFlow, FlowBand, StageTime, build_flow
from .graph import (
    EDGE_KINDS,
    CollabEdge,
    CollabGraph,
    CollabItem,
    CollabNode,
    build_graph,
    items_behind,
)
from .items import clue_items, open_targets
from .period import Period
from .stats import KindStats
from .suggest import JointSuggestion, create_joint_draft, suggest_joint

__all__ = ["EDGE_KINDS", "OUTCOMES", "SOURCES", "STAGES", "CaseFlow", "CollabEdge", "CollabGraph", "CollabItem",
           "CollabNode", "FlowBand", "JointSuggestion", "KindStats", "Period", "StageTime", "build_flow",
           "build_graph", "clue_items", "create_joint_draft", "items_behind", "open_targets", "suggest_joint"]
