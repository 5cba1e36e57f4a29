"""Fairness: a group warned out of proportion with what its inspections found is flagged."""
import datetime as dt

from core.credit.fairness import binomial_p, fairness_report

from .handmade import FAIL, PASS, entities, records, reference, warnings

TODAY = dt.date(2026, 11, 20)


def _history(db):
    """Two towns of 300 entities each; in both, every entity was inspected once last year and 30 % of
    them failed: their outcomes justify the same number of warnings."""
    (a_town, a_village, a_lat, a_lng), (b_town, b_village, b_lat, b_lng), *_ = reference(db)
    a = entities(db, 300, town=a_town, village=a_village, lat=a_lat, lng=a_lng)
    b = entities(db, 300, town=b_town, village=b_village, lat=b_lat, lng=b_lng)
    day = TODAY - dt.timedelta(days=100)
    records(db, [(e, "inspection", day, FAIL if i % 10 < 3 else PASS) for group in (a, b) for i, e in enumerate(group)])
    return a_town, b_town, a, b


def test_a_town_warned_out_of_proportion_with_its_outcomes_is_flagged(db):
    a_town, b_town, a, b = _history(db)
    warnings(db, a[:60] + b[:10])  # planted bias: six times the warnings for the same outcomes
    report = fairness_report(db, TODAY)
    assert report.warnings == 70
    towns = {g.group: g for g in report.groups if g.dimension == "town"}
    over, under = towns[a_town], towns[b_town]
    assert (over.entities, over.warnings, over.inspected, over.failed) == (300, 60, 300, 90)
    assert abs(over.expected - 35) < 0.01 and abs(under.expected - 35) < 0.01
    assert over.ratio > 1.5 and under.ratio < 1 / 1.5
    assert over.flagged and under.flagged
    assert {(g.dimension, g.group) for g in report.flagged} == {("town", a_town), ("town", b_town)}
    # Industry and entity type are the same for all: nothing to compare, nothing flagged.
    assert all(g.ratio == 1.0 or abs(g.ratio - 1.0) < 1e-9 for g in report.groups if g.dimension != "town")


def test_warnings_that_follow_outcomes_are_not_flagged(db):
    a_town, b_town, a, b = _history(db)
    warnings(db, a[:33] + b[:37])  # within chance of 35 each
    report = fairness_report(db, TODAY)
    assert report.flagged == []
    towns = {g.group: g for g in report.groups if g.dimension == "town"}
    assert towns[a_town].warnings == 33 and towns[b_town].warnings == 37


def test_more_warnings_are_justified_where_more_inspections_fail(db):
    (a_town, a_village, a_lat, a_lng), (b_town, b_village, b_lat, b_lng), *_ = reference(db)
    a = entities(db, 300, town=a_town, village=a_village, lat=a_lat, lng=a_lng)
    b = entities(db, 300, town=b_town, village=b_village, lat=b_lat, lng=b_lng)
    day = TODAY - dt.timedelta(days=100)
    # Town A fails 60 %, town B 15 %: 60 warnings for A and 10 for B is what the outcomes justify.
    records(db, [(e, "inspection", day, FAIL if i % 20 < 12 else PASS) for i, e in enumerate(a)]
            + [(e, "inspection", day, FAIL if i % 20 < 3 else PASS) for i, e in enumerate(b)])
    warnings(db, a[:58] + b[:12])
    report = fairness_report(db, TODAY)
    assert report.flagged == []
    towns = {g.group: g for g in report.groups if g.dimension == "town"}
    assert towns[a_town].expected > 3 * towns[b_town].expected


def test_binomial_p_value():
    assert binomial_p(5, 10, 0.5) == 1.0
    assert binomial_p(60, 70, 0.5) < 1e-8
    assert 0.01 < binomial_p(42, 70, 0.5) < 0.2
