"""The figures every scene of the big-screen wall shows, read from one place.

:func:`wall_figures` reads everything the wall shows in one pass: the city overview, the
towns, the overdue rankings by department and town, the last 30 days of clues, the feed of
recent events, the pushes and the draw of the day. :class:`WallFigureCache` keeps them and,
given the :class:`~core.live.changes.ChangeSet` of a commit, recomputes only the parts it
touches (a clue step reloads that clue's clock, not the city). :func:`figures_json` turns
them into the plain JSON the read-only feed (:mod:`core.services.wall_feed`) serves.

Definitions (one each, shared by every scene):

- *overdue*: the deadline engine's (:mod:`core.deadlines`): every open clock past its due
  day, of every kind (clues, double-notification claims, commitment checks, inspection
  tasks, results publication, case decisions), as the efficiency monitor and the map's
  overdue measure count it (``overdue_all``);
- *open clues*: clue clocks still running today (not closed, not a duplicate);
- *on-time rate*: clocks due in the last four weeks (today included) that were done, and of
  those the share done on or before the due day (the efficiency monitor's "4 weeks");
- *claim rate*: double-notification pushes due in those four weeks, claimed in time over
  claimed plus unclaimed past due (:func:`core.deadlines.claim_rate_in_time`);
- *entities*: market entities in business (status ``active``, 存续);
- *inspections today*: inspection tasks finished today; *draws today*: batches drawn today
  (Beijing time).

The wall shows what a leader may see, and less: counts, unit names, clue and case numbers;
no risk class, no person's name (see :mod:`core.services.wall_events`).
"""
from __future__ import annotations

import datetime as dt
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from core.credit.themes import ThematicWarning
from core.db.database import Database

from .wall import PushedView

if TYPE_CHECKING:  # the change bus is the lead's (core.live); only its fields are read here
    from core.live.changes import ChangeSet

BEIJING = dt.timezone(dt.timedelta(hours=8))
TREND_DAYS = 30
FEED_SIZE = 30
PUSH_HISTORY = 20
RATE_WEEKS = 4
THEMES_MAX_AGE = 300.0  # seconds: thematic warnings are read again at least this often


@dataclass(frozen=True)
class CityOverview:
    """The city in one line of big numbers."""

    entities: int
    open_clues: int
    on_time_rate: float | None  # None: nothing due in the last four weeks was done
    overdue: int
    claim_rate: float | None    # 双告知 claimed in time; None: no push settled in the period
    inspections_today: int
    draws_today: int
    as_of: dt.datetime          # when the figures were computed (aware, UTC)
    city_zh: str = ""
    city_en: str = ""


@dataclass(frozen=True)
class TownFigure:
    """One town (镇/街道) on the map scene; ``lon``/``lat`` its centre (WGS-84)."""

    code: str
    name_zh: str
    name_en: str
    entities: int
    open_clues: int
    overdue: int
    lon: float
    lat: float


@dataclass(frozen=True)
class RankRow:
    """A department (``key`` its id as text) or a town (``key`` its code), by overdue clocks."""

    key: str
    name_zh: str
    name_en: str
    overdue: int
    open: int
    on_time_rate: float | None  # of its clocks due in the last four weeks


@dataclass(frozen=True)
class TrendPoint:
    """One day: clues received, clues closed, clues overdue at the end of the day."""

    day: dt.date
    new_clues: int
    closed: int
    overdue: int


@dataclass(frozen=True)
class FeedEvent:
    """One recorded change, worded for the wall (``kind`` is the audit action, e.g. "clue.open")."""

    at: dt.datetime
    kind: str
    title_zh: str
    title_en: str
    object_type: str
    object_id: int | None
    town_code: str | None


@dataclass(frozen=True)
class DrawSummary:
    """The batch for the draw-ceremony scene: drawn today, else the next one locked for its draw."""

    batch_id: int
    name: str
    plan_name: str
    year: int
    status: str               # draft | locked | drawn | published
    lead_department_zh: str
    lead_department_en: str
    departments: int          # departments on the joint team
    window_start: dt.date
    window_end: dt.date
    pool_count: int | None
    drawn: int                # entities drawn (0 before the draw)
    locked_at: dt.datetime | None
    drawn_at: dt.datetime | None


@dataclass(frozen=True)
class ThemeFigure:
    """One thematic warning (:mod:`core.credit.themes`) with the town it lies in (its first
    entity's town, else the town whose centre is nearest; "" when the city has no towns)."""

    warning: ThematicWarning
    town_code: str
    town_zh: str
    town_en: str


@dataclass(frozen=True)
class WallFigures:
    """Everything the wall shows, as of ``overview.as_of`` (for the Beijing day ``today``)."""

    overview: CityOverview
    towns: tuple[TownFigure, ...]          # by code
    departments: tuple[RankRow, ...]       # most overdue first
    town_ranking: tuple[RankRow, ...]      # most overdue first
    trend: tuple[TrendPoint, ...]          # the last 30 days, oldest first, today last
    feed: tuple[FeedEvent, ...]            # newest first
    latest_push: PushedView | None
    pushes: tuple[PushedView, ...]         # newest first
    next_draw: DrawSummary | None
    today: dt.date | None = None
    themes: tuple[ThemeFigure, ...] = ()   # thematic warnings, in core.credit.themes' order


def beijing_today() -> dt.date:
    return dt.datetime.now(BEIJING).date()


def wall_figures(db: Database, *, today: dt.date | None = None, snapshot_dir: Path | None = None) -> WallFigures:
    """Every figure of the wall in one read. ``snapshot_dir`` (e.g. :func:`core.paths.user_cache_dir`)
    keeps the clocks between runs as the efficiency monitor does (see :mod:`core.deadlines.snapshot`)."""
    return WallFigureCache(db, today=today, snapshot_dir=snapshot_dir).get()


class WallFigureCache:
    """The wall's figures, kept and brought up to date part by part.

    :meth:`get` computes them once and recomputes the day-dependent parts when the day
    turns; :meth:`refresh` takes the change set of a commit and rereads only what it touches:
    clues, cases, pushes, commitments or inspections reload those clocks and redo the
    overview, rankings, trend and feed; ``wall`` rereads the pushes; ``entities`` the town
    counts (and the clocks of those entities); ``batches`` the draw; ``clues`` and ``entities``
    the thematic warnings, which are read again anyway once they are ``THEMES_MAX_AGE``
    seconds old (licences expire without a commit). A read that fails (the
    database went away) is raised, and the next call reads everything. Thread-safe: one
    refresh at a time. ``refresh(None)`` reads everything: on the full city that is a couple
    of seconds of database work unless ``snapshot_dir`` holds a snapshot of unchanged clocks.
    """

    def __init__(self, db: Database, *, today: dt.date | None = None, snapshot_dir: Path | None = None) -> None:
        from .wall_parts import WallParts

        self._db = db
        self._fixed_today = today
        self._lock = threading.Lock()
        self._parts = WallParts(db, snapshot_dir)
        self._figures: WallFigures | None = None
        self._broken = False

    def _today(self) -> dt.date:
        return self._fixed_today or beijing_today()

    def get(self) -> WallFigures:
        """The figures (computed on first use; redone from the kept parts when the day turned)."""
        with self._lock:
            today = self._today()
            if self._figures is not None and self._figures.today == today and not self._broken:
                return self._figures
            with self._mending():
                if self._figures is None or self._broken:
                    self._parts.load_all(today)
                else:
                    self._parts.new_day(today)
                self._figures = self._parts.figures(today)
            return self._figures

    def refresh(self, changes: ChangeSet | None = None) -> WallFigures:
        """Bring the figures up to date after ``changes`` (None or ``everything``: reread all)."""
        with self._lock:
            today = self._today()
            with self._mending():
                if self._figures is None or self._broken or changes is None or getattr(changes, "everything", False):
                    self._parts.load_all(today)
                else:
                    if self._figures.today != today:
                        self._parts.new_day(today)
                    self._parts.apply(changes, today)
                self._figures = self._parts.figures(today)
            return self._figures

    @contextmanager
    def _mending(self):
        """A read that fails half-way (the database went away) leaves parts of two moments:
        the next call reads everything again."""
        try:
            yield
        except BaseException:
            self._broken = True
            raise
        self._broken = False


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def _rate(value: float | None) -> float | None:
    return round(value, 4) if value is not None else None


def _rank_json(rows: tuple[RankRow, ...]) -> list[dict]:
    return [{"key": r.key, "name_zh": r.name_zh, "name_en": r.name_en, "overdue": r.overdue, "open": r.open,
             "on_time_rate": _rate(r.on_time_rate)} for r in rows]


def _push_json(p: PushedView | None) -> dict | None:
    if p is None:
        return None
    return {"id": p.id, "pushed_at": _iso(p.pushed_at), "workspace": p.workspace, "title": p.title, "view": p.view}


def figures_json(figures: WallFigures) -> dict:
    """The figures as a plain JSON-able dict with stable keys; dates and times in ISO 8601.

    Top-level keys: ``as_of``, ``today``, and one per scene: ``overview``, ``towns``,
    ``rankings`` (``departments``, ``towns``), ``trend``, ``feed``, ``pushes`` (``latest``,
    ``history``), ``draw``, ``themes`` (thematic warnings: ``kind``, ``title_zh``/``title_en``,
    ``day``, ``count``, ``lat``/``lng``, ``entity_ids``, ``town_code``/``town_zh``/``town_en``). Rates are fractions (0.9731), or null when there is none.
    """
    o = figures.overview
    d = figures.next_draw
    return {
        "as_of": _iso(o.as_of),
        "today": _iso(figures.today),
        "overview": {"entities": o.entities, "open_clues": o.open_clues, "on_time_rate": _rate(o.on_time_rate),
                     "overdue": o.overdue, "claim_rate": _rate(o.claim_rate),
                     "inspections_today": o.inspections_today, "draws_today": o.draws_today,
                     "city_zh": o.city_zh, "city_en": o.city_en},
        "towns": [{"code": t.code, "name_zh": t.name_zh, "name_en": t.name_en, "entities": t.entities,
                   "open_clues": t.open_clues, "overdue": t.overdue, "lon": t.lon, "lat": t.lat}
                  for t in figures.towns],
        "rankings": {"departments": _rank_json(figures.departments), "towns": _rank_json(figures.town_ranking)},
        "trend": [{"day": _iso(p.day), "new_clues": p.new_clues, "closed": p.closed, "overdue": p.overdue}
                  for p in figures.trend],
        "feed": [{"at": _iso(e.at), "kind": e.kind, "title_zh": e.title_zh, "title_en": e.title_en,
                  "object_type": e.object_type, "object_id": e.object_id, "town_code": e.town_code}
                 for e in figures.feed],
        "pushes": {"latest": _push_json(figures.latest_push), "history": [_push_json(p) for p in figures.pushes]},
        "draw": None if d is None else {
            "batch_id": d.batch_id, "name": d.name, "plan_name": d.plan_name, "year": d.year, "status": d.status,
            "lead_department_zh": d.lead_department_zh, "lead_department_en": d.lead_department_en,
            "departments": d.departments, "window_start": _iso(d.window_start), "window_end": _iso(d.window_end),
            "pool_count": d.pool_count, "drawn": d.drawn, "locked_at": _iso(d.locked_at),
            "drawn_at": _iso(d.drawn_at)},
        "themes": [{"kind": t.warning.kind, "title_zh": t.warning.title_zh, "title_en": t.warning.title_en,
                    "day": _iso(t.warning.day), "count": t.warning.count, "lat": t.warning.lat,
                    "lng": t.warning.lng, "entity_ids": list(t.warning.entity_ids), "town_code": t.town_code,
                    "town_zh": t.town_zh, "town_en": t.town_en} for t in figures.themes],
    }


SCENES = ("overview", "towns", "rankings", "trend", "feed", "pushes", "draw", "themes")


def scene_json(figures: WallFigures, scene: str) -> dict:
    """One scene's part of :func:`figures_json`, with ``as_of`` and ``today`` (KeyError: no such scene)."""
    if scene not in SCENES:
        raise KeyError(scene)
    whole = figures_json(figures)
    return {"scene": scene, "as_of": whole["as_of"], "today": whole["today"], scene: whole[scene]}


__all__ = ["SCENES", "CityOverview", "DrawSummary", "FeedEvent", "RankRow", "ThemeFigure", "TownFigure",
           "TrendPoint", "WallFigureCache", "WallFigures", "beijing_today", "figures_json", "scene_json", "wall_figures"]
