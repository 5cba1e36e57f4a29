"""Render the Map workspace at city, town and street zoom, without and with a tile server.

    xvfb-run -a -s "-screen 0 1920x1080x24" python scripts/map_screenshots.py --db CITY.sqlite --out docs/screenshots

QtWebEngine needs an X server (Xvfb is fine) and QT_QPA_PLATFORM=xcb. "With a tile server"
uses tests.support.tile_server: a local server whose tiles show their z/x/y, standing in
for an intranet Tianditu mirror, so the pictures show the tile layer and our points
aligned on it without any internet.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")

VIEWS = (("city", None), ("town", (29.3062, 120.0745, 14)), ("street", (29.3052, 120.0722, 17)))


def wait(app, predicate, timeout_s: float = 60.0) -> bool:
    import time
    end = time.monotonic() + timeout_s
    while time.monotonic() < end:
        app.processEvents()
        if predicate():
            return True
        time.sleep(0.01)
    return False


def shoot(db_url: str, out: Path, suffix: str, tile_url: str, lang: str) -> list[Path]:
    import tempfile

    from desktop.settings import TILE_URL, Settings
    from tests.support.console import open_demo_console

    settings = Settings.open(Path(tempfile.mkdtemp()) / "console.ini")
    settings[TILE_URL] = tile_url
    app, services, window = open_demo_console(db_url, size=(1600, 1000), lang=lang, settings=settings)
    window.select_workspace("map")
    ws = window.page("map")
    reports: list[dict] = []
    ws.painted.connect(reports.append)
    written = []
    for name, target in VIEWS:
        seen = len(reports)
        if target is not None:
            ws.run_js(f"tongguan.setView({target[0]}, {target[1]}, {target[2]})")
        if not wait(app, lambda seen=seen: len(reports) > seen):
            raise SystemExit(f"the map did not paint the {name} view")
        wait(app, lambda: False, 1.5)  # tiles and labels settle
        path = out / f"map_{name}_{suffix}.png"
        window.grab().save(str(path))
        written.append(path)
        print(f"wrote {path} ({reports[-1]})")
    ws.view.shutdown()
    window.close()
    services.close()
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--tiles", choices=("none", "local"), default="none")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.tiles == "none":
        shoot(args.db, args.out, "schematic", "", args.lang)
    else:
        from tests.support.tile_server import TileServer
        with TileServer() as server:
            shoot(args.db, args.out, "tiles", server.url, args.lang)
    return 0


if __name__ == "__main__":
    sys.exit(main())
