"""``tongguan warning``: train and store, list with factors, review (a clue only when asked),
fairness and thematic warnings; refusals and errors in one clear line."""
import datetime as dt
import json

import pytest

from desktop.cli.main import main


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    from core.demo.builder import build_demo
    from core.demo.spec import DemoSpec

    path = tmp_path_factory.mktemp("warncli") / "city.sqlite"
    build_demo(str(path), DemoSpec(entities=3000, seed=11, as_of=dt.date(2026, 11, 20), chunk=1000))
    return str(path)


def run(capsys, *args):
    code = main([*args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_train_list_review_fairness_and_themes(city, capsys):
    code, out, err = run(capsys, "warning", "train", "--k", "30", "--actor", "leader", "--db", city, "--json")
    assert code == 0, err
    summary = json.loads(out)
    assert summary["stored"] == 30 and summary["trained_on"] == "2026-11-20"  # the demo's day
    assert summary["precision_at_k"] > summary["class_precision_at_k"] > 0
    code, out, _ = run(capsys, "warning", "list", "--limit", "5", "--actor", "operator", "--db", city, "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 5 and all(r["factors"] for r in rows)
    code, out, _ = run(capsys, "warning", "list", "--limit", "5", "--actor", "operator", "--db", city)
    assert rows[0]["uscc"] in out and rows[0]["factors"][0]["zh"] in out
    first = rows[0]["id"]
    code, out, err = run(capsys, "warning", "review", str(first), "--decision", "made_clue", "--note", "核查",
                         "--actor", "operator", "--db", city)
    assert code == 0 and "made_clue, clue" in out, err
    code, _, err = run(capsys, "warning", "review", str(first), "--decision", "dismissed", "--actor", "operator",
                       "--db", city)
    assert code == 2 and "already decided" in err and "Traceback" not in err
    code, out, _ = run(capsys, "warning", "fairness", "--all", "--actor", "monitor", "--db", city, "--json")
    report = json.loads(out)
    assert code == 0 and report["warnings"] == 30
    assert {g["dimension"] for g in report["groups"]} == {"town", "industry", "entity_type", "inspector"}
    code, out, _ = run(capsys, "warning", "themes", "--actor", "operator", "--db", city, "--json")
    assert code == 0 and isinstance(json.loads(out), list)


def test_refusals_are_one_line(city, capsys):
    code, _, err = run(capsys, "warning", "train", "--actor", "operator", "--db", city)
    assert code == 2 and "warning.train" in err and "Traceback" not in err
    code, _, err = run(capsys, "warning", "list", "--actor", "dept_scjg", "--db", city)
    assert code == 2 and "warning.read" in err
    code, _, err = run(capsys, "warning", "review", "999999", "--decision", "dismissed", "--actor", "operator",
                       "--db", city)
    assert code == 2 and "999999" in err
