"""The base-map dialog: XYZ or WMTS, a label overlay, refused while invalid; the hosts a page may reach."""
from __future__ import annotations

from desktop.map.tile_dialog import TileDialog
from desktop.map.page_file import tile_hosts
from maps.tiles import TileConfig, tile_config_from

TIANDITU = {"url": "http://t{s}.tianditu.intranet/vec_w/wmts?tk=KEY", "kind": "wmts", "subdomains": "01",
            "layer": "vec", "matrix_set": "w", "format": "tiles", "coords": "wgs84", "attribution": "天地图",
            "overlay_url": "http://labels.intranet/cva/{z}/{x}/{y}.png", "overlay_kind": "xyz",
            "overlay_subdomains": "", "overlay_layer": "", "overlay_matrix_set": "GoogleMapsCompatible",
            "overlay_format": "image/png"}


def test_the_dialog_edits_every_tile_setting_and_refuses_an_invalid_one(qtbot):
    dialog = TileDialog(TIANDITU)
    qtbot.addWidget(dialog)
    assert dialog.values() == TIANDITU
    assert not dialog.overlay.form.isRowVisible(dialog.overlay.layer_edit)  # XYZ: no WMTS rows
    assert dialog.base.form.isRowVisible(dialog.base.layer_edit)

    dialog.base.layer_edit.setText("")
    dialog.accept()
    assert dialog.result() != TileDialog.DialogCode.Accepted and "layer" in dialog.error_label.text()

    dialog.base.layer_edit.setText("vec")
    dialog.coords_combo.setCurrentIndex(dialog.coords_combo.findData("gcj02"))
    dialog.accept()
    assert dialog.result() == TileDialog.DialogCode.Accepted
    tiles = tile_config_from(dialog.values())
    assert tiles.coords == tiles.overlay.coords == "gcj02"  # the overlay takes the base's system


def test_a_page_may_reach_the_base_and_the_overlay_hosts():
    tiles = tile_config_from(TIANDITU)
    assert tile_hosts(tiles) == {"t0.tianditu.intranet", "t1.tianditu.intranet", "labels.intranet"}
    assert tile_hosts(TileConfig("http://tiles.intranet/{z}/{x}/{y}.png")) == {"tiles.intranet"}
