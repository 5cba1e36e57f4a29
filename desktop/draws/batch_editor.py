"""Configuring one batch of a joint double-random plan: departments and their matters,
team sizes, the pool of objects, the sampling ratio per risk class and the avoidance rules."""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.draws import DEFAULT_RATIOS
from core.services.search import EntityFilter
from desktop.entities.search_bar import EntitySearchBar

MIN_TEAM = 2  # 行政处罚法 Art. 42
STRATA = ("A", "B", "C", "D")


@dataclass
class BatchForm:
    """What the planner entered (the service validates it against the law and the data)."""

    name: str = ""
    lead_department_id: int | None = None
    window_start: dt.date = field(default_factory=dt.date.today)
    window_end: dt.date = field(default_factory=lambda: dt.date.today() + dt.timedelta(days=60))
    departments: list[tuple[int, int, list[int]]] = field(default_factory=list)  # (id, team size, matter ids)
    pool_filter: dict = field(default_factory=lambda: {"statuses": ["active"]})
    sampling: dict = field(default_factory=lambda: {"ratios": dict(DEFAULT_RATIOS)})
    avoidance: dict = field(default_factory=lambda: {"declared_conflicts": True, "last_inspection": True,
                                                     "same_village": False})


def filter_to_pool(f: EntityFilter) -> dict:
    return {k: list(v) for k, v in asdict(f).items() if k != "text" and v}


class BatchEditor(QDialog):
    """A dialog editing a :class:`BatchForm`; ``form()`` returns the entered values."""

    def __init__(self, departments, reference, lang: str, form: BatchForm | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("batchEditor")
        self.setWindowTitle(self.tr("Draw batch"))
        self.resize(980, 720)
        self._departments = list(departments)
        self._lang = lang
        form = form or BatchForm()
        self.name_edit = QLineEdit(form.name, objectName="batchName")
        self.lead_combo = QComboBox(objectName="batchLead")
        for d in self._departments:
            self.lead_combo.addItem(d.name(lang), d.id)
        if form.lead_department_id is not None:
            self.lead_combo.setCurrentIndex(max(0, self.lead_combo.findData(form.lead_department_id)))
        self.start_edit = QDateEdit(QDate(form.window_start), objectName="batchStart", calendarPopup=True)
        self.end_edit = QDateEdit(QDate(form.window_end), objectName="batchEnd", calendarPopup=True)
        general = QFormLayout()
        general.addRow(self.tr("Name"), self.name_edit)
        general.addRow(self.tr("Lead department"), self.lead_combo)
        window = QHBoxLayout()
        window.addWidget(self.start_edit)
        window.addWidget(QLabel("—"))
        window.addWidget(self.end_edit)
        general.addRow(self.tr("Inspection window"), window)

        self.tree = QTreeWidget(objectName="batchDepartments")
        self.tree.setHeaderLabels([self.tr("Departments and matters"), self.tr("Team size"),
                                   self.tr("Eligible inspectors")])
        self.tree.setColumnWidth(0, 420)
        chosen = {d: (size, set(m)) for d, size, m in form.departments}
        self._spins: dict[int, QSpinBox] = {}
        for d in self._departments:
            top = QTreeWidgetItem([d.name(lang), "", f"{d.inspectors}"])
            top.setData(0, Qt.ItemDataRole.UserRole, d.id)
            top.setFlags(top.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            top.setCheckState(0, Qt.CheckState.Checked if d.id in chosen else Qt.CheckState.Unchecked)
            for m in d.matters:
                label = (m.name_zh if lang.startswith("zh") else m.name_en) + (
                    "  ★" if m.category == "key" else "")
                child = QTreeWidgetItem([label])
                child.setData(0, Qt.ItemDataRole.UserRole, m.id)
                child.setFlags(child.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                picked = d.id in chosen and m.id in chosen[d.id][1]
                child.setCheckState(0, Qt.CheckState.Checked if picked else Qt.CheckState.Unchecked)
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            spin = QSpinBox(minimum=MIN_TEAM, maximum=8, value=chosen.get(d.id, (MIN_TEAM, set()))[0])
            self._spins[d.id] = spin
            self.tree.setItemWidget(top, 1, spin)

        self.pool_bar = EntitySearchBar(self, stacked=True)
        if reference is not None:
            self.pool_bar.set_reference(reference, lang)
        self.selection_note = QLabel(objectName="batchSelectionNote", wordWrap=True)
        ids = form.pool_filter.get("entity_ids")
        self._selection_ids = list(ids) if ids else None
        self.selection_note.setVisible(bool(ids))
        if ids:
            self.selection_note.setText(self.tr("The pool is the %1 entities selected on the map or in the "
                                                "search; filters below narrow it further.").replace("%1", f"{len(ids):,}"))
        pool_box = QGroupBox(self.tr("Pool of inspection objects"))
        pool_layout = QVBoxLayout(pool_box)
        pool_layout.addWidget(self.selection_note)
        pool_layout.addWidget(self.pool_bar)
        self.fit_matters = QCheckBox(self.tr("Only objects that a chosen matter applies to (industry, entity type)"),
                                     objectName="batchFitMatters", checked=bool(form.pool_filter.get("fit_matters")))
        pool_layout.addWidget(self.fit_matters)

        sampling_box = QGroupBox(self.tr("Sampling by credit-risk class (no class is exempt)"))
        grid = QGridLayout(sampling_box)
        self.ratio_radio = QRadioButton(self.tr("Ratio of the class"), checked="counts" not in form.sampling)
        self.count_radio = QRadioButton(self.tr("Fixed number"), checked="counts" in form.sampling)
        grid.addWidget(self.ratio_radio, 0, 0)
        grid.addWidget(self.count_radio, 0, 1)
        self.ratio_spins: dict[str, QDoubleSpinBox] = {}
        self.count_spins: dict[str, QSpinBox] = {}
        ratios = form.sampling.get("ratios") or DEFAULT_RATIOS
        counts = form.sampling.get("counts") or {}
        for row, s in enumerate(STRATA, start=1):
            grid.addWidget(QLabel(self.tr("Class %1").replace("%1", s)), row, 0)
            ratio = QDoubleSpinBox(minimum=0.0, maximum=1000.0, decimals=1, suffix=" %",
                                   value=100.0 * float(ratios.get(s, 0.0)))
            count = QSpinBox(minimum=0, maximum=10_000_000, value=int(counts.get(s, 0)))
            self.ratio_spins[s], self.count_spins[s] = ratio, count
            grid.addWidget(ratio, row, 1)
            grid.addWidget(count, row, 2)
        override = form.sampling.get("override") or {}
        self.override_edit = QLineEdit(str(override.get("reason", "")), objectName="batchBandOverride")
        self.override_edit.setPlaceholderText(self.tr("Only to leave the plan's bands on purpose: the reason"))
        self.override_edit.setToolTip(self.tr("The reason is recorded with your name, shown on the batch and "
                                              "written into the draw record. Ratios must still rise with the risk."))
        grid.addWidget(QLabel(self.tr("Reason for ratios outside the bands")), len(STRATA) + 1, 0)
        grid.addWidget(self.override_edit, len(STRATA) + 1, 1, 1, 2)
        self.ratio_radio.toggled.connect(self._sync_sampling)
        self._sync_sampling()

        avoid_box = QGroupBox(self.tr("Avoidance (行政处罚法 Art. 43)"))
        avoid = QVBoxLayout(avoid_box)
        self.avoid_conflicts = QCheckBox(self.tr("Skip inspectors with a declared conflict of interest"),
                                         checked=bool(form.avoidance.get("declared_conflicts", True)))
        self.avoid_last = QCheckBox(self.tr("Skip inspectors who made the entity's last inspection"),
                                    checked=bool(form.avoidance.get("last_inspection", True)))
        self.avoid_village = QCheckBox(self.tr("Skip inspectors who live in the entity's village"),
                                       checked=bool(form.avoidance.get("same_village", False)))
        for box in (self.avoid_conflicts, self.avoid_last, self.avoid_village):
            avoid.addWidget(box)

        right = QVBoxLayout()
        right.addWidget(pool_box)
        right.addWidget(sampling_box)
        right.addWidget(avoid_box)
        right.addStretch(1)
        left = QVBoxLayout()
        left.addLayout(general)
        left.addWidget(self.tree, 1)
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(buttons)

    def _sync_sampling(self) -> None:
        by_ratio = self.ratio_radio.isChecked()
        for s in STRATA:
            self.ratio_spins[s].setEnabled(by_ratio)
            self.count_spins[s].setEnabled(not by_ratio)

    def form(self) -> BatchForm:
        departments = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top.checkState(0) != Qt.CheckState.Checked:
                continue
            dept = int(top.data(0, Qt.ItemDataRole.UserRole))
            matters = [int(top.child(j).data(0, Qt.ItemDataRole.UserRole)) for j in range(top.childCount())
                       if top.child(j).checkState(0) == Qt.CheckState.Checked]
            departments.append((dept, self._spins[dept].value(), matters))
        pool = filter_to_pool(self.pool_bar.current_filter())
        pool.setdefault("statuses", ["active"])
        if self._selection_ids:
            pool["entity_ids"] = self._selection_ids
        if self.fit_matters.isChecked():
            pool["fit_matters"] = True
        if self.ratio_radio.isChecked():
            sampling = {"ratios": {s: round(self.ratio_spins[s].value() / 100.0, 6) for s in STRATA}}
        else:
            sampling = {"counts": {s: self.count_spins[s].value() for s in STRATA}}
        if self.override_edit.text().strip():
            sampling["override"] = {"reason": self.override_edit.text().strip()}
        return BatchForm(
            name=self.name_edit.text().strip(), lead_department_id=self.lead_combo.currentData(),
            window_start=self.start_edit.date().toPython(), window_end=self.end_edit.date().toPython(),
            departments=departments, pool_filter=pool, sampling=sampling,
            avoidance={"declared_conflicts": self.avoid_conflicts.isChecked(),
                       "last_inspection": self.avoid_last.isChecked(),
                       "same_village": self.avoid_village.isChecked()},
        )
