"""The watched drop folder: a good and a bad file are both taken, their results kept and the files
moved to done/ and failed/; a file still growing is left until it holds still."""
import csv
import json
import shutil
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from core.db.models import AuditEntry, Clue, EntityRecord, FeedFileResult, MarketEntity, RecordKind
from core.exchange import KINDS as EXCHANGE_KINDS
from core.exchange import import_file
from core.feeds.dropfolder import DropFolder, list_results, watch
from core.feeds.kinds import kind_of_header

from .conftest import fresh_uscc
from .samples import foreign_file

SYSTEM = "drop-sys"


def test_a_good_and_a_bad_file_are_taken_and_recorded(city, tmp_path):
    folder = tmp_path / "drop"
    folder.mkdir()
    foreign_file(city, folder / "good.json", "DROP")
    bad = [{"service_request_id": "BAD-1", "status": "pending", "description": "x",
            "requested_datetime": "2026-11-18T09:30:00+08:00", "lat": 29.3, "long": 120.08}]
    (folder / "bad.json").write_text(json.dumps(bad), encoding="utf-8")
    (folder / "half.json.part").write_text("[", encoding="utf-8")  # a writer's temporary file: never taken
    drop = DropFolder(city, "operator", folder, SYSTEM)
    assert drop.scan() == []  # the first look only notes sizes
    results = {r.file_name: r for r in drop.scan()}
    assert set(results) == {"good.json", "bad.json"}
    good, failed = results["good.json"], results["bad.json"]
    assert good.ok and (good.added, good.already) == (3, 0) and good.kind == "open311" and not good.problems
    assert not failed.ok and failed.added == 0 and "status" in failed.problems[0] and "BAD-1" in failed.problems[0]
    assert (folder / "done" / "good.json").exists() and (folder / "failed" / "bad.json").exists()
    assert not (folder / "good.json").exists() and (folder / "half.json.part").exists()
    assert len(good.sha256) == 64
    with city.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Clue).where(Clue.source_system == SYSTEM)) == 3
        assert s.scalar(select(func.count()).select_from(FeedFileResult).where(
            FeedFileResult.source_system == SYSTEM)) == 2
    shown = list_results(city, system=SYSTEM)
    assert {r.file_name: r.ok for r in shown} == {"good.json": True, "bad.json": False}


def test_a_growing_file_is_left_until_it_holds_still(city, tmp_path):
    folder = tmp_path / "drop"
    folder.mkdir()
    path = folder / "growing.json"
    drop = DropFolder(city, "operator", folder, SYSTEM)
    path.write_text('[{"service_request_id": "G', encoding="utf-8")
    assert drop.settled() == []
    with open(path, "a", encoding="utf-8") as fh:
        fh.write('ROW-1", "status": "open", "description": "占道", ')
    assert drop.settled() == []  # it grew since the last look
    with open(path, "a", encoding="utf-8") as fh:
        fh.write('"requested_datetime": "2026-11-18T09:30:00+08:00", "lat": 29.3, "long": 120.08}]')
    assert drop.settled() == []
    assert drop.settled() == [path]  # unchanged between two looks


def test_watch_once_takes_a_registration_file(city, tmp_path):
    folder = tmp_path / "reg"
    folder.mkdir()
    header = "来源编号,统一社会信用代码,名称,主体类型,镇街,经营范围\n"
    row = f"DJ-DROP-1,{fresh_uscc(5101)},义乌市某某小吃店,个体工商户,稠城街道,许可项目：小餐饮\n"
    (folder / "registrations.csv").write_bytes((header + row).encode("gb18030"))
    seen = []
    results = watch(city, "operator", folder, "djxt", interval=0, once=True, on_result=seen.append)
    assert [r.file_name for r in results] == ["registrations.csv"] and seen == results
    assert results[0].ok and results[0].kind == "registrations" and results[0].added == 1, results[0].problems


# --- every exchange kind (issue 16): the kind from the subfolder or from the headers -------------------

SAMPLES = Path(__file__).resolve().parents[3] / "resources" / "samples" / "exchange"
ENTITY_HEADER = "统一社会信用代码,名称,主体类型,镇街,村社,住所\n"


def _settle(drop: DropFolder) -> dict:
    """Two looks: the first notes sizes, the second takes what held still."""
    drop.scan()
    return {r.file_name: r for r in drop.scan()}


def _count(db, model, *where) -> int:
    with db.sessions() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def _sample_rows(kind: str) -> tuple[list[str], list[list[str]]]:
    with open(SAMPLES / f"{kind}.csv", encoding="utf-8-sig", newline="") as fh:
        header, *rows = list(csv.reader(fh))
    return header, rows


def _penalties_xlsx(path: Path) -> int:
    header, rows = _sample_rows("penalties")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return len(rows)


@pytest.mark.parametrize("kind", [k for k in EXCHANGE_KINDS if k != "registrations"])
def test_each_sample_header_is_told_as_its_kind(kind):
    header, _ = _sample_rows(kind)
    assert kind_of_header(header) == kind
    assert kind_of_header(list(reversed(header))) == kind  # the order of the columns does not matter


def test_header_detection_needs_the_required_columns_and_prefers_the_best_fit():
    entity = ["统一社会信用代码", "名称", "主体类型", "镇街"]
    assert kind_of_header(entity) == "entities"
    assert kind_of_header(entity[:3]) is None  # 镇街 is required
    # the registration feed's own file (来源编号, no 来源系统) explains more than the entity columns
    assert kind_of_header(["来源编号", *entity, "经营范围"]) == "registrations"
    # the exchange's registrations (with 来源系统) explains more than entities
    assert kind_of_header([*entity, "来源系统", "来源编号", "经营范围"]) == "registrations"
    assert kind_of_header(["统一社会信用代码", "来源系统", "来源编号", "违法行为", "处罚日期"]) == "penalties"


def test_an_entities_csv_in_its_subfolder_is_imported_and_moved(city, tmp_path):
    folder = tmp_path / "drop"
    (folder / "entities").mkdir(parents=True)
    _, rows = _sample_rows("entities")
    shutil.copy(SAMPLES / "entities.csv", folder / "entities" / "ents.csv")
    result = _settle(DropFolder(city, "operator", folder, SYSTEM))["ents.csv"]
    assert result.ok, result.problems
    assert result.kind == "entities" and result.added + result.already == len(rows)
    assert (folder / "entities" / "done" / "ents.csv").exists() and not (folder / "entities" / "ents.csv").exists()
    assert _count(city, MarketEntity, MarketEntity.uscc.in_([r[0] for r in rows])) == len(rows)
    assert list_results(city, system=SYSTEM)[0].kind == "entities"


def test_a_penalties_xlsx_is_told_from_its_headers(city, tmp_path):
    assert import_file(city, "operator", "entities", SAMPLES / "entities.csv").ok  # the entities it names
    folder = tmp_path / "drop"
    folder.mkdir()
    rows = _penalties_xlsx(folder / "cases.xlsx")
    result = _settle(DropFolder(city, "operator", folder, SYSTEM))["cases.xlsx"]
    assert result.ok, result.problems
    assert result.kind == "penalties" and result.added + result.already == rows
    assert _count(city, EntityRecord, EntityRecord.kind == RecordKind.PENALTY,
                  EntityRecord.source_system == "市场监管办案系统") == rows
    assert (folder / "done" / "cases.xlsx").exists()


def test_a_gb18030_csv_is_read(city, tmp_path):
    folder = tmp_path / "drop"
    folder.mkdir()
    code = fresh_uscc(5201)
    text = ENTITY_HEADER + f"{code},义乌市稠城镕喆饰品商行,个体工商户,稠城街道,,稠城路88号\n"
    (folder / "gbk.csv").write_bytes(text.encode("gb18030"))
    result = _settle(DropFolder(city, "operator", folder, SYSTEM))["gbk.csv"]
    assert result.ok and result.kind == "entities" and result.added == 1, result.problems
    with city.sessions() as s:
        assert s.scalar(select(MarketEntity.name).where(MarketEntity.uscc == code)) == "义乌市稠城镕喆饰品商行"


def test_a_file_with_bad_rows_fails_whole_with_its_error_report(city, tmp_path):
    folder = tmp_path / "drop"
    (folder / "entities").mkdir(parents=True)
    good = fresh_uscc(5301)
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")  # a wrong check character
    text = (ENTITY_HEADER + f"{good},义乌市好行,企业,稠城街道,,\n"
            f"{bad},义乌市坏行,企业,稠城街道,,\n{fresh_uscc(5302)},义乌市无镇行,企业,不存在的镇,,\n")
    (folder / "entities" / "mixed.csv").write_text(text, encoding="utf-8")
    result = _settle(DropFolder(city, "operator", folder, SYSTEM))["mixed.csv"]
    assert not result.ok and result.kind == "entities" and result.added == 0
    assert any("mixed.csv:3:统一社会信用代码" in p for p in result.problems), result.problems
    assert any("mixed.csv:4:镇街" in p for p in result.problems), result.problems
    failed = folder / "entities" / "failed"
    assert (failed / "mixed.csv").exists() and result.moved_to == str(failed / "mixed.csv")
    sheet = openpyxl.load_workbook(failed / "mixed.csv.errors.xlsx").active
    reported = [(row[1], row[2]) for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert (3, "统一社会信用代码") in reported and (4, "镇街") in reported
    assert _count(city, MarketEntity, MarketEntity.uscc == good) == 0  # all or nothing


def test_a_file_that_cannot_be_told_fails_with_a_report(city, tmp_path):
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "odd.csv").write_text("甲,乙\n1,2\n", encoding="utf-8")
    result = _settle(DropFolder(city, "operator", folder, SYSTEM))["odd.csv"]
    assert not result.ok and result.kind == "unknown" and "甲" in result.problems[0]
    assert (folder / "failed" / "odd.csv.errors.xlsx").exists()


def test_the_same_file_dropped_twice_changes_nothing_the_second_time(city, tmp_path):
    assert import_file(city, "operator", "entities", SAMPLES / "entities.csv").ok
    folder = tmp_path / "drop"
    (folder / "penalties").mkdir(parents=True)
    _, rows = _sample_rows("penalties")
    drop = DropFolder(city, "operator", folder, SYSTEM)
    shutil.copy(SAMPLES / "penalties.csv", folder / "penalties" / "p.csv")
    first = _settle(drop)["p.csv"]
    assert first.ok, first.problems
    records = _count(city, EntityRecord, EntityRecord.kind == RecordKind.PENALTY)
    audits = _count(city, AuditEntry)
    shutil.copy(SAMPLES / "penalties.csv", folder / "penalties" / "p.csv")
    second = _settle(drop)["p.csv"]
    assert second.ok and second.kind == "penalties" and (second.added, second.already) == (0, len(rows))
    assert second.sha256 == first.sha256
    assert _count(city, EntityRecord, EntityRecord.kind == RecordKind.PENALTY) == records
    assert _count(city, AuditEntry) == audits + 1  # only the file's own result
    assert len(list((folder / "penalties" / "done").iterdir())) == 2  # both copies kept


def test_entities_are_taken_before_the_records_that_name_them(city, tmp_path):
    folder = tmp_path / "drop"
    (folder / "entities").mkdir(parents=True)
    code = fresh_uscc(5401)
    (folder / "a-cases.csv").write_text(
        "统一社会信用代码,来源系统,来源编号,违法行为,处罚日期,处罚机关\n"
        f"{code},办案系统,CF-DROP-1,无照经营,2026-10-01,SCJG\n", encoding="utf-8")
    (folder / "entities" / "z-new.csv").write_text(ENTITY_HEADER + f"{code},义乌市新开商行,企业,稠城街道,,\n",
                                                   encoding="utf-8")
    results = _settle(DropFolder(city, "operator", folder, SYSTEM))
    assert [r.kind for r in results.values()] == ["entities", "penalties"]
    assert all(r.ok and r.added == 1 for r in results.values()), [r.problems for r in results.values()]
