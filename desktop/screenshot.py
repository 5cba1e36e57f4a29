"""Render console views to PNG files, for documentation, reviews and tests.

The caller chooses the platform (``QT_QPA_PLATFORM=offscreen`` for headless use)
before the first Qt application is created; :func:`render_view` creates one if
there is none.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QGridLayout, QWidget

from desktop.app import create_application
from desktop.context import ConsoleContext
from desktop.cases.screens import build_cases_view
from desktop.collaboration.screens import build_collaboration_view, build_flows_view
from desktop.draws.screens import build_draws_view
from desktop.efficiency.screens import build_efficiency_view
from desktop.entities.screens import build_panorama_view, build_search_view
from desktop.i18n import install_language
from desktop.main_window import MainWindow
from desktop.theme import apply_theme
from desktop.workspaces import WorkspaceRegistry

if TYPE_CHECKING:
    from desktop.services import AppServices

ViewBuilder = Callable[[ConsoleContext, str | None, Any], QWidget]
"""Builds a top-level widget for a view from the context, the part of the view name
after ':' and the services (an AppServices, or None when the caller has none)."""

# Long enough for posted layout and polish events to settle after showing.
_SETTLE_MS = 50
_EXPOSE_TIMEOUT_MS = 2000
_PAINT_TIMEOUT_MS = 30000


def _build_console(
    context: ConsoleContext, workspace: str | None, services: AppServices | None
) -> QWidget:
    # Screenshots must neither read nor overwrite the user's saved geometry.
    if services is None:
        window = MainWindow(context, remember_geometry=False)
    else:
        from desktop.bootstrap import build_registry

        window = MainWindow(
            context, registry=build_registry(), services=services, remember_geometry=False
        )
    if workspace is not None:
        window.select_workspace(workspace)
    return window


def _build_signin(context: ConsoleContext, _argument: str | None, services: AppServices | None) -> QWidget:
    from desktop.signin import SignInDialog

    dialog = SignInDialog(services, context)
    if services is not None:
        # The demo-account list arrives from a worker thread; wait for it.
        _wait_until(lambda: services.tasks.active() == 0, _EXPOSE_TIMEOUT_MS)
    # The dialog is drawn at its own size, centred on a backdrop of the size asked for,
    # the way it appears over an empty screen when the console starts.
    backdrop = QWidget(objectName="signInBackdrop")
    backdrop.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    dialog.setParent(backdrop, Qt.WindowType.Widget)
    layout = QGridLayout(backdrop)
    layout.addWidget(dialog, 0, 0, Qt.AlignmentFlag.AlignCenter)
    return backdrop


def _wait_for_drawing(widget: QWidget) -> None:
    """Let a page that draws asynchronously (the map) finish its first drawing."""
    page = widget.page(widget.current_workspace()) if isinstance(widget, MainWindow) else widget
    wait = getattr(page, "wait_until_painted", None)
    if callable(wait):
        wait(_PAINT_TIMEOUT_MS)


def _wait_until(condition: Callable[[], bool], timeout_ms: int) -> None:
    timer = QElapsedTimer()
    timer.start()
    while not condition() and timer.elapsed() < timeout_ms:
        QTest.qWait(10)


VIEWS: dict[str, ViewBuilder] = {
    "console": _build_console,
    "signin": _build_signin,
    "search": build_search_view,
    "panorama": build_panorama_view,
    "draws": build_draws_view,
    "efficiency": build_efficiency_view,
    "cases": build_cases_view,
    "collaboration": build_collaboration_view,
    "flows": build_flows_view,
}
"""View name -> builder. ``"console:<workspace_key>"`` selects a workspace; ``"signin"``
is the sign-in dialog (with its demo accounts only when services are given); ``"search"``
and ``"panorama"`` show the Entities workspace searching 小商品 and a busy entity's
panorama (both need services); ``"draws:batch|ceremony|visits"`` the newest drawn batch."""


def known_views() -> list[str]:
    """Return every accepted view name, including ``console:<workspace_key>``."""
    names = list(VIEWS)
    names += [f"console:{key}" for key in WorkspaceRegistry().keys()]
    names += [f"draws:{tab}" for tab in ("batch", "ceremony", "visits")]
    names += [f"efficiency:{tab}" for tab in ("trend", "items", "escalation")]
    return names


def render_view(
    view: str,
    out: Path,
    *,
    context: ConsoleContext,
    lang: str = "zh_CN",
    theme: str = "light",
    size: tuple[int, int] = (1440, 900),
    services: AppServices | None = None,
) -> Path:
    """Render ``view`` in ``lang`` and ``theme`` at ``size`` pixels to PNG ``out``.

    ``services`` (from :func:`desktop.bootstrap.build_services`) give the views
    their database: the signed-in user in the status bar, the demo accounts of
    the sign-in dialog. Without them the views show what needs no database.

    Raises ValueError for an unknown view (listing the known ones) and OSError
    when the file cannot be written. Returns ``out``.
    """
    if view not in known_views():
        raise ValueError(f"unknown view {view!r}; known views: {', '.join(known_views())}")
    name, _, argument = view.partition(":")
    builder = VIEWS[name]

    app = create_application()
    install_language(app, lang)
    apply_theme(app, theme)

    widget = builder(context, argument or None, services)
    try:
        widget.setMinimumSize(0, 0)
        widget.resize(*size)
        widget.show()
        QTest.qWaitForWindowExposed(widget, _EXPOSE_TIMEOUT_MS)
        QTest.qWait(_SETTLE_MS)
        _wait_for_drawing(widget)
        # A small screen may have clamped the window: insist on the size asked for.
        if (widget.width(), widget.height()) != size:
            widget.resize(*size)
            QTest.qWait(_SETTLE_MS)
        pixmap = widget.grab()
    finally:
        widget.close()
        widget.deleteLater()
        # Web pages (the map) must be gone before the application is: delete now, not at exit.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if not pixmap.save(str(out), "PNG"):
        raise OSError(f"could not write PNG to {out}")
    return out
