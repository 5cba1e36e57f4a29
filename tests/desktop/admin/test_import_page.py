"""The Data exchange page: preview, check (every problem listed, nothing written), import (valid rows
only), export, and a department user refused; the workspace is for operators and administrators."""
from __future__ import annotations

import csv

import pytest
from sqlalchemy import func, select

from core import uscc
from core.db.database import Database
from core.db.models import MarketEntity
from desktop.admin import EXCHANGE_KEY, EXCHANGE_ROLES, register
from desktop.admin.import_page import ImportPage
from desktop.bootstrap import build_services
from desktop.i18n import install_language
from desktop.settings import Settings
from desktop.workspaces import WorkspaceRegistry
from tests.core.exchange.city import SAMPLES, empty_city
from tests.support.db_state import database_state


@pytest.fixture
def centre(console_app, tmp_path, settings_dir):
    url = str(tmp_path / "centre.sqlite")
    empty_city(Database.open(url)).dispose()
    services = build_services(url, settings=Settings.open(settings_dir / "console.ini"))
    yield services
    services.close()


@pytest.fixture(autouse=True)
def english(console_app):
    install_language(console_app, "en")  # new strings are not in the catalogue yet
    yield
    install_language(console_app, "zh_CN")


def _page(qtbot, services, actor="op") -> ImportPage:
    page = ImportPage(services.db, services.tasks, actor, "en")
    qtbot.addWidget(page)
    page.resize(1280, 800)
    return page


def _mixed(path):
    with open(path, "w", newline="", encoding="gb18030") as fh:
        out = csv.writer(fh)
        out.writerow(["统一社会信用代码", "名称", "主体类型", "镇街", "成立日期"])
        out.writerow([uscc.with_check("91330782MA2T07001"), "义乌市甲商行", "企业", "稠城街道", "2020-01-01"])
        out.writerow(["91330782MA2T070010", "义乌市乙商行", "企业", "稠城街道", "2020-01-01"])
        out.writerow([uscc.with_check("91330782MA2T07002"), "义乌市丙商行", "企业", "稠城街道", "2020-02-30"])
    return path


def _count(db) -> int:
    with db.sessions() as s:
        return s.scalar(select(func.count()).select_from(MarketEntity))


def test_the_workspace_is_for_operators_and_administrators():
    registry = WorkspaceRegistry()
    register(registry)
    spec = registry.get(EXCHANGE_KEY)
    assert EXCHANGE_ROLES == {"operator", "admin"}
    assert spec.visible_to("operator") and spec.visible_to("admin")
    assert not any(spec.visible_to(role) for role in ("department", "town", "planner", "monitor", "leader"))


def test_preview_check_then_import_the_valid_rows(centre, qtbot, tmp_path):
    page = _page(qtbot, centre)
    with qtbot.waitSignal(page.previewed, timeout=10000) as shown:
        page.set_file(str(_mixed(tmp_path / "mixed.csv")), "entities")
    assert shown.args[0] == 3 and page.preview.rowCount() == 3
    headers = [page.preview.horizontalHeaderItem(c).text() for c in range(page.preview.columnCount())]
    assert headers[:2] == ["统一社会信用代码", "名称"] and page.preview.item(0, 1).text() == "义乌市甲商行"
    assert "gb18030" in page.preview_label.text()

    before = database_state(centre.db.engine)
    with qtbot.waitSignal(page.finished, timeout=20000) as checked:
        page.start(dry_run=True)
    result = checked.args[0]
    assert result.dry_run and {(p.row, p.column) for p in result.problems} == {(3, "统一社会信用代码"), (4, "成立日期")}
    assert page.problems.rowCount() == 2 and page.problems.item(0, 1).text() == "3"
    assert page.report_button.isEnabled() and "Check only" in page.summary.text()
    assert database_state(centre.db.engine) == before
    page.grab().save("/tmp/exch/import_page.png")

    page.valid_only.setChecked(True)
    with qtbot.waitSignal(page.finished, timeout=20000) as imported:
        page.start(dry_run=False)
    assert imported.args[0].committed and imported.args[0].new == 1
    assert _count(centre.db) == 1
    assert "Valid rows imported" in page.summary.text()


def test_import_a_sample_and_export_it(centre, qtbot, tmp_path):
    page = _page(qtbot, centre)
    page.set_file(str(SAMPLES / "entities.csv"), "entities")
    with qtbot.waitSignal(page.finished, timeout=20000) as done:
        page.start(dry_run=False)
    assert done.args[0].ok and done.args[0].new == 10 == _count(centre.db)
    out = tmp_path / "out.csv"
    with qtbot.waitSignal(page.exported, timeout=20000) as exported:
        page.export_to(str(out))
    assert exported.args[0] == 10
    assert len(out.read_text(encoding="utf-8-sig").splitlines()) == 11


def test_a_department_user_is_refused(centre, qtbot, tmp_path):
    page = _page(qtbot, centre, actor="scjg")
    page.set_file(str(SAMPLES / "entities.csv"), "entities")
    qtbot.waitUntil(lambda: page.preview.rowCount() == 10, timeout=10000)
    page.start(dry_run=False)
    qtbot.waitUntil(lambda: bool(page.message_bar.text()), timeout=20000)
    assert page.result is None and _count(centre.db) == 0
    assert "import" in page.message_bar.text().lower()
