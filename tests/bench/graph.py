"""``python -m tests.bench graph``: the collaboration views on one year of the full demo city.

On the cached full city (or ``--db``), for the calendar year of the city's own day:
``graph_s`` builds the collaboration graph (every kind, towns), ``flow_s`` the case flow,
``suggest_s`` the joint-plan suggestions, ``layout_s`` the graph's stable layout; each the
median of three runs (targets: graph <= 2 s, flow <= 2 s, suggestions <= 5 s); the
``*_cpu_s`` figures are the process's CPU time for the same runs (database reads included for
SQLite, which runs in the process), telling a slow machine from a busy one; ``load_avg`` the
machine's load average (1, 5, 15 minutes) when the runs began. ``items_*`` time a click:
:func:`core.collab.items_behind` of every node and of the 20 biggest edges (target <= 300 ms
each), their median and slowest, wall and CPU.
"""
from __future__ import annotations

import argparse
import os
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
    from core.collab import Period, build_flow, build_graph, items_behind, suggest_joint
    from core.db.database import Database

    url = args.db or cached_city(args.entities, args.seed)
    db = Database.open(url)
    load_avg = [round(x, 2) for x in os.getloadavg()]
    try:
        year = _as_of(db).year
        period = Period.year(year)
        graph_s, graph_cpu, graph = _median_s(lambda: build_graph(db, period))
        flow_s, flow_cpu, flow = _median_s(lambda: build_flow(db, period))
        suggest_s, suggest_cpu, suggestions = _median_s(lambda: suggest_joint(db, year))
        layout_s, _, _ = _median_s(lambda: graph.layout())
        slowest = graph.slowest_edges(1)
        clicks = [{"node": n.key} for n in graph.nodes]
        clicks += [{"edge": (e.source, e.target)} for e in sorted(graph.edges, key=lambda e: -e.volume)[:20]]
        items = [_median_s(lambda c=c: items_behind(db, period, **c), repeat=1)[:2] for c in clicks]
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
        "items_clicks": len(items),
        "items_median_s": round(statistics.median(s for s, _ in items), 3) if items else None,
        "items_max_s": max((s for s, _ in items), default=None),
        "items_median_cpu_s": round(statistics.median(c for _, c in items), 3) if items else None,
        "items_max_cpu_s": max((c for _, c in items), default=None),
        "load_avg": load_avg,
        "nodes": len(graph.nodes),
        "edges": len(graph.edges),
        "items": sum(e.volume for e in graph.edges),
        "clues_in_flow": flow.clue_count,
        "suggestions": len(suggestions),
        "slowest_edge": [slowest[0].source, slowest[0].target, slowest[0].median_days] if slowest else None,
        "peak_rss_mb": round(peak_rss_mb()),
    }
