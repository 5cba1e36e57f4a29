"""Thematic warnings (专项预警) for key industries and areas, for the map and the wall.

Rules, each on what the database holds on ``today``:

- ``complaint_cluster``: complaints clustering in one market building in a week. The
  complaints of the 7 days ending ``today`` (timeline complaint records at their entity's
  position, and clues with a position) join one cluster when they share an entity address or
  lie within ``CLUSTER_M`` metres of each other (chained); a cluster of at least
  ``MIN_COMPLAINTS`` complaints about at least ``MIN_ENTITIES`` entities (a clue without an
  entity counts as one) raises a warning at its centre.
- ``licence_expiring``: a class-D entity's licence expires within ``LICENCE_DAYS`` days (a
  licence record whose validity ends in [today, today + 30] and no later record of the same
  licence for the entity that is valid beyond that).

:func:`thematic_warnings` returns frozen dataclasses with a position and a title in Chinese
and English; the map and the wall read them as they are (nothing is stored). The titles name
no risk class (the wall shows them), only "high-risk".
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from sqlalchemy import Date, bindparam, text

from core.db.database import Database

CLUSTER_M = 100.0
WEEK_DAYS = 7
MIN_COMPLAINTS = 3
MIN_ENTITIES = 2
LICENCE_DAYS = 30
_EARTH_M = 6_371_000.0


@dataclass(frozen=True)
class ThematicWarning:
    """One thematic warning: where, what kind, a title in both languages and what it is about."""

    kind: str                    # complaint_cluster | licence_expiring
    lat: float
    lng: float
    title_zh: str
    title_en: str
    entity_ids: tuple[int, ...]
    count: int                   # complaints in the cluster; 1 for a licence
    day: dt.date                 # the cluster's last complaint; the licence's last valid day


def metres(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    """Great-circle distance in metres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lng2 - lng1) / 2) ** 2)
    return 2 * _EARTH_M * math.asin(math.sqrt(min(1.0, a)))


@dataclass(frozen=True)
class _Point:
    lat: float
    lng: float
    address: str | None
    entity: int | None
    day: dt.date


def _day(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _complaints(db: Database, today: dt.date) -> list[_Point]:
    start = today - dt.timedelta(days=WEEK_DAYS - 1)
    params = {"start": start, "end": today + dt.timedelta(days=1)}
    dates = (bindparam("start", type_=Date), bindparam("end", type_=Date))
    with db.engine.connect() as conn:
        records = conn.execute(text(
            "SELECT e.lat, e.lng, e.address, e.id, r.occurred_on FROM entity_records r "
            "JOIN market_entities e ON e.id = r.entity_id "
            "WHERE r.kind = 'complaint' AND r.occurred_on >= :start AND r.occurred_on < :end").bindparams(*dates),
            params).all()
        # received_at is a timestamp: the window's first and last days' whole days count.
        clues = conn.execute(text(
            "SELECT COALESCE(c.lat, e.lat), COALESCE(c.lng, e.lng), e.address, c.entity_id, c.received_at "
            "FROM clues c LEFT JOIN market_entities e ON e.id = c.entity_id "
            "WHERE c.received_at >= :start AND c.received_at < :end AND c.duplicate_of_id IS NULL"
        ).bindparams(*dates), params).all()
    points = [_Point(float(a), float(b), c, d, _day(e)) for a, b, c, d, e in records]
    points += [_Point(float(a), float(b), c, d, _day(e)) for a, b, c, d, e in clues if a is not None and b is not None]
    return points


def _clusters(points: list[_Point]) -> list[list[int]]:
    """Groups of point indexes: same address, or within CLUSTER_M metres (chained)."""
    parent = list(range(len(points)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        parent[find(i)] = find(j)

    by_address: dict[str, int] = {}
    cell = CLUSTER_M / 111_000.0  # degrees of latitude per cell: neighbours are in adjacent cells
    grid: dict[tuple[int, int], list[int]] = {}
    for i, p in enumerate(points):
        if p.address:
            key = "".join(p.address.split())
            if key in by_address:
                union(i, by_address[key])
            else:
                by_address[key] = i
        lng_cell = cell / max(math.cos(math.radians(p.lat)), 0.1)
        gx, gy = int(math.floor(p.lat / cell)), int(math.floor(p.lng / lng_cell))
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for j in grid.get((gx + dx, gy + dy), ()):
                    if metres(p.lat, p.lng, points[j].lat, points[j].lng) <= CLUSTER_M:
                        union(i, j)
        grid.setdefault((gx, gy), []).append(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(points)):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def complaint_clusters(db: Database, today: dt.date) -> list[ThematicWarning]:
    points = _complaints(db, today)
    out = []
    for members in _clusters(points):
        entities = {points[i].entity for i in members if points[i].entity is not None}
        anonymous = sum(1 for i in members if points[i].entity is None)
        if len(members) < MIN_COMPLAINTS or len(entities) + anonymous < MIN_ENTITIES:
            continue
        lat = sum(points[i].lat for i in members) / len(members)
        lng = sum(points[i].lng for i in members) / len(members)
        address = next((points[i].address for i in members if points[i].address), "")
        place_zh = f"（{address}）" if address else ""
        place_en = f" ({address})" if address else ""
        out.append(ThematicWarning(
            "complaint_cluster", round(lat, 6), round(lng, 6),
            f"投诉聚集：一周内 {len(members)} 起投诉，涉及 {len(entities) + anonymous} 个主体{place_zh}",
            f"Complaints cluster: {len(members)} complaints in a week about {len(entities) + anonymous} "
            f"entities{place_en}",
            tuple(sorted(entities)), len(members), max(points[i].day for i in members)))
    return sorted(out, key=lambda w: (-w.count, w.lat, w.lng))


def expiring_licences(db: Database, today: dt.date) -> list[ThematicWarning]:
    last = today + dt.timedelta(days=LICENCE_DAYS)
    with db.engine.connect() as conn:
        # From the class-D entities to their licences: on SQLite "+kind" keeps the planner off the
        # (kind, day) index, which would walk every licence of the city (0.6 s instead of 6).
        kind = "+r.kind" if conn.dialect.name == "sqlite" else "r.kind"
        later = "+l.kind" if conn.dialect.name == "sqlite" else "l.kind"
        rows = conn.execute(text(
            "SELECT e.id, e.name, e.lat, e.lng, r.title, r.valid_until FROM market_entities e "
            f"JOIN entity_records r ON r.entity_id = e.id AND {kind} = 'licence' "
            "WHERE e.risk_class = 'D' AND e.status = 'active' AND r.valid_until >= :today AND r.valid_until <= :last "
            "AND NOT EXISTS (SELECT 1 FROM entity_records l WHERE l.entity_id = r.entity_id "
            f"AND {later} = 'licence' AND l.title = r.title AND l.valid_until > :last) "
            "ORDER BY r.valid_until, e.id").bindparams(bindparam("today", type_=Date), bindparam("last", type_=Date)),
            {"today": today, "last": last}).all()
    return [ThematicWarning(
        "licence_expiring", lat, lng,
        f"重点监管主体许可证即将到期：{name}的{title}于 {_day(until):%Y-%m-%d} 到期",
        f"Licence of a closely watched entity expires soon: {name}, {title}, on {_day(until):%Y-%m-%d}",
        (entity_id,), 1, _day(until)) for entity_id, name, lat, lng, title, until in rows]


def thematic_warnings(db: Database, today: dt.date | None = None) -> list[ThematicWarning]:
    """Every thematic warning on ``today``: complaint clusters first (largest first), then licences."""
    today = today or dt.date.today()
    return complaint_clusters(db, today) + expiring_licences(db, today)
