"""A second console for ``python -m tests.bench live``: follows the database on a change bus
and prints ``<change id> <epoch seconds>`` the moment each change reaches it.

    python -m tests.bench.live_console URL COUNT
"""
from __future__ import annotations

import os
import sys
import time


def main(url: str, count: int) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QTimer

    from core.db.database import Database
    from desktop.live.bus import ChangeBus

    app = QCoreApplication([])
    db = Database.open(url)
    bus = ChangeBus(db, wait_s=0.5)
    heard = 0

    def on_changed(changes) -> None:
        nonlocal heard
        print(f"{changes.change_id} {time.time():.6f}", flush=True)
        heard += 1
        if heard >= count:
            app.quit()

    def ready() -> None:
        if bus.following:
            print("ready", flush=True)
        else:
            QTimer.singleShot(50, ready)

    bus.changed.connect(on_changed)
    QTimer.singleShot(300, ready)  # the follower has read where the log stands
    QTimer.singleShot(120_000, app.quit)
    app.exec()
    bus.close()
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2])))
