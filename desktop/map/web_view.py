"""The map's web view: a page loaded from a file, one channel object, no request off the machine.

Each view has its own off-the-record profile whose :class:`RequestGuard` lets through
local schemes (file, qrc, data, blob) and the configured tile server's host only, and
records everything it blocks, so a test can prove the page asked nothing of the internet.
JavaScript console errors are logged and kept (``MapPage.errors``).
"""
from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

from .bridge import MapBridge

_log = logging.getLogger(__name__)
LOCAL_SCHEMES = frozenset({"file", "qrc", "data", "blob", "about"})


class RequestGuard(QWebEngineUrlRequestInterceptor):
    """Blocks every request that would leave the machine, except to the allowed tile hosts."""

    def __init__(self, allowed_hosts: set[str] | frozenset[str] = frozenset(), parent=None) -> None:
        super().__init__(parent)
        self._allowed = frozenset(h.lower() for h in allowed_hosts)
        self._lock = threading.Lock()
        self._blocked: list[str] = []
        self._external: list[str] = []

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:  # noqa: N802 - Qt override (IO thread)
        url = info.requestUrl()
        if url.scheme().lower() in LOCAL_SCHEMES:
            return
        text = url.toString()
        with self._lock:
            self._external.append(text)
            if url.host().lower() in self._allowed and url.scheme().lower() in ("http", "https"):
                return
            self._blocked.append(text)
        info.block(True)
        _log.warning("map page request blocked (not local, not the tile server): %s", text)

    def external_requests(self) -> list[str]:
        """Every non-local URL the page asked for (tile requests included)."""
        with self._lock:
            return list(self._external)

    def blocked(self) -> list[str]:
        with self._lock:
            return list(self._blocked)


class MapPage(QWebEnginePage):
    """Logs the page's console; keeps its errors."""

    js_error = Signal(str)

    def __init__(self, profile: QWebEngineProfile, parent=None) -> None:
        super().__init__(profile, parent)
        self.errors: list[str] = []

    def javaScriptConsoleMessage(self, level, message: str, line: int, source: str) -> None:  # noqa: N802
        where = f"{Path(QUrl(source).path()).name}:{line}"
        if level == QWebEnginePage.JavaScriptConsoleMessageLevel.ErrorMessageLevel:
            self.errors.append(f"{where}: {message}")
            _log.warning("map page error at %s: %s", where, message)
            self.js_error.emit(message)
        else:
            _log.debug("map page (%s): %s", where, message)


class MapWebView(QWebEngineView):
    """A QWebEngineView showing one map page file, with the ``bridge`` channel object."""

    def __init__(self, *, tile_hosts: frozenset[str] = frozenset(), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapWebView")
        profile = QWebEngineProfile()  # off the record: no cache or cookies on disk
        self.guard = RequestGuard(tile_hosts, profile)
        profile.setUrlRequestInterceptor(self.guard)
        self.map_page = MapPage(profile, self)
        # Owned by its page, so the page is always released before its profile.
        profile.setParent(self.map_page)
        attrs = self.map_page.settings()
        attrs.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, True)
        attrs.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, bool(tile_hosts))
        attrs.setAttribute(QWebEngineSettings.WebAttribute.PluginsEnabled, False)
        self.bridge = MapBridge(self)
        self._channel = QWebChannel(self.map_page)
        self._channel.registerObject("bridge", self.bridge)
        self.map_page.setWebChannel(self._channel)
        self.setPage(self.map_page)

    def load_file(self, path: Path) -> None:
        """Load the page from ``path`` (never ``setHtml``: it fails above 2 MB)."""
        self.load(QUrl.fromLocalFile(str(Path(path).resolve())))

    def run_js(self, script: str, callback=None) -> None:
        if callback is None:
            self.map_page.runJavaScript(script)
        else:
            self.map_page.runJavaScript(script, 0, callback)

    def shutdown(self) -> None:
        """Stop the page's renderer now (tests, closing the console)."""
        self.map_page.triggerAction(QWebEnginePage.WebAction.Stop)
