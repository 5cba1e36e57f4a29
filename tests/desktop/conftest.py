"""Fixtures for the desktop tests: offscreen Qt, isolated settings, one console window."""

from __future__ import annotations

import os

# Must happen before the QApplication exists; an explicit choice (e.g. xcb under
# Xvfb for QtWebEngine tests) is respected.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.app import create_application  # noqa: E402
from desktop.context import ConsoleContext  # noqa: E402
from desktop.i18n import DEFAULT_LANGUAGE, install_language  # noqa: E402
from desktop.main_window import MainWindow  # noqa: E402
from desktop.theme import DEFAULT_THEME, apply_theme  # noqa: E402

_app: QApplication | None = None


@pytest.fixture(scope="session")
def qapp(qapp_args: list[str]) -> QApplication:
    """The session's QApplication, configured as the console configures it."""
    global _app  # keeps the application alive for the whole session
    _app = create_application(qapp_args)
    return _app


@pytest.fixture(autouse=True)
def settings_dir(tmp_path: Path) -> Iterator[Path]:
    """Point every QSettings of the test at a fresh directory."""
    directory = tmp_path / "settings"
    directory.mkdir()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(directory))
        QSettings.setPath(QSettings.Format.NativeFormat, scope, str(directory))
    yield directory


@pytest.fixture
def console_app(qapp: QApplication) -> Iterator[QApplication]:
    """The application in the default language and theme, restored afterwards."""
    install_language(qapp, DEFAULT_LANGUAGE)
    apply_theme(qapp, DEFAULT_THEME)
    yield qapp
    install_language(qapp, DEFAULT_LANGUAGE)
    apply_theme(qapp, DEFAULT_THEME)


@pytest.fixture
def console_context() -> ConsoleContext:
    """A demo installation's facts, as the composition root would give them."""
    return ConsoleContext(
        database_label="SQLite /tmp/tongguan-test.sqlite",
        city_name="义乌市",
        is_demo=True,
        entity_count=1_200_000,
    )


@pytest.fixture
def main_window(console_app: QApplication, console_context: ConsoleContext, qtbot) -> MainWindow:
    """A shown console window, closed (and its settings saved) after the test."""
    window = MainWindow(console_context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window
