"""Thematic warnings: complaints clustering in one market building in a week; class-D licences expiring."""
import datetime as dt

from core.credit.themes import metres, thematic_warnings

from .handmade import entities, records, reference

TODAY = dt.date(2026, 11, 20)


def test_complaints_in_one_building_in_a_week_raise_one_warning_at_the_building(db):
    (town, village, lat, lng), (far_town, far_village, far_lat, far_lng), *_ = reference(db)
    # A market building: four stalls 20 m apart; another stall 60 m further shares its address.
    stalls = entities(db, 4, town=town, village=village, lat=lat, lng=lng, spread_m=20)
    annex = entities(db, 1, town=town, village=village, lat=lat + 0.01, lng=lng, address="义乌市测试商城A座")
    same_address = entities(db, 1, town=town, village=village, lat=lat + 0.02, lng=lng, address="义乌市测试商城A座")
    lonely = entities(db, 3, town=far_town, village=far_village, lat=far_lat, lng=far_lng, spread_m=500)
    day = TODAY - dt.timedelta(days=3)
    records(db, [(e, "complaint", day, "已转办") for e in stalls[:3]]
            + [(stalls[0], "complaint", TODAY - dt.timedelta(days=20), "已转办")]   # older than a week
            + [(annex[0], "complaint", day, "已转办"), (same_address[0], "complaint", TODAY, "已转办")]
            + [(e, "complaint", day, "已转办") for e in lonely])                     # 500 m apart: no cluster
    found = thematic_warnings(db, TODAY)
    clusters = [w for w in found if w.kind == "complaint_cluster"]
    assert len(clusters) == 1
    (cluster,) = clusters
    assert cluster.count == 3 and set(cluster.entity_ids) == set(stalls[:3])
    assert metres(cluster.lat, cluster.lng, lat, lng) < 50
    assert "3 起投诉" in cluster.title_zh and "3 complaints" in cluster.title_en
    # Two complaints at one address are too few; a third makes them a cluster, though 1 km apart.
    records(db, [(annex[0], "complaint", TODAY - dt.timedelta(days=6), "已转办")])
    clusters = [w for w in thematic_warnings(db, TODAY) if w.kind == "complaint_cluster"]
    assert len(clusters) == 2
    assert any(set(w.entity_ids) == {annex[0], same_address[0]} and w.count == 3 for w in clusters)
    # A week later they are history.
    assert [w for w in thematic_warnings(db, TODAY + dt.timedelta(days=8)) if w.kind == "complaint_cluster"] == []


def test_a_class_d_entitys_licence_expiring_within_30_days_raises_a_warning(db):
    (town, village, lat, lng), *_ = reference(db)
    d_expiring, d_renewed, d_later = entities(db, 3, town=town, village=village, lat=lat, lng=lng, risk_class="D")
    (c_expiring,) = entities(db, 1, town=town, village=village, lat=lat, lng=lng, risk_class="C")
    soon, later = TODAY + dt.timedelta(days=20), TODAY + dt.timedelta(days=45)
    records(db, [(d_expiring, "licence", dt.date(2021, 12, 10), "准予许可"),
                 (d_renewed, "licence", dt.date(2021, 12, 10), "准予许可"),
                 (c_expiring, "licence", dt.date(2021, 12, 10), "准予许可")], valid_until=soon, title="食品经营许可证")
    records(db, [(d_renewed, "licence", dt.date(2026, 11, 1), "准予延续")], valid_until=dt.date(2031, 11, 1),
            title="食品经营许可证")
    records(db, [(d_later, "licence", dt.date(2021, 12, 10), "准予许可")], valid_until=later, title="食品经营许可证")
    found = [w for w in thematic_warnings(db, TODAY) if w.kind == "licence_expiring"]
    assert [w.entity_ids for w in found] == [(d_expiring,)]
    (w,) = found
    assert w.day == soon and (w.lat, w.lng) == (lat, lng)
    assert "食品经营许可证" in w.title_zh and "2026-12-10" in w.title_en
    # Fifteen days on, the later one is within 30 days too.
    assert {w.entity_ids for w in thematic_warnings(db, TODAY + dt.timedelta(days=16))
            if w.kind == "licence_expiring"} == {(d_expiring,), (d_later,)}
