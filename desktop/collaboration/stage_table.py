"""Where time is lost: the flow's stage times as a table of departments (rows, all of them
first) by stages (columns). A cell is the median working days to reach that stage, tinted
on the timeliness scale; its tooltip has the clues and the 90th percentile. The slowest
stage (core.collab's choice) is bold."""
from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from core.clues import state_name
from core.collab import STAGES

from .scale import MEDIAN_DAYS
from .words import days_text, stage_name

translate = QCoreApplication.translate
NAME_MAX_W = 170
TINT_ALPHA = 0.35  # light enough for the palette's text to stay readable in both themes


class StageTable(QTableWidget):
    """See the module docstring; ``show_stages`` fills it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 0, parent)
        self.setObjectName("collabStages")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        # long department names give way to the figures (elided; the tooltip has them whole)
        self.verticalHeader().setMaximumWidth(NAME_MAX_W)
        self.verticalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.stages: tuple[str, ...] = ()
        self.rows: list[int | None] = []

    def show_stages(self, stage_times, slowest, names: Mapping[int, str], lang: str = "zh_CN") -> None:
        """Fill from ``stage_times`` (StageTime); ``slowest`` is marked; ``names`` by department id.

        A column is headed by the state reached (the core's own name, in ``lang``); its
        tooltip names the step ("Assigned → claimed")."""
        timed = {(st.department_id, st.stage): st for st in stage_times}
        self.stages = tuple(s for s in STAGES if any(st.stage == s and st.median_days is not None
                                                     for st in stage_times))
        departments = sorted({st.department_id for st in stage_times if st.department_id is not None},
                             key=lambda d: names.get(d, str(d)))
        self.rows = [None, *departments] if stage_times else []
        self.clear()
        self.setColumnCount(len(self.stages))
        self.setRowCount(len(self.rows))
        self.setHorizontalHeaderLabels([state_name(s, lang) for s in self.stages])
        for c, stage in enumerate(self.stages):
            self.horizontalHeaderItem(c).setToolTip(stage_name(stage))
        everyone = translate("CollabFlow", "All departments")
        self.setVerticalHeaderLabels([everyone if d is None else names.get(d, str(d)) for d in self.rows])
        for r in range(len(self.rows)):
            self.verticalHeaderItem(r).setToolTip(self.verticalHeaderItem(r).text())
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for r, department in enumerate(self.rows):
            for c, stage in enumerate(self.stages):
                st = timed.get((department, stage))
                cell = QTableWidgetItem(days_text(st.median_days) if st else "")
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if st is not None:
                    cell.setToolTip(translate("CollabFlow", "%1 clues; median %2, 90th percentile %3")
                                    .replace("%1", f"{st.count:,}").replace("%2", days_text(st.median_days))
                                    .replace("%3", days_text(st.p90_days)))
                    if st.median_days is not None:
                        tint = QColor(MEDIAN_DAYS.color(st.median_days))
                        tint.setAlphaF(TINT_ALPHA)
                        cell.setBackground(QBrush(tint))
                    if st == slowest:
                        font = QFont(cell.font())
                        font.setBold(True)
                        cell.setFont(font)
                self.setItem(r, c, cell)

    def cell_text(self, department_id: int | None, stage: str) -> str:
        """The text shown for ``department_id`` (None: all) at ``stage`` ("" when none)."""
        item = self.item(self.rows.index(department_id), self.stages.index(stage))
        return item.text() if item is not None else ""
