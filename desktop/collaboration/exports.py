"""Writing the collaboration views to files: PNG (what is on screen), GraphML (the graph for
other tools) and XLSX (the figures, through core.sheets like every table the console writes).

The writers take plain values and a language and run in a worker; only :func:`save_png`
grabs a widget, so it runs on the GUI thread.
"""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from core.sheets import NUMBER, PERCENT, Column, Sheet, atomic_path, write_xlsx

from .words import kind_name, node_kind_name, node_name, stage_name

translate = QCoreApplication.translate
CONTEXT = "CollabExport"


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


def _t(text: str) -> str:
    return translate(CONTEXT, text)


def graph_sheets(graph, lang: str, title: str) -> list[Sheet]:
    """Nodes, edges, and edges kind by kind."""
    names = {n.key: node_name(n, lang) for n in graph.nodes}
    nodes = Sheet(_t("Nodes"), [
        Column(_t("Name")), Column(_t("Kind")), Column(_t("Volume"), NUMBER), Column(_t("Degree"), NUMBER),
        Column(_t("Betweenness"), NUMBER), Column(_t("Community"), NUMBER), Column(_t("Key"))],
        [(names[n.key], node_kind_name(n.kind), n.volume, n.degree, n.betweenness,
          n.community + 1 if n.community >= 0 else None, n.key)
         for n in sorted(graph.nodes, key=lambda n: (-n.volume, n.key))], title=title)
    edges = sorted(graph.edges, key=lambda e: (-e.volume, e.source, e.target))
    totals = Sheet(_t("Edges"), [
        Column(_t("From")), Column(_t("To")), Column(_t("Volume"), NUMBER), Column(_t("Median (working days)"), NUMBER),
        Column(_t("90th percentile (working days)"), NUMBER), Column(_t("Returned or sent on"), PERCENT),
        Column(_t("Overdue"), PERCENT)],
        [(names.get(e.source, e.source), names.get(e.target, e.target), e.volume, e.median_days, e.p90_days,
          e.returned_share, e.overdue_share) for e in edges], title=title)
    per_kind = Sheet(_t("By kind"), [
        Column(_t("From")), Column(_t("To")), Column(_t("Kind")), Column(_t("Count"), NUMBER),
        Column(_t("Median (working days)"), NUMBER), Column(_t("90th percentile (working days)"), NUMBER),
        Column(_t("Returned or sent on"), PERCENT), Column(_t("Overdue"), PERCENT)],
        [(names.get(e.source, e.source), names.get(e.target, e.target), kind_name(kind), s.count, s.median_days,
          s.p90_days, s.returned_share, s.overdue_share) for e in edges for kind, s in e.kinds.items()], title=title)
    return [nodes, totals, per_kind]


def write_graph_xlsx(graph, path: Path, lang: str, title: str) -> int:
    """The graph's figures to XLSX ``path``; returns the rows written."""
    return write_xlsx(path, graph_sheets(graph, lang, title))


def flow_sheets(flow, label, department_names: Mapping[int, str], title: str) -> list[Sheet]:
    """The flow's bands and its stage times (``label(key)`` names a band's end)."""
    bands = Sheet(_t("Bands"), [
        Column(_t("From")), Column(_t("To")), Column(_t("Clues"), NUMBER), Column(_t("Median (working days)"), NUMBER)],
        [(label(b.source), label(b.target), b.count, b.median_days) for b in flow.bands], title=title)
    everyone = _t("All departments")
    stages = Sheet(_t("Stages"), [
        Column(_t("Stage")), Column(_t("Department")), Column(_t("Clues"), NUMBER),
        Column(_t("Median (working days)"), NUMBER), Column(_t("90th percentile (working days)"), NUMBER)],
        [(stage_name(s.stage), everyone if s.department_id is None else department_names.get(s.department_id, str(s.department_id)),
          s.count, s.median_days, s.p90_days) for s in flow.stages], title=title)
    return [bands, stages]


def write_flow_xlsx(flow, path: Path, label, department_names: Mapping[int, str], title: str) -> int:
    """The flow's figures to XLSX ``path``; returns the rows written."""
    return write_xlsx(path, flow_sheets(flow, label, department_names, title))
