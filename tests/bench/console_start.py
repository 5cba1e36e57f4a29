"""Child process of the console benchmark: start the console and say READY when usable.

"Ready" means the main window is shown on the Entities workspace and its table holds the
first page of results. Sign-in is done programmatically with the demo operator account.
"""
from __future__ import annotations

import sys


def current_rss_mb() -> int:
    """Resident memory now (ru_maxrss would include the parent's peak, inherited at fork)."""
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) // 1024
    return -1


def main(url: str) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QTableView

    from tests.support.console import open_demo_console

    app, services, window = open_demo_console(url)
    window.select_workspace("entities")

    def poll() -> None:
        tables = window.page("entities").findChildren(QTableView)
        model = tables[0].model() if tables else None
        if model is not None and model.rowCount() > 0 and getattr(model, "is_loaded", lambda r: True)(0):
            rss = current_rss_mb()
            print(f"READY {rss}", flush=True)
            app.quit()

    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(5)
    QTimer.singleShot(60000, app.quit)
    app.exec()
    services.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
