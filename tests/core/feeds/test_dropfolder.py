"""The watched drop folder: a good and a bad file are both taken, their results kept and the files
moved to done/ and failed/; a file still growing is left until it holds still."""
import json

from sqlalchemy import func, select

from core.db.models import Clue, FeedFileResult
from core.feeds.dropfolder import DropFolder, list_results, watch

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
    from .conftest import fresh_uscc

    folder = tmp_path / "reg"
    folder.mkdir()
    header = "来源编号,统一社会信用代码,名称,主体类型,镇街,经营范围\n"
    row = f"DJ-DROP-1,{fresh_uscc(5101)},义乌市某某小吃店,个体工商户,稠城街道,许可项目：小餐饮\n"
    (folder / "registrations.csv").write_bytes((header + row).encode("gb18030"))
    seen = []
    results = watch(city, "operator", folder, "djxt", interval=0, once=True, on_result=seen.append)
    assert [r.file_name for r in results] == ["registrations.csv"] and seen == results
    assert results[0].ok and results[0].kind == "registrations" and results[0].added == 1, results[0].problems
