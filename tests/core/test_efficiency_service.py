"""The efficiency service: the snapshot is used while the data is unchanged and caught up after; items are
described by their own numbers; the report adds up."""
import datetime as dt

import numpy as np
import pytest
from openpyxl import load_workbook

from core.deadlines import Kind, by_group, rank_rows
from core.services import efficiency as service
from core.services import obligations

AS_OF = dt.date(2026, 11, 20)


def _same(a, b):
    return all(np.array_equal(getattr(a, n), getattr(b, n)) for n in ("kind", "item_id", "due", "done", "town"))


def test_the_snapshot_serves_until_the_data_changes(demo_db, tmp_path):
    first = service.load_efficiency(demo_db, AS_OF, snapshot_dir=tmp_path)
    assert first.fresh and list((tmp_path / "deadlines").glob("*.npz"))
    again = service.load_efficiency(demo_db, AS_OF, snapshot_dir=tmp_path)
    assert again.fresh and _same(first.items, again.items) and again.items.town_codes == first.items.town_codes
    queue = [p for p in obligations.shared_queue(demo_db, limit=10)]
    pending = queue[0] if queue else None
    if pending is None:  # every demo push is settled: make a change the audit log records anyway
        from core.services import clues
        clues.save_rule(demo_db, "leader", town_code=first.items.town_codes[0], department_id=1)
    else:
        obligations.claim_push(demo_db, "operator", pending.id, 1)
    # The snapshot catches up with the change (tests/core/deadlines/test_refresh.py: and with what not)
    caught_up = service.load_efficiency(demo_db, AS_OF, snapshot_dir=tmp_path, allow_stale=True)
    assert caught_up.fresh and _same(caught_up.items, service.load_efficiency(demo_db, AS_OF).items)
    for f in (tmp_path / "deadlines").glob("*.npz"):
        f.write_bytes(b"not a snapshot")
    assert service.load_efficiency(demo_db, AS_OF, snapshot_dir=tmp_path).fresh  # a broken file is ignored


def test_items_are_described_by_their_numbers(demo_db):
    data = service.load_efficiency(demo_db, AS_OF)
    picks = [int(np.flatnonzero(data.items.kind == k)[0]) for k in np.unique(data.items.kind)]
    kinds, ids = data.items.kind[picks].tolist(), data.items.item_id[picks].tolist()
    lines = service.describe_items(demo_db, kinds, ids)
    assert set(lines) == set(zip(kinds, ids))
    for line in lines.values():
        ref = service.reference(line)
        assert ref and line.subject
        if line.kind == Kind.CLUE_HANDLING:
            assert ref.startswith("XS")
        if line.kind == Kind.INSPECTION_TASK:
            assert ref == f"JC{line.item_id:06d}"


def test_the_report_adds_up_to_every_clock(demo_db, tmp_path):
    data = service.load_efficiency(demo_db, AS_OF)
    ranked = rank_rows(by_group(data.items, data.assessment, "town"), "on_time_rate")
    rows = service.report_rows(ranked, data.names, "zh_CN")
    path = service.write_report_xlsx(tmp_path / "r.xlsx", "效能报表", [("按镇街", service.REPORT_HEADERS["zh"], rows)])
    sheet = list(load_workbook(path, read_only=True)["按镇街"].iter_rows(values_only=True))
    assert sheet[0][0] == "效能报表" and sheet[1][0] == "排名"
    assert sum(r[2] for r in sheet[2:]) == len(data.items)
    names = {r[1] for r in sheet[2:]}
    assert any(n.endswith(("街道", "镇")) for n in names)


def test_the_report_shows_rates_as_percentages_under_a_frozen_filtered_header(demo_db, tmp_path):
    data = service.load_efficiency(demo_db, AS_OF)
    ranked = rank_rows(by_group(data.items, data.assessment, "department"), "on_time_rate")
    rows = service.report_rows(ranked, data.names, "en")
    path = service.write_report_xlsx(tmp_path / "r.xlsx", "Report", [("By department", service.REPORT_HEADERS["en"],
                                                                        rows)])
    ws = load_workbook(path)["By department"]
    assert ws.freeze_panes == "A3" and ws.auto_filter.ref == f"A2:J{2 + len(rows)}"
    rates = [(row[5], r.on_time_rate) for row, (_, r) in zip(ws.iter_rows(min_row=3), ranked)]
    shown = [(cell, rate) for cell, rate in rates if rate is not None]
    assert shown and all(cell.number_format == "0.0%" and cell.value == pytest.approx(rate) for cell, rate in shown)
    assert all(str(row[5]).endswith("%") for row in rows if row[5] != "")  # the PDF prints the row's text
