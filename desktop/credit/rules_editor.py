"""The form of one credit rule set: base score, half-life, the A/B/C thresholds and, per
record kind, its weight, how long it counts and the class it holds an entity to.

:meth:`RulesEditor.rules` builds a draft :class:`~core.credit.rules.RuleSet`; the core's
own check refuses rules that make no sense (thresholds not falling from A to C), and the
page shows its message.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.credit import CLASSES, KINDS, RuleSet, rules_from_dict
from desktop.entities.credit_words import kind_text

NO_LIMIT = 0  # the validity spin box's special value: the record counts until it is ended or repaired
_MAX_DAYS = 36500


def _number(low: float, high: float, step: float, decimals: int = 1) -> QDoubleSpinBox:
    box = QDoubleSpinBox(minimum=low, maximum=high, singleStep=step, decimals=decimals)
    box.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.UpDownArrows)
    return box


class RulesEditor(QWidget):
    """Edits one rule set; ``edited`` fires on every change the user makes."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("creditRulesEditor")
        self._filling = False
        self.base = _number(0, 1000, 1)
        self.half_life = QSpinBox(minimum=1, maximum=_MAX_DAYS, singleStep=30)
        self.thresholds = {c: _number(-1000, 1000, 1) for c in CLASSES[:3]}
        for box in (self.base, self.half_life, *self.thresholds.values()):
            box.setMinimumWidth(120)
            box.setMaximumWidth(180)
        self.kinds = QTableWidget(len(KINDS), 4, objectName="creditRulesKinds")
        self.kinds.verticalHeader().hide()
        self.kinds.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.weights: dict[str, QDoubleSpinBox] = {}
        self.validity: dict[str, QSpinBox] = {}
        self.floors: dict[str, QComboBox] = {}
        for row, kind in enumerate(KINDS):
            self.kinds.setItem(row, 0, QTableWidgetItem())
            self.weights[kind] = _number(-100, 100, 1)
            self.validity[kind] = QSpinBox(minimum=NO_LIMIT, maximum=_MAX_DAYS, singleStep=365)
            self.floors[kind] = QComboBox()
            self.floors[kind].addItem("", None)
            for cls in CLASSES:
                self.floors[kind].addItem(cls, cls)
            for column, widget in enumerate((self.weights[kind], self.validity[kind], self.floors[kind]), 1):
                self.kinds.setCellWidget(row, column, widget)
        for column, width in ((1, 110), (2, 130), (3, 130)):
            self.kinds.setColumnWidth(column, width)
        self.kinds.setMinimumHeight(self.kinds.verticalHeader().defaultSectionSize() * (len(KINDS) + 1) + 8)
        for box in (self.base, self.half_life, *self.thresholds.values(), *self.weights.values(),
                    *self.validity.values()):
            box.valueChanged.connect(self._changed)
        for combo in self.floors.values():
            combo.currentIndexChanged.connect(self._changed)
        self.score_box = QGroupBox()
        form = QFormLayout(self.score_box)
        self._labels = {key: QLabel() for key in ("base", "half_life", "thresholds")}
        lines = QHBoxLayout()
        for cls in CLASSES[:3]:
            lines.addWidget(self.thresholds[cls])
        lines.addStretch(1)
        form.addRow(self._labels["base"], self.base)
        form.addRow(self._labels["half_life"], self.half_life)
        form.addRow(self._labels["thresholds"], lines)
        self.kinds_box = QGroupBox()
        QVBoxLayout(self.kinds_box).addWidget(self.kinds)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.score_box)
        layout.addWidget(self.kinds_box, 1)
        self.retranslate_ui()

    # ---- public API -----------------------------------------------------

    def set_rules(self, rules: RuleSet) -> None:
        """Show ``rules`` (without firing ``edited``)."""
        self._filling = True
        try:
            self.base.setValue(rules.base)
            self.half_life.setValue(round(rules.half_life_days))
            for cls, box in self.thresholds.items():
                box.setValue(rules.thresholds[cls])
            for kind in KINDS:
                self.weights[kind].setValue(rules.weight(kind))
                days = rules.validity_days.get(kind)
                self.validity[kind].setValue(NO_LIMIT if days is None else days)
                combo = self.floors[kind]
                combo.setCurrentIndex(max(0, combo.findData(rules.floors.get(kind))))
        finally:
            self._filling = False

    def rules(self) -> RuleSet:
        """The rules as the form has them, as a draft (version 0); ValidationError if they make no sense."""
        return rules_from_dict({
            "base": self.base.value(),
            "half_life_days": self.half_life.value(),
            "thresholds": {cls: box.value() for cls, box in self.thresholds.items()},
            "weights": {kind: box.value() for kind, box in self.weights.items()},
            "validity_days": {kind: (None if box.value() == NO_LIMIT else box.value())
                              for kind, box in self.validity.items()},
            "floors": {kind: combo.currentData() for kind, combo in self.floors.items() if combo.currentData()},
        })

    def set_read_only(self, read_only: bool) -> None:
        for box in (self.base, self.half_life, *self.thresholds.values(), *self.weights.values(),
                    *self.validity.values()):
            box.setReadOnly(read_only)
        for combo in self.floors.values():
            combo.setEnabled(not read_only)

    # ---- internals ------------------------------------------------------

    def _changed(self, *_args) -> None:
        if not self._filling:
            self.edited.emit()

    def retranslate_ui(self) -> None:
        self.score_box.setTitle(self.tr("Score and classes"))
        self.kinds_box.setTitle(self.tr("Credit records"))
        self._labels["base"].setText(self.tr("Base score"))
        self._labels["half_life"].setText(self.tr("Weights halve every"))
        self._labels["thresholds"].setText(self.tr("Lowest score of A, B, C"))
        self.half_life.setSuffix(self.tr(" days"))
        for cls, box in self.thresholds.items():
            box.setPrefix(f"{cls} ≥ ")
        self.base.setToolTip(self.tr("Every entity starts from this score; its records add or take points."))
        self.half_life.setToolTip(self.tr("A record's points halve with every such span of its age."))
        self.kinds.setHorizontalHeaderLabels([self.tr("Record kind"), self.tr("Points"), self.tr("Counts for"),
                                              self.tr("Holds the class at")])
        for row, kind in enumerate(KINDS):
            self.kinds.item(row, 0).setText(kind_text(kind))
            self.validity[kind].setSpecialValueText(self.tr("until taken off"))
            self.validity[kind].setSuffix(self.tr(" days"))
            self.floors[kind].setItemText(0, self.tr("no floor"))
            self.floors[kind].setToolTip(self.tr("While such a record is in force the class is at best this one."))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
