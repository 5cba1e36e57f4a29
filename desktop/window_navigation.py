"""The main window's answers to navigation requests (``desktop/navigation.py``).

Each handler shows the workspace that holds the target and asks its page to open it; a
page that cannot (not built, another role's) is left alone.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtWidgets import QWidget

from desktop.navigation import Navigator


class _Window(Protocol):
    def page(self, key: str) -> QWidget: ...
    def select_workspace(self, key: str) -> None: ...
    def has_workspace(self, key: str) -> bool: ...


def _on_page(window: _Window, key: str, method: str) -> Callable[[object], None]:
    def handler(value: object) -> None:
        if not window.has_workspace(key):
            return
        page = window.page(key)
        action = getattr(page, method, None)
        if action is None:
            return
        window.select_workspace(key)
        action(value)

    return handler


def install_window_navigation(window: _Window, navigator: Navigator) -> None:
    """Let ``navigator`` open things in ``window``'s workspaces."""
    navigator.install("workspace", lambda key: window.select_workspace(str(key))
                      if window.has_workspace(str(key)) else None)
    navigator.install("entity", _on_page(window, "entities", "open_panorama"))
    navigator.install("map", _on_page(window, "map", "show_entities"))
    navigator.install("map_batch", _on_page(window, "map", "show_draw_batch"))
    navigator.install("clue", _on_page(window, "cases", "open_clue"))
    navigator.install("case", _on_page(window, "cases", "open_case"))
    navigator.install("batch", _on_page(window, "draws", "open_batch"))
