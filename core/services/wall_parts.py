"""The parts :class:`~core.services.wall_figures.WallFigureCache` keeps, each read on its own.

Clocks (every deadline, :mod:`core.deadlines`), names and places, entity counts per town,
pushes, the draw of the day and the feed are read separately, so a change set rereads
only the parts it touches. A clue step reloads that clue's clock: one row from the
database, not the city's 270,000 (:func:`replace_clocks`).
"""
from __future__ import annotations

import datetime as dt
import math
import time
from pathlib import Path

import numpy as np
from sqlalchemy import func, select

from core.db.database import Database
from core.db.models import (
    AppMeta,
    BatchDepartment,
    Department,
    DrawBatch,
    DrawnObject,
    DrawPlan,
    DrawRecord,
    InspectionTask,
    MarketEntity,
    Town,
)
from core.db.models.enums import EntityStatus
from core.deadlines import (
    DeadlineItems,
    Kind,
    Level,
    assess,
    by_group,
    claim_rate_in_time,
    day_date,
    day_number,
    load_policy,
)
from core.deadlines.summary import ClaimRow
from core.workdays import default_calendar

from .map_overlays import CLOCK_FIELDS, reload_clocks, verification_ids
from .wall import latest_view, push_history
from .wall_figures import (
    BEIJING,
    FEED_SIZE,
    PUSH_HISTORY,
    RATE_WEEKS,
    THEMES_MAX_AGE,
    TREND_DAYS,
    CityOverview,
    DrawSummary,
    RankRow,
    ThemeFigure,
    TownFigure,
    TrendPoint,
    WallFigures,
)


def replace_clocks(db: Database, items: DeadlineItems, wanted: dict[Kind, set[int]], *, calendar,
                   policy) -> DeadlineItems:
    """``items`` with the clocks of ``wanted`` (kind -> item ids) read again from the database
    (:func:`core.services.map_overlays.reload_clocks`, the engine's own selects narrowed to the
    ids): changed rows replaced, new ones added, vanished ones (a cancelled task) dropped."""
    wanted = {Kind(k): {int(i) for i in ids} for k, ids in wanted.items() if ids}
    if not wanted:
        return items
    fresh = reload_clocks(db, wanted, items.town_codes, calendar, policy)
    stale = np.zeros(len(items), dtype=bool)
    for kind, ids in wanted.items():
        stale |= (items.kind == int(kind)) & np.isin(items.item_id, np.fromiter(ids, dtype=np.int64))
    return DeadlineItems.concat([items.take(~stale), fresh])


def _names(changes, field: str) -> frozenset:
    return getattr(changes, field, frozenset()) or frozenset()


class WallParts:
    """The kept parts and the figures made of them (used under the cache's lock)."""

    def __init__(self, db: Database, snapshot_dir: Path | None = None) -> None:
        self.db = db
        self.snapshot_dir = snapshot_dir
        self.calendar = default_calendar()
        self.policy = load_policy()
        self.items = DeadlineItems.empty()
        self.assessment = None
        self.departments: dict[int, tuple[str, str]] = {}
        self.towns: dict[str, tuple[str, str, float, float]] = {}
        self.city = ("", "")
        self.entities: dict[str | None, int] = {}
        self.pushes: tuple = ()
        self.latest = None
        self.batches: list[DrawSummary] = []
        self.feed: tuple = ()
        self.themes: tuple[ThemeFigure, ...] = ()
        self.themes_read_at = -math.inf  # time.monotonic() of the last read

    # -- reading the parts ---------------------------------------------------------------
    def load_all(self, today: dt.date) -> None:
        from .efficiency import load_clocks

        self.read_reference()
        # the efficiency monitor's snapshot, when one is kept and matches the data
        self.items, self.assessment, _fresh = load_clocks(self.db, today, calendar=self.calendar, policy=self.policy,
                                                          snapshot_dir=self.snapshot_dir)
        self.read_entities()
        self.read_pushes()
        self.read_batches()
        self.read_feed()
        self.read_themes(today)

    def new_day(self, today: dt.date) -> None:
        # Open case pauses move due days by the day the clocks are read: read them all again.
        self.load_all(today)

    def assess(self, today: dt.date) -> None:
        self.assessment = assess(self.items, today, self.calendar, self.policy)

    def read_reference(self) -> None:
        with self.db.sessions() as s:
            self.departments = {i: (zh, en) for i, zh, en in
                                s.execute(select(Department.id, Department.name_zh, Department.name_en))}
            self.towns = {c: (zh, en, lng, lat) for c, zh, en, lng, lat in
                          s.execute(select(Town.code, Town.name_zh, Town.name_en, Town.lng, Town.lat))}
            meta = dict(s.execute(select(AppMeta.key, AppMeta.value)
                                  .where(AppMeta.key.in_(("city_name_zh", "city_name_en")))).tuples().all())
        self.city = (meta.get("city_name_zh", ""), meta.get("city_name_en", ""))

    def read_entities(self) -> None:
        """Entities in business per town. SQLite: all per town (the town index covers it) less the
        closed ones per town (found by the status index; the expression keeps the planner off
        the town index, which would read every row): 0.25 s instead of 1 s for 1.2 million."""
        e = MarketEntity
        with self.db.sessions() as s:
            if self.db.dialect != "sqlite":
                stmt = select(e.town_code, func.count()).where(e.status == EntityStatus.ACTIVE).group_by(e.town_code)
                self.entities = {code: int(n) for code, n in s.execute(stmt)}
                return
            counts = {code: int(n) for code, n in s.execute(select(e.town_code, func.count()).group_by(e.town_code))}
            town = func.coalesce(e.town_code, "")
            closed = (select(town, func.count()).where(e.status.in_([st for st in EntityStatus
                                                                      if st != EntityStatus.ACTIVE]))
                      .group_by(town))
            for code, n in s.execute(closed):
                counts[code or None] = counts.get(code or None, 0) - int(n)
        self.entities = counts

    def read_pushes(self) -> None:
        self.pushes = tuple(push_history(self.db, PUSH_HISTORY))
        self.latest = self.pushes[0] if self.pushes else latest_view(self.db)

    def read_feed(self) -> None:
        from .wall_events import feed_events

        self.feed = feed_events(self.db, FEED_SIZE)

    def read_themes(self, today: dt.date) -> None:
        """The thematic warnings of ``today`` (core.credit.themes), each placed in a town."""
        from core.credit.themes import thematic_warnings

        warnings = thematic_warnings(self.db, today)
        firsts = sorted({w.entity_ids[0] for w in warnings if w.entity_ids})
        towns: dict[int, str | None] = {}
        with self.db.sessions() as s:
            for i in range(0, len(firsts), 500):
                towns.update(s.execute(select(MarketEntity.id, MarketEntity.town_code)
                                       .where(MarketEntity.id.in_(firsts[i:i + 500]))).tuples().all())
        out = []
        for w in warnings:
            code = towns.get(w.entity_ids[0]) if w.entity_ids else None
            if code not in self.towns:
                code = min(self.towns, default="",
                           key=lambda c: (self.towns[c][3] - w.lat) ** 2 + (self.towns[c][2] - w.lng) ** 2)
            zh, en = self.towns[code][:2] if code else ("", "")
            out.append(ThemeFigure(w, code or "", zh, en))
        self.themes = tuple(out)
        self.themes_read_at = time.monotonic()

    def read_batches(self) -> None:
        """Every batch that is locked, drawn or published (a city has tens a year)."""
        drawn = select(DrawnObject.batch_id, func.count().label("n")).group_by(DrawnObject.batch_id).subquery()
        team = (select(BatchDepartment.batch_id, func.count().label("n"))
                .group_by(BatchDepartment.batch_id).subquery())
        stmt = (select(DrawBatch, DrawPlan.name, DrawPlan.year, drawn.c.n, team.c.n, DrawRecord.summary)
                .join(DrawPlan, DrawPlan.id == DrawBatch.plan_id)
                .outerjoin(drawn, drawn.c.batch_id == DrawBatch.id)
                .outerjoin(team, team.c.batch_id == DrawBatch.id)
                .outerjoin(DrawRecord, DrawRecord.batch_id == DrawBatch.id)
                .where(DrawBatch.status != "draft"))
        out = []
        with self.db.sessions() as s:
            for b, plan, year, n_drawn, n_team, summary in s.execute(stmt):
                if (summary or {}).get("abandoned"):
                    continue
                zh, en = self.departments.get(b.lead_department_id, ("", ""))
                out.append(DrawSummary(b.id, b.name, plan, int(year), b.status.value, zh, en, int(n_team or 0),
                                       b.window_start, b.window_end, b.pool_count, int(n_drawn or 0),
                                       _utc(b.locked_at), _utc(b.drawn_at)))
        self.batches = out

    def apply(self, changes, today: dt.date) -> None:
        """Reread what ``changes`` touches (see :class:`~core.services.wall_figures.WallFigureCache`)."""
        if "reference" in _names(changes, "settings"):
            self.read_reference()
        wanted: dict[Kind, set[int]] = {}
        for field, kinds in CLOCK_FIELDS.items():
            ids = set(_names(changes, field))
            if field == "commitments" and ids:
                ids = verification_ids(self.db, ids)  # services audit the commitment; the clocks are its checks
            for kind in kinds:
                wanted.setdefault(kind, set()).update(ids)
        entities = _names(changes, "entities")
        if entities:
            self.read_entities()
            mine = np.isin(self.items.entity, np.fromiter(entities, dtype=np.int64))
            for kind, item_id in zip(self.items.kind[mine].tolist(), self.items.item_id[mine].tolist()):
                wanted.setdefault(Kind(kind), set()).add(item_id)
        batches = _names(changes, "batches")
        if batches:
            with self.db.sessions() as s:
                tasks = list(s.scalars(select(InspectionTask.id).where(InspectionTask.batch_id.in_(batches))))
            for kind in CLOCK_FIELDS["inspections"]:  # a draw makes tasks; publishing stops results clocks
                wanted.setdefault(kind, set()).update(tasks)
        if batches or _names(changes, "plans"):
            self.read_batches()
        if any(wanted.values()):
            self.items = replace_clocks(self.db, self.items, wanted, calendar=self.calendar, policy=self.policy)
            self.assess(today)
        if _names(changes, "wall"):
            self.read_pushes()
        self.read_feed()
        if (entities or _names(changes, "clues")
                or time.monotonic() - self.themes_read_at >= THEMES_MAX_AGE):
            self.read_themes(today)

    # -- the figures ---------------------------------------------------------------------
    def figures(self, today: dt.date) -> WallFigures:
        items, a = self.items, self.assessment
        t = day_number(today)
        lv = a.levels
        clue = items.kind == int(Kind.CLUE_HANDLING)
        late = lv >= int(Level.OVERDUE)
        running = lv >= int(Level.ON_TIME)
        period = (t - 7 * RATE_WEEKS + 1, t)
        in_period = (items.due >= period[0]) & (items.due <= period[1])
        done = in_period & (lv <= int(Level.DONE_LATE))
        on_time = int((done & (lv == int(Level.DONE_ON_TIME))).sum())
        claims = ClaimRow.total(claim_rate_in_time(items, a, period))
        drawn_today = [b for b in self.batches if b.drawn_at is not None
                       and b.drawn_at.astimezone(BEIJING).date() == today]
        overview = CityOverview(
            entities=sum(self.entities.values()), open_clues=int((clue & running).sum()),
            on_time_rate=on_time / int(done.sum()) if done.any() else None, overdue=int(late.sum()),
            claim_rate=claims.rate,
            inspections_today=int(((items.kind == int(Kind.INSPECTION_TASK)) & (items.done == t)).sum()),
            draws_today=len(drawn_today), as_of=dt.datetime.now(dt.timezone.utc),
            city_zh=self.city[0], city_en=self.city[1])
        return WallFigures(overview, self._towns(clue & running, late), self._ranking("department", period),
                           self._ranking("town", period), self._trend(t), self.feed, self.latest, self.pushes,
                           self._next_draw(drawn_today, today), today, self.themes)

    def _per_town(self, mask: np.ndarray) -> dict[str, int]:
        town = self.items.town[mask]
        counts = np.bincount(town[town >= 0], minlength=len(self.items.town_codes))
        return {code: int(counts[i]) for i, code in enumerate(self.items.town_codes)}

    def _towns(self, open_clues: np.ndarray, late: np.ndarray) -> tuple[TownFigure, ...]:
        opened, overdue = self._per_town(open_clues), self._per_town(late)
        return tuple(TownFigure(code, zh, en, self.entities.get(code, 0), opened.get(code, 0), overdue.get(code, 0),
                                float(lng), float(lat))
                     for code, (zh, en, lng, lat) in sorted(self.towns.items()))

    def _ranking(self, group: str, period: tuple[int, int]) -> tuple[RankRow, ...]:
        rates = {r.key: r.on_time_rate for r in by_group(self.items, self.assessment, group, period)}
        rows = []
        for r in by_group(self.items, self.assessment, group):
            if r.key is None:
                continue  # the shared queue, an unknown town: no unit to rank
            if group == "department":
                zh, en = self.departments.get(r.key, (str(r.key), str(r.key)))
            else:
                zh, en = self.towns.get(r.key, (r.key, r.key, 0.0, 0.0))[:2]
            rows.append(RankRow(str(r.key), zh, en, r.overdue_all, r.open, rates.get(r.key)))
        return tuple(sorted(rows, key=lambda r: (-r.overdue, -r.open, r.key)))

    def _trend(self, t: int) -> tuple[TrendPoint, ...]:
        items = self.items
        clue = items.kind == int(Kind.CLUE_HANDLING)
        start, due, done = items.start[clue], items.due[clue], items.done[clue]
        first = t - TREND_DAYS + 1

        def per_day(days: np.ndarray) -> np.ndarray:
            offset = days.astype(np.int64) - first
            return np.bincount(offset[(offset >= 0) & (offset < TREND_DAYS)], minlength=TREND_DAYS)

        received = per_day(start)
        closed = per_day(done[(done >= 0) & (done <= t)])
        points = []
        for i in range(TREND_DAYS):
            d = first + i
            # the engine's overdue as of the end of day d: received by then, past due, not done by then
            late = (start <= d) & (due >= 0) & (due < d) & ~((done >= 0) & (done <= d))
            points.append(TrendPoint(day_date(d), int(received[i]), int(closed[i]), int(late.sum())))
        return tuple(points)

    def _next_draw(self, drawn_today: list[DrawSummary], today: dt.date) -> DrawSummary | None:
        if drawn_today:
            return max(drawn_today, key=lambda b: b.drawn_at)
        waiting = [b for b in self.batches if b.status == "locked"]
        if not waiting:
            return None
        upcoming = [b for b in waiting if b.window_end >= today] or waiting
        return min(upcoming, key=lambda b: (b.window_start, b.batch_id))


def _utc(at: dt.datetime | None) -> dt.datetime | None:
    if at is None:
        return None
    return at.replace(tzinfo=dt.timezone.utc) if at.tzinfo is None else at.astimezone(dt.timezone.utc)
