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

    from core.services.auth import authenticate, demo_accounts
    from desktop.app import create_application
    from desktop.bootstrap import build_registry, build_services, load_context
    from desktop.i18n import install_language
    from desktop.main_window import MainWindow
    from desktop.theme import apply_theme

    app = create_application()
    services = build_services(url)
    install_language(app, "zh_CN")
    apply_theme(app, "light")
    account = next(a for a in demo_accounts(services.db) if a.role_code == "operator")
    services = services.signed_in(authenticate(services.db, account.username, account.password))
    window = MainWindow(load_context(services.db), registry=build_registry(), services=services,
                        remember_geometry=False)
    window.resize(1440, 900)
    window.show()
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
