"""Open the console on a demo city, signed in as one of its demo accounts (benchmarks, screenshots)."""
from __future__ import annotations


def open_demo_console(url: str, *, size: tuple[int, int] = (1440, 900), lang: str = "zh_CN",
                      role: str = "operator", settings=None):
    """Return ``(app, services, window)``: the main window shown at ``size``, signed in as the
    demo account of ``role``. ``settings`` default to the user's own."""
    from core.services.auth import authenticate, demo_accounts
    from desktop.app import create_application
    from desktop.bootstrap import build_registry, build_services, load_context
    from desktop.i18n import install_language
    from desktop.main_window import MainWindow
    from desktop.theme import apply_theme

    app = create_application()
    services = build_services(url, settings=settings)
    install_language(app, lang)
    apply_theme(app, "light")
    account = next(a for a in demo_accounts(services.db) if a.role_code == role)
    services = services.signed_in(authenticate(services.db, account.username, account.password))
    window = MainWindow(load_context(services.db), registry=build_registry(), services=services,
                        remember_geometry=False)
    window.resize(*size)
    window.show()
    return app, services, window
