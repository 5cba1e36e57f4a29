"""Entities workspace, dual tagging: tags on one entity or a selection, undo, new tags, location."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QListWidget, QMessageBox, QPushButton

from core.geo.coords import CoordSystem, from_wgs84, to_wgs84
from core.services.search import EntityFilter
from desktop.entities.tag_dialogs import NewTag

from . import test_entities_support as support
from .test_entities_support import sql, wait_for_results

# The shared fixtures (tests/desktop/conftest.py belongs to the shell).
entities_db = support.entities_db
entities_template = support.entities_template
tasks = support.tasks
workspace = support.workspace


def _has(db, entity_id: int, tag_id: int) -> bool:
    return bool(sql(db, "SELECT 1 FROM entity_tags WHERE entity_id = :e AND tag_id = :t", e=entity_id, t=tag_id))


def _tag_count(db, tag_id: int) -> int:
    return sql(db, "SELECT COUNT(*) FROM entity_tags WHERE tag_id = :t", t=tag_id)[0][0]


def _tag_named(db, code: str) -> tuple[int, str]:
    return sql(db, "SELECT id, name_zh FROM tags WHERE code = :c", c=code)[0]


def _ok(dialog) -> QPushButton:
    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)


def _count_with_tag(ws, qtbot, tag_id: int) -> int:
    ws.model.set_filter(EntityFilter(tag_ids=(tag_id,)))
    wait_for_results(qtbot, ws)
    return ws.model.total


def test_add_a_tag_from_the_panorama_then_undo(workspace, entities_db, qtbot):
    tag_id, tag_name = _tag_named(entities_db, "cold_chain")
    entity_id = sql(entities_db, "SELECT id FROM market_entities WHERE id NOT IN (SELECT entity_id "
                                 "FROM entity_tags WHERE tag_id = :t) ORDER BY id LIMIT 1", t=tag_id)[0][0]
    view = workspace.open_panorama(entity_id)
    qtbot.waitUntil(lambda: view.panorama is not None)
    records = len(view.panorama.timeline)

    view.findChild(QPushButton, "panorama_add_tags").click()
    picker = workspace.flow.picker
    assert picker is not None and picker.isVisible()
    picker.set_checked([tag_id])
    with qtbot.waitSignal(workspace.flow.tags_applied) as blocker:
        picker.accept()  # one entity: no confirmation
    assert blocker.args[0].pairs == ((entity_id, tag_id),)
    assert _has(entities_db, entity_id, tag_id)
    qtbot.waitUntil(lambda: tag_name in [c.text() for c in view.findChildren(QLabel, "tagChip")])
    assert len(view.panorama.timeline) == records + 1
    assert view.panorama.timeline[0].title == f"添加监管属性：{tag_name}"
    bar = workspace.message_bar
    assert bar.isVisible() and tag_name in bar.text() and bar.action_button().text() == "撤销"

    with qtbot.waitSignal(workspace.flow.tags_undone):
        bar.action_button().click()
    assert not _has(entities_db, entity_id, tag_id)
    qtbot.waitUntil(lambda: tag_name not in [c.text() for c in view.findChildren(QLabel, "tagChip")])
    assert "已撤销" in bar.text()


def test_bulk_tagging_of_a_selection_asks_first_and_undo_restores_the_count(workspace, entities_db, qtbot):
    tag_id, tag_name = _tag_named(entities_db, "ecommerce")
    before = _count_with_tag(workspace, qtbot, tag_id)
    assert before == _tag_count(entities_db, tag_id)

    workspace.search_page.search_bar.set_text("有限公司")
    wait_for_results(qtbot, workspace)
    workspace.search_page.select_rows(0, 11)
    assert workspace.search_page.selected_count() == 12
    ids = [workspace.model.index(r, 0).data(Qt.ItemDataRole.UserRole + 1) for r in range(12)]
    lacking = [i for i in ids if not _has(entities_db, i, tag_id)]
    assert lacking  # the test needs something to change

    workspace.search_page.button("add_tags").click()
    workspace.flow.picker.set_checked([tag_id])
    workspace.flow.picker.accept()
    box = workspace.flow.confirm_box
    assert box is not None and "12" in box.text() and tag_name in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()  # first: change nothing
    assert _tag_count(entities_db, tag_id) == before

    workspace.search_page.button("add_tags").click()
    workspace.flow.picker.set_checked([tag_id])
    workspace.flow.picker.accept()
    with qtbot.waitSignal(workspace.flow.tags_applied) as blocker:
        workspace.flow.confirm_box.button(QMessageBox.StandardButton.Yes).click()
    change = blocker.args[0]
    assert sorted(e for e, _ in change.pairs) == sorted(lacking)
    assert _count_with_tag(workspace, qtbot, tag_id) == before + len(lacking)

    with qtbot.waitSignal(workspace.flow.tags_undone):
        workspace.message_bar.action_button().click()
    assert _count_with_tag(workspace, qtbot, tag_id) == before
    assert all(_has(entities_db, i, tag_id) == (i not in lacking) for i in ids)


def test_selection_rows_not_fetched_yet_are_resolved_in_a_worker(workspace, qtbot):
    page = workspace.model.page_size()
    workspace.search_page.select_rows(page - 2, page + 1)  # straddles a page not fetched yet
    assert not workspace.model.is_loaded(page)
    got = []
    workspace.resolve_selected_ids(got.append)
    qtbot.waitUntil(lambda: bool(got))
    assert got[0] == [page - 1, page, page + 1, page + 2]  # ids follow row order when sorted by id


def test_remove_tags_from_one_entity(workspace, entities_db, qtbot):
    entity_id, tag_id = sql(entities_db, "SELECT entity_id, tag_id FROM entity_tags ORDER BY entity_id LIMIT 1")[0]
    with qtbot.waitSignal(workspace.flow.tags_applied):
        workspace.apply_tags("remove", [entity_id], [tag_id])
    assert not _has(entities_db, entity_id, tag_id)
    assert "已移除" in workspace.message_bar.text()


def test_new_tag_dialog_refuses_a_taken_code_inline_then_creates(workspace, entities_db, qtbot):
    workspace.search_page.button("new_tag").click()
    dialog = workspace.flow.new_tag_dialog
    dialog.set_values(NewTag("Bad Code", "冷库", "Cold store", "#2e86c1", "", ""))
    _ok(dialog).click()
    assert "小写字母" in dialog.error_text()

    dialog.set_values(NewTag("cold_chain", "冷库", "Cold store", "#2e86c1", "冷库经营", "Cold storage"))
    _ok(dialog).click()
    qtbot.waitUntil(lambda: "已有使用此代码的标签" in dialog.error_text())
    assert dialog.isVisible()

    dialog.set_values(NewTag("cold_store", "冷库", "Cold store", "#2e86c1", "冷库经营", "Cold storage"))
    with qtbot.waitSignal(workspace.flow.tag_created) as blocker:
        _ok(dialog).click()
    created = blocker.args[0]
    assert (created.code, created.name_zh, created.colour) == ("cold_store", "冷库", "#2e86c1")
    assert sql(entities_db, "SELECT name_en FROM tags WHERE code = 'cold_store'") == [("Cold store",)]
    qtbot.waitUntil(lambda: any(t.code == "cold_store" for t in workspace.reference.tags))
    assert workspace.flow.new_tag_dialog is None or not workspace.flow.new_tag_dialog.isVisible()


def test_a_gcj02_location_is_stored_as_wgs84(workspace, entities_db, qtbot):
    workspace.search_page.select_rows(3, 3)
    entity_id = workspace.model.index(3, 0).data(Qt.ItemDataRole.UserRole + 1)
    view = workspace.open_panorama(entity_id)
    qtbot.waitUntil(lambda: view.panorama is not None)
    workspace.tabs.setCurrentIndex(0)
    workspace.search_page.button("location").click()
    dialog = workspace.flow.location_dialog
    assert dialog is not None and "地图" in dialog.toolTip()  # map picking: said, not faked
    gcj_lat, gcj_lng = 29.3061, 120.0752  # as AMap shows a point in Choucheng
    dialog.set_values(gcj_lat, gcj_lng, CoordSystem.GCJ02)
    assert "WGS-84" in dialog.preview_text()
    with qtbot.waitSignal(workspace.flow.location_saved):
        _ok(dialog).click()
    lat, lng = sql(entities_db, "SELECT lat, lng FROM market_entities WHERE id = :i", i=entity_id)[0]
    # Near Yiwu GCJ-02 lies ~0.0025 deg south and ~0.0047 deg east of WGS-84.
    assert 0.001 < lat - gcj_lat < 0.006 and 0.002 < gcj_lng - lng < 0.007
    expected = to_wgs84(gcj_lat, gcj_lng, CoordSystem.GCJ02)
    assert abs(lat - expected[0]) < 1e-6 and abs(lng - expected[1]) < 1e-6
    back = from_wgs84(lat, lng, CoordSystem.GCJ02)
    assert abs(back[0] - gcj_lat) < 1e-6 and abs(back[1] - gcj_lng) < 1e-6
    qtbot.waitUntil(lambda: abs(view.panorama.header.lat - lat) < 1e-9)
    assert view.panorama.timeline[0].title.startswith("更正地理位置")
    qtbot.waitUntil(lambda: abs(workspace.model.row_at(3).lat - lat) < 1e-9)


def test_refused_location_keeps_the_dialog_open_with_the_reason(workspace, qtbot):
    workspace.search_page.select_rows(0, 0)
    workspace.search_page.button("location").click()
    dialog = workspace.flow.location_dialog
    workspace.operations.set_location(999999, 29.3, 120.0, "wgs84", on_error=dialog.show_error)
    qtbot.waitUntil(lambda: dialog.findChild(QLabel, "formError").isVisibleTo(dialog))
    assert "已不存在" in dialog.findChild(QLabel, "formError").text()


def test_without_a_user_the_workspace_is_read_only(console_app, entities_db, tasks, qtbot):
    from desktop.entities import EntitiesWorkspace

    ws = EntitiesWorkspace(entities_db, tasks, "", "zh_CN")
    qtbot.addWidget(ws)
    wait_for_results(qtbot, ws)
    assert ws.read_only
    for key in ("add_tags", "remove_tags", "new_tag", "location"):
        assert not ws.search_page.button(key).isVisibleTo(ws)
    assert ws.search_page.button("export").isVisibleTo(ws)
    tasks.wait_idle()


def test_removing_from_one_entity_offers_only_its_tags(workspace, entities_db, qtbot):
    entity_id = sql(entities_db, "SELECT entity_id FROM entity_tags GROUP BY entity_id "
                                 "HAVING COUNT(*) >= 2 ORDER BY entity_id LIMIT 1")[0][0]
    carried = {r[0] for r in sql(entities_db, "SELECT tag_id FROM entity_tags WHERE entity_id = :e", e=entity_id)}
    view = workspace.open_panorama(entity_id)
    qtbot.waitUntil(lambda: view.panorama is not None)
    view.findChild(QPushButton, "panorama_remove_tags").click()
    picker = workspace.flow.picker
    picker.set_checked(carried)
    assert set(picker.selected_ids()) == carried
    assert picker.findChild(QListWidget, "tagPickerList").count() == len(carried)
    with qtbot.waitSignal(workspace.flow.tags_applied):
        picker.accept()
    assert not any(_has(entities_db, entity_id, t) for t in carried)
    qtbot.waitUntil(lambda: not view.findChildren(QLabel, "tagChip"))
