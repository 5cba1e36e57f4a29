"""Timeline facts become credit records once: which count, a removal ends its listing, nothing twice."""
from __future__ import annotations

import datetime as dt

from core.credit import records_of, rescore, score_city
from core.db.models import EntityRecord, RecordKind

from .support import new_entity


def test_timeline_facts_become_credit_records_once(demo_db):
    eid = new_entity(demo_db, "时间线辛")
    facts = [
        (RecordKind.CREDIT, "列入经营异常名录（通过登记住所无法联系）", "已列入", dt.date(2023, 5, 1)),
        (RecordKind.CREDIT, "列入经营异常名录（未按期年报）", "已列入", dt.date(2024, 1, 10)),
        (RecordKind.CREDIT, "移出经营异常名录", "已移出", dt.date(2024, 6, 1)),
        (RecordKind.CREDIT, "列入经营异常名录（通过登记住所无法联系）", "已列入", dt.date(2025, 3, 1)),
        (RecordKind.CREDIT, "年度报告公示", "已公示", dt.date(2025, 6, 30)),        # no credit fact
        (RecordKind.COMPLAINT, "12345投诉：价格欺诈", "调解成功", dt.date(2026, 2, 1)),
        (RecordKind.COMPLAINT, "12345投诉：噪声扰民", "不予受理", dt.date(2026, 3, 1)),  # not upheld
        (RecordKind.COMPLAINT, "12345投诉：短斤缺两", "经核查不属实", dt.date(2026, 3, 2)),  # 不属实 holds 属实
        (RecordKind.PENALTY, "虚假宣传", "罚款", dt.date(2026, 4, 1)),
        (RecordKind.HONOUR, "守合同重信用企业", "授予", dt.date(2026, 5, 1)),
        (RecordKind.INSPECTION, "双随机抽查", "未发现问题", dt.date(2026, 5, 2)),   # not a credit kind
    ]
    with demo_db.bootstrap_uow("import") as uow:
        uow.session.add_all(EntityRecord(entity_id=eid, kind=k, occurred_on=d, title=t, outcome=o)
                            for k, t, o, d in facts)
        uow.commit()
    for _ in range(2):   # a record arriving, twice over
        with demo_db.bootstrap_uow("test") as uow:
            rescore(uow.session, [eid], dt.date(2026, 11, 20))
            uow.commit()
    score_city(demo_db, None, as_of=dt.date(2026, 11, 20))   # and the whole city after
    got = [(r.kind, r.occurred_on, r.ended_on) for r in records_of(demo_db, [eid])[eid]]
    assert got == [("abnormal", dt.date(2023, 5, 1), None),      # the removal ended the latest listing only
                   ("abnormal", dt.date(2024, 1, 10), dt.date(2024, 6, 1)),
                   ("abnormal", dt.date(2025, 3, 1), None),
                   ("upheld_complaint", dt.date(2026, 2, 1), None),
                   ("penalty", dt.date(2026, 4, 1), None),
                   ("honour", dt.date(2026, 5, 1), None)]
