"""Screenshot views of the Efficiency workspace: "efficiency[:trend|items|escalation]".

The console on the Efficiency workspace (ranked by department, all time), with the
department that has the most overdue items chosen: its trend, the items behind its
overdue count, or the escalation list.
"""
from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.context import ConsoleContext
from desktop.entities.screens import console_on, wait_until

from .workspace import EfficiencyWorkspace
from desktop.services import AppServices

TABS = ("trend", "items", "escalation")


def build_efficiency_view(context: ConsoleContext, argument: str | None, services: AppServices | None) -> QWidget:
    tab = argument or "trend"
    if tab not in TABS:
        raise ValueError(f"unknown efficiency view {tab!r}; known: {', '.join(TABS)}")
    window, workspace = console_on(context, services, "efficiency", EfficiencyWorkspace, role="monitor")
    wait_until(lambda: workspace.data is not None and workspace.data.fresh)
    workspace.set_choice(group="department", period="all")
    ranked = workspace.ranked()
    if ranked:
        worst = max(range(len(ranked)), key=lambda i: ranked[i][1].overdue + ranked[i][1].seriously_overdue)
        workspace.ranking.selectRow(worst)
        if tab == "items":
            shown: list[int] = []
            workspace.items_shown.connect(shown.append)
            workspace.ranking.click(worst, "seriously_overdue")
            wait_until(lambda: bool(shown))
    workspace.tabs.setCurrentIndex(TABS.index(tab))
    if tab == "escalation":
        wait_until(lambda: workspace.escalation.rowCount() > 0)
    return window
