"""Bad rows: each problem with file, row, column and reason; all or nothing by default, the valid
rows only on request; a dry run writes nothing; updates audited with before and after; a
department user is refused."""
from __future__ import annotations

import csv

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from core import uscc
from core.db.models import AuditEntry, EntityRecord, MarketEntity, Tag, entity_tags
from core.errors import PermissionDenied
from core.exchange import export_file, import_file, write_report
from core.exchange.spec import KINDS
from core.geo.coords import to_wgs84
from core.services.panorama import load_panorama
from tests.support.db_state import database_state

from .city import empty_city, import_samples

GOOD = uscc.with_check("91330782MA2T09991")
OTHER = uscc.with_check("91330782MA2T09992")
BAD_CHECK = GOOD[:17] + ("0" if GOOD[17] != "0" else "1")


@pytest.fixture
def city(db):
    empty_city(db)
    import_samples(db)
    return db


def _write(path, kind, rows, encoding="utf-8"):
    with open(path, "w", newline="", encoding=encoding) as fh:
        writer = csv.DictWriter(fh, fieldnames=KINDS[kind].headers)
        writer.writeheader()
        writer.writerows(rows)
    return path


def _entity(code, **cells):
    return {"统一社会信用代码": code, "名称": "义乌市试验商行", "主体类型": "企业", "镇街": "稠城街道", **cells}


def _mixed(tmp_path):
    return _write(tmp_path / "mixed.csv", "entities", [
        _entity(GOOD, 经度="120.08", 纬度="29.31", 坐标系="GCJ-02"),           # row 2: good
        _entity(BAD_CHECK),                                                    # row 3: check character
        _entity(OTHER, 镇街="不存在镇"),                                        # row 4: unknown town
        _entity(uscc.with_check("91330782MA2T09993"), 成立日期="2024-02-30"),   # row 5: bad date
        _entity(GOOD),                                                         # row 6: duplicate of row 2
        _entity(uscc.with_check("91330782MA2T09994"), 纬度="29.3"),            # row 7: latitude without longitude
        _entity(uscc.with_check("91330782MA2T09995")),                         # row 8: good, no position
    ], encoding="gb18030")


def test_mixed_bad_rows_are_all_reported_and_nothing_is_written(city, tmp_path):
    before = database_state(city.engine)
    result = import_file(city, "op", "entities", _mixed(tmp_path))
    found = {(p.row, p.column) for p in result.problems}
    assert found == {(3, "统一社会信用代码"), (4, "镇街"), (5, "成立日期"), (6, "统一社会信用代码"), (7, "经度")}
    reasons = {p.row: p.reason for p in result.problems}
    assert "校验码" in reasons[3] and f"should be '{GOOD[17]}'" in reasons[3]
    assert "第 2 行" in reasons[6]
    assert all(p.file == "mixed.csv" and str(p).startswith(f"mixed.csv:{p.row}:{p.column}: ") for p in result.problems)
    assert not result.committed and result.encoding == "gb18030"
    assert database_state(city.engine) == before

    report = tmp_path / "errors.xlsx"
    assert write_report(report, result.problems) == 5
    sheet = load_workbook(report, read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("文件 File", "行 Row", "列", "Column", "值 Value", "原因", "Reason")
    by_row = {r[1]: r for r in rows[1:]}
    assert by_row[4][2:6] == ("镇街", "Town or street (name or code)", "不存在镇", "未知的镇街: '不存在镇'")
    assert by_row[4][6] == "unknown town or street: '不存在镇'"


def test_valid_rows_only_imports_the_good_rows_and_still_fails(city, tmp_path):
    result = import_file(city, "op", "entities", _mixed(tmp_path), valid_rows_only=True)
    assert result.problems and result.committed and (result.new, result.updated) == (2, 0)
    with city.sessions() as s:
        placed = s.scalars(select(MarketEntity).where(MarketEntity.uscc.in_(
            [GOOD, uscc.with_check("91330782MA2T09995")])).order_by(MarketEntity.uscc)).all()
        assert [e.uscc for e in placed] == sorted([GOOD, uscc.with_check("91330782MA2T09995")])
        good = next(e for e in placed if e.uscc == GOOD)
        assert (good.lat, good.lng) == pytest.approx(to_wgs84(29.31, 120.08, "gcj02"), abs=1e-6)
        tag = s.scalar(select(Tag.id).where(Tag.code == "location_unverified"))
        flagged = set(s.scalars(select(entity_tags.c.entity_id).where(entity_tags.c.tag_id == tag)))
        unplaced = next(e for e in placed if e.uscc != GOOD)
        assert unplaced.id in flagged and good.id not in flagged
        assert unplaced.village_code.startswith(unplaced.town_code)
        assert s.scalar(select(MarketEntity.id).where(MarketEntity.uscc == OTHER)) is None
    panorama = load_panorama(city, unplaced.id, viewer="op")
    assert "位置待核实" in {t.name_zh for t in panorama.header.tags}
    assert "位置待核实" not in {t.name_zh for t in load_panorama(city, good.id, viewer="op").header.tags}


def test_a_dry_run_writes_nothing(city, tmp_path):
    before = database_state(city.engine)
    path = _write(tmp_path / "ok.csv", "entities", [_entity(GOOD)])
    result = import_file(city, "op", "entities", path, dry_run=True)
    assert result.ok and result.new == 1 and not result.committed
    assert database_state(city.engine) == before


def test_importing_twice_changes_nothing_and_updates_are_audited(city, tmp_path):
    path = _write(tmp_path / "p.csv", "penalties", [{
        "统一社会信用代码": uscc.with_check("91330782MA2T00001"), "来源系统": "办案系统", "来源编号": "P-1",
        "违法行为": "虚假宣传", "处罚日期": "2025-01-02", "处罚机关": "SCJG", "罚没金额（元）": "3000"}])
    assert import_file(city, "op", "penalties", path).new == 1
    before = database_state(city.engine)
    again = import_file(city, "op", "penalties", path)
    assert (again.new, again.updated, again.unchanged, again.committed) == (0, 0, 1, False)
    assert database_state(city.engine) == before

    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    rows[0]["罚没金额（元）"] = "4500"
    changed = import_file(city, "op", "penalties", _write(tmp_path / "p2.csv", "penalties", rows))
    assert (changed.new, changed.updated) == (0, 1)
    with city.sessions() as s:
        record = s.scalars(select(EntityRecord).where(EntityRecord.source_ref == "P-1")).one()
        assert record.amount_yuan == 4500
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "exchange.update",
                                                   AuditEntry.object_id == str(record.id))).one()
        assert '"amount_yuan": 3000' in entry.before and '"amount_yuan": 4500' in entry.after
        summary = s.scalars(select(AuditEntry).where(AuditEntry.action == "exchange.import")
                            .order_by(AuditEntry.id.desc())).first()
        assert '"updated": 1' in summary.after and summary.actor == "op"


def test_records_of_unknown_entities_or_departments_are_refused(city, tmp_path):
    path = _write(tmp_path / "l.csv", "licences", [
        {"统一社会信用代码": GOOD, "来源系统": "审批", "来源编号": "1", "许可事项": "食品经营许可", "许可日期": "2025-01-01"},
        {"统一社会信用代码": uscc.with_check("91330782MA2T00001"), "来源系统": "审批", "来源编号": "2",
         "许可事项": "食品经营许可", "许可日期": "2025-01-01", "许可机关": "不存在局"},
    ])
    result = import_file(city, "op", "licences", path)
    assert {(p.row, p.column) for p in result.problems} == {(2, "统一社会信用代码"), (3, "许可机关")}
    assert "未登记" in result.problems[0].reason or "未登记" in result.problems[1].reason


def test_a_department_user_may_neither_import_nor_export(city, tmp_path):
    before = database_state(city.engine)
    with pytest.raises(PermissionDenied) as refused:
        import_file(city, "scjg", "entities", _write(tmp_path / "e.csv", "entities", [_entity(GOOD)]))
    assert refused.value.permission == "data.import"
    with pytest.raises(PermissionDenied):
        export_file(city, "scjg", "entities", tmp_path / "out.csv")
    assert not (tmp_path / "out.csv").exists()
    assert database_state(city.engine) == before


def test_spreadsheet_cells_keep_their_meaning_whatever_their_type(city, tmp_path):
    import datetime as dt

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(list(KINDS["entities"].headers[:6]) + ["成立日期", "经度", "纬度"])
    sheet.append([GOOD, "义乌市试验商行", "企业", 330782001, 330782001001, 152, dt.datetime(2021, 3, 4), 120.07, 29.31])
    path = tmp_path / "typed.xlsx"
    book.save(path)
    result = import_file(city, "op", "entities", path)
    assert result.ok and result.new == 1, [str(p) for p in result.problems]
    with city.sessions() as s:
        e = s.scalars(select(MarketEntity).where(MarketEntity.uscc == GOOD)).one()
        assert (e.town_code, e.village_code, e.industry_code) == ("330782001", "330782001001", "0152")
        assert e.registered_on == dt.date(2021, 3, 4) and (e.lat, e.lng) == (29.31, 120.07)
