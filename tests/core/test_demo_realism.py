"""The demo city must hold up to a civil servant's eye: every rule checked over all its rows.

A clue's text belongs to its matter and the matter to the department the routing rules
pick; licences and permits fit the entity's industry; grid events come from the town's
grid; a joint batch has at least two departments; nothing happened after the demo's now.
"""
import datetime as dt
from collections import defaultdict

import pytest
from sqlalchemy import Date, DateTime

from core.db.database import Database
from core.db.models import Base
from core.demo.builder import build_demo
from core.demo.names import village_short_name
from core.demo.spec import DemoSpec
from core.demo.vocabulary import load_vocabulary
from core.reference import load_profile
from core.services.clues.routing import route

BEIJING = dt.timezone(dt.timedelta(hours=8))
CITY = DemoSpec(entities=3000, seed=11, as_of=dt.date(2026, 11, 20), chunk=1000)
# Early in January: this year's plan and batches have not happened yet.
NEW_YEAR = DemoSpec(entities=400, seed=3, as_of=dt.date(2026, 1, 3), chunk=400)

# Columns that say when something is due or valid until: these may lie ahead.
DEADLINES = {
    "clues.due_on", "cases.decision_due", "commitments.fulfil_by", "commitment_verifications.due_on",
    "notification_pushes.claim_due", "inspection_tasks.due_on", "draw_batches.window_start",
    "draw_batches.window_end", "draw_records.results_due", "entity_records.valid_until",
    "inspectors.certificate_valid_until",
}


def _build(tmp_path_factory, spec: DemoSpec) -> Database:
    path = tmp_path_factory.mktemp("realism") / "city.sqlite"
    build_demo(str(path), spec)
    return Database.open(str(path))


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    db = _build(tmp_path_factory, CITY)
    yield db
    db.dispose()


def rows(db: Database, sql: str, *params):
    with db.engine.connect() as conn:
        return conn.exec_driver_sql(sql, params).all()


def test_a_clue_text_belongs_to_its_matter_and_the_matter_to_the_routed_department(city):
    clues = rows(city, "SELECT c.id, c.description, c.department_id, c.matter_id, m.code, m.department_id, "
                       "e.industry_code, e.town_code FROM clues c JOIN regulatory_matters m ON m.id = c.matter_id "
                       "LEFT JOIN market_entities e ON e.id = c.entity_id")
    assert len(clues) >= 80
    departments_of_text = defaultdict(set)
    for _, text, dept, *_ in clues:
        departments_of_text[text].add(dept)
    # One text, one department: "占用消防通道" is never filed with the food inspectors.
    assert {t: d for t, d in departments_of_text.items() if len(d) > 1} == {}
    texts = load_vocabulary()["clues"]["matters"]
    with city.sessions() as s:
        for cid, text, dept, matter_id, code, matter_dept, industry, town in clues:
            assert text in texts[code]["texts"], (cid, code, text)
            assert dept == matter_dept == route(s, matter_id, industry, town), (cid, code)


def test_a_clue_names_an_entity_its_matter_applies_to(city):
    profile = load_profile()
    industry_tags = {i.code: set(i.tags) for i in profile.industries}
    carried = set().union(*industry_tags.values())
    matter_tags = {m.code: set(m.tags) & carried for m in profile.matters}
    clues = rows(city, "SELECT c.id, m.code, e.industry_code FROM clues c "
                       "JOIN regulatory_matters m ON m.id = c.matter_id JOIN market_entities e ON e.id = c.entity_id")
    assert clues
    misfits = [(cid, code, industry) for cid, code, industry in clues
               if matter_tags[code] and not matter_tags[code] & industry_tags[industry]]
    assert misfits == []


def test_licences_and_permits_fit_the_industry(city):
    industries = dict(rows(city, "SELECT code, name_zh FROM industries"))
    # Plainly: a pharmacy licence only for a drug seller, a food production licence only for food makers.
    for title, allowed in (("药品经营许可证", lambda code: "药" in industries[code]),
                           ("食品生产许可证", lambda code: code[:2] in ("13", "14", "15"))):
        held = rows(city, "SELECT DISTINCT e.industry_code FROM entity_records r JOIN market_entities e "
                          "ON e.id = r.entity_id WHERE r.title = ?", title)
        assert [code for (code,) in held if not allowed(code)] == [], title
    from core.credit.kinds import SERIOUS_TITLE
    from core.demo.applicability import IndustryRules

    vocab = load_vocabulary()
    rules = IndustryRules.from_vocabulary(vocab)
    checked = 0
    for kind, spec in vocab["records"].items():
        if not isinstance(spec["titles"], dict):
            continue
        held = rows(city, "SELECT r.title, e.industry_code FROM entity_records r JOIN market_entities e "
                          "ON e.id = r.entity_id WHERE r.kind = ?", kind)
        for title, industry in held:
            if title == SERIOUS_TITLE:  # written by the list transition (core.credit), not drawn
                continue
            assert rules.applies(spec["titles"][title], industry), (kind, title, industry)
            checked += 1
    for table, column, section in (("notification_pushes", "permit_name", vocab["pushes"]["permits"]),
                                   ("commitments", "matter_name", vocab["commitments"]["matters"])):
        for title, industry in rows(city, f"SELECT t.{column}, e.industry_code FROM {table} t "
                                          "JOIN market_entities e ON e.id = t.entity_id"):
            assert rules.applies(section[title], industry), (table, title, industry)
            checked += 1
    assert checked > 3000


def test_grid_events_come_from_the_towns_grid(city):
    grid = rows(city, "SELECT c.id, v.town_code, t.name_zh, v.name_zh, e.town_code, ev.actor, ev.department_id, "
                      "ev.note FROM clues c JOIN villages v ON v.code = c.source_village_code "
                      "JOIN towns t ON t.code = v.town_code LEFT JOIN market_entities e ON e.id = c.entity_id "
                      "JOIN clue_events ev ON ev.clue_id = c.id AND ev.from_state IS NULL WHERE c.source = 'grid'")
    assert len(grid) >= 20
    for cid, town, town_name, village_name, entity_town, actor, dept, note in grid:
        assert entity_town in (None, town), cid
        assert dept is None, cid                   # reported by the grid, not by a bureau
        assert actor.startswith("网格员"), (cid, actor)
        assert note.startswith(f"{town_name}{village_short_name(village_name)}"), (cid, note)
    records = rows(city, "SELECT r.id, r.department_id, r.title, t.name_zh FROM entity_records r "
                         "JOIN market_entities e ON e.id = r.entity_id JOIN towns t ON t.code = e.town_code "
                         "WHERE r.kind = 'grid_event'")
    assert records
    assert [r for r in records if r[1] is not None or not r[2].startswith(r[3])] == []


def test_a_joint_batch_has_at_least_two_departments(city):
    batches = rows(city, "SELECT b.id, b.name, COUNT(d.department_id) FROM draw_batches b "
                         "LEFT JOIN batch_departments d ON d.batch_id = b.id GROUP BY b.id, b.name")
    assert any("联合" in name for _, name, _ in batches)
    assert [(name, n) for _, name, n in batches if "联合" in name and n < 2] == []
    tasks = rows(city, "SELECT t.id, t.joint, COUNT(d.department_id) FROM inspection_tasks t "
                       "JOIN batch_departments d ON d.batch_id = t.batch_id GROUP BY t.id, t.joint")
    assert [t for t in tasks if bool(t[1]) != (t[2] >= 2)] == []


@pytest.mark.parametrize("spec", [CITY, NEW_YEAR], ids=["november", "new-year"])
def test_nothing_happened_after_the_demos_now(spec, tmp_path_factory):
    # The demo's clock reads 09:00 in Beijing on its "as of" day.
    now = dt.datetime.combine(spec.as_of, dt.time(9), BEIJING)
    db = _build(tmp_path_factory, spec)
    try:
        limit = now.astimezone(dt.timezone.utc).replace(tzinfo=None)
        late = {}
        checked = 0
        for table in Base.metadata.sorted_tables:
            for col in table.columns:
                name = f"{table.name}.{col.name}"
                if not isinstance(col.type, (Date, DateTime)) or name in DEADLINES:
                    continue
                with db.engine.connect() as conn:
                    values = conn.execute(table.select().with_only_columns(col)
                                          .where(col.is_not(None))).scalars().all()
                checked += len(values)
                if isinstance(col.type, DateTime):
                    bad = [v for v in values if v.replace(tzinfo=None) > limit]
                else:
                    bad = [v for v in values if v > spec.as_of]
                if bad:
                    late[name] = max(bad)
        assert checked > 1000
        assert late == {}
        # A step never comes before the one it follows; a closed clue closed at its last step.
        steps = rows(db, "SELECT c.id, c.received_at, c.closed_at, e.at FROM clues c "
                         "JOIN clue_events e ON e.clue_id = c.id ORDER BY c.id, e.id")
        last: dict[int, str] = {}
        for cid, received, closed, at in steps:
            assert at >= last.get(cid, received), cid
            last[cid] = at
        closed = dict(rows(db, "SELECT id, closed_at FROM clues WHERE closed_at IS NOT NULL"))
        assert all(closed[c] == last[c] for c in closed)
        # Results exist only for visits that were made.
        assert rows(db, "SELECT COUNT(*) FROM inspection_results r JOIN inspection_tasks t ON t.id = r.task_id "
                        "WHERE t.done_on IS NULL OR t.done_on > ?", spec.as_of.isoformat())[0][0] == 0
        assert spec.now == now
    finally:
        db.dispose()
