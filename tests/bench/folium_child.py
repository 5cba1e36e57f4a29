"""Child process of the map benchmark: plain folium, every entity in the page.

``FastMarkerCluster`` with all positions written into the HTML (the way folium maps are
usually made), loaded in the same QtWebEngine view; time from building the page to the
first cluster icons on screen. Prints one JSON line.
"""
from __future__ import annotations

import json
import sys
import time


def main(url: str, out_dir: str) -> int:
    from pathlib import Path

    from PySide6.QtCore import QTimer, QUrl
    from PySide6.QtWebEngineCore import QWebEngineSettings
    from PySide6.QtWebEngineWidgets import QWebEngineView

    from core.db.database import Database
    from core.geoindex import open_columns
    from core.reference import load_profile
    from desktop.app import create_application
    from maps.base_map import render_html
    from maps.folium_baseline import build_fastmarkercluster_map

    from .web_child import rss_mb, web_rss_mb

    app = create_application()
    db = Database.open(url)
    columns = open_columns(db)  # positions from the snapshot: the DB read is not what is compared
    profile = load_profile(db.meta().get("profile", "yiwu"))
    view = QWebEngineView()
    view.page().settings().setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, True)
    view.resize(1600, 1000)
    view.show()
    result: dict = {"points": len(columns)}
    start = time.perf_counter()
    page = build_fastmarkercluster_map(profile, columns.lat, columns.lng)
    path = render_html(page, Path(out_dir) / "folium_baseline.html")
    result["folium_build_s"] = round(time.perf_counter() - start, 2)
    result["page_mb"] = round(path.stat().st_size / 1e6, 1)
    view.load(QUrl.fromLocalFile(str(path)))

    def poll() -> None:
        def seen(n) -> None:
            if n and "folium_first_paint_s" not in result:
                result["folium_first_paint_s"] = round(time.perf_counter() - start, 2)
                result["folium_rss_mb"] = rss_mb()
                result["folium_web_rss_mb"] = web_rss_mb()
                app.quit()
        view.page().runJavaScript("document.querySelectorAll('.marker-cluster').length", 0, seen)

    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(200)
    QTimer.singleShot(300000, app.quit)
    app.exec()
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
