"""The public notice: who, what, by whom, when, later the result; never the risk class."""
import pytest
from openpyxl import load_workbook

from tests.support.accounts import task_user
from core.errors import ValidationError
from core.services import draws

from .helpers import batch, lock_and_draw, plan

RISK_WORDS = ("风险", "risk", "信用分类", "stratum", "类别")


def _cells(path):
    sheet = load_workbook(path, read_only=True).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_notice_rows_are_in_code_order_without_risk_class(demo_db):
    b = batch(demo_db, plan(demo_db), depts=(("SCJG", 2, 2), ("WJJ", 2, 1)))
    drawn = lock_and_draw(demo_db, b)
    rows = draws.notice_rows(demo_db, b)
    assert [r.uscc for r in rows] == sorted(p.uscc for p in drawn.picks)  # pick order would reveal strata
    assert [r.no for r in rows] == list(range(1, len(rows) + 1))
    assert rows[0].departments_zh == ("市场监管局", "卫健局") and len(rows[0].matters_zh) == 3
    assert all(r.outcome is None for r in rows)
    assert not any(hasattr(r, name) for r in rows[:1] for name in ("risk_class", "stratum"))
    with pytest.raises(ValidationError, match="only a drawn / published"):
        draws.notice_rows(demo_db, batch(demo_db, plan(demo_db)))


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_notice_xlsx_has_no_risk_class_column_or_value(demo_db, tmp_path, lang):
    b = batch(demo_db, plan(demo_db))
    drawn = lock_and_draw(demo_db, b)
    task = drawn.picks[0].task_id
    items = draws.task_checklist(demo_db, task).items
    for n, item in enumerate(items):
        draws.record_result(demo_db, task_user(demo_db, task), task, item.item_id, "fail" if n == 0 else "pass")
    draws.publish_batch(demo_db, "leader", b)
    path = draws.export_notice_xlsx(demo_db, b, tmp_path / "notice.xlsx", lang=lang, with_results=True)
    cells = _cells(path)
    title, header, *body = cells
    assert len(body) == len(drawn.picks)
    assert not any(word in str(h).lower() for h in header for word in RISK_WORDS)
    values = {str(v) for row in body for v in row}
    assert not values & {"A", "B", "C", "D"}
    assert {p.uscc for p in drawn.picks} <= values
    by_uscc = {row[2]: row for row in body}
    first = by_uscc[drawn.picks[0].uscc]
    assert first[7] == ("发现问题" if lang == "zh_CN" else "Problems found") and first[8]
    others = [row for row in body if row[2] != drawn.picks[0].uscc]
    assert all(row[7] in ("尚未检查", "Not yet inspected") for row in others)
    if lang == "zh_CN":
        assert header[:3] == ["序号", "市场主体名称", "统一社会信用代码"] and "抽查结果公示" in title[0]
    with pytest.raises(ValidationError, match="xlsx"):
        draws.export_notice_xlsx(demo_db, b, tmp_path / "notice.csv")


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_notice_lead_and_footer_say_how_many_and_how_to_verify(demo_db, lang):
    b = batch(demo_db, plan(demo_db))
    drawn = lock_and_draw(demo_db, b)
    detail = draws.batch_detail(demo_db, b)
    lead = draws.notice_lead(demo_db, b, lang=lang)
    footer = draws.notice_footer(demo_db, b, lang=lang)
    assert f"{len(drawn.picks):,}" in lead and f"{detail.pool_count:,}" in lead
    assert detail.window_start.isoformat() in lead
    assert ("市场监管局" if lang == "zh_CN" else "Market") in lead
    assert detail.pool_hash in footer and detail.record_digest in footer and detail.draw_key in footer
    assert "tongguan draw verify" in footer
    assert not any(word in (lead + footer).lower() for word in RISK_WORDS)


def _imported_batch(db) -> int:
    """A published demo batch from before draws were recorded: no draw record, no key."""
    from sqlalchemy import select

    from core.db.models import DrawBatch, DrawRecord, DrawStatus
    with db.sessions() as s:
        return s.scalars(select(DrawBatch.id).where(DrawBatch.status == DrawStatus.PUBLISHED,
                                                    ~DrawBatch.id.in_(select(DrawRecord.batch_id)))
                         .order_by(DrawBatch.id)).first()


@pytest.mark.parametrize(("lang", "reason"), [("zh_CN", "系统启用前导入，无抽取记录"),
                                              ("en", "imported from before draws were recorded")])
def test_footer_of_an_imported_batch_says_what_is_missing_and_why(demo_db, lang, reason):
    b = _imported_batch(demo_db)
    assert b is not None, "the demo has published batches imported without a draw record"
    footer = draws.notice_footer(demo_db, b, lang=lang)
    lead = draws.notice_lead(demo_db, b, lang=lang, with_results=True)
    for text in (footer, lead):
        assert "None" not in text and "：。" not in text and "：；" not in text and ": ." not in text
    assert reason in footer
    assert draws.batch_detail(demo_db, b).pool_hash in footer
    assert "不能" in footer if lang == "zh_CN" else "cannot be re-run" in footer


def test_results_notice_xlsx_is_typed_frozen_and_filtered(demo_db, tmp_path):
    b = _imported_batch(demo_db)
    path = draws.export_notice_xlsx(demo_db, b, tmp_path / "n.xlsx", with_results=True)
    ws = load_workbook(path).active
    assert ws.freeze_panes == "A3" and ws.auto_filter.ref.startswith("A2:I")  # the title row stays above
    body = list(ws.iter_rows(min_row=3))
    assert body and all(r[2].data_type == "s" and r[2].number_format == "@" and len(r[2].value) == 18
                        for r in body)
    assert all(r[0].data_type == "n" for r in body)
    done = [r[8] for r in body if r[8].value is not None]
    assert done and all(c.is_date and c.number_format == "yyyy-mm-dd" for c in done)
