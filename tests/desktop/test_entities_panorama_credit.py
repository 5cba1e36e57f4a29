"""The panorama's credit tab: the class and why for the center, records and measures only for a department."""
from __future__ import annotations

import datetime as dt
import re

from core.credit import add_record, explain

from . import test_entities_support as support
from .test_entities_support import AS_OF

entities_db = support.entities_db
entities_template = support.entities_template
tasks = support.tasks


def _entity(db) -> int:
    return support.sql(db, "SELECT e.id FROM market_entities e JOIN entity_records r ON r.entity_id = e.id "
                           "WHERE r.kind = 'penalty' GROUP BY e.id ORDER BY COUNT(*) DESC, e.id LIMIT 1")[0][0]


def _view(qtbot, db, tasks, entity_id, actor):
    from desktop.entities.panorama_view import PanoramaView

    view = PanoramaView(db, tasks, entity_id, reference=None, lang="zh_CN", actor=actor, today=AS_OF)
    qtbot.addWidget(view)
    view.resize(1300, 850)
    view.show()
    view.tabs.setCurrentWidget(view.credit)
    qtbot.waitUntil(lambda: view.credit.panel is not None and view.panorama is not None, timeout=15000)
    return view


def test_the_center_sees_the_class_its_records_weights_and_the_rule_set(qtbot, entities_db, tasks):
    entity = _entity(entities_db)
    add_record(entities_db, "leader", entity, "serious", AS_OF - dt.timedelta(days=30), "列入严重违法失信名单", department_id=20)
    view = _view(qtbot, entities_db, tasks, entity, "operator")
    e = explain(entities_db, entity, AS_OF)
    section = view.credit
    assert f"{e.score:.2f}" in section.summary.text() and "D" in section.summary.text()
    assert f"{e.rules_version}" in section.rules.text()
    model = section.table.model()
    assert model.rowCount() == len(e.records) and model.columnCount() == 7
    weights = [model.index(r, 4).data() for r in range(model.rowCount())]
    assert weights == [f"{w.weight:+.1f}" for w in e.records]
    assert re.search(rf"[(（]{len(e.records)}[)）]$", view.tabs.tabText(view.tabs.indexOf(section)))
    assert "《市场监督管理严重违法失信名单管理办法》" in section.measures.text()   # the black list's measures
    tasks.wait_idle()


def test_a_department_user_sees_records_and_its_own_measures_but_no_class(qtbot, entities_db, tasks):
    entity = _entity(entities_db)
    add_record(entities_db, "leader", entity, "serious", AS_OF - dt.timedelta(days=30), "列入严重违法失信名单", department_id=20)
    view = _view(qtbot, entities_db, tasks, entity, "scjg")   # 市场监管局: no public procurement measure
    section = view.credit
    assert section.panel.explanation is None
    assert section.table.model().columnCount() == 4           # no weight, decay or contribution
    shown = section.summary.text() + section.rules.text()
    assert "score" not in shown.lower() and not any(f"Class {c}" in shown for c in "ABCD")
    assert "不得参加评先评优" in section.measures.text() and "政府采购" not in section.measures.text()
    view_czj = _view(qtbot, entities_db, tasks, entity, "czj")  # 财政局: procurement, not inspections
    assert "政府采购" in view_czj.credit.measures.text() and "抽查比例" not in view_czj.credit.measures.text()
    tasks.wait_idle()


def _pdf_text(path) -> str:
    from pypdf import PdfReader

    return re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(str(path)).pages))


def test_the_pdf_carries_the_credit_section_as_the_viewer_may_see_it(console_app, qtbot, entities_db, tasks, tmp_path):
    entity = _entity(entities_db)
    add_record(entities_db, "leader", entity, "serious", AS_OF - dt.timedelta(days=30), "列入严重违法失信名单", department_id=20)
    e = explain(entities_db, entity, AS_OF)
    for actor, sees in (("operator", True), ("scjg", False)):
        view = _view(qtbot, entities_db, tasks, entity, actor)
        target = tmp_path / f"{actor}.pdf"
        with qtbot.waitSignal(view.pdf_written, timeout=20000):
            view.export_pdf(target)
        text = _pdf_text(target)
        assert "信用(" in text and "列入严重违法失信名单" in text and "联合" in text
        assert (f"{e.score:.2f}" in text) is sees and ("规则版本" in text) is sees
        assert ("仅供监管中心内部使用" in text) is not sees and "不得参加评先评优" in text
    tasks.wait_idle()
