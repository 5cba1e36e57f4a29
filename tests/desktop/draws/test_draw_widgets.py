"""Draw widgets on their own: the batch editor's form and the ceremony's reveal."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt

from core.services.matters import departments_with_matters
from desktop.draws.batch_editor import BatchEditor, BatchForm
from desktop.draws.ceremony import CeremonyData, CeremonyPick, CeremonyView
from desktop.entities.reference import load_reference

from ..test_entities_support import entities_db, entities_template  # noqa: F401 - fixtures


def test_the_editor_returns_what_the_planner_entered(console_app, entities_db, qtbot):  # noqa: F811
    departments = departments_with_matters(entities_db)
    with_matters = [d for d in departments if d.matters][:2]
    form = BatchForm(name="食品联合抽查", lead_department_id=with_matters[0].id,
                     departments=[(with_matters[0].id, 3, [with_matters[0].matters[0].id])])
    editor = BatchEditor(departments, load_reference(entities_db), "zh_CN", form)
    qtbot.addWidget(editor)
    # Add the second department with all its matters, and switch to fixed counts.
    tree = editor.tree
    item = next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
                if tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == with_matters[1].id)
    item.setCheckState(0, Qt.CheckState.Checked)
    for j in range(item.childCount()):
        item.child(j).setCheckState(0, Qt.CheckState.Checked)
    editor.count_radio.setChecked(True)
    editor.count_spins["D"].setValue(7)
    editor.end_edit.setDate(QDate(2027, 5, 31))
    out = editor.form()
    assert out.name == "食品联合抽查" and out.lead_department_id == with_matters[0].id
    assert (with_matters[0].id, 3, [with_matters[0].matters[0].id]) in out.departments
    assert (with_matters[1].id, 2, [m.id for m in with_matters[1].matters]) in out.departments
    assert out.sampling == {"counts": {"A": 0, "B": 0, "C": 0, "D": 7}}
    assert out.window_end == dt.date(2027, 5, 31)
    assert out.pool_filter == {"statuses": ["active"]}
    assert out.avoidance == {"declared_conflicts": True, "last_inspection": True, "same_village": False}


def test_the_ceremony_reveals_every_pick_and_no_risk_class(console_app, qtbot):
    picks = tuple(CeremonyPick(i, f"义乌市第{i}商行", f"92330782MA2{i:07d}", "稠城街道", "市场监管局：张三、李四")
                  for i in range(1, 6))
    view = CeremonyView()
    qtbot.addWidget(view)
    finished = []
    view.finished.connect(lambda: finished.append(True))
    view.set_data(CeremonyData("2027-1 食品经营主体双随机联合抽查", 1234, "ab" * 32, "rfc3797",
                               ("9319", "2 5 12 8 10"), "", "", "9319./2.5.8.10.12./", picks))
    qtbot.waitUntil(lambda: bool(finished), timeout=5000)
    assert view.shown_count() == view.picks.count() == 5
    assert "1234" in view.facts.text().replace(",", "") and "9319./2.5.8.10.12./" in view.facts.text()
    texts = [view.picks.item(i).text() for i in range(5)]
    assert texts[0].strip().startswith("1.") and "义乌市第5商行" in texts[4]
    assert not any("风险" in t or "risk" in t.lower() for t in texts)
    view.start()
    assert view.picks.count() == 0
    view.show_all()
    assert view.picks.count() == 5
