"""Fixtures of the map tests: the demo city in a console window with the map shown."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from desktop.bootstrap import build_registry
from desktop.services import AppServices
from desktop.main_window import MainWindow
from desktop.settings import TILE_URL, Settings

from ..test_entities_support import entities_db, entities_template  # noqa: F401 - fixtures

pytestmark = pytest.mark.webengine


def open_console(db, tasks, tmp_path: Path, context, qtbot, *, tile_url: str = "", username: str = "operator"):
    from core.services.auth import authenticate

    settings = Settings.open(tmp_path / "console.ini")
    settings[TILE_URL] = tile_url
    services = AppServices(db=db, tasks=tasks, settings=settings)
    services = services.signed_in(authenticate(db, username, "tongguan"))
    window = MainWindow(context, registry=build_registry(), services=services, remember_geometry=False)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.select_workspace("map")
    return window


class Painted:
    """Collects the page's ``painted`` reports."""

    def __init__(self, workspace) -> None:
        self.reports: list[dict] = []
        workspace.painted.connect(self.reports.append)

    def wait(self, qtbot, *, after: int = 0, timeout: int = 20000) -> dict:
        qtbot.waitUntil(lambda: len(self.reports) > after, timeout=timeout)
        return self.reports[-1]


@pytest.fixture
def map_window(console_app, console_context, entities_db, tasks, qtbot, tmp_path) -> Iterator[MainWindow]:  # noqa: F811
    window = open_console(entities_db, tasks, tmp_path, console_context, qtbot)
    yield window
    window.page("map").view.shutdown()
    tasks.wait_idle()
    QCoreApplication.processEvents()


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    """Map pages and index snapshots of these tests go to a fresh cache folder."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
