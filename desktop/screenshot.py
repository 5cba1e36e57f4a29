"""Render console views to PNG files, for documentation, reviews and tests.

The caller chooses the platform (``QT_QPA_PLATFORM=offscreen`` for headless use)
before the first Qt application is created; :func:`render_view` creates one if
there is none.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from desktop.app import create_application
from desktop.context import ConsoleContext
from desktop.i18n import install_language
from desktop.main_window import MainWindow
from desktop.theme import apply_theme
from desktop.workspaces import WorkspaceRegistry

ViewBuilder = Callable[[ConsoleContext, str | None], QWidget]
"""Builds a top-level widget for a view; the second argument is the part after ':'."""

# Long enough for posted layout and polish events to settle after showing.
_SETTLE_MS = 50
_EXPOSE_TIMEOUT_MS = 2000


def _build_console(context: ConsoleContext, workspace: str | None) -> QWidget:
    # Screenshots must neither read nor overwrite the user's saved geometry.
    window = MainWindow(context, remember_geometry=False)
    if workspace is not None:
        window.select_workspace(workspace)
    return window


VIEWS: dict[str, ViewBuilder] = {"console": _build_console}
"""View name -> builder. ``"console:<workspace_key>"`` selects a workspace."""


def known_views() -> list[str]:
    """Return every accepted view name, including ``console:<workspace_key>``."""
    names = list(VIEWS)
    names += [f"console:{key}" for key in WorkspaceRegistry().keys()]
    return names


def render_view(
    view: str,
    out: Path,
    *,
    context: ConsoleContext,
    lang: str = "zh_CN",
    theme: str = "light",
    size: tuple[int, int] = (1440, 900),
) -> Path:
    """Render ``view`` in ``lang`` and ``theme`` at ``size`` pixels to PNG ``out``.

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

    widget = builder(context, argument or None)
    try:
        widget.setMinimumSize(0, 0)
        widget.resize(*size)
        widget.show()
        QTest.qWaitForWindowExposed(widget, _EXPOSE_TIMEOUT_MS)
        QTest.qWait(_SETTLE_MS)
        # A small screen may have clamped the window: insist on the size asked for.
        if (widget.width(), widget.height()) != size:
            widget.resize(*size)
            QTest.qWait(_SETTLE_MS)
        pixmap = widget.grab()
    finally:
        widget.close()
        widget.deleteLater()

    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if not pixmap.save(str(out), "PNG"):
        raise OSError(f"could not write PNG to {out}")
    return out
