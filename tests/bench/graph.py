"""``python -m tests.bench graph``: the collaboration views on one year of the full demo city.

On the cached full city (or ``--db``), for the calendar year of the city's own day:
``graph_s`` builds the collaboration graph (every kind, towns), ``flow_s`` the case flow,
``suggest_s`` the joint-plan suggestions, ``layout_s`` the graph's stable layout; each the
median of three runs (targets: graph <= 2 s, flow <= 2 s, suggestions <= 5 s); the
``*_cpu_s`` figures are the process's CPU time for the same runs (database reads included for
SQLite, which runs in the process), telling a slow machine from a busy one.
"""
from __future__ import annotations

import argparse
import statistics
import time

from .deadlines_suite import _as_of
from .suites import cached_city, peak_rss_mb, suite


def _median_s(fn, repeat: int = 3):
    """(median wall seconds, median CPU seconds of this process, the last result)."""
    times, cpu, result = [], [], None
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = fn()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return round(statistics.median(times), 3), round(statistics.median(cpu), 3), result


@suite("graph")
def graph_bench(args: argparse.Namespace) -> dict:
    """Graph, flow, suggestions and layout for one year of the city."""
    from core.collab import Period, build_flow, build_graph, suggest_joint
    from core.db.database import Database

    url = args.db or cached_city(args.entities, args.seed)
    db = Database.open(url)
    try:
        year = _as_of(db).year
        period = Period.year(year)
        graph_s, graph_cpu, graph = _median_s(lambda: build_graph(db, period))
        flow_s, flow_cpu, flow = _median_s(lambda: build_flow(db, period))
        suggest_s, suggest_cpu, suggestions = _median_s(lambda: suggest_joint(db, year))
        layout_s, _, _ = _median_s(lambda: graph.layout())
        slowest = graph.slowest_edges(1)
    finally:
        db.dispose()
    return {
        "year": year,
        "graph_s": graph_s,
        "flow_s": flow_s,
        "suggest_s": suggest_s,
        "layout_s": layout_s,
        # CPU seconds of the process: on a shared machine the wall clock also counts waiting.
        "graph_cpu_s": graph_cpu,
        "flow_cpu_s": flow_cpu,
        "suggest_cpu_s": suggest_cpu,
        "nodes": len(graph.nodes),
        "edges": len(graph.edges),
        "items": sum(e.volume for e in graph.edges),
        "clues_in_flow": flow.clue_count,
        "suggestions": len(suggestions),
        "slowest_edge": [slowest[0].source, slowest[0].target, slowest[0].median_days] if slowest else None,
        "peak_rss_mb": round(peak_rss_mb()),
    }
