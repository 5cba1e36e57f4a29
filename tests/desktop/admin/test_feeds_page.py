"""The Feeds & mappings workspace (数据接入配置): administrators only; permits, the commitment
catalogue, foreign service codes and API keys reach the core off the GUI thread, and what the
core refuses shows in the page's message bar."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from core.db.database import Database
from core.db.models import AuditEntry, Clue, Department, RegulatoryMatter, Village
from core.errors import PermissionDenied
from core.feeds import api_keys, mapping
from core.feeds.foreign_codes import list_foreign_codes, waiting_codes
from core.services import clues
from core.services.users import principal
from desktop.admin import FEEDS_KEY, register
from desktop.admin.feeds_page import FeedsPage
from desktop.bootstrap import build_registry, build_services, load_context
from desktop.i18n import install_language
from desktop.main_window import MainWindow
from desktop.settings import Settings
from desktop.shortcuts import Listing, Refreshable
from desktop.workspaces import WorkspaceRegistry
from tests.support.accounts import account

SYSTEM = "yw12345"


@pytest.fixture(scope="module")
def city_url(tmp_path_factory) -> str:
    """A small demo city of this module's own (the tests write to it)."""
    from core.demo.builder import build_demo
    from core.demo.spec import DemoSpec

    path = tmp_path_factory.mktemp("feeds_city") / "city.sqlite"
    build_demo(str(path), DemoSpec(entities=200, seed=7, as_of=dt.date(2026, 11, 20), chunk=100))
    db = Database.open(str(path))
    account(db, "admin", "admin")
    account(db, "operator", "operator")
    db.dispose()
    return str(path)


@pytest.fixture
def services(console_app, city_url, settings_dir):
    built = build_services(city_url, settings=Settings.open(settings_dir / "console.ini"))
    yield built
    built.close()


@pytest.fixture(autouse=True)
def english(console_app):
    # New strings are not in the catalogue yet: the tests read the English sources.
    install_language(console_app, "en")
    yield
    install_language(console_app, "zh_CN")


def _page(qtbot, services, actor: str = "admin") -> FeedsPage:
    page = FeedsPage(services.db, services.tasks, actor, "en", changes=services.changes)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: bool(page.departments), timeout=10000)
    return page


def _change(qtbot, page: FeedsPage, action) -> str:
    with qtbot.waitSignal(page.changed, timeout=10000) as changed:
        action()
    return changed.args[0]


def _two_departments(db):
    with db.sessions() as s:
        return list(s.execute(select(Department.id, Department.name_en).order_by(Department.id).limit(2)))


def test_a_permit_is_added_edited_and_deleted_in_the_core(services, qtbot, monkeypatch):
    page = _page(qtbot, services)
    tab = page.permits
    (first, _), (second, second_name) = _two_departments(services.db)
    dialog = tab.new_dialog()
    dialog.code.setText("XK-TEST-1")
    dialog.name.setText("测试许可")
    dialog.department.setCurrentIndex(dialog.department.findData(first))
    dialog.keywords.setText("测试经营|试验销售")
    message = _change(qtbot, page, dialog.buttons.accepted.emit)
    assert "XK-TEST-1" in message
    saved = {p.permit_code: p for p in mapping.list_permits(services.db)}["XK-TEST-1"]
    assert (saved.permit_name, saved.department_id, saved.keywords) == ("测试许可", first, ("测试经营", "试验销售"))
    qtbot.waitUntil(lambda: "XK-TEST-1" in [r.permit_code for r in tab.rows()], timeout=5000)

    # edit: the code stays, the department changes
    assert tab.view.select("XK-TEST-1")
    edit = tab.edit_dialog()
    assert edit.code.isReadOnly() and edit.code.text() == "XK-TEST-1"
    edit.department.setCurrentIndex(edit.department.findData(second))
    _change(qtbot, page, edit.buttons.accepted.emit)
    assert {p.permit_code: p.department_id for p in mapping.list_permits(services.db)}["XK-TEST-1"] == second
    qtbot.waitUntil(lambda: any(tab.view.table.item(r, 2).text() == second_name
                                for r in range(tab.view.table.rowCount())
                                if tab.view.table.item(r, 0).text() == "XK-TEST-1"), timeout=5000)

    # a declined confirmation deletes nothing
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args: asked.append(args[2]) or QMessageBox.StandardButton.No)
    assert tab.view.select("XK-TEST-1")
    tab.delete_chosen()
    assert len(asked) == 1 and "XK-TEST-1" in asked[0]
    assert "XK-TEST-1" in [p.permit_code for p in mapping.list_permits(services.db)]
    # delete (confirmed), audited under the administrator
    assert tab.view.select("XK-TEST-1")
    _change(qtbot, page, lambda: tab.delete_chosen(confirmed=True))
    assert "XK-TEST-1" not in [p.permit_code for p in mapping.list_permits(services.db)]
    with services.db.sessions() as s:
        assert s.scalar(select(AuditEntry.actor).where(AuditEntry.action == "feeds.permit.delete")) == "admin"


def test_a_dialog_asks_for_what_is_required_and_the_core_refusal_is_worded(services, qtbot):
    page = _page(qtbot, services)
    dialog = page.permits.new_dialog()
    dialog.code.setText("XK-EMPTY")
    dialog.buttons.accepted.emit()  # no name, no department: the dialog stays
    assert dialog.isVisible() and "Permit name" in dialog.problem.text()
    dialog.reject()
    # a name on two lines passes the dialog but not the core: the message bar names the field
    with qtbot.waitSignal(page.failed, timeout=10000) as failed:
        page.permits.save({"permit_code": "XK-BAD", "permit_name": "两\n行", "department": _two_departments(
            services.db)[0][0], "keywords": ""})
    assert failed.args[0].startswith("Permit name:") and "one line" in failed.args[0]
    assert page.message_bar.isVisibleTo(page) and page.message_bar.text() == failed.args[0]
    assert "XK-BAD" not in [p.permit_code for p in mapping.list_permits(services.db)]


def test_a_catalogue_matter_is_saved_with_its_terms(services, qtbot):
    page = _page(qtbot, services)
    dialog = page.catalogue.new_dialog()
    dialog.code.setText("CN-TEST")
    dialog.name.setText("测试告知承诺事项")
    dialog.department.setCurrentIndex(0)
    dialog.commitment_text.setPlainText("申请人承诺符合条件。")
    dialog.standard.setText("现场核查")
    dialog.consequence.setText("撤销许可")
    dialog.fulfil_days.setValue(45)
    _change(qtbot, page, dialog.buttons.accepted.emit)
    saved = {m.code: m for m in mapping.list_catalogue(services.db)}["CN-TEST"]
    assert (saved.fulfil_days, saved.verify_working_days, saved.breach_consequence) == (45, 20, "撤销许可")
    qtbot.waitUntil(lambda: "CN-TEST" in [r.code for r in page.catalogue.rows()], timeout=5000)
    assert page.catalogue.view.select("CN-TEST")
    _change(qtbot, page, lambda: page.catalogue.delete_chosen(confirmed=True))
    assert "CN-TEST" not in [m.code for m in mapping.list_catalogue(services.db)]


def _foreign_request(db, path, ref: str, code: str) -> None:
    with db.sessions() as s:
        village = s.scalar(select(Village.code).order_by(Village.code))
    path.write_text(json.dumps([{"service_request_id": ref, "status": "open", "service_code": code,
                                 "service_name": "无证无照经营", "description": "路边无证摊点销售熟食",
                                 "requested_datetime": "2026-11-18T09:30:00+08:00", "address_id": village}],
                               ensure_ascii=False), encoding="utf-8")


def test_mapping_a_waiting_code_routes_its_clues_and_takes_it_off_the_list(services, qtbot, tmp_path):
    db = services.db
    _foreign_request(db, tmp_path / "hotline.json", "HL-1", "7301")
    assert clues.import_open311(db, "operator", tmp_path / "hotline.json", system=SYSTEM) == (1, 0)
    page = _page(qtbot, services)
    codes = page.codes
    qtbot.waitUntil(lambda: (SYSTEM, "7301") in [(r.source_system, r.service_code) for r in codes.waiting.rows()],
                    timeout=5000)
    row = next(r for r in codes.waiting.rows() if r.service_code == "7301")
    assert row.clues == 1 and row.latest is not None
    with db.sessions() as s:
        matter = s.scalar(select(RegulatoryMatter).order_by(RegulatoryMatter.code))
        matter_code = matter.code
    assert codes.waiting.select((SYSTEM, "7301"))
    dialog = codes.map_dialog()
    assert dialog.system.text() == SYSTEM and dialog.code.text() == "7301" and dialog.code.isReadOnly()
    dialog.filter.setText(matter_code)
    assert dialog.choose(matter_code)
    message = _change(qtbot, page, dialog.buttons.accepted.emit)
    assert "1 waiting clue" in message
    assert [(c.source_system, c.matter_code) for c in list_foreign_codes(db) if c.service_code == "7301"] == [
        (SYSTEM, matter_code)]
    assert "7301" not in [w.service_code for w in waiting_codes(db)]
    with db.sessions() as s:
        clue = s.scalar(select(Clue).where(Clue.source_ref == f"{SYSTEM}:HL-1"))
        assert clue.matter_id == matter.id
    qtbot.waitUntil(lambda: "7301" not in [r.service_code for r in codes.waiting.rows()]
                    and "7301" in [r.service_code for r in codes.mapped.rows()], timeout=5000)
    # forget the mapping again (confirmed)
    assert codes.mapped.select((SYSTEM, "7301"))
    _change(qtbot, page, lambda: codes.delete_chosen(confirmed=True))
    assert "7301" not in [c.service_code for c in list_foreign_codes(db)]


def test_a_new_key_is_shown_once_accepted_and_refused_once_revoked(services, qtbot):
    db = services.db
    page = _page(qtbot, services)
    tab = page.keys
    dialog = tab.new_dialog()
    dialog.system.setText("grid-east")
    with qtbot.waitSignal(tab.key_shown, timeout=10000) as shown:
        dialog.buttons.accepted.emit()
    key_dialog = shown.args[0]
    key = key_dialog.key.text()
    assert key.startswith(api_keys.KEY_PREFIX) and api_keys.system_of_key(db, key) == "grid-east"
    assert "not shown again" in key_dialog.warning.text()
    key_dialog.copy.click()
    assert QApplication.clipboard().text() == key
    key_dialog.accept()
    assert key_dialog.key.text() == ""  # closed: the dialog holds the key no more
    qtbot.waitUntil(lambda: "grid-east" in [r.source_system for r in tab.rows()], timeout=5000)
    listed = next(r for r in tab.rows() if r.source_system == "grid-east")
    cells = [tab.view.table.item(r, c).text() for r in range(tab.view.table.rowCount())
             for c in range(tab.view.table.columnCount())]
    assert key not in cells and f"{listed.prefix}…" in cells  # only the beginning is listed
    assert tab.view.select(listed.id)
    _change(qtbot, page, lambda: tab.revoke_chosen(confirmed=True))
    assert api_keys.system_of_key(db, key) is None
    qtbot.waitUntil(lambda: next(r for r in tab.rows() if r.id == listed.id).revoked, timeout=5000)
    assert not tab.view.buttons["revoke"].isEnabled()


def test_another_consoles_change_reaches_the_page(services, qtbot):
    page = _page(qtbot, services)
    department = _two_departments(services.db)[0][0]
    mapping.save_permit(services.db, "admin", permit_code="XK-ELSEWHERE", permit_name="别处保存",
                        department=department)
    qtbot.waitUntil(lambda: "XK-ELSEWHERE" in [r.permit_code for r in page.permits.rows()], timeout=5000)
    mapping.delete_permit(services.db, "admin", "XK-ELSEWHERE")
    qtbot.waitUntil(lambda: "XK-ELSEWHERE" not in [r.permit_code for r in page.permits.rows()], timeout=5000)


def test_only_administrators_see_the_workspace_and_the_core_refuses_others(services, qtbot):
    registry = build_registry()
    assert FEEDS_KEY in registry.visible_to("admin").keys()
    for role in ("operator", "leader", "planner", "monitor", "department", None):
        assert FEEDS_KEY not in registry.visible_to(role).keys()
    bare = WorkspaceRegistry()
    register(bare)
    assert bare.get(FEEDS_KEY).roles == frozenset({"admin"})
    for name, shown in (("admin", True), ("operator", False)):
        window = MainWindow(load_context(services.db), registry=build_registry(),
                            services=services.signed_in(principal(services.db, name)), remember_geometry=False)
        qtbot.addWidget(window)
        assert (FEEDS_KEY in window.registry.keys()) is shown
        if shown:  # the administrator's window builds the page, which speaks the keyboard protocol
            window.select_workspace(FEEDS_KEY)
            page = window.current_page()
            assert isinstance(page, FeedsPage) and isinstance(page, Refreshable) and isinstance(page, Listing)
            assert page.main_view() is page.permits.view.table
            page.tabs.setCurrentWidget(page.codes)
            assert page.main_view() is page.codes.waiting.table
    department = _two_departments(services.db)[0][0]
    with pytest.raises(PermissionDenied):
        mapping.save_permit(services.db, "operator", permit_code="XK-OP", permit_name="越权", department=department)
    with pytest.raises(PermissionDenied):
        api_keys.create_key(services.db, "operator", "grid-west")
    # the page of someone without the right says so in words
    page = _page(qtbot, services, actor="operator")
    with qtbot.waitSignal(page.failed, timeout=10000) as failed:
        page.keys.create("grid-west")
    assert failed.args[0] == "You are not allowed to set up the data feeds."
    assert "grid-west" not in [k.source_system for k in api_keys.list_keys(services.db)]
