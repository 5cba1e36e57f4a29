"""Correcting an entity's location: latitude/longitude in WGS-84, GCJ-02 or BD-09.

Operators copy coordinates from AMap/Tencent (GCJ-02) or Baidu (BD-09) as often as
from GPS (WGS-84); the dialog says which system the numbers are in and previews the
WGS-84 point the core will store. Switching the system does not convert the numbers:
it says what the typed numbers mean.
"""
from __future__ import annotations

import math

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from core.errors import TongguanError
from core.geo.coords import CoordSystem, to_wgs84

from .errors import detail, headline

_M_PER_DEG = 111_320.0


class LocationDialog(QDialog):
    """Asks for a point and its coordinate system; ``submitted(lat, lng, system)``."""

    submitted = Signal(float, float, str)

    def __init__(self, entity_name: str, lat: float, lng: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("locationDialog")
        self.setWindowTitle(self.tr("Correct location"))
        self._old = (lat, lng)
        intro = QLabel(self.tr("Position of {name}. Now stored (WGS-84): {lat:.6f}, {lng:.6f}").format(
            name=entity_name, lat=lat, lng=lng), wordWrap=True)
        self._system = QComboBox(objectName="coordinateSystem")
        self._system.addItem(self.tr("WGS-84 (GPS, Tianditu)"), CoordSystem.WGS84.value)
        self._system.addItem(self.tr("GCJ-02 (AMap / Tencent)"), CoordSystem.GCJ02.value)
        self._system.addItem(self.tr("BD-09 (Baidu)"), CoordSystem.BD09.value)
        self._lat = self._spin(-90, 90, lat, "latitude")
        self._lng = self._spin(-180, 180, lng, "longitude")
        self._preview = QLabel(objectName="locationPreview", wordWrap=True)
        self._error = QLabel(objectName="formError", wordWrap=True)
        self._error.hide()
        note = QLabel(self.tr("Picking the point on a map comes with the map workspace; "
                              "for now type or paste the coordinates."), objectName="formNote", wordWrap=True)
        self.setToolTip(note.text())
        for widget in (self._system, self._lat, self._lng):
            widget.setToolTip(note.text())
        self._system.currentIndexChanged.connect(self._update_preview)
        self._lat.valueChanged.connect(self._update_preview)
        self._lng.valueChanged.connect(self._update_preview)

        form = QFormLayout()
        form.addRow(self.tr("Coordinate system"), self._system)
        form.addRow(self.tr("Latitude"), self._lat)
        form.addRow(self.tr("Longitude"), self._lng)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self._ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._ok.setText(self.tr("Save"))
        buttons.accepted.connect(self._on_ok_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self._preview)
        layout.addWidget(note)
        layout.addWidget(self._error)
        layout.addWidget(buttons)
        self.resize(460, 0)
        self._update_preview()

    @staticmethod
    def _spin(low: float, high: float, value: float, name: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox(objectName=name, decimals=7, minimum=low, maximum=high, singleStep=0.0001)
        spin.setValue(value)
        return spin

    def set_values(self, lat: float, lng: float, system: CoordSystem | str) -> None:
        self._system.setCurrentIndex(max(self._system.findData(CoordSystem(system).value), 0))
        self._lat.setValue(lat)
        self._lng.setValue(lng)

    def values(self) -> tuple[float, float, CoordSystem]:
        return self._lat.value(), self._lng.value(), CoordSystem(self._system.currentData())

    def preview_text(self) -> str:
        return self._preview.text()

    def show_error(self, error: BaseException) -> None:
        self._ok.setEnabled(True)
        self._error.setText(f"{headline(error)} {detail(error)}")
        self._error.show()

    def _update_preview(self, *_args) -> None:
        lat, lng, system = self.values()
        try:
            wlat, wlng = to_wgs84(lat, lng, system)
        except TongguanError as error:
            self._preview.setText(headline(error))
            return
        dy = (wlat - self._old[0]) * _M_PER_DEG
        dx = (wlng - self._old[1]) * _M_PER_DEG * math.cos(math.radians(wlat))
        metres = f"{math.hypot(dx, dy):,.0f}"
        self._preview.setText(self.tr("Will be stored as WGS-84 {lat:.6f}, {lng:.6f}, {metres} m from the "
                                      "current position").format(lat=wlat, lng=wlng, metres=metres))

    def _on_ok_clicked(self) -> None:
        lat, lng, system = self.values()
        self._error.hide()
        self._ok.setEnabled(False)
        self.submitted.emit(lat, lng, system.value)
