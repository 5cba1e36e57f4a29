"""``tongguan feeds``, ``tongguan open311`` and ``tongguan serve open311``: the administrator's mapping,
a registration file taken once, a foreign Open311 file and its codes, the drop folder and its
results, API keys, and the server answering from the command line; errors in one clear line."""
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from desktop.cli.main import main
from tests.core.feeds.conftest import fresh_uscc

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    from core.demo.builder import build_demo
    from core.demo.spec import DemoSpec

    path = tmp_path_factory.mktemp("feedcli") / "city.sqlite"
    build_demo(str(path), DemoSpec(entities=600, seed=21, as_of=dt.date(2026, 11, 20), chunk=1000))
    return str(path)


def run(capsys, *args):
    code = main([*args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_mapping_catalogue_and_a_registration_file(city, tmp_path, capsys):
    assert run(capsys, "feeds", "permits", "set", "JY-FOOD", "食品经营许可", "--department", "SCJG",
               "--keywords", "食品经营|小餐饮", "--actor", "admin", "--db", city)[0] == 0
    code, _, err = run(capsys, "feeds", "permits", "set", "JY-X", "x", "--department", "SCJG", "--actor", "operator",
                       "--db", city)
    assert code == 2 and "feeds.manage" in err and "Traceback" not in err
    assert run(capsys, "feeds", "catalogue", "set", "CN-FOOD", "小餐饮登记（告知承诺）", "--department", "SCJG",
               "--text", "承诺符合小餐饮条件", "--standard", "现场核查", "--consequence", "撤销登记",
               "--keywords", "小餐饮", "--actor", "admin", "--db", city)[0] == 0
    code, out, _ = run(capsys, "feeds", "permits", "list", "--db", city, "--json")
    assert [r["permit_code"] for r in json.loads(out)] == ["JY-FOOD"]
    path = tmp_path / "registrations.csv"
    path.write_text("来源编号,统一社会信用代码,名称,主体类型,镇街,经营范围\n"
                    f"DJ-CLI-1,{fresh_uscc(6101)},某某小吃店,个体工商户,稠城街道,许可项目：小餐饮；烟草制品零售\n",
                    encoding="utf-8-sig")
    code, out, err = run(capsys, "feeds", "registrations", str(path), "--system", "djxt", "--actor", "operator",
                         "--db", city, "--json")
    assert code == 0, err
    taken = json.loads(out)
    assert (taken["added"], taken["pushes"], taken["queued"], taken["commitments"]) == (1, 2, 1, 1)
    code, out, _ = run(capsys, "feeds", "registrations", str(path), "--system", "djxt", "--actor", "operator",
                       "--db", city, "--json")
    assert (json.loads(out)["added"], json.loads(out)["already"], json.loads(out)["pushes"]) == (0, 1, 0)


def test_foreign_open311_codes_and_the_drop_folder(city, tmp_path, capsys):
    requests_ = [{"service_request_id": "CLI-1", "status": "open", "service_code": "0301", "service_name": "无证经营",
                  "description": "无证摊点", "requested_datetime": "2026-11-18T09:30:00+08:00", "lat": 29.3,
                  "long": 120.08, "extended_attributes": {"uscc": fresh_uscc(6201)}}]
    path = tmp_path / "hotline.json"
    path.write_text(json.dumps(requests_, ensure_ascii=False), encoding="utf-8")
    code, out, err = run(capsys, "open311", "import", str(path), "--system", "yw12345", "--actor", "operator",
                         "--db", city, "--json")
    assert code == 0 and json.loads(out)["imported"] == 1, err
    code, out, _ = run(capsys, "open311", "codes", "waiting", "--db", city, "--json")
    waiting = [{k: v for k, v in row.items() if k != "latest"} for row in json.loads(out)]
    assert {"source_system": "yw12345", "service_code": "0301", "service_name": "无证经营", "clues": 1} in waiting
    assert all(row["latest"] for row in json.loads(out))  # when the newest waiting clue came
    code, out, _ = run(capsys, "open311", "codes", "map", "0301", "SCJG-001", "--system", "yw12345",
                       "--actor", "admin", "--db", city)
    assert code == 0 and "1 waiting clues routed" in out
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "good.json").write_text(json.dumps([{**requests_[0], "service_request_id": "CLI-2"}]), encoding="utf-8")
    (folder / "bad.json").write_text("[{", encoding="utf-8")
    code, out, _ = run(capsys, "feeds", "watch", str(folder), "--system", "yw12345", "--once", "--interval", "0",
                       "--actor", "operator", "--db", city)
    assert code == 1  # a file failed
    assert "good.json" in out and "bad.json" in out and "FAILED" in out
    code, out, _ = run(capsys, "feeds", "results", "--system", "yw12345", "--db", city, "--json")
    assert {r["file_name"]: r["ok"] for r in json.loads(out)} == {"good.json": True, "bad.json": False}


def test_keys_and_the_server_from_the_command_line(city, capsys):
    code, out, _ = run(capsys, "open311", "key", "create", "grid-cli", "--actor", "admin", "--db", city, "--json")
    key = json.loads(out)["api_key"]
    code, out, _ = run(capsys, "open311", "key", "list", "--db", city, "--json")
    assert code == 0 and key not in out and json.loads(out)[0]["prefix"] == key[:12]
    code, _, err = run(capsys, "serve", "open311", "--host", "0.0.0.0", "--actor", "operator", "--db", city)
    assert code == 2 and "--allow-remote" in err
    server = subprocess.Popen([sys.executable, "-m", "desktop.cli.main", "serve", "open311", "--port", "0",
                               "--actor", "operator", "--db", city], cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        assert "Open311 GeoReport v2 on http://127.0.0.1:" in line, server.stderr.read() if not line else line
        base = line.split(" on ")[1].split("/ ")[0]
        assert requests.get(f"{base}/services.json", params={"api_key": key}, timeout=10).status_code == 200
        assert requests.get(f"{base}/services.json", timeout=10).status_code == 401
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_watch_takes_any_kind_and_results_show_it(city, tmp_path, capsys):
    folder = tmp_path / "dept"
    (folder / "entities").mkdir(parents=True)
    code_ = fresh_uscc(6101)
    (folder / "entities" / "e.csv").write_text(f"统一社会信用代码,名称,主体类型,镇街\n{code_},义乌市命令行商行,企业,稠城街道\n",
                                               encoding="utf-8")
    (folder / "bad.csv").write_text(f"统一社会信用代码,名称,主体类型,镇街\n{code_[:-1]}?,坏行,企业,稠城街道\n",
                                    encoding="utf-8")
    code, out, _ = run(capsys, "feeds", "watch", str(folder), "--system", "dept-cli", "--once", "--interval", "0",
                       "--actor", "operator", "--db", city)
    assert code == 1
    code, out, _ = run(capsys, "feeds", "results", "--system", "dept-cli", "--db", city)
    assert code == 0
    lines = {line.split("\t")[2]: line for line in out.splitlines()}
    assert "kind=entities\tok\t1 written" in lines["e.csv"]
    assert "kind=entities\tFAILED" in lines["bad.csv"] and "bad.csv:2:统一社会信用代码" in lines["bad.csv"]
    assert (folder / "failed" / "bad.csv.errors.xlsx").exists()
    code, _, err = run(capsys, "feeds", "watch", str(folder), "--system", "x", "--kind", "nonsense", "--once",
                       "--actor", "operator", "--db", city)
    assert code != 0 and "nonsense" in err and "Traceback" not in err
