"""The map page speaks the UI language only, follows a language switch, and leaves the window keys working."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.i18n import install_language

from .conftest import Painted

pytestmark = pytest.mark.webengine

CONTROLS = "document.querySelector('.leaflet-control-layers').innerText"


def page_text(workspace, qtbot, script: str = CONTROLS) -> str:
    result: list[str] = []
    workspace.run_js(script, result.append)
    qtbot.waitUntil(lambda: bool(result), timeout=10000)
    return result[0] or ""


def test_map_controls_follow_the_ui_language(map_window, qtbot):
    workspace = map_window.page("map")
    painted = Painted(workspace)
    painted.wait(qtbot)
    chinese = page_text(workspace, qtbot)
    assert "热力图" in chinese and "乡镇街道" in chinese
    assert "Heatmap" not in chinese and "Towns" not in chinese
    seen = len(painted.reports)
    install_language(QApplication.instance(), "en")
    painted.wait(qtbot, after=seen, timeout=30000)  # the page in English is loaded and draws again
    qtbot.waitUntil(lambda: "Heatmap" in page_text(workspace, qtbot), timeout=10000)
    english = page_text(workspace, qtbot)
    assert "Towns" in english and "热力图" not in english and "乡镇街道" not in english
    # The legend is drawn with the layer's data, which may come after the controls: wait for it.
    legend_js = "(document.querySelector('.tongguan-legend') || {}).innerText || ''"
    qtbot.waitUntil(lambda: bool(page_text(workspace, qtbot, legend_js)), timeout=10000)
    legend = page_text(workspace, qtbot, legend_js)
    assert legend and not any("\u4e00" <= ch <= "\u9fff" for ch in legend), legend


def test_window_keys_work_with_the_focus_in_the_map(map_window, qtbot):
    workspace = map_window.page("map")
    Painted(workspace).wait(qtbot)
    map_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is map_window)
    workspace.view.setFocus()
    qtbot.waitUntil(lambda: workspace.isAncestorOf(QApplication.focusWidget() or map_window))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget().objectName() == "entitySearchField"
    workspace.view.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert map_window.current_workspace() == "entities"
