"""Commands that change data or let it leave act as a system account or user, never a free name;
exports through the command line are audited under it."""
import json
import os
import sqlite3

from .test_cli_draw import city, tongguan  # noqa: F401 - fixture
from .test_cli_draw_notice import _batches

HOW = "tongguan users create-system"


def _env(**extra):
    env = {k: v for k, v in os.environ.items() if k != "TONGGUAN_ACTOR"}
    env.update(extra)
    return env


def run(*args, **env):
    import subprocess
    import sys

    from .test_cli_draw import ROOT

    return subprocess.run([sys.executable, "-m", "desktop.cli.main", *args], cwd=ROOT, capture_output=True,
                          check=False, text=True, timeout=300, env=_env(**env))


def _exports(city, action):  # noqa: F811
    with sqlite3.connect(city) as conn:
        return [(actor, json.loads(after)) for actor, after in conn.execute(
            "SELECT actor, after FROM audit_log WHERE action = ? ORDER BY seq", (action,))]


def test_no_actor_and_a_free_name_are_refused_in_one_line_saying_how(city, tmp_path):  # noqa: F811
    locked = _batches(city)["locked"]
    missing = run("draw", "abandon", str(locked.id), "--reason", "source withdrawn", "--db", str(city))
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
    assert len(missing.stderr.strip().splitlines()) == 1
    assert "--actor" in missing.stderr and "TONGGUAN_ACTOR" in missing.stderr and HOW in missing.stderr
    free = run("clues", "import", "--format", "open311", str(tmp_path / "none.json"), "--actor", "cli",
               "--db", str(city))
    assert free.returncode == 2 and "'cli' is no active user or system account" in free.stderr
    assert f"{HOW} cli --role ROLE --as ADMIN" in free.stderr
    from_env = run("draw", "abandon", str(locked.id), "--reason", "x", "--db", str(city), TONGGUAN_ACTOR="ghost")
    assert from_env.returncode == 2 and "TONGGUAN_ACTOR 'ghost'" in from_env.stderr
    assert _batches(city)["locked"].status == "locked"  # nothing was abandoned


def test_a_plan_files_actor_must_be_an_account(city, tmp_path):  # noqa: F811
    from .test_cli_draw import _plan, _village

    plan = _plan(tmp_path / "plan.json", _village(city))
    data = json.loads(plan.read_text(encoding="utf-8"))
    plan.write_text(json.dumps({**data, "actor": "ghost"}, ensure_ascii=False), encoding="utf-8")
    with sqlite3.connect(city) as conn:
        plans = conn.execute("SELECT COUNT(*) FROM draw_plans").fetchone()[0]
    done = run("draw", "run", str(plan), "--db", str(city))
    assert done.returncode == 2 and f"{plan}: actor 'ghost' is no active user" in done.stderr, done.stderr
    # --actor names who acts instead of the file; a role without draw.plan is refused by the core
    done = run("draw", "run", str(plan), "--actor", "monitor", "--db", str(city))
    assert done.returncode == 2 and "draw.plan" in done.stderr and "Traceback" not in done.stderr
    with sqlite3.connect(city) as conn:
        assert conn.execute("SELECT COUNT(*) FROM draw_plans").fetchone()[0] == plans


def test_the_environment_names_the_actor_and_exports_are_audited(city, tmp_path):  # noqa: F811
    drawn = _batches(city)["drawn"]
    before = len(_exports(city, "export.draw_notice"))
    out = tmp_path / "notice.xlsx"
    done = run("draw", "notice", str(drawn.id), "--out", str(out), "--db", str(city), TONGGUAN_ACTOR="planner")
    assert done.returncode == 0, done.stderr
    entries = _exports(city, "export.draw_notice")
    assert len(entries) == before + 1
    actor, after = entries[-1]
    from .test_cli_draw_notice import _rows
    rows, _ = _rows(city, drawn.id)
    assert actor == "planner" and after["file"] == "notice.xlsx" and after["rows"] == len(rows) > 0

    page = tmp_path / "city.html"
    done = run("map", "export", "--out", str(page), "--layer", "entities", "--filter", "risk=D",
               "--actor", "leader", "--db", str(city), "--json")
    assert done.returncode == 0, done.stderr
    actor, after = _exports(city, "export.map_html")[-1]
    assert actor == "leader" and after["file"] == "city.html"
    assert after["rows"] == json.loads(done.stdout)["entities"] > 0
