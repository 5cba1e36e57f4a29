"""``tongguan draw``: run a plan file, verify a record without a database, RFC 3797 by hand."""
import datetime as dt
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# RFC 3797 sec. 6: the example's 25 names, its three sources and the ten it selects.
RFC_NAMES = ["John", "Mary", "Bashful", "Dopey", "Sleepy", "Grouchy", "Doc", "Sneazy", "Handsome", "Cassandra", "Pollyanna", "Pendragon", "Pandora", "Faith", "Hope", "Charity", "Lee", "Longsuffering", "Chastity", "Smith", "Pride", "Sloth", "Envy", "Anger", "Kasczynski"]
RFC_SOURCES = ("9319", "2 5 12 8 10", "9 18 26 34 41 45")
RFC_PICKS = [17, 7, 2, 16, 25, 23, 8, 24, 19, 13]


def tongguan(*args):
    return subprocess.run([sys.executable, "-m", "desktop.cli.main", *args], cwd=ROOT, capture_output=True, check=False,
                          text=True, timeout=300)


def rfc(pool_file, *extra):
    sources = [a for s in RFC_SOURCES for a in ("--source", s)]
    return tongguan("draw", "rfc3797", str(pool_file), *sources, *extra)


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    from core.demo.builder import build_demo
    from core.demo.spec import DemoSpec

    path = tmp_path_factory.mktemp("drawcity") / "city.sqlite"
    build_demo(str(path), DemoSpec(entities=3000, seed=11, as_of=dt.date(2026, 11, 20), chunk=1000))
    return path


def test_rfc3797_example_gives_the_rfcs_picks(tmp_path):
    pool = tmp_path / "pool.txt"
    pool.write_text("\n".join(RFC_NAMES) + "\n", encoding="utf-8")
    result = rfc(pool, "--count", "10")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "key: 9319./2.5.8.10.12./9.18.26.34.41.45./"
    picks = [line.split("\t") for line in lines[2:]]
    assert [int(p[1]) for p in picks] == RFC_PICKS
    assert [p[2] for p in picks][:3] == ["Lee", "Doc", "Mary"]
    js = json.loads(rfc(pool, "--count", "10", "--json").stdout)
    assert [p["line"] for p in js["picks"]] == RFC_PICKS and js["pool_size"] == 25


def test_rfc3797_errors_name_the_file_and_line(tmp_path):
    pool = tmp_path / "pool.txt"
    pool.write_text("John\nMary\n\nDopey\n", encoding="utf-8")
    empty = rfc(pool, "--count", "1")
    assert empty.returncode == 2 and f"{pool}:3" in empty.stderr and "empty line" in empty.stderr
    pool.write_text("John\nMary\nJohn\n", encoding="utf-8")
    dup = rfc(pool, "--count", "1")
    assert dup.returncode == 2 and f"{pool}:3" in dup.stderr and "line 1" in dup.stderr
    pool.write_text("John\nMary\n", encoding="utf-8")
    too_many = rfc(pool, "--count", "3")
    assert too_many.returncode == 2 and "2 candidates" in too_many.stderr
    missing = rfc(tmp_path / "nope.txt", "--count", "1")
    assert missing.returncode == 2 and "nope.txt" in missing.stderr
    bad = tongguan("draw", "rfc3797", str(pool), "--source", "  ", "--count", "1")
    assert bad.returncode == 2 and "--source 1" in bad.stderr


def _plan(path: Path, village: str, **overrides) -> Path:
    plan = {
        "year": 2027, "name": overrides.pop("name", "2027年度联合抽查（命令行）"), "actor": "planner",
        # One village is a small pool: the plan widens the local ratio table's bands for it.
        "sampling_bands": {"A": [0.01, 1], "B": [0.01, 1], "C": [0.01, 1], "D": [0.01, 1]},
        "batches": [
            {"name": "食品经营双随机", "lead_department": "SCJG",
             "departments": [{"department": "SCJG", "team_size": 2, "matters": ["SCJG-001"]},
                             {"department": "卫健局", "team_size": 2, "matters": ["WJJ-001"]}],
             "window": ["2027-03-01", "2027-04-30"], "pool": {"village_codes": [village]},
             "sampling": {"ratios": {"A": 0.2, "B": 0.5, "C": 1.0, "D": 1.0}},
             "avoidance": {"declared_conflicts": True, "last_inspection": True},
             "randomness": {"kind": "seed"}},
            {"name": "综合执法双随机", "lead_department": "行政执法局",
             "departments": [{"department": "XZZF", "team_size": 2, "matters": ["XZZF-001"]}],
             "window": ["2027-04-01", "2027-05-31"], "pool": {"village_codes": [village]},
             "sampling": {"counts": {"A": 3, "B": 3, "C": 3, "D": 3}},
             "randomness": {"kind": "rfc3797", "sources": list(RFC_SOURCES), "announcement": "RFC 3797 例"}},
        ]}
    for key, value in overrides.items():
        plan["batches"][0][key] = value
    path.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    return path


def _village(city: Path) -> str:
    with sqlite3.connect(city) as conn:
        return conn.execute("SELECT village_code FROM market_entities WHERE status = 'active' GROUP BY village_code "
                            "HAVING COUNT(*) >= 30 ORDER BY village_code LIMIT 1").fetchone()[0]


def test_run_a_plan_file_then_verify_its_records(city, tmp_path):
    plan = _plan(tmp_path / "plan2027.json", _village(city))
    result = tongguan("draw", "run", str(plan), "--db", str(city), "--json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    first, second = summary["batches"]
    assert first["randomness"] == "seed" and len(first["seed"]) == 64 and first["key"] == "seed:" + first["seed"]
    assert second["key"] == "9319./2.5.8.10.12./9.18.26.34.41.45./" and second["sources"][1] == "2 5 12 8 10"
    assert second["tasks_merged"] > 0  # overlapping windows in one plan: joint visits
    for b in (first, second):
        record = Path(b["record_file"])
        assert record.name == f"plan2027.{b['batch_id']}.record.json" and record.parent == tmp_path
        ok = tongguan("draw", "verify", str(record))
        assert ok.returncode == 0, ok.stdout + ok.stderr
        assert ok.stdout.startswith("OK") and b["digest"] in ok.stdout
    text = tongguan("draw", "run", str(_plan(tmp_path / "again.json", _village(city), name="再来一次")),
                    "--db", str(city))
    assert text.returncode == 0 and "record" in text.stdout and "pool hash" in text.stdout
    # A tampered record fails and says where; an unreadable one is exit 2.
    record = json.loads(Path(first["record_file"]).read_text(encoding="utf-8"))
    record["outcome"]["picks"][0]["entity_id"] += 1
    tampered = tmp_path / "tampered.json"
    tampered.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    bad = tongguan("draw", "verify", str(tampered), "--json")
    assert bad.returncode == 1
    report = json.loads(bad.stdout)
    assert not report["ok"] and any("pick 1" in p for p in report["problems"])
    plain = tongguan("draw", "verify", str(tampered))
    assert plain.returncode == 1 and plain.stdout.startswith("MISMATCH") and "pick 1" in plain.stdout
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    unreadable = tongguan("draw", "verify", str(tmp_path / "broken.json"))
    assert unreadable.returncode == 2 and "broken.json:1" in unreadable.stderr
    assert tongguan("draw", "verify", str(tmp_path / "missing.json")).returncode == 2


def test_run_refuses_a_plan_that_breaks_the_rules_and_keeps_nothing(city, tmp_path):
    plan = _plan(tmp_path / "bad.json", _village(city), name="违规计划",
                 departments=[{"department": "SCJG", "team_size": 1, "matters": ["SCJG-001"]}],
                 sampling={"ratios": {"A": 1.5, "B": 0.2, "C": 0.6, "D": 1.0}})
    result = tongguan("draw", "run", str(plan), "--db", str(city))
    assert result.returncode == 2
    assert "[team_too_small]" in result.stderr and "第四十二条" in result.stderr
    assert "[ratio_over_100]" in result.stderr and "rule:" in result.stderr
    with sqlite3.connect(city) as conn:
        assert conn.execute("SELECT COUNT(*) FROM draw_plans WHERE name = '违规计划'").fetchone()[0] == 0
    unknown = _plan(tmp_path / "unknown.json", _village(city),
                    departments=[{"department": "没有这个部门", "team_size": 2, "matters": []}])
    result = tongguan("draw", "run", str(unknown), "--db", str(city))
    assert result.returncode == 2 and "batches[0].departments[0].department" in result.stderr
    (tmp_path / "empty.json").write_text("[]", encoding="utf-8")
    assert tongguan("draw", "run", str(tmp_path / "empty.json"), "--db", str(city)).returncode == 2


def test_a_plan_files_own_bands_are_checked_and_the_default_table_applies_without_them(city, tmp_path):
    village = _village(city)
    plan = _plan(tmp_path / "bands.json", village, name="区间计划")
    data = json.loads(plan.read_text(encoding="utf-8"))
    data["sampling_bands"] = {"A": ["x", 1]}
    plan.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    broken = tongguan("draw", "run", str(plan), "--db", str(city))
    assert broken.returncode == 2 and "sampling_bands" in broken.stderr and "Traceback" not in broken.stderr
    del data["sampling_bands"]  # the local table: A at most 5%, so A 20% is refused, citing the table
    plan.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    default = tongguan("draw", "run", str(plan), "--db", str(city))
    assert default.returncode == 2 and "ratio_out_of_band" in default.stderr
    with sqlite3.connect(city) as conn:
        assert conn.execute("SELECT COUNT(*) FROM draw_plans WHERE name = '区间计划'").fetchone()[0] == 0


def test_run_writes_a_public_record_that_verifies_without_classes(city, tmp_path):
    plan = _plan(tmp_path / "public2027.json", _village(city), name="公开记录计划")
    result = tongguan("draw", "run", str(plan), "--db", str(city), "--json")
    assert result.returncode == 0, result.stderr
    first = json.loads(result.stdout)["batches"][0]
    public_file = Path(first["public_record_file"])
    assert public_file.name == f"public2027.{first['batch_id']}.public-record.json"
    text = public_file.read_text(encoding="utf-8")
    public = json.loads(text)
    assert public["full_digest"] == first["digest"]
    with sqlite3.connect(city) as conn:
        villages = [v for (v,) in conn.execute("SELECT DISTINCT home_village_code FROM inspectors "
                                               "WHERE home_village_code IS NOT NULL")]
        certificates = dict(conn.execute("SELECT id, certificate_no FROM inspectors"))
    assert villages and not any(v in text for v in villages)
    assert '"stratum"' not in text and '"village"' not in text and '"conflicts"' not in text
    row = public["departments"][0]["inspectors"][0]
    assert row[2] == certificates[row[0]] and row[1]
    ok = tongguan("draw", "verify", str(public_file))
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert ok.stdout.startswith("OK") and "public record" in ok.stdout and first["digest"] in ok.stdout
    assert "Checks run:" in ok.stdout and "[teams_line]" in ok.stdout and "[randomness]" in ok.stdout
    assert "Not checked" in ok.stdout and "[picks]" in ok.stdout.split("Not checked")[1]
    full = tongguan("draw", "verify", str(first["record_file"]), "--json")
    report = json.loads(full.stdout)
    assert full.returncode == 0 and report["kind"] == "full" and report["not_checked"] == []
    assert [c["code"] for c in report["checks"]] == ["pool", "strata_hash", "randomness", "rules", "picks", "teams"]
    both = tongguan("draw", "verify", str(public_file), "--full", str(first["record_file"]), "--json")
    both = json.loads(both.stdout)
    assert both["ok"] and "derived" in [c["code"] for c in both["checks"]] and both["not_checked"] == []
    # tampering with the key or a team of the public record is found
    for change in ("key", "team"):
        tampered = json.loads(text)
        if change == "key":
            tampered["key"] = "seed:" + "0" * 64
        else:
            team = tampered["departments"][0]["teams"][0]
            team[0], team[1] = team[1], team[0]
        path = tmp_path / f"tampered-{change}.json"
        path.write_text(json.dumps(tampered, ensure_ascii=False), encoding="utf-8")
        bad = tongguan("draw", "verify", str(path), "--json")
        assert bad.returncode == 1 and not json.loads(bad.stdout)["ok"], change


def test_run_json_says_which_results_dates_are_provisional_and_why(city, tmp_path):
    from core.workdays import WorkdayCalendar, YearSource

    if WorkdayCalendar().source_of(2027) is not YearSource.PROVISIONAL:
        pytest.skip("2027 is official on this machine")
    summary = json.loads(tongguan("draw", "run", str(_plan(tmp_path / "p2027.json", _village(city), name="暂定日期")),
                                  "--db", str(city), "--json").stdout)
    for b in summary["batches"]:  # windows in 2027: results due 20 working days later, in 2027
        note = b["provisional"]
        assert note["years"] == [2027] and note["file_names"] == ["2027.json"]
        assert note["reason_zh"] == "2027 年节假日安排尚未公布，按国务院惯例推算" and "2027" in note["reason_en"]
        assert note["files"] == [str(Path(note["folder"]) / "2027.json")] and "2027.json" in note["text_en"]
    assert summary["provisional"]["years"] == [2027] and summary["provisional"]["file_names"] == ["2027.json"]
    text = tongguan("draw", "run", str(_plan(tmp_path / "t2027.json", _village(city), name="暂定日期文本")),
                    "--db", str(city))
    assert "(provisional: the 2027 holiday schedule is not published yet" in text.stdout


def test_run_json_of_a_plan_in_an_official_year_has_no_provisional_note(city, tmp_path):
    plan = _plan(tmp_path / "p2026.json", _village(city), name="2026年度（正式日期）", window=["2026-03-02", "2026-04-30"])
    data = json.loads(plan.read_text(encoding="utf-8"))
    data["year"] = 2026
    data["batches"] = data["batches"][:1]
    plan.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = tongguan("draw", "run", str(plan), "--db", str(city), "--json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["provisional"] is None and summary["batches"][0]["provisional"] is None
    assert summary["batches"][0]["results_due"].startswith("2026-")
