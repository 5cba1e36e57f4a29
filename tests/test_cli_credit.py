"""``tongguan credit``: explain prints what core.credit.explain finds (text and JSON), refuses a role
that may not see classes; transitions warn then move; rules preview prints the move matrix."""
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from core.credit import DEFAULT_RULES, add_record, explain
from core.db.database import Database
from tests.support.accounts import standard_accounts

ROOT = Path(__file__).resolve().parents[1]
AS_OF = dt.date(2026, 11, 20)


def tongguan(*args):
    return subprocess.run([sys.executable, "-m", "desktop.cli.main", *args], cwd=ROOT, capture_output=True,
                          check=False, text=True, timeout=300)


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    from core.demo.builder import build_demo
    from core.demo.spec import DemoSpec

    path = tmp_path_factory.mktemp("creditcli") / "city.sqlite"
    build_demo(str(path), DemoSpec(entities=800, seed=5, as_of=AS_OF, chunk=1000))
    db = Database.open(str(path))
    standard_accounts(db)
    eid = db.engine.connect().exec_driver_sql(
        "SELECT entity_id FROM entity_records WHERE kind = 'penalty' GROUP BY entity_id ORDER BY COUNT(*) DESC, "
        "entity_id LIMIT 1").scalar()
    add_record(db, "leader", eid, "abnormal", dt.date(2023, 11, 25), "列入经营异常名录（通过登记住所无法联系）")
    uscc = db.engine.connect().exec_driver_sql(f"SELECT uscc FROM market_entities WHERE id = {eid}").scalar()
    yield path, db, eid, uscc
    db.dispose()


def test_explain_prints_the_records_weights_total_version_and_class(city):
    path, db, eid, uscc = city
    e = explain(db, eid, AS_OF)
    out = tongguan("--db", str(path), "credit", "explain", uscc, "--as-of", "2026-11-20", "--actor", "operator")
    assert out.returncode == 0, out.stderr
    text = out.stdout
    assert uscc in text and f"{e.score:.2f}" in text and f"规则版本 {e.rules_version}" in text
    assert f"信用风险分类: {e.risk_class}" in text
    assert sum(1 for line in text.splitlines() if line.startswith("  20")) == len(e.records)
    for w in e.records:
        assert f"{w.contribution:+.2f}" in text and w.record.title in text
    english = tongguan("--db", str(path), "credit", "explain", uscc, "--as-of", "2026-11-20", "--lang", "en",
                       "--actor", "operator")
    assert "Credit risk class" in english.stdout and "Abnormal-operation list" in english.stdout
    data = json.loads(tongguan("--db", str(path), "--json", "credit", "explain", uscc, "--as-of", "2026-11-20",
                               "--actor", "operator").stdout)
    assert data["class"] == e.risk_class and data["rules_version"] == 1 and not data["overridden"]
    assert [r["id"] for r in data["records"]] == [w.record.id for w in e.records]
    assert data["score"] == pytest.approx(e.score, abs=1e-3)


def test_explain_is_refused_to_a_department_user_and_an_unknown_code_is_one_line(city):
    path, _db, _eid, uscc = city
    refused = tongguan("--db", str(path), "credit", "explain", uscc, "--actor", "scjg")
    assert refused.returncode != 0 and "risk.read" in refused.stderr and "Traceback" not in refused.stderr
    missing = tongguan("--db", str(path), "credit", "explain", "91330782MA00000000", "--actor", "operator")
    assert missing.returncode != 0 and "no entity" in missing.stderr and "Traceback" not in missing.stderr


def test_transitions_warn_then_move_and_rules_preview_prints_the_matrix(city, tmp_path):
    path, db, eid, uscc = city
    warned = json.loads(tongguan("--db", str(path), "--json", "credit", "transitions", "--as-of", "2026-11-20",
                                 "--within", "10", "--actor", "leader").stdout)
    assert uscc in [d["uscc"] for d in warned if d["moves_on"] == "2026-11-25"]
    moved = json.loads(tongguan("--db", str(path), "--json", "credit", "transitions", "--as-of", "2026-11-25",
                                "--apply", "--actor", "leader").stdout)
    assert eid in moved["entity_ids"]
    assert explain(db, eid, dt.date(2026, 11, 25)).risk_class == "D"
    rules = tmp_path / "rules.json"
    rules.write_text(DEFAULT_RULES.with_changes(thresholds={"A": 200}).to_json(), encoding="utf-8")
    refused = tongguan("--db", str(path), "credit", "rules", "preview", str(rules), "--actor", "leader")
    assert refused.returncode != 0 and "credit.rules" in refused.stderr
    seen = json.loads(tongguan("--db", str(path), "--json", "credit", "rules", "preview", str(rules),
                               "--as-of", "2026-11-25", "--actor", "admin").stdout)
    assert len(seen["matrix"]) == 4 and seen["after"]["A"] == 0
    assert [row[0] for row in seen["matrix"]] == [0, 0, 0, 0] and seen["moved"] >= seen["before"]["A"] > 0   # 100 and a few honours never reach 200


def test_official_classes_import_and_explain_says_they_override(city, tmp_path):
    path, db, eid, uscc = city
    sheet = tmp_path / "official.csv"
    sheet.write_text("统一社会信用代码,等级\n" + f"{uscc},B\n", encoding="utf-8-sig")
    out = tongguan("--db", str(path), "credit", "official", str(sheet), "--source", "省公共信用平台", "--actor", "leader")
    assert out.returncode == 0, out.stderr
    data = json.loads(tongguan("--db", str(path), "--json", "credit", "explain", uscc, "--actor", "operator").stdout)
    assert (data["class"], data["overridden"], data["official_source"]) == ("B", True, "省公共信用平台")
    text = tongguan("--db", str(path), "credit", "explain", uscc, "--actor", "operator").stdout
    assert "已由官方等级覆盖 B" in text


def test_repair_from_the_command_line_needs_evidence(city):
    path, db, eid, uscc = city
    from core.credit import records_of

    record = next(r for r in records_of(db, [eid])[eid] if r.kind == "penalty")
    empty = tongguan("--db", str(path), "credit", "repair", str(record.id), "--note", "已整改", "--attachment", " ",
                     "--actor", "leader")
    assert empty.returncode != 0 and "evidence" in empty.stderr and "Traceback" not in empty.stderr
    done = tongguan("--db", str(path), "credit", "repair", str(record.id), "--note", "已整改并缴清罚款",
                    "--attachment", "缴款凭证.pdf", "--as-of", "2026-11-26", "--actor", "leader")
    assert done.returncode == 0, done.stderr
    after = next(r for r in records_of(db, [eid])[eid] if r.id == record.id)
    assert after.repaired_on == dt.date(2026, 11, 26)
