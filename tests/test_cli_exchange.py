"""``tongguan import`` / ``tongguan export``: problems as FILE:ROW:COLUMN: reason and exit 1 (never
a traceback), the error report, valid rows only, filters, refusals; and ``kill -9`` part-way
through a big import leaves the database as it was (SQLite and PostgreSQL)."""
from __future__ import annotations

import csv
import json
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from core import uscc
from core.db.database import Database
from core.db.models import MarketEntity, Town, Village
from core.exchange.spec import KINDS
from tests.core.exchange.city import SAMPLES, empty_city
from tests.support.db_state import database_state

ROOT = Path(__file__).resolve().parents[1]


def tongguan(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop.cli.main", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=600, check=False)


@pytest.fixture
def city(empty_db_url):
    db = empty_city(Database.open(empty_db_url))
    yield empty_db_url, db
    db.dispose()


def _mixed(path: Path) -> Path:
    good = [uscc.with_check(f"91330782MA2T0{n:04d}") for n in (8001, 8002)]
    rows = [[good[0], "义乌市甲商行", "企业", "稠城街道"], [good[0][:17] + "Z", "义乌市乙商行", "企业", "稠城街道"],
            [good[1], "义乌市丙商行", "个体工商户", "北苑街道"], [good[1], "义乌市丙商行", "企业", "火星镇"]]
    with open(path, "w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["统一社会信用代码", "名称", "主体类型", "镇街"])
        out.writerows(rows)
    return path


def test_bad_rows_are_printed_file_row_column_and_nothing_is_written(city, tmp_path):
    url, db = city
    before = database_state(db.engine)
    report = tmp_path / "errors.xlsx"
    done = tongguan("import", "entities", str(_mixed(tmp_path / "mixed.csv")), "--actor", "op", "--db", url,
                    "--report", str(report), "--quiet")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    lines = [line for line in done.stderr.splitlines() if line.startswith("mixed.csv:")]
    assert [line.split(":")[1:3] for line in lines] == [["3", "统一社会信用代码"], ["5", "镇街"]]
    assert "不允许的字符" in lines[0] and "火星镇" in lines[1]
    assert "nothing imported" in done.stdout
    assert database_state(db.engine) == before
    rows = list(load_workbook(report, read_only=True).worksheets[0].iter_rows(values_only=True))
    assert [(r[1], r[2]) for r in rows[1:]] == [(3, "统一社会信用代码"), (5, "镇街")]


def test_valid_rows_only_writes_the_good_rows_and_exits_1(city, tmp_path):
    url, db = city
    done = tongguan("import", "entities", str(_mixed(tmp_path / "mixed.csv")), "--actor", "op", "--db", url,
                    "--valid-rows-only", "--json", "--quiet")
    assert done.returncode == 1, done.stderr
    summary = json.loads(done.stdout)
    assert (summary["new"], summary["bad_rows"], summary["committed"]) == (2, 2, True)
    with db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(MarketEntity)) == 2


def test_export_with_a_filter_and_refusals(city, tmp_path):
    url, db = city
    assert tongguan("import", "entities", str(SAMPLES / "entities.csv"), "--actor", "op", "--db", url,
                    "--quiet").returncode == 0
    out = tmp_path / "town.json"
    done = tongguan("export", "entities", "--filter", "town=稠城街道,type=企业", str(out), "--actor", "op", "--db", url)
    assert done.returncode == 0, done.stderr
    exported = json.loads(out.read_text(encoding="utf-8"))
    with db.sessions() as s:
        chengcheng = s.scalar(select(Town.code).where(Town.name_zh == "稠城街道"))
        expected = s.scalar(select(func.count()).select_from(MarketEntity).where(
            MarketEntity.town_code == chengcheng, MarketEntity.entity_type == "enterprise"))
    assert len(exported) == expected > 0
    assert {r["镇街"] for r in exported} == {chengcheng} and {r["主体类型"] for r in exported} == {"企业"}

    bad = tongguan("export", "entities", "--filter", "colour=red", str(out), "--actor", "op", "--db", url)
    assert bad.returncode == 2 and "unknown filter" in bad.stderr and "Traceback" not in bad.stderr
    refused = tongguan("import", "entities", str(SAMPLES / "entities.csv"), "--actor", "scjg", "--db", url)
    assert refused.returncode == 2 and "nothing imported" in refused.stderr and "data.import" in refused.stderr


def _big_file(db: Database, path: Path, rows: int) -> Path:
    from tests.bench.import_suite import write_entities

    with db.sessions() as s:
        towns = [(t.code, t.name_zh, t.lat, t.lng) for t in s.scalars(select(Town).order_by(Town.code))]
        villages: dict[str, list[str]] = {}
        for v in s.scalars(select(Village)):
            villages.setdefault(v.town_code, []).append(v.name_zh)
    write_entities(path, rows, towns, villages)
    return path


def test_a_kill_part_way_through_an_import_leaves_the_database_as_it_was(city, tmp_path):
    url, db = city
    first = tongguan("import", "entities", str(SAMPLES / "entities.csv"), "--actor", "op", "--db", url, "--quiet")
    assert first.returncode == 0, first.stderr  # not empty: the kill must not take these either
    big = _big_file(db, tmp_path / "big.csv", 60_000)
    before = database_state(db.engine)
    args = [sys.executable, "-m", "desktop.cli.main", "import", "entities", str(big), "--actor", "op", "--db", url]
    rng = random.Random(16)
    kills = 0
    for _ in range(3):
        proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        # Kill once the import is under way: its progress has passed the first chunk.
        seen = ""
        while proc.poll() is None and not re.search(r"\[\s*\d+%\] [\d,]+ rows", seen):
            seen += proc.stderr.readline()
        time.sleep(rng.uniform(0.0, 1.0))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait()
        proc.stderr.close()
        assert database_state(db.engine) == before
    assert kills >= 2
    done = tongguan("import", "entities", str(big), "--actor", "op", "--db", url, "--quiet")
    assert done.returncode == 0, done.stderr
    with db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(MarketEntity)) == 60_000 + 10
