"""``tongguan draw run`` is all or nothing, seeds are kept before locking, and a locked batch whose
draw is refused can be abandoned with a published reason (``tongguan draw abandon``)."""
import json
import sqlite3

import pytest

from core.db.database import Database
from core.db.fingerprint import table_digests
from tests.test_cli_draw import _plan, _village, city, tongguan  # noqa: F401  (city is a fixture)


def _audit_count(path) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]


def _state(path) -> tuple:
    db = Database.open(str(path))
    try:
        return table_digests(db.engine), _audit_count(path)
    finally:
        db.dispose()


def test_a_draw_refused_after_locking_leaves_nothing_and_keeps_the_seed(city, tmp_path, monkeypatch, capsys):
    # Batch 1 (seed) draws; batch 2 locks, then its draw is refused (as when no team can be formed).
    from core.draws import DrawRefused, Problem
    from core.services import draws
    from desktop.cli.main import main

    real_draw = draws.draw_batch
    calls = []

    def refuse_second(db, actor, batch_id, **kw):
        calls.append(batch_id)
        if len(calls) == 2:
            assert draws.batch_detail(db, batch_id).status == "locked"
            raise DrawRefused([Problem("no_team", "rule", "no team can be formed", "teams")])
        return real_draw(db, actor, batch_id, **kw)

    monkeypatch.setattr(draws, "draw_batch", refuse_second)
    plan = _plan(tmp_path / "refused.json", _village(city))
    before = _state(city)
    assert main(["draw", "run", str(plan), "--db", str(city)]) == 2
    err = capsys.readouterr().err
    assert "no_team" in err and "nothing of the plan was kept" in err
    assert len(calls) == 2
    assert _state(city) == before  # no plan, batch, lock, draw or audit entry remains
    seed_files = list(tmp_path.glob("refused.plan*.seeds.json"))
    assert len(seed_files) == 1  # written before locking, kept though nothing was drawn
    kept = json.loads(seed_files[0].read_text(encoding="utf-8"))
    assert [b["name"] for b in kept["batches"]] == ["食品经营双随机"]
    assert len(kept["batches"][0]["seed"]) == 64 and (seed_files[0].stat().st_mode & 0o077) == 0
    assert not list(tmp_path.glob("refused.*.record.json"))


def test_a_plan_breaking_the_rules_leaves_no_trace_not_even_audit(city, tmp_path):
    plan = _plan(tmp_path / "bad.json", _village(city), window=["2027-05-01", "2027-03-01"])
    before = _state(city)
    result = tongguan("draw", "run", str(plan), "--db", str(city))
    assert result.returncode == 2
    assert _state(city) == before


def test_the_seed_file_holds_the_seeds_the_run_drew_with(city, tmp_path):
    plan = _plan(tmp_path / "kept.json", _village(city), name="种子留存")
    result = tongguan("draw", "run", str(plan), "--db", str(city), "--json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    kept = json.loads(open(summary["seed_file"], encoding="utf-8").read())
    first = summary["batches"][0]
    assert kept["plan_id"] == summary["plan_id"]
    assert kept["batches"] == [{"batch_id": first["batch_id"], "name": first["name"], "seed": first["seed"],
                                "seed_commitment": first["seed_commitment"]}]


@pytest.fixture
def locked_batch(city, tmp_path):
    """A batch locked in the console (RFC 3797) whose draw is then refused: its sources never came."""
    from core.services import draws

    db = Database.open(str(city))
    plan = json.loads(_plan(tmp_path / "p.json", _village(city), name="放弃测试").read_text(encoding="utf-8"))
    plan_id = draws.create_plan(db, "planner", year=2027, name=plan["name"], sampling_bands=plan["sampling_bands"])
    from core.db.models import Department
    from sqlalchemy import select
    with db.sessions() as s:
        xzzf = s.scalar(select(Department.id).where(Department.code == "XZZF"))
        from core.db.models import RegulatoryMatter
        matter = s.scalar(select(RegulatoryMatter.id).where(RegulatoryMatter.code == "XZZF-001"))
    import datetime as dt
    batch_id = draws.create_batch(db, "planner", plan_id, name="综合执法放弃批次", lead_department_id=xzzf,
                                  window_start=dt.date(2027, 4, 1), window_end=dt.date(2027, 5, 31),
                                  departments=[(xzzf, 2, [matter])],
                                  pool_filter={"village_codes": [_village(city)]},
                                  sampling={"counts": {"A": 1, "B": 1, "C": 1, "D": 1}}, avoidance=None)
    draws.lock_batch(db, "planner", batch_id, randomness_kind="rfc3797", announcement="福彩3D")
    yield db, batch_id
    db.dispose()


def test_abandon_a_locked_batch_publishes_the_reason(locked_batch, tmp_path):
    from core.draws import DrawRefused
    from core.errors import ValidationError
    from core.services import draws

    db, batch_id = locked_batch
    with pytest.raises(DrawRefused):
        draws.draw_batch(db, "planner", batch_id, sources=[])
    assert tongguan("draw", "abandon", str(batch_id), "--actor", "planner", "--reason", "  ",
                    "--db", str(db.url.database)).returncode == 2
    out = tmp_path / "abandon.txt"
    result = tongguan("draw", "abandon", str(batch_id), "--reason", "开奖中止，公开随机源未公布",
                      "--actor", "planner", "--out", str(out), "--db", str(db.url.database))
    assert result.returncode == 0, result.stderr
    assert "开奖中止，公开随机源未公布" in result.stdout and "综合执法放弃批次" in result.stdout
    assert out.read_text(encoding="utf-8") == result.stdout
    gone = draws.abandonment(db, batch_id)
    assert gone.reason == "开奖中止，公开随机源未公布" and gone.abandoned_by == "planner"
    assert "Reason: 开奖中止" in draws.abandonment_notice(gone, "en")
    with sqlite3.connect(db.url.database) as conn:
        action, after = conn.execute("SELECT action, after FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    assert action == "draw.batch.abandon" and "开奖中止" in after
    # Abandoned for good: never drawn, never abandoned twice; its lock (pool hash) stays on record.
    with pytest.raises(ValidationError, match="abandoned"):
        draws.draw_batch(db, "planner", batch_id, sources=["9319"])
    again = tongguan("draw", "abandon", str(batch_id), "--actor", "planner", "--reason", "x y", "--db", str(db.url.database))
    assert again.returncode == 2 and "abandoned" in again.stderr
    assert draws.batch_detail(db, batch_id).pool_hash == gone.pool_hash


def test_only_a_locked_batch_can_be_abandoned(city, tmp_path):
    from core.errors import ValidationError
    from core.services import draws

    plan = _plan(tmp_path / "drawn.json", _village(city), name="已抽取")
    summary = json.loads(tongguan("draw", "run", str(plan), "--db", str(city), "--json").stdout)
    db = Database.open(str(city))
    try:
        with pytest.raises(ValidationError, match="locked"):
            draws.abandon_batch(db, "planner", summary["batches"][0]["batch_id"], "已经抽取")
    finally:
        db.dispose()
