"""``tongguan clues export|import --format open311``: a round trip between two cities, and a
bad file refused whole with the request and field named."""
import datetime as dt
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def tongguan(*args):
    return subprocess.run([sys.executable, "-m", "desktop.cli.main", *args], cwd=ROOT, capture_output=True,
                          check=False, text=True, timeout=300)


@pytest.fixture(scope="module")
def cities(tmp_path_factory):
    from core.demo.builder import build_demo
    from core.demo.spec import DemoSpec

    folder = tmp_path_factory.mktemp("cluecities")
    paths = []
    for name, seed in (("a", 3), ("b", 4)):
        path = folder / f"{name}.sqlite"
        build_demo(str(path), DemoSpec(entities=800, seed=seed, as_of=dt.date(2026, 11, 20), chunk=1000))
        paths.append(path)
    return paths


def test_export_and_import_between_cities(cities, tmp_path):
    a, b = cities
    out = tmp_path / "clues.json"
    done = tongguan("clues", "export", "--actor", "operator", "--format", "open311", "--state", "closed", str(out), "--db", str(a), "--json")
    assert done.returncode == 0, done.stderr
    count = json.loads(done.stdout)["requests"]
    closed = sqlite3.connect(a).execute("SELECT COUNT(*) FROM clues WHERE state IN ('closed', 'duplicate')").fetchone()[0]
    assert count == closed > 0
    requests = json.loads(out.read_text(encoding="utf-8"))
    assert all(r["status"] == "closed" for r in requests)
    # City b has other entities: strip the USCCs and let positions stand in for them.
    for r in requests:
        r["extended_attributes"].update(uscc=None, duplicate_of=None)
    out.write_text(json.dumps(requests, ensure_ascii=False), encoding="utf-8")
    before = sqlite3.connect(b).execute("SELECT COUNT(*) FROM clues").fetchone()[0]
    done = tongguan("clues", "import", "--format", "open311", str(out), "--actor", "operator", "--db", str(b), "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    after = sqlite3.connect(b).execute("SELECT COUNT(*) FROM clues").fetchone()[0]
    assert after - before == result["imported"] == count - result["already_here"]


def test_a_bad_file_imports_nothing_and_says_where(cities, tmp_path):
    _, b = cities
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([{"service_request_id": "X1", "status": "open", "description": "d",
                                "requested_datetime": "2026-11-18T09:00:00+08:00", "lat": 29.3, "long": 120.1},
                               {"service_request_id": "X2", "status": "maybe", "description": "d",
                                "requested_datetime": "2026-11-18T09:00:00+08:00", "lat": 29.3, "long": 120.1}]),
                   encoding="utf-8")
    before = sqlite3.connect(b).execute("SELECT COUNT(*) FROM clues").fetchone()[0]
    done = tongguan("clues", "import", "--format", "open311", str(bad), "--actor", "operator", "--db", str(b))
    assert done.returncode == 2
    assert "nothing imported" in done.stderr and "request 2 (X2): status" in done.stderr
    assert sqlite3.connect(b).execute("SELECT COUNT(*) FROM clues").fetchone()[0] == before


def test_an_export_holds_only_the_actors_clues(cities, tmp_path):
    from core.db.database import Database
    from tests.support.accounts import account

    a, _ = cities
    con = sqlite3.connect(a)
    dept_id, code = con.execute("SELECT d.id, d.code FROM clues c JOIN departments d ON d.id = c.department_id "
                                "GROUP BY d.id ORDER BY COUNT(*) DESC LIMIT 1").fetchone()
    total = con.execute("SELECT COUNT(*) FROM clues").fetchone()[0]
    own = con.execute("SELECT COUNT(*) FROM clues WHERE department_id = ?", (dept_id,)).fetchone()[0]
    db = Database.open(str(a))
    account(db, "cli_dept", "department", department=dept_id)
    account(db, "cli_planner", "planner")
    db.dispose()
    out = tmp_path / "dept.json"
    done = tongguan("clues", "export", "--actor", "cli_dept", "--format", "open311", str(out), "--db", str(a), "--json")
    assert done.returncode == 0, done.stderr
    requests = json.loads(out.read_text(encoding="utf-8"))
    assert json.loads(done.stdout)["requests"] == len(requests) == own < total
    assert {r["extended_attributes"]["agency_code"] for r in requests} == {code}
    refused = tmp_path / "planner.json"
    done = tongguan("clues", "export", "--actor", "cli_planner", "--format", "open311", str(refused), "--db", str(a))
    assert done.returncode != 0 and "nothing exported" in done.stderr and "clue.read" in done.stderr
    assert not refused.exists()
