"""Entities workspace, search side: text and filters, the paged model, sorting, language."""
from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLineEdit

from core.services.search import EntityFilter, EntitySearch
from desktop.entities.table_model import (
    COLUMNS,
    ENTITY_ID_ROLE,
    EntityTableModel,
    column_index,
)
from desktop.i18n import install_language

from . import test_entities_support as support
from .test_entities_support import sql, wait_for_results

# The shared fixtures (tests/desktop/conftest.py belongs to the shell).
entities_db = support.entities_db
entities_template = support.entities_template
tasks = support.tasks
workspace = support.workspace

NAME = column_index("name")


def _names(ws, rows: int | None = None) -> list[str]:
    count = ws.model.rowCount() if rows is None else min(rows, ws.model.rowCount())
    return [ws.model.index(r, NAME).data() for r in range(count)]


def _column(ws, key: str, rows: int = 50) -> list[str]:
    return [ws.model.index(r, column_index(key)).data() for r in range(min(rows, ws.model.rowCount()))]


def test_first_search_lists_every_entity_with_its_count(workspace):
    assert workspace.model.total == 3000
    assert workspace.search_page.count_text() == "共 3,000 户"
    assert workspace.model.rowCount() == 3000
    # Only the first page is fetched, not the whole result.
    assert workspace.model.loaded_pages() == (0,)


def test_search_by_credit_code_prefix(workspace, entities_db, qtbot):
    code = sql(entities_db, "SELECT uscc FROM market_entities WHERE id = 8")[0][0]
    prefix = code[:12]
    workspace.search_page.search_bar.set_text(prefix)
    wait_for_results(qtbot, workspace)
    expected = sql(entities_db, "SELECT COUNT(*) FROM market_entities WHERE instr(uscc, :p) > 0", p=prefix)[0][0]
    assert 1 <= workspace.model.total == expected
    codes = _column(workspace, "uscc", 200)
    assert code in codes and all(prefix in c for c in codes)

    workspace.search_page.search_bar.set_text(code.lower())  # a full code, typed in lower case
    wait_for_results(qtbot, workspace)
    assert workspace.model.total == 1 and _column(workspace, "uscc") == [code]


def test_search_by_part_of_a_chinese_name(workspace, entities_db, qtbot):
    name = sql(entities_db, "SELECT name FROM market_entities WHERE id = 4")[0][0]
    word = name[3:6]  # after 义乌市: a three-character piece of the trade name
    workspace.search_page.search_bar.set_text(word)
    wait_for_results(qtbot, workspace)
    expected = sql(entities_db, "SELECT COUNT(*) FROM market_entities WHERE instr(name, :w) > 0 "
                                "OR instr(address, :w) > 0", w=word)[0][0]
    assert 1 <= workspace.model.total == expected
    assert name in _names(workspace)
    assert all(word in n or word in a for n, a in zip(_names(workspace), _column(workspace, "address", 200)))


def test_typing_searches_once_after_a_pause_and_only_the_latest_counts(workspace, qtbot):
    field = workspace.search_page.search_bar.findChild(QLineEdit, "entitySearchField")
    emitted = []
    workspace.search_page.search_bar.filter_changed.connect(emitted.append)
    qtbot.keyClicks(field, "91330782MA")  # ten edits in quick succession
    assert emitted == []  # still waiting for the pause
    qtbot.waitUntil(lambda: len(emitted) == 1, timeout=2000)
    assert emitted[0].text == "91330782MA"
    wait_for_results(qtbot, workspace)
    assert all(c.startswith("91330782MA") for c in _column(workspace, "uscc", 200))

    # Two searches in a row: the answer to the first must not overwrite the second.
    workspace.model.set_filter(EntityFilter(text="饰品"))
    workspace.model.set_filter(EntityFilter(text="餐饮"))
    wait_for_results(qtbot, workspace)
    assert workspace.model.filter.text == "餐饮"
    assert all("餐饮" in n or "餐饮" in a for n, a in zip(_names(workspace), _column(workspace, "address", 200)))


def test_filters_town_then_village_and_tags(workspace, entities_db, qtbot):
    bar = workspace.search_page.search_bar
    village = bar.combo("village")
    assert not village.isEnabled()
    town_code, village_code = sql(entities_db, "SELECT town_code, village_code FROM market_entities WHERE id = 1")[0]
    town = bar.combo("town")
    town.setCurrentIndex(town.findData(town_code))
    wait_for_results(qtbot, workspace)
    assert workspace.model.total == sql(entities_db, "SELECT COUNT(*) FROM market_entities WHERE town_code = :t",
                                        t=town_code)[0][0]
    assert village.isEnabled()
    offered = {village.itemData(i) for i in range(1, village.count())}
    assert village_code in offered and all(code.startswith(town_code) for code in offered)
    village.setCurrentIndex(village.findData(village_code))
    wait_for_results(qtbot, workspace)
    assert workspace.model.total == sql(entities_db, "SELECT COUNT(*) FROM market_entities WHERE village_code = :v",
                                        v=village_code)[0][0]

    bar.reset()
    tag_id = sql(entities_db, "SELECT tag_id FROM entity_tags GROUP BY tag_id ORDER BY COUNT(*) DESC LIMIT 1")[0][0]
    bar.tag_select.set_selected([tag_id])
    wait_for_results(qtbot, workspace)
    assert workspace.model.total == sql(entities_db, "SELECT COUNT(*) FROM entity_tags WHERE tag_id = :t",
                                        t=tag_id)[0][0]


def test_rows_show_words_and_names_not_codes(workspace):
    types = set(_column(workspace, "entity_type", 200))
    assert types <= {"企业", "个体工商户", "农民专业合作社"} and types
    assert set(_column(workspace, "status", 200)) <= {"存续", "注销", "吊销"}
    assert all(t.endswith(("街道", "镇", "乡")) for t in _column(workspace, "town", 200))
    assert all(not i.isdigit() for i in _column(workspace, "industry", 200))
    risks = {"A类（低风险）", "B类（一般风险）", "C类（较高风险）", "D类（高风险）"}
    assert set(_column(workspace, "risk_class", 200)) <= risks


def test_table_model_passes_the_model_tester(workspace, qtbot, qtmodeltester):
    workspace.search_page.search_bar.set_text("有限公司")
    wait_for_results(qtbot, workspace)
    assert workspace.model.total > 0
    qtmodeltester.check(workspace.model)


def test_sort_by_name_descending_and_unsortable_columns_stay_put(workspace, entities_db, qtbot):
    header = workspace.search_page.table.horizontalHeader()
    header.setSortIndicator(NAME, Qt.SortOrder.DescendingOrder)  # what a header click does
    wait_for_results(qtbot, workspace)
    assert (workspace.model.sort_key, workspace.model.descending) == ("name", True)
    expected = [r[0] for r in sql(entities_db, "SELECT name FROM market_entities ORDER BY name DESC, id DESC LIMIT 30")]
    assert _names(workspace, 30) == expected

    # A click on "Type" (not indexed) changes nothing, and the arrow stays on Name.
    type_column = column_index("entity_type")
    assert not workspace.model.sortable(type_column)
    x = header.sectionViewportPosition(type_column) + header.sectionSize(type_column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    assert (workspace.model.sort_key, workspace.model.descending) == ("name", True)
    assert header.sortIndicatorSection() == NAME
    assert "不支持排序" in workspace.model.headerData(type_column, Qt.Orientation.Horizontal,
                                                     Qt.ItemDataRole.ToolTipRole)


def test_unfetched_rows_show_a_placeholder_and_pages_are_evicted(entities_db, tasks, qtbot, qapp):
    model = EntityTableModel(EntitySearch(entities_db), tasks, page_size=50, max_pages=3)
    model.set_filter(EntityFilter())
    qtbot.waitUntil(lambda: model.total == 3000 and 0 in model.loaded_pages())
    far = model.index(2999, NAME)
    assert far.data() == "加载中…" and far.data(ENTITY_ID_ROLE) is None
    qtbot.waitUntil(lambda: far.data(ENTITY_ID_ROLE) is not None)
    assert far.data(ENTITY_ID_ROLE) == 3000
    for row in range(100, 1000, 50):
        model.index(row, NAME).data()
        qtbot.waitUntil(lambda row=row: model.is_loaded(row))
    assert len(model.loaded_pages()) == 3  # never more than max_pages held


def test_switching_language_retitles_headers_and_words(workspace, qapp):
    model = workspace.model
    assert model.headerData(0, Qt.Orientation.Horizontal) == "统一社会信用代码"
    before = _column(workspace, "entity_type", 20)
    install_language(qapp, "en")
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Credit code"
    assert [model.headerData(i, Qt.Orientation.Horizontal) for i in range(len(COLUMNS))][:3] == \
        ["Credit code", "Name", "Type"]
    after = _column(workspace, "entity_type", 20)
    assert set(after) <= {"Enterprise", "Individual business", "Farmers' cooperative"} and after != before
    assert workspace.search_page.count_text() == "3,000 entities"
    assert workspace.tabs.tabText(0) == "Search"
    assert all(not t.endswith("街道") for t in _column(workspace, "town", 20))
    install_language(qapp, "zh_CN")
    assert model.headerData(0, Qt.Orientation.Horizontal) == "统一社会信用代码"
    assert workspace.tabs.tabText(0) == "检索"


def test_risk_class_is_hidden_for_users_outside_the_center(console_app, entities_db, tasks, qtbot):
    from desktop.entities import EntitiesWorkspace

    ws = EntitiesWorkspace(entities_db, tasks, "dept_scjg", "zh_CN", show_risk=False)
    qtbot.addWidget(ws)
    wait_for_results(qtbot, ws)
    assert ws.search_page.table.isColumnHidden(column_index("risk_class"))
    assert not ws.search_page.search_bar.combo("risk").isVisibleTo(ws)
    tasks.wait_idle()


class _SlowForSomeText(EntitySearch):
    """Answers for ``slow_text`` arrive late: a stale answer must not replace a newer one."""

    def __init__(self, db, slow_text: str, release) -> None:
        super().__init__(db)
        self.slow_text, self.release = slow_text, release

    def count(self, f):
        if f.text == self.slow_text:
            self.release.wait(5)
        return super().count(f)

    def page(self, f, **kwargs):
        if f.text == self.slow_text:
            self.release.wait(5)
        return super().page(f, **kwargs)


def test_a_late_answer_to_an_older_search_is_ignored(entities_db, qtbot, qapp):
    import threading

    from desktop.tasks import TaskManager

    release = threading.Event()
    tasks = TaskManager(max_threads=4)
    model = EntityTableModel(_SlowForSomeText(entities_db, "饰品", release), tasks)
    model.set_filter(EntityFilter(text="饰品"))
    model.set_filter(EntityFilter(text="餐饮"))
    qtbot.waitUntil(lambda: model.total is not None and 0 in model.loaded_pages())
    newest = (model.total, [model.index(r, NAME).data() for r in range(model.rowCount())])
    with qtbot.waitSignal(tasks.busy_changed, timeout=5000):
        release.set()  # the old search answers now
    assert (model.total, [model.index(r, NAME).data() for r in range(model.rowCount())]) == newest
    assert all("餐饮" in name for name in newest[1][:20])
    tasks.wait_idle()
