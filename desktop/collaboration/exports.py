"""Writing the collaboration views to files: PNG (what is on screen), GraphML (the graph for
other tools) and XLSX (the figures, through core.sheets like every table the console writes).

The writers take plain values and a language and run in a worker; only :func:`save_png`
grabs a widget, so it runs on the GUI thread.
"""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from core.sheets import NUMBER, PERCENT, Column, Sheet, atomic_path, write_xlsx

from .words import kind_name, node_kind_name, node_name, stage_name

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


def save_png(widget: QWidget, path: Path) -> Path:
    """``widget`` as it is on screen, to PNG ``path``; OSError when it cannot be written."""
    with atomic_path(path) as tmp:
        if not widget.grab().save(str(tmp), "PNG"):
            raise OSError(f"could not write PNG to {path}")
    return Path(path)


def write_graphml(graph, path: Path, lang: str) -> Path:
    """The graph's networkx digraph as GraphML, each node named in ``lang`` as well.

    GraphML has no "missing" value, so an attribute that is None (a median nothing timed)
    is left out of that node or edge.
    """
    import networkx as nx

    g = nx.DiGraph()
    names = {n.key: n for n in graph.nodes}
    for key, data in graph.digraph.nodes(data=True):
        attrs = {k: v for k, v in data.items() if v is not None}
        if key in names:
            attrs["name"] = node_name(names[key], lang)
        g.add_node(key, **attrs)
    for source, target, data in graph.digraph.edges(data=True):
        g.add_edge(source, target, **{k: v for k, v in data.items() if v is not None})
    with atomic_path(path) as tmp:
        nx.write_graphml(g, str(tmp), encoding="utf-8")
    return Path(path)


# Headers, marked for lupdate and translated when a file is written.
H = {
    "nodes": QT_TRANSLATE_NOOP("CollabExport", "Nodes"),
    "edges": QT_TRANSLATE_NOOP("CollabExport", "Edges"),
    "by_kind": QT_TRANSLATE_NOOP("CollabExport", "By kind"),
    "bands": QT_TRANSLATE_NOOP("CollabExport", "Bands"),
    "stages": QT_TRANSLATE_NOOP("CollabExport", "Stages"),
    "name": QT_TRANSLATE_NOOP("CollabExport", "Name"),
    "kind": QT_TRANSLATE_NOOP("CollabExport", "Kind"),
    "volume": QT_TRANSLATE_NOOP("CollabExport", "Volume"),
    "degree": QT_TRANSLATE_NOOP("CollabExport", "Degree"),
    "betweenness": QT_TRANSLATE_NOOP("CollabExport", "Betweenness"),
    "community": QT_TRANSLATE_NOOP("CollabExport", "Community"),
    "key": QT_TRANSLATE_NOOP("CollabExport", "Key"),
    "from": QT_TRANSLATE_NOOP("CollabExport", "From"),
    "to": QT_TRANSLATE_NOOP("CollabExport", "To"),
    "count": QT_TRANSLATE_NOOP("CollabExport", "Count"),
    "clues": QT_TRANSLATE_NOOP("CollabExport", "Clues"),
    "median": QT_TRANSLATE_NOOP("CollabExport", "Median (working days)"),
    "p90": QT_TRANSLATE_NOOP("CollabExport", "90th percentile (working days)"),
    "returned": QT_TRANSLATE_NOOP("CollabExport", "Returned or sent on"),
    "overdue": QT_TRANSLATE_NOOP("CollabExport", "Overdue"),
    "stage": QT_TRANSLATE_NOOP("CollabExport", "Stage"),
    "department": QT_TRANSLATE_NOOP("CollabExport", "Department"),
    "everyone": QT_TRANSLATE_NOOP("CollabExport", "All departments"),
}


def _h(key: str) -> str:
    return translate("CollabExport", H[key])


def _columns(*spec: str) -> list[Column]:
    """Columns from header keys; "key:kind" gives a column kind (number, percent)."""
    kinds = {"n": NUMBER, "p": PERCENT}
    out = []
    for item in spec:
        key, _, kind = item.partition(":")
        out.append(Column(_h(key), kinds[kind]) if kind else Column(_h(key)))
    return out


def graph_sheets(graph, lang: str, title: str) -> list[Sheet]:
    """Nodes, edges, and edges kind by kind."""
    names = {n.key: node_name(n, lang) for n in graph.nodes}

    def name(key: str) -> str:
        return names.get(key, key)

    nodes = Sheet(_h("nodes"), _columns("name", "kind", "volume:n", "degree:n", "betweenness:n", "community:n", "key"),
                  [(names[n.key], node_kind_name(n.kind), n.volume, n.degree, n.betweenness,
                    n.community + 1 if n.community >= 0 else None, n.key)
                   for n in sorted(graph.nodes, key=lambda n: (-n.volume, n.key))], title=title)
    edges = sorted(graph.edges, key=lambda e: (-e.volume, e.source, e.target))
    totals = Sheet(_h("edges"), _columns("from", "to", "volume:n", "median:n", "p90:n", "returned:p", "overdue:p"),
                   [(name(e.source), name(e.target), e.volume, e.median_days, e.p90_days, e.returned_share,
                     e.overdue_share) for e in edges], title=title)
    per_kind = Sheet(_h("by_kind"), _columns("from", "to", "kind", "count:n", "median:n", "p90:n", "returned:p",
                                             "overdue:p"),
                     [(name(e.source), name(e.target), kind_name(kind), s.count, s.median_days, s.p90_days,
                       s.returned_share, s.overdue_share) for e in edges for kind, s in e.kinds.items()], title=title)
    return [nodes, totals, per_kind]


def write_graph_xlsx(graph, path: Path, lang: str, title: str) -> int:
    """The graph's figures to XLSX ``path``; returns the rows written."""
    return write_xlsx(path, graph_sheets(graph, lang, title))


def flow_sheets(flow, label, department_names: Mapping[int, str], title: str) -> list[Sheet]:
    """The flow's bands and its stage times (``label(key)`` names a band's end)."""
    bands = Sheet(_h("bands"), _columns("from", "to", "clues:n", "median:n"),
                  [(label(b.source), label(b.target), b.count, b.median_days) for b in flow.bands], title=title)
    everyone = _h("everyone")
    stages = Sheet(_h("stages"), _columns("stage", "department", "clues:n", "median:n", "p90:n"),
                   [(stage_name(s.stage),
                     everyone if s.department_id is None else department_names.get(s.department_id,
                                                                                   str(s.department_id)),
                     s.count, s.median_days, s.p90_days) for s in flow.stages], title=title)
    return [bands, stages]


def write_flow_xlsx(flow, path: Path, label, department_names: Mapping[int, str], title: str) -> int:
    """The flow's figures to XLSX ``path``; returns the rows written."""
    return write_xlsx(path, flow_sheets(flow, label, department_names, title))
