"""Small dialogs of the map workspace: base-map settings, wall title, draw-pool choice."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from core.errors import ConfigError
from maps.tiles import TileConfig

COORD_SYSTEMS = ("wgs84", "gcj02")
translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


class TileDialog(QDialog):
    """Edit the tile server: URL template, its coordinate system, attribution. Empty URL = schematic."""

    def __init__(self, url: str, coords: str, attribution: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapTileDialog")
        self.setWindowTitle(self.tr("Base map"))
        self.url_edit = QLineEdit(url, objectName="mapTileUrl")
        self.url_edit.setPlaceholderText("http://tiles.intranet/{z}/{x}/{y}.png")
        self.url_edit.setMinimumWidth(420)
        self.coords_combo = QComboBox(objectName="mapTileCoords")
        self.coords_combo.addItem(self.tr("WGS-84 (Tianditu, most intranet caches)"), "wgs84")
        self.coords_combo.addItem(self.tr("GCJ-02 (AutoNavi/Tencent-style tiles)"), "gcj02")
        self.coords_combo.setCurrentIndex(max(0, self.coords_combo.findData(coords)))
        self.attribution_edit = QLineEdit(attribution, objectName="mapTileAttribution")
        self.error_label = QLabel(objectName="mapTileError", wordWrap=True)
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.hide()
        hint = QLabel(self.tr("Leave the address empty to use the schematic base map (no tile server)."),
                      wordWrap=True)
        form = QFormLayout()
        form.addRow(self.tr("Tile address"), self.url_edit)
        form.addRow(self.tr("Coordinates of the tiles"), self.coords_combo)
        form.addRow(self.tr("Attribution"), self.attribution_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def values(self) -> tuple[str, str, str]:
        return self.url_edit.text().strip(), self.coords_combo.currentData(), self.attribution_edit.text().strip()

    def accept(self) -> None:
        url, coords, attribution = self.values()
        if url:
            try:
                TileConfig(url=url, attribution=attribution, coords=coords)
            except ConfigError as error:
                self.error_label.setText(str(error))
                self.error_label.show()
                return
        super().accept()


def ask_wall_title(parent: QWidget, default: str) -> str | None:
    """The caption the wall shows for a pushed view; None when cancelled."""
    title, ok = QInputDialog.getText(parent, translate("MapDialogs", "Push to wall"),
                                     translate("MapDialogs", "The wall will show this view with the caption:"),
                                     QLineEdit.EchoMode.Normal, default)
    return title.strip() if ok and title.strip() else None


def ask_draft_batch(parent: QWidget, batches, count: int) -> int | None:
    """Which draft batch gets the selection as its pool; None when cancelled."""
    names = [f"{b.plan_name} · {b.name}" + (f" ({b.pool_count:,})" if b.pool_count else "") for b in batches]
    prompt = translate("MapDialogs", "Use the %1 selected entities as the pool of inspection objects of:").replace(
        "%1", f"{count:,}")
    name, ok = QInputDialog.getItem(parent, translate("MapDialogs", "Use as draw pool"), prompt, names, 0, False)
    if not ok or name not in names:
        return None
    return batches[names.index(name)].id
