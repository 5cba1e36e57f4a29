"""The annual plans and their batches as a tree (计划 → 批次), with each batch's state."""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from core.services.draws import PlanSummary

_KIND_ROLE = Qt.ItemDataRole.UserRole
_ID_ROLE = Qt.ItemDataRole.UserRole + 1
translate = QCoreApplication.translate


def status_label(status: str) -> str:
    """A batch status ("draft", "locked", "drawn", "published", or "abandoned": a locked batch
    given up) in the UI language."""
    return {
        "draft": translate("DrawStatus", "Draft"),
        "locked": translate("DrawStatus", "Locked"),
        "drawn": translate("DrawStatus", "Drawn"),
        "published": translate("DrawStatus", "Published"),
        "abandoned": translate("DrawStatus", "Abandoned"),
    }.get(status, status)


def shown_status(batch) -> str:
    """The state a batch (summary or detail) shows: "abandoned" for a locked batch given up."""
    return "abandoned" if getattr(batch, "abandoned", None) else batch.status


class PlanTree(QTreeWidget):
    """Plans (top level, newest year first) with their batches; keeps the selection on refresh."""

    batch_selected = Signal(object)   # batch id or None
    plan_selected = Signal(object)    # plan id or None (the plan of a selected batch too)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drawPlanTree")
        self.setColumnCount(3)
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self._plans: list[PlanSummary] = []
        self.currentItemChanged.connect(self._on_current_item_changed)
        self.retranslate_ui()

    def set_plans(self, plans: Sequence[PlanSummary]) -> None:
        """Show ``plans``; the batch (or plan) selected before stays selected if it still exists.

        Silent: no selection signal is emitted (the caller reloads what it shows).
        """
        chosen = self.current()
        self._plans = list(plans)
        self.blockSignals(True)
        self.clear()
        for plan in self._plans:
            top = QTreeWidgetItem([f"{plan.year} · {plan.name}", "", ""])
            top.setToolTip(0, top.text(0))
            top.setData(0, _KIND_ROLE, "plan")
            top.setData(0, _ID_ROLE, plan.id)
            for b in plan.batches:
                count = "" if b.pool_count is None else f"{b.pool_count:,}"
                if b.drawn:
                    count = f"{b.drawn:,} / {count}"
                child = QTreeWidgetItem([b.name, status_label(shown_status(b)), count])
                child.setData(0, _KIND_ROLE, "batch")
                child.setData(0, _ID_ROLE, b.id)
                child.setData(1, _KIND_ROLE, shown_status(b))
                child.setToolTip(0, f"{b.name}\n{b.window_start.isoformat()} — {b.window_end.isoformat()}")
                child.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                top.addChild(child)
            self.addTopLevelItem(top)
            top.setFirstColumnSpanned(True)
            top.setExpanded(True)
        if chosen is None or not self.select(*chosen, notify=False):
            self.setCurrentItem(None)
        self.blockSignals(False)

    def plans(self) -> list[PlanSummary]:
        return list(self._plans)

    def current(self) -> tuple[str, int] | None:
        """("plan" | "batch", id) of the selected row, or None."""
        item = self.currentItem()
        if item is None:
            return None
        return item.data(0, _KIND_ROLE), int(item.data(0, _ID_ROLE))

    def current_plan_id(self) -> int | None:
        item = self.currentItem()
        if item is None:
            return None
        top = item.parent() or item
        return int(top.data(0, _ID_ROLE))

    def current_batch_id(self) -> int | None:
        chosen = self.current()
        return chosen[1] if chosen is not None and chosen[0] == "batch" else None

    def select(self, kind: str, ident: int, *, notify: bool = True) -> bool:
        """Select the plan or batch ``ident`` (signalling it if ``notify``); False when it is not listed."""
        for i in range(self.topLevelItemCount()):
            top = self.topLevelItem(i)
            for item in [top] + [top.child(j) for j in range(top.childCount())]:
                if item.data(0, _KIND_ROLE) == kind and int(item.data(0, _ID_ROLE)) == ident:
                    blocked = self.blockSignals(not notify)
                    self.setCurrentItem(item)
                    self.blockSignals(blocked)
                    return True
        return False

    def retranslate_ui(self) -> None:
        self.setHeaderLabels([self.tr("Plan / batch"), self.tr("State"), self.tr("Drawn / pool")])
        for i in range(self.topLevelItemCount()):
            top = self.topLevelItem(i)
            for j in range(top.childCount()):
                child = top.child(j)
                child.setText(1, status_label(child.data(1, _KIND_ROLE)))

    def _on_current_item_changed(self, item: QTreeWidgetItem | None, _previous) -> None:
        if item is None:
            return
        self.plan_selected.emit(self.current_plan_id())
        kind = item.data(0, _KIND_ROLE)
        self.batch_selected.emit(int(item.data(0, _ID_ROLE)) if kind == "batch" else None)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
