"""The collaboration graph: departments and towns (villages optional) joined by what they
hand each other, with per-kind figures and the network measures leaders read.

Built from the database by :func:`build_graph` (rows from :mod:`core.collab.sources`,
aggregated with numpy); the measures use networkx. Directed edges run the way work goes:
town -> department for routed and grid clues and commitment checks, department ->
department for transfers, returns, duplicates and joint visits (lead -> partner),
registration bureau -> approving department for double-notification pushes.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import networkx as nx
import numpy as np

from core.db.database import Database

from .period import Period
from .stats import KindStats, figures, grouped

EDGE_KINDS = ("joint_visit", "clue_routing", "clue_transfer", "clue_return", "clue_duplicate", "push",
              "commitment", "grid_handover")
# Kinds that hand a department work, and the kinds by which it sends work on (forwarders).
RECEIVING_KINDS = ("clue_routing", "grid_handover", "clue_transfer", "clue_return", "push")
SENDING_ON_KINDS = ("clue_transfer", "clue_return")
NODE_KINDS = ("dept", "town", "village", "queue")
SHARED_QUEUE = "queue:shared"  # the double-notification to-be-claimed queue
COMMUNITY_SEED = 7


@dataclass(frozen=True)
class CollabNode:
    """A department (``dept:<id>``), town (``town:<code>``), village (``village:<code>``) or the
    shared push queue (``queue:shared``), with its measures in the graph."""

    key: str
    kind: str
    name_zh: str
    name_en: str
    volume: int           # items on every edge touching it
    degree: float         # degree centrality (undirected, normalised)
    betweenness: float    # betweenness centrality (undirected, unweighted, normalised)
    community: int        # index into CollabGraph.communities(); -1 when in none

    def name(self, lang: str = "zh_CN") -> str:
        return self.name_zh if lang.startswith("zh") else self.name_en


@dataclass(frozen=True)
class CollabEdge:
    """Work going from ``source`` to ``target``, per kind and in total."""

    source: str
    target: str
    kinds: Mapping[str, KindStats]
    volume: int
    median_days: float | None
    overdue_share: float
    p90_days: float | None = None
    returned_share: float = 0.0


@dataclass(frozen=True)
class CollabItem:
    """One item behind a node or edge; ``object_type`` and ``object_id`` open it."""

    kind: str
    object_type: str      # clue, case, push, commitment, inspection_task, draw_batch
    object_id: int
    label: str
    at: dt.date | None
    source: str = ""
    target: str = ""


@dataclass
class CollabGraph:
    """Nodes and edges of a period, with the measures; ``digraph`` is the networkx view."""

    nodes: tuple[CollabNode, ...]
    edges: tuple[CollabEdge, ...]
    period: Period | None = None
    meetings: Mapping[tuple[str, str], int] = field(default_factory=dict)
    digraph: nx.DiGraph = field(init=False, repr=False)

    def __post_init__(self) -> None:
        g = nx.DiGraph()
        for node in sorted(self.nodes, key=lambda n: n.key):
            g.add_node(node.key, kind=node.kind, name_zh=node.name_zh, name_en=node.name_en, volume=node.volume)
        for e in sorted(self.edges, key=lambda e: (e.source, e.target)):
            g.add_edge(e.source, e.target, volume=e.volume, median_days=e.median_days,
                       overdue_share=e.overdue_share)
        self.digraph = g

    # ------------------------------------------------------------------ lookups

    def node(self, key: str) -> CollabNode | None:
        return next((n for n in self.nodes if n.key == key), None)

    def edge(self, source: str, target: str) -> CollabEdge | None:
        return next((e for e in self.edges if e.source == source and e.target == target), None)

    # ----------------------------------------------------------------- measures

    def slowest_edges(self, n: int = 10, *, min_count: int = 1) -> list[CollabEdge]:
        """The ``n`` edges with the longest median handover (ties: more items first)."""
        timed = [e for e in self.edges if e.median_days is not None and e.volume >= min_count]
        timed.sort(key=lambda e: (-e.median_days, -e.volume, e.source, e.target))
        return timed[:n]

    def forwarders(self, min_received: int = 5) -> list[tuple[str, int, int, float]]:
        """Departments that send on much of what they receive: ``(node key, received, sent on,
        share)``, highest share first, among those that received at least ``min_received``."""
        received: dict[str, int] = {}
        sent: dict[str, int] = {}
        for e in self.edges:
            for kind, st in e.kinds.items():
                if kind in RECEIVING_KINDS:
                    received[e.target] = received.get(e.target, 0) + st.count
                if kind in SENDING_ON_KINDS:
                    sent[e.source] = sent.get(e.source, 0) + st.count
        out = [(key, got, sent.get(key, 0), round(sent.get(key, 0) / got, 4))
               for key, got in received.items() if key.startswith("dept:") and got >= min_received]
        out.sort(key=lambda r: (-r[3], -r[2], r[0]))
        return out

    def communities(self) -> list[frozenset[str]]:
        """Groups of departments that work together or meet at the same entities (seeded
        Louvain on department-to-department volume plus shared entities): largest first."""
        return list(_communities(self.edges, self.meetings))

    def layout(self, seed: int = 7) -> dict[str, tuple[float, float]]:
        """Positions in [-1, 1]²: the same graph and seed always give the same picture."""
        g = nx.Graph()
        g.add_nodes_from(sorted(n.key for n in self.nodes))
        for e in sorted(self.edges, key=lambda e: (e.source, e.target)):
            w = float(np.log1p(e.volume))
            if g.has_edge(e.source, e.target):
                g[e.source][e.target]["weight"] += w
            else:
                g.add_edge(e.source, e.target, weight=w)
        if not len(g):
            return {}
        pos = nx.spring_layout(g, seed=seed, weight="weight", iterations=100)
        return {k: (round(float(x), 6), round(float(y), 6)) for k, (x, y) in sorted(pos.items())}


def _communities(edges: Sequence[CollabEdge], meetings: Mapping[tuple[str, str], int]) -> list[frozenset[str]]:
    g = nx.Graph()
    weights: dict[tuple[str, str], float] = {}
    for e in edges:
        if e.source.startswith("dept:") and e.target.startswith("dept:"):
            pair = tuple(sorted((e.source, e.target)))
            weights[pair] = weights.get(pair, 0) + e.volume
    for (a, b), n in meetings.items():
        pair = tuple(sorted((a, b)))
        weights[pair] = weights.get(pair, 0) + n
    for (a, b), w in sorted(weights.items()):
        if w > 0 and a != b:
            g.add_edge(a, b, weight=float(w))
    if not len(g):
        return []
    found = nx.community.louvain_communities(g, weight="weight", seed=COMMUNITY_SEED)
    return sorted((frozenset(c) for c in found), key=lambda c: (-len(c), min(c)))


def assemble(rows, names: Mapping[str, tuple[str, str]], meetings: Mapping[tuple[str, str], int],
             period: Period | None = None) -> CollabGraph:
    """The graph of ``rows`` (:class:`core.collab.sources.EdgeRows`); pure, for tests too."""
    keep = rows.source != rows.target
    src, tgt, kind = rows.source[keep], rows.target[keep], rows.kind[keep]
    days, returned, overdue = rows.days[keep], rows.returned[keep], rows.overdue[keep]
    edges: list[CollabEdge] = []
    if len(src):
        # Node keys and kinds as integers, so pairs and (pair, kind) triples group as numbers.
        keys = sorted(set(src.tolist()) | set(tgt.tolist()))
        index = {k: i for i, k in enumerate(keys)}
        s_i = np.fromiter((index[k] for k in src), dtype=np.int64, count=len(src))
        t_i = np.fromiter((index[k] for k in tgt), dtype=np.int64, count=len(tgt))
        k_i = np.fromiter((EDGE_KINDS.index(k) for k in kind), dtype=np.int64, count=len(kind))
        pairs, pair_code = np.unique(s_i * len(keys) + t_i, return_inverse=True)
        triples, triple_code = np.unique(pair_code * len(EDGE_KINDS) + k_i, return_inverse=True)
        per_kind = grouped(triple_code, len(triples), days, returned, overdue)
        totals = grouped(pair_code, len(pairs), days, returned, overdue)
        kinds_of: dict[int, dict[str, KindStats]] = {}
        for code, st in zip(triples.tolist(), per_kind):
            kinds_of.setdefault(code // len(EDGE_KINDS), {})[EDGE_KINDS[code % len(EDGE_KINDS)]] = st
        for p, (code, total) in enumerate(zip(pairs.tolist(), totals)):
            by_kind = dict(sorted(kinds_of[p].items(), key=lambda kv: EDGE_KINDS.index(kv[0])))
            edges.append(CollabEdge(keys[code // len(keys)], keys[code % len(keys)], by_kind, total.count,
                                    total.median_days, total.overdue_share, total.p90_days, total.returned_share))
    return _with_measures(edges, names, meetings, period)


def _with_measures(edges: list[CollabEdge], names, meetings, period) -> CollabGraph:
    keys = sorted({e.source for e in edges} | {e.target for e in edges})
    volume = dict.fromkeys(keys, 0)
    for e in edges:
        volume[e.source] += e.volume
        volume[e.target] += e.volume
    und = nx.Graph()
    und.add_nodes_from(keys)
    und.add_edges_from(sorted((e.source, e.target) for e in edges))
    degree = nx.degree_centrality(und) if len(und) > 1 else dict.fromkeys(keys, 0.0)
    between = nx.betweenness_centrality(und, normalized=True) if len(und) > 2 else dict.fromkeys(keys, 0.0)
    groups = _communities(edges, meetings)
    community = {k: i for i, group in enumerate(groups) for k in group}
    nodes = []
    for k in keys:
        zh, en = names.get(k, (k, k))
        nodes.append(CollabNode(k, k.split(":", 1)[0], zh, en, volume[k], round(degree.get(k, 0.0), 6),
                                round(between.get(k, 0.0), 6), community.get(k, -1)))
    return CollabGraph(tuple(nodes), tuple(edges), period, dict(meetings))


def build_graph(db: Database, period: Period, *, kinds: Sequence[str] = EDGE_KINDS, villages: bool = False,
                viewer: object | None = None) -> CollabGraph:
    """The collaboration graph of ``period``: the ``kinds`` of edge asked for, towns (or
    villages) and departments, as much of it as ``viewer`` may read (None: everything)."""
    from .sources import Loader, node_names, read_rows

    with db.sessions() as s:
        loader = Loader(s, period, viewer, villages)
        rows = read_rows(loader, kinds)
        meetings = loader.meetings()
        names = node_names(s, set(rows.source.tolist()) | set(rows.target.tolist()))
    return assemble(rows, names, meetings, period)


def items_behind(db: Database, period: Period, *, node: str | None = None, edge: tuple[str, str] | None = None,
                 kinds: Sequence[str] = EDGE_KINDS, villages: bool | None = None, viewer: object | None = None,
                 limit: int = 500) -> list[CollabItem]:
    """The items behind a node (every edge touching it) or an edge ``(source, target)``,
    newest first, at most ``limit``; each names the object that opens it.

    Only the clicked node's (or edge's) rows are read (SQL conditions on its departments,
    towns and villages, :mod:`core.collab.focus`), then matched exactly here."""
    from .focus import Focus
    from .items import label_items
    from .sources import Loader, read_rows

    if villages is None:
        villages = any(k.startswith("village:") for k in ((node,) if node else tuple(edge or ())))
    if node is None and edge is None:
        raise ValueError("items_behind needs a node or an edge")
    focus = Focus(node, tuple(edge) if edge is not None else None)
    with db.sessions() as s:
        loader = Loader(s, period, viewer, villages, focus, limit)
        wanted = focus.kinds(loader.viewer.readable(kinds))  # refused as the whole graph would be
        rows = read_rows(loader, wanted)
        keep = rows.source != rows.target
        if node is not None:
            keep &= (rows.source == node) | (rows.target == node)
        if edge is not None:
            keep &= (rows.source == edge[0]) & (rows.target == edge[1])
        idx = np.flatnonzero(keep)
        order = np.lexsort((-rows.object_id[idx], -rows.at[idx].astype("datetime64[D]").view(np.int64)))
        idx = idx[order][:limit]
        return label_items(s, rows, idx)


__all__ = ["EDGE_KINDS", "CollabEdge", "CollabGraph", "CollabItem", "CollabNode", "KindStats", "build_graph",
           "items_behind", "figures"]
