"""The clue filters: words, state (open by default), department (or not routed yet), source, overdue.

Changes are announced once typing pauses (``filter_changed``); :meth:`ClueFilterBar.clue_filter`
turns the choices into the core's :class:`~core.services.clues.ClueFilter`.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QWidget

from core.db.models import ClueState
from core.services.clues import SOURCE_NAMES, ClueFilter
from core.services.matters import DepartmentInfo

from .words import source_name, state_label

_TYPING_PAUSE_MS = 300
OPEN, ALL, UNROUTED = "open", "all", "unrouted"


class ClueFilterBar(QWidget):
    """Filter controls above the clue table."""

    filter_changed = Signal()

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clueFilterBar")
        self._lang = lang
        self._departments: list[DepartmentInfo] = []
        self._wanted_department: int | None = None
        self.text = QLineEdit(objectName="clueFilterText", clearButtonEnabled=True)
        self.state = QComboBox(objectName="clueFilterState")
        self.department = QComboBox(objectName="clueFilterDepartment")
        self.department.setMinimumContentsLength(14)
        self.department.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.source = QComboBox(objectName="clueFilterSource")
        self.overdue = QCheckBox(objectName="clueFilterOverdue")
        self._typing = QTimer(self, singleShot=True, interval=_TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.filter_changed)
        self.text.textChanged.connect(lambda _text: self._typing.start())
        for combo in (self.state, self.department, self.source):
            combo.activated.connect(lambda _index: self.filter_changed.emit())
        self.overdue.toggled.connect(lambda _on: self.filter_changed.emit())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 3)
        for widget in (self.state, self.department, self.source):
            layout.addWidget(widget, 1)
        layout.addWidget(self.overdue)
        self.retranslate_ui()

    # ---- public API -----------------------------------------------------

    def clue_filter(self, today: dt.date) -> ClueFilter:
        state = self.state.currentData() or OPEN
        department = self._wanted_department or self.department.currentData()
        return ClueFilter(
            states=() if state in (OPEN, ALL) else (state,), open_only=state == OPEN,
            department_id=department if isinstance(department, int) else None,
            unrouted=department == UNROUTED, source=self.source.currentData() or None,
            overdue_on=today if self.overdue.isChecked() else None, text=self.text.text().strip())

    def is_default(self) -> bool:
        """No filter beyond "open" (what an export of everything would not need)."""
        return (not self.text.text().strip() and self.state.currentData() == ALL
                and self.department.currentData() is None and not self.source.currentData()
                and not self.overdue.isChecked())

    def set_departments(self, departments: Sequence[DepartmentInfo]) -> None:
        self._departments = list(departments)
        self._fill_departments()

    def set_department(self, department_id: int | None) -> None:
        """Choose ``department_id`` (applied once the departments are known)."""
        self._wanted_department = department_id
        self._fill_departments()

    def set_state(self, key: str) -> None:
        index = self.state.findData(key)
        if index >= 0:
            self.state.setCurrentIndex(index)

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self.retranslate_ui()

    # ---- internals ------------------------------------------------------

    def _fill_departments(self) -> None:
        current = self.department.currentData()
        if self._wanted_department is not None:
            current = self._wanted_department
            if self._departments:  # now it can be shown; until then clue_filter() uses it
                self._wanted_department = None
        self.department.clear()
        self.department.addItem(self.tr("All departments"), None)
        self.department.addItem(self.tr("Not routed yet"), UNROUTED)
        for d in self._departments:
            self.department.addItem(d.name(self._lang), d.id)
        index = self.department.findData(current)
        self.department.setCurrentIndex(max(index, 0))

    @staticmethod
    def _refill(combo: QComboBox, items: Sequence[tuple[str, object]]) -> None:
        current = combo.currentData()
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(combo.findData(current), 0))

    def retranslate_ui(self) -> None:
        self.text.setPlaceholderText(self.tr("Reference, description, entity or USCC"))
        states = [(self.tr("Open"), OPEN), (self.tr("All states"), ALL)]
        states += [(state_label(s.value, self._lang), s.value) for s in ClueState]
        self._refill(self.state, states)
        self._refill(self.source, [(self.tr("All sources"), None)]
                     + [(source_name(key, self._lang), key) for key in SOURCE_NAMES])
        self._fill_departments()
        self.overdue.setText(self.tr("Overdue only"))
        self.overdue.setToolTip(self.tr("Open clues whose handling deadline has passed"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
