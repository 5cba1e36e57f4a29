"""The Users workspace: administrators only; its actions reach the core off the GUI thread."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QLabel

from core.db.database import Database
from core.db.migrate import upgrade
from core.db.models import Department
from core.services.auth import AccountLocked, AuthError, authenticate
from core.services.users import create_first_admin, create_user
from desktop.admin import WORKSPACE_KEY, register
from desktop.admin.users_page import UsersPage
from desktop.bootstrap import build_registry, build_services
from desktop.i18n import install_language
from desktop.main_window import MainWindow
from desktop.settings import Settings
from desktop.workspaces import WorkspaceRegistry


@pytest.fixture
def centre(console_app, tmp_path, settings_dir):
    url = str(tmp_path / "centre.sqlite")
    db = Database.open(url)
    upgrade(db.engine)
    create_first_admin(db, "root", "管理员", "root-password")
    with db.bootstrap_uow("installer") as uow:
        uow.session.add(Department(code="D01", name_zh="综合执法队", name_en="Enforcement Team", group="5"))
        uow.commit()
    admin = authenticate(db, "root", "root-password")
    create_user(db, admin, "li", "李明", "operator", "li-password")
    db.dispose()
    services = build_services(url, settings=Settings.open(settings_dir / "console.ini"))
    yield services, admin
    services.close()


@pytest.fixture(autouse=True)
def english(console_app):
    # New strings are not in the catalogue yet: the tests read the English sources.
    install_language(console_app, "en")
    yield
    install_language(console_app, "zh_CN")


def _page(qtbot, services, admin) -> UsersPage:
    page = UsersPage(services.db, services.tasks, admin, "en")
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.table.rowCount() == 2 and bool(page._departments), timeout=5000)
    return page


def _do(qtbot, page: UsersPage, action) -> str:
    with qtbot.waitSignal(page.loaded, timeout=5000):
        with qtbot.waitSignal(page.changed, timeout=5000) as changed:
            action()
    return changed.args[0]


def test_only_administrators_see_the_users_workspace(centre, qtbot):
    services, admin = centre
    registry = build_registry()
    assert WORKSPACE_KEY in registry.keys()
    assert WORKSPACE_KEY in registry.visible_to("admin").keys()
    for role in ("operator", "leader", "planner", "monitor", "department", None):
        assert WORKSPACE_KEY not in registry.visible_to(role).keys()
    li = authenticate(services.db, "li", "li-password")
    for user, shown in ((admin, True), (li, False)):
        window = MainWindow(_context(services), registry=build_registry(), services=services.signed_in(user), remember_geometry=False)
        qtbot.addWidget(window)
        assert (WORKSPACE_KEY in window.registry.keys()) is shown
    bare = WorkspaceRegistry()
    register(bare)
    assert bare.get(WORKSPACE_KEY).roles == frozenset({"admin"})


def _context(services):
    from desktop.bootstrap import load_context

    return load_context(services.db)


def test_lists_users_with_role_department_and_state(centre, qtbot):
    services, admin = centre
    page = _page(qtbot, services, admin)
    cells = [[page.table.item(r, c).text() for c in range(6)] for r in range(2)]
    assert cells == [["li", "李明", "Operator", "—", "user", "active"],
                     ["root", "管理员", "Administrator", "—", "user", "active"]]


def test_create_a_user_through_the_dialog_then_edit_its_role(centre, qtbot):
    services, admin = centre
    page = _page(qtbot, services, admin)
    dialog = page.new_dialog()
    dialog.username.setText("zhao")
    dialog.display_name.setText("赵丽")
    dialog.role.setCurrentIndex(dialog.role.findData("department"))
    dialog.password.setText("zhao-password")
    dialog.repeat.setText("zhao-password")
    dialog.buttons.accepted.emit()  # no department: the dialog refuses and stays open
    assert dialog.problem.isVisibleTo(dialog) and dialog.result() != QDialog.DialogCode.Accepted
    dialog.department.setCurrentIndex(dialog.department.findData(1))
    message = _do(qtbot, page, dialog.buttons.accepted.emit)
    assert message == "User zhao created."
    assert authenticate(services.db, "zhao", "zhao-password").department_zh == "综合执法队"
    assert {r.username: r.department_en for r in page.rows()}["zhao"] == "Enforcement Team"

    page.select("zhao")
    edit = page.edit_dialog()
    assert edit.username.isReadOnly() and edit.username.text() == "zhao"
    edit.role.setCurrentIndex(edit.role.findData("planner"))
    _do(qtbot, page, edit.buttons.accepted.emit)
    assert {r.username: r.role_code for r in page.rows()}["zhao"] == "planner"


def test_reset_password_unlock_and_deactivate(centre, qtbot, monkeypatch):
    services, admin = centre
    for _ in range(5):
        with pytest.raises(AuthError):
            authenticate(services.db, "li", "wrong-password")
    page = _page(qtbot, services, admin)
    page.select("li")
    assert page.chosen().locked_until is not None and page.buttons["unlock"].isEnabled()
    assert page.table.item(0, 5).text().startswith("locked until ")
    _do(qtbot, page, page.unlock_chosen)
    assert page.chosen().locked_until is None and not page.buttons["unlock"].isEnabled()

    dialog = page.password_dialog()
    dialog.password.setText("li-new-password")
    dialog.repeat.setText("li-new-password")
    _do(qtbot, page, dialog._on_buttons_accepted)
    assert authenticate(services.db, "li", "li-new-password").username == "li"

    _do(qtbot, page, lambda: page.deactivate_chosen(confirmed=True))
    assert page.table.item(0, 5).text() == "inactive"
    with pytest.raises(AuthError) as refused:
        authenticate(services.db, "li", "li-new-password")
    assert not isinstance(refused.value, AccountLocked)


def test_a_system_account_is_created_without_password_and_cannot_sign_in(centre, qtbot):
    services, admin = centre
    page = _page(qtbot, services, admin)
    dialog = page.new_system_dialog()
    assert not dialog.password.isVisibleTo(dialog)
    dialog.username.setText("import_job")
    dialog.role.setCurrentIndex(dialog.role.findData("operator"))
    _do(qtbot, page, dialog.buttons.accepted.emit)
    page.select("import_job")
    assert page.chosen().is_system and not page.buttons["password"].isEnabled()
    assert page.table.item(page.table.currentRow(), 4).text() == "system account"


def test_a_refusal_is_worded_in_the_ui_language(centre, qtbot):
    services, admin = centre
    page = _page(qtbot, services, admin)
    page.select("root")
    page.deactivate_chosen(confirmed=True)
    qtbot.waitUntil(lambda: page.message_bar.isVisibleTo(page), timeout=5000)
    assert page.message_bar.text() == "root is the last administrator: create another one first."


def test_a_non_administrator_page_is_refused_by_the_core(centre, qtbot):
    services, _ = centre
    li = authenticate(services.db, "li", "li-password")
    page = UsersPage(services.db, services.tasks, li, "en")
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.message_bar.isVisibleTo(page), timeout=5000)
    assert page.table.rowCount() == 0
    assert page.message_bar.text() == "You are not allowed to manage users."
    assert page.findChild(QLabel, "workspaceTitle") is not None
