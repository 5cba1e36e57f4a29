"""Child process of the map benchmark: the console with the Map workspace, under X (Xvfb).

Prints one JSON line: first paint (window shown -> clusters of every entity drawn), the
round trip of pans, zooms and filter changes (request -> map and counts updated), and
resident memory of the console and of its web-engine processes.
"""
from __future__ import annotations

import json
import statistics
import sys
import time


def main(url: str) -> int:
    from PySide6.QtCore import QTimer

    from tests.support.console import open_demo_console

    from .web_child import rss_mb, web_rss_mb

    app, services, window = open_demo_console(url, size=(1600, 1000))
    result: dict = {}
    reports: list[tuple[float, dict]] = []
    start = time.perf_counter()
    window.select_workspace("map")
    ws = window.page("map")
    ws.painted.connect(lambda info: reports.append((time.perf_counter(), info)))
    towns = [(29.306, 120.075), (29.335, 120.09), (29.28, 120.06), (29.36, 120.12), (29.25, 120.02),
             (29.31, 120.16), (29.4, 120.1), (29.22, 120.15)]
    bar = ws.search_bar

    def pick(name: str, code: str):
        combo = bar.combo(name)
        return lambda: combo.setCurrentIndex(next(i for i in range(combo.count()) if combo.itemData(i) == code))

    def any_of(name: str):
        return lambda: bar.combo(name).setCurrentIndex(0)

    actions = []
    for i, (lat, lng) in enumerate(towns):
        actions.append(("pan", lambda lat=lat, lng=lng, z=12 + i % 5: ws.run_js(f"tongguan.setView({lat},{lng},{z})")))
    # Zoom without Leaflet's 250 ms animation: the figure is our update, not the tween.
    def zoom(z: int):
        return lambda: ws.run_js(f"tongguan.map.setZoom({z}, {{animate: false}})")

    actions += [("zoom", zoom(11)), ("zoom", zoom(13)),
                ("filter", pick("risk", "D")), ("filter", pick("type", "individual")),
                ("filter", any_of("risk")), ("filter", any_of("type")),
                ("zoom", zoom(10)),
                ("filter", pick("risk", "C")), ("filter", any_of("risk"))]
    timings: dict[str, list[float]] = {"pan": [], "zoom": [], "filter": []}
    detail: list[tuple] = []  # (kind, round trip ms, computing ms, drawing ms)
    state = {"next": 0, "t0": 0.0, "seen": 0}

    def next_action() -> None:
        i = state["next"]
        if i >= len(actions):
            finish()
            return
        state["next"] = i + 1
        state["seen"] = len(reports)
        state["t0"] = time.perf_counter()
        actions[i][1]()
        QTimer.singleShot(15000, lambda i=i: state["next"] == i + 1 and len(reports) == state["seen"]
                          and (timings[actions[i][0]].append(float("inf")), next_action()))

    def poll() -> None:
        if "first_paint_s" not in result:
            if reports and reports[-1][1].get("clusters", 0) > 0:
                result["first_paint_s"] = round(reports[-1][0] - start, 3)
                result["first_payload_ms"] = ws.controller.last_elapsed_ms
                QTimer.singleShot(500, next_action)
            return
        if state["t0"] and len(reports) > state["seen"]:
            kind = actions[state["next"] - 1][0]
            timings[kind].append((reports[-1][0] - state["t0"]) * 1000)
            detail.append((kind, round(timings[kind][-1], 1), ws.controller.last_elapsed_ms, reports[-1][1].get("ms")))
            state["t0"] = 0.0
            QTimer.singleShot(150, next_action)

    def finish() -> None:
        every = [t for ts in timings.values() for t in ts]
        result.update({
            "update_median_ms": round(statistics.median(every), 1),
            "update_max_ms": round(max(every), 1),
            "updates": len(every),
            "by_kind_median_ms": {k: round(statistics.median(v), 1) for k, v in timings.items() if v},
            "compute_median_ms": round(statistics.median(d[2] for d in detail), 1),
            "draw_median_ms": round(statistics.median(d[3] or 0 for d in detail), 1),
            "updates_detail": detail,
            "rss_mb": rss_mb(),
            "web_rss_mb": web_rss_mb(),
            "page_errors": ws.view.map_page.errors[:5],
            "external_requests": len(ws.view.guard.external_requests()),
        })
        app.quit()

    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(2)
    QTimer.singleShot(240000, app.quit)
    app.exec()
    print(json.dumps(result), flush=True)
    ws.view.shutdown()
    services.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
