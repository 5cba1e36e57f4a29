"""Checks shared by the map page tests: local references, internet URLs, fake index results."""
from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import unquote, urlparse

import numpy as np

HTTP = re.compile(r"https?://", re.IGNORECASE)
TILES = "http://tiles.intranet/{z}/{x}/{y}.png"


def local_refs(page: str) -> list[Path]:
    """Every file:// script or stylesheet a page links, as paths."""
    refs = re.findall(r'(?:src|href)="(file://[^"]+)"', page)
    return [Path(unquote(urlparse(ref).path)) for ref in refs]


def linked_urls(page: str) -> list[str]:
    """Every src/href value of a script or link element."""
    return re.findall(r'<(?:script|link)\b[^>]*?(?:src|href)="([^"]+)"', page)


def fake_clusters(keys=("A", "B", "C", "D"), n=5, *, heat=True, seed=1) -> SimpleNamespace:
    """An object with the attributes of ``core.geoindex.ViewResult`` in clusters mode."""
    rng = np.random.default_rng(seed)
    cats = rng.integers(0, 500, size=(n, len(keys))).astype(np.int64)
    lat = 29.3 + rng.random(n) * 0.1 + 1e-9  # more decimals than a payload keeps
    lng = 120.0 + rng.random(n) * 0.1
    return SimpleNamespace(
        mode="clusters", total=1_200_000, visible=int(cats.sum()), category_keys=list(keys),
        category_visible=cats.sum(axis=0), cluster_lat=lat, cluster_lng=lng, cluster_count=cats.sum(axis=1),
        cluster_cats=cats, cell_deg=(np.float64(0.02), np.float64(0.015)),
        point_id=np.array([], np.int64), point_lat=np.array([]), point_lng=np.array([]),
        point_cat=np.array([], np.int64),
        heat_lat=lat if heat else None, heat_lng=lng if heat else None,
        heat_w=(cats.sum(axis=1) / cats.sum(axis=1).max()) if heat else None, elapsed_ms=1.5,
    )


def fake_points(keys=("A", "B", "C", "D"), n=7, *, seed=2) -> SimpleNamespace:
    """An object with the attributes of ``core.geoindex.ViewResult`` in points mode."""
    rng = np.random.default_rng(seed)
    cat = rng.integers(0, len(keys), n).astype(np.int64)
    return SimpleNamespace(
        mode="points", total=1_200_000, visible=n, category_keys=list(keys),
        category_visible=np.bincount(cat, minlength=len(keys)),
        cluster_lat=np.array([]), cluster_lng=np.array([]), cluster_count=np.array([], np.int64),
        cluster_cats=np.zeros((0, len(keys)), np.int64), cell_deg=(0.001, 0.001),
        point_id=np.arange(1000, 1000 + n, dtype=np.int64), point_lat=29.3 + rng.random(n) / 100,
        point_lng=120.0 + rng.random(n) / 100, point_cat=cat,
        heat_lat=None, heat_lng=None, heat_w=None, elapsed_ms=0.4,
    )
