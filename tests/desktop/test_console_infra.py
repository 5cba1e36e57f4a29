"""The console's infrastructure: settings, composition root, sign-in and status bar
(background tasks and the banner are in test_tasks_and_banner.py)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import types
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from core.services.auth import authenticate
from desktop import bootstrap, signin
from desktop import settings as settings_module
from desktop.bootstrap import (
    AppServices,
    SchemaMissing,
    build_registry,
    build_services,
    load_context,
)
from desktop.i18n import current_language, install_language
from desktop.main_window import MainWindow
from desktop.settings import (
    CURRENT_SCHEMA_VERSION,
    LANGUAGE,
    LAST_USERNAME,
    LAST_WORKSPACE,
    THEME,
    WINDOW_GEOMETRY,
    Settings,
    declare,
    declared,
    upgrade,
)
from desktop.signin import SignInDialog
from desktop.tasks import TaskManager
from desktop.workspaces import WorkspaceRegistry

ROOT = Path(__file__).resolve().parents[2]
WRONG = "用户名或密码错误。"


def _dialog(services: AppServices, qtbot) -> SignInDialog:
    dialog = SignInDialog(services, load_context(services.db))
    qtbot.addWidget(dialog)
    return dialog


def _shown_dialog(services: AppServices, qtbot) -> tuple[SignInDialog, list]:
    """A shown sign-in dialog once its demo-account query has answered."""
    dialog = _dialog(services, qtbot)
    with qtbot.waitSignal(dialog.demo_accounts_loaded, timeout=5000) as blocker:
        dialog.show()
    return dialog, blocker.args[0]


def _enter(dialog: SignInDialog, username: str, password: str) -> None:
    dialog.findChild(QLineEdit, "usernameEdit").setText(username)
    dialog.findChild(QLineEdit, "passwordEdit").setText(password)


def _click_sign_in(dialog: SignInDialog, qtbot) -> None:
    qtbot.mouseClick(dialog.findChild(QPushButton, "signInButton"), Qt.MouseButton.LeftButton)


# ---- settings ---------------------------------------------------------------


def test_every_setting_is_declared_once_with_type_default_and_label(console_app):
    settings = declared()
    assert {LANGUAGE.key, THEME.key, LAST_USERNAME.key, WINDOW_GEOMETRY.key,
            LAST_WORKSPACE.key} <= settings.keys()
    for setting in settings.values():
        assert setting.accepts(setting.default), setting.key
        assert setting.label and setting.translated_label() != setting.label, setting.key
    assert LANGUAGE.default == "zh_CN" and THEME.default == "light"
    with pytest.raises(ValueError, match="declared twice"):
        declare(LANGUAGE.key, str, "en", "Language again")
    with pytest.raises(TypeError):
        declare("test/bad_default", int, "3", "Not an int")
    assert "test/bad_default" not in declared()


def test_no_module_but_settings_opens_qsettings():
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "desktop").rglob("*.py")
        if path.name != "settings.py" and re.search(r"\bQSettings\s*\(", path.read_text("utf-8"))
    ]
    assert offenders == [], "declare settings in desktop/settings.py style and use Settings"


def test_typed_values_defaults_and_refusals(tmp_path):
    settings = Settings.open(tmp_path / "s.ini")
    assert settings[LANGUAGE] == "zh_CN" and settings["ui/theme"] == "light"
    assert settings[WINDOW_GEOMETRY] == b""
    settings[LANGUAGE] = "en"
    settings[WINDOW_GEOMETRY] = b"\x01\x02,\xff"
    settings.sync()
    again = Settings.open(tmp_path / "s.ini")
    assert again[LANGUAGE] == "en" and again[WINDOW_GEOMETRY] == b"\x01\x02,\xff"
    with pytest.raises(TypeError, match="zh_CN"):
        again[LANGUAGE] = "fr"
    with pytest.raises(TypeError):
        again[WINDOW_GEOMETRY] = "not bytes"
    with pytest.raises(KeyError, match="not declared"):
        again["ui/font_size"]
    again.reset(LANGUAGE)
    assert again[LANGUAGE] == "zh_CN"


def test_malformed_stored_values_read_as_defaults(tmp_path):
    path = tmp_path / "hand-edited.ini"
    path.write_text("[General]\nschema_version=2\n[ui]\nlanguage=fr\ntheme=42\n", "utf-8")
    settings = Settings.open(path)
    assert settings[LANGUAGE] == "zh_CN" and settings[THEME] == "light"


V1_INI = """[main_window]
geometry=@ByteArray(\\x1\\xd9\\xd0\\xcb\\0\\x3)
state=@ByteArray(\\0\\0\\0\\xff)
workspace=cases
"""


def test_an_old_unversioned_ini_is_upgraded(tmp_path):
    path = tmp_path / "Tongguan.ini"
    path.write_text(V1_INI, "utf-8")
    settings = Settings.open(path)
    assert settings.schema_version == CURRENT_SCHEMA_VERSION == 2
    assert settings[LAST_WORKSPACE] == "cases"
    assert settings[WINDOW_GEOMETRY] == b"\x01\xd9\xd0\xcb\x00\x03"
    raw = QSettings(str(path), QSettings.Format.IniFormat)
    assert not raw.contains("main_window/workspace")
    assert "schema_version=2" in path.read_text("utf-8")


def test_upgrade_steps_run_in_order_resume_and_leave_newer_files_alone(tmp_path):
    ran = []
    steps = {1: lambda qs: ran.append(1), 2: lambda qs: ran.append(2), 3: lambda qs: ran.append(3)}
    qsettings = QSettings(str(tmp_path / "a.ini"), QSettings.Format.IniFormat)
    qsettings.setValue("main_window/workspace", "map")  # unversioned: version 1
    assert upgrade(qsettings, steps=steps, current=4) == (1, 4)
    assert ran == [1, 2, 3]

    ran.clear()
    qsettings.setValue("schema_version", 3)
    assert upgrade(qsettings, steps=steps, current=4) == (3, 4) and ran == [3]

    qsettings.setValue("schema_version", 9)
    assert upgrade(qsettings, steps=steps, current=4) == (9, 9) and ran == [3]

    fresh = QSettings(str(tmp_path / "b.ini"), QSettings.Format.IniFormat)
    assert upgrade(fresh, steps=steps, current=4) == (None, 4) and ran == [3]
    gap = QSettings(str(tmp_path / "c.ini"), QSettings.Format.IniFormat)
    gap.setValue("schema_version", 1)
    with pytest.raises(RuntimeError, match="from schema 2"):
        upgrade(gap, steps={1: lambda qs: None}, current=3)


def test_main_window_reads_v1_settings_and_saves_menu_choices(console_app, console_context, qtbot,
                                                             settings_dir):
    path = Path(settings_module.open_settings().fileName())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(V1_INI, "utf-8")
    window = MainWindow(console_context)
    qtbot.addWidget(window)
    assert window.current_workspace() == "cases"

    actions = {action.data(): action for action in window.findChildren(QAction)}
    actions["en"].trigger()
    actions["dark"].trigger()
    reopened = Settings.open()
    assert reopened[LANGUAGE] == "en" and reopened[THEME] == "dark"


# ---- composition root -------------------------------------------------------


def test_importing_the_console_touches_no_database():
    code = (
        "import sqlalchemy\n"
        "def refuse(*a, **k): raise AssertionError('database opened at import time')\n"
        "sqlalchemy.create_engine = refuse\n"
        "import desktop.bootstrap, desktop.signin, desktop.main_window, desktop.db_health\n"
        "import desktop.cli.gui_commands, desktop.screenshot\n"
    )
    result = subprocess.run([sys.executable, "-c", code], check=False, cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=120)
    assert result.returncode == 0, result.stderr


def test_build_services_holds_database_tasks_settings(demo_services, demo_url):
    assert isinstance(demo_services.tasks, TaskManager)
    assert demo_services.db.label == f"SQLite {Path(demo_url).resolve()}"
    assert demo_services.user is None
    user = authenticate(demo_services.db, "operator", "tongguan")
    signed = demo_services.signed_in(user)
    assert signed.user == user and signed.db is demo_services.db and demo_services.user is None


def test_missing_schema_is_refused_before_any_window(console_app, tmp_path, capsys):
    empty = str(tmp_path / "empty.sqlite")
    with pytest.raises(SchemaMissing, match="empty.sqlite"):
        build_services(empty)
    from desktop.cli.main import main

    assert main(["--db", empty]) == 2
    assert "has no Tongguan schema yet" in capsys.readouterr().err
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible()]

    # Checked before Qt starts: even without any display it is one line, not an abort.
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    result = subprocess.run([sys.executable, "-m", "desktop.cli.main", "--db", empty], check=False,
                            cwd=ROOT, capture_output=True, text=True, timeout=120,
                            env={**env, "QT_QPA_PLATFORM": "xcb"})
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip().endswith("(or `tongguan demo` for a demo city)")


def test_workspace_factories_receive_services_when_they_take_them(demo_services, console_context,
                                                                 qtbot):
    class Page(QLabel):
        def __init__(self, context, parent=None):
            super().__init__(context.city_name, parent)

    seen = []

    def recording(name):
        def factory(context, services):
            seen.append((name, services))
            return QLabel(name)
        return factory

    def optional(context, services=None):
        seen.append(("optional", services))
        return QLabel()

    registry = WorkspaceRegistry()
    registry.set_factory("entities", recording("entities"))
    registry.set_factory("draws", optional)
    registry.set_factory("cases", Page)
    window = MainWindow(console_context, registry=registry, services=demo_services,
                        remember_geometry=False)
    qtbot.addWidget(window)
    for key in ("entities", "draws", "cases"):
        window.page(key)
    assert seen == [("entities", demo_services), ("optional", demo_services)]
    # A widget class whose second parameter is an optional parent gets the context alone.
    assert window.page("cases").text() == "义乌市"
    assert window.page("cases").parent() is window.findChild(QWidget, "workspaceStack")

    bare = MainWindow(console_context, registry=registry, remember_geometry=False)
    qtbot.addWidget(bare)
    bare.page("entities")
    assert seen[-1] == ("entities", None)


def test_build_registry_registers_desktop_entities_when_present(monkeypatch):
    calls = []
    fake = types.ModuleType("desktop.entities")
    fake.register = lambda registry: calls.append(registry)
    monkeypatch.setitem(sys.modules, "desktop.entities", fake)
    registry = build_registry()
    assert calls == [registry]

    monkeypatch.setitem(sys.modules, "desktop.entities", None)  # import raises ImportError
    assert isinstance(build_registry(), WorkspaceRegistry)


def test_start_console_signs_in_then_opens_the_window(console_app, demo_url, qtbot, monkeypatch):
    Settings.open()[LANGUAGE] = "en"
    opened = []

    def sign_in_as_operator(dialog):
        _enter(dialog, "operator", "tongguan")
        with qtbot.waitSignal(dialog.signed_in, timeout=5000):
            dialog.sign_in()
        return dialog.result()

    monkeypatch.setattr(SignInDialog, "exec", sign_in_as_operator)
    monkeypatch.setattr(MainWindow, "show", lambda window: opened.append(window))
    monkeypatch.setattr(QApplication, "exec", lambda *_: 0)
    assert bootstrap.start_console(demo_url) == 0
    [window] = opened
    qtbot.addWidget(window)
    assert window.services.user.username == "operator"
    assert current_language(console_app) == "en"  # from the settings
    assert window.findChild(QLabel, "roleLabel").text() == "Operator"
    assert window.findChild(QLabel, "userLabel").text() == "值班员 陈晓燕"
    window.close()

    monkeypatch.setattr(SignInDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    assert bootstrap.start_console(demo_url, lang="zh_CN") == 0
    assert len(opened) == 1 and current_language(console_app) == "zh_CN"
    assert Settings.open()[LANGUAGE] == "en"  # an override is not saved


# ---- sign-in ----------------------------------------------------------------


def test_demo_account_fills_the_fields_and_signs_in(demo_services, qtbot):
    dialog, accounts = _shown_dialog(demo_services, qtbot)
    assert [a.username for a in accounts] == ["operator", "leader", "planner", "monitor",
                                              "dept_scjg", "grid_cc", "admin"]
    box = dialog.findChild(QWidget, "demoAccountsBox")
    assert box.isVisible() and box.title() == "演示账号"
    buttons = dialog.demo_account_buttons()
    assert buttons[0].text() == "值班操作员：operator / tongguan"
    qtbot.mouseClick(buttons[2], Qt.MouseButton.LeftButton)
    assert dialog.findChild(QLineEdit, "usernameEdit").text() == "planner" and dialog.findChild(QLineEdit, "passwordEdit").text() == "tongguan"

    with qtbot.waitSignal(dialog.signed_in, timeout=5000) as blocker:
        _click_sign_in(dialog, qtbot)
    user = blocker.args[0]
    assert user.username == "planner" and dialog.user == user
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert demo_services.settings[LAST_USERNAME] == "planner"
    again = _dialog(demo_services, qtbot)
    assert again.findChild(QLineEdit, "usernameEdit").text() == "planner"


@pytest.mark.parametrize(("username", "password"), [("operator", "wrong"), ("nobody", "tongguan")])
def test_wrong_password_or_user_gets_one_message(demo_services, qtbot, username, password):
    dialog, _ = _shown_dialog(demo_services, qtbot)
    _enter(dialog, username, password)
    with qtbot.waitSignal(dialog.sign_in_failed, timeout=5000) as blocker:
        _click_sign_in(dialog, qtbot)
    assert blocker.args == [WRONG] and dialog.error_text() == WRONG
    assert dialog.user is None and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.findChild(QLineEdit, "passwordEdit").text() == ""
    assert dialog.findChild(QPushButton, "signInButton").isEnabled()
    install_language(QApplication.instance(), "en")
    assert dialog.error_text() == "Wrong user name or password."

    # Enter in the password field signs in: the cancel button never became the default.
    _enter(dialog, "operator", "tongguan")
    with qtbot.waitSignal(dialog.signed_in, timeout=5000):
        qtbot.keyClick(dialog.findChild(QLineEdit, "passwordEdit"), Qt.Key.Key_Return)


def test_authentication_runs_off_the_gui_thread(demo_services, qtbot, monkeypatch):
    threads = []

    def spying(db, username, password):
        threads.append(threading.get_ident())
        return authenticate(db, username, password)

    monkeypatch.setattr(signin, "authenticate", spying)
    dialog, _ = _shown_dialog(demo_services, qtbot)
    _enter(dialog, "leader", "tongguan")
    with qtbot.waitSignal(dialog.signed_in, timeout=5000):
        _click_sign_in(dialog, qtbot)
    assert threads and threads[0] != threading.get_ident()


def test_real_data_lists_no_demo_accounts(plain_services, qtbot):
    dialog, accounts = _shown_dialog(plain_services, qtbot)
    assert accounts == [] and dialog.demo_account_buttons() == []
    assert not dialog.findChild(QWidget, "demoAccountsBox").isVisible()
    assert "tongguan" not in " ".join(label.text() for label in dialog.findChildren(QLabel))
    _enter(dialog, "zhang", "s3cret")
    with qtbot.waitSignal(dialog.signed_in, timeout=5000) as blocker:
        _click_sign_in(dialog, qtbot)
    assert blocker.args[0].display_name == "张敏"


def test_empty_fields_are_asked_for_without_a_query(demo_services, qtbot):
    dialog, _ = _shown_dialog(demo_services, qtbot)
    _enter(dialog, "", "")
    with qtbot.waitSignal(dialog.sign_in_failed, timeout=1000) as blocker:
        _click_sign_in(dialog, qtbot)
    assert blocker.args == ["请输入用户名和密码。"] and demo_services.tasks.active() == 0


# ---- status bar -------------------------------------------------------------


def test_status_bar_names_user_role_department_and_database(demo_services, qtbot):
    user = authenticate(demo_services.db, "planner", "tongguan")
    context = load_context(demo_services.db)
    window = MainWindow(context, services=demo_services.signed_in(user), remember_geometry=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    def text(name: str) -> str:
        label = window.findChild(QLabel, name)
        assert label.isVisible(), name
        return label.text()

    assert text("userLabel") == "计划员 李明"
    assert window.findChild(QLabel, "userLabel").toolTip() == "已登录账号：planner"
    assert text("roleLabel") == "抽查计划员"
    assert text("departmentLabel") == "市场监管局"
    assert demo_services.db.label in text("databaseLabel")
    assert re.search(r"\d\d:\d\d:\d\d$", text("clockLabel"))
    install_language(QApplication.instance(), "en")
    assert text("roleLabel") == "Inspection planner"
    assert text("departmentLabel") == "Market Supervision and Administration Bureau"
    assert window.findChild(QLabel, "departmentLabel").toolTip() == "Department"


def test_a_user_without_department_shows_none(demo_services, qtbot):
    user = authenticate(demo_services.db, "operator", "tongguan")
    assert user.department_id is None
    window = MainWindow(load_context(demo_services.db), services=demo_services.signed_in(user),
                        remember_geometry=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.findChild(QLabel, "roleLabel").text() == "值班操作员"
    assert not window.findChild(QLabel, "departmentLabel").isVisible()


def test_bare_shell_has_no_user_labels(main_window):
    assert main_window.findChild(QLabel, "userLabel").isHidden()
    assert main_window.findChild(QLabel, "roleLabel").isHidden()
    assert main_window.connection_banner is None and main_window.health_monitor is None


# ---- screenshots --------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_signin_view_renders_with_demo_accounts(demo_services, tmp_path, lang):
    from PySide6.QtGui import QImage

    from desktop.screenshot import known_views, render_view

    assert "signin" in known_views()
    context = load_context(demo_services.db)
    out = render_view("signin", tmp_path / "signin.png", context=context, lang=lang,
                      size=(800, 700), services=demo_services)
    bare = render_view("signin", tmp_path / "bare.png", context=context, lang=lang, size=(800, 700))
    image = QImage(str(out))
    assert (image.width(), image.height()) == (800, 700)
    assert image != QImage(str(bare))  # the demo-account box makes the difference


def test_cli_renders_the_signin_view(console_app, demo_url, tmp_path, capsys):
    from PySide6.QtGui import QImage

    from desktop.cli.main import main

    out = tmp_path / "signin.png"
    assert main(["screenshot", "signin", "--out", str(out), "--db", demo_url, "--size", "640x660"]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    assert QImage(str(out)).size().toTuple() == (640, 660)
