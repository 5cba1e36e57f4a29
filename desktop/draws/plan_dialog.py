"""A new annual plan of double-random inspections: its year, name, ratio bands and capacity."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.draws.bands import DEFAULT_BANDS
from core.services.draws.checks import DEFAULT_VISIT_CAPACITY


@dataclass(frozen=True)
class PlanForm:
    """What the dialog gives: ``bands`` {class: (low, high)} as fractions."""

    year: int
    name: str
    bands: dict[str, tuple[float, float]]
    visit_capacity: float


class PlanDialog(QDialog):
    """Year (next year from November on), a name, the sampling band of each risk class and the
    visits an inspector can make in a working day; Create is enabled once a name is typed and
    every band is in order."""

    def __init__(self, today: dt.date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drawPlanDialog")
        self.setWindowTitle(self.tr("New inspection plan"))
        today = today or dt.date.today()
        year = today.year + (1 if today.month >= 11 else 0)
        self.year = QSpinBox(minimum=2000, maximum=2100, value=year, objectName="planYear")
        self.name = QLineEdit(objectName="planName")
        self.name.setPlaceholderText(self.tr("e.g. %1 joint double-random inspections").replace("%1", str(year)))

        bands_box = QGroupBox(self.tr("Sampling ratio per credit-risk class (%)"))
        grid = QGridLayout(bands_box)
        grid.addWidget(QLabel(self.tr("from")), 0, 1)
        grid.addWidget(QLabel(self.tr("to")), 0, 2)
        self.band_spins: dict[str, tuple[QDoubleSpinBox, QDoubleSpinBox]] = {}
        for row, (stratum, (low, high)) in enumerate(DEFAULT_BANDS.items(), start=1):
            spins = tuple(self._percent(value, f"planBand{stratum}{end}") for value, end in ((low, "Low"), (high, "High")))
            grid.addWidget(QLabel(self.tr("Class %1").replace("%1", stratum)), row, 0)
            grid.addWidget(spins[0], row, 1)
            grid.addWidget(spins[1], row, 2)
            self.band_spins[stratum] = spins
        note = QLabel(self.tr("The local table by default (A ≤ 5%, B 5–20%, C 21–60%, D 61–100%). A batch's "
                              "ratios must lie in these bands and rise with the risk; no class is exempt."),
                      wordWrap=True)
        grid.addWidget(note, len(DEFAULT_BANDS) + 1, 0, 1, 3)

        self.capacity = QDoubleSpinBox(minimum=0.1, maximum=50, decimals=1, singleStep=0.5,
                                       value=DEFAULT_VISIT_CAPACITY, objectName="planCapacity")
        self.capacity.setToolTip(self.tr("“Check” warns when a batch asks more visits of its inspectors "
                                         "in its window than this."))
        self.problem = QLabel(objectName="planProblem", wordWrap=True)
        self.problem.setProperty("role", "error")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = buttons.addButton(self.tr("Create"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Year"), self.year)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Visits per inspector per working day"), self.capacity)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(bands_box)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.name.textChanged.connect(self._update)
        for spins in self.band_spins.values():
            for spin in spins:
                spin.valueChanged.connect(self._update)
        self._update()
        self.resize(520, self.sizeHint().height())

    def _percent(self, fraction: float, name: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox(minimum=0, maximum=100, decimals=1, singleStep=1, suffix=" %", objectName=name)
        spin.setValue(round(fraction * 100, 1))
        return spin

    def bands(self) -> dict[str, tuple[float, float]]:
        return {k: (round(lo.value() / 100, 4), round(hi.value() / 100, 4)) for k, (lo, hi) in self.band_spins.items()}

    def band_problem(self) -> str:
        """Why the bands cannot be used ("" when they can)."""
        bands = self.bands()
        for stratum, (low, high) in bands.items():
            if low > high:
                return self.tr("Class %1: “from” is above “to”.").replace("%1", stratum)
        lows = [low for low, _ in bands.values()]
        highs = [high for _, high in bands.values()]
        if lows != sorted(lows) or highs != sorted(highs):
            return self.tr("The bands must not fall as the risk rises (A ≤ B ≤ C ≤ D).")
        if any(high == 0 for high in highs):
            return self.tr("No class is exempt: every band must allow drawing some entities.")
        return ""

    def _update(self) -> None:
        problem = self.band_problem()
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.create_button.setEnabled(bool(self.name.text().strip()) and not problem)

    def values(self) -> PlanForm:
        return PlanForm(self.year.value(), self.name.text().strip(), self.bands(), self.capacity.value())
