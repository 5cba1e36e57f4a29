"""Application set-up and the console's event loop."""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QStyleFactory

from desktop.context import ConsoleContext
from desktop.i18n import install_language
from desktop.main_window import MainWindow
from desktop.settings import SETTINGS_APPLICATION, SETTINGS_ORGANIZATION
from desktop.theme import apply_theme
from desktop.workspaces import WorkspaceRegistry

_log = logging.getLogger(__name__)

# First installed family wins; all render simplified Chinese and Latin text.
CJK_FONT_FAMILIES: tuple[str, ...] = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "WenQuanYi Micro Hei",
)
DEFAULT_POINT_SIZE = 10


def prepare_web_engine() -> None:
    """What QtWebEngine (the map) needs before the application exists.

    Sharing OpenGL contexts lets the map import QtWebEngine lazily, on first show.
    Chromium refuses to start its sandbox as root (a kiosk wall PC, a container), so
    root runs without it; other users keep the sandbox.
    """
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")


_collector = None


def _collect_garbage_on_the_gui_thread() -> None:
    """Run Python's cycle collector only on the GUI thread, on a timer.

    Left to itself, the collector runs in whichever thread allocates; in a worker it may
    destroy Qt objects that belong to the GUI thread (a closed dialog, a finished page)
    and crash the process. pyqtgraph's GarbageCollector disables automatic collection
    and collects from a GUI-thread timer instead (once a second, when thresholds are met).
    """
    global _collector
    if _collector is None:
        from pyqtgraph.util.garbage_collector import GarbageCollector

        _collector = GarbageCollector(interval=1.0)


def create_application(argv: list[str] | None = None) -> QApplication:
    """Return the process's QApplication, creating it if needed.

    Sets the organisation and application names used by QSettings, the Fusion
    style and a font that can show Chinese. An existing instance is reused (and
    configured the same way), which is what tests and the screenshot tool need.
    """
    app = QApplication.instance()
    if app is None:
        prepare_web_engine()
        app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    elif not isinstance(app, QApplication):
        raise TypeError(f"a {type(app).__name__} already exists; the console needs a QApplication")
    _collect_garbage_on_the_gui_thread()
    app.setOrganizationName(SETTINGS_ORGANIZATION)
    app.setApplicationName(SETTINGS_APPLICATION)
    app.setStyle(QStyleFactory.create("Fusion"))
    family = _cjk_font_family()
    if family is not None:
        app.setFont(QFont(family, DEFAULT_POINT_SIZE))
    else:
        _log.warning(
            "no CJK font found (tried %s); Chinese text may not render",
            ", ".join(CJK_FONT_FAMILIES),
        )
    return app


def run_console(
    context: ConsoleContext,
    *,
    lang: str = "zh_CN",
    theme: str = "light",
    registry: WorkspaceRegistry | None = None,
) -> int:
    """Show the bare console for ``context`` and run the event loop; return its exit code.

    ``registry`` carries the real workspace factories; without it every
    workspace shows its placeholder. This shell has no database services and no
    sign-in: the console proper starts with :func:`desktop.bootstrap.start_console`.
    """
    app = create_application()
    install_language(app, lang)
    apply_theme(app, theme)
    window = MainWindow(context, registry=registry)
    window.show()
    return app.exec()


def _cjk_font_family() -> str | None:
    installed = set(QFontDatabase.families())
    return next((family for family in CJK_FONT_FAMILIES if family in installed), None)
