"""The base-map dialog: the tile server (XYZ template or WMTS), its coordinates, and a label overlay.

Values are the flat names of ``desktop.settings.TILE_SETTINGS`` (``maps.tiles.tile_config_from``
reads them); the dialog refuses OK while they make no valid configuration.
"""
from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from core.errors import ConfigError
from maps.tiles import tile_config_from


class _ServerForm(QGroupBox):
    """Address, kind, subdomains and the WMTS layer, matrix set and format of one tile server."""

    def __init__(self, prefix: str, values: Mapping[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefix = prefix
        name = prefix.rstrip("_") or "tile"
        self.url_edit = QLineEdit(values.get(prefix + "url", ""), objectName=f"map_{name}_url")
        self.url_edit.setMinimumWidth(420)
        self.kind_combo = QComboBox(objectName=f"map_{name}_kind")
        self.kind_combo.addItem(self.tr("XYZ template ({z}/{x}/{y})"), "xyz")
        self.kind_combo.addItem(self.tr("WMTS service"), "wmts")
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(values.get(prefix + "kind", "xyz"))))
        self.subdomains_edit = QLineEdit(values.get(prefix + "subdomains", ""), objectName=f"map_{name}_subdomains")
        self.subdomains_edit.setPlaceholderText("01234567")
        self.layer_edit = QLineEdit(values.get(prefix + "layer", ""), objectName=f"map_{name}_layer")
        self.matrix_edit = QLineEdit(values.get(prefix + "matrix_set", "") or "GoogleMapsCompatible",
                                     objectName=f"map_{name}_matrix_set")
        self.format_edit = QLineEdit(values.get(prefix + "format", "") or "image/png", objectName=f"map_{name}_format")
        self.form = QFormLayout(self)
        self.form.addRow(self.tr("Address"), self.url_edit)
        self.form.addRow(self.tr("Kind"), self.kind_combo)
        self.form.addRow(self.tr("Subdomains"), self.subdomains_edit)
        self.form.addRow(self.tr("WMTS layer"), self.layer_edit)
        self.form.addRow(self.tr("Tile matrix set"), self.matrix_edit)
        self.form.addRow(self.tr("Image format"), self.format_edit)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_combo_changed)
        self._on_kind_combo_changed()

    def values(self) -> dict[str, str]:
        p = self.prefix
        return {p + "url": self.url_edit.text().strip(), p + "kind": self.kind_combo.currentData(),
                p + "subdomains": self.subdomains_edit.text().strip(), p + "layer": self.layer_edit.text().strip(),
                p + "matrix_set": self.matrix_edit.text().strip(), p + "format": self.format_edit.text().strip()}

    def _on_kind_combo_changed(self, _index: int = 0) -> None:
        wmts = self.kind_combo.currentData() == "wmts"
        self.url_edit.setPlaceholderText(
            "http://tiles.intranet/vec_w/wmts" if wmts else "http://tiles.intranet/{z}/{x}/{y}.png")
        for edit in (self.layer_edit, self.matrix_edit, self.format_edit):
            self.form.setRowVisible(edit, wmts)


class TileDialog(QDialog):
    """Edit the tile server and its label overlay. An empty base address = the schematic map."""

    def __init__(self, values: Mapping[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapTileDialog")
        self.setWindowTitle(self.tr("Base map"))
        self.base = _ServerForm("", values, self)
        self.base.setTitle(self.tr("Base map"))
        self.coords_combo = QComboBox(objectName="mapTileCoords")
        self.coords_combo.addItem(self.tr("WGS-84 (Tianditu, most intranet caches)"), "wgs84")
        self.coords_combo.addItem(self.tr("GCJ-02 (AutoNavi/Tencent-style tiles)"), "gcj02")
        self.coords_combo.setCurrentIndex(max(0, self.coords_combo.findData(values.get("coords", "wgs84"))))
        self.attribution_edit = QLineEdit(values.get("attribution", ""), objectName="mapTileAttribution")
        self.base.form.insertRow(2, self.tr("Coordinates of the tiles"), self.coords_combo)
        self.base.form.addRow(self.tr("Attribution"), self.attribution_edit)
        self.overlay = _ServerForm("overlay_", values, self)
        self.overlay.setTitle(self.tr("Label overlay (注记)"))
        self.overlay.form.addRow(QLabel(self.tr(
            "Drawn above the regions, in the base map's coordinates. Leave the address empty for none."),
            wordWrap=True))
        self.error_label = QLabel(objectName="mapTileError", wordWrap=True)
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.hide()
        hint = QLabel(self.tr("Leave the address empty to use the schematic base map (no tile server). "
                              "WMTS needs a Web Mercator tile matrix set (GoogleMapsCompatible; Tianditu: w)."),
                      wordWrap=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.base)
        layout.addWidget(self.overlay)
        layout.addWidget(hint)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def values(self) -> dict[str, str]:
        """Every field by its settings name (``desktop.settings.TILE_SETTINGS``)."""
        return {**self.base.values(), **self.overlay.values(), "coords": self.coords_combo.currentData(),
                "attribution": self.attribution_edit.text().strip()}

    def accept(self) -> None:
        try:
            tile_config_from(self.values())
        except ConfigError as error:
            self.error_label.setText(str(error))
            self.error_label.show()
            return
        super().accept()
