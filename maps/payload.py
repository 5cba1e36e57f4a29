"""The Python → page payload of the entity map (``docs/map-protocol.md``).

:func:`build_payload` turns one aggregated view of the columnar index (a
``core.geoindex.ViewResult``, or any object with the same attributes) into the compact
JSON-ready dict the page draws: plain ``int``/``float``/``str`` only, lat/lng rounded to
6 decimals, per-cluster category counts flattened. Category columns are reordered to the
caller's legend order. Choropleth values with ``"format": "percent"`` are fractions (0..1).
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np

from maps.categories import (
    OTHER_COLOUR,
    TAG_PALETTE,
    entity_type_categories,
    other_category,
    risk_categories,
    status_categories,
    tag_categories,
)

__all__ = [
    "CHOROPLETH_CLASSES", "OTHER_COLOUR", "TAG_PALETTE", "build_payload", "choropleth_breaks",
    "entity_type_categories", "other_category", "risk_categories", "status_categories", "tag_categories",
]

CHOROPLETH_CLASSES = 5
_LATLNG_DECIMALS = 6
_FORMATS = ("int", "percent")


def _floats(values: Any, decimals: int = _LATLNG_DECIMALS) -> list[float]:
    arr = np.asarray(values, dtype=np.float64).ravel()
    return np.round(arr, decimals).tolist()


def _ints(values: Any) -> list[int]:
    return np.asarray(values).astype(np.int64).ravel().tolist()


def _length(name: str, values: Any) -> int:
    return 0 if values is None else int(np.asarray(values).size)


def _check_parallel(where: str, **arrays: Any) -> int:
    sizes = {name: _length(name, a) for name, a in arrays.items()}
    if len(set(sizes.values())) > 1:
        detail = ", ".join(f"{k}={v}" for k, v in sizes.items())
        raise ValueError(f"{where}: arrays must be parallel, got {detail}")
    return next(iter(sizes.values()), 0)


def choropleth_breaks(values: Iterable[float], classes: int = CHOROPLETH_CLASSES) -> list[float]:
    """Quantile class edges: the lower edge of each class, strictly ascending.

    ``breaks[0]`` is the minimum; a value falls in the last class whose edge it reaches.
    Equal or few values give fewer edges (never a repeated one); no finite value gives [].
    """
    if classes < 1:
        raise ValueError(f"classes must be at least 1, got {classes}")
    vals = sorted(float(v) for v in values if v is not None and math.isfinite(float(v)))
    if not vals:
        return []
    n = len(vals)
    breaks: list[float] = []
    for i in range(classes):
        edge = vals[min(n - 1, (i * n) // classes)]
        if not breaks or edge > breaks[-1]:
            breaks.append(edge)
    return breaks


def _categories(result: Any, categories: Sequence[Mapping]) -> tuple[list[dict], np.ndarray, np.ndarray]:
    """Payload categories in legend order, the source column of each (-1: none), key → payload index."""
    keys = [str(k) for k in result.category_keys]
    out = [{"key": str(c["key"]), "label": str(c["label"]), "colour": str(c["colour"])} for c in categories]
    listed = {c["key"] for c in out}
    if len(listed) != len(out):
        raise ValueError("categories: duplicate key")
    for k in keys:
        if k not in listed:  # an index class the caller did not name still gets drawn
            out.append({"key": k, "label": k, "colour": OTHER_COLOUR})
    position = {k: i for i, k in enumerate(keys)}
    source = np.array([position.get(c["key"], -1) for c in out], dtype=np.int64)
    target = np.array([next(j for j, c in enumerate(out) if c["key"] == k) for k in keys], dtype=np.int64)
    visible = getattr(result, "category_visible", None)
    if visible is not None:
        visible = np.asarray(visible).astype(np.int64)
        for c, src in zip(out, source):
            c["visible"] = int(visible[src]) if src >= 0 else 0
    return out, source, target


def _clusters(result: Any, source: np.ndarray) -> dict:
    n = _check_parallel("clusters", lat=result.cluster_lat, lng=result.cluster_lng, count=result.cluster_count)
    n_keys = len(result.category_keys)
    cats = np.asarray(result.cluster_cats, dtype=np.int64).reshape(n, n_keys) if n else np.zeros((0, n_keys), np.int64)
    ordered = np.zeros((n, len(source)), dtype=np.int64)
    have = source >= 0
    ordered[:, have] = cats[:, source[have]]
    w, h = (float(x) for x in result.cell_deg)
    return {
        "lat": _floats(result.cluster_lat), "lng": _floats(result.cluster_lng),
        "count": _ints(result.cluster_count), "cats": ordered.ravel().tolist(),
        "cell": [round(w, 9), round(h, 9)],
    }


def _points(result: Any, target: np.ndarray) -> dict:
    _check_parallel("points", id=result.point_id, lat=result.point_lat, lng=result.point_lng, cat=result.point_cat)
    cat = np.asarray(result.point_cat, dtype=np.int64).ravel()
    if cat.size and (cat.min() < 0 or cat.max() >= len(target)):
        raise ValueError(f"points: category index out of range 0..{len(target) - 1}")
    return {
        "id": _ints(result.point_id), "lat": _floats(result.point_lat), "lng": _floats(result.point_lng),
        "cat": target[cat].tolist() if cat.size else [],
    }


def _heat(result: Any) -> dict | None:
    lat, lng, w = (getattr(result, a, None) for a in ("heat_lat", "heat_lng", "heat_w"))
    if lat is None or lng is None or w is None:
        return None
    _check_parallel("heat", lat=lat, lng=lng, w=w)
    weights = np.asarray(w, dtype=np.float64).ravel()
    top = float(weights.max()) if weights.size else 0.0
    if top > 1:
        weights = weights / top  # the protocol's weights lie in 0..1
    return {"lat": _floats(lat), "lng": _floats(lng), "w": np.round(np.clip(weights, 0, 1), 3).tolist()}


def _choropleth(spec: Mapping) -> dict:
    values = {str(k): float(v) for k, v in dict(spec.get("values", {})).items() if v is not None}
    fmt = spec.get("format", "int")
    if fmt not in _FORMATS:
        raise ValueError(f"choropleth format must be one of {', '.join(_FORMATS)}, got {fmt!r}")
    breaks = spec.get("breaks")
    breaks = choropleth_breaks(values.values()) if breaks is None else [float(b) for b in breaks]
    if any(b2 < b1 for b1, b2 in zip(breaks, breaks[1:])):
        raise ValueError(f"choropleth breaks must ascend: {breaks}")
    level = str(spec.get("level", "town"))
    if level not in ("town", "village"):
        raise ValueError(f"choropleth level must be town or village, got {level!r}")
    return {"key": str(spec["key"]), "label": str(spec["label"]), "values": values, "breaks": breaks, "format": fmt,
            "level": level}


def _overlays(spec: Mapping) -> dict:
    out = {}
    for name, layer in spec.items():
        if layer is None:
            continue
        arrays = {k: layer[k] for k in ("id", "lat", "lng") if k in layer}
        for extra in ("overdue", "title"):
            if extra in layer:
                arrays[extra] = layer[extra]
        if set(arrays) < {"id", "lat", "lng"}:
            raise ValueError(f"overlay {name!r} needs id, lat and lng")
        _check_parallel(f"overlay {name!r}", **arrays)
        item: dict[str, Any] = {
            "label": str(layer.get("label", name)),
            "id": _ints(layer["id"]), "lat": _floats(layer["lat"]), "lng": _floats(layer["lng"]),
        }
        if "overdue" in layer:
            item["overdue"] = [1 if v else 0 for v in np.asarray(layer["overdue"]).ravel().tolist()]
        if "title" in layer:
            item["title"] = [str(v) for v in layer["title"]]
        out[str(name)] = item
    return out


def build_payload(
    result: Any,
    *,
    seq: int,
    categories: Sequence[Mapping],
    colour_by: Mapping,
    choropleth: Mapping | None,
    overlays: Mapping | None,
    title: str,
    fit: Sequence[Sequence[float]] | None = None,
) -> dict:
    """The page payload for one aggregated view ``result``.

    ``categories`` are ``{"key", "label", "colour"}`` in legend order; index classes not
    listed are appended in grey. Each category gains ``"visible"`` (its count in view)
    when ``result.category_visible`` is given. ``choropleth`` is ``{"key", "label",
    "values": {town code: number}, "format"?, "breaks"?}`` (breaks computed when absent);
    ``overlays`` maps ``"draw"``/``"clues"``/``"themes"`` to ``{"label", "id", "lat", "lng",
    "overdue"?, "title"?}`` (``title``: a text per marker, for its tip). Raises ``ValueError`` for arrays that are not parallel.
    """
    mode = str(result.mode)
    if mode not in ("clusters", "points"):
        raise ValueError(f"mode must be 'clusters' or 'points', got {mode!r}")
    cats, source, target = _categories(result, categories)
    payload: dict[str, Any] = {
        "seq": int(seq),
        "mode": mode,
        "total": int(result.total),
        "visible": int(result.visible),
        "colour_by": {"key": str(colour_by["key"]), "label": str(colour_by["label"])},
        "categories": cats,
    }
    if mode == "clusters":
        payload["clusters"] = _clusters(result, source)
    else:
        payload["points"] = _points(result, target)
    heat = _heat(result)
    if heat is not None:
        payload["heat"] = heat
    if choropleth is not None:
        payload["choropleth"] = _choropleth(choropleth)
    if overlays:
        payload["overlays"] = _overlays(overlays)
    payload["title"] = str(title)
    if fit is not None:
        (s, w), (n, e) = fit
        payload["fit"] = [_floats([s, w]), _floats([n, e])]
    return payload
