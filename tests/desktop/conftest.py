"""Fixtures for the desktop tests: offscreen Qt, isolated settings, one console window."""

from __future__ import annotations

import os

# Must happen before the QApplication exists; an explicit choice (e.g. xcb under
# Xvfb for QtWebEngine tests) is respected.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as dt  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from core.db.database import Database  # noqa: E402
from core.db.migrate import upgrade as upgrade_schema  # noqa: E402
from core.db.models import Department, Role, RoleCode, User  # noqa: E402
from core.security import hash_password  # noqa: E402
from desktop.app import create_application  # noqa: E402
from desktop.bootstrap import build_services  # noqa: E402
from desktop.services import AppServices  # noqa: E402
from desktop.context import ConsoleContext  # noqa: E402
from desktop.i18n import DEFAULT_LANGUAGE, install_language  # noqa: E402
from desktop.main_window import MainWindow  # noqa: E402
from desktop.settings import Settings  # noqa: E402
from desktop.tasks import TaskManager  # noqa: E402
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


# ---- databases and services for the console-infrastructure tests ---------------



@pytest.fixture(scope="module")
def demo_url(tmp_path_factory) -> str:
    """A small demo city on SQLite, built once for the module (read-only use)."""
    from core.demo.builder import build_demo
    from core.demo.spec import DemoSpec

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    build_demo(str(path), DemoSpec(entities=200, seed=5, as_of=dt.date(2026, 11, 20), chunk=100))
    return str(path)


@pytest.fixture(scope="module")
def plain_url(tmp_path_factory) -> str:
    """Real (non-demo) data: an upgraded schema and one user, as an installer leaves it."""
    path = tmp_path_factory.mktemp("plain") / "plain.sqlite"
    db = Database.open(str(path))
    upgrade_schema(db.engine)
    with db.bootstrap_uow("installer") as uow:
        uow.session.add(Role(code=RoleCode.OPERATOR, name_zh="值班操作员", name_en="Operator"))
        department = Department(code="D01", name_zh="综合执法队", name_en="Enforcement Team", group="5")
        uow.session.add(department)
        uow.session.flush()
        uow.session.add(User(username="zhang", display_name="张敏", role_code=RoleCode.OPERATOR,
                             password_hash=hash_password("s3cret"), department_id=department.id))
        uow.commit()
    db.dispose()
    return str(path)


def _services(url: str, settings_dir: Path) -> AppServices:
    return build_services(url, settings=Settings.open(settings_dir / "console.ini"))


@pytest.fixture
def demo_services(console_app, demo_url, settings_dir):
    services = _services(demo_url, settings_dir)
    yield services
    services.close()


@pytest.fixture
def plain_services(console_app, plain_url, settings_dir):
    services = _services(plain_url, settings_dir)
    yield services
    services.close()


@pytest.fixture
def tasks(console_app):
    manager = TaskManager()
    yield manager
    assert manager.wait_idle(5000)
