"""What one map update computes, without Qt: index view + town measure + overlays -> payload.

The controller runs :func:`compose` on a worker thread with its
:class:`~core.services.map_overlays.MapOverlays`, which keeps the clue layer and the clue
and overdue measures current change by change; the CLI's ``map export`` runs it directly,
reading those once. Labels arrive already translated (:class:`Labels`), so nothing here
touches the UI. Other database reads (a draw batch's entities) are cached in
:class:`DbCache`, which the controller clears when they may have changed.
"""
from __future__ import annotations

import math
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np

from core.db.database import Database
from core.errors import PermissionDenied
from core.geoindex import MapIndex, ViewRequest
from core.geoindex.gcj import to_display
from core.services import map_layers
from core.services.map_overlays import MapOverlays
from core.services.map_themes import MapThemes, ThemeMarkers, theme_markers
from core.services.search import EntityFilter
from maps.payload import build_payload, choropleth_breaks

MEASURES = ("entities", "risk_d_share", "open_clues", "overdue")
LEVELS = ("town", "village")
VILLAGE_MEASURES = ("entities", "risk_d_share")  # the clue measures are kept by town (core.services.map_layers)
COLOUR_BYS = ("risk", "entity_type", "status", "tags")


@dataclass(frozen=True)
class LayerChoice:
    """What the operator chose to see besides the filter."""

    colour_by: str = "risk"
    colour_tags: tuple[int, ...] = ()
    measure: str = "entities"
    level: str = "town"              # the regions the measure colours: towns, or surveyed villages
    heat: bool = False
    draw_batch: int | None = None
    clues: bool = False
    themes: bool = False             # the thematic warnings (专题预警, core.services.map_themes)


@dataclass(frozen=True)
class Labels:
    """Translated words for one payload (built on the GUI thread)."""

    colour_by: dict[str, str]                  # colour_by key -> label
    categories: dict[str, list[dict]]          # colour_by key -> [{key, label, colour}] in index order
    measures: dict[str, str]                   # measure key -> label
    draw_label: str = ""
    clues_label: str = ""
    title: str = ""
    themes_label: str = ""
    english: bool = False                      # the warnings' own titles in English


@dataclass
class DbCache:
    """Database reads that do not depend on the view; cleared when the data changes."""

    values: dict = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def get(self, key, load: Callable[[], object]):
        with self.lock:
            if key in self.values:
                return self.values[key]
        value = load()
        with self.lock:
            self.values[key] = value
        return value

    def clear(self) -> None:
        with self.lock:
            self.values.clear()


@dataclass(frozen=True)
class Query:
    """One map update: the view, the filter and the choices."""

    seq: int
    view: dict                       # south, west, north, east, zoom, width, height
    filter: EntityFilter = EntityFilter()
    choice: LayerChoice = LayerChoice()
    fit: list | None = None
    viewer: str | None = None        # the signed-in user: the clue layers show what it may see (clue.read)


def _tag_categories(labels: Labels, choice: LayerChoice) -> list[dict]:
    tags = labels.categories.get("tags", [])
    by_key = {c["key"]: c for c in tags}
    chosen = [by_key[f"tag:{t}"] for t in choice.colour_tags if f"tag:{t}" in by_key]
    none = [c for c in tags if c["key"] == "none"]
    return chosen + none


def categories_for(labels: Labels, choice: LayerChoice) -> list[dict]:
    if choice.colour_by == "tags":
        return _tag_categories(labels, choice)
    return labels.categories[choice.colour_by]


def _seen_clues(load, refused):
    """``load()``, or ``refused`` for a viewer whose role may not read it (no clue layer, no overdue
    measure: core.services.map_layers.overdue_by_town reads under efficiency.read)."""
    try:
        return load()
    except PermissionDenied:
        return refused


def _measure(index: MapIndex, db: Database | None, cache: DbCache, q: Query, text_ids,
             overlays: MapOverlays | None = None) -> tuple[dict, str]:
    f = q.filter
    if overlays is not None and q.choice.measure in ("open_clues", "overdue"):
        read = overlays.open_clues_by_town if q.choice.measure == "open_clues" else overlays.overdue_by_town
        return dict(_seen_clues(read, {})), "int"
    level = region_level(q.choice)
    if q.choice.measure == "risk_d_share":
        totals = index.region_counts(f, text_ids, level=level)
        high = index.region_counts(f, text_ids, risk="D", level=level)
        return {t: (high.get(t, 0) / n if n else 0.0) for t, n in totals.items()}, "percent"
    if q.choice.measure == "open_clues" and db is not None:
        return dict(cache.get("open_clues", lambda: _seen_clues(lambda: map_layers.open_clues_by_town(
            db, viewer=q.viewer), {}))), "int"
    if q.choice.measure == "overdue" and db is not None:
        return dict(cache.get("overdue", lambda: _seen_clues(lambda: map_layers.overdue_by_town(
            db, viewer=q.viewer), {}))), "int"
    return index.region_counts(f, text_ids, level=level), "int"


def region_level(choice: LayerChoice) -> str:
    """The level the measure is shown at: villages only for the measures counted by village."""
    return "village" if choice.level == "village" and choice.measure in VILLAGE_MEASURES else "town"


def _overlays(index: MapIndex, db: Database | None, cache: DbCache, q: Query, labels: Labels,
              overlays: MapOverlays | None = None, themes: MapThemes | None = None) -> dict:
    out: dict = {}
    if db is None:
        return out
    if q.choice.draw_batch is not None:
        batch = q.choice.draw_batch
        ids = cache.get(("draw", batch), lambda: map_layers.drawn_entity_ids(db, batch))
        found, lat, lng = index.positions(ids)
        out["draw"] = {"label": labels.draw_label, "id": [int(i) for i in found],
                       "lat": [round(float(v), 6) for v in lat], "lng": [round(float(v), 6) for v in lng]}
    if q.choice.clues:
        display = index.columns.display

        def load_clues() -> dict:
            read = overlays.clue_markers if overlays is not None else (
                lambda: map_layers.open_clue_markers(db, viewer=q.viewer))
            markers = _seen_clues(read, map_layers.ClueMarkers((), (), (), ()))
            lat, lng = to_display(np.asarray(markers.lats, dtype=np.float64),
                                  np.asarray(markers.lngs, dtype=np.float64), display)
            return {"id": list(markers.ids), "lat": np.round(lat, 6).tolist(), "lng": np.round(lng, 6).tolist(),
                    "overdue": [int(o) for o in markers.overdue]}

        clues = load_clues() if overlays is not None else cache.get(("clues", display), load_clues)
        out["clues"] = {"label": labels.clues_label, **clues}
    if q.choice.themes:
        display = index.columns.display

        def load_themes() -> dict:
            read = themes.markers if themes is not None else (lambda: theme_markers(db, viewer=q.viewer))
            markers = _seen_clues(read, ThemeMarkers((), (), (), (), (), ()))
            lat, lng = to_display(np.asarray(markers.lats, dtype=np.float64),
                                  np.asarray(markers.lngs, dtype=np.float64), display)
            return {"id": list(markers.ids), "lat": np.round(lat, 6).tolist(), "lng": np.round(lng, 6).tolist(),
                    "title": list(markers.titles_en if labels.english else markers.titles_zh)}

        found = load_themes() if themes is not None else cache.get(("themes", display, labels.english), load_themes)
        out["themes"] = {"label": labels.themes_label, **found}
    return out


def view_request(q: Query, text_ids: np.ndarray | None) -> ViewRequest:
    v = q.view
    return ViewRequest(
        south=float(v["south"]), west=float(v["west"]), north=float(v["north"]), east=float(v["east"]),
        zoom=float(v["zoom"]), width=max(1, int(v.get("width", 1280))), height=max(1, int(v.get("height", 800))),
        filter=replace(q.filter, text=""), text_ids=text_ids, colour_by=q.choice.colour_by,
        colour_tags=q.choice.colour_tags, heat=q.choice.heat,
    )


def compose(index: MapIndex, q: Query, labels: Labels, *, db: Database | None = None,
            cache: DbCache | None = None, text_ids: np.ndarray | None = None,
            overlays: MapOverlays | None = None, themes: MapThemes | None = None) -> tuple[dict, object]:
    """The payload for ``q`` and the index's ViewResult (clue layers and measures from ``overlays``
    when given, else read from ``db`` once)."""
    cache = cache if cache is not None else DbCache()
    result = index.view(view_request(q, text_ids))
    values, fmt = _measure(index, db, cache, q, text_ids, overlays)
    choropleth = {"key": q.choice.measure, "label": labels.measures.get(q.choice.measure, q.choice.measure),
                  "values": values, "breaks": choropleth_breaks(list(values.values())), "format": fmt,
                  "level": region_level(q.choice)}
    payload = build_payload(
        result, seq=q.seq, categories=categories_for(labels, q.choice),
        colour_by={"key": q.choice.colour_by, "label": labels.colour_by.get(q.choice.colour_by, "")},
        choropleth=choropleth, overlays=_overlays(index, db, cache, q, labels, overlays, themes), title=labels.title,
        fit=q.fit,
    )
    return payload, result


def whole_city_view(bounds, width: int = 1600, height: int = 1000) -> dict:
    """The view dict that fits ``bounds`` (south, west, north, east) into width x height pixels."""
    south, west, north, east = bounds

    def merc_y(lat: float) -> float:
        s = math.sin(math.radians(lat))
        return 0.5 - math.log((1 + s) / (1 - s)) / (4 * math.pi)

    span_x = (east - west) / 360.0
    span_y = abs(merc_y(south) - merc_y(north))
    zoom = math.floor(min(math.log2(width / 256 / span_x), math.log2(height / 256 / span_y)))
    return {"south": south, "west": west, "north": north, "east": east, "zoom": zoom, "width": width, "height": height}
