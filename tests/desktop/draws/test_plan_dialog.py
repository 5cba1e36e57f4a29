"""The new-plan dialog sets the plan's ratio bands and capacity; the plan keeps what was chosen."""
from __future__ import annotations

import datetime as dt

from core.draws.bands import DEFAULT_BANDS
from core.db.models import DrawPlan
from desktop.draws.plan_dialog import PlanDialog

from ..test_entities_support import entities_db, entities_template  # noqa: F401 - fixtures
from .test_draws_workspace import make_workspace  # noqa: F401 - fixture


def test_bands_start_from_the_local_table_and_refuse_what_the_rules_refuse(console_app, qtbot):
    dialog = PlanDialog(dt.date(2026, 12, 6))
    qtbot.addWidget(dialog)
    assert dialog.year.value() == 2027 and dialog.bands() == DEFAULT_BANDS
    assert not dialog.create_button.isEnabled()  # no name yet
    dialog.name.setText("2027年度计划")
    assert dialog.create_button.isEnabled()
    low_a, high_a = dialog.band_spins["A"]
    high_a.setValue(30)  # A up to 30%, above B's 20%: falls as risk rises
    assert not dialog.create_button.isEnabled() and dialog.problem.text()
    high_a.setValue(5)
    low_a.setValue(8)  # from above to
    assert not dialog.create_button.isEnabled()
    low_a.setValue(1)
    assert dialog.create_button.isEnabled() and not dialog.problem.text()


def test_the_workspace_creates_the_plan_with_the_chosen_bands(make_workspace, entities_db, qtbot):  # noqa: F811
    ws = make_workspace()
    dialog = ws.new_plan_dialog()
    dialog.name.setText("区间计划")
    dialog.band_spins["A"][1].setValue(3)
    dialog.capacity.setValue(4)
    with qtbot.waitSignal(ws.plans_loaded, timeout=20_000):
        dialog.accept()
    qtbot.waitUntil(lambda: ws.tree.current_plan_id() is not None, timeout=20_000)
    plan_id = ws.tree.current_plan_id()
    with entities_db.sessions() as s:
        plan = s.get(DrawPlan, plan_id)
        assert plan.name == "区间计划" and plan.visit_capacity == 4
        assert [round(x, 4) for x in plan.sampling_bands["A"]] == [0.0, 0.03]
        assert [round(x, 4) for x in plan.sampling_bands["D"]] == [0.61, 1.0]
