"""Inspection results are published within 20 working days of being formed (企业信息公示暂行条例
Arts. 6-7): one clock per result, stopped by publishing it; publishing writes a notice, audits
it and puts it on the entity's timeline."""
import datetime as dt
import json

import pytest
from openpyxl import load_workbook
from sqlalchemy import inspect, select

from tests.support.accounts import task_user
from core.db.database import Database
from core.db.migrate import _config, head_revision, upgrade
from core.db.models import AuditEntry, EntityRecord, ResultPublication
from core.deadlines import DeadlinePolicy, Kind, day_date, load_items
from core.errors import ValidationError
from core.services import draws
from core.services.draws.publication import publication_states, publish_results, unpublished_results
from core.services.efficiency import describe_items, reference
from core.workdays import WorkdayCalendar

from .helpers import batch, lock_and_draw, plan

CAL = WorkdayCalendar()
RISK_WORDS = ("风险", "risk", "信用分类", "stratum", "类别")


def _finish(db, task_id: int, on: dt.date, *, fail_first: bool = False) -> None:
    items = draws.task_checklist(db, task_id).items
    for n, item in enumerate(items):
        draws.record_result(db, task_user(db, task_id), task_id, item.item_id, "fail" if fail_first and n == 0 else "pass",
                            on=on)


def _clocks(db, task_ids) -> dict[int, tuple]:
    items = load_items(db, calendar=CAL, policy=DeadlinePolicy())
    out = {}
    for i in range(len(items)):
        if items.kind[i] == Kind.RESULTS_PUBLICATION and int(items.item_id[i]) in task_ids:
            out[int(items.item_id[i])] = (day_date(items.start[i]), day_date(items.due[i]),
                                          day_date(items.done[i]) if items.done[i] >= 0 else None,
                                          int(items.entity[i]))
    return out


@pytest.fixture(scope="module")
def drawn(demo_db):
    b = batch(demo_db, plan(demo_db), depts=(("SCJG", 2, 1),))
    result = lock_and_draw(demo_db, b)
    tasks = sorted({p.task_id for p in result.picks})
    assert len(tasks) >= 4
    return b, result, tasks


def test_each_result_has_its_own_clock_from_the_day_it_is_formed(demo_db, drawn):
    b, result, tasks = drawn
    first, second, unfinished = tasks[0], tasks[1], tasks[2]
    _finish(demo_db, first, dt.date(2027, 3, 5), fail_first=True)
    _finish(demo_db, second, dt.date(2027, 4, 28))
    clocks = _clocks(demo_db, set(tasks))
    entity = {p.task_id: p.entity_id for p in result.picks}
    # One per result, not one per batch; 2027-05-01..05 is the Labour Day holiday.
    assert clocks[first] == (dt.date(2027, 3, 5), CAL.add_working_days(dt.date(2027, 3, 5), 20).date, None,
                             entity[first])
    assert clocks[first][1] == dt.date(2027, 4, 2)
    assert clocks[second][:3] == (dt.date(2027, 4, 28), CAL.add_working_days(dt.date(2027, 4, 28), 20).date, None)
    assert unfinished not in clocks  # no result yet: nothing to publish
    # the efficiency monitor names the result by its own reference and its entity
    line = describe_items(demo_db, [Kind.RESULTS_PUBLICATION], [first])[(Kind.RESULTS_PUBLICATION, first)]
    assert reference(line) == f"PC{first:06d}" and line.entity == draws.task_checklist(demo_db, first).entity_name


def test_states_show_days_left_overdue_and_published(demo_db, drawn):
    b, _result, tasks = drawn
    states = publication_states(demo_db, b, today=dt.date(2027, 4, 28), calendar=CAL, policy=DeadlinePolicy())
    late, fresh, none = states[tasks[0]], states[tasks[1]], states[tasks[2]]
    assert late.state == "overdue" and late.due_on == dt.date(2027, 4, 2)
    assert late.working_days_overdue == CAL.working_days_between(dt.date(2027, 4, 2), dt.date(2027, 4, 28)).days > 0
    assert fresh.state == "pending" and fresh.working_days_left == 20
    assert none.state == "no_result" and none.due_on is None
    # a policy file can change the 20 days
    short = publication_states(demo_db, b, today=dt.date(2027, 4, 28), calendar=CAL,
                               policy=DeadlinePolicy().with_overrides(durations={"results_publication": 5}))
    assert short[tasks[1]].due_on == CAL.add_working_days(dt.date(2027, 4, 28), 5).date


def test_refusals_change_nothing(demo_db, drawn, tmp_path):
    b, _result, tasks = drawn
    with pytest.raises(ValidationError, match="not finished"):
        publish_results(demo_db, "leader", b, tmp_path / "r.xlsx", task_ids=[tasks[2]])
    with pytest.raises(ValidationError, match="not in this batch"):
        publish_results(demo_db, "leader", b, tmp_path / "r.xlsx", task_ids=[10 ** 8])

    def broken(path, rows):
        raise OSError("disk full")
    with pytest.raises(OSError):
        publish_results(demo_db, "leader", b, tmp_path / "r.xlsx", task_ids=[tasks[0]], write=broken,
                        on=dt.date(2027, 4, 6))
    with pytest.raises(ValidationError, match="before task"):
        publish_results(demo_db, "leader", b, tmp_path / "r.xlsx", task_ids=[tasks[1]], on=dt.date(2027, 4, 6))
    assert unpublished_results(demo_db, b) == [tasks[0], tasks[1]]  # the failed write recorded nothing
    with demo_db.sessions() as s:
        assert s.scalar(select(ResultPublication).where(ResultPublication.task_id == tasks[0])) is None


def test_publishing_one_result_stops_its_clock_writes_audits_and_goes_on_the_timeline(demo_db, drawn, tmp_path):
    b, result, tasks = drawn
    first, second = tasks[0], tasks[1]
    done = publish_results(demo_db, "leader", b, tmp_path / "one.xlsx", task_ids=[first], on=dt.date(2027, 4, 6))
    assert done.task_ids == (first,) and done.path.exists()
    clocks = _clocks(demo_db, {first, second})
    assert clocks[first][2] == dt.date(2027, 4, 6)  # published two working days late
    assert clocks[second][2] is None
    states = publication_states(demo_db, b, today=dt.date(2027, 4, 28), calendar=CAL, policy=DeadlinePolicy())
    assert states[first].state == "published" and states[first].published_late
    title, header, *body = [list(r) for r in load_workbook(done.path, read_only=True).active.iter_rows(values_only=True)]
    uscc = next(p.uscc for p in result.picks if p.task_id == first)
    assert [row[2] for row in body] == [uscc] and body[0][7] == "发现问题"
    assert "抽查结果公示" in title[0] and not any(w in str(h).lower() for h in header for w in RISK_WORDS)
    assert not {str(v) for v in body[0]} & {"A", "B", "C", "D"}
    with demo_db.sessions() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "inspection.results.publish")
                          .order_by(AuditEntry.id.desc())).first()
        after = json.loads(entry.after)
        assert entry.actor == "leader" and after["tasks"] == [first] and after["sha256"] == done.sha256
        entity = next(p.entity_id for p in result.picks if p.task_id == first)
        record = s.scalars(select(EntityRecord).where(EntityRecord.entity_id == entity,
                                                      EntityRecord.title == "抽查结果公示")).one()
        assert record.occurred_on == dt.date(2027, 4, 6) and record.ref_no == f"JC{first:06d}"
        assert "发现问题" in record.outcome
    with pytest.raises(ValidationError, match="was published on 2027-04-06"):
        publish_results(demo_db, "leader", b, tmp_path / "again.xlsx", task_ids=[first])


def test_publishing_a_batch_publishes_every_unpublished_result(demo_db, drawn, tmp_path):
    b, result, tasks = drawn
    done = publish_results(demo_db, "leader", b, tmp_path / "all.xlsx", on=dt.date(2027, 5, 10), lang="en")
    assert done.task_ids == (tasks[1],)
    body = [list(r) for r in load_workbook(done.path, read_only=True).active.iter_rows(values_only=True)][2:]
    assert [row[2] for row in body] == [next(p.uscc for p in result.picks if p.task_id == tasks[1])]
    assert body[0][7] == "No problems found" and body[0][0] == 1
    assert unpublished_results(demo_db, b) == []
    assert _clocks(demo_db, {tasks[1]})[tasks[1]][2] == dt.date(2027, 5, 10)
    with pytest.raises(ValidationError, match="no unpublished results"):
        publish_results(demo_db, "leader", b, tmp_path / "none.xlsx")


def test_migration_adds_and_removes_the_table(empty_db_url):
    from alembic import command

    db = Database.open(empty_db_url)
    upgrade(db.engine)
    assert "result_publications" in inspect(db.engine).get_table_names()
    script = __import__("alembic.script", fromlist=["ScriptDirectory"]).ScriptDirectory.from_config(_config())
    down = script.get_revision("0009_result_publication").down_revision
    cfg = _config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, down)
    assert "result_publications" not in inspect(db.engine).get_table_names()
    assert upgrade(db.engine) == (down, head_revision())
    assert "result_publications" in inspect(db.engine).get_table_names()
    db.dispose()
