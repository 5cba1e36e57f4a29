"""Screenshot views of the Collaboration workspace: "collaboration" and "flows"
(desktop/screenshot.py).

Both show the console on the workspace, as the monitor (who reads every kind), for this
year up to the newest day on record; "collaboration" with the slowest edge chosen and its
items listed, "flows" with the widest band's clues listed. They return only when the
figures are on show, so the picture is never half-loaded.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from desktop.context import ConsoleContext
from desktop.entities.screens import console_on, wait_until

from .workspace import FLOWS, CollaborationWorkspace


def _console(context: ConsoleContext, services: Any) -> tuple[QWidget, CollaborationWorkspace]:
    return console_on(context, services, "collaboration", CollaborationWorkspace, role="monitor")


def build_collaboration_view(context: ConsoleContext, _argument: str | None, services: Any) -> QWidget:
    """The collaboration graph of this year, its slowest hand-over chosen."""
    window, workspace = _console(context, services)
    page = workspace.graph_page
    wait_until(lambda: page.graph is not None)
    slow = page.graph.slowest_edges(1)
    if slow:
        shown: list[int] = []
        page.items_shown.connect(shown.append)
        page.view.choose_edge(slow[0].source, slow[0].target)
        wait_until(lambda: bool(shown))
    return window


def build_flows_view(context: ConsoleContext, _argument: str | None, services: Any) -> QWidget:
    """The case flow of this year, its widest band's clues listed."""
    window, workspace = _console(context, services)
    page = workspace.flow_page
    workspace.tabs.setCurrentIndex(FLOWS)
    wait_until(lambda: page.flow is not None)
    bands = [b for b in page.flow.bands if b.count > 0]
    if bands:
        widest = max(bands, key=lambda b: (b.count, b.source, b.target))
        shown: list[int] = []
        page.items_shown.connect(shown.append)
        page.view.choose_band(widest.source, widest.target)
        wait_until(lambda: bool(shown))
    return window
