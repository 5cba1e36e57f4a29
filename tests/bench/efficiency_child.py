"""Child process of the deadlines bench: open the Efficiency workspace on a city (offscreen).

    python -m tests.bench.efficiency_child URL TODAY SNAPSHOT_DIR

Prints JSON: seconds from creating the workspace to its first complete numbers, with no
snapshot (cold) and with the snapshot the first opening saved (warm).
"""
from __future__ import annotations

import datetime as dt
import json
import sys
import time


def main(url: str, today: str, folder: str) -> dict:
    from pathlib import Path

    from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QTimer

    from core.db.database import Database
    from desktop.app import create_application
    from desktop.efficiency.workspace import EfficiencyWorkspace
    from desktop.tasks import TaskManager

    app = create_application()
    db, tasks = Database.open(url), TaskManager()
    out = {}
    for name in ("efficiency_open_cold_s", "efficiency_open_s"):
        started = time.perf_counter()
        ws = EfficiencyWorkspace(db, tasks, "monitor", "zh_CN", today=dt.date.fromisoformat(today),
                                 snapshot_dir=Path(folder))
        ready: list[float] = []
        # A real event loop, as the console runs: polling with qWait would hold the GIL the worker needs.
        loop = QEventLoop()
        ws.ready.connect(lambda: (ready.append(time.perf_counter() - started), loop.quit()))
        QTimer.singleShot(120_000, loop.quit)
        ws.resize(1440, 860)
        ws.show()
        loop.exec()
        out[name] = round(ready[0], 3) if ready else None
        tasks.wait_idle()
        QCoreApplication.processEvents()
        ws.trend.close_plots()
        ws.close()
        ws.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    del app
    return out


if __name__ == "__main__":
    print(json.dumps(main(*sys.argv[1:4])))
