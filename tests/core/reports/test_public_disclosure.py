"""Every export meant for the public leaves the internal fields out: the draw notice (with and
without results), the results publication and the public draw record carry no risk class, no
internal note and no inspector data beyond name and certificate number."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from core.db.models import InspectionResult

from core.services import draws
from core.services.draws.publication import publish_results

from .disclosure import NOTE, finished_batch, internal_markers, leaks


@pytest.fixture(scope="module")
def finished(demo_db):
    return finished_batch(demo_db)


def _xlsx_text(path) -> str:
    book = load_workbook(path, read_only=True)
    return "\n".join(str(c) for ws in book.worksheets for row in ws.iter_rows(values_only=True)
                     for c in row if c is not None)


def test_the_markers_are_really_in_the_database(demo_db, finished):
    """The scan can fail: the note is stored on the results and the inspectors have the data."""
    _b, tasks = finished
    with demo_db.sessions() as s:
        notes = set(s.scalars(select(InspectionResult.note).where(InspectionResult.task_id == tasks[0])))
    assert NOTE in notes
    assert len(internal_markers(demo_db, tasks[:3])) > 10
    assert leaks(f"x {NOTE} 高风险", internal_markers(demo_db, tasks[:3]))


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_notices_and_results_publication_carry_no_internal_field(demo_db, finished, tmp_path, lang):
    b, tasks = finished
    markers = internal_markers(demo_db, tasks)
    files = [draws.export_notice_xlsx(demo_db, b, tmp_path / "notice.xlsx", lang=lang),
             draws.export_notice_xlsx(demo_db, b, tmp_path / "results.xlsx", lang=lang, with_results=True)]
    text = "\n".join(_xlsx_text(f) for f in files)
    assert draws.notice_rows(demo_db, b)[0].uscc in text  # the scan reads the real content
    assert not leaks(text, markers)
    if lang == "zh_CN":
        publish_results(demo_db, "leader", b, tmp_path / "published.xlsx", task_ids=tasks[:3], lang=lang,
                        on=dt.date(2027, 3, 20))
        published = _xlsx_text(tmp_path / "published.xlsx")
        assert "发现问题" in published and not leaks(published, markers)


def test_the_public_draw_record_carries_no_class_village_or_conflict(demo_db, finished, tmp_path):
    b, tasks = finished
    path = draws.export_record(demo_db, b, tmp_path / "public.json", public=True)
    record = json.loads(path.read_text(encoding="utf-8"))
    text = json.dumps(record, ensure_ascii=False)
    markers = internal_markers(demo_db, tasks)
    assert not leaks(text, markers)
    inspectors = [i for d in record["departments"] for i in d["inspectors"]]
    assert inspectors and all(len(i) == 3 for i in inspectors)  # id, name, certificate number: nothing more
