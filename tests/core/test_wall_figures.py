"""The wall's figures: they match counts made by hand in SQL on a small city, and the cache's
partial refresh after a change equals reading everything again (SQLite and PostgreSQL)."""
import datetime as dt
import itertools

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import aliased

from core.clues import CLOSED_STATES
from core.db.models import Clue, Department, MarketEntity, NotificationPush, RegulatoryMatter, Village
from core.db.models.enums import EntityStatus
from core.live.changes import ChangeSet
from core.services import clues, wall
from core.services.wall_figures import (
    TREND_DAYS,
    WallFigureCache,
    beijing_today,
    figures_json,
    scene_json,
    wall_figures,
)

TODAY = dt.date(2026, 11, 20)  # the demo city's "now": the hand counts
NOW = beijing_today()  # the changes below are made now: the cache tests count as of today (set per test)
BEIJING = dt.timezone(dt.timedelta(hours=8))
_n = itertools.count(40)


@pytest.fixture(autouse=True)
def _now():
    """Today in Beijing as each test starts, not as the module was imported: a run that passes
    Beijing midnight (16:00 UTC) would compare yesterday's figures with today's otherwise."""
    global NOW
    NOW = beijing_today()


def _comparable(figures) -> dict:
    data = figures_json(figures)
    data.pop("as_of")
    return data


def _beijing_day(at: dt.datetime) -> dt.date:
    return (at.replace(tzinfo=dt.timezone.utc) if at.tzinfo is None else at).astimezone(BEIJING).date()


def _open_clues(s):
    return s.execute(select(Clue.id, Clue.due_on, Clue.received_at, Clue.closed_at, Clue.state)).all()


def test_the_figures_match_counts_made_by_hand(demo_db):
    f = wall_figures(demo_db, today=TODAY)
    closed = {st.value for st in CLOSED_STATES}
    entity, village = aliased(MarketEntity), aliased(Village)
    with demo_db.sessions() as s:
        active = dict(s.execute(select(MarketEntity.town_code, func.count())
                                .where(MarketEntity.status == EntityStatus.ACTIVE)
                                .group_by(MarketEntity.town_code)).tuples().all())
        rows = s.execute(select(Clue.state, Clue.received_at, Clue.closed_at, Clue.due_on,
                                func.coalesce(entity.town_code, village.town_code))
                         .outerjoin(entity, entity.id == Clue.entity_id)
                         .outerjoin(village, village.code == Clue.source_village_code)).all()
        pushes = s.execute(select(NotificationPush.claim_due, NotificationPush.claimed_on,
                                  NotificationPush.status)).all()
    states = [(str(getattr(st, "value", st)), received, closed_at, due, town)
              for st, received, closed_at, due, town in rows]
    assert states and active
    # entities in business, per town and in all
    assert f.overview.entities == sum(active.values())
    assert {t.code: t.entities for t in f.towns} == {code: active.get(code, 0) for code in {t.code for t in f.towns}}
    # open clues, in all and per town
    open_rows = [r for r in states if r[0] not in closed]
    assert f.overview.open_clues == len(open_rows) > 0
    per_town = {}
    for r in open_rows:
        per_town[r[4]] = per_town.get(r[4], 0) + 1
    assert {t.code: t.open_clues for t in f.towns if t.open_clues} == {k: v for k, v in per_town.items() if k}
    # the trend: received, closed and overdue clues per Beijing day, the last 30 days
    days = [TODAY - dt.timedelta(days=TREND_DAYS - 1 - i) for i in range(TREND_DAYS)]
    assert [p.day for p in f.trend] == days
    for point in f.trend:
        d = point.day
        assert point.new_clues == sum(1 for r in states if _beijing_day(r[1]) == d)
        assert point.closed == sum(1 for r in states if r[0] in closed and r[2] is not None
                                   and _beijing_day(r[2]) == d)
        assert point.overdue == sum(1 for r in states if _beijing_day(r[1]) <= d and r[3] is not None and r[3] < d
                                    and not (r[0] in closed and r[2] is not None and _beijing_day(r[2]) <= d))
    assert sum(p.new_clues for p in f.trend) > 0
    # the claim rate: pushes due in the last four weeks, claimed in time / (claimed + unclaimed past due)
    lo = TODAY - dt.timedelta(days=27)
    due = [(claim_due, on, st) for claim_due, on, st in pushes if lo <= claim_due <= TODAY]
    claimed = [(d, on) for d, on, st in due if on is not None and on <= TODAY]
    late = [d for d, on, st in due if (on is None or on > TODAY) and d < TODAY]
    settled = len(claimed) + len(late)
    expected = sum(1 for d, on in claimed if on <= d) / settled if settled else None
    assert f.overview.claim_rate == pytest.approx(expected)


def test_one_definition_of_overdue_in_every_figure(demo_db):
    from core.services.map_layers import overdue_by_town

    f = wall_figures(demo_db, today=TODAY)
    by_town = overdue_by_town(demo_db, TODAY)  # the map's measure: the deadline engine's
    assert {t.code: t.overdue for t in f.towns if t.overdue} == by_town
    assert {r.key: r.overdue for r in f.town_ranking if r.overdue} == by_town
    assert sum(r.overdue for r in f.departments) <= f.overview.overdue  # the shared queue has no department
    assert sum(r.overdue for r in f.town_ranking) <= f.overview.overdue
    assert [r.overdue for r in f.departments] == sorted((r.overdue for r in f.departments), reverse=True)
    with demo_db.sessions() as s:
        names = dict(s.execute(select(Department.id, Department.name_zh)).tuples().all())
    assert all(names[int(r.key)] == r.name_zh and r.name_en for r in f.departments)


def _new_clue(db) -> int:
    with db.sessions() as s:
        uscc = s.scalar(select(MarketEntity.uscc).order_by(MarketEntity.id).offset(next(_n)).limit(1))
        matter = s.scalar(select(RegulatoryMatter.id).join(Department).where(Department.code == "SCJG")
                          .order_by(RegulatoryMatter.id).limit(1))
    return clues.create_clue(db, "operator", clues.NewClue(source="hotline", description="反映商户销售过期食品",
                                                           uscc=uscc, matter_id=matter))


def _collect(db):
    got: list[ChangeSet] = []
    return got, db.changes.subscribe(got.append)


def _merged(sets):
    out = ChangeSet()
    for one in sets:
        out = out.merged(one)
    return out


def test_a_partial_refresh_equals_a_full_read_after_clue_steps(demo_db):
    cache = WallFigureCache(demo_db, today=NOW)
    before = cache.get()
    got, stop = _collect(demo_db)
    try:
        clue_id = _new_clue(demo_db)
        clues.act(demo_db, "scjg", clue_id, "claim")
    finally:
        stop()
    changes = _merged(got)
    assert clue_id in changes.clues
    after = cache.refresh(changes)
    assert _comparable(after) == _comparable(wall_figures(demo_db, today=NOW))
    assert after.overview.open_clues == before.overview.open_clues + 1
    assert [e.kind for e in after.feed[:3]] == ["clue.claimed", "clue.assigned", "clue.received"]
    ref = clues.clue_detail(demo_db, clue_id).ref_no
    new = after.feed[2]
    assert new.title_zh.startswith(f"新线索 {ref}") and new.title_en.startswith(f"New clue {ref}")
    assert ref in after.feed[0].title_zh and "已签收" in after.feed[0].title_zh and "claimed" in after.feed[0].title_en
    # a change nothing announced is not seen until it is announced: the cache rereads only what it is told
    with demo_db.sessions.begin() as s:
        s.execute(update(Clue).where(Clue.id == clue_id).values(due_on=NOW - dt.timedelta(days=3)))
    assert cache.refresh(ChangeSet(wall=frozenset({0}))).overview.overdue == after.overview.overdue
    told = cache.refresh(ChangeSet(clues=frozenset({clue_id})))
    assert told.overview.overdue == after.overview.overdue + 1
    assert told.trend[-1].overdue == after.trend[-1].overdue + 1
    assert _comparable(told) == _comparable(wall_figures(demo_db, today=NOW))


def test_entity_and_wall_changes_refresh_their_parts(demo_db):
    cache = WallFigureCache(demo_db, today=NOW)
    before = cache.get()
    with demo_db.sessions() as s:
        entity_id, town = s.execute(select(MarketEntity.id, MarketEntity.town_code)
                                    .where(MarketEntity.status == EntityStatus.ACTIVE)
                                    .order_by(MarketEntity.id.desc()).limit(1)).one()
    with demo_db.sessions.begin() as s:
        s.execute(update(MarketEntity).where(MarketEntity.id == entity_id).values(status=EntityStatus.REVOKED))
    after = cache.refresh(ChangeSet(entities=frozenset({entity_id})))
    count = {t.code: t.entities for t in after.towns}
    assert count[town] == {t.code: t.entities for t in before.towns}[town] - 1
    assert after.overview.entities == before.overview.entities - 1
    got, stop = _collect(demo_db)
    try:
        pushed = wall.push_view(demo_db, "leader", workspace="clues", title="今日重点线索",
                                view={"kind": "scene", "scene": "rankings"})
    finally:
        stop()
    after = cache.refresh(_merged(got))
    assert after.latest_push == pushed and after.pushes[0] == pushed
    assert after.feed[0].kind == "wall.push" and "今日重点线索" in after.feed[0].title_zh
    assert _comparable(after) == _comparable(wall_figures(demo_db, today=NOW))
    everything = cache.refresh(ChangeSet(everything=True))
    assert _comparable(everything) == _comparable(after)


def test_the_json_has_stable_keys_and_iso_dates(demo_db):
    import json

    f = wall_figures(demo_db, today=TODAY)
    data = figures_json(f)
    assert set(data) == {"as_of", "today", "overview", "towns", "rankings", "trend", "feed", "pushes", "draw",
                         "themes"}
    assert data["today"] == "2026-11-20" and dt.datetime.fromisoformat(data["as_of"]).tzinfo is not None
    assert data["trend"][-1]["day"] == "2026-11-20"
    text = json.dumps(data, ensure_ascii=False)
    assert "risk" not in text  # the wall shows no risk class
    scene = scene_json(f, "rankings")
    assert set(scene) == {"scene", "as_of", "today", "rankings"}
    assert scene["rankings"]["departments"][0]["key"] == f.departments[0].key
    with pytest.raises(KeyError):
        scene_json(f, "nope")


def test_the_feed_names_no_person(demo_db):
    clue_id = _new_clue(demo_db)
    f = wall_figures(demo_db, today=TODAY)
    assert f.feed and f.feed[0].kind == "clue.assigned" and f.feed[0].object_id == clue_id
    texts = " ".join(e.title_zh + e.title_en for e in f.feed)
    for actor in ("operator", "leader", "scjg"):
        assert actor not in texts
    assert all(e.at.tzinfo is not None for e in f.feed)
    assert [e.at for e in f.feed] == sorted((e.at for e in f.feed), reverse=True)


def test_claims_verifications_and_cases_refresh_like_a_full_read(demo_db):
    from core.db.models import CommitmentVerification
    from core.services import obligations

    cache = WallFigureCache(demo_db, today=NOW)
    cache.get()
    with demo_db.sessions() as s:
        verification = s.scalar(select(CommitmentVerification.id).where(CommitmentVerification.done_on.is_(None))
                                .order_by(CommitmentVerification.id).limit(1))
        scjg = s.scalar(select(Department.id).where(Department.code == "SCJG"))
    assert verification is not None
    queue = obligations.shared_queue(demo_db, limit=1)
    got, stop = _collect(demo_db)
    try:
        obligations.verify_commitment(demo_db, "leader", verification, fulfilled=False, outcome="未按承诺整改",
                                      open_case=True)
        if queue:
            obligations.claim_push(demo_db, "leader", queue[0].id, scjg)
    finally:
        stop()
    changes = _merged(got)
    assert changes.commitments and changes.cases  # the case opened for the broken commitment too
    after = cache.refresh(changes)
    assert _comparable(after) == _comparable(wall_figures(demo_db, today=NOW))
    kinds = [e.kind for e in after.feed[:2]]
    assert kinds[:1] == ["push.claim"] and kinds[1] == "commitment.verify" if queue else kinds[0] == "commitment.verify"
