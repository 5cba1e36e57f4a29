"""The early-warning model: trained on one year, evaluated on the next; it beats a random and the
class ranking on the demo city (whose planted signal, core.demo.risk_signal, it must find)."""
import datetime as dt

import numpy as np

from core.credit.features import NUMERIC, load_entities, snapshots
from core.credit.warning import class_precision_at, design, precision_at, train
from core.credit.warning_bench import demo_today, figures

from .handmade import FAIL, PASS, entities, records, reference

K = 50  # of ~700 entities inspected in the held-out year of a 3,000-entity city


def test_the_model_beats_random_and_class_ranking_on_the_held_out_year(demo_db):
    today = demo_today(demo_db)
    with demo_db.engine.connect() as conn:
        trained = train(conn, today, k=K)
    p, e = trained.periods, trained.evaluation
    assert p.train_from < p.eval_from < p.until == today + dt.timedelta(days=1)
    assert e.k == K and e.evaluated > 400 and 0 < e.failed < e.evaluated
    assert e.precision_at_k > 1.5 * e.random_precision_at_k, e
    assert e.precision_at_k > 1.15 * e.class_precision_at_k, e
    assert e.lift_over_class > 1.15 and e.lift_over_random > 1.5


def test_every_score_is_the_sum_of_its_factors(demo_db):
    with demo_db.engine.connect() as conn:
        trained = train(conn, demo_today(demo_db), k=K)
    rows = np.arange(0, len(trained.entities), 97)
    x = design(trained.entities, trained.today, rows)
    model = trained.model
    parts = model.contributions(x)
    assert parts.shape == (len(rows), len(model.groups))
    assert np.allclose(parts.sum(axis=1) + model.intercept, model.logit(x), atol=1e-6)
    keys = [g.key for g in model.groups]
    assert keys[:len(NUMERIC)] == list(NUMERIC) and {"industry", "entity_type"} <= set(keys)
    assert "town" not in keys  # the village's failure rate says where; a town dummy crowded warnings
    assert "risk_class" not in keys  # today's class knows the held-out year: no feature


def test_bench_figures(demo_db):
    result = figures(demo_db, k=K)
    assert result["k"] == K and result["train_s"] > 0
    assert result["precision_at_k"] > result["class_precision_at_k"] and \
        result["precision_at_k"] > result["random_precision_at_k"]
    assert abs(result["lift_over_class"] - result["precision_at_k"] / result["class_precision_at_k"]) < 0.01


def test_features_see_only_the_history_before_the_cutoff_and_labels_only_the_window(db):
    (town, village, lat, lng), *_ = reference(db)
    failing, passing, never = entities(db, 3, town=town, village=village, lat=lat, lng=lng)
    cutoff, until = dt.date(2025, 11, 21), dt.date(2026, 11, 21)
    records(db, [(failing, "inspection", dt.date(2024, 3, 1), FAIL), (failing, "inspection", dt.date(2025, 6, 1), FAIL),
                 (failing, "complaint", dt.date(2025, 1, 1), "已转办"),
                 (failing, "inspection", dt.date(2026, 3, 1), FAIL),          # in the window: the label
                 (passing, "inspection", dt.date(2025, 6, 1), PASS),
                 (passing, "inspection", dt.date(2026, 3, 1), PASS),
                 (passing, "complaint", dt.date(2026, 3, 1), "已转办"),        # after the cutoff: not a feature
                 (never, "inspection", dt.date(2026, 12, 1), FAIL)])           # after the window: nothing
    with db.engine.connect() as conn:
        ents = load_entities(conn)
        (snap,) = snapshots(conn, ents, [(cutoff, until)])
    col = {k: j for j, k in enumerate(NUMERIC)}
    f, p, n = ents.position(np.array([failing, passing, never]))
    assert snap.numeric[f, col["inspections"]] == 2 and snap.numeric[p, col["inspections"]] == 1
    assert snap.numeric[f, col["complaints"]] == 1 and snap.numeric[p, col["complaints"]] == 0
    assert snap.numeric[f, col["fail_rate"]] > snap.numeric[p, col["fail_rate"]]
    assert snap.numeric[f, col["inspected_last_year"]] == 1 and snap.numeric[n, col["never_inspected"]] == 1
    assert list(snap.inspected[[f, p, n]]) == [True, True, False]
    assert list(snap.failed[[f, p, n]]) == [True, False, False]
    # The village's failure rate leaves the entity itself out: the failing one sees its neighbours' 1 of 2.
    assert snap.numeric[p, col["village_fail_rate"]] > snap.numeric[f, col["village_fail_rate"]]


def test_precision_and_the_class_baseline():
    failed = np.array([1, 0, 1, 0, 0, 1], dtype=bool)
    assert precision_at(np.array([0.9, 0.8, 0.7, 0.1, 0.2, 0.3]), failed, 2) == 0.5
    risk = np.array([3, 3, 2, 2, 0, 0])  # D, D, C, C, A, A
    assert class_precision_at(risk, failed, 2) == 0.5
    assert class_precision_at(risk, failed, 3) == (1 + 0.5) / 3  # both D, then half a C on average
