"""Issue 12 in the draws UI: the override reason and the matter-fit narrowing in the editor,
warnings and the override on the batch overview."""
from __future__ import annotations

import datetime as dt

from core.services import draws
from core.services.matters import departments_with_matters
from desktop.draws.batch_editor import BatchEditor, BatchForm
from desktop.draws.batch_overview import BatchOverview
from desktop.draws.forms import detail_to_form
from desktop.entities.reference import load_reference
from desktop.i18n import install_language

from ...core.services_draws.helpers import ALL, batch, plan
from ..test_entities_support import entities_db, entities_template  # noqa: F401 - fixtures


def test_the_editor_narrows_the_pool_and_records_an_override_reason(console_app, entities_db, qtbot):  # noqa: F811
    departments = departments_with_matters(entities_db)
    d = next(x for x in departments if x.matters)
    editor = BatchEditor(departments, load_reference(entities_db), "zh_CN",
                         BatchForm(name="食品", lead_department_id=d.id, departments=[(d.id, 2, [d.matters[0].id])]))
    qtbot.addWidget(editor)
    assert "override" not in editor.form().sampling and "fit_matters" not in editor.form().pool_filter
    editor.fit_matters.setChecked(True)                     # one click
    editor.override_edit.setText("  夏季专项整治  ")
    out = editor.form()
    assert out.pool_filter["fit_matters"] is True
    assert out.sampling["override"] == {"reason": "夏季专项整治"}
    b = draws.create_batch(entities_db, "planner", plan(entities_db, bands=None), name=out.name,
                           lead_department_id=d.id, window_start=out.window_start, window_end=out.window_end,
                           departments=out.departments, pool_filter=out.pool_filter, sampling=out.sampling)
    again = BatchEditor(departments, None, "zh_CN", detail_to_form(draws.batch_detail(entities_db, b)))
    qtbot.addWidget(again)
    assert again.fit_matters.isChecked() and again.override_edit.text() == "夏季专项整治"


def test_the_overview_lists_warnings_apart_and_shows_the_override(console_app, entities_db, qtbot):  # noqa: F811
    day = dt.date(2027, 3, 2)
    b = batch(entities_db, plan(entities_db, bands=None, capacity=0.01), window=(day, day),
              sampling={**ALL, "override": {"reason": "全覆盖专项"}})
    result = draws.check_batch(entities_db, b)
    assert not result and "over_capacity" in [w.code for w in result.warnings]
    install_language(console_app, "en")  # the overview's words and core's messages both in English
    overview = BatchOverview(show_risk=True, read_only=False, lang="en")
    qtbot.addWidget(overview)
    overview.set_detail(draws.batch_detail(entities_db, b))
    assert "全覆盖专项" in overview.facts.text() and "planner" in overview.facts.text()
    overview.set_problems(result)
    note = overview.problem_note.text()
    assert f"{len(result.warnings)} warnings" in note and "“Edit…”" in note  # none blocks locking
    [text] = [t for t in overview.problem_texts() if "visits" in t]
    assert text.startswith("Warning: Department") and "visits per inspector per working day" in text
    assert "State Council Guideline 2019 No. 5" in text
