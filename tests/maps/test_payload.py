"""The Python → page payload: shape rules of docs/map-protocol.md, plain JSON, rounding."""
from __future__ import annotations

import json

import numpy as np
import pytest

from maps.payload import (
    OTHER_COLOUR,
    TAG_PALETTE,
    build_payload,
    choropleth_breaks,
    entity_type_categories,
    risk_categories,
    status_categories,
    tag_categories,
)
from tests.maps.pagecheck import fake_clusters, fake_points

COLOUR_BY = {"key": "risk", "label": "风险等级 Risk class"}
CHORO = {"key": "entities", "label": "主体数 Entities", "values": {"330782001": 120, "330782002": 80.5}}


def _build(result, **kwargs):
    args = {"seq": 3, "categories": risk_categories(), "colour_by": COLOUR_BY, "choropleth": CHORO,
            "overlays": None, "title": "义乌市 · 全部主体"}
    args.update(kwargs)
    return build_payload(result, **args)


def _plain(value) -> bool:
    """Only JSON's own Python types; a numpy float64 is a float subclass json.dumps lets through."""
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_plain(v) for v in value)
    return value is None or type(value) in (str, int, float, bool)


def _decimals(x: float) -> int:
    text = repr(x)
    return len(text.split(".")[1]) if "." in text else 0


def test_a_clusters_payload_round_trips_through_json_with_plain_types():
    payload = _build(fake_clusters())
    assert _plain(payload)
    assert json.loads(json.dumps(payload, ensure_ascii=False)) == payload
    assert payload["seq"] == 3 and payload["mode"] == "clusters" and "points" not in payload
    assert payload["title"] == "义乌市 · 全部主体" and payload["colour_by"] == COLOUR_BY


def test_cluster_arrays_are_parallel_and_cats_flat():
    result = fake_clusters(n=6)
    c = _build(result)["clusters"]
    n, k = 6, 4
    assert len(c["lat"]) == len(c["lng"]) == len(c["count"]) == n
    assert len(c["cats"]) == n * k
    flat = np.asarray(result.cluster_cats).ravel().tolist()
    assert c["cats"] == flat
    assert c["count"] == [sum(c["cats"][i * k:(i + 1) * k]) for i in range(n)]
    assert c["cell"] == [0.02, 0.015]


def test_lat_lng_are_rounded_to_six_decimals():
    payload = _build(fake_clusters())
    values = payload["clusters"]["lat"] + payload["clusters"]["lng"] + payload["heat"]["lat"]
    assert max(_decimals(v) for v in values) <= 6
    assert payload["clusters"]["lat"][0] == round(float(fake_clusters().cluster_lat[0]), 6)


def test_category_columns_follow_the_legend_order_not_the_index_order():
    result = fake_clusters(keys=("C", "A", "D", "B"), n=3)
    payload = _build(result)
    assert [c["key"] for c in payload["categories"]] == ["A", "B", "C", "D"]
    cats = np.asarray(payload["clusters"]["cats"]).reshape(3, 4)
    src = np.asarray(result.cluster_cats)
    assert cats[:, 0].tolist() == src[:, 1].tolist()  # A
    assert cats[:, 2].tolist() == src[:, 0].tolist()  # C
    visible = {c["key"]: c["visible"] for c in payload["categories"]}
    assert visible == dict(zip(("C", "A", "D", "B"), src.sum(axis=0).tolist(), strict=True))


def test_unnamed_index_classes_are_appended_in_grey_and_unused_ones_count_zero():
    result = fake_clusters(keys=("A", "X"), n=2)
    payload = _build(result, categories=risk_categories()[:2])
    keys = [c["key"] for c in payload["categories"]]
    assert keys == ["A", "B", "X"]
    assert payload["categories"][2]["colour"] == OTHER_COLOUR
    cats = np.asarray(payload["clusters"]["cats"]).reshape(2, 3)
    assert cats[:, 1].tolist() == [0, 0]
    assert cats[:, 2].tolist() == np.asarray(result.cluster_cats)[:, 1].tolist()


def test_points_mode_arrays_are_parallel_and_categories_remapped():
    result = fake_points(keys=("D", "C", "B", "A"), n=9)
    payload = _build(result)
    pts = payload["points"]
    assert payload["mode"] == "points" and "clusters" not in payload
    assert len(pts["id"]) == len(pts["lat"]) == len(pts["lng"]) == len(pts["cat"]) == 9
    assert pts["id"] == list(range(1000, 1009))
    legend = [c["key"] for c in payload["categories"]]
    assert [legend[i] for i in pts["cat"]] == [("D", "C", "B", "A")[i] for i in result.point_cat]
    assert _plain(payload) and max(_decimals(v) for v in pts["lat"] + pts["lng"]) <= 6


def test_heat_only_when_asked_and_weights_within_zero_and_one():
    assert "heat" not in _build(fake_clusters(heat=False))
    result = fake_clusters()
    result.heat_w = np.asarray(result.heat_w) * 40  # raw counts: scaled back into 0..1
    heat = _build(result)["heat"]
    assert len(heat["lat"]) == len(heat["lng"]) == len(heat["w"]) == 5
    assert 0 <= min(heat["w"]) and max(heat["w"]) == 1.0


def test_choropleth_breaks_are_computed_when_absent_and_values_plain():
    ch = _build(fake_clusters())["choropleth"]
    assert ch["values"] == {"330782001": 120.0, "330782002": 80.5}
    assert ch["breaks"] == [80.5, 120.0] and ch["format"] == "int"
    given = _build(fake_clusters(), choropleth={**CHORO, "breaks": [0, 50, 100], "format": "percent"})
    assert given["choropleth"]["breaks"] == [0.0, 50.0, 100.0] and given["choropleth"]["format"] == "percent"
    assert "choropleth" not in _build(fake_clusters(), choropleth=None)
    with pytest.raises(ValueError, match="format"):
        _build(fake_clusters(), choropleth={**CHORO, "format": "ratio"})


def test_overlays_become_parallel_lists_with_overdue_flags():
    overlays = {
        "draw": {"label": "抽查对象", "id": np.array([5, 6]), "lat": np.array([29.1234567, 29.2]),
                 "lng": [120.1, 120.2]},
        "clues": {"label": "线索", "id": [9], "lat": [29.3], "lng": [120.3], "overdue": np.array([True])},
    }
    payload = _build(fake_clusters(), overlays=overlays, fit=[[29.1234567, 120.0], [29.5, 120.3]])
    assert payload["overlays"]["draw"] == {"label": "抽查对象", "id": [5, 6], "lat": [29.123457, 29.2],
                                           "lng": [120.1, 120.2]}
    assert payload["overlays"]["clues"]["overdue"] == [1]
    assert payload["fit"] == [[29.123457, 120.0], [29.5, 120.3]]
    assert _plain(payload)


@pytest.mark.parametrize("breakage", ["cluster", "points", "overlay"])
def test_arrays_that_are_not_parallel_are_refused(breakage):
    if breakage == "cluster":
        result = fake_clusters()
        result.cluster_lng = result.cluster_lng[:-1]
        call = lambda: _build(result)  # noqa: E731
    elif breakage == "points":
        result = fake_points()
        result.point_cat = result.point_cat[:-2]
        call = lambda: _build(result)  # noqa: E731
    else:
        call = lambda: _build(fake_clusters(), overlays={"draw": {"id": [1, 2], "lat": [1.0], "lng": [2.0]}})  # noqa: E731
    with pytest.raises(ValueError, match="parallel"):
        call()


def test_an_unknown_mode_is_refused():
    result = fake_clusters()
    result.mode = "grid"
    with pytest.raises(ValueError, match="mode"):
        _build(result)


# ----------------------------------------------------------------------------- breaks

def test_quantile_breaks_are_the_lower_class_edges():
    assert choropleth_breaks(range(100)) == [0, 20, 40, 60, 80]
    assert choropleth_breaks([3, 1, 2]) == [1, 2, 3]


@pytest.mark.parametrize("values", [
    [], [7], [5, 5, 5, 5], [1, 1, 1, 9], [0.1, 0.2], list(np.random.default_rng(3).exponential(100, 14)),
    [None, float("nan"), 4, 2],
])
def test_breaks_ascend_strictly_and_never_exceed_the_classes(values):
    breaks = choropleth_breaks(values)
    finite = [v for v in values if v is not None and v == v]
    assert len(breaks) <= 5
    assert all(b1 < b2 for b1, b2 in zip(breaks, breaks[1:], strict=False))
    if finite:
        assert breaks[0] == min(finite) and breaks[-1] <= max(finite)
    else:
        assert breaks == []


def test_equal_values_give_one_class():
    assert choropleth_breaks([5, 5, 5]) == [5.0]
    with pytest.raises(ValueError):
        choropleth_breaks([1, 2], classes=0)


# -------------------------------------------------------------------------- colours

def test_default_colours_for_risk_types_statuses_and_tags():
    risk = risk_categories()
    assert [c["key"] for c in risk] == ["A", "B", "C", "D"]
    assert [c["colour"] for c in risk] == ["#2e7d32", "#1565c0", "#f9a825", "#c62828"]
    assert risk[0]["label"] == "A 低风险"  # one language: the UI's
    assert risk_categories("en")[0]["label"] == "A Low risk"  # core.vocabulary, as in exports
    assert [c["label"] for c in tag_categories([("t", "标签", "")], "en")] == ["标签", "Other"]  # no English name
    assert [c["key"] for c in entity_type_categories()] == ["individual", "enterprise", "cooperative"]
    assert [c["key"] for c in status_categories()] == ["active", "deregistered", "revoked"]
    tags = tag_categories([(f"t{i}", f"标签{i}", f"Tag {i}") for i in range(8)])
    assert [c["colour"] for c in tags[:8]] == list(TAG_PALETTE) and tags[-1]["key"] == "other"
    assert len(set(TAG_PALETTE)) == 8
    with pytest.raises(ValueError, match="at most 8"):
        tag_categories([(f"t{i}", "z", "e") for i in range(9)])
